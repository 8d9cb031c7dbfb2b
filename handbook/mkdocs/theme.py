"""The engine's look: its theme partials and feature stylesheets, served from the package.

A handbook's own `custom_dir` (if any) stays first, so a team can override any engine partial.
Stylesheets are published under assets/handbook/, apart from a handbook's own assets.
The engine's settings live under `extra: handbook:` in mkdocs.yml; `search` picks the search
readers get (handbook.mkdocs.search, whose events this hook carries).
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from handbook.core.problems import Problem
from handbook.markdown_ext import TASKLIST_LABELS
from handbook.mkdocs import search
from handbook.mkdocs.adapter import feature_on, report_error
from handbook.mkdocs.readers import page_context, read_settings
from handbook.mkdocs.state import build_state
from handbook.mkdocs.stemming import add_worker, theme_setting
from handbook.pages.published_html import published_problems
from handbook.pages.theme_keys import TEXT_KEYS, escaped_text

__all__ = [
    "on_config",
    "on_env",
    "on_files",
    "on_page_content",
    "on_page_context",
    "on_post_build",
    "on_post_page",
]

ENGINE = Path(__file__).resolve().parent.parent
THEME_DIR = ENGINE / "theme"
STYLES_DIR = ENGINE / "assets" / "stylesheets"
SCRIPTS_DIR = ENGINE / "assets" / "javascripts"
STYLES_URI = "assets/handbook"
TASKLIST = "pymdownx.tasklist"


def stylesheets() -> list[Path]:
    return sorted(STYLES_DIR.glob("*.css"))


def scripts() -> list[Path]:
    return sorted(SCRIPTS_DIR.glob("*.js"))


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    dirs = config.theme.dirs
    if str(THEME_DIR) not in dirs:
        # Behind the handbook's custom_dir, in front of Material's own templates.
        dirs.insert(1 if config.theme.custom_dir else 0, str(THEME_DIR))
    for path in stylesheets():
        uri = f"{STYLES_URI}/{path.name}"
        if uri not in config.extra_css:
            config.extra_css.append(uri)
    for path in scripts():
        uri = f"{STYLES_URI}/{path.name}"
        if uri not in [str(script) for script in config.extra_javascript]:
            config.extra_javascript.append(uri)
    # What the engine's partials show; the theme reads it as `config.extra.handbook`. A
    # handbook's own settings there (`report:`, see engine-docs/reference.md) are read first.
    own = config.extra.get("handbook")
    if own is not None and not isinstance(own, dict):
        raise PluginError("mkdocs.yml: extra.handbook: expected a mapping (e.g. report: ...)")
    own = dict(own or {})
    read_settings(config, own.get("report"))
    own["search"] = search.configure(config, own)
    own["feed"] = feature_on(config, "releases")
    # Material's search stems what the reader types too (handbook.core.search_worker).
    own["search_worker"] = theme_setting(config)
    config.extra["handbook"] = own
    _label_task_lists(config)
    return config


def _label_task_lists(config: MkDocsConfig) -> None:
    """Task-list checkboxes are named by a markdown extension (handbook.markdown_ext), which
    mkdocs.yml lists; a handbook that does not list it yet gets it here (`handbook check`
    says to add it)."""
    if TASKLIST in config.markdown_extensions and TASKLIST_LABELS not in config.markdown_extensions:
        config.markdown_extensions.append(TASKLIST_LABELS)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for path in [*stylesheets(), *scripts()]:
        uri = f"{STYLES_URI}/{path.name}"
        if files.get_file_from_path(uri) is not None:
            raise PluginError(f"docs/{uri} would replace the engine's own file; rename it")
        files.append(File.generated(config, uri, abs_src_path=str(path)))
    add_worker(files, config)
    return files


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """With Pagefind, the part of the page it indexes is marked (handbook.mkdocs.search)."""
    return search.on_post_page(output, page, config)


def on_post_build(config: MkDocsConfig) -> None:
    search.on_post_build(config)


# Last, after every hook (template previews, notices) has added to the page's HTML.
@event_priority(-200)
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    state = build_state(config)
    name = f"{state.docs_prefix}/{page.file.src_uri}"
    source = "" if page.file.generated_by else page.file.content_string
    # A line the page check already reported is not reported twice.
    reported = {(p.file, p.line) for p in state.page_errors if isinstance(p, Problem)}
    for problem in published_problems(html, name, source):
        if (problem.file, problem.line) not in reported:
            report_error(config, problem)
    return html


# Before Material's search plugin (priority 0) reads the page's search settings.
@event_priority(50)
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    """ "Report a problem" and the in-browser review-by notice (handbook.mkdocs.readers), and
    the page's search settings under Pagefind (handbook.mkdocs.search)."""
    context = search.on_page_context(context, page, config, nav)
    return page_context(context, page, config)


# Before the tags plugin's on_env (priority 100), which renders the tags index from page titles.
@event_priority(150)
def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Escape what the theme prints of each page's front matter, once, after every page's
    markdown is read and before any page, nav, tags index or search entry is written.

    The engine's own hooks have read the raw text by now (they escape it themselves).
    """
    for file in files.documentation_pages():
        page = file.page
        if isinstance(page, Page):
            _escape_theme_text(page)
    return env


def _escape_theme_text(page: Page) -> None:
    meta = page.meta
    for key in TEXT_KEYS:
        if key != "title" and meta.get(key) is not None:
            meta[key] = escaped_text(meta[key])
    page.title = _shown_title(page)
    # Material's <title> prints a title not in front matter through `striptags`, which turns
    # `&lt;/title&gt;` back into markup; with the title in meta it prints it as it is.
    if "title" in meta or not page.is_homepage:
        meta["title"] = page.title


def _shown_title(page: Page) -> str:
    """The page's title as HTML text. MkDocs takes it from (in order) the nav entry in
    mkdocs.yml or mkdocs-macros' rendering of a title holding `{{` (both set on the page
    itself), the front matter, the first heading (already HTML text) or the file name."""
    if "title" in vars(page):
        return escaped_text(vars(page)["title"])
    if page.meta.get("title") is not None:
        return escaped_text(page.meta["title"])
    from_heading = getattr(page, "_title_from_render", None)
    if from_heading:
        return from_heading
    return escaped_text(page.title or "")
