"""One generated page per tool at tools/<id>/, and the handbook pages that mention each tool.

Thin adapter: the page text comes from handbook.tools.pages, the views from handbook.tools.views.
MkDocs reads and renders the markdown of every page before it writes any, so mentions are
gathered in on_page_markdown and filled into the tool pages in on_page_context.
"""

from __future__ import annotations

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from handbook.core import urls
from handbook.core.context import Handbook
from handbook.mkdocs.adapter import add_made_page, feature_on, get_handbook, log
from handbook.mkdocs.state import build_state
from handbook.tools import pages as tool_pages
from handbook.tools.macros import stack_of

__all__ = ["on_config", "on_files", "on_page_context", "on_page_markdown"]


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if not feature_on(config, "tools"):
        return config
    handbook = get_handbook(config)
    for notice in tool_pages.notices(handbook.problems):
        log.info(str(notice))  # advisory: shown, never fails a --strict build
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    if not feature_on(config, "tools"):
        return files
    handbook = get_handbook(config)
    existing = {f.src_uri for f in files}
    for tool_id, made in tool_pages.generated_pages(handbook, stack_of(handbook), existing):
        add_made_page(files, config, made)
        build_state(config).tool_pages[made.src_uri] = tool_id
    return files


def _mention_pattern(handbook: Handbook):
    return tool_pages.mention_pattern(stack_of(handbook))


# After the data hook, before mkdocs-macros renders: the author's own words are scanned.
@event_priority(50)
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.src_uri in build_state(config).tool_pages or not feature_on(config, "tools"):
        return markdown
    handbook = get_handbook(config)
    stack = stack_of(handbook)
    pattern = handbook.derived(_mention_pattern)
    for tool_id in tool_pages.mentioned_tools(stack, markdown, pattern):
        build_state(config).tool_mentions.setdefault(tool_id, []).append(page)
    return markdown


# Before the search plugin indexes the page content.
@event_priority(50)
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    state = build_state(config)
    tool_id = state.tool_pages.get(page.file.src_uri)
    if tool_id is None:
        return context
    if tool_pages.MENTIONS_MARKER not in (page.content or ""):
        raise PluginError(f"{page.file.src_uri}: the mentions marker is missing")
    # Titles are HTML text by now (handbook.mkdocs.theme escaped them in on_env).
    pages = [
        (
            Markup(other.title) if other.title else other.file.src_uri,
            urls.relative_url(page.url, other.url),
        )
        for other in sorted(state.tool_mentions.get(tool_id, []), key=lambda p: p.file.src_uri)
    ]
    tool = stack_of(get_handbook(config)).by_id()[tool_id]
    page.content = (page.content or "").replace(
        tool_pages.MENTIONS_MARKER, tool_pages.mentions_html(tool, pages)
    )
    return context
