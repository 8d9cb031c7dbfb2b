"""Release pages, the customer changelog and the feed, from data/releases/.

The engine's hook (handbook.mkdocs.release_pages); upgrading the engine never needs an edit here.
"""

from handbook.mkdocs.release_pages import *  # noqa: F403
