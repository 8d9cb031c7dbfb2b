"""What the export puts into markdown comes out of Python-Markdown as intended: engine-made
HTML unchanged (handbook.export.inert), task-list checkboxes named by the engine's extension
(handbook.markdown_ext.tasklist_labels), and titles read as MkDocs reads them."""

from __future__ import annotations

import html

import markdown
import pytest

from handbook.export.inert import block
from handbook.export.titles import PageRenderer, fallback_title, markdown_title
from handbook.markdown_ext.tasklist_labels import label_task_checkboxes

EXTENSIONS = ["md_in_html", "pymdownx.superfences", "pymdownx.tasklist"]
# A template's source in a <pre>: a fence, a tab, CR LF, a line of spaces.
SOURCE = "```sh\nrun\tit\r\n```\n   \nend"
PRE = f'<div class="template-source"><pre><code>{html.escape(SOURCE)}</code></pre></div>'


def code_text(page: str) -> str:
    start = page.index("<code>") + len("<code>")
    return html.unescape(page[start : page.index("</code>")])


def test_engine_html_in_markdown_comes_out_unchanged():
    out = markdown.markdown("Intro\n" + block(PRE) + "After\n", extensions=EXTENSIONS)
    assert code_text(out) == SOURCE
    # Negative control: as it is, the fence inside the <pre> is taken for a code block.
    raw = markdown.markdown("Intro\n\n" + PRE + "\n\nAfter\n", extensions=EXTENSIONS)
    assert "<code>" not in raw or code_text(raw) != SOURCE


TASKS = "- [ ] Request access to *Tracker*\n- [x] Ship a change\n"


def test_the_extension_names_each_checkbox_after_its_task():
    config = {"pymdownx.tasklist": {"custom_checkbox": True}}
    named = markdown.markdown(
        TASKS,
        extensions=["pymdownx.tasklist", "handbook.markdown_ext.tasklist_labels"],
        extension_configs=config,
    )
    assert 'aria-label="Request access to Tracker"' in named
    assert 'aria-label="Ship a change"' in named
    # Negative control: pymdownx.tasklist alone leaves them nameless.
    bare = markdown.markdown(TASKS, extensions=["pymdownx.tasklist"], extension_configs=config)
    assert "aria-label" not in bare
    assert label_task_checkboxes(bare) == named


def test_titles_as_mkdocs_reads_them():
    renderer = PageRenderer(["toc", "attr_list"], {"toc": {"permalink": True}})
    assert renderer.render("# Ways of *working* { #ways }\n\nText\n").heading == "Ways of working"
    assert renderer.render("Intro\n\n# Later heading\n").heading is None
    assert renderer.render("# Only\n\nText\n").toc_empty
    assert not renderer.render("# Title\n\n## Part\n").toc_empty
    assert markdown_title("\n# Draft title\n\ntext") == "Draft title"
    assert markdown_title("text\n# Not first") is None
    assert fallback_title("guidelines/bug-triage.md") == "Bug triage"
    assert fallback_title("index.md") == "Home"
    assert fallback_title("tools/index.md") == "Index"  # MkDocs' own, from the file name


@pytest.mark.parametrize(
    "text",
    [
        "plain {{ x }} {% if %}",
        "{% endraw %}",
        "a{%endraw%}b",
        "{%- endraw -%}\r\n",
        "{%+ endraw\n%}",
    ],
)
def test_a_theme_file_renders_as_itself_whatever_it_holds(text):
    from jinja2 import Environment

    from handbook.export.extras import _jinja_verbatim

    template = _jinja_verbatim(text.encode("utf-8")).decode("utf-8")
    assert Environment(keep_trailing_newline=True).from_string(template).render() == text
