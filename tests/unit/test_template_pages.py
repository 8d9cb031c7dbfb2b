"""The HTML and markdown the site makes from a template: source, preview, gallery, slots."""

import html as html_mod
import re
import shutil
from pathlib import Path

import pytest

from handbook.templates import pages as tp
from handbook.templates.model import load_templates
from tests.helpers import FIXTURE as FIXTURE_HANDBOOK
from tests.html_text import attribute_values, texts

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "placeholder-template.md"
PLACEHOLDERS = ["{{ customer_name }}", "{% if beta %}", "${VAR}", "<customer email>", "<b>"]
EXTENSIONS = ["toc", "attr_list", "pymdownx.highlight", "pymdownx.superfences"]
CONFIGS = {"toc": {"permalink": True}, "pymdownx.highlight": {"anchor_linenums": True}}


@pytest.fixture()
def fixture_template(tmp_path):
    (tmp_path / "templates").mkdir()
    shutil.copy(FIXTURE, tmp_path / "templates" / "placeholders.md")
    [template], problems = load_templates(tmp_path)
    assert problems == []
    return template


def test_source_block_text_is_the_file_text_exactly(fixture_template):
    html = tp.source_html(fixture_template)
    assert texts(html, "template-source") == [FIXTURE.read_text(encoding="utf-8")]
    for placeholder in PLACEHOLDERS:
        assert placeholder in texts(html, "template-source")[0]
    # Escaped for the browser: no raw tag from the template reaches the HTML.
    assert "<customer email>" not in html and "<marquee>" not in html
    assert "&lt;customer email&gt;" in html


def test_source_block_is_marked_with_the_template_id(fixture_template):
    html = tp.source_html(fixture_template)
    assert attribute_values(html, "data-template-source") == ["placeholders"]


def test_copy_text_is_the_body_without_front_matter(fixture_template):
    # Material copies the data-copy attribute instead of the code's text.
    [copied] = attribute_values(tp.source_html(fixture_template), "data-copy")
    raw = FIXTURE.read_text(encoding="utf-8")
    body = raw.split("\n---\n", 1)[1].lstrip("\n")
    assert copied == body
    assert copied.startswith("# Call notes")
    assert "id: placeholders" not in copied and "<customer email>" in copied


def test_negative_control_copy_text_differs_from_the_file(fixture_template):
    [copied] = attribute_values(tp.source_html(fixture_template), "data-copy")
    assert copied != FIXTURE.read_text(encoding="utf-8")


def test_negative_control_unescaped_source_loses_the_angle_brackets(fixture_template):
    # What a naive block would do: the browser would read <customer email> as a tag.
    naive = f'<div class="template-source"><pre><code>{fixture_template.text}</code></pre></div>'
    assert "<customer email>" not in texts(naive, "template-source")[0]


def test_preview_shows_placeholders_as_text(fixture_template):
    html = tp.preview_html(fixture_template, EXTENSIONS, CONFIGS)
    text = html_mod.unescape(html)
    for placeholder in ("{{ customer_name }}", "{% if beta %}", "${VAR}"):
        assert placeholder in text
    assert "&lt;customer email&gt;" in html and "&lt;marquee&gt;" in html
    assert "<marquee>" not in html
    # Not a snippet include, no heading anchors that would clash with the page's own.
    assert '--8&lt;-- "README.md"' in html
    assert "headerlink" not in html and "__codelineno" not in html
    assert "<h1>Call notes" in html


def test_preview_does_not_change_the_callers_extension_config(fixture_template):
    configs = {"pymdownx.highlight": {"anchor_linenums": True}}
    tp.preview_html(fixture_template, EXTENSIONS, configs)
    assert configs == {"pymdownx.highlight": {"anchor_linenums": True}}


def test_download_link_carries_download_attribute(fixture_template):
    html = tp.download_html(fixture_template, "placeholders.md")
    assert 'href="placeholders.md" download="placeholders.md"' in html
    assert f"{len(FIXTURE.read_bytes())} bytes" in html


