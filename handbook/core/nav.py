"""The site's navigation as a plain tree, and what the engine does to it.

Generated pages join the nav section of their folder (the section whose `folder/index.md` is
listed), pages left out of the site are pruned with the sections they empty, and a section
listing more than a limit of entries is split into parts. Pure: the MkDocs hook
(handbook.mkdocs.adapter) turns MkDocs' nav into this tree and back; `handbook export` reads
and writes it as the `nav:` of mkdocs.yml.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from handbook.core.text import html_text

_URL = re.compile(r"^[a-z][a-z0-9+.-]*:|^/")


@dataclass
class NavNode:
    """A section (children is a list), a page (page is its docs path) or a link (url)."""

    title: str | None = None  # a section's; a page's from its nav entry (None: its own title)
    page: str | None = None
    url: str | None = None
    children: list[NavNode] | None = None
    ref: object = None  # what the node stands for in an adapter (MkDocs' Page, Section, Link)

    @property
    def is_section(self) -> bool:
        return self.children is not None


# ---------------------------------------------------------------------------------------------
# mkdocs.yml's `nav:`


def from_config(entries: Iterable[object]) -> list[NavNode]:
    """The tree of a `nav:` list as mkdocs.yml writes it."""
    nodes = []
    for entry in entries:
        title, value = None, entry
        if isinstance(entry, dict) and len(entry) == 1:
            title, value = next(iter(entry.items()))
        if isinstance(value, list):
            nodes.append(NavNode(title=str(title), children=from_config(value)))
        elif isinstance(value, str) and _URL.match(value):
            nodes.append(NavNode(title=None if title is None else str(title), url=value))
        elif isinstance(value, str):
            nodes.append(NavNode(title=None if title is None else str(title), page=value))
    return nodes


def to_config(nodes: Iterable[NavNode]) -> list[object]:
    """`nodes` as a `nav:` list for mkdocs.yml."""
    entries: list[object] = []
    for node in nodes:
        if node.children is not None:
            entries.append({node.title: to_config(node.children)})
        else:
            target = node.page if node.page is not None else node.url
            entries.append(target if node.title is None else {node.title: target})
    return entries


# ---------------------------------------------------------------------------------------------
# What the engine does to the nav


def pages_of(nodes: Iterable[NavNode]) -> list[NavNode]:
    """Every page of the tree, in order (links and sections left out)."""
    found: list[NavNode] = []
    for node in nodes:
        if node.children is not None:
            found.extend(pages_of(node.children))
        elif node.page is not None:
            found.append(node)
    return found


def _is_index(node: NavNode) -> bool:
    return node.page is not None and node.page.endswith("index.md")


def sections_by_folder(nodes: Iterable[NavNode]) -> dict[str, NavNode]:
    """Each section by the folder of the index page it lists (the innermost wins)."""
    found: dict[str, NavNode] = {}
    for node in nodes:
        if node.children is not None:
            for child in node.children:
                if child.children is None and _is_index(child):
                    found.setdefault(posixpath.dirname(child.page or ""), node)
            found.update(sections_by_folder(node.children))
    return found


def _subsection(section: NavNode, title: str) -> NavNode:
    """The child section of `section` called `title`, appended when there is none."""
    # The theme prints section titles as HTML; `title` may come from data (a tool category).
    shown = html_text(title)
    for child in _children(section):
        if child.children is not None and child.title in (title, shown):
            return child
    made = NavNode(title=shown, children=[])
    _children(section).append(made)
    return made


def _children(section: NavNode) -> list[NavNode]:
    if section.children is None:
        raise ValueError(f"nav: {section.title!r} is not a section")
    return section.children


def slot(nodes: list[NavNode], placed: Iterable[tuple[NavNode, tuple[str, ...]]]) -> list[NavNode]:
    """Append each page to the section of its folder (or the nearest folder above it), in
    the sub-sections its group names, in the order given. Returns the pages that found no
    section: they are built, and reachable by their links, but not in the nav."""
    sections = sections_by_folder(nodes)
    homeless = []
    for page, group in placed:
        folder = posixpath.dirname(page.page or "")
        while folder and folder not in sections:
            folder = posixpath.dirname(folder)
        section = sections.get(folder)
        if section is None:
            homeless.append(page)
            continue
        for title in group:
            section = _subsection(section, title)
        _children(section).append(page)
    return homeless


def prune(nodes: list[NavNode], drop: Callable[[NavNode], bool]) -> list[NavNode]:
    """`nodes` without the pages `drop` picks, nor the sections that leaves empty."""
    kept = []
    for node in nodes:
        if node.children is not None:
            node.children = prune(node.children, drop)
            if not node.children:
                continue  # a section left empty would render as a heading with nothing in it
        elif node.page is not None and drop(node):
            continue
        kept.append(node)
    return kept


def split_long_sections(nodes: list[NavNode], limit: int) -> None:
    """Split each section that lists more than `limit` entries into parts of `limit`.

    Material renders the open section's every entry into each of its pages, so one section of
    hundreds of pages makes each of them hundreds of links long. Parts ("Pages 1-30", "Pages
    31-60", ...) keep every page in the nav: a page shows its own part open and the other parts
    as one link each. A section's index page stays first, as its link. Order is unchanged, so
    previous/next links are too.
    """
    for node in nodes:
        if node.children is not None:
            split_long_sections(node.children, limit)
            _split_section(node, limit)


def _split_section(section: NavNode, limit: int) -> None:
    children = section.children or []
    first = children[0] if children else None
    # navigation.indexes: the section's own link stays first.
    head = [first] if first is not None and first.children is None and _is_index(first) else []
    rest = children[len(head) :]
    # Parts of parts, when even the parts are more than `limit`.
    while len(rest) > limit:
        parts, offset = [], 0
        for start in range(0, len(rest), limit):
            chunk = rest[start : start + limit]
            pages = len(pages_of(chunk))
            parts.append(NavNode(title=f"Pages {offset + 1}\u2013{offset + pages}", children=chunk))
            offset += pages
        rest = parts
    section.children = [*head, *rest]
