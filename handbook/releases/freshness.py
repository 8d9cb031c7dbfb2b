"""Freshness of each release's generated page: its data/releases/ file's last_updated and the
owner from data/release_settings.yml, reviewed as data/freshness.yml `releases:` says.

A planned release is reviewed like a page (policy.releases.planned, else page_types.release or
the releases folder). A released release is a record of what shipped: never stale for its age,
or, when the policy names a duration, reviewed once that long after its release date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from handbook.core.durations import add_duration
from handbook.core.owners import Owner
from handbook.freshness.generated import assess_generated
from handbook.freshness.model import PageFreshness, Policy, status_of
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
        if not release.released and policy.releases.planned:
            meta["review_every"] = str(policy.releases.planned)
        record = assess_generated(page_uri(release), meta, owners, policy, today)
        if release.released:
            record = as_record(record, release, policy, today)
        pages.append(
            replace(
                record, source=release.file, source_line=release.line, review_key="last_updated"
            )
        )
    return pages


def as_record(
    record: PageFreshness, release: Release, policy: Policy, today: dt.date
) -> PageFreshness:
    """A released release: no review-by date once it is a record, else the one review due
    `policy.releases.released` after its release date."""
    if record.status == "unowned":
        return record
    after = policy.releases.released
    review_by = add_duration(release.date, after) if after else None
    if review_by is None or release.last_updated >= review_by:
        return replace(record, review_every=None, review_by=None, status="fresh")
    status = status_of(True, release.last_updated, review_by, today, policy.warning_days)
    return replace(record, review_every=after, review_by=review_by, status=status)
