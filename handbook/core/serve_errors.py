"""What `make serve` shows while a rebuild fails: the errors, on every page, instead of a hang.

MkDocs' development server holds every request until a rebuild succeeds, so a broken data
file made the browser spin with the reason only in the terminal.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

_BODY = re.compile(rb"<body[^>]*>")
MARKER = b'data-handbook-build-failed="true"'


def banner(messages: list[str]) -> bytes:
    items = "".join(f"<li><code>{html.escape(m)}</code></li>" for m in messages)
    return (
        f'<div role="alert" {MARKER.decode()} style="margin:0;padding:1rem 1.5rem;'
        'background:#b71c1c;color:#fff;font:16px/1.5 sans-serif">'
        "<strong>The handbook does not build.</strong> Fix what is listed and save; this page "
        f'reloads by itself.<ul style="margin:.5rem 0 0">{items}</ul></div>'
    ).encode()


def with_banner(page: bytes, messages: list[str]) -> bytes:
    """`page` with the error banner first in its body (replacing one shown before)."""
    page = re.sub(rb'<div role="alert" ' + MARKER + rb".*?</ul></div>", b"", page, flags=re.S)
    match = _BODY.search(page)
    at = match.end() if match else 0
    return page[:at] + banner(messages) + page[at:]


def show_errors(site: Path, messages: list[str]) -> int:
    """Put the banner on every page of the last good build in `site`; returns pages changed."""
    changed = 0
    for path in site.rglob("*.html"):
        path.write_bytes(with_banner(path.read_bytes(), messages))
        changed += 1
    return changed
