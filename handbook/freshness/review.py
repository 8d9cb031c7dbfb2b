"""Set a page's review date in place, changing nothing else in the file, byte for byte.

The front matter is edited as text, not re-dumped from YAML, so comments, quoting, key order,
line endings (LF or CRLF), a byte-order mark and a missing final newline all survive. The result
is parsed again before it is written; anything that would not round-trip is refused.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

from handbook.core.safe_write import ChangedMeanwhile, write_atomically
from handbook.freshness.review_fields import LAST_REVIEWED_KEYS, pick, read_date
from handbook.pages.frontmatter import _FENCE, parse_page

_KEY_LINE = re.compile(
    r"^(?P<key>last_reviewed(?:_on)?)(?P<colon>[ \t]*:)(?P<space>[ \t]*)"
    r"(?P<value>'[^'\r\n]*'|\"[^\"\r\n]*\"|[^\s#][^\r\n]*?)?"
    r"(?P<rest>[ \t]+#[^\r\n]*|[ \t]*)(?P<eol>\r?\n|$)"
)
_GOVUK_KEYS = ("last_reviewed_on", "review_in", "owner_slack")


class ReviewError(Exception):
    pass


def _new_value(old: str | None, day: dt.date) -> str:
    if old and old[0] in "'\"":
        return f"{old[0]}{day.isoformat()}{old[0]}"
    return day.isoformat()


def set_last_reviewed(text: str, day: dt.date, name: str = "page") -> str:
    """`text` with its review date set to `day`; raises ReviewError when that is not safe."""
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    content = text[len(bom) :]
    newline = "\r\n" if "\r\n" in content.split("\n", 1)[0] + "\n" else "\n"
    match = _FENCE.match(content)
    if match is None:
        if re.match(r"^---[ \t]*\r?\n", content):
            raise ReviewError(f"{name}: front matter starts with --- but never ends; fix it first")
        updated = f"{bom}---{newline}last_reviewed: {day.isoformat()}{newline}---{newline}{content}"
    else:
        start, end = match.span(1)
        front = content[start:end]
        lines = front.splitlines(keepends=True)
        found = False
        for i, line in enumerate(lines):
            key_match = _KEY_LINE.match(line)
            if key_match:
                found = True
                value = _new_value(key_match.group("value"), day)
                lines[i] = (
                    line[: key_match.start("space")]
                    + (key_match.group("space") or " ")
                    + value
                    + key_match.group("rest")
                    + key_match.group("eol")
                )
        if not found:
            old_meta = parse_page(text, name)[0].meta
            key = "last_reviewed_on" if any(k in old_meta for k in _GOVUK_KEYS) else "last_reviewed"
            eol = newline
            if lines and not lines[-1].endswith("\n"):
                lines[-1] += eol
            lines.append(f"{key}: {day.isoformat()}{eol}")
        updated = bom + content[:start] + "".join(lines) + content[end:]
    _verify(text, updated, day, name)
    return updated


def _verify(before: str, after: str, day: dt.date, name: str) -> None:
    """The edit must parse, carry `day`, and leave every other key's value as it was."""
    new, problems = parse_page(after, name)
    if problems:
        raise ReviewError(f"{name}: cannot edit the front matter safely: {problems[0].message}")
    key, value = pick(new.meta, LAST_REVIEWED_KEYS)
    if read_date(value) != day:
        raise ReviewError(
            f"{name}: cannot edit the front matter safely (is it a plain `key: value` mapping?)"
        )
    old, old_problems = parse_page(before, name)
    if not old_problems:
        others = {k: v for k, v in new.meta.items() if k != key}
        if others != {k: v for k, v in old.meta.items() if k != key}:
            raise ReviewError(f"{name}: editing the review date would change other keys")


def review_file(
    root: Path,
    path: Path,
    day: dt.date,
    name: str,
    owned: Callable[[Path], bool] | None = None,
    attempts: int = 3,
) -> tuple[dt.date | None, bool]:
    """Update `path` (inside `root`); returns (previous review date, whether the file changed).

    Written atomically: an interrupted write never truncates a page, and a symlink stays one
    (followed only to a file `owned` accepts: a page or a template). A page saved by someone
    else while this runs is read again and reviewed as saved, never overwritten.
    """
    for attempt in range(attempts):
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ReviewError(f"{name}: not UTF-8 text ({exc})") from None
        previous = read_date(pick(parse_page(text, name)[0].meta, LAST_REVIEWED_KEYS)[1])
        data = set_last_reviewed(text, day, name).encode("utf-8")
        if data == raw:
            return previous, False
        try:
            write_atomically(root, path, data, owned=owned, read=raw)
        except ChangedMeanwhile:
            if attempt == attempts - 1:
                raise
            continue
        return previous, True
    raise AssertionError("unreachable")  # pragma: no cover
