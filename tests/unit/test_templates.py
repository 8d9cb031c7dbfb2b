"""Template loading, front matter validation, template references and drift."""

import datetime as dt
import textwrap
from pathlib import Path

import pytest

from handbook.pages.frontmatter import parse_page
from handbook.templates import model as tm
from tests.helpers import FIXTURE

TODAY = dt.date(2026, 11, 21)
OWNERS = {"product-ops": object(), "design": object()}

VALID = """\
---
id: {id}
title: Sample
description: A sample template.
category: Testing
version: "1.2.0"
owner: product-ops
last_reviewed: 2026-11-01
review_every: 6 months
---

# Sample
"""


def write_templates(root: Path, files: dict[str, str]) -> Path:
    folder = root / "templates"
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def check(text: str, stem: str = "sample") -> list[str]:
    page, problems = parse_page(text, f"templates/{stem}.md")
    assert problems == []
    return [str(p) for p in tm.check_front_matter(page, stem, OWNERS, TODAY)]


def test_valid_front_matter_has_no_problem():
    assert check(VALID.format(id="sample")) == []


@pytest.mark.parametrize(
    ("find", "replace", "expected"),
    [
        ("owner: product-ops\n", "", "templates/sample.md:1: template front matter lacks owner"),
        (
            "description: A sample template.\ncategory: Testing\n",
            "",
            "templates/sample.md:1: template front matter lacks description, category",
        ),
        (
            "owner: product-ops",
            "owner: nobody",
            "templates/sample.md:7: owner: 'nobody' is not in data/owners.yml; "
            "valid owners: design, product-ops",
        ),
        (
            'version: "1.2.0"',
            "version: 1.2",
            'templates/sample.md:6: version: 1.2 is not MAJOR.MINOR.PATCH like "1.2.0" '
            "(quote it: YAML read it as a number)",
        ),
        (
            'version: "1.2.0"',
            'version: "v1.2"',
            "templates/sample.md:6: version: 'v1.2' is not MAJOR.MINOR.PATCH",
        ),
        (
            "id: sample",
            "id: other",
            "templates/sample.md:2: id: 'other' does not match the file name sample.md",
        ),
        (
            "last_reviewed: 2026-11-01",
            "last_reviewed: 2026-12-01",
            "templates/sample.md:8: last_reviewed: 2026-12-01 is after today (2026-11-21)",
        ),
        (
            "review_every: 6 months",
            "review_every: half a year",
            "templates/sample.md:9: review_every: 'half a year' is not a period",
        ),
        (
            "review_every: 6 months",
            "review_every: 6",
            "templates/sample.md:9: review_every: 6 is not a period",
        ),
    ],
)
def test_each_front_matter_problem_names_file_line_and_fault(find, replace, expected):
    text = VALID.format(id="sample")
    assert find in text
    problems = check(text.replace(find, replace))
    assert any(p.startswith(expected) for p in problems), problems


def test_duplicate_ids_are_reported_on_the_second_file(tmp_path):
    root = write_templates(
        tmp_path, {"alpha.md": VALID.format(id="alpha"), "beta.md": VALID.format(id="alpha")}
    )
    problems = [str(p) for p in tm.check_templates(root, OWNERS, TODAY)]
    assert (
        "templates/beta.md:2: id: duplicate template id 'alpha' (also in templates/alpha.md)"
        in problems
    )
    # beta.md's id also does not match its name; alpha.md itself is fine.
    assert not any(p.startswith("templates/alpha.md") for p in problems)


def test_distinct_ids_are_not_duplicates(tmp_path):
    root = write_templates(
        tmp_path, {"alpha.md": VALID.format(id="alpha"), "beta.md": VALID.format(id="beta")}
    )
    assert tm.check_templates(root, OWNERS, TODAY) == []


def test_file_without_front_matter_or_with_broken_yaml_is_reported(tmp_path):
    root = write_templates(
        tmp_path, {"bare.md": "# Just text\n", "broken.md": "---\nid: [x\n---\n# X\n"}
    )
    problems = [str(p) for p in tm.check_templates(root, OWNERS, TODAY)]
    assert any(p.startswith("templates/bare.md:1: no front matter") for p in problems)
    assert any(p.startswith("templates/broken.md:") for p in problems)
    templates, load_problems = tm.load_templates(root)
    assert templates == [] and len(load_problems) == 2


def test_template_versions_maps_id_to_version_string(tmp_path):
    root = write_templates(tmp_path, {"alpha.md": VALID.format(id="alpha")})
    assert tm.template_versions(root) == {"alpha": "1.2.0"}
    assert tm.template_versions(FIXTURE) == {
        "one-pager": "1.0.0",
        "prd": "1.0.0",
        "retrospective": "1.1.0",
    }
    loaded = {t.id: t.version for t in tm.load_templates(FIXTURE)[0]}
    assert loaded and tm.template_versions(FIXTURE) == loaded


@pytest.mark.parametrize(
    ("ref", "expected"),
    [
        ("prd@1.2.0", ("prd", "1.2.0")),
        ("launch-checklist@10.0.3", ("launch-checklist", "10.0.3")),
        ("prd", None),
        ("prd@1.2", None),
        ("PRD@1.2.0", None),
        (1.2, None),
    ],
)
def test_parse_ref(ref, expected):
    assert tm.parse_ref(ref) == expected


def test_drift_compares_versions_numerically():
    versions = {"prd": "1.10.0"}
    assert tm.is_drifted("prd@1.9.0", versions)  # 1.10 is newer than 1.9, not older
    assert not tm.is_drifted("prd@1.10.0", versions)
    assert not tm.is_drifted("prd@2.0.0", versions)
    assert not tm.is_drifted("gone@1.0.0", versions)
    assert not tm.is_drifted("not a ref", versions)


def test_page_template_reference_must_be_id_at_version():
    good, _ = parse_page("---\nowner: x\ntemplate: prd@1.2.0\n---\n", "docs/a.md")
    bad, _ = parse_page("---\nowner: x\ntemplate: prd 1.2\n---\n", "docs/a.md")
    assert tm.check_template_ref(good, {}, TODAY) == []
    [problem] = tm.check_template_ref(bad, {}, TODAY)
    assert str(problem).startswith("docs/a.md:3: template: 'prd 1.2' must read")
