"""Under `make serve`, a failed rebuild shows its errors on the page, not a hang.

The engine's hook (handbook.mkdocs.serve); upgrading the engine never needs an edit here.
"""

from handbook.mkdocs.serve import *  # noqa: F403
