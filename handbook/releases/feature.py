"""The releases feature: data/releases/*.yml as release pages, customer changelog and feed."""

from __future__ import annotations

from handbook.core.context import Handbook
from handbook.core.registry import Feature
from handbook.freshness.model import PageFreshness, Policy
from handbook.releases import macros
from handbook.releases.freshness import release_pages
from handbook.releases.model import check


def _freshness(handbook: Handbook, policy: Policy) -> list[PageFreshness]:
    releases = macros.releases_of(handbook)
    settings = macros.stored_settings(handbook)
    return release_pages(releases, settings, handbook.owners, policy, handbook.today)


FEATURE = Feature(
    name="releases",
    summary="Release pages, customer changelog and RSS feed from data/releases/.",
    cross_checks=(check,),
    macros=macros.register,
    freshness=_freshness,
    hooks={
        "release_pages": "Release pages, the customer changelog and the feed, from data/releases/."
    },
    section="releases",
)
