"""Where a new page goes in an explicit `nav:` of mkdocs.yml: the exact YAML line to add.

Only the `nav:` block is read (the rest of mkdocs.yml uses tags like !ENV that a safe loader
rejects). A page belongs to the section whose index page sits in its folder, or the nearest
folder above it; without one, it goes at the end of the top level.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from handbook.core.problems import Problem
from handbook.core.yamlload import KeyPath, YamlError, load_yaml

_TOP_LEVEL_KEY = re.compile(r"^[A-Za-z_][\w-]*\s*:")


@dataclass(frozen=True)
class NavSpot:
    section: str  # section title, "" for the top level
    after_line: int  # 1-based line of mkdocs.yml after which the entry goes
    line: str  # the YAML line to add, indented


def _nav_block(text: str) -> tuple[str, int] | None:
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if re.match(r"^nav\s*:", line)), None)
    if start is None:
        return None
    end = next(
        (i for i in range(start + 1, len(lines)) if _TOP_LEVEL_KEY.match(lines[i])), len(lines)
    )
    return "\n".join(lines[start:end]) + "\n", start


def _sections(items: list, path: KeyPath, found: dict[str, tuple[str, KeyPath]]) -> None:
    """Map each section's folder (from its `folder/index.md` entry) to its title and key path."""
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            continue
        for title, value in item.items():
            if not isinstance(value, list):
                continue
            child = (*path, i, title)
            for entry in value:
                target = next(iter(entry.values()), None) if isinstance(entry, dict) else entry
                if isinstance(target, str) and posixpath.basename(target) == "index.md":
                    found.setdefault(posixpath.dirname(target), (str(title), child))
            _sections(value, child, found)


def find_spot(mkdocs_yml: str, page: str) -> NavSpot | None:
    """Where `page` (docs-relative, e.g. "guidelines/x.md") goes; None without an explicit nav."""
    block = _nav_block(mkdocs_yml)
    if block is None:
        return None
    text, offset = block
    try:
        doc = load_yaml(text, "mkdocs.yml", line_offset=offset)
    except YamlError:
        return None
    nav = doc.data.get("nav") if isinstance(doc.data, dict) else None
    if not isinstance(nav, list):
        return None
    sections: dict[str, tuple[str, KeyPath]] = {}
    _sections(nav, ("nav",), sections)
    folder = posixpath.dirname(page)
    while folder and folder not in sections:
        folder = posixpath.dirname(folder)
    title, path = sections.get(folder, ("", ("nav",)))
    inside = [line for key, line in doc.lines.items() if key[: len(path)] == path]
    first_item = doc.lines.get((*path, 0))
    source = mkdocs_yml.splitlines()
    indent = ""
    if first_item:
        item_text = source[first_item - 1]
        indent = item_text[: len(item_text) - len(item_text.lstrip())]
    return NavSpot(title, max(inside), f"{indent}- {page}")


def nav_hint(mkdocs_path: Path, page: str) -> str | None:
    """A message telling where to add `page`, or None when the nav is built automatically."""
    try:
        spot = find_spot(mkdocs_path.read_text(encoding="utf-8"), page)
    except OSError:
        return None
    if spot is None:
        return None
    where = f'the "{spot.section}" section' if spot.section else "the top level"
    return (
        f"mkdocs.yml has an explicit nav: add this line to {where}, "
        f"after line {spot.after_line} of mkdocs.yml:\n{spot.line}"
    )


def _entries(items: list, path: KeyPath, found: list[tuple[KeyPath, str]]) -> None:
    """Every page path of the nav (not external links), with its key path."""
    for i, item in enumerate(items):
        target = item
        here: KeyPath = (*path, i)
        if isinstance(item, dict) and len(item) == 1:
            title, target = next(iter(item.items()))
            here = (*here, title)
        if isinstance(target, list):
            _entries(target, here, found)
        elif isinstance(target, str) and not re.match(r"^[a-z][a-z0-9+.-]*:|^/|^#", target):
            found.append((here, target))


def missing_nav_pages(
    mkdocs_yml: str, exists: Callable[[str], bool], left_out: Callable[[str], bool]
) -> list[Problem]:
    """Nav entries of mkdocs.yml naming a page that is not in the docs folder (`exists`), as
    `mkdocs.yml:LINE`; entries in an off feature's folder (`left_out`) are dropped, not errors."""
    block = _nav_block(mkdocs_yml)
    if block is None:
        return []
    text, offset = block
    try:
        doc = load_yaml(text, "mkdocs.yml", line_offset=offset)
    except YamlError:
        return []
    nav = doc.data.get("nav") if isinstance(doc.data, dict) else None
    if not isinstance(nav, list):
        return []
    found: list[tuple[KeyPath, str]] = []
    _entries(nav, ("nav",), found)
    return [
        Problem(
            "mkdocs.yml",
            doc.line_of(path),
            f"{target} is not a page in the docs folder; fix the path or remove the entry",
            key="nav",
        )
        for path, target in found
        if not exists(target) and not left_out(target)
    ]
