"""Which search a handbook's readers get: Material's (the default) or Pagefind's chunked index.

Called from the theme hook (hooks/theme.py), so a handbook switches with one line in
mkdocs.yml (`extra: handbook: search: pagefind`) and no new hook file. With Pagefind:

- the engine's search partial (handbook/theme_pagefind/) takes the place of Material's in the
  header: the same search box and result list, fed by Pagefind in the reader's browser;
- Material's search plugin stays listed (the header shows its search button) but indexes no
  page, so the build writes no large search_index.json;
- each page's article is marked as the part Pagefind indexes (pages that Material's search
  would leave out, such as the freshness dashboard, stay out), and Pagefind runs over the
  built site after the build.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from handbook.core import pagefind
from handbook.mkdocs.adapter import log
from handbook.mkdocs.state import build_state

ENGINE = Path(__file__).resolve().parent.parent
PAGEFIND_THEME_DIR = ENGINE / "theme_pagefind"
# Where Material's base.html opens a page's content: Pagefind indexes what is inside it.
ARTICLE = '<article class="md-content__inner md-typeset"'

__all__ = ["configure", "on_page_context", "on_post_page", "on_post_build"]


def configure(config: MkDocsConfig, settings: dict) -> str:
    """Read the search mode from the engine's settings; with Pagefind, put its partial first."""
    try:
        mode = pagefind.search_mode(settings)
    except ValueError as exc:
        raise PluginError(str(exc)) from None
    build_state(config).search = mode
    if mode == "pagefind":
        dirs = config.theme.dirs
        if str(PAGEFIND_THEME_DIR) not in dirs:
            # Behind the handbook's custom_dir, in front of the engine's and Material's partials.
            dirs.insert(1 if config.theme.custom_dir else 0, str(PAGEFIND_THEME_DIR))
    return mode


# Before Material's search plugin (priority 0) reads the page's search settings.
@event_priority(50)
def on_page_context(context, page: Page, config: MkDocsConfig, nav):
    state = build_state(config)
    if state.search != "pagefind":
        return context
    search = page.meta.get("search")
    settings = dict(search) if isinstance(search, dict) else {}
    if not settings.get("exclude"):
        state.searchable.add(page.file.src_uri)
    # Material's index goes unused with Pagefind: it is left empty rather than built.
    settings["exclude"] = True
    page.meta["search"] = settings
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    state = build_state(config)
    if state.search != "pagefind" or page.file.src_uri not in state.searchable:
        return output
    return pagefind.mark_body(output, ARTICLE)


def on_post_build(config: MkDocsConfig) -> None:
    if build_state(config).search != "pagefind":
        return
    try:
        pages = pagefind.index_site(Path(config.site_dir))
    except pagefind.PagefindError as exc:
        raise PluginError(str(exc)) from None
    log.info(f"search: Pagefind indexed {pages} pages into {pagefind.BUNDLE}/")
