"""The one rule for data text on its way into markdown: it stays text.

Data files and front matter are written by anyone who can open a pull request, so a value must
neither become HTML (`<script>`, an attribute-ending quote) nor markdown that makes HTML (a
`[link](javascript:...)`, an image, emphasis, a table cell break, an attr_list `{...}`).
`md_text` HTML-escapes the value and writes every markdown punctuation character as a numeric
character reference, which markdown leaves alone and the browser shows as the character.
HTML templates get the same guarantee from Jinja's autoescaping (handbook.core.jinja_env).
"""

from __future__ import annotations

import re
from typing import Any

from markupsafe import Markup, escape

# Punctuation that starts markdown syntax anywhere in a line (Python-Markdown with tables,
# attr_list, footnotes, abbr, admonitions and pymdownx). `<`, `>`, `&` and quotes are
# already escaped by `escape`.
_INLINE = re.compile(r"[\\`*_\[\]|{}!~^=:]")
# Punctuation that starts a block only at the beginning of a line: heading, list, quote,
# numbered list ("1. " / "1) "; "1.0.0" is none), setext rule, definition.
_LINE_START = re.compile(r"^(?:[#+\-]|\d+[.)](?=\s|$))")
# Control characters show nothing, and Python-Markdown uses \x02...\x03 as its placeholders
# for stashed HTML: a value holding one could pull a stashed block in.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _ref(char: str) -> str:
    return f"&#{ord(char)};"


def md_text(value: Any) -> Markup:
    """`value` as one line of text that markdown and HTML both show literally.

    Runs of white space become one space and control characters are dropped.
    """
    text = str(escape(_CONTROL.sub("", " ".join(str(value).split()))))
    text = _INLINE.sub(lambda m: _ref(m.group()), text)
    return Markup(_LINE_START.sub(lambda m: m.group()[:-1] + _ref(m.group()[-1]), text))


def html_text(value: Any) -> str:
    """`value` as HTML text or attribute value (quotes escaped), for what the theme prints.

    A plain str, not Markup: MkDocs and plugins copy these values (nav, search index, YAML).
    """
    return str(escape(value))
