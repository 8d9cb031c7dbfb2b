"""Load and check data/ and front matter once per build; slot generated pages in.

The engine's hook (handbook.mkdocs.data); upgrading the engine never needs an edit here.
"""

from handbook.mkdocs.data import *  # noqa: F403
