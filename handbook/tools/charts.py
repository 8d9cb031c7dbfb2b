"""Geometry for the tool-stack pictures: radar, integration map and bar charts. Pure.

The functions return plain positions; the SVG itself is written by templates in
handbook/jinja/, so every label from data is escaped there.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from handbook.tools.model import Tool, ToolStack

# Radar rings drawn from the centre out (retired tools are listed, not drawn).
RADAR_RINGS = ("adopt", "trial", "assess", "hold")
BLIP_RADIUS = 11  # room for a two-digit number at LABEL_FONT
RADAR_SIZE = 860  # viewBox width of a radar whose names fit without growing
CHART_MIN_PX = 720  # tools.css: no chart is drawn narrower than this on screen
# So one radar unit is at least this many px; a bigger radar gets a proportionally wider minimum.
MIN_PX_PER_UNIT = CHART_MIN_PX / RADAR_SIZE
LABEL_MIN_PX = 11
# The smallest half-unit font size that stays at LABEL_MIN_PX or more at the minimum width.
LABEL_FONT = math.ceil(LABEL_MIN_PX / MIN_PX_PER_UNIT * 2) / 2
# Character widths as a fraction of the font size, on the wide side of common sans-serif fonts
# (Arial, Helvetica, Liberation Sans, DejaVu Sans): capitals and m/w are up to about 0.95,
# everything else up to about 0.62. Estimated boxes may be wider than the text, never narrower.
WIDE_CHAR = 0.95
CHAR = 0.62
LINE_HEIGHT = 1.3  # height of a label box in font sizes: the glyphs plus room for the halo
LABEL_GAP = 4  # space between a blip's edge and its label
# Further-out label spots, in units from the blip centre, tried when the near ones are taken.
LEADER_STEPS = tuple(range(34, 300, 16))
GROWTH = 0.1  # how much bigger the radar is drawn each time its names do not all fit
MAX_SCALE = 6.0

Box = tuple[float, float, float, float]  # left, top, right, bottom
Segment = tuple[float, float, float, float]  # x1, y1, x2, y2


@dataclass(frozen=True)
class Label:
    x: float
    y: float
    anchor: str  # text-anchor: start, middle or end
    box: Box  # estimated extent of the text
    leader: Segment | None = None  # line from the blip to a label placed further out


@dataclass(frozen=True)
class Blip:
    number: int
    tool: Tool
    x: float
    y: float
    label: Label | None = None


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
    label_font: float = LABEL_FONT
    min_width: float = CHART_MIN_PX  # px: the narrowest the picture may be drawn


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


def radar_layout(stack: ToolStack, size: float = RADAR_SIZE, radius: float = 300) -> Radar:
    """Sectors by category (in data order), rings by status; blips spread inside their cell,
    each with its name beside it. When the names do not all fit without overlapping, the
    whole radar is drawn bigger (and wider on screen) rather than dropping a name."""
    scale = 1.0
    unplaced: Blip | None = None
    while scale <= MAX_SCALE:
        radar = _radar_blips(stack, round(size * scale, 1), round(radius * scale, 1))
        labels, unplaced = _place(radar)
        if labels is not None:
            blips = tuple(
                replace(b, label=label) for b, label in zip(radar.blips, labels, strict=True)
            )
            width = math.ceil(radar.size * MIN_PX_PER_UNIT)
            return replace(radar, blips=blips, min_width=width)
        scale = round(scale + GROWTH, 2)
    raise ValueError(crowded_message(stack, unplaced))


def crowded_message(stack: ToolStack, blip: Blip | None) -> str:
    """Which tool's name found no room, and what to change in data/tools.yml."""
    if blip is None:
        return f"tool radar: the names do not fit even at {MAX_SCALE:g}x the size"
    tool = blip.tool
    category = stack.category_names().get(tool.category, tool.category)
    sharing = sum(
        1 for t in stack.by_id().values() if t.category == tool.category and t.status == tool.status
    )
    return (
        f"tool radar: no room for the name of {tool.name!r} (data/tools.yml, id {tool.id}) "
        f"even at {MAX_SCALE:g}x the size: {sharing} tools are in {category} / {tool.status}; "
        "shorten long names or split the category"
    )


