"""The text of a new page made from a template (pure; `handbook new` writes it)."""

from __future__ import annotations

import datetime as dt
import re

import yaml

from handbook.templates.model import TEMPLATE_ONLY_FIELDS, Template

_FIRST_H1 = re.compile(r"\A(\s*)# [^\n]*")


def front_matter(template: Template, title: str, owner: str, today: dt.date) -> dict:
    """The page's front matter: its own title and owner, reviewed today, and where it came from."""
    meta: dict = {"title": title, "owner": owner, "last_reviewed": today}
    if template.review_every:
        meta["review_every"] = template.review_every
    meta["template"] = template.ref
    # Anything else the template's front matter carries (e.g. tags) belongs to the page too.
    meta.update({k: v for k, v in template.meta.items() if k not in TEMPLATE_ONLY_FIELDS})
    return meta


def new_page_text(template: Template, title: str, owner: str, today: dt.date) -> str:
    meta = front_matter(template, title, owner, today)
    dumped = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1000)
    # The template's first heading names the kind of document; the page's names this one.
    body = _FIRST_H1.sub(lambda m: f"{m.group(1)}# {title}", template.body.lstrip("\n"), count=1)
    return f"---\n{dumped}---\n\n{body}"
