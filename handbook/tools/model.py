"""The tool stack (data/tools.yml) as plain values: tools, categories and ring moves.

Pure: takes the loaded DataSet, returns dataclasses. Analysis lives in handbook.tools.views,
cross-checks in handbook.tools.checks.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property

from handbook.core.data import DataSet, to_date

SOURCE = "data/tools.yml"
# Radar rings, from the centre out; `retire` is listed but not drawn on the radar.
RINGS = ("adopt", "trial", "assess", "hold", "retire")
# Rings whose tools people may (still) be given access to and which count as "in use".
ACTIVE_RINGS = ("adopt", "trial")


@dataclass(frozen=True)
class Category:
    id: str
    name: str
    description: str


@dataclass(frozen=True)
class RingMove:
    date: dt.date | None
    ring: str
    note: str


@dataclass(frozen=True)
class Tool:
    id: str
    name: str
    category: str
    purpose: str
    capabilities: tuple[str, ...]
    status: str
    history: tuple[RingMove, ...]
    owner: str
    used_by: tuple[str, ...]
    integrates_with: tuple[str, ...]
    cost_per_year: float | None
    seats: int | None
    renewal: dt.date | None
    access_request: str
    homepage: str
    notes: str
    last_updated: dt.date | None
    index: int  # position in tools.yml, for line lookups

    @property
    def retired(self) -> bool:
        return self.status == "retire"


@dataclass(frozen=True)
class ToolStack:
    currency: str
    categories: tuple[Category, ...]
    tools: tuple[Tool, ...]

    def by_id(self) -> dict[str, Tool]:
        """Tool id -> tool; on a duplicate id the first entry wins (the check reports it)."""
        return dict(self._by_id)

    @cached_property
    def _by_id(self) -> dict[str, Tool]:
        found: dict[str, Tool] = {}
        for tool in self.tools:
            found.setdefault(tool.id, tool)
        return found

    def category_names(self) -> dict[str, str]:
        return {c.id: c.name for c in self.categories}


def _strings(value: object) -> tuple[str, ...]:
    return tuple(str(v) for v in value) if isinstance(value, list) else ()


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def _tool(item: dict, index: int) -> Tool:
    history = tuple(
        RingMove(to_date(move.get("date")), str(move.get("ring", "")), str(move.get("note", "")))
        for move in item.get("history") or []
        if isinstance(move, dict)
    )
    seats = item.get("seats")
    return Tool(
        id=str(item.get("id", "")),
        name=str(item.get("name", "")),
        category=str(item.get("category", "")),
        purpose=str(item.get("purpose", "")),
        capabilities=_strings(item.get("capabilities")),
        status=str(item.get("status", "")),
        history=history,
        owner=str(item.get("owner", "")),
        used_by=_strings(item.get("used_by")),
        integrates_with=_strings(item.get("integrates_with")),
        cost_per_year=_number(item.get("cost_per_year")),
        seats=seats if isinstance(seats, int) and not isinstance(seats, bool) else None,
        renewal=to_date(item.get("renewal")),
        access_request=str(item.get("access_request", "")),
        homepage=str(item.get("homepage", "")),
        notes=str(item.get("notes", "")),
        last_updated=to_date(item.get("last_updated")),
        index=index,
    )


def load_tools(dataset: DataSet) -> ToolStack:
    """The tool stack from data/tools.yml; an empty stack when the file is absent."""
    doc = dataset.get("tools.yml")
    data = doc.data if doc is not None and isinstance(doc.data, dict) else {}
    categories = tuple(
        Category(str(c.get("id", "")), str(c.get("name", "")), str(c.get("description", "")))
        for c in data.get("categories") or []
        if isinstance(c, dict)
    )
    tools = tuple(
        _tool(item, i) for i, item in enumerate(data.get("tools") or []) if isinstance(item, dict)
    )
    return ToolStack(str(data.get("currency", "USD")), categories, tools)


def tool_src_uri(tool_id: str) -> str:
    """Docs path of a tool's generated page."""
    return f"tools/{tool_id}.md"
