"""Generated pages (templates, tools, releases) in the freshness checks, the dashboard's order,
and their edit links, in real --strict builds of a tiny handbook on the fixed date 2026-11-21.

The fixture, most overdue first:
  template `old`        product-ops  reviewed 2026-01-10, every 6 months: stale since 2026-07-10
  tool `old`            design       updated 2026-05-01, every 3 months:  stale since 2026-08-01
  docs guidelines/stale product-ops  reviewed 2026-03-01, every 6 months: stale since 2026-09-01
  release 1.1.0         product-management, released 2026-08-05, reviewed once 90 days
                        after it (freshness.yml releases.released): stale since 2026-11-03
  docs guidelines/due   design       reviewed 2026-05-30:                 due by 2026-11-30
Everything else (tool `new`, the fixture's templates, release 1.2.0) is fresh or due.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from html import unescape
from urllib.parse import urljoin

import pytest

from tests.helpers import FIXED_TODAY, build, make_project, page
from tests.tool_data import tool, tools_yaml

REPO = "https://github.com/example-co/fixture-handbook"
FRESHNESS = """\
# yaml-language-server: $schema=schema/freshness.schema.json
warning_days: 14
default_review_every: 6 months
fail_on_stale: false
sections:
  "": 3 months
  tools: 3 months
  releases: 3 months
  guidelines: 6 months
  templates: 6 months
  onboarding: 12 months
page_types:
  tool: 3 months
  policy: 6 months
  playbook: 12 months
releases:
  planned: 1 month
  released: 90 days
"""
NAV = """
nav:
  - index.md
  - Guidelines:
      - guidelines/index.md
      - guidelines/stale.md
      - guidelines/due.md
  - About:
      - about/index.md
"""
DOCS = {
    "index.md": page("# Home\n"),
    "guidelines/index.md": page("# Guidelines\n"),
    "guidelines/stale.md": page("# Stale guideline\n", reviewed="2026-03-01"),
    "guidelines/due.md": page("# Due guideline\n", owner="design", reviewed="2026-05-30"),
    "about/index.md": page("# About\n"),
}
TOOLS = tools_yaml(
    tool("new", owner="product-ops", last_updated="2026-11-01"),
    tool("old", owner="design", last_updated="2026-05-01"),
)
OLD_RELEASE = """# yaml-language-server: $schema=../schema/release.schema.json
version: "1.1.0"
date: 2026-08-05
status: released
title: Board filters
summary: Boards can be filtered by team.
last_updated: 2026-08-12
changes:
  - type: added
    area: boards
    audience: customers
    description: A team filter on every board.
"""
OLD_TEMPLATE = """---
id: old
title: Old template
description: A template nobody has looked at for a while.
category: Test fixtures
version: "1.0.0"
owner: product-ops
last_reviewed: 2026-01-10
review_every: 6 months
---

# Old template

