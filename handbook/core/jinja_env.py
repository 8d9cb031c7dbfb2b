"""The one way this package makes a Jinja environment for its templates in handbook/jinja/.

Autoescaped (data is text, never markup), with the `md` filter (handbook.core.text.md_text) for
data text in markdown templates, and strict about undefined names, so a typo in a
template fails loudly instead of rendering an empty string.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from handbook.core.text import md_text

JINJA_DIR = Path(__file__).parent.parent / "jinja"


def environment(*, trim: bool = True, **options: Any) -> Environment:
    """`trim` drops the newline after a block tag and the indentation before it."""
    env = Environment(
        loader=FileSystemLoader(JINJA_DIR),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=trim,
        lstrip_blocks=trim,
        **options,
    )
    env.filters["md"] = md_text
    return env
