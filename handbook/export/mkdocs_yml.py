"""The export's mkdocs.yml: the handbook's own, without `hooks:` and the macros plugin, with
what the hooks would have added at build time written in.

The nav lists every generated page where the data hook slots it; the theme folder, engine
stylesheets and scripts, status badge and search worker are named; the task-list label
extension comes from the file copied beside it; `!relative $config_dir` becomes "." (the
build runs in the export's folder; Zensical does not read the tag).
"""

from __future__ import annotations

from pathlib import Path

from handbook import __version__
from handbook.core import nav as nav_tree
from handbook.core import search_worker
from handbook.core.site_settings import nav_section_limit
from handbook.export import config as cfg
from handbook.export.context import Export, Site
from handbook.export.pages import SourcePage
from handbook.export.sources import DocsFile
from handbook.markdown_ext import TASKLIST_LABELS

ENGINE = Path(__file__).resolve().parent.parent
ASSETS = {"stylesheets": "*.css", "javascripts": "*.js"}
STYLES_URI = "assets/handbook"
THEME_OUT = "overrides"
# The task-list label extension, copied beside the export's mkdocs.yml: importable when the
# build runs there (`python -m mkdocs`, or PYTHONPATH=.), so the build needs no engine.
LABELS_MODULE = "handbook_tasklist_labels"
STALE_STATUS_TITLE = "Review overdue"


def engine_assets(folder: str) -> list[str]:
    """Site paths of the engine's stylesheets or scripts, as the theme hook publishes them."""
    paths = sorted((ENGINE / "assets" / folder).glob(ASSETS[folder]))
    return [f"{STYLES_URI}/{path.name}" for path in paths]


def stemmed_search(site: Site) -> bool:
    search = cfg.plugin_options(site.config, "search")
    return search is not None and search_worker.stemming(search)


def nav(site: Site, pages: list[SourcePage], sources: list[DocsFile]) -> tuple[list, list[str]]:
    """mkdocs.yml's nav with the generated pages in it, as the data hook makes it, and the
    generated pages that found no section (listed in not_in_nav)."""
    nodes = nav_tree.from_config(site.config.get("nav") or [])
    left_out = {f.src_uri for f in sources if f.kind == "left out"}
    nodes = nav_tree.prune(nodes, lambda node: node.page in left_out)
    made = sorted((p for p in pages if p.generated), key=lambda p: p.order)
    homeless = nav_tree.slot(nodes, [(nav_tree.NavNode(page=p.src_uri), p.group) for p in made])
    nav_tree.split_long_sections(nodes, nav_section_limit(site.engine_settings()))
    by_uri = {p.src_uri: p for p in pages}
    for node in nav_tree.pages_of(nodes):
        page = by_uri.get(node.page or "")
        if page is not None and (node.title is not None or page.is_home):
            # The theme prints nav titles as they are: the hook escapes them.
            node.title = page.shown
    return nav_tree.to_config(nodes), [node.page or "" for node in homeless]


def mkdocs_yml(
    site: Site, out: Export, pages: list[SourcePage], sources: list[DocsFile], static: list[str]
) -> str:
    config = dict(site.config)
    config.pop("hooks", None)
    config.pop("watch", None)  # data/, templates/ and hooks/ are not in the export
    config["plugins"] = cfg.without_plugin(config, "macros")
    if site.site_url:
        # The feed, freshness.json and links to files are written for this address.
        config["site_url"] = site.site_url
    theme = dict(config["theme"]) if isinstance(config.get("theme"), dict) else {}
    theme["custom_dir"] = THEME_OUT
    theme["static_templates"] = [*list(theme.get("static_templates") or []), *static]
    config["theme"] = theme
    config["extra_css"] = _with(config.get("extra_css"), engine_assets("stylesheets"))
    config["extra_javascript"] = _with(config.get("extra_javascript"), engine_assets("javascripts"))
    config["extra"] = _extra(site, out)
    config["markdown_extensions"] = cfg.folder_relative(
        _extensions(config.get("markdown_extensions") or [])
    )
    if site.config.get("nav"):
        config["nav"], homeless = nav(site, pages, sources)
        if homeless:
            listed = str(config.get("not_in_nav") or "").rstrip("\n")
            lines = [line for line in [listed, *(f"/{uri}" for uri in homeless)] if line]
            config["not_in_nav"] = "\n".join(lines) + "\n"
    else:
        out.notes.append(
            "mkdocs.yml has no nav: the generator builds one from the folders, so generated "
            "pages are listed by folder, not in the groups a build gives them"
        )
    return cfg.dump_config(config, _header(site))


def _extra(site: Site, out: Export) -> dict:
    """`extra`, with what the theme and freshness hooks set at build time."""
    extra = dict(site.config["extra"]) if isinstance(site.config.get("extra"), dict) else {}
    status = dict(extra["status"]) if isinstance(extra.get("status"), dict) else {}
    status.setdefault("stale", STALE_STATUS_TITLE)
    extra["status"] = status
    own = site.engine_settings()
    if own.get("search") == "pagefind":
        out.notes.append(
            "extra.handbook.search is pagefind: the export uses Material's search (Pagefind "
            "indexes the built site afterwards, which the engine's hook does)"
        )
    own["search"] = "material"
    own["feed"] = site.handbook.features.on("releases")
    own["search_worker"] = (
        search_worker.theme_setting(search_worker.material_worker())
        if stemmed_search(site)
        else None
    )
    extra["handbook"] = own
    return extra


def _with(listed: object, added: list[str]) -> list:
    items = list(listed) if isinstance(listed, list) else []
    return items + [item for item in added if item not in items]


def _extensions(entries: list) -> list:
    """The task-list labels from the copied module (after pymdownx.tasklist, where the theme
    hook would add them), and md_in_html, which the engine's markdown links in HTML need."""
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


def _header(site: Site) -> str:
    command = "zensical build" if site.generator == "zensical" else "python -m mkdocs build"
    return (
        f"# Written by `handbook export` (product-ops-handbook {__version__}) from the handbook"
        f" in {site.root.name}/\n"
        f"# on {site.handbook.today}: no hooks and no macros plugin; every page the engine "
        "makes is a file under docs/.\n"
        f"# Build from this folder: {command} --strict (README.md says more).\n"
        "# Export again after changing the handbook: edits made here are not read back.\n\n"
    )
