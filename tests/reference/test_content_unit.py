"""This handbook's own content, checked with the engine: pages, data, templates and config.

Each test here reads this repository's docs/, data/, templates/ or mkdocs.yml, or runs a command
on it; the engine behaviour they rely on is tested on fixture handbooks under tests/unit/.
"""

from __future__ import annotations

import datetime as dt
import re

import yaml

from handbook.core import schemas
from handbook.core.context import load_handbook
from handbook.core.data import load_dataset, validate_doc
from handbook.core.engine_files import compatibility, hook_jobs, hook_path, hook_text, listed_hooks
from handbook.core.starter import handbook_files
from handbook.core.yamlload import load_yaml
from handbook.pages.content_rules import check_content, load_rules
from handbook.pages.frontmatter import parse_page
from handbook.pages.nav_hint import find_spot
from handbook.releases import model as rel
from handbook.templates import model as tm
from handbook.tools.charts import radar_layout
from handbook.tools.model import load_tools
from tests.helpers import ROOT, handbook_cli
from tests.release_fixtures import TODAY, data_root
from tests.unit.test_cli_freshness import handbook as run_handbook
from tests.unit.test_engine_layout import HOOK_FILES
from tests.unit.test_tool_charts import label_problems

# ---------------------------------------------------------------------------------------------
# `handbook check`, `freshness` and `codeowners` on this repository
# ---------------------------------------------------------------------------------------------


def test_real_repository_passes():
    # On today's date, as a contributor runs it (a page reviewed today is never "in the future").
    result = handbook_cli("check", "--root", str(ROOT))
    assert result.returncode == 0, result.stderr
    assert "OK" in result.stdout


def test_real_handbook_freshness_today_points_each_page_at_a_real_file():
    # Which pages are due or stale depends on the day: the owners' queue, not a failure. What
    # holds on any day: the report runs, and each row points at a file (and line) that exists.
    result = handbook_cli("freshness", "--root", str(ROOT))
    assert result.returncode == 0, result.stdout + result.stderr
    *table, _, summary = result.stdout.splitlines()
    rows = [line.split() for line in table[1:]]
    # Every page has a row, in one of the three states (no page unowned or never reviewed).
    assert summary.startswith(f"{len(rows)} pages: ") and len(rows) > 100
    assert {row[0] for row in rows} <= {"fresh", "due", "stale"}
    for row in rows:
        # A page file, or a data file with the line of its record.
        path, _, line = row[-1].partition(":")
        lines = (ROOT / path).read_text("utf-8").splitlines()
        assert not line or 1 <= int(line) <= len(lines), row


def test_codeowners_on_the_real_repository_is_up_to_date():
    result = run_handbook("codeowners", "--check", root=ROOT, today=None)
    assert result.returncode == 0, result.stderr


# ---------------------------------------------------------------------------------------------
# Content rules, config and engine files
# ---------------------------------------------------------------------------------------------


def test_this_handbook_keeps_its_own_rules():
    rules = load_rules(load_dataset(ROOT))
    assert rules.rules and rules.facts
    from handbook.pages.checks import check_pages

    pages: dict = {}
    check_pages(ROOT / "docs", ROOT, {}, dt.date.today(), pages)
    assert len(pages) > 50  # every written page
    assert [str(p) for p in check_content(rules, pages)] == []


def test_the_handbook_lists_every_hook_file_it_has():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    listed = re.findall(r"^  - (hooks/\w+\.py)$", config, re.MULTILINE)
    assert len(listed) == len(set(listed))  # no hook listed twice
    assert sorted(listed) == [f"hooks/{path.name}" for path in HOOK_FILES]


def test_example_is_this_handbook():
    files = handbook_files("ignored", TODAY, "9.8.7", example=True)
    for path in ("docs/guidelines/bug-triage.md", "data/tools.yml", "templates/prd.md"):
        assert files[path] == (ROOT / path).read_bytes(), path
    assert files["mkdocs.yml"] == (ROOT / "mkdocs.yml").read_bytes()


def test_this_handbook_holds_exactly_the_engine_files():
    for job in hook_jobs():
        assert (ROOT / hook_path(job)).read_text(encoding="utf-8") == hook_text(job)
    assert listed_hooks((ROOT / "mkdocs.yml").read_text(encoding="utf-8")) == [
        hook_path(job) for job in hook_jobs()
    ]
    assert compatibility(ROOT) == []


