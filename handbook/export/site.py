"""The whole export, in the order a build does the same work: every page, the nav, mkdocs.yml
and the files the hooks would publish.

`export_site(root, handbook)` returns what to write (path -> bytes) and writes nothing; the
command (handbook.cli.export) checks the handbook first and writes the files.
"""

from __future__ import annotations

from pathlib import Path

from handbook.core.context import Handbook
from handbook.core.features import gate
from handbook.export import extras, made, review
from handbook.export.context import Export, ExportError, Site, read_site
from handbook.export.macros import render_pages
from handbook.export.mkdocs_yml import mkdocs_yml
from handbook.export.pages import SourcePage, written_page
from handbook.export.sources import classify
from handbook.export.titles import PageRenderer
from handbook.freshness.model import load_policy
from handbook.freshness.render import DASHBOARD_URI, Renderer
from handbook.pages import readers
from handbook.pages.links import unlink, unlink_markdown
from handbook.releases import formats as release_formats
from handbook.releases.pages import release_files

GENERATORS = ("mkdocs", "zensical")  # mkdocs: stock MkDocs and ProperDocs


def export_site(root: Path, handbook: Handbook, generator: str = "mkdocs") -> Export:
    site = read_site(root, handbook, generator)
    out = Export()
    switches = gate(handbook.features)
    sources = classify(site.docs, site.config, switches)
    written = [_written(site, f.src_uri, f.path) for f in sources if f.kind == "page"]
    generated = made.made_pages(site, {f.src_uri for f in sources})
    pages = written + generated.pages
    _check_unique(pages)
    _nav_titles(site, pages)
    if switches.sections:
        # Links into an off feature's folder become their text, before MkDocs checks them.
        for page in pages:
            page.body = unlink_markdown(
                page.body, page.src_uri, lambda uri: switches.section_of(uri) is not None
            )
    if handbook.features.on("releases"):
        made.link_static(site, pages, {release_formats.CHANGELOG_PATH})
    mentions = made.mentions(site, pages, generated)  # the authors' own words, before macros
    render_pages(site, pages)
    off = [f.src_uri for f in sources if f.kind == "left out" and switches.section_of(f.src_uri)]
    _render(site, pages, frozenset(site.url(uri) for uri in off))
    policy = load_policy(handbook.dataset)
    review.assess_pages(site, pages, policy)
    made.fill_tool_pages(site, pages, generated, mentions)
    made.fill_template_pages(site, pages, generated)
    records = sorted((p.record for p in pages if p.record), key=lambda r: r.src_uri)
    renderer = Renderer()
    made.fill_dashboard(site, pages, records, renderer, policy)
    for page in pages:
        out.add(f"{site.docs_prefix}/{page.src_uri}", review.page_text(site, page, renderer))
    out.pages, out.stale = len(pages), review.stale_lines(pages)
    releases = (
        release_files(handbook, site.site_name, site.site_url, site.directory_urls)
        if handbook.features.on("releases")
        else None
    )
    edit_links = {p.src_uri: p.edit_url for p in pages if p.record}
    extras.published(site, out, records, edit_links, releases)
    static = extras.static_files(site, out, list(generated.templates.values()), releases)
    extras.copied(site, out, sources)
    out.add("mkdocs.yml", mkdocs_yml(site, out, pages, sources, static))
    return out


def _written(site: Site, src_uri: str, path: Path) -> SourcePage:
    name = f"{site.docs_prefix}/{src_uri}"
    try:
        return written_page(path.read_text(encoding="utf-8-sig"), src_uri, name)
    except (OSError, UnicodeDecodeError) as exc:
        raise ExportError(f"{name}: cannot read file: {exc}") from None


def _check_unique(pages: list[SourcePage]) -> None:
    seen: set[str] = set()
    for page in pages:
        if page.src_uri in seen:
            raise ExportError(f"docs/{page.src_uri}: the build makes a page at this path")
        seen.add(page.src_uri)


def _nav_titles(site: Site, pages: list[SourcePage]) -> None:
    from handbook.core import nav as nav_tree

    by_uri = {p.src_uri: p for p in pages}
    for node in nav_tree.pages_of(nav_tree.from_config(site.config.get("nav") or [])):
        page = by_uri.get(node.page or "")
        if page is not None and node.title is not None:
            page.nav_title = node.title


def _render(site: Site, pages: list[SourcePage], left_out: frozenset[str]) -> None:
    """Each page's links into an off feature's folder (raw HTML, macros) unlinked, then, where
    it matters, its markdown rendered as the generator will: the title of a page that has
    none in the nav or its front matter, and the table of contents beside a chart."""
    renderer = PageRenderer(site.extensions, site.extension_configs)
    for page in pages:
        if left_out:
            page.body = unlink(page.body, site.url(page.src_uri), left_out)
        untitled = page.nav_title is None and "title" not in page.meta
        chart = readers.CHART in page.body
        if page.src_uri != DASHBOARD_URI and (untitled or chart):  # the dashboard comes last
            rendered = renderer.render(page.body)
            page.heading, page.toc_empty, page.content = (
                rendered.heading,
                rendered.toc_empty,
                rendered.html,
            )
