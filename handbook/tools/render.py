"""Render the tool-stack views through Jinja templates in handbook/jinja/ (autoescaped).

Every value from data is escaped on its way out. Views meant for markdown also pass text
through the `md` filter (handbook.core.text.md_text), which neutralises markdown syntax as well as
HTML, so a tool called `<script>` or `**x**` stays literal text.
"""

from __future__ import annotations

import posixpath
import re
from typing import Any

from jinja2 import Environment, FileSystemBytecodeCache
from markupsafe import Markup, escape

from handbook.core.jinja_env import environment
from handbook.releases.formats import long_date

_SAFE_URL = re.compile(r"^(https://|mailto:)[^\s<>\"'()\[\]|`\\]+$")


def safe_url(value: Any) -> Markup:
    """An external link target; anything but a plain https/mailto URL is refused."""
    text = str(value)
    if not _SAFE_URL.match(text):
        raise ValueError(f"refusing to link to {text!r}: not a plain https:// URL")
    return Markup(escape(text))


def money(value: float | None) -> str:
    return "" if value is None else f"{value:,.0f}"


def doc_link(target: str, from_src_uri: str) -> str:
    """Relative markdown link from the page `from_src_uri` to the docs file `target`."""
    start = posixpath.dirname(from_src_uri) or "."
    return posixpath.relpath(target, start)


def _environment() -> Environment:
    env = environment(
        # Compiling these templates is most of the tool pages' cost in a build; Jinja keeps the
        # compiled code in the user's temp folder, keyed by each template's source checksum.
        bytecode_cache=FileSystemBytecodeCache(),
    )
    env.filters.update(url=safe_url, money=money, long_date=long_date)
    return env


_ENV = _environment()  # templates only; holds no data, so safe to keep across builds


def render(template: str, **values: Any) -> Markup:
    """Render a template; its output is safe by construction, so it may nest in another."""
    return Markup(_ENV.get_template(template).render(**values))
