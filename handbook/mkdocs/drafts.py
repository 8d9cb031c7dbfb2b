"""Draft pages: a banner under `mkdocs serve`; left out of `mkdocs build`, with no link to them.

Thin adapter over handbook.pages.drafts. A page is a draft with `draft: true` in its front matter or
when it matches `draft_docs` in mkdocs.yml; MkDocs itself then builds it only for the preview.
This hook adds what MkDocs does not: the banner, pruning drafts from the published nav, and
failing the build when a published page links to a draft (the link would be broken).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from handbook.core.paths import rel
from handbook.mkdocs.adapter import project_root, prune_nav, report_error
from handbook.mkdocs.state import build_state
from handbook.pages.drafts import banner, is_draft, links_to

# The command MkDocs was started with. MkDocs calls on_startup once per process and keeps hook
# modules loaded across `serve` rebuilds, so this is process state, not cached data. Without an
# on_startup call (an API build) drafts are treated as in a published build: never leak them.
_COMMAND = {"name": "build"}
__all__ = ["on_files", "on_nav", "on_page_content", "on_startup"]


def on_startup(command: str, dirty: bool) -> None:
    _COMMAND["name"] = command


def _publishing() -> bool:
    return _COMMAND["name"] != "serve"


def _drafts(files: Files) -> list:
    return [f for f in files.documentation_pages(inclusion=InclusionLevel.all) if _is_draft(f)]


def _is_draft(file) -> bool:
    return file.inclusion == InclusionLevel.DRAFT


# ---------------------------------------------------------------------------------------------


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for file in files.documentation_pages():
        if not file.generated_by and is_draft(file.content_string):
            file.inclusion = InclusionLevel.DRAFT
    # Listed once per build: scanning every file for every page made the build quadratic.
    build_state(config).draft_urls = frozenset(f.url for f in _drafts(files))
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    if _publishing():
        prune_nav(nav, lambda page: _is_draft(page.file))
    return nav


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if _is_draft(page.file):
        return banner(rel(Path(page.file.abs_src_path or ""), project_root(config))) + html
    drafts = build_state(config).draft_urls
    # Parsing every page's links is only worth it when there is a draft to link to.
    if _publishing() and drafts:
        for href in links_to(html, page.file.url, drafts):
            message = (
                f"docs/{page.file.src_uri} links to {href}, a draft page that is left out of "
                "the published site; remove the link or publish the page"
            )
            report_error(config, message)
    return html