def _radar_blips(stack: ToolStack, size: float, radius: float) -> Radar:
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


def text_width(text: str, font: float) -> float:
    """Conservative width of `text` at `font` size (see WIDE_CHAR)."""
    return sum(WIDE_CHAR if c.isupper() or c in "mw" else CHAR for c in text) * font


def text_box(text: str, x: float, y: float, anchor: str, font: float, bold: bool = False) -> Box:
    """Estimated box of `text` drawn at (x, y) with dominant-baseline central."""
    width = text_width(text, font) * (1.1 if bold else 1.0)
    left = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
    half = font * LINE_HEIGHT / 2
    return (round(left, 1), round(y - half, 1), round(left + width, 1), round(y + half, 1))


def boxes_overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def box_hits_circle(box: Box, cx: float, cy: float, r: float) -> bool:
    nearest_x = min(max(cx, box[0]), box[2])
    nearest_y = min(max(cy, box[1]), box[3])
    return math.dist((nearest_x, nearest_y), (cx, cy)) < r


def segment_hits_box(seg: Segment, box: Box) -> bool:
    """Whether the segment passes through the box (Liang-Barsky clipping)."""
    x1, y1, x2, y2 = seg
    dx, dy = x2 - x1, y2 - y1
    t0, t1 = 0.0, 1.0
    for p, q in ((-dx, x1 - box[0]), (dx, box[2] - x1), (-dy, y1 - box[1]), (dy, box[3] - y1)):
        if p == 0:
            if q <= 0:
                return False
        elif p < 0:
            t0 = max(t0, q / p)
        else:
            t1 = min(t1, q / p)
    return t0 < t1


def segment_hits_circle(seg: Segment, cx: float, cy: float, r: float) -> bool:
    x1, y1, x2, y2 = seg
    length2 = (x2 - x1) ** 2 + (y2 - y1) ** 2
    t = 0.0 if not length2 else ((cx - x1) * (x2 - x1) + (cy - y1) * (y2 - y1)) / length2
    t = min(max(t, 0.0), 1.0)
    return math.dist((x1 + t * (x2 - x1), y1 + t * (y2 - y1)), (cx, cy)) < r


def segments_cross(a: Segment, b: Segment) -> bool:
    """Whether two segments properly intersect (touching ends do not count)."""

    def side(p: tuple[float, float], q: tuple[float, float], r: tuple[float, float]) -> float:
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])

    a1, a2, b1, b2 = (a[0], a[1]), (a[2], a[3]), (b[0], b[1]), (b[2], b[3])
    return side(a1, a2, b1) * side(a1, a2, b2) < 0 and side(b1, b2, a1) * side(b1, b2, a2) < 0


def _label_at(blip: Blip, distance: float, angle: float, font: float) -> Label:
    """The name set just beyond the point `distance` from the blip in direction `angle`, with a
    leader back to the blip when that point is further than the near ring of spots."""
    cos, sin = math.cos(angle), math.sin(angle)
    px, py = blip.x + distance * cos, blip.y + distance * sin
    if abs(cos) > 0.35:  # mostly sideways: the text starts (or ends) at the point
        anchor, x, y = ("start" if cos > 0 else "end"), px, py
    else:  # mostly up or down: the text is centred above or below the point
        anchor, x, y = "middle", px, py + math.copysign(font * LINE_HEIGHT / 2, sin)
    leader = None
    if distance > BLIP_RADIUS + LABEL_GAP:
        start = BLIP_RADIUS + 1
        leader = (
            round(blip.x + start * cos, 1),
            round(blip.y + start * sin, 1),
            round(px, 1),
            round(py, 1),
        )
    x, y = round(x, 1), round(y, 1)
    return Label(x, y, anchor, text_box(blip.tool.name, x, y, anchor, font), leader)