def test_page_markdown_has_front_matter_prose_and_three_slots(fixture_template):
    md = tp.page_markdown(fixture_template, "Product Operations")
    # Raw text: the theme hook escapes every page title once (handbook.mkdocs.theme.on_env).
    assert md.startswith("---\ntitle: Placeholders & friends\n")
    assert "owner: product-ops\nlast_reviewed: 2026-11-01\nreview_every: 6 months\n" in md
    assert "**Use it when** a test needs text" in md
    for slot in tp.SLOTS:
        assert f'<div data-template-slot="{slot}"></div>' in md
    # The raw template never enters the page's markdown: nothing there to macro-render.
    assert "{{ customer_name }}" not in md and "${VAR}" not in md


def test_fill_slots_replaces_each_marker_once():
    html = '<p>a</p><div data-template-slot="source"></div><p>b</p>'
    assert tp.fill_slots(html, {"source": "<pre>\\1 {{ x }}</pre>"}) == (
        "<p>a</p><pre>\\1 {{ x }}</pre><p>b</p>"
    )


def test_fill_slots_raises_on_unknown_or_missing_markers():
    with pytest.raises(ValueError, match="unknown template slot"):
        tp.fill_slots('<div data-template-slot="nope"></div>', {})
    with pytest.raises(ValueError, match="not found exactly once: source"):
        tp.fill_slots("<p>no marker</p>", {"source": "x"})


def test_gallery_groups_by_category_and_links_relative_to_the_page():
    templates, _ = load_templates(FIXTURE_HANDBOOK)
    md = tp.gallery_markdown(templates, {"product-ops": "Product Operations"}, "templates/index.md")
    categories = [line[3:] for line in md.splitlines() if line.startswith("## ")]
    assert categories == sorted(categories, key=str.lower)
    assert len(categories) == len(set(categories)) >= 3
    assert md.count('<div class="grid cards" markdown>') == len(categories)
    assert "**[Product requirements document](prd.md)**" in md
    retro = next(t for t in templates if t.id == "retrospective")
    assert retro.owner == "product-ops" and retro.version == "1.1.0"
    assert "Version 1.1.0 · Product Operations" in md  # owner id -> owner name
    from_elsewhere = tp.gallery_markdown(templates, {}, "guidelines/index.md")
    assert "(../templates/prd.md)" in from_elsewhere


def test_gallery_escapes_text_from_front_matter(fixture_template):
    md = tp.gallery_markdown([fixture_template], {}, "templates/index.md")
    assert "Placeholders &amp; friends" in md and "Test fixtures" in md


SQUARE_AND_NESTED = """---
id: decision
title: Decision
description: A decision.
category: Test fixtures
version: "1.0.0"
owner: product-ops
last_reviewed: 2026-11-01
review_every: 6 months
---

# Decision: [the question]

| **Status** | <proposed / decided / superseded by <link>> |
| **Decider** | <one name> |

See [the guide](guide.md) and tick - [ ] when done.
"""


def test_every_placeholder_reaches_the_reader_as_text(tmp_path):
    """Square and angle placeholders, a nested one included, show as text in the preview, the
    source and the copy; the browser sees no <link> or <one> element. Negative control: the
    markdown link beside them still becomes a link."""
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "decision.md").write_text(SQUARE_AND_NESTED, encoding="utf-8")
    [template], problems = load_templates(tmp_path)
    assert problems == []
    preview = tp.preview_html(template, EXTENSIONS, CONFIGS)
    shown = html_mod.unescape(re.sub(r"<[^>]+>", "", preview))
    for placeholder in (
        "[the question]",
        "<proposed / decided / superseded by <link>>",
        "<one name>",
    ):
        assert placeholder in shown
    assert "<link" not in preview and "<one" not in preview
    assert '<a href="guide.md">the guide</a>' in preview
    [copied] = attribute_values(tp.source_html(template), "data-copy")
    assert "<proposed / decided / superseded by <link>>" in copied
    assert "<one name>" in texts(tp.source_html(template), "template-source")[0]
