"""The whole export: every page, the nav, mkdocs.yml and the files the hooks would publish.

`export_site(root, handbook)` returns what to write (path -> bytes) and touches nothing; the
command (handbook.cli.export) checks the handbook first and writes the files.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from handbook import __version__
from handbook.core import nav as nav_tree
from handbook.core import search_worker, urls
from handbook.core.context import Handbook
from handbook.core.features import gate as feature_gate
from handbook.core.paths import docs_dir, rel
from handbook.core.registry import GeneratedPage, registry
from handbook.core.report import read_report_settings
from handbook.core.site_settings import nav_section_limit, read_site_settings
from handbook.export import config as cfg
from handbook.export.inert import block
from handbook.export.macros import MacroPage, MacroSettings, PageFile, PageMacros
from handbook.export.pages import SourcePage, front_matter
from handbook.export.sources import classify
from handbook.export.titles import PageRenderer, markdown_title
from handbook.freshness.generated import generated_pages
from handbook.freshness.model import (
    PageFreshness,
    assess,
    edit_url,
    load_policy,
    source_edit_url,
    source_view_url,
    stale_message,
)
from handbook.freshness.render import DASHBOARD_URI, Renderer, inline_tables
from handbook.freshness.report import drifted, relative_link
from handbook.markdown_ext import TASKLIST_LABELS
from handbook.pages import readers
from handbook.pages.frontmatter import parse_page, rendered_body_line
from handbook.pages.links import rewrite_links, unlink, unlink_markdown
from handbook.pages.snippets import snippet_paths, snippet_refusal
from handbook.releases import formats as release_formats
from handbook.releases.pages import release_files, release_pages
from handbook.templates import pages as tp
from handbook.templates.model import Template, build_templates, versions
from handbook.tools import pages as tool_pages
from handbook.tools.macros import stack_of

ENGINE = Path(__file__).resolve().parent.parent
THEME_DIRS = (ENGINE / "theme", Path(__file__).resolve().parent / "theme")
ASSETS = {"stylesheets": "*.css", "javascripts": "*.js"}
STYLES_URI = "assets/handbook"
THEME_OUT = "overrides"
# The task-list label extension, copied beside the export's mkdocs.yml (run the build from
# there, or with that folder on PYTHONPATH): the build needs no engine.
LABELS_MODULE = "handbook_tasklist_labels"
FEED_URI = "freshness.json"
STALE_STATUS_TITLE = "Review overdue"


class ExportError(ValueError):
    """The handbook cannot be exported as it is; the message names the file and why."""


@dataclass
class Export:
    files: dict[str, bytes] = field(default_factory=dict)  # export-relative path -> content
    notes: list[str] = field(default_factory=list)  # what the person should know
    stale: list[str] = field(default_factory=list)  # a line per stale page
    pages: int = 0

    def add(self, path: str, content: str | bytes) -> None:
        if path in self.files:
            raise ExportError(f"{path}: written twice by the export")
        self.files[path] = content.encode("utf-8") if isinstance(content, str) else content


@dataclass
class _Site:
    """What every step reads: the handbook, mkdocs.yml and its settings."""

    root: Path
    handbook: Handbook
    config: dict[str, Any]
    docs: Path
    docs_prefix: str
    site_url: str
    site_name: str
    repo_url: str
    repo_name: str
    edit_uri: str | None
    directory_urls: bool
    extensions: list[str]
    extension_configs: dict[str, dict]

    def url(self, src_uri: str) -> str:
        """MkDocs' File.url of a page."""
        return urls.page_url(src_uri, self.directory_urls) or "./"


