"""Anchor plugin paths (mkdocs-macros' include_dir) on the project folder.

The engine's hook (handbook.mkdocs.paths); upgrading the engine never needs an edit here.
"""

from handbook.mkdocs.paths import *  # noqa: F403
