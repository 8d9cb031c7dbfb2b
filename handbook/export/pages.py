"""The pages of an export: each one's markdown, front matter and title, as the hooks would
have made them in a build.

A page goes through the steps the build takes, in its order (handbook.export.site): links
into an off feature's folder become text, tool mentions are found in the author's own words,
macros render, and once every page is rendered its title, freshness record, notice and footer
are known.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Any

from handbook.core.registry import GeneratedPage
from handbook.export.titles import fallback_title
from handbook.freshness.model import PageFreshness
from handbook.pages.frontmatter import parse_page, rendered_body_line
from handbook.pages.readers import THEME_KEY
from handbook.pages.theme_keys import TEXT_KEYS, escaped_text
from handbook.templates.model import parse_ref

HOME = "index.md"


@dataclass
class SourcePage:
    """One page of the exported site, written by a person or made from data."""

    src_uri: str
    meta: dict[str, Any]
    body: str  # the markdown MkDocs would read after the front matter
    body_line: int = 1  # the file line `body` starts on, for messages
    generated: bool = False
    # A generated page's place in the nav: sub-sections of its folder's section, and order.
    group: tuple[str, ...] = ()
    order: str = ""
    nav_title: str | None = None  # its title in mkdocs.yml's nav, if the entry gives one
    heading: str | None = None  # its rendered first element's text, when that is an h1
    toc_empty: bool = False
    content: str = ""  # the rendered HTML, before notices (what on_page_context sees)
    record: PageFreshness | None = None
    edit_url: str = ""  # the page's edit link: MkDocs' own, or its source's for a made page
    view_link: str = ""  # a made page's record in its data file, at its line
    # Front matter the hooks would set on the page (status, hide, search).
    extra_meta: dict[str, Any] = field(default_factory=dict)

    @property
    def is_home(self) -> bool:
        return self.src_uri == HOME

    @property
    def title(self) -> str:
        """page.title as the hooks read it while pages render: raw text, or the HTML text of
        a heading."""
        if self.nav_title is not None:
            return self.nav_title
        if "title" in self.meta:
            return str(self.meta["title"])
        if self.heading:
            return self.heading
        return fallback_title(self.src_uri)

    @property
    def shown(self) -> str:
        """The title as the theme prints it (HTML text), as the theme hook makes it."""
        if self.nav_title is not None:
            return escaped_text(self.nav_title)
        if self.meta.get("title") is not None:
            return escaped_text(self.meta["title"])
        if self.heading:
            return self.heading
        return escaped_text(fallback_title(self.src_uri))

    @property
    def plain_title(self) -> str:
        return html.unescape(self.shown)


def written_page(text: str, src_uri: str, name: str) -> SourcePage:
    """A page of docs/ from its text; `name` is its path for messages (docs/x.md)."""
    parsed, problems = parse_page(text, name)
    if problems:
        raise ValueError(str(problems[0]))
    # MkDocs strips the blank lines after the front matter.
    body = parsed.body.lstrip("\n")
    return SourcePage(src_uri, dict(parsed.meta), body, rendered_body_line(text))


def generated_page(made: GeneratedPage) -> SourcePage:
    parsed, _ = parse_page(made.markdown, made.src_uri)
    page = SourcePage(made.src_uri, dict(parsed.meta), parsed.body.lstrip("\n"), generated=True)
    page.group = made.group
    page.order = made.order if made.order is not None else made.title.lower()
    return page


def front_matter(page: SourcePage, theme: dict[str, Any]) -> dict[str, Any]:
    """The page's front matter in the export: as written, with what the hooks change.

    Text keys escaped as the theme hook escapes them, the title written out (a notice before
    the heading would hide it from the generator), a document template's `template:` moved to
    `template_ref` (the theme would read it as its own template), `render_macros` dropped
    (the body is rendered), and the theme's values for the page under THEME_KEY.
    """
    meta: dict[str, Any] = {}
    for key, value in page.meta.items():
        if key in ("render_macros", THEME_KEY):
            continue
        if key == "template" and parse_ref(value):
            meta["template_ref"] = value
        elif key in TEXT_KEYS and key != "title" and value is not None:
            meta[key] = escaped_text(value)
        else:
            meta[key] = value
    if not page.is_home or "title" in page.meta:
        meta["title"] = page.shown
    meta.update(page.extra_meta)
    meta[THEME_KEY] = theme
    return _plain(meta)


def _plain(value: Any) -> Any:
    """Values YAML can write: Markup and other str kinds as str, tuples as lists."""
    if isinstance(value, str):
        return str(value)
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value
