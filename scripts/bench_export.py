"""MkDocs hook used only by the benchmark: writes every page as the full build shows it, for plain
Material to build.

Added to a copy of a generated handbook's config (scripts/bench_site.py). For every page it
writes, under `<project>/generated/` at the page's path, the markdown the full build converts
(mkdocs-macros' output, the generated pages' text) with what our hooks then put into the HTML
written back in as raw HTML: template pages' copy, preview and source slots, tool pages' list of
the pages that mention them. The final nav (generated pages slotted in) goes to
`<project>/generated-nav.yml`. The plain variant then builds the same pages in the same nav
with no hooks or macros, so the full/plain ratio measures what our code costs rather than how
much content it adds.

Left out, each in plain Material's favour: the engine's chrome (review footers and notices,
"Report a problem"), which plain Material would not have, and the freshness dashboard's tables
(its text stays): a plain site has no such page, and as raw HTML in markdown (about 480 KB at
1,000 pages) they would cost Python-Markdown more than the full build spends on the whole page.

The fills are recorded by wrapping the engine functions that make them, in this build only.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from handbook.export.inert import block
from handbook.freshness import render
from handbook.templates import pages as template_pages
from handbook.tools import pages as tool_pages

OUT = "generated"
NAV = "generated-nav.yml"
_FRONT_MATTER = re.compile(r"\A---\r?\n.*?\r?\n---\r?\n", re.S)

_markdown: dict[str, str] = {}  # page -> the markdown the full build converted
_fills: dict[str, dict[str, Any]] = {}  # page -> what the engine filled into its HTML
_current = [""]  # the page whose hooks are running


def _record(kind: str, make: Any) -> Any:
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        if kind == "slots":
            _fills.setdefault(_current[0], {})[kind] = args[1]
        result = make(*args, **kwargs)
        if kind == "mentions":
            _fills.setdefault(_current[0], {})[kind] = result
        return result

    return wrapped


_original: dict[str, Any] = {}  # the engine's functions while wrapped


def on_startup(command: str, dirty: bool) -> None:
    # For this build only: importing this module (scripts/bench_site.py does) changes nothing.
    if not _original:
        _original["slots"] = template_pages.fill_slots
        _original["mentions"] = tool_pages.mentions_html
        template_pages.fill_slots = _record("slots", _original["slots"])
        tool_pages.mentions_html = _record("mentions", _original["mentions"])


def on_shutdown() -> None:
    if _original:
        template_pages.fill_slots = _original.pop("slots")
        tool_pages.mentions_html = _original.pop("mentions")


def _project(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


# Last: after mkdocs-macros and every hook have changed the page's markdown.
@event_priority(-1000)
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    _markdown[page.file.src_uri] = markdown
    return markdown


# First, so the fills of every later hook are recorded for this page.
@event_priority(1000)
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    _current[0] = page.file.src_uri
    return html


@event_priority(1000)
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    _current[0] = page.file.src_uri
    return context


# Last: after the freshness hook has written the dashboard's markdown.
@event_priority(-1000)
def on_env(env: Any, config: MkDocsConfig, files: Files) -> Any:
    dashboard = files.get_file_from_path(render.DASHBOARD_URI)
    if dashboard is not None and dashboard.page is not None:
        _markdown[render.DASHBOARD_URI] = dashboard.page.markdown or ""
    return env


# Last: after the tool pages' mentions (on_page_context) and everything before.
@event_priority(-1000)
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    src_uri = page.file.src_uri
    body = _markdown.pop(src_uri)
    fills = _fills.pop(src_uri, {})
    if "slots" in fills:
        slots = {name: block(html) for name, html in fills["slots"].items()}
        body = template_pages.fill_slots(body, slots)
    if "mentions" in fills:
        body = body.replace(tool_pages.MENTIONS_MARKER, fills["mentions"].strip())
    front = _FRONT_MATTER.match(page.file.content_string)
    head = front.group() if front else ""
    if page.meta.get("search") and "search:" not in head:
        # Set by a hook (the dashboard is kept out of search), so written out here.
        extra = yaml.safe_dump({"search": page.meta["search"]}, sort_keys=False)
        head = f"---\n{extra}---\n" if not head else head[:-4] + extra + "---\n"
    path = _project(config) / OUT / src_uri
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(head + body, encoding="utf-8")
    return output


def _entries(items: list) -> list:
    entries: list = []
    for item in items:
        if isinstance(item, Section):
            entries.append({item.title: _entries(item.children)})
        elif isinstance(item, Page):
            entries.append({item.title: item.file.src_uri} if item.title else item.file.src_uri)
    return entries


# Last: after our data hook (at -100) has slotted the generated pages into the nav.
@event_priority(-1000)
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    text = yaml.safe_dump({"nav": _entries(nav.items)}, sort_keys=False, allow_unicode=True)
    (_project(config) / NAV).write_text(text, encoding="utf-8")
    return nav
