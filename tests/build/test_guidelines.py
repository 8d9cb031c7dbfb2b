"""The guidelines in the built site: grouped navigation, tags on each page, the tags index."""

from __future__ import annotations

import re

import pytest

from tests.helpers import ROOT, NavItem, build, handbook_cli, make_project, nav_items, page

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


def build_tagged_page(tmp_path, tags: str):
    """A small site whose one guideline carries `tags`, with a tags index page."""
    nav = """
    nav:
      - Home: index.md
      - Guidelines:
          - guidelines/index.md
          - guidelines/a.md
      - Tags: tags.md
    """
    docs = {
        "index.md": page("# Home\n"),
        "guidelines/index.md": page("# Guidelines\n"),
        "guidelines/a.md": page("# A\n", tags=tags),
        "tags.md": page("# Tags\n\n<!-- material/tags -->\n"),
    }
    return build(make_project(tmp_path, docs, nav=nav))


def test_a_tag_outside_the_allowed_list_fails_the_build(tmp_path):
    result = build_tagged_page(tmp_path, "[quality, qualty]")
    assert not result.ok
    assert "Tags not in allow list: qualty" in result.log
    assert "guidelines/a.md" in result.log


def test_handbook_check_refuses_the_same_tag_with_its_line(tmp_path):
    build_tagged_page(tmp_path, "[quality, qualty]")
    project = tmp_path / "project"
    result = handbook_cli("check", "--root", str(project), "--today", "2026-11-21")
    assert result.returncode == 1
    assert "docs/guidelines/a.md:4: tags: tag 'qualty' is not in tags_allowed" in result.stderr
    assert "'quality' is not" not in result.stderr


def test_allowed_tags_build_clean(tmp_path):
    # Positive twin of the control above: the same site with a valid tag builds strictly.
    result = build_tagged_page(tmp_path, "[quality, metrics]")
    assert result.ok, result.log
    assert result.warnings() == []
    assert 'href="../guidelines/a/"' in result.html("tags/")
