"""The bridge between MkDocs and the pure handbook package.

The build's Handbook (data, owners, today) is loaded once per build and kept on that build's
config object: `mkdocs serve` makes a new config for every rebuild, so nothing goes stale.
Generated pages are added with `add_generated_page` and slotted into the navigation section
of their folder by `slot_generated_pages`, so they never need a hand-written nav entry.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from handbook.problems import errors, warnings
from handbook.validate import Handbook, load_handbook

log = get_plugin_logger("handbook")

_HANDBOOK_KEY = "_handbook"
_GENERATED_KEY = "_handbook_generated"


def project_root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def get_handbook(config: MkDocsConfig) -> Handbook:
    """This build's Handbook; loads and validates data on first call, fails on errors."""
    handbook = config.get(_HANDBOOK_KEY)
    if handbook is None:
        try:
            handbook = load_handbook(project_root(config))
        except ValueError as exc:
            raise PluginError(str(exc)) from None
        for problem in warnings(handbook.problems):
            log.warning(str(problem))
        bad = errors(handbook.problems)
        if bad:
            for problem in bad:
                log.error(str(problem))
            raise PluginError(f"{len(bad)} data error(s); see the messages above")
        config[_HANDBOOK_KEY] = handbook
    return handbook


def add_generated_page(
    files: Files, config: MkDocsConfig, src_uri: str, content: str, title: str
) -> File:
    """Add a page made at build time; it joins the nav section of its folder, sorted by title."""
    file = File.generated(config, src_uri, content=content, inclusion=InclusionLevel.NOT_IN_NAV)
    existing = files.get_file_from_path(src_uri)
    if existing is not None:
        raise PluginError(f"generated page {src_uri} would replace docs/{src_uri}; remove one")
    files.append(file)
    config.setdefault(_GENERATED_KEY, {})[src_uri] = title
    return file


def _sections_by_folder(items: list) -> dict[str, Section]:
    found: dict[str, Section] = {}
    for item in items:
        if isinstance(item, Section):
            for child in item.children:
                if isinstance(child, Page) and child.file.src_uri.endswith("index.md"):
                    found.setdefault(posixpath.dirname(child.file.src_uri), item)
            found.update(_sections_by_folder(item.children))
    return found


def _flatten(items: list) -> list[Page]:
    pages: list[Page] = []
    for item in items:
        if isinstance(item, Section):
            pages.extend(_flatten(item.children))
        elif isinstance(item, Page):
            pages.append(item)
    return pages


def slot_generated_pages(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    generated: dict[str, str] = config.get(_GENERATED_KEY, {})
    if not generated:
        return nav
    sections = _sections_by_folder(nav.items)
    for src_uri, _title in sorted(generated.items(), key=lambda item: item[1].lower()):
        file = files.get_file_from_path(src_uri)
        if file is None or file.page is None:
            continue
        folder = posixpath.dirname(src_uri)
        while folder and folder not in sections:
            folder = posixpath.dirname(folder)
        section = sections.get(folder)
        if section is None:
            continue  # no section for it: the page is still built, reachable by its links
        section.children.append(file.page)
        file.page.parent = section
    _relink(nav)
    return nav


def _relink(nav: Navigation) -> None:
    """Recompute nav.pages and each page's previous/next links after the nav changed."""
    nav.pages = _flatten(nav.items)
    bookended = [None, *nav.pages, None]
    for before, page, after in zip(bookended[:-2], nav.pages, bookended[2:], strict=True):
        page.previous_page, page.next_page = before, after


def _prune(items: list, drop: Callable[[Page], bool]) -> list:
    kept = []
    for item in items:
        if isinstance(item, Section):
            item.children = _prune(item.children, drop)
            if not item.children:
                continue  # a section left empty would render as a heading with nothing in it
        elif isinstance(item, Page) and drop(item):
            continue
        kept.append(item)
    return kept


def prune_nav(nav: Navigation, drop: Callable[[Page], bool]) -> Navigation:
    """Remove the pages for which `drop` is true (and sections left empty) from the nav."""
    nav.items = _prune(nav.items, drop)
    _relink(nav)
    return nav
