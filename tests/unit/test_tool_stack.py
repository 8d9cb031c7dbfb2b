"""Overlaps, integrations, renewals and spend over a small tool stack."""

import datetime as dt

from handbook.tools.views import (
    integrated_from,
    integrations,
    overdue_renewals,
    overlapping_tools,
    overlaps,
    renewals,
    spend_by,
    total_spend,
)
from tests.tool_data import stack_of, tool

TODAY = dt.date(2026, 11, 21)


def test_adopt_and_trial_tools_sharing_a_capability_are_one_candidate():
    stack = stack_of(
        tool("jira", capabilities=["issue-tracking", "sprints"], cost_per_year=100),
        tool(
            "linear", status="trial", capabilities=["issue-tracking", "sprints"], cost_per_year=20
        ),
        tool("slack", capabilities=["chat"]),
    )
    [found] = overlaps(stack)
    assert [t.id for t in found.tools] == ["jira", "linear"]
    assert found.capabilities == ("issue-tracking", "sprints")
    assert found.yearly_cost == 120


def test_tools_on_hold_assess_or_retired_are_not_consolidation_candidates():
    stack = stack_of(
        tool("jira", capabilities=["issue-tracking"]),
        tool("linear", status="assess", capabilities=["issue-tracking"]),
        tool("trello", status="hold", capabilities=["issue-tracking"]),
        tool("asana", status="retire", capabilities=["issue-tracking"]),
    )
    assert overlaps(stack) == []


def test_overlapping_tools_of_one_tool_include_hold_but_not_retired():
    stack = stack_of(
        tool("jira", capabilities=["issue-tracking", "bugs"]),
        tool("trello", status="hold", capabilities=["issue-tracking"]),
        tool("asana", status="retire", capabilities=["issue-tracking"]),
        tool("slack", capabilities=["chat"]),
    )
    jira = stack.by_id()["jira"]
    assert [(t.id, shared) for t, shared in overlapping_tools(stack, jira)] == [
        ("trello", ("issue-tracking",))
    ]


def test_integrations_are_undirected_and_listed_once_and_both_directions_found():
    stack = stack_of(
        tool("jira", integrates_with=["slack", "github"]),
        tool("slack", integrates_with=["jira"]),
        tool("github"),
    )
    pairs = [(a.id, b.id) for a, b in integrations(stack)]
    assert pairs == [("github", "jira"), ("jira", "slack")]
    assert [t.id for t in integrated_from(stack, stack.by_id()["github"])] == ["jira"]
    assert integrated_from(stack, stack.by_id()["jira"])[0].id == "slack"


def test_renewals_within_window_soonest_first_excluding_retired_and_past():
    stack = stack_of(
        tool("a", renewal="2026-12-01", cost_per_year=10),
        tool("b", renewal="2026-11-21"),
        tool("c", renewal="2027-03-01"),  # 100 days: outside 90
        tool("d", status="retire", renewal="2026-12-02"),
        tool("e", renewal="2026-11-20"),  # passed
        tool("f"),  # no renewal date
    )
    due = renewals(stack, TODAY, 90)
    assert [(r.tool.id, r.days_left) for r in due] == [("b", 0), ("a", 10)]
    assert [r.tool.id for r in renewals(stack, TODAY, 100)] == ["b", "a", "c"]
    assert [r.tool.id for r in renewals(stack, TODAY, 100, after_days=10)] == ["c"]
    assert [(r.tool.id, r.days_left) for r in overdue_renewals(stack, TODAY)] == [("e", -1)]


def test_spend_sums_tools_not_retired_by_key_largest_first():
    stack = stack_of(
        tool("a", category="delivery", cost_per_year=100),
        tool("b", category="analytics", cost_per_year=300),
        tool("c", category="delivery", cost_per_year=250.5),
        tool("d", category="delivery", status="retire", cost_per_year=1000),
        tool("e", category="analytics"),  # free
    )
    assert spend_by(stack, lambda t: t.category) == [("delivery", 350.5), ("analytics", 300.0)]
    assert spend_by(stack, lambda t: t.owner) == [("product-ops", 650.5)]
    assert total_spend(stack) == 650.5
