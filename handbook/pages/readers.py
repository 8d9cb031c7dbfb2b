"""What readers act on in a page beyond its content: "Report a problem", and the review-by
notice a page shows in the reader's browser once its date passes, with no rebuild.

Pure: the MkDocs hook (handbook.mkdocs.readers) and `handbook export` both put these in the
page's front matter under THEME_KEY, which the theme's main.html and partials print.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from handbook.core.owners import Owner
from handbook.core.report import ReportLink, ReportPage, ReportSettings, plain, report_link
from handbook.freshness.model import PageFreshness
from handbook.freshness.render import Renderer

# The page's front matter key the theme reads: report, review_by, stale_notice (and, in an
# export, edit_url). Set for every page by the build, so a page's own value never shows.
THEME_KEY = "handbook_theme"
CHART = 'class="tool-chart'


def report(
    settings: ReportSettings,
    repo_url: str | None,
    repo_name: str,
    title: str,
    url: str,
    record: PageFreshness | None,
    owner: Owner | None,
) -> ReportLink | None:
    """Where the page's "Report a problem" goes. `title` is theme text (escaped HTML);
    `owner` is the owner of a page without a freshness record."""
    owner_name = handle = contact = path = ""
    if record is not None:
        owner_name, handle, contact, path = (
            record.owner_name if record.owner_id else "",
            record.review_handle,
            record.owner_contact,
            record.path,
        )
    elif owner is not None:
        owner_name, handle, contact = owner.name, owner.review_handle, owner.contact
    page = ReportPage(
        title=plain(title),
        url=url,
        path=path,
        owner_name=owner_name,
        review_handle=handle,
        owner_contact=contact,
    )
    return report_link(settings, repo_url, repo_name, page)


def stale_notice(
    renderer: Renderer, record: PageFreshness | None, today: dt.date, edit_link: str
) -> str | None:
    """The notice the page shows once its review-by date passes in the reader's browser.

    Only for pages that are fresh or due at build time (a stale page already shows it; an
    unowned or never-reviewed one shows that notice, which wins over staleness).
    """
    if record is None or record.review_by is None or record.status not in ("fresh", "due"):
        return None
    stale = replace(record, status="stale")
    # overdue=0: the browser cannot know the build's wording of "days before this build".
    html = renderer.notice(stale, today, edit_link, overdue=0)
    # Inert until shown: no page counts as flagged (data-freshness) while its date is ahead;
    # freshness.js restores both when it puts the notice in place.
    html = html.replace(' data-freshness="stale"', "", 1)
    return html.replace("handbook-freshness-notice", "handbook-review-later", 1)


def theme_values(
    link: ReportLink | None, record: PageFreshness | None, notice: str | None
) -> dict[str, object]:
    """The page's THEME_KEY entry: its report link, review-by date and stale notice."""
    return {
        "report": link,
        "review_by": record.review_by.isoformat() if record and record.review_by else "",
        "stale_notice": notice,
    }


def needs_room_for_chart(content: str, toc_empty: bool) -> bool:
    """A page with a chart and an empty table of contents gives the chart the TOC's column
    (Material's `hide: [toc]`), so a wide picture fits the content without scrolling."""
    return toc_empty and CHART in content


def hidden_with_toc(hide: object) -> list:
    """The page's `hide:` list with `toc` in it."""
    items = list(hide) if isinstance(hide, list) else []
    return items if "toc" in items else [*items, "toc"]
