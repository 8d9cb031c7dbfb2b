"""This handbook's own built site: guideline groups and tags, the real playbooks' checklists,
abbreviations, the glossary and the template downloads."""

from __future__ import annotations

import re

import pytest

from handbook.templates.model import load_templates
from tests.build.test_abbreviations import CODE, abbr_in_code
from tests.build.test_onboarding_site import text_of
from tests.build.test_templates_site import download_of
from tests.helpers import ROOT, NavItem, nav_items
from tests.reference.test_onboarding_content import ROLES

GUIDELINES = sorted(
    p.stem for p in (ROOT / "docs" / "guidelines").glob("*.md") if p.name != "index.md"
)
SECTIONS = ["Ways of working", "Quality", "Discovery and data", "Delivery and launch", "Governance"]


def guidelines_tab(html: str) -> NavItem:
    return nav_items(html).find("Guidelines")


def test_guidelines_nav_is_grouped(real_site):
    html = real_site.html("guidelines/")
    groups = [item for item in guidelines_tab(html).children if item.children is not None]
    assert [group.title for group in groups] == SECTIONS
    # Groups the reader is not in are collapsed to a link to their first page (prune).
    assert all(group.pruned and group.href for group in groups)
    # Every guideline is reachable from the section landing page.
    for stem in GUIDELINES:
        assert f'href="{stem}/"' in html, stem


def test_a_guideline_page_opens_its_own_group_only(real_site):
    tab = guidelines_tab(real_site.html("guidelines/bug-triage/"))
    quality = tab.find("Quality")
    assert not quality.pruned
    assert [item.href for item in quality.children] == [
        "./", "../product-health-alerts/", "../user-issue-reports/", "../incident-review/"
    ]  # fmt: skip
    assert all(group.pruned for group in tab.children if group.title in set(SECTIONS) - {"Quality"})


@pytest.mark.parametrize("stem", GUIDELINES)
def test_guideline_shows_its_tags_as_links(real_site, stem):
    html = real_site.html(f"guidelines/{stem}/")
    tags = re.findall(r'href="../../tags/#tag:([a-z-]+)" class="md-tag', html)
    assert 2 <= len(tags) <= 4, tags


def test_tags_index_lists_every_guideline(real_site):
    html = real_site.html("tags/")
    assert 'id="tag:quality"' in html
    for stem in GUIDELINES:
        assert f'href="../guidelines/{stem}/"' in html, stem


def test_tags_index_negative_control(real_site):
    # The same assertions fail on a page that is not the tags index or the Guidelines section.
    html = real_site.html("about/")
    assert [item.title for item in nav_items(html).find("Guidelines").children or []] == []
    assert 'id="tag:quality"' not in html
    assert not all(f'href="../guidelines/{stem}/"' in html for stem in GUIDELINES)


@pytest.mark.parametrize("role", ROLES)
def test_real_playbook_block_matches_its_task_lists(real_site, role):
    html = real_site.html(f"onboarding/{role}/")
    blocks = [text_of(b) for b in CODE.findall(html) if "## By day 90" in b]
    assert len(blocks) == 1, role
    block = blocks[0]
    for heading in ("## Week 1", "## By day 30", "## By day 60", "## By day 90"):
        assert heading in block
    assert block.count("- [ ] ") == html.count('class="task-list-item"') >= 12
    # No relative link left to break in an issue: every link leads to the published page.
    targets = re.findall(r"\]\(([^)\s]+)\)", block)
    assert targets and all(t.startswith("https://") for t in targets), targets
    # Nothing that points at the page around the block: pasted, there is none.
    assert not re.search(r"\b(below|above|this page)\b", re.sub(r"\(https://[^)]*\)", "", block))
    assert "Request access" in html and "<th>Who</th>" in html


def test_no_abbreviation_inside_code_anywhere_on_the_real_site(real_site):
    pages = list(real_site.site.rglob("*.html"))
    assert len(pages) > 30
    expanded = 0
    for path in pages:
        html = path.read_text(encoding="utf-8")
        expanded += html.count("<abbr ")
        assert abbr_in_code(html) == [], path
    assert expanded > 100


def test_the_code_scan_catches_an_abbreviation_in_code():
    # Negative control for the scan above.
    html = '<pre><code>Score with <abbr title="x">RICE</abbr></code></pre>'
    assert abbr_in_code(html) != []


def test_real_glossary_terms_have_unique_anchors(real_site):
    html = real_site.html("about/glossary/")
    ids = re.findall(r'<dt id="([^"]+)"', html)
    assert len(ids) >= 40
    assert len(ids) == len(set(ids))


def test_real_site_offers_every_template_byte_identical(real_site):
    for template in load_templates(ROOT)[0]:
        path, _ = download_of(real_site, f"templates/{template.id}/")
        assert path.read_bytes() == template.path.read_bytes(), template.id
