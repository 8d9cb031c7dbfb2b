"""Anchor plugin paths on the project folder, so a build works from any working directory,
and read the files that the markdown settings name once per build rather than once per page.

mkdocs-macros reads `include_dir` relative to the working directory and refuses MkDocs'
`!relative $config_dir` tag (the option must be a plain string), so it is resolved here.
Markdown extensions use `!relative $config_dir` in mkdocs.yml instead.

The glossary (`docs/.includes/abbreviations.md`, or whichever file of `*[ABBR]: Expansion`
lines pymdownx.snippets appends to every page) moves into the abbr extension's `glossary`
setting: the same tooltips, without Python-Markdown parsing 50-odd definitions on every page
(a third of a large handbook's Markdown time).
"""

from __future__ import annotations

import logging
from pathlib import Path

import markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from handbook.mkdocs.adapter import project_root
from handbook.mkdocs.state import build_state
from handbook.pages.glossary import snippet_glossary

__all__ = ["on_config"]


# Before the macros plugin's own on_config, which checks that the folder exists.
@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _quiet_macros_log()
    macros = config.plugins.get("macros")
    if macros is not None:
        include_dir = macros.config.get("include_dir")
        if include_dir and not Path(include_dir).is_absolute():
            macros.config["include_dir"] = str(project_root(config) / include_dir)
    glossary_to_abbr(config)
    return config


ABBR = ("abbr", "markdown.extensions.abbr")
SNIPPETS = "pymdownx.snippets"


def glossary_to_abbr(config: MkDocsConfig) -> None:
    """Pass each auto-appended snippet that only defines abbreviations to the abbr extension.

    A file that holds anything else, cannot be found (snippets then reports it, as before) or
    is fetched from a URL stays appended. Entries of the file win over a `glossary` already set,
    as they did when appended after it.
    """
    abbr = next((name for name in config.markdown_extensions if name in ABBR), None)
    snippets = config.mdx_configs.get(SNIPPETS)
    if abbr is None or SNIPPETS not in config.markdown_extensions or not snippets:
        return
    appended = list(snippets.get("auto_append") or [])
    if not appended:
        return
    # Snippets' own lookup (base paths in order, restrict_base_path), so the file read here is
    # the one it would have appended.
    finder = markdown.Markdown(extensions=[SNIPPETS], extension_configs={SNIPPETS: snippets})
    preprocessor = finder.preprocessors["snippet"]
    kept: list[str] = []
    glossary: dict[str, str] = {}
    for entry in appended:
        path = preprocessor.get_snippet_path(entry)  # type: ignore[attr-defined]
        found = None
        if path is not None and Path(path).is_file():
            encoding = snippets.get("encoding") or "utf-8"
            found = snippet_glossary(Path(path).read_text(encoding=encoding))
        if found is None:
            kept.append(entry)
        else:
            glossary.update(found)
    if not glossary and len(kept) == len(appended):
        return
    # Template previews render as the settings were written: no appended glossary.
    build_state(config).mdx_configs_as_written = dict(config.mdx_configs)
    settings = dict(config.mdx_configs.get(abbr) or {})
    settings["glossary"] = {**(settings.get("glossary") or {}), **glossary}
    config.mdx_configs[abbr] = settings
    config.mdx_configs[SNIPPETS] = {**snippets, "auto_append": kept}


def _quiet_macros_log() -> None:
    """mkdocs-macros logs eight INFO lines per build (modules, variables, macros found); they
    bury the handbook's own notices. Shown again with `mkdocs build --verbose`."""
    verbose = logging.getLogger("mkdocs").getEffectiveLevel() <= logging.DEBUG
    logging.getLogger("mkdocs.plugins.mkdocs_macros").setLevel(
        logging.NOTSET if verbose else logging.WARNING
    )
