"""An owner's review digest as a chat message: their pages that need review, most urgent first,
each with a link to the published page and the one thing to run or edit."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from handbook.core import urls
from handbook.core.owners import Owner
from handbook.freshness.model import STATUS_LABELS, PageFreshness
from handbook.freshness.report import action_key, summarize
from handbook.notify.payload import Message, clip, context, header, link, message, mrkdwn, sections

TITLE_LIMIT = 200


def owner_pages(pages: Iterable[PageFreshness], owner_id: str) -> list[PageFreshness]:
    """The owner's pages that are not fresh, in the dashboard's order (most overdue first)."""
    return sorted(
        (p for p in pages if p.owner_id == owner_id and p.status != "fresh"), key=action_key
    )


def how_to_review(page: PageFreshness) -> str:
    """What confirms the page: `handbook review` for a page or template, the data record's date
    for a page made from data."""
    if page.source_line:
        return f"update `{page.review_key}` at `{page.path}:{page.source_line}`"
    return f"`handbook review {page.path}`"


def page_line(page: PageFreshness, site_url: str) -> str:
    url = urls.absolute_url(site_url, page.url) if site_url else ""
    when = f"review by {page.review_by}" if page.review_by else "never reviewed"
    title = link(url, clip(page.title, TITLE_LIMIT))
    return f"• *{STATUS_LABELS[page.status]}*: {title}, {when}: {how_to_review(page)}"


def counts(pages: list[PageFreshness]) -> str:
    """ "2 stale, 1 due for review", worst status first."""
    found = summarize(pages).counts
    return ", ".join(f"{n} {STATUS_LABELS[status].lower()}" for status, n in found.items() if n)


def digest_message(
    owner: Owner,
    pages: list[PageFreshness],
    today: dt.date,
    site_url: str = "",
    dashboard_url: str = "",
) -> Message | None:
    """The message for `owner` about `pages` (theirs, not fresh, as `owner_pages` gives them);
    None when there is nothing to review."""
    if not pages:
        return None
    noun = "page needs" if len(pages) == 1 else "pages need"
    contact = f" ({mrkdwn(owner.contact)})" if owner.contact else ""
    intro = f"*{mrkdwn(owner.name)}*{contact}: {len(pages)} handbook {noun} your review ({today})."
    closing = (
        "Check each page against how you work today and fix what changed, then run the "
        "command shown (it sets the review date) and open a pull request."
    )
    if site_url and dashboard_url:
        closing += " " + link(urls.absolute_url(site_url, dashboard_url), "Freshness dashboard")
    blocks = [header(f"Handbook pages to review: {owner.name}"), *sections([intro])]
    # Room for the header, the intro and the closing line within Slack's 50 blocks.
    blocks += sections([page_line(p, site_url) for p in pages], room=47)
    blocks.append(context(closing))
    fallback = f"Handbook pages to review for {owner.name}: {counts(pages)}"
    return Message(f"digest {owner.id} {today}", message(fallback, blocks))