def test_real_nav_places_a_guideline_under_guidelines():
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    spot = find_spot(text, "guidelines/new.md")
    lines = text.splitlines()
    assert spot.section == "Guidelines"
    # Inserting the line there gives a nav that lists the page under Guidelines.
    lines.insert(spot.after_line, spot.line)
    nav_text = "\n".join(lines[next(i for i, x in enumerate(lines) if x.startswith("nav:")) :])
    nav = yaml.safe_load(nav_text)["nav"]
    guidelines = next(
        item["Guidelines"] for item in nav if isinstance(item, dict) and "Guidelines" in item
    )
    assert "guidelines/new.md" in guidelines


# ---------------------------------------------------------------------------------------------
# Data: releases and the tool stack
# ---------------------------------------------------------------------------------------------


def test_real_data_loads_valid_latest_first():
    handbook = load_handbook(ROOT, dt.date.today())
    problems = [str(p) for p in handbook.problems if p.severity != "notice"]
    assert problems == []
    releases = rel.load_releases(handbook.dataset)
    assert len(releases) >= 6
    dates = [r.date for r in releases]
    assert dates == sorted(dates, reverse=True)
    assert {r.status for r in releases} == {"planned", "released"}
    types = {c.type for r in releases for c in r.changes}
    assert types == {"added", "changed", "deprecated", "removed", "fixed", "security"}


def test_the_real_tool_data_passes_every_check():
    # On today's date; a passed date (a renewal, a planned release) is a notice for its owner.
    found = load_handbook(ROOT, dt.date.today()).problems
    assert [str(p) for p in found if p.severity != "notice"] == []


def test_every_name_on_the_real_radar_is_drawn_clear_of_names_blips_and_edges():
    tools = load_tools(load_handbook(ROOT, dt.date.today()).dataset)
    radar = radar_layout(tools)
    assert len(radar.blips) == sum(1 for t in tools.tools if not t.retired)
    assert [b.label.box for b in radar.blips if b.label] and label_problems(radar) == []


# ---------------------------------------------------------------------------------------------
# Templates
# ---------------------------------------------------------------------------------------------

# The document templates this suite holds to the full standard (guidance, "use it when").
WRITTEN_HERE = (
    "prd",
    "experiment-brief",
    "experiment-readout",
    "user-research-plan",
    "customer-interview-guide",
    "bug-triage-record",
    "retrospective",
    "launch-checklist",
    "tool-evaluation",
    "decision-record",
    "onboarding-30-60-90",
    "process-improvement-proposal",
    "post-incident-review",
    "rfc",
    "roadmap-one-pager",
    "okrs",
    "stakeholder-update",
    "deprecation-notice",
    "feedback-synthesis",
    "monthly-product-review",
    "go-no-go",
)


def test_real_templates_are_valid_and_there_are_at_least_twelve():
    handbook = load_handbook(ROOT, dt.date.today())
    assert tm.check_templates(ROOT, handbook.owners, dt.date.today()) == []
    templates, problems = tm.load_templates(ROOT)
    assert problems == []
    by_id = {t.id: t for t in templates}
    assert len(by_id) >= 12
    for template in templates:
        assert template.path.read_bytes().decode("utf-8") == template.text
        assert template.body.strip() and template.review_every
    for template_id in WRITTEN_HERE:
        template = by_id[template_id]
        assert template.use_when, template_id
        assert len(template.body.splitlines()) > 40, f"{template_id} is too thin to follow"
        assert "_Guidance:_" in template.body, f"{template_id} has no guidance for the writer"


def test_real_templates_carry_the_placeholders_people_copy():
    templates = {t.id: t.text for t in tm.load_templates(ROOT)[0]}
    guide, launch = templates["customer-interview-guide"], templates["launch-checklist"]
    assert "{{ customer_name }}" in guide and "{% if beta %}" in guide
    assert "${FEATURE_FLAG}" in launch and "[feature name]" in launch


# templates/release-notes.md: its front matter and its YAML skeleton match the release schema.
TEMPLATE = ROOT / "templates" / "release-notes.md"
SCHEMA = schemas.load("release.schema.json")

