"""Freshness in real --strict builds of a fixture handbook with a page in every state."""

import json
import re

import pytest

from tests.freshness_fixture import make_freshness_project
from tests.helpers import build, make_project, mkdocs_env, page

EDIT = "https://github.com/example-co/fixture-handbook/edit/main/docs/"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    result = build(make_freshness_project(tmp_path_factory.mktemp("freshness")))
    assert result.ok, result.log
    return result


def notice(html: str) -> str:
    match = re.search(r'<div class="[^"]*handbook-freshness-notice".*?</div>', html, re.S)
    return match.group(0) if match else ""


def test_build_is_clean_and_stale_page_is_logged_as_info(site):
    assert site.warnings() == []
    assert "INFO    -  handbook: docs/guidelines/stale.md: stale: review was due 2026-09-01" in (
        site.log
    )
    logged = re.findall(r"handbook: (\S+): stale: review was due", site.log)
    # Only the stale page among the fixture's own pages (the copied real data adds a release).
    assert [path for path in logged if path.startswith("docs/")] == ["docs/guidelines/stale.md"]


def test_stale_page_notice_names_owner_contact_dates_and_edit_link(site):
    box = notice(site.html("guidelines/stale/"))
    assert 'data-freshness="stale"' in box
    assert "due for review on 2026-09-01 (81 days before this build on 2026-11-21)" in box
    assert "Product Operations" in box and "#product-ops" in box
    assert "Last reviewed: 2026-03-01, reviewed every 6 months" in box
    assert f'href="{EDIT}guidelines/stale.md"' in box
    assert "handbook review docs/guidelines/stale.md" in box


@pytest.mark.parametrize(
    ("url", "status", "text"),
    [
        ("guidelines/due/", "due", "due for review by 2026-11-30"),
        ("guidelines/unowned/", "unowned", "has no owner"),
        ("guidelines/unreviewed/", "unreviewed", "never been reviewed"),
        ("guidelines/data/", "due", "tool Jira in <code>data/tools.yml</code>, updated 2026-11-10"),
    ],
)
def test_notice_for_each_state(site, url, status, text):
    box = notice(site.html(url))
    assert f'data-freshness="{status}"' in box
    assert text in box


@pytest.mark.parametrize(
    "url", ["", "guidelines/", "guidelines/fresh/", "guidelines/old-data/", "about/"]
)
def test_fresh_pages_have_no_notice(site, url):
    # Negative control, including a page whose data changed before its last review.
    html = site.html(url)
    assert "data-freshness=" not in html
    assert "handbook-freshness-notice" not in html


def test_footer_on_every_page(site):
    fresh = site.html("guidelines/fresh/")
    assert "Reviewed on 2026-11-01 by Product Design, next review 2027-05-01." in fresh
    assert "Reviewed on 2026-03-01 by Product Operations, next review 2026-09-01." in (
        site.html("guidelines/stale/")
    )
    assert "Not reviewed yet by Product Design." in site.html("guidelines/unreviewed/")
    assert "Reviewed on 2026-11-01, no owner, next review 2027-05-01." in (
        site.html("guidelines/unowned/")
    )
    # And every written page has one, with the status freshness.json gives it.
    records = json.loads((site.site / "freshness.json").read_text())
    assert len(records) > 4
    for record in records:
        status = f'<p class="handbook-reviewed" data-review-status="{record["status"]}" '
        status += "data-search-exclude>"
        url = record["url"].removeprefix("https://handbook.example.com/")
        assert status in site.html(url), record["path"]


