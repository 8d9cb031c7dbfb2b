"""Draft pages: a banner under `make serve`, left out of the published site.

The engine's hook (handbook.mkdocs.drafts); upgrading the engine never needs an edit here.
"""

from handbook.mkdocs.drafts import *  # noqa: F403
