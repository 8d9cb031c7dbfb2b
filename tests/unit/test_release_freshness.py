"""Release notes as records: what data/freshness.yml `releases:` says is reviewed, and when."""

from __future__ import annotations

import datetime as dt

import pytest

from handbook.core.durations import Duration
from handbook.core.owners import Owner
from handbook.freshness.model import Policy, ReleasePolicy, _release_policy
from handbook.freshness.render import Renderer
from handbook.releases.freshness import release_pages
from handbook.releases.model import Release, Settings

TODAY = dt.date(2026, 11, 21)
OWNERS = {"product-ops": Owner("product-ops", "Product Operations", "team", "", "#po", "@po")}
SETTINGS = Settings("Tandem", "product-ops", 7, False, (), {}, {})


def make(status: str, date: str, updated: str) -> Release:
    return Release(
        version="1.0.0",
        date=dt.date.fromisoformat(date),
        status=status,
        title="A release",
        summary="Summary.",
        last_updated=dt.date.fromisoformat(updated),
        changes=(),
        file="data/releases/x.yml",
        line=3,
    )


def assess(release: Release, releases: ReleasePolicy) -> object:
    policy = Policy(sections={"releases": Duration(3, "months")}, releases=releases)
    return release_pages([release], SETTINGS, OWNERS, policy, TODAY)[0]


def test_a_release_shipped_two_years_ago_is_a_record_not_stale():
    page = assess(make("released", "2024-10-01", "2024-10-01"), ReleasePolicy())
    assert page.status == "fresh"
    assert page.review_by is None and page.review_every is None


def test_negative_control_a_page_as_old_is_stale():
    # The same dates on a planned release (a promise) are stale, as on any page.
    page = assess(make("planned", "2024-10-01", "2024-10-01"), ReleasePolicy())
    assert page.status == "stale"


def test_planned_releases_use_their_own_interval():
    planned = ReleasePolicy(planned=Duration(1, "months"))
    page = assess(make("planned", "2026-12-09", "2026-10-01"), planned)
    assert page.review_by == dt.date(2026, 11, 1) and page.status == "stale"
    page = assess(make("planned", "2026-12-09", "2026-11-19"), planned)
    assert page.review_by == dt.date(2026, 12, 19) and page.status == "fresh"


def test_a_released_release_can_be_reviewed_once_after_its_date():
    once = ReleasePolicy(released=Duration(30, "days"))
    waiting = assess(make("released", "2026-10-14", "2026-10-14"), once)
    assert waiting.review_by == dt.date(2026, 11, 13) and waiting.status == "stale"
    reviewed = assess(make("released", "2026-10-14", "2026-11-15"), once)
    assert reviewed.review_by is None and reviewed.status == "fresh"
    recent = assess(make("released", "2026-11-18", "2026-11-18"), once)
    assert recent.status == "fresh" and recent.review_by == dt.date(2026, 12, 18)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (None, ReleasePolicy()),
        ({"released": "record"}, ReleasePolicy()),
        (
            {"planned": "1 month", "released": "30 days"},
            ReleasePolicy(Duration(1, "months"), Duration(30, "days")),
        ),
    ],
)
def test_policy_is_read_from_data(data, expected):
    assert _release_policy(data) == expected


def test_the_dashboard_states_the_release_policy():
    markdown, _ = Renderer().dashboard([], TODAY, {}, [], policy=Policy(releases=ReleasePolicy()))
    assert "released releases are kept as a record of what shipped" in markdown
    assert "## How pages are reviewed" in markdown
    once = Policy(releases=ReleasePolicy(released=Duration(30, "days")))
    markdown, _ = Renderer().dashboard([], TODAY, {}, [], policy=once)
    assert "reviewed once, 30 days after their release date" in markdown


HEAD = "# yaml-language-server: $schema=schema/freshness.schema.json\n"


def test_schema_refuses_an_unknown_release_review_at_its_line(tmp_path):
    from handbook.core.data import load_dataset

    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "freshness.yml").write_text(
        HEAD + "warning_days: 14\nreleases:\n  planned: 1 month\n  released: sometimes\n",
        encoding="utf-8",
    )
    problems = [p for p in load_dataset(tmp_path).problems if p.file.endswith("freshness.yml")]
    assert [p.line for p in problems] == [5], problems
    # Negative control: "record" and a duration are both accepted.
    for value in ("record", "30 days"):
        (tmp_path / "data" / "freshness.yml").write_text(
            HEAD + f"releases:\n  released: {value}\n", encoding="utf-8"
        )
        assert not [p for p in load_dataset(tmp_path).problems if "freshness" in p.file]