def test_footer_and_notices_stay_out_of_the_search_index(site):
    index = json.loads((site.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = "\n".join(doc["title"] + "\n" + doc["text"] for doc in index["docs"])
    # The pages show them (the control)...
    stale = site.html("guidelines/stale/")
    assert "Reviewed on 2026-03-01 by Product Operations, next review 2026-09-01." in stale
    assert "due for review on 2026-09-01" in stale and "it may no longer be true" in stale
    assert "has no owner" in site.html("guidelines/unowned/")
    # ...and the pages' own words are indexed, with their titles...
    assert "Old advice." in text and "Stale page" in text and "Nearly due." in text
    # ...but no footer, notice or its owner and dates.
    for chrome in (
        "Reviewed on",
        "Not reviewed yet",
        "next review",
        "due for review",
        "it may no longer be true",
        "has no owner",
        "never been reviewed",
        "Last reviewed:",
        "handbook review",
        "Owner: Product Operations",
    ):
        assert chrome not in text, chrome


def test_stale_badge_in_the_nav_only_for_the_stale_page(site):
    html = site.html("guidelines/fresh/")
    badged = re.findall(r'<a href="([^"]+)"[^>]*>(?:(?!</a>).)*md-status--stale', html, re.S)
    assert badged == ["../stale/"]
    assert html.count("md-status--stale") == 1
    assert 'title="Review overdue"' in html


def test_page_title_is_escaped_everywhere(site):
    dashboard = site.html("about/freshness/")
    assert "Fresh &lt;b&gt;page&lt;/b&gt;" in dashboard
    assert "<b>page</b>" not in dashboard


def test_dashboard(site):
    html = site.html("about/freshness/")
    records = json.loads((site.site / "freshness.json").read_text())
    fresh = sum(r["status"] == "fresh" for r in records)
    score = f"<strong>{fresh * 100 // len(records)}% fresh</strong>: {fresh} of {len(records)}"
    assert score in html
    assert "<svg" in html and "Guidelines: 1 stale" in html and "Guidelines: 4 fresh" in html
    assert "cdn" not in html.lower().replace("md-", "")
    # Rows link to the page and its edit link.
    assert '<a href="../../guidelines/stale/">Stale page</a>' in html
    assert f'<a href="{EDIT}guidelines/stale.md">Edit</a>' in html
    # The dashboard is in the About section of the nav.
    assert 'href="freshness/"' in site.html("about/")


def test_dashboard_lists_pages_that_drifted_from_their_template(site):
    html = site.html("about/freshness/")
    drift = html[
        html.index('id="drifted-from-their-template"') : html.index('id="status-by-section"')
    ]
    assert "launch-plan/" in drift and "<td>1.0.0</td>" in drift and "<td>2.0.0</td>" in drift
    assert "guidelines/fresh/" not in drift  # negative control


def test_freshness_json(site):
    records = [
        r
        for r in json.loads((site.site / "freshness.json").read_text())
        if r["path"].startswith("docs/")
    ]
    by_path = {r["path"]: r for r in records}
    assert len(records) == 11
    stale = by_path["docs/guidelines/stale.md"]
    assert stale == {
        "path": "docs/guidelines/stale.md",
        "url": "https://handbook.example.com/guidelines/stale/",
        "title": "Stale page",
        "section": "guidelines",
        "owner": "product-ops",
        "owner_name": "Product Operations",
        "owner_contact": "#product-ops",
        "last_reviewed": "2026-03-01",
        "review_every": "6 months",
        "review_by": "2026-09-01",
        "status": "stale",
        "data_changed": [],
        "edit_url": f"{EDIT}guidelines/stale.md",
        "line": None,
    }
    assert by_path["docs/guidelines/data.md"]["data_changed"][0]["label"] == "tool Jira"
    statuses = sorted(r["status"] for r in records)
    assert statuses.count("fresh") == 6 and statuses.count("due") == 2


def test_theme_template_key_still_works(site):
    # `template: prd@1.0.0` is a document template reference, not a theme template.
    assert "Made from the requirements template." in site.html("guidelines/launch-plan/")


def test_switch_makes_stale_pages_fail_a_strict_build(tmp_path):
    result = build(make_freshness_project(tmp_path), env=mkdocs_env(HANDBOOK_FAIL_ON_STALE="true"))
    assert not result.ok
    assert "WARNING -  handbook: docs/guidelines/stale.md: stale" in result.log


def test_switch_in_data_fails_too_and_env_can_turn_it_off(tmp_path):
    project = make_freshness_project(tmp_path)
    policy = project / "data" / "freshness.yml"
    policy.write_text(policy.read_text().replace("fail_on_stale: false", "fail_on_stale: true"))
    assert not build(project).ok
    assert build(project, env=mkdocs_env(HANDBOOK_FAIL_ON_STALE="false")).ok


def test_switch_passes_when_nothing_is_stale(tmp_path):
    docs = {"index.md": page("# Home\n"), "about/index.md": page("# About\n")}
    nav = "nav:\n  - index.md\n  - About:\n      - about/index.md\n"
    # Without the real release files, whose oldest release page is stale on the fixed date.
    features = "# yaml-language-server: $schema=schema/features.schema.json\nreleases: false\n"
    project = make_project(tmp_path, docs, nav=nav, data={"features.yml": features})
    result = build(project, env=mkdocs_env(HANDBOOK_FAIL_ON_STALE="1"))
    assert result.ok, result.log


def test_bad_review_fields_fail_the_build_with_file_and_line(tmp_path):
    docs = {
        "index.md": page("# Home\n"),
        "future.md": page("# F\n", reviewed="2026-12-01"),
        "quoted.md": page("# Q\n", reviewed="'2026-02-30'"),
        "impossible.md": page("# I\n", reviewed="2026-02-30"),
        "every.md": page("# E\n", review_every="soon"),
        "both.md": page("# B\n", last_reviewed_on="2026-11-01"),
        "about/index.md": page("# About\n"),
    }
    nav = "nav:\n  - index.md\n  - future.md\n  - quoted.md\n  - impossible.md\n  - every.md\n"
    nav += "  - both.md\n  - About:\n      - about/index.md\n"
    result = build(make_project(tmp_path, docs, nav=nav))
    assert not result.ok
    assert "docs/future.md:3: last_reviewed 2026-12-01 is in the future" in result.log
    assert "docs/quoted.md:3: last_reviewed '2026-02-30' is not a real date" in result.log
    assert "docs/impossible.md:3: '2026-02-30' is not a real date" in result.log
    assert "docs/every.md:4: review_every: 'soon' is not a duration" in result.log
    assert "docs/both.md:4: last_reviewed and last_reviewed_on mean the same" in result.log
    assert not (result.site / "index.html").exists()


def test_govuk_front_matter_builds_unchanged(tmp_path):
    govuk = (
        "---\ntitle: Moved over\nowner_slack: '#design'\nlast_reviewed_on: 2026-10-01\n"
        "review_in: 1 year\n---\n\n# Moved over\n"
    )
    playbook = "---\nowner: quality\nlast_reviewed: 2025-12-01\npage_type: playbook\n---\n\n# P\n"
    docs = {
        "index.md": page("# Home\n"),
        "govuk.md": govuk,
        "playbook.md": playbook,
        "about/index.md": page("# About\n"),
    }
    nav = "nav:\n  - index.md\n  - govuk.md\n  - playbook.md\n  - About:\n      - about/index.md\n"
    result = build(make_project(tmp_path, docs, nav=nav))
    assert result.ok, result.log
    html = result.html("govuk/")
    assert "Reviewed on 2026-10-01 by Product Design, next review 2027-10-01." in html
    assert "data-freshness=" not in html
    # page_type playbook: 12 months, so a page reviewed 2025-12-01 is due by 2026-12-01.
    assert 'data-freshness="due"' in result.html("playbook/")
    assert "next review 2026-12-01." in result.html("playbook/")
