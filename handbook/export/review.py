"""Each exported page's review status, and what the freshness and theme hooks put on it: the
notice at the top, the "Reviewed on" footer, the nav's stale badge, "Report a problem", the
review-by notice for the browser and a generated page's edit link (its data file)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from handbook.core import urls
from handbook.core.report import read_report_settings
from handbook.export.config import dump_front_matter
from handbook.export.context import Site
from handbook.export.inert import block
from handbook.export.pages import SourcePage, front_matter
from handbook.freshness.generated import generated_pages
from handbook.freshness.model import (
    Policy,
    assess,
    edit_url,
    source_edit_url,
    source_view_url,
    stale_message,
)
from handbook.freshness.render import Renderer
from handbook.pages import readers


def assess_pages(site: Site, pages: list[SourcePage], policy: Policy) -> None:
    """Each page's freshness record and edit link, as the freshness hook makes them."""
    handbook = site.handbook
    made = {p.src_uri: p for p in generated_pages(handbook, policy)}
    for page in pages:
        if page.generated:
            record = made.get(page.src_uri)
            if record is None:
                continue  # the dashboard itself
            # Reviewed, and edited, in the file it is made from.
            page.edit_url = source_edit_url(
                site.repo_url, site.edit_uri, site.docs_prefix, record.path
            )
            page.view_link = source_view_url(page.edit_url, record.source_line)
        else:
            uses = handbook.data_uses.get(page.src_uri, [])
            record = assess(
                page.src_uri, page.meta, page.body, handbook.owners, policy, handbook.today, uses
            )
            page.edit_url = edit_url(site.repo_url, site.edit_uri, page.src_uri)
        record = replace(
            record, site_path=urls.site_path(site.url(page.src_uri)), docs=site.docs_prefix
        )
        if page.title:
            record = replace(record, title=page.title)
        page.record = record
        if record.status == "stale":
            # Material shows it as a badge in the nav (extra.status.stale is its tooltip).
            page.extra_meta["status"] = page.meta.get("status", "stale")


def stale_lines(pages: list[SourcePage]) -> list[str]:
    return [stale_message(p.record) for p in pages if p.record and p.record.status == "stale"]


def page_text(site: Site, page: SourcePage, renderer: Renderer) -> str:
    """The page's file in the export: front matter, notice, body, footer."""
    record = page.record
    today = site.handbook.today
    meta = front_matter(page, _theme(site, page, renderer))
    body = page.body
    if record is not None and record.status != "fresh":
        body = block(renderer.notice(record, today, page.edit_url)).lstrip("\n") + body
    if record is not None:
        body = body.rstrip("\n") + block(renderer.footer(record, page.view_link))
    return dump_front_matter(meta) + body


def _theme(site: Site, page: SourcePage, renderer: Renderer) -> dict[str, Any]:
    """The page's `handbook_theme`, as the theme hook puts it on the page."""
    handbook = site.handbook
    settings = read_report_settings(site.engine_settings().get("report"))
    owner = None
    if page.record is None:
        owner = handbook.owners.get(str(page.meta.get("owner", "")))
    site_path = urls.site_path(site.url(page.src_uri))
    link = readers.report(
        settings,
        site.repo_url or None,
        site.repo_name,
        # The home page is "Home" in the nav; readers know it by the site's name.
        site.site_name if page.is_home else page.shown or site.site_name,
        urls.absolute_url(site.site_url, site_path) or site_path,
        page.record,
        owner,
    )
    notice = readers.stale_notice(renderer, page.record, handbook.today, page.edit_url)
    theme = readers.theme_values(link, page.record, notice)
    theme["report"] = vars(link) if link is not None else None
    # A generated page is edited where it is made from (the dashboard nowhere): the export's
    # partials/actions.html reads it, as the generator cannot be told.
    theme["edit_url"] = page.edit_url if page.generated else None
    if readers.needs_room_for_chart(page.content, page.toc_empty):
        page.extra_meta["hide"] = readers.hidden_with_toc(page.meta.get("hide"))
    return theme
