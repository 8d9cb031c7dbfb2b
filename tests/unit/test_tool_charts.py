"""Geometry of the radar, integration map and bar charts."""

import math
import re
from dataclasses import replace

import pytest

from handbook.core.context import load_handbook
from handbook.tools.charts import (
    BLIP_RADIUS,
    LABEL_MIN_PX,
    Radar,
    bar_layout,
    box_hits_circle,
    boxes_overlap,
    cell_positions,
    integration_layout,
    radar_layout,
    segment_hits_box,
    segments_cross,
    text_box,
)
from handbook.tools.model import load_tools
from handbook.tools.views import integrations
from tests.helpers import FIXTURE
from tests.tool_data import stack_of, tool


@pytest.mark.parametrize("count", range(2, 6))
def test_cell_positions_stay_inside_the_cell_and_apart(count):
    a0, a1 = 0.0, 2 * math.pi / 11
    spots = cell_positions(count, 0.0, 165.0, a0, a1)
    assert len(spots) == count
    points = []
    for radius, angle in spots:
        assert 0 < radius < 165 and a0 < angle < a1
        points.append((radius * math.cos(angle), radius * math.sin(angle)))
    closest = min(math.dist(p, q) for i, p in enumerate(points) for q in points[i + 1 :])
    assert closest >= 20  # blips have radius 10: they do not overlap


def test_cell_positions_never_drops_a_tool_even_without_room():
    assert len(cell_positions(40, 100.0, 110.0, 0.0, 0.2)) == 40


def test_radar_puts_each_tool_in_its_ring_band_and_skips_retired():
    stack = stack_of(
        tool("a"),
        tool("b", status="trial"),
        tool("c", status="hold", category="analytics"),
        tool("d", status="retire"),
    )
    radar = radar_layout(stack)
    rings = ("adopt", "trial", "assess", "hold")
    assert sorted(b.tool.id for b in radar.blips) == ["a", "b", "c"]
    assert [b.number for b in radar.blips] == [1, 2, 3]
    for blip in radar.blips:
        r = rings.index(blip.tool.status)
        distance = math.dist((blip.x, blip.y), (radar.centre, radar.centre))
        inner = radar.radii[r - 1] if r else 0
        assert inner < distance < radar.radii[r], blip.tool.id
    assert [s.label for s in radar.sectors] == ["Delivery", "Product analytics"]


def test_integration_map_has_a_node_per_linked_tool_and_a_line_per_integration():
    stack = stack_of(tool("a", integrates_with=["b"]), tool("b"), tool("lonely"))
    graph = integration_layout(stack, integrations(stack))
    assert sorted(n.tool.id for n in graph.nodes) == ["a", "b"]
    assert len(graph.edges) == 1


def test_bars_scale_to_the_largest_value():
    chart = bar_layout([("x", 200.0), ("y", 50.0)], plot_width=400)
    assert [b.width for b in chart.bars] == [400.0, 100.0]
    assert chart.bars[1].y > chart.bars[0].y
    assert bar_layout([]).bars == ()


def crowded_stack():
    """40 tools with long names in the two categories of tests/tool_data.py."""
    rings = ("adopt", "adopt", "adopt", "trial", "assess", "hold")
    return stack_of(
        *(
            tool(
                f"t{i:02d}",
                name=f"Extremely long tool name {i:02d}",
                category=("delivery", "analytics")[i % 2],
                status=rings[i % len(rings)],
            )
            for i in range(40)
        )
    )


def fixture_stack():
    """The fixture handbook's three tools."""
    return load_tools(load_handbook(FIXTURE, "2026-11-21").dataset)


def label_problems(radar: Radar) -> list[str]:
    """Everything that makes a name unreadable: missing, on another name, on a blip, cut off by
    the viewBox, a leader through another name or leader, or smaller than 11 px on screen."""
    problems = []
    labels = [(b, b.label) for b in radar.blips if b.label]
    problems += [f"{b.tool.name}: no label" for b in radar.blips if not b.label]
    for i, (blip, label) in enumerate(labels):
        left, top, right, bottom = label.box
        if left < 0 or top < 0 or right > radar.size or bottom > radar.size:
            problems.append(f"{blip.tool.name}: outside the viewBox")
        for other, other_label in labels[i + 1 :]:
            if boxes_overlap(label.box, other_label.box):
                problems.append(f"{blip.tool.name} overlaps {other.tool.name}")
        for b in radar.blips:
            if box_hits_circle(label.box, b.x, b.y, BLIP_RADIUS):
                problems.append(f"{blip.tool.name} covers blip {b.number}")
        for other, other_label in labels:
            if label.leader and other is not blip:
                if segment_hits_box(label.leader, other_label.box):
                    problems.append(f"{blip.tool.name}'s leader crosses {other.tool.name}")
                if other_label.leader and segments_cross(label.leader, other_label.leader):
                    problems.append(f"{blip.tool.name}'s leader crosses another leader")
    if radar.label_font * radar.min_width / radar.size < LABEL_MIN_PX:
        problems.append("names smaller than 11 px at the narrowest width")
    return problems


