"""Pure views for generated pages: their edit and line links, and the dashboard's order."""

import datetime as dt
from dataclasses import replace

from handbook.core.durations import Duration
from handbook.core.owners import Owner
from handbook.core.yamlload import load_yaml
from handbook.freshness.model import Policy, assess, source_edit_url, source_view_url
from handbook.freshness.report import needs_action
from handbook.tools.freshness import tool_pages
from tests.tool_data import stack_of, tool, tools_yaml

TODAY = dt.date(2026, 11, 21)
REPO = "https://github.com/o/r"
OWNERS = {
    "ops": Owner("ops", "Ops", "team", "#ops", "", ""),
    "design": Owner("design", "Design", "team", "#design", "", ""),
}
POLICY = Policy(sections={"tools": Duration(3, "months")})


def test_edit_url_of_a_file_outside_docs():
    assert source_edit_url(REPO, "edit/main/docs/", "docs", "data/tools.yml") == (
        f"{REPO}/edit/main/data/tools.yml"
    )
    assert source_edit_url(REPO + "/", "/edit/main/site/docs/", "site/docs", "templates/a.md") == (
        f"{REPO}/edit/main/templates/a.md"
    )


def test_negative_control_no_edit_url_it_cannot_build_right():
    assert source_edit_url("", "edit/main/docs/", "docs", "data/tools.yml") == ""
    assert source_edit_url(REPO, None, "docs", "data/tools.yml") == ""
    # edit_uri not ending in the docs folder: the repository root is unknown.
    assert source_edit_url(REPO, "edit/main/", "docs", "data/tools.yml") == ""


def test_view_url_opens_the_line():
    edit = f"{REPO}/edit/main/data/tools.yml"
    assert source_view_url(edit, 42) == f"{REPO}/blob/main/data/tools.yml#L42"
    assert source_view_url(edit, 0) == ""
    assert source_view_url("https://bitbucket.org/o/r/src/main/data/tools.yml", 4) == ""


def test_tool_pages_take_owner_review_date_and_line_from_the_record():
    entries = (
        tool("a", owner="ops", last_updated="2026-11-01"),
        tool("b", owner="design", last_updated="2026-05-01"),
    )
    text = tools_yaml(*entries)
    doc = load_yaml(text, "data/tools.yml")
    found = tool_pages(stack_of(*entries), doc, OWNERS, POLICY, TODAY)
    pages = {p.src_uri: p for p in found}
    assert set(pages) == {"tools/a.md", "tools/b.md"}
    b = pages["tools/b.md"]
    assert (b.status, b.review_by, b.path) == ("stale", dt.date(2026, 8, 1), "data/tools.yml")
    assert text.splitlines()[b.source_line - 1].lstrip().startswith('- {"id": "b"')
    assert b.review_key == "last_updated" and b.owner_name == "Design"
    assert pages["tools/a.md"].status == "fresh"


def _page(uri, owner, reviewed):
    meta = {"owner": owner, "last_reviewed": reviewed}
    return assess(uri, meta, f"# {uri}\n", OWNERS, Policy(), TODAY)


def test_needs_action_puts_the_most_overdue_page_first_and_groups_by_owner():
    pages = [
        _page("a.md", "ops", "2026-05-10"),  # due by 2026-11-10: stale, 11 days
        _page("b.md", "design", "2026-01-10"),  # stale since 2026-07-10
        _page("c.md", "ops", "2026-05-30"),  # due 2026-11-30
        _page("d.md", "ops", "2026-03-01"),  # stale since 2026-09-01
        _page("e.md", "design", "2026-11-01"),  # fresh
    ]
    groups = needs_action(pages)
    assert [(name, [p.src_uri for p in items]) for name, items in groups] == [
        ("Design", ["b.md"]),
        ("Ops", ["d.md", "a.md", "c.md"]),
    ]


def test_negative_control_a_due_page_never_comes_before_a_stale_one():
    due_early = replace(_page("x.md", "ops", "2026-05-30"), review_by=dt.date(2026, 1, 1))
    stale = _page("y.md", "ops", "2026-03-01")
    [(_, items)] = needs_action([due_early, stale])
    assert [p.status for p in items] == ["stale", "due"]
