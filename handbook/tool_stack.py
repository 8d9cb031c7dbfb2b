"""Questions asked of the tool stack: overlaps, integrations, renewals and spend. Pure."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from handbook.tools import ACTIVE_RINGS, Tool, ToolStack


@dataclass(frozen=True)
class Overlap:
    """Tools in adopt or trial that do the same job: consolidation candidates."""

    capability: str
    tools: tuple[Tool, ...]

    @property
    def yearly_cost(self) -> float:
        return sum(t.cost_per_year or 0 for t in self.tools)


@dataclass(frozen=True)
class Renewal:
    tool: Tool
    days_left: int  # negative when the date has passed


def overlaps(stack: ToolStack) -> list[Overlap]:
    """Each capability shared by two or more adopt/trial tools, most tools first."""
    by_capability: dict[str, list[Tool]] = defaultdict(list)
    for tool in stack.by_id().values():
        if tool.status in ACTIVE_RINGS:
            for capability in tool.capabilities:
                by_capability[capability].append(tool)
    found = [
        Overlap(cap, tuple(sorted(tools, key=lambda t: t.name.lower())))
        for cap, tools in by_capability.items()
        if len(tools) > 1
    ]
    return sorted(found, key=lambda o: (-len(o.tools), o.capability))


def overlapping_tools(stack: ToolStack, tool: Tool) -> list[tuple[Tool, tuple[str, ...]]]:
    """Other tools that are not retired and share a capability with `tool`, with the shared ones."""
    found = []
    for other in stack.by_id().values():
        if other.id == tool.id or other.retired:
            continue
        shared = tuple(c for c in tool.capabilities if c in other.capabilities)
        if shared:
            found.append((other, shared))
    return sorted(found, key=lambda pair: pair[0].name.lower())


def integrations(stack: ToolStack) -> list[tuple[Tool, Tool]]:
    """Undirected integration edges between known tools, each once, sorted by names."""
    tools = stack.by_id()
    edges: dict[frozenset[str], tuple[Tool, Tool]] = {}
    for tool in tools.values():
        for other_id in tool.integrates_with:
            other = tools.get(other_id)
            if other is None or other.id == tool.id:
                continue
            pair = tuple(sorted((tool, other), key=lambda t: t.name.lower()))
            edges.setdefault(frozenset((tool.id, other.id)), pair)  # type: ignore[arg-type]
    return sorted(edges.values(), key=lambda p: (p[0].name.lower(), p[1].name.lower()))


def integrated_from(stack: ToolStack, tool: Tool) -> list[Tool]:
    """Tools that list `tool` in their integrates_with (the other direction)."""
    return sorted(
        (t for t in stack.by_id().values() if tool.id in t.integrates_with and t.id != tool.id),
        key=lambda t: t.name.lower(),
    )


def renewals(stack: ToolStack, today: dt.date, within_days: int) -> list[Renewal]:
    """Renewals of tools not retired, from today up to `within_days` ahead, soonest first."""
    found = []
    for tool in stack.by_id().values():
        if tool.retired or tool.renewal is None:
            continue
        days = (tool.renewal - today).days
        if 0 <= days <= within_days:
            found.append(Renewal(tool, days))
    return sorted(found, key=lambda r: (r.days_left, r.tool.name.lower()))


def overdue_renewals(stack: ToolStack, today: dt.date) -> list[Renewal]:
    """Tools not retired whose renewal date has passed: the entry needs its next date."""
    found = [
        Renewal(t, (t.renewal - today).days)
        for t in stack.by_id().values()
        if not t.retired and t.renewal is not None and t.renewal < today
    ]
    return sorted(found, key=lambda r: (r.days_left, r.tool.name.lower()))


def spend_by(stack: ToolStack, key: Callable[[Tool], str]) -> list[tuple[str, float]]:
    """Yearly cost of tools not retired, summed per key(tool), largest first."""
    totals: dict[str, float] = defaultdict(float)
    for tool in stack.by_id().values():
        if not tool.retired and tool.cost_per_year:
            totals[key(tool)] += tool.cost_per_year
    return sorted(totals.items(), key=lambda item: (-item[1], item[0]))


def total_spend(stack: ToolStack) -> float:
    return sum(t.cost_per_year or 0 for t in stack.by_id().values() if not t.retired)
