"""A page per template in templates/, with byte-identical downloads.

The engine's hook (handbook.mkdocs.template_pages); upgrading the engine never needs an edit here.
"""

from handbook.mkdocs.template_pages import *  # noqa: F403
