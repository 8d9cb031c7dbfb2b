"""Placeholders in templates that survive the trip to where people paste them.

A placeholder in angle brackets, `<feature name>`, is read as an HTML tag by GitHub, GitLab,
most markdown editors and this site's own markdown, and disappears; pasted into Google Docs it
survives but reads as code. In square brackets, `[feature name]`, it shows as text everywhere
(CommonMark keeps `[text]` literal when no link follows). Code spans and fenced blocks keep
their text anywhere, so placeholders inside them are left alone.

Pure: text in, text or line numbers out.
"""

from __future__ import annotations

import re

_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?:.+?)\1")
_ANGLE = re.compile(r"<([^<>\n]+)>")
# <https://example.com> and <name@example.com> are links in every markdown, not placeholders;
# <!-- ... --> is a comment.
_AUTOLINK = re.compile(r"^(?:[a-z][a-z0-9+.-]{1,31}:[^\s<>]*|[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+)$")
_COMMENT = re.compile(r"^!--")


def _is_placeholder(inner: str) -> bool:
    return not (_AUTOLINK.match(inner) or _COMMENT.match(inner))


def _outside_code(line: str, replace) -> str:
    """`replace(segment)` applied to the parts of `line` that are not code spans."""
    out, last = [], 0
    for span in _CODE_SPAN.finditer(line):
        out.append(replace(line[last : span.start()]))
        out.append(span.group(0))
        last = span.end()
    out.append(replace(line[last:]))
    return "".join(out)


def _lines(text: str):
    """(number, line, in_code) for each line; fence lines count as code."""
    fence = None
    for number, line in enumerate(text.splitlines(keepends=True), 1):
        opener = _FENCE.match(line)
        if fence is not None:
            if opener and opener.group(1)[0] == fence[0] and len(opener.group(1)) >= len(fence):
                fence = None
            yield number, line, True
            continue
        if opener:
            fence = opener.group(1)
            yield number, line, True
            continue
        yield number, line, False


def angle_placeholders(text: str) -> list[tuple[int, str]]:
    """(line, placeholder) for every `<placeholder>` outside code: each would vanish."""
    found: list[tuple[int, str]] = []
    for number, line, code in _lines(text):
        if code:
            continue

        def collect(segment: str, number: int = number) -> str:
            for match in _ANGLE.finditer(segment):
                if _is_placeholder(match.group(1)):
                    found.append((number, match.group(0)))
            return segment

        _outside_code(line, collect)
    return found


def square_placeholders(text: str) -> str:
    """`text` with each `<placeholder>` outside code written as `[placeholder]`."""

    def swap(segment: str) -> str:
        return _ANGLE.sub(
            lambda m: f"[{m.group(1)}]" if _is_placeholder(m.group(1)) else m.group(0), segment
        )

    def line_swap(line: str) -> str:
        # Nested placeholders (<owner of <area>>) go inside out.
        while (changed := _outside_code(line, swap)) != line:
            line = changed
        return line

    return "".join(line if code else line_swap(line) for _n, line, code in _lines(text))