def export_site(root: Path, handbook: Handbook) -> Export:
    config = cfg.read_config(root)
    settings = read_site_settings(root)
    docs = docs_dir(root)
    names, options = cfg.extensions(config)
    names = [*names, TASKLIST_LABELS] if _labels_missing(names) else names
    site = _Site(
        root=root,
        handbook=handbook,
        config=config,
        docs=docs,
        docs_prefix=rel(docs, root),
        site_url=settings.site_url,
        site_name=str(config.get("site_name") or ""),
        repo_url=settings.repo_url,
        repo_name=str(config.get("repo_name") or _repo_name(settings.repo_url)),
        edit_uri=settings.edit_uri,
        directory_urls=settings.use_directory_urls,
        extensions=names,
        extension_configs=cfg.resolve(options, root),
    )
    out = Export()
    switches = feature_gate(handbook.features)
    sources = classify(docs, config, switches)
    left_out = frozenset(
        site.url(f.src_uri)
        for f in sources
        if f.kind == "left out" and switches.section_of(f.src_uri)
    )
    written = [_written(site, f.src_uri, f.path) for f in sources if f.kind == "page"]
    existing = {f.src_uri for f in sources}
    made, tool_ids, templates = _made_pages(site, existing)
    pages = written + made
    _check_unique(pages)
    nav = nav_tree.from_config(config.get("nav") or [])
    _nav_titles(nav, pages)
    for page in pages:
        if switches.sections:
            # Links into an off feature's folder become their text before the generator sees them.
            page.body = unlink_markdown(
                page.body, page.src_uri, lambda uri: switches.section_of(uri) is not None
            )
    if handbook.features.on("releases"):
        _link_static(site, pages, {release_formats.CHANGELOG_PATH})
    mentions = _mentions(site, pages, tool_ids)
    _render_macros(site, written)
    renderer = PageRenderer(site.extensions, site.extension_configs)
    for page in pages:
        if left_out:
            page.body = unlink(page.body, site.url(page.src_uri), left_out)
        if page.src_uri != DASHBOARD_URI:
            rendered = renderer.render(page.body)
            page.heading, page.toc_empty, page.content = (
                rendered.heading,
                rendered.toc_empty,
                rendered.html,
            )
    policy = load_policy(handbook.dataset)
    freshness = Renderer()
    _assess(site, pages, policy)
    _fill_tool_pages(site, pages, tool_ids, mentions)
    _fill_template_pages(site, pages, templates)
    records = sorted((p.record for p in pages if p.record is not None), key=lambda r: r.src_uri)
    _fill_dashboard(site, pages, records, freshness, policy)
    for page in pages:
        _notices(site, page, freshness, out)
        out.add(f"{site.docs_prefix}/{page.src_uri}", _page_text(site, page, freshness))
    out.pages = len(pages)
    links = {p.src_uri: p.edit_url for p in pages if p.record is not None}
    feed = [r.record(site.site_url, links[r.src_uri]) for r in records]
    out.add(f"{site.docs_prefix}/{FEED_URI}", json.dumps(feed, indent=2, ensure_ascii=False) + "\n")
    static = _site_files(site, out, templates)
    homeless = _nav(site, nav, pages, sources)
    _copy_sources(site, out, sources)
    out.add("mkdocs.yml", _mkdocs_yml(site, out, nav, homeless, static))
    out.add(f"{LABELS_MODULE}.py", (ENGINE / "markdown_ext" / "tasklist_labels.py").read_bytes())
    out.add("README.md", _readme(site))
    return out


# ---------------------------------------------------------------------------------------------
# Pages


def _written(site: _Site, src_uri: str, path: Path) -> SourcePage:
    text = path.read_text(encoding="utf-8-sig")
    name = f"{site.docs_prefix}/{src_uri}"
    parsed, problems = parse_page(text, name)
    if problems:
        raise ExportError(str(problems[0]))
    body = parsed.body.lstrip("\n")
    return SourcePage(src_uri, dict(parsed.meta), body, rendered_body_line(text))


def _generated(made: GeneratedPage) -> SourcePage:
    parsed, _ = parse_page(made.markdown, made.src_uri)
    return SourcePage(made.src_uri, dict(parsed.meta), parsed.body.lstrip("\n"), generated=True)


