"""What readers act on in the page, beyond its content: "Report a problem" and the review-by
notice that a stale page shows in the browser once its date passes, with no rebuild.

Adapter only: the decisions live in handbook.pages.readers, which puts them where the theme's
main.html reads them (the page's THEME_KEY). Called from the theme hook
(handbook.mkdocs.theme), so a handbook needs no new hook file.
"""

from __future__ import annotations

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from handbook.core import urls
from handbook.core.report import ReportSettings, read_report_settings
from handbook.freshness.model import PageFreshness
from handbook.mkdocs.adapter import get_handbook
from handbook.mkdocs.state import build_state
from handbook.pages import readers

_SETTINGS_KEY = "_handbook_report_settings"


def read_settings(config: MkDocsConfig, raw: object) -> None:
    """Check extra.handbook.report once, in on_config: a wrong setting fails the build."""
    try:
        config[_SETTINGS_KEY] = read_report_settings(raw)
    except ValueError as exc:
        raise PluginError(f"mkdocs.yml: {exc}") from None


def _settings(config: MkDocsConfig) -> ReportSettings:
    return config.get(_SETTINGS_KEY) or ReportSettings()


def _record(config: MkDocsConfig, page: Page) -> PageFreshness | None:
    state = build_state(config).freshness
    return state.pages.get(page.file.src_uri) if state is not None else None


def page_context(context: dict, page: Page, config: MkDocsConfig) -> dict:
    _room_for_charts(page)
    record = _record(config, page)
    page.meta[readers.THEME_KEY] = readers.theme_values(
        _report(config, page, record), record, _stale_notice(config, record)
    )
    return context


def _room_for_charts(page: Page) -> None:
    items = list(page.toc)
    # Material leaves the page's own h1 out of the table of contents.
    if len(items) == 1 and items[0].level == 1:
        items = list(items[0].children)
    if readers.needs_room_for_chart(page.content or "", not items):
        page.meta["hide"] = readers.hidden_with_toc(page.meta.get("hide"))


def _report(config: MkDocsConfig, page: Page, record: PageFreshness | None):
    site_path = urls.site_path(page.url)
    owner = None if record else get_handbook(config).owners.get(str(page.meta.get("owner", "")))
    return readers.report(
        _settings(config),
        config.repo_url,
        config.repo_name or "",
        # The home page is "Home" in the nav; readers know it by the site's name.
        config.site_name if page.is_homepage else page.title or config.site_name,
        page.canonical_url or urls.absolute_url(config.site_url, site_path) or site_path,
        record,
        owner,
    )


def _stale_notice(config: MkDocsConfig, record: PageFreshness | None) -> Markup | None:
    state = build_state(config).freshness
    if state is None:
        return None
    edit_link = state.edit_links.get(record.src_uri, "") if record else ""
    html = readers.stale_notice(state.renderer, record, get_handbook(config).today, edit_link)
    return Markup(html) if html is not None else None