@pytest.mark.parametrize("stack", [fixture_stack, crowded_stack], ids=["fixture", "crowded"])
def test_every_radar_name_is_drawn_clear_of_names_blips_and_edges(stack):
    tools = stack()
    radar = radar_layout(tools)
    assert len(radar.blips) == sum(1 for t in tools.tools if not t.retired)
    assert [b.label.box for b in radar.blips if b.label] and label_problems(radar) == []


def test_a_crowded_radar_is_drawn_bigger_and_wider_on_screen():
    radar = radar_layout(crowded_stack())
    assert radar.size > 860
    # The on-screen minimum grows with the drawing, so names keep their size in pixels.
    assert radar.min_width > 720
    assert radar.label_font * radar.min_width / radar.size >= LABEL_MIN_PX


def test_label_problems_catches_each_kind_of_unreadable_name():
    # Negative controls: the same clear radar with one label moved where it must not be.
    radar = radar_layout(fixture_stack())
    first, second = radar.blips[0], radar.blips[1]

    def moved(blip, label):
        blips = tuple(replace(b, label=label) if b is blip else b for b in radar.blips)
        return label_problems(replace(radar, blips=blips))

    assert any("overlaps" in p for p in moved(first, second.label))
    on_blip = replace(first.label, box=(second.x - 5, second.y - 5, second.x + 5, second.y + 5))
    assert any("covers blip" in p for p in moved(first, on_blip))
    outside = replace(first.label, box=(radar.size - 5, 10, radar.size + 40, 26))
    assert moved(first, outside) == [f"{first.tool.name}: outside the viewBox"]
    assert moved(first, None) == [f"{first.tool.name}: no label"]
    assert label_problems(replace(radar, min_width=600)) != []


def test_overlap_predicates_catch_overlaps_and_pass_clear_shapes():
    assert boxes_overlap((0, 0, 10, 10), (5, 5, 15, 15))
    assert not boxes_overlap((0, 0, 10, 10), (10, 0, 20, 10))  # touching edges are clear
    assert box_hits_circle((0, 0, 10, 10), 14, 5, 5)
    assert not box_hits_circle((0, 0, 10, 10), 16, 5, 5)
    assert segment_hits_box((-5, 5, 20, 5), (0, 0, 10, 10))
    assert not segment_hits_box((-5, 15, 20, 15), (0, 0, 10, 10))
    assert segments_cross((0, 0, 10, 10), (0, 10, 10, 0))
    assert not segments_cross((0, 0, 10, 0), (0, 5, 10, 5))


def test_text_box_follows_the_anchor_and_is_wider_for_a_longer_name():
    start = text_box("Jira", 100, 50, "start", 13.5)
    end = text_box("Jira", 100, 50, "end", 13.5)
    middle = text_box("Jira", 100, 50, "middle", 13.5)
    assert start[0] == 100 and end[2] == 100 and middle[0] < 100 < middle[2]
    assert start[1] < 50 < start[3]
    long = text_box("Google Workspace", 100, 50, "start", 13.5)
    assert long[2] - long[0] > 3 * (start[2] - start[0])


def test_a_radar_too_crowded_to_label_names_the_tool_and_its_cell(monkeypatch):
    # The crowded stack needs a bigger radar than 1x; allowed no growth, it cannot be labelled.
    import handbook.tools.charts as charts

    monkeypatch.setattr(charts, "MAX_SCALE", 1.0)
    with pytest.raises(ValueError) as raised:
        radar_layout(crowded_stack())
    message = str(raised.value)
    assert re.match(
        r"tool radar: no room for the name of 'Extremely long tool name \d\d' "
        r"\(data/tools.yml, id t\d\d\) even at 1x the size: \d+ tools are in [\w ]+ / \w+; "
        r"shorten long names or split the category",
        message,
    ), message