def _made_pages(
    site: _Site, existing: set[str]
) -> tuple[list[SourcePage], dict[str, str], dict[str, Template]]:
    """The pages the build makes, in the order its hooks add them; tool pages by tool id and
    templates by page path, for what is filled in once every page is rendered."""
    handbook = site.handbook
    made: list[tuple[GeneratedPage, tuple[str, ...], str | None]] = []
    for feature in registry():
        if feature.pages is not None and handbook.features.on(feature.name):
            made += [(page, page.group, page.order) for page in feature.pages(handbook)]
    if handbook.features.on("releases"):
        made += [(p, p.group, p.order) for p in release_pages(handbook, site.site_name)]
    tool_ids: dict[str, str] = {}
    if handbook.features.on("tools"):
        for tool_id, page in tool_pages.generated_pages(handbook, stack_of(handbook), existing):
            made.append((page, page.group, page.order))
            tool_ids[page.src_uri] = tool_id
    templates: dict[str, Template] = {}
    if handbook.features.on("templates"):
        for template in build_templates(handbook):
            page = tp.template_page(template, handbook.owners)
            made.append((page, (), None))
            templates[page.src_uri] = template
    dashboard = GeneratedPage(DASHBOARD_URI, "# Page freshness\n", "Page freshness")
    made.append((dashboard, (), None))
    pages = []
    for page, group, order in made:
        source = _generated(page)
        source.group, source.order = group, order if order is not None else page.title.lower()
        pages.append(source)
    return pages, tool_ids, templates


def _check_unique(pages: list[SourcePage]) -> None:
    seen: set[str] = set()
    for page in pages:
        if page.src_uri in seen:
            raise ExportError(
                f"docs/{page.src_uri}: the build makes a page at this path; remove one"
            )
        seen.add(page.src_uri)


def _nav_titles(nodes: list[nav_tree.NavNode], pages: list[SourcePage]) -> None:
    by_uri = {p.src_uri: p for p in pages}
    for node in nav_tree.pages_of(nodes):
        page = by_uri.get(node.page or "")
        if page is not None and node.title is not None:
            page.nav_title = node.title


def _mentions(site: _Site, pages: list[SourcePage], tool_ids: dict[str, str]) -> dict[str, list]:
    """Tool id -> the pages that name it in their own words (before macros render)."""
    if not tool_ids:
        return {}
    stack = stack_of(site.handbook)
    pattern = tool_pages.mention_pattern(stack)
    found: dict[str, list[SourcePage]] = {}
    for page in pages:
        if page.src_uri not in tool_ids:
            for tool_id in tool_pages.mentioned_tools(stack, page.body, pattern):
                found.setdefault(tool_id, []).append(page)
    return found


def _render_macros(site: _Site, written: list[SourcePage]) -> None:
    options = cfg.plugin_options(site.config, "macros")
    if options is None:
        return
    settings = MacroSettings.read(cfg.resolve(options, site.root), site.root, site.docs)
    conf = {
        "site_url": site.site_url,
        "use_directory_urls": site.directory_urls,
        "repo_url": site.repo_url or None,
        "site_name": site.site_name,
    }
    extra = site.config.get("extra") if isinstance(site.config.get("extra"), dict) else {}
    macros = PageMacros(site.handbook, settings, conf, cfg.resolve(extra, site.root))
    for page in written:
        if not macros.renders(page.meta):
            continue
        name = f"{site.docs_prefix}/{page.src_uri}"
        title = page.nav_title or page.meta.get("title") or markdown_title(page.body)
        view = MacroPage(
            str(title or _fallback(page)),
            site.url(page.src_uri),
            PageFile(page.src_uri, page.src_uri),
            page.meta,
        )
        page.body = macros.render(page.body, view, name, page.body_line)
        if page.nav_title is None and "title" in page.meta:
            meta_title = str(page.meta["title"])
            if macros.has_jinja(meta_title):
                page.meta["title"] = macros.render(meta_title, view, name, 1)


def _fallback(page: SourcePage) -> str:
    from handbook.export.titles import fallback_title

    return fallback_title(page.src_uri)


def _assess(site: _Site, pages: list[SourcePage], policy) -> None:
    """Each page's freshness record and edit link, as the freshness hook makes them."""
    handbook = site.handbook
    made = {p.src_uri: p for p in generated_pages(handbook, policy)}
    for page in pages:
        if page.generated:
            record = made.get(page.src_uri)
            if record is None:
                continue  # the dashboard itself
            page.edit_url = source_edit_url(
                site.repo_url, site.edit_uri, site.docs_prefix, record.path
            )
            page.view_link = source_view_url(page.edit_url, record.source_line)
        else:
            uses = handbook.data_uses.get(page.src_uri, [])
            record = assess(
                page.src_uri, page.meta, page.body, handbook.owners, policy, handbook.today, uses
            )
            page.edit_url = edit_url(site.repo_url, site.edit_uri, page.src_uri)
        record = replace(
            record, site_path=urls.site_path(site.url(page.src_uri)), docs=site.docs_prefix
        )
        if page.title:
            record = replace(record, title=page.title)
        page.record = record
        if record.status == "stale":
            page.extra_meta.setdefault("status", page.meta.get("status", "stale"))


