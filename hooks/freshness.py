"""Review notices, the freshness dashboard and freshness.json.

The engine's hook (handbook.mkdocs.freshness); upgrading the engine never needs an edit here.
"""

from handbook.mkdocs.freshness import *  # noqa: F403
