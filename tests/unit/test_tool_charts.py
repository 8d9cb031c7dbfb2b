"""Geometry of the radar, integration map and bar charts."""

import math

import pytest

from handbook.tool_charts import bar_layout, cell_positions, integration_layout, radar_layout
from handbook.tool_stack import integrations
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
