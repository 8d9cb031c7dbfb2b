"""The engine's theme partials and stylesheets, from the installed package.

The engine's hook (handbook.mkdocs.theme); upgrading the engine never needs an edit here.
"""

from handbook.mkdocs.theme import *  # noqa: F403
