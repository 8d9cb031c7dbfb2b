"""Front matter keys that Material for MkDocs and its plugins print, and what each may hold.

Material prints these from a page's front matter without escaping them (its templates do not
autoescape): the text keys in <title>, the header, the nav, the footer, breadcrumbs, the tags
index, <meta> tags and the search index; `status` inside a class attribute; `icon` as part of
a template path. Each key is either escaped on its way to the theme (the text keys, by the
theme hook) or refused here, at the key's line, by `handbook check` and by the build.
Pure: no MkDocs import.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection

from handbook.core.problems import Problem
from handbook.core.text import html_text
from handbook.pages.frontmatter import Page

# Shown as text: escaped by handbook.mkdocs.theme before the theme or a plugin prints them.
TEXT_KEYS = ("title", "subtitle", "description", "author")
# Material's own page statuses, and the one the freshness hook sets; mkdocs.yml's
# `extra.status` names more.
THEME_STATUSES = ("new", "deprecated")
ENGINE_STATUSES = ("stale",)
# A bundled icon's name, as Material's docs write it: material/book-open,
# fontawesome/brands/github, octicons/alert-16. Never a path (no dots, no leading slash).
_ICON = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*(?:/[a-z0-9]+(?:-[a-z0-9]+)*)+$")
# Set by plugins (git-revision-date-localized) as HTML and printed as such: never by a page.
PLUGIN_KEYS = ("git_revision_date_localized", "git_creation_date_localized", "revision_date")
# A tag is a word or a few: no markup, quotes, braces or control characters.
_PLAIN_TAG = re.compile(r"^[^<>&\"'`{}\\\x00-\x1f\x7f]+$")
_SCALAR = (str, int, float, dt.date)


def statuses(extra_status: object = None) -> frozenset[str]:
    """Statuses a page may set: the theme's, the engine's and those mkdocs.yml's
    `extra.status` names (a mapping of name to tooltip, or the names alone)."""
    names = set(THEME_STATUSES) | set(ENGINE_STATUSES)
    if isinstance(extra_status, dict | list | tuple):
        names |= {str(name) for name in extra_status}
    return frozenset(names)


def check_theme_keys(page: Page, allowed_statuses: Collection[str] | None = None) -> list[Problem]:
    """Problems with the front matter keys the theme prints, each at its key's line."""
    allowed = statuses() if allowed_statuses is None else frozenset(allowed_statuses)
    meta = page.meta
    problems: list[Problem] = []

    def add(key: str, message: str) -> None:
        problems.append(Problem(page.file, page.line_of(key), message, key))

    for key in TEXT_KEYS:
        value = meta.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, _SCALAR)):
            add(key, f"must be text, not {type(value).__name__} {value!r}")
    status = meta.get("status")
    if status is not None and (not isinstance(status, str) or status not in allowed):
        add("status", f"{status!r} is not a page status; use one of: {', '.join(sorted(allowed))}")
    icon = meta.get("icon")
    if icon is not None and not (isinstance(icon, str) and _ICON.match(icon)):
        add("icon", f"{icon!r} is not an icon name like material/book-open-variant")
    for key in PLUGIN_KEYS:
        if key in meta:
            add(key, "is set by a plugin, never in front matter; remove it")
    problems.extend(_tag_problems(page))
    return problems


def _tag_problems(page: Page) -> list[Problem]:
    tags = page.meta.get("tags")
    if tags is None:
        return []
    line = page.line_of("tags")
    if not isinstance(tags, list):
        return [Problem(page.file, line, "must be a list of tags, one per line", "tags")]
    problems = []
    for tag in tags:
        if (
            isinstance(tag, bool)
            or not isinstance(tag, str | int)
            or not _PLAIN_TAG.match(str(tag))
        ):
            message = f"tag {tag!r} must be plain words, without <, >, &, quotes or braces"
            problems.append(Problem(page.file, line, message, "tags"))
    return problems


def escaped_text(value: object) -> str:
    """A text key's value as the theme must print it: HTML-escaped, quotes included."""
    return html_text(str(value))
