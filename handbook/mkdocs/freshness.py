"""Flag pages whose review is due or overdue, and publish the freshness dashboard and feed.

Thin adapter over handbook.freshness.model: per page a notice (when not fresh) and a "Reviewed on"
footer, Material's status badge in the nav for stale pages, one log line per stale page, the
generated dashboard (about/freshness.md) and site/freshness.json.
"""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from handbook.core import urls
from handbook.freshness.generated import generated_pages
from handbook.freshness.model import (
    FAIL_ENV,
    PageFreshness,
    Policy,
    assess,
    fail_on_stale,
    load_policy,
    source_edit_url,
    source_view_url,
    stale_message,
)
from handbook.freshness.render import DASHBOARD_URI, fill_tables
from handbook.freshness.report import drifted
from handbook.mkdocs.adapter import add_generated_page, get_handbook, log, project_root
from handbook.mkdocs.state import FreshnessState, build_state
from handbook.templates.model import build_templates, versions

FEED_URI = "freshness.json"
STALE_STATUS_TITLE = "Review overdue"
__all__ = ["on_config", "on_env", "on_files", "on_page_content"]


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    handbook = get_handbook(config)
    policy = load_policy(handbook.dataset)
    build_state(config).freshness = FreshnessState(policy, _fail_on_stale(policy))
    # Material shows page.meta.status as a badge in the nav; the title is its tooltip.
    config.extra.setdefault("status", {}).setdefault("stale", STALE_STATUS_TITLE)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    # Placeholders: the real content needs every page's status, known in on_env.
    # The dashboard depends on every page, so it is rebuilt on every build, dirty ones included.
    add_generated_page(
        files, config, DASHBOARD_URI, "# Page freshness\n", "Page freshness", fingerprint=None
    )
    files.append(File.generated(config, FEED_URI, content="[]"))
    return files


# After mkdocs-macros (on_page_markdown), so the data a page showed is recorded by now.
@event_priority(-50)
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    state = _freshness(config)
    handbook = get_handbook(config)
    src_uri = page.file.src_uri
    view_link = ""
    if page.file.generated_by:
        # A template, tool or release page: reviewed, and edited, in the file it is made from.
        found = _generated(config, state).get(src_uri)
        if found is None:
            return html  # the dashboard itself
        record = found
        page.edit_url = _source_edit_url(config, record.path) or None
        view_link = source_view_url(page.edit_url or "", record.source_line)
    else:
        uses = handbook.data_uses.get(src_uri, [])
        meta, body = dict(page.meta), page.markdown or ""
        record = assess(src_uri, meta, body, handbook.owners, state.policy, handbook.today, uses)
    # MkDocs' own URL for the page, right with or without use_directory_urls.
    record = replace(
        record, site_path=urls.site_path(page.file.url), docs=build_state(config).docs_prefix
    )
    if page.title:
        record = replace(record, title=str(page.title))
    state.pages[src_uri] = record
    if record.status == "stale":
        page.meta.setdefault("status", "stale")
        _log_stale(record, state.fail_on_stale)
    state.edit_links[src_uri] = page.edit_url or ""
    notice = ""
    if record.status != "fresh":
        notice = state.renderer.notice(record, handbook.today, state.edit_links[src_uri])
    return notice + html + state.renderer.footer(record, view_link)


def on_env(env, config: MkDocsConfig, files: Files):
    state = _freshness(config)
    handbook = get_handbook(config)
    pages = sorted(state.pages.values(), key=lambda p: p.src_uri)
    links = state.edit_links
    drift = drifted(pages, versions(build_templates(handbook)))
    dashboard = files.get_file_from_path(DASHBOARD_URI)
    if dashboard is None or dashboard.page is None:
        raise PluginError(f"freshness: generated page {DASHBOARD_URI} went missing")
    markdown, tables = state.renderer.dashboard(
        pages,
        handbook.today,
        links,
        drift,
        dashboard_url=urls.site_path(dashboard.url),
        policy=state.policy,
    )
    dashboard.page.markdown = markdown
    # Its tables repeat every page title: kept out of search, so searches find the pages.
    dashboard.page.meta["search"] = {"exclude": True}
    dashboard.page.render(config, files)
    dashboard.page.content = fill_tables(dashboard.page.content or "", tables)
    feed = files.get_file_from_path(FEED_URI)
    if feed is not None:
        site_url = config.site_url or ""
        records = [p.record(site_url, links[p.src_uri]) for p in pages]
        feed.content_string = json.dumps(records, indent=2, ensure_ascii=False) + "\n"
    return env


# ---------------------------------------------------------------------------------------------


def _freshness(config: MkDocsConfig) -> FreshnessState:
    state = build_state(config).freshness
    if state is None:
        raise PluginError("freshness: on_config did not run; list hooks/freshness.py in mkdocs.yml")
    return state


def _generated(config: MkDocsConfig, state: FreshnessState) -> dict[str, PageFreshness]:
    if state.generated is None:
        pages = generated_pages(get_handbook(config), state.policy)
        state.generated = {p.src_uri: p for p in pages}
    return state.generated


def _source_edit_url(config: MkDocsConfig, path: str) -> str:
    """The edit link of a repository file, from repo_url and edit_uri as MkDocs makes them."""
    docs = Path(config.docs_dir).resolve()
    try:
        folder = docs.relative_to(project_root(config)).as_posix()
    except ValueError:
        return ""  # docs outside the project: no way to tell where the repository root is
    return source_edit_url(config.repo_url, config.edit_uri, folder, path)


def _fail_on_stale(policy: Policy) -> bool:
    try:
        return fail_on_stale(policy, os.environ.get(FAIL_ENV, ""))
    except ValueError as exc:
        raise PluginError(str(exc)) from None


def _log_stale(record: PageFreshness, fail: bool) -> None:
    # Advisory by default: a WARNING would fail every --strict build.
    (log.warning if fail else log.info)(stale_message(record))
