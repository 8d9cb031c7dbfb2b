"""Freshness of the pages made at build time: each feature says how its pages are reviewed.

Pure: each page is owned and reviewed where its content lives, so the dashboard, the JSON feed
and `handbook freshness` flag it like any hand-written page. The features' own `freshness`
functions (see their feature.py) build each record with `assess_generated`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from handbook.core.context import Handbook
from handbook.core.owners import Owner
from handbook.core.registry import registry
from handbook.freshness.model import PageFreshness, Policy, assess


def assess_generated(
    src_uri: str, meta: dict[str, Any], owners: dict[str, Owner], policy: Policy, today: dt.date
) -> PageFreshness:
    """The record of one generated page from the review fields its source holds (title,
    owner, last_reviewed, review_every, page_type); empty fields are left out."""
    return assess(src_uri, {k: v for k, v in meta.items() if v}, "", owners, policy, today)


def generated_pages(handbook: Handbook, policy: Policy) -> list[PageFreshness]:
    """Every generated page of the features that are on, sorted by page path."""
    pages: list[PageFreshness] = []
    for feature in registry():
        if feature.freshness is not None and handbook.features.on(feature.name):
            pages += feature.freshness(handbook, policy)
    return sorted(pages, key=lambda p: p.src_uri)
