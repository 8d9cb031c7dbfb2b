"""Macro `template_gallery()`: the templates as Material grid cards, grouped by category."""

from __future__ import annotations

from handbook.template_pages import gallery_markdown
from handbook.templates import Template, load_templates
from handbook.validate import Handbook


def build_templates(handbook: Handbook) -> list[Template]:
    """This build's templates, read once per build (problems already failed the build)."""
    return handbook.memo("templates", lambda: load_templates(handbook.root)[0])


def register(env, handbook: Handbook) -> None:
    @env.macro
    def template_gallery() -> str:
        """Cards linking to each template's page; use on a page with `render_macros: true`."""
        templates = build_templates(handbook)
        names = {owner_id: owner.name for owner_id, owner in handbook.owners.items()}
        return gallery_markdown(templates, names, env.page.file.src_uri)
