"""Placeholders in this handbook's templates stay visible wherever a copy is pasted.

Each template's copied text (its body) is rendered with markdown-it-py, a CommonMark renderer
with GitHub's table extension and raw HTML on, as GitHub and GitLab render a pasted issue or
pull request: every placeholder must come out as visible text, never as an HTML tag.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from markdown_it import MarkdownIt

from handbook.templates import model as tm
from handbook.templates.pages import copy_text
from handbook.templates.placeholders import angle_placeholders, square_placeholders
from tests.helpers import ROOT

TEMPLATES = {t.id: t for t in tm.load_templates(ROOT)[0]}
PLACEHOLDER = re.compile(r"\[([^\[\]\n]+)\](?![(\[:])")


def rendered_text(markdown: str) -> str:
    """What a reader sees of the rendered markdown: text nodes only, tags dropped."""
    html = MarkdownIt("commonmark", {"html": True}).enable("table").render(markdown)

    class Text(HTMLParser):
        parts: list[str] = []

        def handle_data(self, data: str) -> None:
            self.parts.append(data)

    parser = Text()
    parser.parts = []
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def test_there_are_templates_with_placeholders():
    assert len(TEMPLATES) >= 20
    assert sum(len(PLACEHOLDER.findall(copy_text(t))) for t in TEMPLATES.values()) > 300


@pytest.mark.parametrize("template_id", sorted(TEMPLATES))
def test_no_placeholder_in_angle_brackets(template_id):
    found = angle_placeholders(TEMPLATES[template_id].body)
    assert found == [], f"templates/{template_id}.md: {found[:5]} (write [placeholder])"


@pytest.mark.parametrize("template_id", sorted(TEMPLATES))
def test_every_placeholder_renders_as_visible_text(template_id):
    body = copy_text(TEMPLATES[template_id])
    shown = rendered_text(body)
    placeholders = {" ".join(p.split()) for p in PLACEHOLDER.findall(body)}
    for placeholder in placeholders:
        # Inline code inside a placeholder renders as code: its backticks are not text, and
        # its text is a node of its own (joined to its neighbours with spaces here).
        text = re.sub(r"\s+", "", placeholder.replace("`", ""))
        assert text in re.sub(r"\s+", "", shown), placeholder


def test_angle_brackets_would_vanish():
    # Negative control: the same text with angle-bracket placeholders loses them.
    body = copy_text(TEMPLATES["prd"])
    assert "[feature name]" in rendered_text(body)
    angled = re.sub(r"\[feature name\]", "<feature name>", body)
    assert "feature name" not in rendered_text(angled)


def test_conversion_leaves_code_and_links_alone():
    text = (
        "# PRD: <feature name>\n\n"
        "Tag `deprecation:<name>` and see <https://example.com> or <a@example.com>.\n"
        "- [ ] <owner of <area>>\n\n"
        "```yaml\nkey: <value>\n```\n"
    )
    assert square_placeholders(text) == (
        "# PRD: [feature name]\n\n"
        "Tag `deprecation:<name>` and see <https://example.com> or <a@example.com>.\n"
        "- [ ] [owner of [area]]\n\n"
        "```yaml\nkey: <value>\n```\n"
    )
    # Code spans, fenced blocks and autolinks are not placeholders; a nested one is found.
    assert angle_placeholders(text) == [(1, "<feature name>"), (4, "<area>")]
