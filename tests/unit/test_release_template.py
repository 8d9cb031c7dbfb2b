"""templates/release-notes.md: its front matter and its YAML skeleton match the release schema."""

import datetime as dt
import json
import re

from handbook import releases as rel
from handbook.data import load_dataset, validate_doc
from handbook.frontmatter import parse_page
from handbook.yamlload import load_yaml
from tests.helpers import ROOT
from tests.release_fixtures import TODAY, data_root

TEMPLATE = ROOT / "templates" / "release-notes.md"
SCHEMA = json.loads((ROOT / "data" / "schema" / "release.schema.json").read_text())

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
    "area id from data/release_settings.yml, e.g. boards": "roadmaps",
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
    assert dt.date(2026, 10, 1) <= meta["last_reviewed"] <= TODAY


def test_every_placeholder_has_a_fill_value():
    # A new placeholder in the template must be added to FILLED, so the test below sees it.
    assert set(PLACEHOLDER.findall(skeleton())) == set(FILLED)


def test_filled_skeleton_is_a_valid_release(tmp_path):
    text = fill(skeleton())
    doc = load_yaml(text, "data/releases/2027-01-13-v3.6.0.yml")
    assert validate_doc(doc, SCHEMA) == []
    # The same file in a real data folder also passes the cross-checks (closed lists, order).
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
