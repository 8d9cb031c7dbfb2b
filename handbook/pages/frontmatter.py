"""Split a markdown page into front matter and body, keeping line numbers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from handbook.core.problems import Problem
from handbook.core.yamlload import KeyPath, YamlError, load_yaml

_FENCE = re.compile(r"^---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)", re.S | re.M)


@dataclass
class Page:
    """A page's front matter (`meta`), body and where each key sits (1-based file lines)."""

    file: str
    meta: dict[str, Any]
    body: str
    lines: dict[KeyPath, int] = field(default_factory=dict)
    scalars: dict[KeyPath, str] = field(default_factory=dict)
    has_front_matter: bool = False
    body_line: int = 1  # the file line on which `body` starts

    def line_of(self, key: str) -> int:
        return self.lines.get((key,), 1)


def split(text: str) -> tuple[str | None, str]:
    """Return (front matter text or None, body)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    match = _FENCE.match(text)
    if not match:
        return None, text
    return match.group(1), text[match.end() :]


def parse_page(text: str, file: str) -> tuple[Page, list[Problem]]:
    """Parse a page; problems (bad YAML, not a mapping) come back instead of raising."""
    raw, body = split(text)
    if raw is None:
        if re.match(r"^\ufeff?---[ \t]*\r?\n", text):
            # It would be published as page text, keys and all.
            message = "front matter starts with --- but has no closing --- line; add one"
            return Page(file, {}, body), [Problem(file, 1, message)]
        return Page(file, {}, body), []
    try:
        # The YAML starts on line 2, after the opening fence.
        doc = load_yaml(raw, file, line_offset=1)
    except YamlError as exc:
        return Page(file, {}, body, has_front_matter=True), [exc.problem]
    if doc.data is None:
        return Page(file, {}, body, has_front_matter=True), []
    if not isinstance(doc.data, dict):
        kind = type(doc.data).__name__
        problem = Problem(
            file, 2, f"front matter must be a mapping of keys to values, not a {kind}"
        )
        return Page(file, {}, body, has_front_matter=True), [problem]
    page = Page(file, doc.data, body, doc.lines, doc.scalars, has_front_matter=True)
    page.body_line = _body_line(text, body)
    return page, []


def _body_line(text: str, body: str) -> int:
    return text[: len(text) - len(body)].count("\n") + 1


def rendered_body_line(text: str) -> int:
    """The file line on which MkDocs' page markdown starts: after the front matter and the
    blank lines MkDocs strips after it (what mkdocs-macros renders as template line 1)."""
    raw, body = split(text)
    if raw is None:
        return 1
    return _body_line(text, body) + len(body) - len(body.lstrip("\n"))
