"""The releases feature: data/releases/*.yml as release pages, customer changelog and feed."""

from __future__ import annotations

from handbook.core.context import Handbook
from handbook.core.registry import DocsPage, Feature
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
    docs_pages=(
        DocsPage(
            "releases/index.md",
            "The section's index: a page per release is listed under it, and the feed links "
            "to it. Holds `{{ release_index() }}`.",
        ),
        DocsPage("releases/customers.md", "The customer view: `{{ customer_release_notes() }}`."),
        DocsPage(
            "releases/enablement.md", "Notes for sales and support: `{{ enablement_notes() }}`."
        ),
    ),
)
