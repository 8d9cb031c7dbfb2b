"""data/company.yml as plain values, its cross-checks, and lookups by dotted path. Pure."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from handbook.core.data import DataSet, to_date
from handbook.core.problems import Problem, key_path
from handbook.core.yamlload import YamlDoc

FILE = "company.yml"
SOURCE = f"data/{FILE}"


@dataclass(frozen=True)
class Metric:
    id: str
    name: str
    definition: str
    formula: str
    value: str
    unit: str
    target: str
    owner: str
    source: str
    north_star: bool


@dataclass(frozen=True)
class Squad:
    id: str
    name: str
    areas: tuple[str, ...]
    lead_role: str
    engineers: int | None
    also: str


@dataclass(frozen=True)
class Company:
    data: dict[str, Any]
    metrics: tuple[Metric, ...]
    squads: tuple[Squad, ...]
    areas: dict[str, dict[str, Any]]  # area id -> {name, squad}
    scorecard: tuple[str, ...]
    last_updated: dt.date | None


def load_company(dataset: DataSet) -> Company | None:
    doc = dataset.get(FILE)
    if doc is None or not isinstance(doc.data, dict):
        return None
    data = doc.data
    metrics = tuple(
        Metric(
            id=str(m["id"]),
            name=str(m["name"]),
            definition=str(m.get("definition", "")),
            formula=str(m.get("formula", "")),
            value=str(m.get("value", "")),
            unit=str(m.get("unit", "")),
            target=str(m.get("target", "")),
            owner=str(m.get("owner", "")),
            source=str(m.get("source", "")),
            north_star=bool(m.get("north_star", False)),
        )
        for m in data.get("metrics") or []
    )
    squads = tuple(
        Squad(
            id=str(s["id"]),
            name=str(s["name"]),
            areas=tuple(str(a) for a in s.get("areas") or []),
            lead_role=str(s.get("lead_role", "")),
            engineers=s.get("engineers"),
            also=str(s.get("also", "")),
        )
        for s in data.get("squads") or []
    )
    areas = {str(a["id"]): dict(a) for a in data.get("areas") or []}
    scorecard = tuple(str(i) for i in data.get("scorecard") or [])
    return Company(data, metrics, squads, areas, scorecard, to_date(data.get("last_updated")))


class UnknownFact(ValueError):
    pass


def fact(company: Company, path: str) -> Any:
    """The value at a dotted path such as `cadences.release_train.leaves` or `plans.business.
    price_per_seat_month_eur` (list items by their id); UnknownFact names what exists."""
    here: Any = company.data
    walked: list[str] = []
    for part in path.split("."):
        if isinstance(here, list):
            by_id = {str(item.get("id")): item for item in here if isinstance(item, dict)}
            options = list(by_id)
            here = by_id.get(part)
        elif isinstance(here, dict):
            options = [str(k) for k in here]
            here = here.get(part)
        else:
            options = []
            here = None
        if here is None:
            where = ".".join(walked) or "the top level"
            raise UnknownFact(
                f"{SOURCE} has no {part!r} under {where}; there: {', '.join(options) or 'nothing'}"
            )
        walked.append(part)
    if isinstance(here, (dict, list)):
        raise UnknownFact(f"{path} in {SOURCE} is a group, not one fact; name one of its keys")
    return here


def _problem(doc: YamlDoc, path: tuple, message: str) -> Problem:
    return Problem(doc.file, doc.line_of(path), message, key_path(path))


def _ids(doc_data: dict, name: str) -> set[str]:
    return {str(i.get("id")) for i in doc_data.get(name) or [] if isinstance(i, dict)}


def check_company(dataset: DataSet, _today: dt.date) -> list[Problem]:
    """References inside data/company.yml and to owners, roles and tools agree."""
    doc = dataset.get(FILE)
    if doc is None or not isinstance(doc.data, dict):
        return []
    data = doc.data
    problems: list[Problem] = []
    squads, areas, metrics = _ids(data, "squads"), _ids(data, "areas"), _ids(data, "metrics")
    owners = _ids(_data(dataset, "owners.yml"), "owners")
    roles = _ids(_data(dataset, "roles.yml"), "roles")
    tools = _ids(_data(dataset, "tools.yml"), "tools")
    for i, area in enumerate(data.get("areas") or []):
        if area.get("squad") not in squads:
            path = ("areas", i, "squad")
            problems.append(_problem(doc, path, f"squad {area.get('squad')!r} is not in squads"))
    for i, squad in enumerate(data.get("squads") or []):
        for j, area in enumerate(squad.get("areas") or []):
            if area not in areas:
                message = f"area {area!r} is not in areas"
                problems.append(_problem(doc, ("squads", i, "areas", j), message))
        role = squad.get("lead_role")
        if role and roles and role not in roles:
            path = ("squads", i, "lead_role")
            problems.append(_problem(doc, path, f"role {role!r} is not in data/roles.yml"))
    for i, metric in enumerate(data.get("metrics") or []):
        if metric.get("owner") not in owners:
            message = f"owner {metric.get('owner')!r} is not in data/owners.yml"
            problems.append(_problem(doc, ("metrics", i, "owner"), message))
        source = metric.get("source")
        if source and tools and source not in tools:
            message = f"source {source!r} is not a tool id in data/tools.yml"
            problems.append(_problem(doc, ("metrics", i, "source"), message))
    for i, metric_id in enumerate(data.get("scorecard") or []):
        if metric_id not in metrics:
            message = f"{metric_id!r} is not a metric id in metrics"
            problems.append(_problem(doc, ("scorecard", i), message))
    return problems


def _data(dataset: DataSet, name: str) -> dict:
    doc = dataset.get(name)
    return doc.data if doc is not None and isinstance(doc.data, dict) else {}
