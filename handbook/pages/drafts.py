"""Draft pages: shown by `mkdocs serve` with a banner, left out of the published build.

A page is a draft when its front matter says `draft: true` (or it matches mkdocs.yml's
`draft_docs`, which MkDocs handles itself). The decisions live here; hooks/drafts.py adapts.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections.abc import Set
from html.parser import HTMLParser
from urllib.parse import urlsplit

from handbook.core.jinja_env import environment
from handbook.core.problems import Problem
from handbook.pages.frontmatter import Page, parse_page, split

# Cheap test before parsing YAML: most pages have no `draft:` key at all.
_DRAFT_KEY = re.compile(r"^draft[ \t]*:", re.M)

_JINJA = environment(trim=False)


def is_draft(text: str) -> bool:
    """True when the page's front matter sets `draft: true`."""
    raw, _body = split(text)
    if raw is None or not _DRAFT_KEY.search(raw):
        return False
    page, problems = parse_page(text, "")
    return not problems and page.meta.get("draft") is True


def check_draft(page: Page, _owners: dict, _today: dt.date) -> list[Problem]:
    """`draft` must be a boolean: `draft: yes please` would otherwise publish the page."""
    value = page.meta.get("draft")
    if value is None or isinstance(value, bool):
        return []
    return [Problem(page.file, page.line_of("draft"), "draft must be true or false")]


def banner(src_path: str) -> str:
    """The HTML banner shown at the top of a draft page under `mkdocs serve`."""
    return _JINJA.get_template("draft_banner.html").render(src_path=src_path)


class _Hrefs(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.hrefs.append(value)


def resolve(href: str, page_url: str) -> str | None:
    """The site-relative URL (as in File.url, e.g. 'guides/x/') an internal href points to."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("#", "/")):
        return None
    if not parts.path:
        return None
    base = page_url if page_url.endswith("/") else posixpath.dirname(page_url)
    joined = posixpath.normpath(posixpath.join(base or ".", parts.path))
    if joined in (".", ""):
        return ""
    if joined.startswith(".."):
        return None
    return joined + ("/" if parts.path.endswith("/") else "")


def links_to(html: str, page_url: str, targets: Set[str]) -> list[str]:
    """The hrefs in `html` (of the page at `page_url`) that point at one of `targets` URLs."""
    parser = _Hrefs()
    parser.feed(html)
    return [href for href in parser.hrefs if resolve(href, page_url) in targets]
