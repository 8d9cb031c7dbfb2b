"""Questions asked of the tool stack: overlaps, integrations, renewals and spend. Pure."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from handbook.tools.model import ACTIVE_RINGS, Tool, ToolStack


@dataclass(frozen=True)
class Overlap:
    """Tools in adopt or trial that do the same jobs: one consolidation candidate."""

    capabilities: tuple[str, ...]
    tools: tuple[Tool, ...]

    @property
    def yearly_cost(self) -> float:
        return sum(t.cost_per_year or 0 for t in self.tools)


@dataclass(frozen=True)
class Renewal:
    tool: Tool
    days_left: int  # negative when the date has passed


def overlaps(stack: ToolStack) -> list[Overlap]:
    """Groups of two or more adopt/trial tools sharing capabilities, one per group of tools
    (Jira and Linear sharing two capabilities is one candidate), largest group first."""
    by_capability: dict[str, list[Tool]] = defaultdict(list)
    for tool in stack.by_id().values():
        if tool.status in ACTIVE_RINGS:
            for capability in tool.capabilities:
                by_capability[capability].append(tool)
    groups: dict[tuple[str, ...], list[str]] = defaultdict(list)
    members: dict[tuple[str, ...], tuple[Tool, ...]] = {}
    for capability, tools in by_capability.items():
        if len(tools) > 1:
            ordered = tuple(sorted(tools, key=lambda t: (t.name.lower(), t.id)))
            key = tuple(t.id for t in ordered)
            groups[key].append(capability)
            members[key] = ordered
    found = [Overlap(tuple(sorted(caps)), members[key]) for key, caps in groups.items()]
    return sorted(found, key=lambda o: (-len(o.tools), o.capabilities))


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


def renewals(
    stack: ToolStack, today: dt.date, within_days: int, after_days: int = -1
) -> list[Renewal]:
    """Renewals of tools not retired, more than `after_days` and at most `within_days` ahead
    (from today when after_days is -1), soonest first."""
    found = []
    for tool in stack.by_id().values():
        if tool.retired or tool.renewal is None:
            continue
        days = (tool.renewal - today).days
        if 0 <= days <= within_days and days > after_days:
            found.append(Renewal(tool, days))
    return sorted(found, key=lambda r: (r.days_left, r.tool.name.lower()))


def renewal_overdue(tool: Tool, today: dt.date) -> bool:
    """A tool in use whose renewal date has passed: its entry needs the next date."""
    return not tool.retired and tool.renewal is not None and tool.renewal < today


def overdue_renewals(stack: ToolStack, today: dt.date) -> list[Renewal]:
    """Every tool whose renewal is overdue, most overdue first."""
    found = [
        Renewal(t, (t.renewal - today).days)
        for t in stack.by_id().values()
        if renewal_overdue(t, today) and t.renewal is not None
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
