"""Front matter the theme would print as markup is refused by `handbook check` and by the
build at the same file:line; values it prints safely build and show."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from tests.helpers import FIXED_TODAY, build, handbook_cli, make_project, page

NAV = """
nav:
  - index.md
  - guide.md
"""

REFUSED = {
    "status as a class": ("status", "'x onmouseover=alert(1)'", "status: 'x onmouseover"),
    "icon as a path": ("icon", "'../../base.html'", "icon: '../../base.html' is not an icon"),
    "a plugin's key": ("revision_date", "'<img src=x>'", "revision_date: is set by a plugin"),
    "title as a list": ("title", "['<img src=x onerror=alert(1)>']", "title: must be text"),
}


@pytest.mark.parametrize("case", REFUSED)
def test_check_and_build_refuse_at_the_same_line(tmp_path, case):
    key, value, message = REFUSED[case]
    docs = {"index.md": page("# Home\n"), "guide.md": page("# Guide\n", **{key: value})}
    project = make_project(tmp_path, docs, nav=NAV)
    expected = f"docs/guide.md:4: {message}"
    check = handbook_cli("check", "--root", str(project), "--today", FIXED_TODAY)
    assert check.returncode == 1
    assert expected in check.stderr
    result = build(project)
    assert result.returncode != 0
    assert expected in result.log


def test_what_the_theme_prints_safely_builds_and_shows(tmp_path):
    # Negative control: a status, an icon, a subtitle and an author the theme knows.
    meta = {
        "title": "'Ship & learn <fast>'",
        "subtitle": "'A <b> tag as text'",
        "author": "'Ann \"the PM\"'",
        "status": "new",
        "icon": "material/rocket-launch",
    }
    docs = {"index.md": page("# Home\n"), "guide.md": page("# Guide\n", **meta)}
    project = make_project(tmp_path, docs, nav=NAV)
    check = handbook_cli("check", "--root", str(project), "--today", FIXED_TODAY)
    assert check.returncode == 0, check.stderr
    result = build(project)
    assert result.ok, result.log
    soup = BeautifulSoup(result.html("guide/"), "html.parser")
    assert soup.title.get_text().startswith("Ship & learn <fast>")
    assert soup.select_one("meta[name=author]")["content"] == 'Ann "the PM"'
    link = soup.select_one(".md-nav--primary a[href='./']") or soup.select_one(
        ".md-nav--primary .md-nav__link--active"
    )
    assert link is not None
    assert "A <b> tag as text" in link.get_text()
    assert link.select_one(".md-status--new") is not None
    assert link.select_one("svg") is not None  # the icon
    assert soup.select_one(".md-nav--primary b") is None


def test_a_title_from_the_first_heading_stays_text_in_the_tab_title(tmp_path):
    # Material prints a title that is not in front matter through `striptags`, which decodes
    # `&lt;/title&gt;` into a tag that ends <title>; the engine gives every page a meta title.
    heading = "# The `</title><img src=x onerror=alert(1)>` heading\n"
    docs = {"index.md": page("# Home\n"), "guide.md": page(heading)}
    result = build(make_project(tmp_path, docs, nav=NAV))
    assert result.ok, result.log
    soup = BeautifulSoup(result.html("guide/"), "html.parser")
    assert soup.select("img[onerror]") == []
    assert soup.title.get_text().startswith("The </title><img src=x onerror=alert(1)> heading")
