"""Engine-made HTML that goes into an exported page's markdown and comes out unchanged.

In a build the hooks add this HTML after the markdown is rendered; in an export it sits in the
markdown as a raw HTML block. Python-Markdown keeps such a block as it is, but its
preprocessors read the text before that: they expand tabs, turn CR LF into LF, empty lines
that hold only spaces, and pymdownx.superfences takes a line starting with three backticks or
tildes as a code fence, even inside a <pre>. A template's source shows all of these. Written
as character references, they reach the reader as the same characters.
"""

from __future__ import annotations

import re

_REFS = {"\t": "&#9;", "\r": "&#13;", "`": "&#96;", "~": "&#126;"}
_SPECIAL = re.compile("[\t\r`~]")
_BLANK = re.compile(r"(?m)^( +)$")


def inert(html: str) -> str:
    """`html` with the characters markdown preprocessors change written as references.

    For HTML the engine made: its markup holds none of them, so only text and attribute
    values change, and a browser reads the references as the characters.
    """
    html = _SPECIAL.sub(lambda m: _REFS[m.group()], html)
    return _BLANK.sub(lambda m: "&#32;" * len(m.group(1)), html)


def block(html: str) -> str:
    """`html` as a raw block of its own, with blank lines around it."""
    return "\n\n" + inert(html.strip()) + "\n\n"
