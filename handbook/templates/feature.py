"""The templates feature: templates/*.md as a gallery, a page per template and downloads."""

from __future__ import annotations

import datetime as dt

from handbook.core.context import Handbook
from handbook.core.data import DataSet
from handbook.core.owners import owners
from handbook.core.problems import Problem
from handbook.core.registry import DocsPage, Feature
from handbook.freshness.model import PageFreshness, Policy
from handbook.templates import macros
from handbook.templates.freshness import template_pages
from handbook.templates.model import build_templates, check_templates


def _check(dataset: DataSet, today: dt.date) -> list[Problem]:
    return check_templates(dataset.root, owners(dataset), today)


def _freshness(handbook: Handbook, policy: Policy) -> list[PageFreshness]:
    templates = build_templates(handbook)
    return template_pages(templates, handbook.root, handbook.owners, policy, handbook.today)


FEATURE = Feature(
    name="templates",
    summary="Template gallery, one page per template and downloads from templates/.",
    cross_checks=(_check,),
    macros=macros.register,
    freshness=_freshness,
    hooks={"template_pages": "A page per template in templates/, with byte-identical downloads."},
    section="templates",
    docs_pages=(
        DocsPage(
            "templates/index.md",
            "The section's index: a page per template is listed under it. Holds "
            "`{{ template_gallery() }}`.",
        ),
    ),
)
