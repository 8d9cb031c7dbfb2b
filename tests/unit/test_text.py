"""The one escaping rule for data text in markdown (handbook.core.text.md_text), as a property."""

from __future__ import annotations

import html
import re

import markdown
from hypothesis import given, settings
from hypothesis import strategies as st

from handbook.core.text import md_text
from tests.release_fixtures import XSS

# The site's markdown extensions that add inline or block syntax a value could reach.
EXTENSIONS = ["abbr", "attr_list", "def_list", "footnotes", "md_in_html", "tables", "admonition"]
# Text made mostly of the characters markdown and HTML treat specially.
HOSTILE = st.text(
    alphabet=st.sampled_from(list("<>&\"'[]()!*_`#|{}:=-+.1 \\~^ajvscript\n")) | st.characters(),
    max_size=60,
)


def visible(rendered: str) -> str:
    """What a reader sees: the text of the HTML, tags dropped, references resolved."""
    return html.unescape(re.sub(r"<[^>]*>", "", rendered))


@settings(max_examples=400, deadline=None)
@given(HOSTILE)
def test_any_text_stays_text(value: str) -> None:
    out = str(md_text(value))
    assert "<" not in out and ">" not in out and '"' not in out
    # No link, image or reference syntax is left for markdown to read.
    assert re.search(r"\[[^\]]*\]\s*[(\[]", out) is None
    rendered = markdown.markdown(out, extensions=EXTENSIONS)
    # One paragraph of text (or nothing), no other element: the same words the data holds.
    assert re.sub(r"</?p>", "", rendered).count("<") == 0, rendered
    typed = re.sub(r"[\x00-\x1f\x7f-\x9f]", "", " ".join(value.split()))
    assert visible(rendered).strip() == typed.strip()


def test_unescaped_text_is_not_text():
    # Negative control: the same checks fail on the raw value.
    for raw in (XSS, "[x](javascript:alert(1))", "# heading", "*em*"):
        rendered = markdown.markdown(raw, extensions=EXTENSIONS)
        assert re.sub(r"</?p>", "", rendered).count("<") > 0, raw


def test_words_stay_readable():
    assert str(md_text("Plan sprints, track bugs.")) == "Plan sprints, track bugs."
    assert str(md_text("1. not a list")) == "1&#46; not a list"
    assert str(md_text("1.0.0")) == "1.0.0"
