"""The pages the build makes from data, and what the hooks fill into them once every page is
rendered: tool mentions, template slots, the freshness dashboard's tables.

In an export each goes into the page's markdown. Links to pages are markdown links to their
.md files (inside HTML, through md_in_html), so every generator resolves them for its own
URLs; links to files the theme publishes are root-relative (Site.file_href).
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from handbook.core import urls
from handbook.core.registry import GeneratedPage, registry
from handbook.export.context import ExportError, Site
from handbook.export.inert import block
from handbook.export.pages import SourcePage, generated_page
from handbook.export.titles import markdown_title
from handbook.freshness.model import PageFreshness, Policy
from handbook.freshness.render import DASHBOARD_URI, Renderer, inline_tables
from handbook.freshness.report import drifted, relative_link
from handbook.pages.links import rewrite_links
from handbook.releases.pages import release_pages
from handbook.templates import pages as tp
from handbook.templates.model import Template, build_templates, versions
from handbook.tools import pages as tool_pages
from handbook.tools.macros import stack_of


@dataclass
class Made:
    pages: list[SourcePage] = field(default_factory=list)
    tools: dict[str, str] = field(default_factory=dict)  # page path -> tool id
    templates: dict[str, Template] = field(default_factory=dict)  # page path -> template


def made_pages(site: Site, existing: set[str]) -> Made:
    """The pages the build makes, in the order its hooks add them."""
    handbook = site.handbook
    on = handbook.features.on
    result = Made()
    listed: list[GeneratedPage] = []
    for feature in registry():
        if feature.pages is not None and on(feature.name):
            listed += feature.pages(handbook)
    if on("releases"):
        listed += release_pages(handbook, site.site_name)
    if on("tools"):
        for tool_id, page in tool_pages.generated_pages(handbook, stack_of(handbook), existing):
            listed.append(page)
            result.tools[page.src_uri] = tool_id
    if on("templates"):
        for template in build_templates(handbook):
            page = tp.template_page(template, handbook.owners)
            listed.append(page)
            result.templates[page.src_uri] = template
    listed.append(GeneratedPage(DASHBOARD_URI, "# Page freshness\n", "Page freshness"))
    result.pages = [generated_page(page) for page in listed]
    return result


def mentions(site: Site, pages: list[SourcePage], made: Made) -> dict[str, list[SourcePage]]:
    """Tool id -> the pages that name the tool in their own words (before macros render)."""
    if not made.tools:
        return {}
    stack = stack_of(site.handbook)
    pattern = tool_pages.mention_pattern(stack)
    found: dict[str, list[SourcePage]] = {}
    for page in pages:
        if page.src_uri not in made.tools:
            for tool_id in tool_pages.mentioned_tools(stack, page.body, pattern):
                found.setdefault(tool_id, []).append(page)
    return found


def fill_tool_pages(
    site: Site, pages: list[SourcePage], made: Made, found: dict[str, list[SourcePage]]
) -> None:
    tools = stack_of(site.handbook).by_id() if made.tools else {}
    for page in pages:
        tool_id = made.tools.get(page.src_uri)
        if tool_id is None:
            continue
        if tool_pages.MENTIONS_MARKER not in page.body:
            raise ExportError(f"{page.src_uri}: the mentions marker is missing")
        listed = [
            (other.plain_title or other.src_uri, relative_link(page.src_uri, other.src_uri))
            for other in sorted(found.get(tool_id, []), key=lambda p: p.src_uri)
        ]
        html_list = tool_pages.mentions_html(tools[tool_id], listed, markdown_links=True)
        page.body = page.body.replace(tool_pages.MENTIONS_MARKER, html_list.strip())


def fill_template_pages(site: Site, pages: list[SourcePage], made: Made) -> None:
    for page in pages:
        template = made.templates.get(page.src_uri)
        if template is None:
            continue
        href = site.file_href(tp.raw_uri(template), page.src_uri)
        # The preview renders as mkdocs.yml writes the extensions, as in a build.
        slots = tp.slot_html(template, href, site.extensions, site.extension_configs)
        try:
            page.body = tp.fill_slots(page.body, {k: block(v) for k, v in slots.items()})
        except ValueError as exc:
            raise ExportError(f"{page.src_uri}: {exc}") from None


def link_static(site: Site, pages: list[SourcePage], static: set[str]) -> None:
    """Markdown links to a file the theme publishes (CHANGELOG.md) become HTML links: the
    generator checks markdown links against docs/, where such a file cannot be (MkDocs would
    read it as a page)."""
    for page in pages:

        def replace(text: str, target: str, href: str, page: SourcePage = page) -> str | None:
            if target not in static:
                return None
            fragment = href.partition("#")[2]
            url = site.file_href(target, page.src_uri) + (f"#{fragment}" if fragment else "")
            return f'<a href="{html.escape(url)}">{text}</a>'

        page.body = rewrite_links(page.body, page.src_uri, replace)


def fill_dashboard(
    site: Site,
    pages: list[SourcePage],
    records: list[PageFreshness],
    renderer: Renderer,
    policy: Policy,
) -> None:
    dashboard = next((p for p in pages if p.src_uri == DASHBOARD_URI), None)
    if dashboard is None:
        return
    links = {p.src_uri: p.edit_url for p in pages if p.record is not None}
    drift = drifted(records, versions(build_templates(site.handbook)))
    markdown, tables = renderer.dashboard(
        records,
        site.handbook.today,
        links,
        drift,
        dashboard_url=urls.site_path(site.url(DASHBOARD_URI)),
        policy=policy,
        markdown_links=True,
    )
    dashboard.body = inline_tables(markdown, tables)
    # The engine's own page, whose markdown starts with its heading: no need to render it.
    dashboard.heading = markdown_title(markdown)
    # Its tables repeat every page title: kept out of search, so searches find the pages.
    dashboard.extra_meta["search"] = {"exclude": True}
