"""mkdocs-macros module: the macros a page can use once it opts in with `render_macros: true`.

Thin adapter: what a page sees is decided in handbook.pages.macro_env; each feature module
exposes `register(env, handbook)` and keeps its logic pure.
"""

from __future__ import annotations

from handbook.mkdocs.adapter import get_handbook
from handbook.mkdocs.state import build_state
from handbook.pages import macro_env
from handbook.pages.frontmatter import rendered_body_line
from handbook.pages.sandbox import (
    WITHHELD,
    WITHHELD_FILTERS,
    page_view,
    sandbox,
    start_page,
)


def on_pre_page_macros(env) -> None:
    """Before each page renders: the sandbox (the plugin creates its Jinja environment after
    define_env), a fresh budget, and plain copies in place of the live MkDocs objects."""
    sandbox(env.env)
    page = env.page
    name = f"{build_state(env.conf).docs_prefix}/{page.file.src_uri}"
    start_page(env.env, name, rendered_body_line(page.file.content_string))
    # The plugin sets `files` and `navigation` in on_nav and a copy of the live page here.
    for name in WITHHELD:
        env.variables.pop(name, None)
        env.env.globals.pop(name, None)
    env.variables["page"] = page_view(page.title, page.url, page.file.src_uri, page.meta)


def define_env(env) -> None:
    # What mkdocs-macros gives every page by default that a handbook page has no use for: the
    # build's config (values from !ENV included), the machine and git details, and macros
    # that print them. A page sees the handbook's own macros and data, nothing else.
    for name in WITHHELD:
        env.macros.pop(name, None)
        env.variables.pop(name, None)
    for name in WITHHELD_FILTERS:
        env.filters.pop(name, None)
    macro_env.register(env, get_handbook(env.conf))
