"""Template gallery pages: one generated page per templates/*.md, plus its raw download.

Thin adapter over handbook.templates.pages. The raw copy is written after the build (a file
ending in .md would otherwise become a page), byte for byte from templates/.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from handbook.core import urls
from handbook.core.context import Handbook
from handbook.mkdocs.adapter import add_generated_page, feature_on, get_handbook, log
from handbook.mkdocs.state import build_state
from handbook.templates import pages as tp
from handbook.templates.model import Template, build_templates, parse_ref

__all__ = ["on_files", "on_page_content", "on_post_build"]


def on_files(files: Files, config: MkDocsConfig) -> Files:
    if not feature_on(config, "templates"):
        return files
    handbook = get_handbook(config)
    for template in _templates(config).values():
        made = tp.template_page(template, handbook.owners)
        # The source, preview and download are filled in from the file's text later.
        add_generated_page(files, config, made.src_uri, made.markdown, made.title, template.text)
    return files


# Last, so every other hook (freshness reads it) has seen the page's `template:` before it moves.
@event_priority(-100)
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if parse_ref(page.meta.get("template")):
        # `template: prd@1.2.0` names the document template a page was made from; MkDocs would
        # read it as the theme template to render the page with, so it moves to another key.
        page.meta["template_ref"] = page.meta.pop("template")
    if not page.file.generated_by or not feature_on(config, "templates"):
        return html
    template = _templates(config).get(page.file.src_uri)
    if template is None:
        return html
    href = urls.relative_url(page.url, tp.raw_uri(template))
    slots = tp.slot_html(template, href, config.markdown_extensions, _mdx_configs(config))
    try:
        return tp.fill_slots(html, slots)
    except ValueError as exc:
        raise PluginError(f"{page.file.src_uri}: {exc}") from None


def on_post_build(config: MkDocsConfig) -> None:
    if not feature_on(config, "templates"):
        return
    written = 0
    for template in _templates(config).values():
        target = Path(config.site_dir) / tp.raw_uri(template)
        data = template.path.read_bytes()
        # Rewrite only on change, so `mkdocs serve` does not loop on its own output.
        if not target.is_file() or target.read_bytes() != data:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            written += 1
    log.debug("template downloads: %d written", written)


# ---------------------------------------------------------------------------------------------


def _templates(config: MkDocsConfig) -> dict[str, Template]:
    """This build's templates by generated page path (made once per build)."""
    handbook = get_handbook(config)
    return handbook.derived(_templates_by_page)


def _templates_by_page(handbook: Handbook) -> dict[str, Template]:
    return {tp.page_uri(t): t for t in build_templates(handbook)}


def _mdx_configs(config: MkDocsConfig) -> dict:
    """Extension settings as mkdocs.yml wrote them: a preview never had the appended glossary."""
    written = build_state(config).mdx_configs_as_written
    return config.mdx_configs if written is None else written
