"""Freshness of the pages made at build time: one per template, tool and release.

Pure: each page is owned and reviewed where its content lives, so the dashboard, the JSON feed
and `handbook freshness` flag it like any hand-written page.

  template page  templates/<id>.md front matter: owner, last_reviewed, review_every
  tool page      its record in data/tools.yml: owner, last_updated (the tool folder's interval)
  release page   its data/releases/ file: last_updated (page_types.release or the releases
                 folder's interval); owner from data/release_settings.yml
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from handbook.core.context import Handbook
from handbook.core.owners import Owner
from handbook.core.paths import rel
from handbook.core.yamlload import YamlDoc
from handbook.freshness.model import PageFreshness, Policy, assess
from handbook.releases.formats import page_title as release_title
from handbook.releases.formats import page_uri as release_uri
from handbook.releases.model import Release, Settings, load_releases, load_settings
from handbook.templates.model import Template, build_templates
from handbook.tools.macros import stack_of, tool_src_uri
from handbook.tools.model import SOURCE as TOOLS_SOURCE
from handbook.tools.model import ToolStack


def _assess(
    src_uri: str, meta: dict, owners: dict[str, Owner], policy: Policy, today: dt.date
) -> PageFreshness:
    return assess(src_uri, {k: v for k, v in meta.items() if v}, "", owners, policy, today)


def template_pages(
    templates: list[Template], root: Path, owners: dict[str, Owner], policy: Policy, today: dt.date
) -> list[PageFreshness]:
    pages = []
    for t in templates:
        meta = {
            "title": t.title,
            "owner": t.owner,
            "last_reviewed": t.last_reviewed,
            "review_every": t.review_every,
        }
        record = _assess(f"templates/{t.id}.md", meta, owners, policy, today)
        pages.append(replace(record, source=rel(t.path, root)))
    return pages


def tool_pages(
    stack: ToolStack, doc: YamlDoc | None, owners: dict[str, Owner], policy: Policy, today: dt.date
) -> list[PageFreshness]:
    pages = []
    for tool in stack.by_id().values():
        meta = {
            "title": tool.name,
            "owner": tool.owner,
            "last_reviewed": tool.last_updated,
            "page_type": "tool",
        }
        record = _assess(tool_src_uri(tool.id), meta, owners, policy, today)
        line = doc.line_of(("tools", tool.index)) if doc is not None else 0
        pages.append(
            replace(record, source=TOOLS_SOURCE, source_line=line, review_key="last_updated")
        )
    return pages


def release_pages(
    releases: list[Release],
    settings: Settings | None,
    owners: dict[str, Owner],
    policy: Policy,
    today: dt.date,
) -> list[PageFreshness]:
    owner = settings.owner if settings else ""
    pages = []
    for release in releases:
        meta = {
            "title": release_title(release),
            "owner": owner,
            "last_reviewed": release.last_updated,
            "page_type": "release",  # an interval under page_types wins over the folder's
        }
        record = _assess(release_uri(release), meta, owners, policy, today)
        source = release.file
        pages.append(
            replace(record, source=source, source_line=release.line, review_key="last_updated")
        )
    return pages


def generated_pages(handbook: Handbook, policy: Policy) -> list[PageFreshness]:
    """Every generated page of the features that are on, sorted by page path."""
    owners, today, features = handbook.owners, handbook.today, handbook.features
    pages: list[PageFreshness] = []
    if features.templates:
        templates = build_templates(handbook)
        pages += template_pages(templates, handbook.root, owners, policy, today)
    if features.tools:
        doc = handbook.dataset.get("tools.yml")
        pages += tool_pages(stack_of(handbook), doc, owners, policy, today)
    if features.releases:
        releases = handbook.memo("releases", lambda: load_releases(handbook.dataset))
        settings = handbook.memo("release_settings", lambda: load_settings(handbook.dataset))
        pages += release_pages(releases, settings, owners, policy, today)
    return sorted(pages, key=lambda p: p.src_uri)