# What a product manager would write in place of each placeholder.
FILLED = {
    "MAJOR.MINOR.PATCH": "3.6.0",
    "YYYY-MM-DD": "2027-01-13",
    "today, YYYY-MM-DD": "2026-11-20",
    "Headline a customer understands, at most 80 characters": "Goals on roadmaps",
    "Two or three sentences on what this release means for a customer.": (
        "Roadmaps show the goal each initiative serves. Leaders see progress per goal."
    ),
    "added, changed, deprecated, removed, fixed or security": "added",
    "area id from data/release_settings.yml, e.g. boards": "boards",
    "customers, both or internal": "both",
    "One sentence in the customer's words: what they can do now and where.": (
        "Link roadmap initiatives to a goal from the initiative's side panel."
    ),
    "Context for our teams only; never shown to customers.": "Asked for by 23 accounts.",
    "https://link to the PRD": "https://docs.example.com/prd/roadmap-goals",
    "https://link to the experiment readout": "https://experiments.example.com/exp/goals",
    "https://link to the epic or ticket": "https://example-co.atlassian.net/browse/TAN-2400",
    "flag-name": "roadmap-goals",
    "share of workspaces on release day, 0 to 100": "20",
    "YYYY-MM-DD when every workspace has it": "2027-01-27",
    "Who to tell, what it is worth to them, what not to promise.": "Tell portfolio buyers.",
    "What customers will ask or report, and the answer or escalation path.": (
        "Goals are per workspace; cross-workspace goals are not planned."
    ),
}
PLACEHOLDER = re.compile(r"<([^<>\n]+)>")


def skeleton() -> str:
    text = TEMPLATE.read_text(encoding="utf-8")
    match = re.search(r"```yaml\n(.*?)```", text, re.S)
    assert match, "templates/release-notes.md has no ```yaml skeleton"
    return match.group(1)


def fill(text: str) -> str:
    return PLACEHOLDER.sub(lambda m: FILLED[m.group(1)], text)


def test_front_matter_follows_the_template_convention():
    page, problems = parse_page(TEMPLATE.read_text(encoding="utf-8"), "templates/release-notes.md")
    assert problems == []
    meta = page.meta
    assert meta["id"] == "release-notes" and meta["version"] == "1.0.0"
    for key in ("title", "description", "category", "owner", "last_reviewed", "review_every"):
        assert meta.get(key), key
    assert dt.date(2026, 10, 1) <= meta["last_reviewed"] <= dt.date.today()


def test_every_placeholder_has_a_fill_value():
    # A new placeholder in the template must be added to FILLED, so the test below sees it.
    assert set(PLACEHOLDER.findall(skeleton())) == set(FILLED)


def test_filled_skeleton_is_a_valid_release(tmp_path):
    text = fill(skeleton())
    doc = load_yaml(text, "data/releases/2027-01-13-v3.6.0.yml")
    assert validate_doc(doc, SCHEMA) == []
    # The same file in a data folder also passes the cross-checks (closed lists, order).
    root = data_root(tmp_path, {"releases/2027-01-13-v3.6.0.yml": text})
    dataset = load_dataset(root)
    assert dataset.problems == []
    assert rel.check(dataset, TODAY) == []
    [release] = rel.load_releases(dataset)
    [change] = release.changes
    assert release.status == "planned"
    assert change.links and change.feature_flag and change.sales and change.support


def test_unfilled_skeleton_is_not_a_valid_release():
    # Negative control: placeholders left in place fail the schema (version, dates, links).
    doc = load_yaml(skeleton(), "data/releases/x.yml")
    failing = {p.key for p in validate_doc(doc, SCHEMA)}
    assert {"version", "date", "last_updated", "changes[0].links.prd"} <= failing


def test_skeleton_covers_every_field_of_the_schema():
    doc = load_yaml(fill(skeleton()), "x.yml")
    change_fields = SCHEMA["$defs"]["change"]["properties"]
    assert set(doc.data) == set(SCHEMA["properties"])
    assert set(doc.data["changes"][0]) == set(change_fields)
    for group in ("links", "rollout", "enablement"):
        assert set(doc.data["changes"][0][group]) == set(change_fields[group]["properties"])


def test_real_data_is_valid():
    dataset = load_dataset(ROOT)
    assert [str(p) for p in dataset.problems] == []
    assert dataset.get("owners.yml") is not None


def test_schema_copies_in_this_handbook_match_the_engine():
    assert [str(p) for p in schemas.drift(ROOT)] == []
