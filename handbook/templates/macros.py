"""Macro `template_gallery()`: the templates as Material grid cards, grouped by category."""

from __future__ import annotations

from handbook.core.context import Handbook
from handbook.templates.model import build_templates
from handbook.templates.pages import gallery_markdown


def register(env, handbook: Handbook) -> None:
    @env.macro
    def template_gallery() -> str:
        """The template gallery: cards linking to each template's page, grouped by category.

        Example: {{ template_gallery() }}
        """
        templates = build_templates(handbook)
        names = {owner_id: owner.name for owner_id, owner in handbook.owners.items()}
        return gallery_markdown(templates, names, env.page.file.src_uri)
