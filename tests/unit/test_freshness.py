import datetime as dt

import pytest

from handbook.core.context import DataUse
from handbook.core.data import load_dataset
from handbook.core.durations import Duration
from handbook.core.owners import Owner
from handbook.core.text import md_text
from handbook.freshness.model import (
    Policy,
    assess,
    edit_url,
    interval_for,
    load_policy,
    status_of,
)
from handbook.freshness.render import Renderer, fill_tables
from handbook.freshness.report import chart_rows, drifted, group, summarize
from tests.helpers import FIXTURE

D = dt.date
TODAY = D(2026, 11, 21)
OWNERS = {
    "product-ops": Owner("product-ops", "Product Operations", "team", "", "#product-ops", "@po"),
    "design": Owner("design", "Product Design", "team", "", "#design", "@example-co/design"),
}
POLICY = Policy(
    warning_days=14,
    default_review_every=Duration(6, "months"),
    sections={"tools": Duration(3, "months"), "onboarding": Duration(12, "months")},
    page_types={"policy": Duration(6, "months"), "tool": Duration(90, "days")},
)


JAN_1 = D(2026, 1, 1)


def status(review_by, today=TODAY, reviewed=JAN_1, owned=True, changed=False):
    return status_of(owned, reviewed, review_by, today, 14, changed)


def test_status_boundaries():
    assert status(TODAY - dt.timedelta(days=1)) == "stale"
    assert status(TODAY) == "due"  # exactly on review_by: still due, not yet stale
    assert status(TODAY + dt.timedelta(days=14)) == "due"  # the window's far edge
    assert status(TODAY + dt.timedelta(days=15)) == "fresh"  # one day outside it


def test_data_change_makes_a_fresh_page_due_but_not_a_stale_one_fresher():
    assert status(TODAY + dt.timedelta(days=100), changed=True) == "due"
    assert status(TODAY + dt.timedelta(days=100), changed=False) == "fresh"
    assert status(TODAY - dt.timedelta(days=1), changed=True) == "stale"


def test_owner_and_review_date_come_before_dates():
    assert status(TODAY - dt.timedelta(days=400), owned=False) == "unowned"
    assert status(None, reviewed=None) == "unreviewed"


def meta(**kw):
    base = {"owner": "product-ops", "last_reviewed": D(2026, 11, 1)}
    base.update(kw)
    return {k: v for k, v in base.items() if v is not None}


def test_assess_fresh_page_with_section_default():
    page = assess("tools/jira.md", meta(), "# Jira\n", OWNERS, POLICY, TODAY)
    assert page.status == "fresh"
    assert page.review_by == D(2027, 2, 1)  # tools: 3 months
    assert page.title == "Jira"
    assert page.owner_contact == "#product-ops"
    assert page.url == "tools/jira/"


def test_interval_precedence_page_then_type_then_folder_then_default():
    assert interval_for(POLICY, "tools/a.md", {"review_every": "6 weeks"}) == Duration(6, "weeks")
    assert interval_for(POLICY, "tools/a.md", {"page_type": "policy"}) == Duration(6, "months")
    assert interval_for(POLICY, "tools/deep/a.md", {}) == Duration(3, "months")
    assert interval_for(POLICY, "guidelines/a.md", {}) == Duration(6, "months")
    assert interval_for(POLICY, "onboarding/a.md", {"page_type": "unknown"}) == Duration(
        12, "months"
    )


def test_stale_due_unowned_unreviewed():
    stale = assess("a.md", meta(last_reviewed=D(2026, 1, 1)), "", OWNERS, POLICY, TODAY)
    assert (stale.status, stale.review_by) == ("stale", D(2026, 7, 1))
    due = assess("a.md", meta(last_reviewed=D(2026, 5, 30)), "", OWNERS, POLICY, TODAY)
    assert (due.status, due.review_by) == ("due", D(2026, 11, 30))
    unknown = assess("a.md", meta(owner="nobody"), "", OWNERS, POLICY, TODAY)
    assert (unknown.status, unknown.owner_name) == ("unowned", "nobody")
    assert assess("a.md", meta(owner=None), "", OWNERS, POLICY, TODAY).status == "unowned"
    never = assess("a.md", meta(last_reviewed=None), "", OWNERS, POLICY, TODAY)
    assert (never.status, never.review_by) == ("unreviewed", None)


def test_govuk_front_matter_names():
    govuk = {"owner_slack": "#design", "last_reviewed_on": D(2026, 10, 1), "review_in": "1 year"}
    page = assess("guidelines/a.md", govuk, "", OWNERS, POLICY, TODAY)
    assert (page.status, page.owner_id, page.review_by) == ("fresh", "design", D(2027, 10, 1))
    # A channel no owner uses: flagged as unowned, with the channel shown as the contact.
    other = assess("a.md", {**govuk, "owner_slack": "#nobody"}, "", OWNERS, POLICY, TODAY)
    assert (other.status, other.owner_contact) == ("unowned", "#nobody")


def test_quoted_date_string_is_read():
    page = assess("a.md", meta(last_reviewed="2026-11-01"), "", OWNERS, POLICY, TODAY)
    assert page.last_reviewed == D(2026, 11, 1)