def _fill_tool_pages(
    site: _Site, pages: list[SourcePage], tool_ids: dict[str, str], mentions: dict[str, list]
) -> None:
    if not tool_ids:
        return
    tools = stack_of(site.handbook).by_id()
    for page in pages:
        tool_id = tool_ids.get(page.src_uri)
        if tool_id is None:
            continue
        if tool_pages.MENTIONS_MARKER not in page.body:
            raise ExportError(f"{page.src_uri}: the mentions marker is missing")
        listed = [
            (other.plain_title or other.src_uri, relative_link(page.src_uri, other.src_uri))
            for other in sorted(mentions.get(tool_id, []), key=lambda p: p.src_uri)
        ]
        made = tool_pages.mentions_html(tools[tool_id], listed, markdown_links=True)
        page.body = page.body.replace(tool_pages.MENTIONS_MARKER, made.strip())


def _file_href(site: _Site, path: str, from_src_uri: str) -> str:
    """An href in raw HTML to a file the theme publishes (not a docs file, so not a markdown
    link): root-relative under site_url's path, as a generator that re-resolves relative links
    in raw HTML would misread `prd.md` from the page at templates/prd/; relative without one."""
    if not site.site_url:
        return urls.relative_url(site.url(from_src_uri), path)
    return urlsplit(site.site_url).path.rstrip("/") + "/" + path


def _link_static(site: _Site, pages: list[SourcePage], static: set[str]) -> None:
    """Markdown links to a file the theme publishes become HTML links: the generator checks
    markdown links against docs/, where such a file is not (MkDocs would read it as a page)."""

    def replace(text: str, target: str, href: str) -> str | None:
        if target not in static:
            return None
        fragment = href.partition("#")[2]
        url = _file_href(site, target, page.src_uri) + (f"#{fragment}" if fragment else "")
        return f'<a href="{html.escape(url)}">{text}</a>'

    for page in pages:
        page.body = rewrite_links(page.body, page.src_uri, replace)


def _fill_template_pages(
    site: _Site, pages: list[SourcePage], templates: dict[str, Template]
) -> None:
    for page in pages:
        template = templates.get(page.src_uri)
        if template is None:
            continue
        href = _file_href(site, tp.raw_uri(template), page.src_uri)
        slots = tp.slot_html(template, href, site.extensions, _as_written(site))
        try:
            page.body = tp.fill_slots(page.body, {k: block(v) for k, v in slots.items()})
        except ValueError as exc:
            raise ExportError(f"{page.src_uri}: {exc}") from None


def _as_written(site: _Site) -> dict[str, dict]:
    """Extension settings for a template preview: as mkdocs.yml writes them."""
    return site.extension_configs


def _fill_dashboard(
    site: _Site, pages: list[SourcePage], records: list[PageFreshness], freshness: Renderer, policy
) -> None:
    dashboard = next((p for p in pages if p.src_uri == DASHBOARD_URI), None)
    if dashboard is None:
        return
    handbook = site.handbook
    links = {p.src_uri: p.edit_url for p in pages if p.record is not None}
    drift = drifted(records, versions(build_templates(handbook)))
    markdown, tables = freshness.dashboard(
        records,
        handbook.today,
        links,
        drift,
        dashboard_url=urls.site_path(site.url(DASHBOARD_URI)),
        policy=policy,
        markdown_links=True,
    )
    dashboard.body = inline_tables(markdown, tables)
    # The engine's own page: its title is its first line's heading.
    dashboard.heading = markdown_title(markdown)
    # Its tables repeat every page title: kept out of search, so searches find the pages.
    dashboard.extra_meta["search"] = {"exclude": True}


