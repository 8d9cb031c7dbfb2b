"""The company feature: data/company.yml as facts and tables pages show through macros."""

from __future__ import annotations

from handbook.company import macros
from handbook.company.model import check_company
from handbook.core.registry import Feature

FEATURE = Feature(
    name="company",
    summary="Company and product facts (areas, squads, plans, cadences, metrics) from "
    "data/company.yml, shown by fact(), metric_table(), team_map() and plan_table().",
    cross_checks=(check_company,),
    macros=macros.register,
)
