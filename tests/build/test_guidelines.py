"""The guidelines in the built site: grouped navigation, tags on each page, the tags index."""

from __future__ import annotations

import re

import pytest

from tests.helpers import ROOT, build, make_project, page

GUIDELINES = sorted(
    p.stem for p in (ROOT / "docs" / "guidelines").glob("*.md") if p.name != "index.md"
)
SECTIONS = ["Ways of working", "Quality", "Discovery and data", "Delivery and launch", "Governance"]


def nav_section_titles(html: str) -> list[str]:
    """Titles of the nav sub-sections of the Guidelines tab (the second top-level item)."""
    found = re.findall(r'<label class="md-nav__title" for="__nav_2_\d+">(.*?)</label>', html, re.S)
    return [" ".join(re.sub(r"<[^>]+>", " ", title).split()) for title in found]


def test_guidelines_nav_is_grouped(real_site):
    html = real_site.html("guidelines/")
    assert nav_section_titles(html) == SECTIONS
    # Every guideline is reachable from the section landing page.
    for stem in GUIDELINES:
        assert f'href="{stem}/"' in html, stem


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
    assert nav_section_titles(html) == []
    assert 'id="tag:quality"' not in html
    assert not all(f'href="../guidelines/{stem}/"' in html for stem in GUIDELINES)


def test_a_tag_outside_the_allowed_list_fails_the_build(tmp_path):
    nav = """
    nav:
      - Home: index.md
      - Guidelines:
          - guidelines/index.md
          - guidelines/a.md
    """
    docs = {
        "index.md": page("# Home\n"),
        "guidelines/index.md": page("# Guidelines\n"),
        "guidelines/a.md": page("# A\n", tags="[quality, qualty]"),
    }
    result = build(make_project(tmp_path, docs, nav=nav))
    assert not result.ok
    assert "Tags not in allow list: qualty" in result.log
    assert "guidelines/a.md" in result.log


def test_allowed_tags_build_clean(tmp_path):
    # Positive twin of the control above: the same site with a valid tag builds strictly.
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
        "guidelines/a.md": page("# A\n", tags="[quality, metrics]"),
        "tags.md": page("# Tags\n\n<!-- material/tags -->\n"),
    }
    result = build(make_project(tmp_path, docs, nav=nav))
    assert result.ok, result.log
    assert result.warnings() == []
    assert 'href="../guidelines/a/"' in result.html("tags/")
