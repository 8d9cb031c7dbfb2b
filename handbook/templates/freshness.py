"""Freshness of each template's generated page: reviewed in the template's own front matter."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from handbook.core.owners import Owner
from handbook.core.paths import rel
from handbook.freshness.generated import assess_generated
from handbook.freshness.model import PageFreshness, Policy
from handbook.templates.model import Template


def template_pages(
    templates: list[Template], root: Path, owners: dict[str, Owner], policy: Policy, today: dt.date
) -> list[PageFreshness]:
    pages = []
    for t in templates:
        meta = {
            "title": t.title,
            "owner": t.owner,
            "last_reviewed": t.last_reviewed,
            "review_every": t.review_every,
        }
        record = assess_generated(f"templates/{t.id}.md", meta, owners, policy, today)
        pages.append(replace(record, source=rel(t.path, root)))
    return pages
