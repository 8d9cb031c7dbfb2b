"""One page per tool from data/tools.yml, and the pages that mention it.

The engine's hook (handbook.mkdocs.tool_pages); upgrading the engine never needs an edit here.
"""

from handbook.mkdocs.tool_pages import *  # noqa: F403
