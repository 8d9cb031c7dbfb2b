"""MkDocs hook used only by the benchmark: exports what the full build adds, for plain Material.

Added to a copy of a generated handbook's config (scripts/bench_site.py). It writes the
markdown of every page our hooks generate, at its path, under `<project>/generated/`, and the
final nav (generated pages slotted in) to `<project>/generated-nav.yml`. The plain variant
then builds the same pages in the same nav with no hooks or macros, so the full/plain ratio
measures what our code costs rather than how many pages it adds.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

OUT = "generated"
NAV = "generated-nav.yml"


def _project(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


# Last: after every other hook has added its pages.
@event_priority(-1000)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    out = _project(config) / OUT
    for file in files.documentation_pages():
        if file.generated_by is None:
            continue
        path = out / file.src_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(file.content_string, encoding="utf-8")
    return files


def _entries(items: list) -> list:
    entries: list = []
    for item in items:
        if isinstance(item, Section):
            entries.append({item.title: _entries(item.children)})
        elif isinstance(item, Page):
            entries.append({item.title: item.file.src_uri} if item.title else item.file.src_uri)
    return entries


# Last: after our data hook (at -100) has slotted the generated pages into the nav.
@event_priority(-1000)
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    text = yaml.safe_dump({"nav": _entries(nav.items)}, sort_keys=False, allow_unicode=True)
    (_project(config) / NAV).write_text(text, encoding="utf-8")
    return nav