def _notices(site: _Site, page: SourcePage, freshness: Renderer, out: Export) -> None:
    record = page.record
    if record is None:
        return
    today = site.handbook.today
    if record.status == "stale":
        out.stale.append(stale_message(record))
    if record.status != "fresh":
        page.notice = freshness.notice(record, today, page.edit_url)
    page.footer = freshness.footer(record, page.view_link)


def _page_text(site: _Site, page: SourcePage, freshness: Renderer) -> str:
    handbook = site.handbook
    settings = read_report_settings((_engine_settings(site)).get("report"))
    owner = None
    if page.record is None:
        owner = handbook.owners.get(str(page.meta.get("owner", "")))
    url = urljoin(site.site_url, site.url(page.src_uri)) if site.site_url else ""
    site_path = urls.site_path(site.url(page.src_uri))
    link = readers.report(
        settings,
        site.repo_url or None,
        site.repo_name,
        site.site_name if page.is_home else page.shown or site.site_name,
        url or urls.absolute_url(site.site_url, site_path) or site_path,
        page.record,
        owner,
    )
    notice = readers.stale_notice(freshness, page.record, handbook.today, page.edit_url)
    theme = readers.theme_values(link, page.record, notice)
    theme["report"] = vars(link) if link is not None else None
    # A generated page is edited where it is made from (the dashboard nowhere).
    theme["edit_url"] = page.edit_url if page.generated else None
    if readers.needs_room_for_chart(page.content, page.toc_empty):
        page.extra_meta["hide"] = readers.hidden_with_toc(page.meta.get("hide"))
    meta = front_matter(page, theme)
    body = page.body
    if page.notice:
        body = block(page.notice).lstrip("\n") + body
    if page.footer:
        body = body.rstrip("\n") + block(page.footer)
    return cfg.dump_front_matter(meta) + body


# ---------------------------------------------------------------------------------------------
# Nav


def _nav(
    site: _Site, nav: list[nav_tree.NavNode], pages: list[SourcePage], sources: list
) -> list[str]:
    """The nav with generated pages in it, as the data hook makes it; the pages that found
    no section (they are listed in not_in_nav)."""
    if not site.config.get("nav"):
        return []
    left_out = {f.src_uri for f in sources if f.kind == "left out"}
    pruned = nav_tree.prune(nav, lambda node: node.page in left_out)
    nav[:] = pruned
    made = sorted((p for p in pages if p.generated), key=lambda p: p.order)
    placed = [(nav_tree.NavNode(page=p.src_uri), p.group) for p in made]
    homeless = nav_tree.slot(nav, placed)
    limit = nav_section_limit(_engine_settings(site))
    nav_tree.split_long_sections(nav, limit)
    by_uri = {p.src_uri: p for p in pages}
    for node in nav_tree.pages_of(nav):
        listed = by_uri.get(node.page or "")
        if listed is not None and (node.title is not None or listed.is_home):
            # The theme prints nav titles as they are: the hook escapes them.
            node.title = listed.shown
    return [node.page or "" for node in homeless]


# ---------------------------------------------------------------------------------------------
# Files besides the pages


def _engine_settings(site: _Site) -> dict:
    extra = site.config.get("extra")
    own = extra.get("handbook") if isinstance(extra, dict) else None
    return dict(own) if isinstance(own, dict) else {}


def _site_files(site: _Site, out: Export, templates: dict[str, Template]) -> list[str]:
    """The engine's assets, the feed, the changelog and the template downloads; returns the
    theme's static templates (files a generator would read as pages if they were in docs/)."""
    handbook = site.handbook
    prefix = site.docs_prefix
    for folder in ASSETS:
        for uri in _assets(folder):
            out.add(f"{prefix}/{uri}", (ENGINE / "assets" / folder / Path(uri).name).read_bytes())
    search = cfg.plugin_options(site.config, "search")
    if search is not None and search_worker.stemming(search):
        text = search_worker.wrapper_text(search_worker.material_worker())
        out.add(f"{prefix}/{search_worker.WRAPPER}", text)
    static: list[str] = []
    if handbook.features.on("releases"):
        made = release_files(handbook, site.site_name, site.site_url or None, site.directory_urls)
        out.add(f"{prefix}/{release_formats.FEED_PATH}", made.feed)
        static.append(_static(out, release_formats.CHANGELOG_PATH, made.changelog.encode()))
    for template in templates.values():
        static.append(_static(out, tp.raw_uri(template), template.path.read_bytes()))
    return static


