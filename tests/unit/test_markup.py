"""The HTML policy for page bodies, templates and the glossary: harmless markup passes, markup
that runs script, loads a document or restyles the page is refused at its line."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from handbook.pages.html_policy import bad_scheme
from handbook.pages.markup import markup_problems, mask_code
from handbook.pages.published_html import _Tags, may_refuse, published_problems

HARMLESS = """\
Press <kbd>Ctrl</kbd>+<kbd>C</kbd>.<br>
Line two<br/>

<details markdown="1">
<summary>More</summary>

Inside, `<script>alert(1)</script>` and `<img onerror=x>` are code.

</details>

![Board](board.png){ .shadow width="300" loading=lazy }

[Start here](start.md){ .md-button .md-button--primary }

## A heading { #custom-id .wide }

| Column | Other |
| --- | --- |
| cell { .right } | <abbr title="Objectives and key results">OKR</abbr> |

Visit <https://example.com/?a=1> or mail <ops@example.com>; see [docs](https://example.com).

```html
<script>alert(1)</script>
<iframe src="https://example.com"></iframe>
```

~~~
<img src=x onerror=alert(1)>
~~~

Release {version} of {product} ships on {date}.
"""


def test_harmless_markup_passes():
    # Negative control for every refusal below.
    assert markup_problems(HARMLESS, "docs/p.md") == []


REFUSED = [
    ("<img src=x onerror=alert(1)>", "<img>: `onerror` is an event-handler attribute"),
    ("<IMG SRC=x ONERROR=alert(1)>", "<img>: `onerror` is an event-handler attribute"),
    ('<img alt="a>b" src=x onerror=alert(1)//>', "<img>: `onerror` is an event-handler"),
    ("<script>alert(1)</script>", "<script> is not allowed"),
    ("<iframe src=https://example.com></iframe>", "<iframe> is not allowed"),
    ("<object data=x></object>", "<object> is not allowed"),
    ("<embed src=x>", "<embed> is not allowed"),
    ("<style>body{display:none}</style>", "<style> is not allowed"),
    ("<svg><animate attributeName=href/></svg>", "<svg> is not allowed"),
    ('<div style="position:fixed;inset:0">x</div>', "<div>: `style` attributes are not"),
    ('<a href="javascript:alert(1)">x</a>', "<a>: `href` holds a javascript: URL"),
    ('<a href="  JaVa&#x09;Script:alert(1)">x</a>', "<a>: `href` holds a javascript: URL"),
    ('<img src="data:image/svg+xml,<svg onload=alert(1)>">', "<img>: `src` holds a data: URL"),
    ("<feature name>", "<feature> is not an HTML tag pages may use"),
    ("[x](javascript:alert(1))", "link to a javascript: URL is not allowed"),
    ("![x](data:image/png;base64,AAAA)", "link to a data: URL is not allowed"),
    ("[x](java&#115;cript:alert(1))", "link to a javascript: URL is not allowed"),
    ("[x][r]\n\n[r]: vbscript:msgbox(1)", "link reference to a vbscript: URL is not allowed"),
    ("Para\n{: onfocus=alert(1) tabindex=0 autofocus }", "attribute list { onfocus=alert(1)"),
    ("[x](y.md){ onclick=alert(1) }", "`onclick` is an event-handler attribute"),
    ("## Title { style='color:red' }", "`style` attributes are not allowed"),
    ("[x](y.md){ href='javascript:alert(1)' }", "`href` holds a javascript: URL"),
    ("Para\n{ tabindex=0 }", "`tabindex` is not an attribute pages may set (allowed: #id"),
    # Backticks inside a raw HTML block are not code: Markdown leaves the block as it is.
    ("<div>\n\n`<img src=x onerror=alert(1)>`\n\n</div>", "<img>: `onerror` is an event"),
]


@pytest.mark.parametrize(("text", "expected"), REFUSED)
def test_markup_that_runs_or_loads_is_refused_at_its_line(text, expected):
    body = "Intro.\n\n" + text + "\n"
    found = markup_problems(body, "docs/p.md", first_line=7)
    assert found, text
    assert any(expected in p.message for p in found), [str(p) for p in found]
    assert all(p.file == "docs/p.md" and p.key == "html" for p in found)
    # The text starts on line 9 of the file (7 + the two lines before it).
    assert all(9 <= p.line <= 9 + text.count("\n") for p in found)


def test_a_problem_names_the_line_in_the_file():
    body = "Intro.\n\nMore.\n\n<img src=x onerror=alert(1)>\n"
    (problem,) = markup_problems(body, "docs/p.md", first_line=6)
    assert str(problem).startswith("docs/p.md:10: html: <img>: `onerror`")


def test_templates_keep_placeholders_but_not_active_markup():
    placeholders = "Owner: <name, once assigned>\nLink: <link>\n{% if beta %}x{% endif %}\n"
    assert markup_problems(placeholders, "templates/t.md", placeholders=True) == []
    # The same text in a page: the placeholders would vanish as unknown tags.
    assert markup_problems(placeholders, "docs/p.md") != []
    for attack in ("<script>x</script>", "Para\n{: onclick=alert(1) }", "[x](javascript:y)"):
        assert markup_problems(attack, "templates/t.md", placeholders=True), attack


def test_a_glossary_expansion_is_text():
    # The abbr extension makes it an escaped title attribute; a line that is not one is HTML.
    glossary = '*[PRD]: "><img src=x onerror=alert(1)>\n'
    assert markup_problems(glossary, "docs/.includes/abbreviations.md") == []
    (problem,) = markup_problems(glossary + "<img src=x onerror=alert(1)>\n", "g.md")
    assert problem.line == 2


def test_macro_pages_keep_their_jinja():
    text = "{{ tool_catalogue() }}\n\n{% if features.tools %}x{% endif %}\n"
    assert markup_problems(text, "docs/p.md", jinja=True) == []


def test_mask_code_keeps_lines_and_blanks_code_only():
    text = "a `<b>` c\n```\n<script>\n```\nd"
    masked = mask_code(text)
    assert masked.count("\n") == text.count("\n")
    assert "<b>" not in masked and "<script>" not in masked
    assert masked.startswith("a ") and masked.endswith("d")
    # An unclosed fence is no fence: Markdown renders what follows.
    assert "<script>" in mask_code("```\n<script>\n")


@pytest.mark.parametrize(
    ("url", "scheme"),
    [
        ("javascript:x", "javascript"),
        (" \tJAVA\nSCRIPT:x", "javascript"),
        ("\x01vbscript:x", "vbscript"),
        ("data:text/html,x", "data"),
        ("https://example.com/javascript:x", None),
        ("../javascript.md", None),
        ("mailto:a@b", None),
    ],
)
def test_bad_scheme(url, scheme):
    assert bad_scheme(url) == scheme


def test_published_html_finds_what_the_source_check_cannot_see():
    source = "---\ntitle: x\n---\n\n{{ '<scr' ~ 'ipt>' }}\n\n<p>ok</p>\n<b onclick=a>1</b>\n"
    html = '<p><script>alert(1)</script></p><b onclick="a">1</b><a href="java&#115;cript:x">'
    found = [str(p) for p in published_problems(html, "docs/p.md", source)]
    assert found == [
        "docs/p.md:1: html: <a>: `href` holds a javascript: URL (in the HTML the page publishes)",
        "docs/p.md:1: html: <script> is not allowed (it runs or loads code, or restyles the "
        "page) (in the HTML the page publishes)",
        "docs/p.md:8: html: <b>: `onclick` is an event-handler attribute, which would run "
        "script (in the HTML the page publishes)",
    ]


def test_published_html_leaves_the_engines_own_markup_alone():
    # Negative control: the engine's charts are inline SVG with style attributes; Material's
    # task lists, tabs and permalinks are inputs, labels and anchors.
    html = (
        '<svg viewBox="0 0 10 10" style="min-width: 10px"><circle r="1"/><title>t</title></svg>'
        '<input type="checkbox" disabled><label for="x">y</label>'
        '<a class="headerlink" href="#x" title="Permanent link">&para;</a>'
    )
    assert published_problems(html, "docs/p.md", "") == []


def test_published_html_puts_the_nth_finding_on_the_nth_line():
    source = "<b onclick=a>1</b>\ntext\n<i onclick=b>2</i>\n"
    html = '<b onclick="a">1</b><i onclick="b">2</i>'
    assert [p.line for p in published_problems(html, "docs/p.md", source)] == [1, 3]


# Published HTML made of tags with odd names, case, spacing and quoting, URLs written with
# entities and noise, and raw fragments between them: the raw-text screen must send a page to
# the parser whenever the parser would refuse something in it.
NAMES = st.sampled_from(["a", "b", "IMG", "svg", "scRipt", "iframe", "style", "x-on", "form"])
ATTRIBUTES = st.sampled_from(
    ["href", "SRC", "onclick", "OnError", "on", "srcDoc", "style", "data", "title", "xlink:href"]
)
VALUES = st.sampled_from(
    [
        "x",
        "https://example.com/",
        "java&#115;cript:x",
        " &#x6A;ava\tscript&colon;x",
        "\x01vbscript:x",
        "DATA:text/html,x",
        "da&#116;a:x",
        "on=1",
        "a > b",
        "",
    ]
)
QUOTES = st.sampled_from(['"', "'", ""])
GAPS = st.sampled_from([" ", "\t", "/", " / ", "\n"])
TEXT = st.sampled_from(["", "text on the page, data: costs", "&amp;", "<", "=", '"', "'", "on"])


@st.composite
def tags(draw) -> str:
    parts = [f"<{draw(NAMES)}"]
    for _ in range(draw(st.integers(0, 3))):
        quote = draw(QUOTES)
        value = f"={quote}{draw(VALUES)}{quote}" if draw(st.booleans()) else ""
        parts.append(f"{draw(GAPS)}{draw(ATTRIBUTES)}{value}")
    return "".join(parts) + draw(st.sampled_from([">", "/>", ""]))


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(tags(), TEXT), max_size=6).map("".join))
# One of each kind of refusal, alone on the page, every run.
@example("<b srcDoc=x>")
@example("<p>on call</p><b\tOnClick = x>")
@example('<a href=" &#x6A;ava\tscript&colon;x">')
@example("<IMG src=da&#116;a:x>")
@example("<STYLE>")
def test_the_raw_text_screen_passes_everything_the_parser_would_refuse(html):
    parsed = _Tags()
    parsed.feed(html)
    parsed.close()
    if parsed.found:
        assert may_refuse(html), (html, parsed.found)


def test_the_raw_text_screen_lets_an_ordinary_page_through_unparsed():
    # Negative control: the screen does skip pages (otherwise it saves nothing), but not one
    # holding a refused attribute written with entities and noise.
    ordinary = (
        '<h1 id="x">On call</h1><p>Turn it on. Data is owned by <a href="../owners/">ops</a>'
        ' and <a href="https://example.com/?on=1">this</a>.</p><svg style="x"></svg>'
    )
    assert not may_refuse(ordinary)
    assert may_refuse(ordinary + '<a href=" &#x6A;ava\tscript&colon;x">')
