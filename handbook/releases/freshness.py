"""Freshness of each release's generated page: its data/releases/ file's last_updated, with
the interval of page_types.release (or the releases folder) and the owner from
data/release_settings.yml."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from handbook.core.owners import Owner
from handbook.freshness.generated import assess_generated
from handbook.freshness.model import PageFreshness, Policy
from handbook.releases.formats import page_title, page_uri
from handbook.releases.model import Release, Settings


def release_pages(
    releases: list[Release],
    settings: Settings | None,
    owners: dict[str, Owner],
    policy: Policy,
    today: dt.date,
) -> list[PageFreshness]:
    owner = settings.owner if settings else ""
    pages = []
    for release in releases:
        meta = {
            "title": page_title(release),
            "owner": owner,
            "last_reviewed": release.last_updated,
            "page_type": "release",  # an interval under page_types wins over the folder's
        }
        record = assess_generated(page_uri(release), meta, owners, policy, today)
        pages.append(
            replace(
                record, source=release.file, source_line=release.line, review_key="last_updated"
            )
        )
    return pages
