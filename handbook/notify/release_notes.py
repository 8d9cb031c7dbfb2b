"""A release as a chat message: its headline, summary, link and changes by type."""

from __future__ import annotations

from handbook.core import urls
from handbook.notify.payload import Message, clip, header, link, message, mrkdwn, sections
from handbook.releases import formats
from handbook.releases.model import Release, Settings, group_by_type

# Data text is clipped so that no line, once escaped, can pass a section's 3,000 characters.
TEXT_LIMIT = 500


def release_url(release: Release, site_url: str, directory_urls: bool = True) -> str:
    """The published page of the release; "" without a site address (a relative link means
    nothing in a chat)."""
    if not site_url:
        return ""
    return urls.absolute_url(site_url, formats.page_url(release, directory_urls))


def release_message(release: Release, settings: Settings, url: str = "") -> Message:
    """The message for one release, every change listed by type; a change whose audience is
    not customer-facing is marked internal (`customer_view` leaves those out beforehand)."""
    name = " ".join(filter(None, [settings.product, release.version]))
    intro = [mrkdwn(clip(release.summary, TEXT_LIMIT))] if release.summary else []
    intro.append(f"{link(url, 'Release notes')} · released {formats.long_date(release.date)}")
    lines = []
    for heading, changes in group_by_type(release.changes, settings):
        lines.append(f"*{mrkdwn(heading)}*")
        for change in changes:
            internal = "" if settings.customer_facing(change) else " _(internal)_"
            area = mrkdwn(settings.area_name(change.area))
            lines.append(f"• {area}: {mrkdwn(clip(change.description, TEXT_LIMIT))}{internal}")
    blocks = [header(f"{name}: {release.title}"), *sections(["\n".join(intro)])]
    blocks += sections(lines, room=48)
    fallback = f"{name} released: {release.title}"
    return Message(f"release {release.version}", message(fallback, blocks))
