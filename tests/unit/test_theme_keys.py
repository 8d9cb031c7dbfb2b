"""The front matter keys the theme prints: text, a known status, an icon name, plain tags."""

from __future__ import annotations

import datetime as dt

import pytest

from handbook.core.site_settings import read_site_settings
from handbook.pages.frontmatter import parse_page
from handbook.pages.theme_keys import check_theme_keys, escaped_text, statuses


def problems(front: str, allowed=None) -> list[str]:
    page, parse_problems = parse_page(f"---\nowner: x\n{front}\n---\n\n# Page\n", "docs/p.md")
    assert parse_problems == []
    return [str(p) for p in check_theme_keys(page, allowed)]


@pytest.mark.parametrize(
    "front",
    [
        "title: Plain title\nsubtitle: A <small> word\ndescription: 1 < 2\nauthor: Ann & Bo",
        "title: 2026",  # a number or a date is shown as typed
        "status: new",
        "status: deprecated",
        "status: stale",
        "icon: material/book-open-variant",
        "icon: fontawesome/brands/github",
        "icon: octicons/alert-16",
        "tags:\n  - product ops\n  - 2026",
        "hide:\n  - navigation",
    ],
)
def test_values_the_theme_prints_safely_pass(front):
    # Negative control for the refusals below.
    assert problems(front) == []


@pytest.mark.parametrize(
    ("front", "expected"),
    [
        ("status: 'x\" onmouseover=\"alert(1)'", "docs/p.md:3: status: 'x\" onmouseover"),
        ("status: beta", "docs/p.md:3: status: 'beta' is not a page status; use one of:"),
        ("status: [new]", "docs/p.md:3: status: ['new'] is not a page status"),
        ("icon: ../../../etc/passwd", "docs/p.md:3: icon: '../../../etc/passwd' is not an icon"),
        ("icon: material/x.svg", "docs/p.md:3: icon: 'material/x.svg' is not an icon name"),
        ("icon: '\"><img src=x>'", "docs/p.md:3: icon: "),
        ("title: {a: b}", "docs/p.md:3: title: must be text, not dict"),
        ("subtitle: [a, b]", "docs/p.md:3: subtitle: must be text, not list"),
        ("author: true", "docs/p.md:3: author: must be text, not bool"),
        ("revision_date: '<b>x</b>'", "docs/p.md:3: revision_date: is set by a plugin"),
        ("tags: '<img src=x onerror=alert(1)>'", "docs/p.md:3: tags: must be a list of tags"),
        ("tags:\n  - ok\n  - <b>x</b>", "docs/p.md:3: tags: tag '<b>x</b>' must be plain words"),
        ("tags:\n  - '\"x'", "docs/p.md:3: tags: tag '\"x' must be plain words"),
    ],
)
def test_values_the_theme_would_print_as_markup_are_refused_at_their_line(front, expected):
    found = problems(front)
    assert len(found) == 1, found
    assert found[0].startswith(expected)


def test_statuses_add_mkdocs_yml_extra_status(tmp_path):
    assert problems("status: beta", statuses({"beta": "In beta"})) == []
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\nextra:\n  status:\n    beta: In beta\n", encoding="utf-8"
    )
    assert read_site_settings(tmp_path).extra_status == ("beta",)
    assert "beta" in statuses(read_site_settings(tmp_path).extra_status)
    assert "beta" not in statuses()


def test_escaped_text_leaves_no_markup():
    assert escaped_text('"><img src=x onerror=alert(1)>') == (
        "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;"
    )
    assert escaped_text(dt.date(2026, 1, 2)) == "2026-01-02"