def test_data_updated_after_review_makes_page_due_and_names_it():
    uses = [
        DataUse("tool Jira", "data/tools.yml", D(2026, 11, 10)),
        DataUse("tool Jira", "data/tools.yml", D(2026, 11, 10)),  # shown twice: listed once
        DataUse("tool Figma", "data/tools.yml", D(2026, 10, 1)),  # before the review
        DataUse("tool Slack", "data/tools.yml", None),
    ]
    page = assess("a.md", meta(), "", OWNERS, POLICY, TODAY, uses)
    assert page.status == "due"
    assert [c.label for c in page.data_changes] == ["tool Jira"]
    older = assess("a.md", meta(), "", OWNERS, POLICY, TODAY, uses[2:])
    assert (older.status, older.data_changes) == ("fresh", ())


def test_title_falls_back_to_heading_then_file_name():
    assert assess("a.md", meta(title="T"), "# H\n", OWNERS, POLICY, TODAY).title == "T"
    assert assess("a.md", meta(), "text\n\n# Heading #\n", OWNERS, POLICY, TODAY).title == (
        "Heading"
    )
    assert assess("x/release-notes.md", meta(), "", OWNERS, POLICY, TODAY).title == (
        "Release notes"
    )


def test_edit_url():
    repo = "https://github.com/example-co/product-handbook"
    assert edit_url(repo, "edit/main/docs/", "a/b.md") == f"{repo}/edit/main/docs/a/b.md"
    assert edit_url(repo + "/", "edit/main/docs", "a.md") == f"{repo}/edit/main/docs/a.md"
    assert edit_url("", "edit/main/docs/", "a.md") == ""
    assert edit_url(repo, "https://x.test/e/", "a.md") == "https://x.test/e/a.md"


def test_summary_groups_and_chart():
    pages = [
        assess("tools/a.md", meta(), "", OWNERS, POLICY, TODAY),
        assess("tools/b.md", meta(last_reviewed=D(2025, 1, 1)), "", OWNERS, POLICY, TODAY),
        assess("c.md", meta(owner="design"), "", OWNERS, POLICY, TODAY),
        assess("guidelines/d.md", meta(owner="x"), "", OWNERS, POLICY, TODAY),
    ]
    summary = summarize(pages)
    assert summary.counts == {"stale": 1, "due": 0, "unowned": 1, "unreviewed": 0, "fresh": 2}
    assert summary.health == 50
    assert summarize([]).health == 100
    by_section = dict(group(pages, "section"))
    # Oldest review first within a group.
    assert [p.src_uri for p in by_section["Tools"]] == ["tools/b.md", "tools/a.md"]
    assert set(by_section) == {"Tools", "Home", "Guidelines"}
    rows = {row.label: row for row in chart_rows(pages, width=100)}
    assert [(b.status, b.width) for b in rows["Tools"].bars] == [("stale", 50), ("fresh", 50)]
    assert rows["Home"].total == 1


def test_template_drift():
    def made_from(template):
        return assess("a.md", meta(template=template), "", OWNERS, POLICY, TODAY)

    # Template versions are MAJOR.MINOR.PATCH (templates.py rejects anything else).
    versions = {"prd": "1.10.0", "rfc": "2.0.0"}
    assert [d.template_id for d in drifted([made_from("prd@1.9.0")], versions)] == ["prd"]
    assert drifted([made_from("prd@1.10.0")], versions) == []  # current: no drift
    assert drifted([made_from("prd@1.11.0")], versions) == []  # newer: no drift
    assert drifted([made_from("rfc@1.0.0")], versions)[0].current_version == "2.0.0"
    assert drifted([made_from("unknown@1.0.0")], versions) == []
    assert drifted([made_from("no-version")], versions) == []


def test_policy_from_a_handbook_file():
    policy = load_policy(load_dataset(FIXTURE))
    assert policy.warning_days == 14
    assert policy.sections["tools"] == Duration(3, "months")
    assert policy.sections["onboarding"] == Duration(12, "months")
    assert policy.fail_on_stale is False


def test_policy_defaults_without_the_file(tmp_path):
    (tmp_path / "data").mkdir()
    assert load_policy(load_dataset(tmp_path)) == Policy()


def test_fill_tables_needs_each_placeholder_exactly_once():
    assert fill_tables("<p>T0</p><p>x</p>", {"T0": "<table></table>"}) == (
        "<table></table><p>x</p>"
    )
    with pytest.raises(ValueError, match="T1"):
        fill_tables("<p>T0</p>", {"T1": "<table></table>"})
    with pytest.raises(ValueError, match="T0"):
        fill_tables("<p>T0</p><p>T0</p>", {"T0": "<table></table>"})


def test_markdown_text_cannot_inject_markup_or_table_cells():
    assert md_text("<b>x</b> | [y](z) *w*") == (
        "&lt;b&gt;x&lt;/b&gt; &#124; &#91;y&#93;(z) &#42;w&#42;"
    )


def test_notice_and_footer_escape_data_and_front_matter():
    owners = {"x": Owner("x", "<b>Ops</b>", "team", "", "<script>alert(1)</script>", "@x")}
    stale = assess("a.md", meta(owner="x", last_reviewed=D(2025, 1, 1)), "", owners, POLICY, TODAY)
    renderer = Renderer()
    notice = renderer.notice(stale, TODAY, 'https://e.test/edit/a.md?"x')
    assert "<script>" not in notice and "&lt;script&gt;alert(1)&lt;/script&gt;" in notice
    assert "&lt;b&gt;Ops&lt;/b&gt;" in notice
    assert 'href="https://e.test/edit/a.md?&#34;x"' in notice
    assert 'data-freshness="stale"' in notice
    footer = renderer.footer(stale)
    assert "by &lt;b&gt;Ops&lt;/b&gt;, next review 2025-07-01." in footer
