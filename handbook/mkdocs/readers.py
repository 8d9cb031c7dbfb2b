"""What readers act on in the page, beyond its content: "Report a problem" and the review-by
notice that a stale page shows in the browser once its date passes, with no rebuild.

Adapter only: the route and the prefilled text come from handbook.core.report; the notice from
the freshness renderer. The theme's main.html prints what this puts in the page's context.
Called from the theme hook (handbook.mkdocs.theme), so a handbook needs no new hook file.
"""

from __future__ import annotations

from dataclasses import replace

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from handbook.core import urls
from handbook.core.report import (
    ReportPage,
    ReportSettings,
    plain,
    read_report_settings,
    report_link,
)
from handbook.freshness.model import PageFreshness
from handbook.mkdocs.adapter import get_handbook
from handbook.mkdocs.state import build_state

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
    context["handbook_report"] = _report(config, page, record)
    context["handbook_stale_notice"] = _stale_notice(config, record)
    context["handbook_review_by"] = (
        record.review_by.isoformat() if record and record.review_by else ""
    )
    return context


def _room_for_charts(page: Page) -> None:
    """A page with a chart and an empty table of contents gives the chart the TOC's column
    (Material's `hide: [toc]`), so a wide picture fits the content without scrolling."""
    items = list(page.toc)
    # Material leaves the page's own h1 out of the table of contents.
    if len(items) == 1 and items[0].level == 1:
        items = list(items[0].children)
    if 'class="tool-chart' not in (page.content or "") or items:
        return
    hide = page.meta.get("hide")
    hide = list(hide) if isinstance(hide, list) else []
    if "toc" not in hide:
        page.meta["hide"] = [*hide, "toc"]


def _report(config: MkDocsConfig, page: Page, record: PageFreshness | None):
    site_path = urls.site_path(page.url)
    owner_name = handle = contact = path = ""
    if record is not None:
        owner_name, handle, contact, path = (
            record.owner_name if record.owner_id else "",
            record.review_handle,
            record.owner_contact,
            record.path,
        )
    else:
        owner = get_handbook(config).owners.get(str(page.meta.get("owner", "")))
        if owner is not None:
            owner_name, handle, contact = owner.name, owner.review_handle, owner.contact
    report = ReportPage(
        # The home page is "Home" in the nav; readers know it by the site's name.
        title=plain(config.site_name if page.is_homepage else page.title or config.site_name),
        url=page.canonical_url or urls.absolute_url(config.site_url, site_path) or site_path,
        path=path,
        owner_name=owner_name,
        review_handle=handle,
        owner_contact=contact,
    )
    return report_link(_settings(config), config.repo_url, config.repo_name or "", report)


def _stale_notice(config: MkDocsConfig, record: PageFreshness | None) -> Markup | None:
    """The notice the page shows once its review-by date passes in the reader's browser.

    Only for pages that are fresh or due at build time (a stale page already shows it; an
    unowned or never-reviewed one shows that notice, which wins over staleness).
    """
    state = build_state(config).freshness
    if record is None or state is None or record.review_by is None:
        return None
    if record.status not in ("fresh", "due"):
        return None
    stale = replace(record, status="stale")
    today = get_handbook(config).today
    edit_link = state.edit_links.get(record.src_uri, "")
    # overdue=0: the browser cannot know the build's wording of "days before this build".
    html = state.renderer.notice(stale, today, edit_link, overdue=0)
    # Inert until shown: no page counts as flagged (data-freshness) while its date is ahead;
    # freshness.js restores both when it puts the notice in place.
    html = html.replace(' data-freshness="stale"', "", 1)
    html = html.replace("handbook-freshness-notice", "handbook-review-later", 1)
    return Markup(html)
