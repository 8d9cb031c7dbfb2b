"""Macros that show data/company.yml: one fact by its path, and the tables pages share.

    {{ fact('cadences.release_train.leaves') }}   one value, as text
    {{ metric_table('scorecard') }}               the metrics: all, scorecard or other
    {{ team_map() }}                              squads and the areas they own
    {{ area_table() }}                            product areas and their squads
    {{ plan_table() }}                            plans and prices

Each macro records that the page shows company facts (for freshness).
"""

from __future__ import annotations

from handbook.company.model import SOURCE, Company, UnknownFact, load_company
from handbook.company.model import fact as fact_at
from handbook.core.context import DataUse, Handbook
from handbook.core.jinja_env import environment
from handbook.core.text import md_text

_ENV = environment()  # templates only; holds no data


def company_of(handbook: Handbook) -> Company:
    company = handbook.derived(load)
    if company is None:
        raise ValueError(f"company macros need {SOURCE}")
    return company


def load(handbook: Handbook) -> Company | None:
    return load_company(handbook.dataset)


def register(env, handbook: Handbook) -> None:
    def shown(label: str) -> Company:
        company = company_of(handbook)
        page = getattr(env, "page", None)
        handbook.record_use(
            page.file.src_uri if page is not None else None,
            DataUse(label, SOURCE, company.last_updated),
        )
        return company

    @env.macro
    def fact(path: str) -> str:
        """One fact from data/company.yml by its dotted path, as text.

        Arguments:
            path: the fact's keys from the top of data/company.yml, joined by dots; a path
                that names no fact fails the build.
        Example: {{ fact('cadences.sprint.length') }}
        """
        try:
            value = fact_at(shown(f"company fact {path}"), path)
        except UnknownFact as exc:
            raise ValueError(f"fact({path!r}): {exc}") from None
        return str(md_text(value))

    @env.macro
    def metric_table(which: str = "all") -> str:
        """The metrics of data/company.yml as a table: name, definition, value, owner, source.

        Arguments:
            which: "all" (the default), "scorecard" (the leadership scorecard, in its order)
                or "other" (those not on it).
        Example: {{ metric_table('scorecard') }}
        """
        if which not in ("all", "scorecard", "other"):
            raise ValueError(f"metric_table: which must be all, scorecard or other, not {which!r}")
        company = shown("company metrics")
        metrics = list(company.metrics)
        if which == "scorecard":
            by_id = {m.id: m for m in metrics}
            metrics = [by_id[i] for i in company.scorecard if i in by_id]
        elif which == "other":
            metrics = [m for m in metrics if m.id not in company.scorecard]
        owners = {i: o.name for i, o in handbook.owners.items()}
        tools = _tool_names(handbook)
        return _ENV.get_template("company_metrics.md").render(
            metrics=metrics, owners=owners, tools=tools
        )

    @env.macro
    def team_map() -> str:
        """The squads and the product areas each owns, as a table.
        Example: {{ team_map() }}"""
        company = shown("company squads")
        return _ENV.get_template("company_team_map.md").render(squads=company.squads)

    @env.macro
    def area_table() -> str:
        """The product areas: id, name and owning squad, as a table.
        Example: {{ area_table() }}"""
        company = shown("company areas")
        squads = {s.id: s.name.removesuffix(" squad") for s in company.squads}
        return _ENV.get_template("company_areas.md").render(areas=company.areas, squads=squads)

    @env.macro
    def plan_table() -> str:
        """The plans and their prices, as a table.
        Example: {{ plan_table() }}"""
        company = shown("company plans")
        symbol = str((company.data.get("currency") or {}).get("symbol", ""))
        return _ENV.get_template("company_plans.md").render(
            plans=company.data.get("plans") or [], symbol=symbol
        )


def _tool_names(handbook: Handbook) -> dict[str, str]:
    doc = handbook.dataset.get("tools.yml")
    items = doc.data.get("tools") if doc is not None and isinstance(doc.data, dict) else []
    return {str(t.get("id")): str(t.get("name")) for t in items or [] if isinstance(t, dict)}