def _static(out: Export, path: str, data: bytes) -> str:
    """A file published as it is at `path` by the theme (static_templates), byte for byte:
    MkDocs reads every .md file in docs/ as a page, and a theme file as a Jinja template, so
    its text is wrapped in {% raw %}, with a CR written as an expression (Jinja turns line
    endings into LF)."""
    text = data.decode("utf-8")
    pieces = []
    for index, part in enumerate(text.split("\r")):
        if index:
            pieces.append('{{ "\\r" }}')
        if part:
            safe = part.replace("{% endraw %}", '{% endraw %}{{ "{% endraw %}" }}{% raw %}')
            pieces.append("{% raw %}" + safe + "{% endraw %}")
    out.add(f"{THEME_OUT}/{path}", "".join(pieces))
    return path


def _copy_sources(site: _Site, out: Export, sources: list) -> None:
    """Files of docs/ that are not built pages, as they are; and what snippets pull in from
    outside docs/ (the glossary, a shared table)."""
    for item in sources:
        if item.kind == "copy":
            out.add(f"{site.docs_prefix}/{item.src_uri}", item.path.read_bytes())
    wanted: list[str] = list(_snippet_options(site).get("auto_append") or [])
    for path in sorted(site.docs.rglob("*.md")):
        try:
            wanted += [p for _line, p in snippet_paths(path.read_text(encoding="utf-8"))]
        except (OSError, UnicodeDecodeError):
            continue
    for name in sorted(set(wanted)):
        source = site.root / name
        target = Path(name).as_posix()
        if snippet_refusal(site.root, name) or not source.is_file() or target in out.files:
            continue
        out.add(target, source.read_bytes())
    theme = _theme_files(site)
    for name, data in sorted(theme.items()):
        if f"{THEME_OUT}/{name}" not in out.files:
            out.add(f"{THEME_OUT}/{name}", data)


def _snippet_options(site: _Site) -> dict:
    return site.extension_configs.get("pymdownx.snippets") or {}


def _theme_files(site: _Site) -> dict[str, bytes]:
    """The theme folder of the export: the handbook's own custom_dir first (it wins, as in a
    build), then the engine's partials and the export's own."""
    found: dict[str, bytes] = {}
    theme = site.config.get("theme") if isinstance(site.config.get("theme"), dict) else {}
    custom = theme.get("custom_dir") if isinstance(theme, dict) else None
    folders = [site.root / str(custom)] if custom else []
    for folder in [*folders, *THEME_DIRS]:
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            name = path.relative_to(folder).as_posix()
            if path.is_file() and "__pycache__" not in name:
                found.setdefault(name, path.read_bytes())
    return found


