"""Links into pages that are not in the site (an off feature's folder) become their text.

Two passes: markdown links before MkDocs validates them (it would warn, and a strict build
fails), and HTML links the page's macros or raw HTML wrote.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Set

from handbook.pages.drafts import resolve

_ANCHOR = re.compile(r"<a\b[^>]*?\bhref=\"([^\"]*)\"[^>]*>(.*?)</a>", re.S)
# [text](target) or [text](target "title"); images (![...]) are left alone.
_MD_LINK = re.compile(r"(?<!!)\[((?:[^\[\]]|\[[^\]]*\])*)\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
_FENCE = re.compile(r"^(\s*)(```|~~~)")


def unlink(html: str, page_url: str, targets: Set[str]) -> str:
    """`html` with each link to one of `targets` (site-relative URLs) replaced by its text."""

    def replace(match: re.Match) -> str:
        return match.group(2) if resolve(match.group(1), page_url) in targets else match.group(0)

    return _ANCHOR.sub(replace, html)


def target_src_uri(href: str, page_src_uri: str) -> str | None:
    """The docs-relative path a markdown link of page `page_src_uri` points to, or None."""
    path = href.split("#", 1)[0]
    if not path or re.match(r"^[a-z][a-z0-9+.-]*:|^/", path):
        return None
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(page_src_uri), path))
    return None if joined.startswith("..") else joined


def unlink_markdown(markdown: str, page_src_uri: str, left_out: Callable[[str], bool]) -> str:
    """`markdown` with links whose target `left_out` says is not in the site turned into their
    text (link text may span lines); fenced code is left as written."""

    def replace(text: str, target: str, _href: str) -> str | None:
        return text if left_out(target) else None

    return rewrite_links(markdown, page_src_uri, replace)


def rewrite_links(
    markdown: str, page_src_uri: str, replace: Callable[[str, str, str], str | None]
) -> str:
    """`markdown` with each link to a docs path (outside fenced code) replaced by what
    `replace(text, target, href)` returns; None keeps the link as written."""

    def each(link: re.Match) -> str:
        target = target_src_uri(link.group(2), page_src_uri)
        made = replace(link.group(1), target, link.group(2)) if target is not None else None
        return link.group(0) if made is None else made

    chunks: list[tuple[bool, list[str]]] = [(False, [])]  # (is fenced code, lines)
    fence: str | None = None
    for line in markdown.split("\n"):
        match = _FENCE.match(line)
        if fence is None and match:
            fence = match.group(2)
            chunks.append((True, [line]))
        elif fence is not None:
            chunks[-1][1].append(line)
            if match and match.group(2) == fence:
                fence = None
                chunks.append((False, []))
        else:
            chunks[-1][1].append(line)
    lines: list[str] = []
    for code, chunk in chunks:
        if not chunk:
            continue
        lines += chunk if code else _MD_LINK.sub(each, "\n".join(chunk)).split("\n")
    return "\n".join(lines)