Body text.
"""


def _project(tmp, repo: bool = True):
    project = make_project(
        tmp,
        DOCS,
        data={
            "tools.yml": TOOLS,
            "releases/2026-08-05-v1.1.0.yml": OLD_RELEASE,
            # A released release is reviewed once, 90 days after its date (then a record).
            "freshness.yml": FRESHNESS,
        },
        nav=NAV,
        extra={"templates/old.md": OLD_TEMPLATE},
    )
    if not repo:
        config = project / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        text = re.sub(r"(?m)^(repo_url|repo_name|edit_uri):.*\n", "", text)
        config.write_text(text, encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    project = _project(tmp_path_factory.mktemp("generated-freshness"))
    result = build(project)
    assert result.ok, result.log
    return project, result


@pytest.fixture(scope="module")
def site(built):
    return built[1]


def notice(html: str) -> str:
    match = re.search(r'<div class="[^"]*handbook-freshness-notice".*?</div>', html, re.S)
    return match.group(0) if match else ""


def footer(html: str) -> str:
    match = re.search(r'<p class="handbook-reviewed".*?</p>', html, re.S)
    return match.group(0) if match else ""


def edit_button(html: str) -> str | None:
    match = re.search(r'<a href="([^"]+)" title="Edit this page"', html)
    return match.group(1) if match else None


def records(site) -> list[dict]:
    return json.loads((site.site / "freshness.json").read_text(encoding="utf-8"))


def test_every_generated_page_is_in_the_feed(site):
    paths = {r["url"].removeprefix("https://handbook.example.com/"): r for r in records(site)}
    assert paths["templates/old/"]["path"] == "templates/old.md"
    assert paths["templates/prd/"]["owner"] == "product-ops"
    assert paths["tools/old/"]["path"] == "data/tools.yml"
    assert paths["releases/1.1.0/"]["path"] == "data/releases/2026-08-05-v1.1.0.yml"
    assert "about/freshness/" not in paths  # the dashboard itself has no owner
    # Every written page but the dashboard (and 404) has exactly one record.
    written = {
        p.parent.relative_to(site.site).as_posix() + "/"
        for p in site.site.rglob("index.html")
        if p.parent != site.site
    }
    written.discard("about/freshness/")
    assert set(paths) - {""} == written
    assert len(paths) == len(records(site))


def test_stale_template_page_is_flagged_from_its_front_matter(site):
    html = site.html("templates/old/")
    box = notice(html)
    assert 'data-freshness="stale"' in box
    assert "due for review on 2026-07-10 (134 days before this build on 2026-11-21)" in box
    assert "handbook review templates/old.md" in box
    assert "Reviewed on 2026-01-10 by Product Operations, next review 2026-07-10." in footer(html)
    assert edit_button(html) == f"{REPO}/edit/main/templates/old.md"
    # Negative control: a real template reviewed on the fixed date is fresh.
    prd = site.html("templates/prd/")
    assert notice(prd) == "" and 'data-review-status="fresh"' in footer(prd)
    assert edit_button(prd) == f"{REPO}/edit/main/templates/prd.md"


def test_stale_tool_page_is_flagged_from_its_record_and_links_to_its_line(built, site):
    project, _ = built
    lines = (project / "data" / "tools.yml").read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(lines, 1) if '"id": "old"' in text)
    html = site.html("tools/old/")
    box = notice(html)
    assert 'data-freshness="stale"' in box and "due for review on 2026-08-01" in box
    assert f"<code>data/tools.yml</code> (line {line})" in box
    assert "set its <code>last_updated</code> to today" in box
    assert "Last updated: 2026-05-01, reviewed every 3 months" in box
    assert edit_button(html) == f"{REPO}/edit/main/data/tools.yml"
    assert f'href="{REPO}/blob/main/data/tools.yml#L{line}">view line {line}</a>' in footer(html)
    # Negative control: the other tool is fresh and points at its own line.
    new = site.html("tools/new/")
    assert notice(new) == ""
    assert f"tools.yml#L{line - 1}" in footer(new) and f"tools.yml#L{line}" not in footer(new)


def test_release_page_is_flagged_from_its_file(site):
    html = site.html("releases/1.1.0/")
    assert 'data-freshness="stale"' in notice(html)
    assert edit_button(html) == f"{REPO}/edit/main/data/releases/2026-08-05-v1.1.0.yml"
    # Negative control: a release updated within three months is not stale.
    assert 'data-freshness="stale"' not in notice(site.html("releases/1.2.0/"))


def _attention_rows(html: str) -> list[tuple[str, str, str]]:
    """(owner heading, status, page href) of each Needs attention row, in order."""
    section = html[html.index('id="needs-attention"') : html.index('id="status-by-section"')]
    rows = []
    for part in re.split(r"<h3[^>]*>", section)[1:]:
        owner = unescape(re.sub(r"<[^>]+>|&para;|¶", "", part[: part.index("</h3>")]))
        owner = owner.replace("¶", "").strip()
        for status, href in re.findall(r'<tr data-status="(\w+)"><td><a href="([^"]+)"', part):
            rows.append((owner, status, href))
    return rows


def test_dashboard_leads_with_the_most_overdue_page_grouped_by_owner(site):
    rows = _attention_rows(site.html("about/freshness/"))
    assert rows[0] == ("Product Operations (#product-ops)", "stale", "../../templates/old/")
    owners = list(dict.fromkeys(owner for owner, _, _ in rows))
    assert owners[:3] == [
        "Product Operations (#product-ops)",
        "Product Design (#design)",
        "Product Management (#product-management)",
    ]
    design = [(status, href) for owner, status, href in rows if owner.startswith("Product Design")]
    assert design == [("stale", "../../tools/old/"), ("due", "../../guidelines/due/")]
    # Within each owner, every stale page comes before any other.
    for name in owners:
        statuses = [status for owner, status, _ in rows if owner == name]
        assert statuses == sorted(statuses, key=lambda s: s != "stale"), name
    assert "../../tools/new/" not in [href for _, _, href in rows]  # fresh: not listed here


def test_dashboard_lists_the_same_pages_as_the_feed(site):
    html = site.html("about/freshness/")
    base = "https://handbook.example.com/about/freshness/"
    listed = [
        (status, urljoin(base, href).removeprefix("https://handbook.example.com/"))
        for status, href in re.findall(r'<tr data-status="(\w+)"><td><a href="([^"]*)"', html)
    ]
    feed = [
        (r["status"], r["url"].removeprefix("https://handbook.example.com/")) for r in records(site)
    ]
    assert sorted(listed) == sorted(feed)


def test_fresh_pages_are_collapsed(site):
    html = site.html("about/freshness/")
    blocks = re.findall(r"<details[^>]*>.*?</details>", html, re.S)
    fresh_block = next(b for b in blocks if "fresh pages" in b)
    assert " open" not in fresh_block[: fresh_block.index(">")]
    assert 'data-status="fresh"' in fresh_block
    # Negative control: no fresh row sits outside the collapsed block.
    outside = html.replace(fresh_block, "")
    assert 'data-status="fresh"' not in outside and 'data-status="stale"' in outside


def test_cli_lists_the_same_records_as_the_build(built, site):
    project, _ = built
    result = subprocess.run(
        [sys.executable, "-m", "handbook", "freshness", "--format", "json"]
        + ["--root", str(project), "--today", FIXED_TODAY],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr

    def key(r: dict) -> tuple:
        return (r["path"], r["line"], r["url"], r["status"], r["review_by"], r["edit_url"])

    cli = sorted(key(r) for r in json.loads(result.stdout))
    assert cli == sorted(key(r) for r in records(site))
    assert any(r[0] == "data/tools.yml" for r in cli)


def test_no_edit_links_without_a_repository(tmp_path):
    result = build(_project(tmp_path, repo=False))
    assert result.ok, result.log
    html = result.html("tools/old/")
    assert edit_button(html) is None
    assert "view line" not in footer(html) and "<code>data/tools.yml</code>" in footer(html)
    assert "Edit data/tools.yml" not in notice(html)
    assert all(r["edit_url"] == "" for r in records(result))