def _mkdocs_yml(
    site: _Site, out: Export, nav: list[nav_tree.NavNode], homeless: list[str], static: list[str]
) -> str:
    config = dict(site.config)
    config.pop("hooks", None)
    config.pop("watch", None)  # data/, templates/ and hooks/ are not in the export
    config["plugins"] = cfg.without_plugin(config, "macros")
    if site.site_url:
        # The feed, freshness.json and page links are written for this address.
        config["site_url"] = site.site_url
    theme = dict(config.get("theme") or {}) if isinstance(config.get("theme"), dict) else {}
    theme["custom_dir"] = THEME_OUT
    theme["static_templates"] = [*list(theme.get("static_templates") or []), *static]
    config["theme"] = theme
    engine_css = [
        f"{STYLES_URI}/{p.name}" for p in sorted((ENGINE / "assets" / "stylesheets").glob("*.css"))
    ]
    engine_js = [
        f"{STYLES_URI}/{p.name}" for p in sorted((ENGINE / "assets" / "javascripts").glob("*.js"))
    ]
    config["extra_css"] = _with(config.get("extra_css"), engine_css)
    config["extra_javascript"] = _with(config.get("extra_javascript"), engine_js)
    extra = dict(config.get("extra") or {}) if isinstance(config.get("extra"), dict) else {}
    status = dict(extra.get("status") or {}) if isinstance(extra.get("status"), dict) else {}
    status.setdefault("stale", STALE_STATUS_TITLE)
    extra["status"] = status
    own = _engine_settings(site)
    if own.get("search") == "pagefind":
        out.notes.append(
            "extra.handbook.search is pagefind: the export uses Material's search (Pagefind "
            "indexes the site after a build, which needs the engine's hook)"
        )
    own["search"] = "material"
    own["feed"] = site.handbook.features.on("releases")
    search = cfg.plugin_options(site.config, "search")
    stemmed = search is not None and search_worker.stemming(search)
    own["search_worker"] = (
        search_worker.theme_setting(search_worker.material_worker()) if stemmed else None
    )
    extra["handbook"] = own
    config["extra"] = extra
    config["markdown_extensions"] = _extensions(config.get("markdown_extensions") or [])
    if config.get("nav"):
        config["nav"] = nav_tree.to_config(nav)
    if homeless:
        listed = str(config.get("not_in_nav") or "").rstrip("\n")
        lines = [line for line in [listed, *(f"/{uri}" for uri in homeless)] if line]
        config["not_in_nav"] = "\n".join(lines) + "\n"
    header = (
        f"# Written by `handbook export` (product-ops-handbook {__version__}) from "
        f"{site.root.name}/mkdocs.yml on {site.handbook.today}: no hooks, no macros plugin.\n"
        "# Build it with stock MkDocs + Material or ProperDocs, from this folder:\n"
        "#   python -m mkdocs build --strict     (or: PYTHONPATH=. mkdocs build --strict)\n"
        "# Export again after changing the handbook; edits made here are not read back.\n\n"
    )
    return cfg.dump_config(config, header)


def _assets(folder: str) -> list[str]:
    """Site paths of the engine's stylesheets or scripts, as the theme hook publishes them."""
    paths = sorted((ENGINE / "assets" / folder).glob(ASSETS[folder]))
    return [f"{STYLES_URI}/{path.name}" for path in paths]


def _with(listed: object, added: list[str]) -> list:
    items = list(listed) if isinstance(listed, list) else []
    return items + [item for item in added if item not in items]


def _labels_missing(names: list[str]) -> bool:
    return "pymdownx.tasklist" in names and TASKLIST_LABELS not in names


def _extensions(entries: list) -> list:
    """markdown_extensions for the export: the task-list labels from the copied module, and
    md_in_html, which the engine's markdown links inside HTML need."""
    names = [e if isinstance(e, str) else next(iter(e), "") for e in entries]
    result = []
    for entry, name in zip(entries, names, strict=True):
        if name == TASKLIST_LABELS:
            continue
        result.append(entry)
        if name == "pymdownx.tasklist":
            result.append(LABELS_MODULE)
    if "md_in_html" not in names:
        result.append("md_in_html")
    return result


def _repo_name(repo_url: str) -> str:
    """MkDocs' own repo_name when mkdocs.yml sets none."""
    host = urlsplit(repo_url).netloc.lower()
    known = {"github.com": "GitHub", "bitbucket.org": "Bitbucket", "gitlab.com": "GitLab"}
    return known.get(host, host.split(".")[0].title() if host else "")


def _readme(site: _Site) -> str:
    return f"""# {site.site_name}: exported site source

Written by `handbook export` (product-ops-handbook {__version__}) on {site.handbook.today},
from the handbook in `{site.root.name}/`. Every page the engine generates is here as a
markdown file, with its macros rendered and its review notice in place; `mkdocs.yml` has no
`hooks:` and no macros plugin.

Build it with stock MkDocs + Material for MkDocs, or ProperDocs, run from this folder:

```sh
pip install mkdocs-material            # or: pip install properdocs mkdocs-material
python -m mkdocs build --strict        # or: python -m properdocs build --strict
```

`{LABELS_MODULE}.py` is the one Python file the build loads (it names task-list checkboxes
for screen readers); `python -m` finds it in this folder, `mkdocs build` needs
`PYTHONPATH=.`. Do not edit these files: change the handbook and export it again.
"""
