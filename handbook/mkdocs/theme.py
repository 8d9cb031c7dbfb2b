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
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from handbook.core.text import html_text
from handbook.mkdocs import search
from handbook.mkdocs.adapter import feature_on
from handbook.mkdocs.search import on_page_context, on_post_build, on_post_page
from handbook.pages.a11y import label_task_checkboxes

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
    # The handbook's settings for the engine, and what the engine's partials show; the theme
    # reads them as `config.extra.handbook`.
    written = config.extra.get("handbook")
    settings = dict(written) if isinstance(written, dict) else {}
    settings["search"] = search.configure(config, settings)
    settings["feed"] = feature_on(config, "releases")
    config.extra["handbook"] = settings
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for path in [*stylesheets(), *scripts()]:
        uri = f"{STYLES_URI}/{path.name}"
        if files.get_file_from_path(uri) is not None:
            raise PluginError(f"docs/{uri} would replace the engine's own file; rename it")
        files.append(File.generated(config, uri, abs_src_path=str(path)))
    return files


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if 'class="task-list-item"' not in html:
        return html
    return label_task_checkboxes(html)


# Front matter the theme prints as HTML without escaping: <title>, the nav, the header and
# <meta name="description" content="...">.
THEME_TEXT_KEYS = ("title", "description")


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Escape those keys once, after every page's markdown is read and before any is written.

    The engine's own hooks have read the raw text by now (they escape it themselves), and
    every page's title is escaped before the first nav that lists it is made.
    """
    for file in files.documentation_pages():
        page = file.page
        if not isinstance(page, Page):
            continue
        for key in THEME_TEXT_KEYS:
            value = page.meta.get(key)
            if isinstance(value, str):
                page.meta[key] = html_text(value)
    return env
