"""Geometry for the tool-stack pictures: radar, integration map and bar charts. Pure.

The functions return plain positions; the SVG itself is written by templates in
handbook/jinja/, so every label from data is escaped there.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from handbook.tools import Tool, ToolStack

# Radar rings drawn from the centre out (retired tools are listed, not drawn).
RADAR_RINGS = ("adopt", "trial", "assess", "hold")


@dataclass(frozen=True)
class Blip:
    number: int
    tool: Tool
    x: float
    y: float


@dataclass(frozen=True)
class Sector:
    label: str
    x1: float  # end of the boundary line on the outer ring
    y1: float
    label_x: float
    label_y: float
    anchor: str  # text-anchor for the label: start, middle or end


@dataclass(frozen=True)
class Radar:
    size: float
    centre: float
    radii: tuple[float, ...]  # outer radius of each ring in RADAR_RINGS
    sectors: tuple[Sector, ...]
    blips: tuple[Blip, ...]
    ring_labels: tuple[tuple[str, float], ...]  # ring name, y of its label


def _point(centre: float, radius: float, angle: float) -> tuple[float, float]:
    return round(centre + radius * math.cos(angle), 1), round(centre + radius * math.sin(angle), 1)


def _anchor(x: float, centre: float) -> str:
    if abs(x - centre) < 20:
        return "middle"
    return "start" if x > centre else "end"


def cell_positions(
    count: int, inner: float, outer: float, a0: float, a1: float, spacing: float = 24
) -> list[tuple[float, float]]:
    """(radius, angle) for `count` blips in the ring cell between radii and angles, at least
    `spacing` apart: rows from the outer edge inwards, each as full as its arc allows."""
    rows: list[tuple[float, int]] = []
    radius = outer - spacing * 0.6
    left = count
    while left > 0 and radius > inner + spacing * 0.4:
        fits = max(int(radius * (a1 - a0) / spacing) - 1, 0)
        if fits:
            rows.append((radius, min(fits, left)))
            left -= min(fits, left)
        radius -= spacing
    if left > 0:  # more blips than room: share the last row (overlap beats losing a tool)
        last_radius, last_count = rows[-1] if rows else ((inner + outer) / 2, 0)
        rows[-1:] = [(last_radius, last_count + left)]
    middle = (inner + outer) / 2
    if len(rows) == 1 and int(middle * (a1 - a0) / spacing) - 1 >= rows[0][1]:
        rows = [(middle, rows[0][1])]  # a single row reads best in the middle of the ring
    positions = []
    for radius, n in rows:
        positions += [(radius, a0 + (a1 - a0) * (k + 1) / (n + 1)) for k in range(n)]
    return positions


def radar_layout(stack: ToolStack, size: float = 860, radius: float = 300) -> Radar:
    """Sectors by category (in data order), rings by status; blips spread inside their cell."""
    centre = size / 2
    # Most tools sit in adopt, so the inner ring gets the most room.
    radii = tuple(radius * f for f in (0.55, 0.73, 0.87, 1.0))
    categories = list(stack.categories)
    step = 2 * math.pi / max(len(categories), 1)
    start = -math.pi / 2
    sectors = []
    blips: list[Blip] = []
    tools = [t for t in stack.by_id().values() if t.status in RADAR_RINGS]
    for i, category in enumerate(categories):
        a0 = start + i * step
        x1, y1 = _point(centre, radius, a0)
        lx, ly = _point(centre, radius + 14, a0 + step / 2)
        sectors.append(Sector(category.name, x1, y1, lx, ly, _anchor(lx, centre)))
        for r, ring in enumerate(RADAR_RINGS):
            cell = sorted(
                (t for t in tools if t.category == category.id and t.status == ring),
                key=lambda t: t.name.lower(),
            )
            inner = radii[r - 1] if r else 0.0
            spots = cell_positions(len(cell), inner, radii[r], a0, a0 + step)
            for tool, (distance, angle) in zip(cell, spots, strict=True):
                x, y = _point(centre, distance, angle)
                blips.append(Blip(len(blips) + 1, tool, x, y))
    ring_labels = tuple(
        (ring, round(centre - (radii[r] + (radii[r - 1] if r else 0)) / 2, 1))
        for r, ring in enumerate(RADAR_RINGS)
    )
    return Radar(size, centre, radii, tuple(sectors), tuple(blips), ring_labels)


@dataclass(frozen=True)
class Node:
    tool: Tool
    x: float
    y: float
    label_x: float
    label_y: float
    anchor: str


@dataclass(frozen=True)
class IntegrationMap:
    size: float
    nodes: tuple[Node, ...]
    edges: tuple[tuple[Node, Node], ...]


def integration_layout(
    stack: ToolStack, edges: list[tuple[Tool, Tool]], size: float = 820, radius: float = 260
) -> IntegrationMap:
    """Tools with an integration on a circle, grouped by category; one line per integration."""
    centre = size / 2
    order = {c.id: i for i, c in enumerate(stack.categories)}
    linked = {t.id for pair in edges for t in pair}
    tools = sorted(
        (t for t in stack.by_id().values() if t.id in linked),
        key=lambda t: (order.get(t.category, len(order)), t.name.lower()),
    )
    nodes: dict[str, Node] = {}
    for i, tool in enumerate(tools):
        angle = -math.pi / 2 + 2 * math.pi * i / max(len(tools), 1)
        x, y = _point(centre, radius, angle)
        lx, ly = _point(centre, radius + 12, angle)
        nodes[tool.id] = Node(tool, x, y, lx, ly, _anchor(lx, centre))
    lines = tuple((nodes[a.id], nodes[b.id]) for a, b in edges)
    return IntegrationMap(size, tuple(nodes.values()), lines)


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    y: float
    width: float


@dataclass(frozen=True)
class BarChart:
    width: float
    height: float
    label_width: float
    bar_height: float
    bars: tuple[Bar, ...]


def bar_layout(
    rows: list[tuple[str, float]],
    label_width: float = 210,
    plot_width: float = 360,
    bar_height: float = 22,
    gap: float = 8,
) -> BarChart:
    """Horizontal bars scaled to the largest value; room for the value text on the right."""
    top = max((v for _, v in rows), default=0) or 1
    bars = tuple(
        Bar(label, value, round(i * (bar_height + gap), 1), round(plot_width * value / top, 1))
        for i, (label, value) in enumerate(rows)
    )
    height = max(len(rows) * (bar_height + gap) - gap, bar_height)
    return BarChart(label_width + plot_width + 110, height, label_width, bar_height, bars)
