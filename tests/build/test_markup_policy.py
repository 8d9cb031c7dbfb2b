"""Raw HTML, attribute lists and link URLs in pages, templates and the glossary: what would run
script is refused by `handbook check` and by the strict build at the same file:line; harmless
HTML keeps working. The build also checks the HTML a page publishes, which catches markup the
source check cannot see (a macro that joins strings)."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from tests.helpers import FIXED_TODAY, build, handbook_cli, make_project, page
from tests.hostile_site import live_markup

NAV = """
nav:
  - index.md
  - guide.md
"""
# Written as the author would, from line 8 of docs/guide.md (after the front matter): the
# problem is on the last line of each.
PAGE_ATTACKS = {
    "event handler": ("<img src=x onerror=alert(1)>", "<img>: `onerror` is an event-handler"),
    "attr_list handler": (
        "Focus me\n{: onfocus=alert(1) tabindex=0 autofocus }",
        "attribute list { onfocus=alert(1) tabindex=0 autofocus }: `onfocus` is an",
    ),
    "script": ("<script>alert(1)</script>", "<script> is not allowed"),
    "iframe": ('<iframe src="https://example.com"></iframe>', "<iframe> is not allowed"),
    "javascript link": ("[click](javascript:alert(1))", "link to a javascript: URL"),
    "data link": ("[x](data:text/html,hi)", "link to a data: URL"),
}


def check_and_build(project):
    check = handbook_cli("check", "--root", str(project), "--today", FIXED_TODAY)
    return check, build(project)


@pytest.mark.parametrize("attack", PAGE_ATTACKS)
def test_page_markup_is_refused_by_check_and_build_at_the_same_line(tmp_path, attack):
    source, message = PAGE_ATTACKS[attack]
    docs = {"index.md": page("# Home\n"), "guide.md": page(f"# Guide\n\n{source}\n")}
    project = make_project(tmp_path, docs, nav=NAV)
    check, result = check_and_build(project)
    expected = f"docs/guide.md:{8 + source.count(chr(10))}: html: {message}"
    assert check.returncode == 1
    assert expected in check.stderr
    assert result.returncode != 0
    assert expected in result.log
    assert not (result.site / "guide" / "index.html").exists()


def test_harmless_html_and_attribute_lists_still_build(tmp_path):
    # Negative control: what the policy allows reaches the page as markup.
    body = """\
        # Guide

        Copy with <kbd>Ctrl</kbd>+<kbd>C</kbd>.<br>
        Next line.

        <details markdown="1">
        <summary>Why</summary>

        Because `<script>` in code is text.

        </details>

        [Start](index.md){ .md-button #start }

        A note
        {: .note-class title="A note" }
        """
    docs = {"index.md": page("# Home\n"), "guide.md": page(body)}
    project = make_project(tmp_path, docs, nav=NAV)
    check, result = check_and_build(project)
    assert check.returncode == 0, check.stderr
    assert result.ok, result.log
    soup = BeautifulSoup(result.html("guide/"), "html.parser")
    article = soup.select_one("article")
    assert len(article.select("kbd")) == 2
    assert article.select_one("details summary").get_text() == "Why"
    assert article.select_one("a.md-button#start") is not None
    assert article.select_one("p.note-class")["title"] == "A note"
    assert "<script>" in article.select_one("details code").get_text()
    assert live_markup(str(article)) == []


def test_a_template_attribute_list_is_refused_at_the_templates_line(tmp_path):
    # The template preview renders attribute lists: this one ran script there.
    project = make_project(tmp_path, {"index.md": page("# Home\n")}, nav="nav:\n  - index.md\n")
    template = project / "templates" / "one-pager.md"
    lines = template.read_text(encoding="utf-8").splitlines()
    lines.insert(len(lines), "Click the summary\n{: onclick=alert(1) }")
    template.write_text("\n".join(lines) + "\n", encoding="utf-8")
    line = len(lines) + 1
    check, result = check_and_build(project)
    expected = f"templates/one-pager.md:{line}: html: attribute list {{ onclick=alert(1) }}"
    assert check.returncode == 1
    assert expected in check.stderr
    assert result.returncode != 0
    assert expected in result.log


def test_a_glossary_line_that_reaches_every_page_is_refused(tmp_path):
    glossary = "*[PRD]: Product requirements document\n<img src=x onerror=alert(1)>\n"
    project = make_project(
        tmp_path,
        {"index.md": page("# Home\n")},
        nav="nav:\n  - index.md\n",
        extra={"docs/.includes/abbreviations.md": glossary},
    )
    check, result = check_and_build(project)
    expected = "docs/.includes/abbreviations.md:2: html: <img>: `onerror` is an event-handler"
    assert check.returncode == 1
    assert expected in check.stderr
    assert result.returncode != 0
    assert expected in result.log


def test_the_build_refuses_markup_a_macro_joins_together(tmp_path):
    # The source check cannot see this; the published HTML check can.
    body = "# Guide\n\n{{ '<scr' ~ 'ipt>alert(1)</scr' ~ 'ipt>' }}\n"
    docs = {"index.md": page("# Home\n"), "guide.md": page(body, render_macros="true")}
    result = build(make_project(tmp_path, docs, nav=NAV))
    assert result.returncode != 0
    assert "docs/guide.md:1: html: <script> is not allowed" in result.log
    assert "(in the HTML the page publishes)" in result.log
