"""The company feature: data/company.yml as facts and tables pages show through macros."""

from __future__ import annotations

from handbook.company import macros
from handbook.company.model import UnknownFact, check_company, fact
from handbook.core.context import Handbook
from handbook.core.registry import Feature
from handbook.pages.macro_args import ArgumentCheck


def _argument_checks(handbook: Handbook) -> dict[str, ArgumentCheck]:
    def check_fact(args: list, _kw: dict) -> list[str]:
        company = handbook.derived(macros.load)
        if not args or company is None:
            return []
        try:
            fact(company, str(args[0]))
        except UnknownFact as exc:
            return [str(exc)]
        return []

    return {"fact": check_fact}


FEATURE = Feature(
    name="company",
    summary="Company and product facts (areas, squads, plans, cadences, metrics) from "
    "data/company.yml, shown by fact(), metric_table(), team_map() and plan_table().",
    cross_checks=(check_company,),
    macros=macros.register,
    argument_checks=_argument_checks,
)
