"""A nav section longer than extra.handbook.nav_section_limit is split into parts, so a page
carries its own part's links rather than the whole section's; every page stays in the nav."""

from __future__ import annotations

import re

import pytest

from tests.helpers import build, make_project, nav_items, page

COUNT = 7
TITLES = [f"Playbook {n}" for n in range(1, COUNT + 1)]
NAV = "nav:\n  - index.md\n  - Playbooks:\n      - playbooks/index.md\n" + "".join(
    f"      - playbooks/p{n}.md\n" for n in range(1, COUNT + 1)
)
DOCS = {
    "index.md": page("# Home\n"),
    "playbooks/index.md": page("# Playbooks\n\nEvery playbook.\n"),
    **{f"playbooks/p{n}.md": page(f"# Playbook {n}\n") for n in range(1, COUNT + 1)},
}


def site_with(tmp_path_factory, name: str, extra: str):
    project = make_project(tmp_path_factory.mktemp(name), DOCS, nav=NAV + extra)
    result = build(project)
    assert result.ok, result.log
    return result


@pytest.fixture(scope="module")
def parts(tmp_path_factory):
    return site_with(tmp_path_factory, "parts", "extra:\n  handbook:\n    nav_section_limit: 3\n")


@pytest.fixture(scope="module")
def whole(tmp_path_factory):
    return site_with(tmp_path_factory, "whole", "")


def test_a_page_shows_its_own_part_open_and_the_others_as_one_link(parts):
    section = nav_items(parts.html("playbooks/p5/")).find("Playbooks")
    # The index page is still the section's own link (navigation.indexes), then the parts.
    assert section.href == "../"
    assert [c.title for c in section.children] == [
        "Pages 1\u20133",
        "Pages 4\u20136",
        "Pages 7\u20137",
    ]
    own = section.find("Pages 4\u20136")
    assert [c.title for c in own.children] == ["Playbook 4", "Playbook 5", "Playbook 6"]
    # The other parts are collapsed: one link each, to their first page.
    first = section.find("Pages 1\u20133")
    assert first.children == [] and first.href == "../p1/"
    assert section.find("Pages 7\u20137").href == "../p7/"


def test_every_page_is_in_the_nav_of_its_part_and_order_is_kept(parts, whole):
    for n, title in enumerate(TITLES, start=1):
        section = nav_items(parts.html(f"playbooks/p{n}/")).find("Playbooks")
        part = next(c for c in section.children if c.children)
        assert title in [c.title for c in part.children]
        # Previous and next links are those of the unsplit nav.
        for name in ("prev", "next"):
            link = re.compile(rf'<a href="([^"]+)" class="md-footer__link md-footer__link--{name}"')
            assert link.findall(parts.html(f"playbooks/p{n}/")) == link.findall(
                whole.html(f"playbooks/p{n}/")
            )


def test_a_section_within_the_limit_is_left_whole(whole):
    # Negative control: the default limit (30) leaves a 7-page section as it is.
    section = nav_items(whole.html("playbooks/p5/")).find("Playbooks")
    assert [c.title for c in section.children] == TITLES
    assert "Pages 1" not in whole.html("playbooks/p5/")


def test_the_split_makes_the_page_smaller(parts, whole):
    split, unsplit = parts.html("playbooks/p5/"), whole.html("playbooks/p5/")
    assert split.count('class="md-nav__link"') < unsplit.count('class="md-nav__link"')


def test_a_bad_limit_is_refused(tmp_path):
    extra = "extra:\n  handbook:\n    nav_section_limit: 0\n"
    result = build(make_project(tmp_path, DOCS, nav=NAV + extra))
    assert not result.ok
    assert "extra.handbook.nav_section_limit in mkdocs.yml is 0" in result.log