def label_candidates(blip: Blip, centre: float, font: float) -> list[Label]:
    """Right, left, above and below the blip first; then spots further out with a leader,
    nearest first, a spot turned away from the outward direction counting as further: the
    blips thin out away from the radar's centre, and outward leaders do not cross the middle."""
    near = BLIP_RADIUS + LABEL_GAP
    spots = [_label_at(blip, near, a, font) for a in (0, math.pi, -math.pi / 2, math.pi / 2)]
    outward = math.atan2(blip.y - centre, blip.x - centre)
    turns = sorted(range(-12, 13), key=abs)  # 15 degree steps either side of outward
    far = [
        (distance * (1 + abs(turn) / 6), distance, outward + turn * math.pi / 12)
        for distance in LEADER_STEPS
        for turn in turns
    ]
    far.sort(key=lambda spot: spot[0])
    return spots + [_label_at(blip, distance, angle, font) for _, distance, angle in far]


def _fixed_text(radar: Radar) -> list[Box]:
    """Boxes of the sector and ring names, which tool names must not cover."""
    boxes = [text_box(s.label, s.label_x, s.label_y, s.anchor, 13, True) for s in radar.sectors]
    boxes += [text_box(ring, radar.centre, y, "middle", 12) for ring, y in radar.ring_labels]
    return boxes


def _fits(label: Label, blip: Blip, radar: Radar, boxes: list[Box], leaders: list[Segment]) -> bool:
    """Inside the viewBox, clear of placed names, leaders and blips (with a unit to spare, so
    text never touches a circle); a leader may cross no name, leader or other blip either."""
    box = label.box
    if box[0] < 0 or box[1] < 0 or box[2] > radar.size or box[3] > radar.size:
        return False
    if any(boxes_overlap(box, other) for other in boxes):
        return False
    if any(segment_hits_box(seg, box) for seg in leaders):
        return False
    if any(box_hits_circle(box, b.x, b.y, BLIP_RADIUS + 1) for b in radar.blips):
        return False
    if label.leader is None:
        return True
    others = [b for b in radar.blips if b is not blip]
    return not (
        any(segment_hits_box(label.leader, other) for other in boxes)
        or any(segments_cross(label.leader, seg) for seg in leaders)
        or any(segment_hits_circle(label.leader, b.x, b.y, BLIP_RADIUS + 1) for b in others)
    )


def _distance_from_centre(blip: Blip, radar: Radar) -> float:
    return math.dist((blip.x, blip.y), (radar.centre, radar.centre))


def place_labels(radar: Radar) -> list[Label] | None:
    """A label for every blip, in blip order, or None when one does not fit."""
    return _place(radar)[0]


def _place(radar: Radar) -> tuple[list[Label] | None, Blip | None]:
    """A label for every blip, in blip order, or (None, the first blip whose label does not
    fit).

    Greedy, from the centre out: the inner blips are the most crowded (most tools are in
    adopt) and have the fewest free spots, while the outer ones have the margin to spare. Each
    takes its first candidate that stays inside the viewBox and clear of every placed name,
    leader, blip and the sector and ring names."""
    boxes = _fixed_text(radar)
    leaders: list[Segment] = []
    placed: dict[int, Label] = {}
    for blip in sorted(radar.blips, key=lambda b: _distance_from_centre(b, radar)):
        candidates = label_candidates(blip, radar.centre, radar.label_font)
        label = next((c for c in candidates if _fits(c, blip, radar, boxes, leaders)), None)
        if label is None:
            return None, blip
        placed[blip.number] = label
        boxes.append(label.box)
        if label.leader:
            leaders.append(label.leader)
    return [placed[b.number] for b in radar.blips], None


@dataclass(frozen=True)
class Node:
    tool: Tool
    x: float
    y: float
    label_x: float
    label_y: float
    anchor: str


# The font size (viewBox units) of the integration map's and spend chart's text.
CHART_FONT = 13


def readable_width(view_width: float, font: float = CHART_FONT) -> int:
    """The narrowest on-screen width (px) at which text of `font` units is LABEL_MIN_PX."""
    return math.ceil(view_width * LABEL_MIN_PX / font)


@dataclass(frozen=True)
class IntegrationMap:
    size: float
    nodes: tuple[Node, ...]
    edges: tuple[tuple[Node, Node], ...]

    @property
    def min_width(self) -> int:
        return readable_width(self.size)


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

    @property
    def min_width(self) -> int:
        return readable_width(self.width)


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
