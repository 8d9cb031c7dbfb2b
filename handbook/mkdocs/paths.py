"""Anchor plugin paths on the project folder, so a build works from any working directory.

mkdocs-macros reads `include_dir` relative to the working directory and refuses MkDocs'
`!relative $config_dir` tag (the option must be a plain string), so it is resolved here.
Markdown extensions use `!relative $config_dir` in mkdocs.yml instead.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from handbook.mkdocs.adapter import project_root

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
    return config


def _quiet_macros_log() -> None:
    """mkdocs-macros logs eight INFO lines per build (modules, variables, macros found); they
    bury the handbook's own notices. Shown again with `mkdocs build --verbose`."""
    verbose = logging.getLogger("mkdocs").getEffectiveLevel() <= logging.DEBUG
    logging.getLogger("mkdocs.plugins.mkdocs_macros").setLevel(
        logging.NOTSET if verbose else logging.WARNING
    )
