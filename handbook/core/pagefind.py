"""Pagefind: a search index in small chunks, for handbooks too large for one search index.

Material's search (the default) sends every reader the whole index, which grows with the
handbook: several megabytes at 10,000 pages. Pagefind splits it by word and by page, so a
query fetches only the chunks it needs. A handbook switches with one setting in mkdocs.yml:

    extra:
      handbook:
        search: pagefind

The engine then runs Pagefind over the built site (`pagefind[bin]`, pinned in requirements.txt:
the binary comes in the wheel) and shows it in Material's search box. Pure: no MkDocs import.
"""

from __future__ import annotations

import json
import re
import subprocess
import tempfile
from pathlib import Path

MODES = ("material", "pagefind")
DEFAULT_MODE = "material"
BUNDLE = "pagefind"  # the folder of the site Pagefind writes its index and scripts to
BODY_ATTRIBUTE = "data-pagefind-body"  # marks the part of a page Pagefind indexes
# Inside a page's body, what Pagefind leaves out: the engine's chrome (review footer,
# freshness notices, draft banner), heading permalinks and the edit button.
EXCLUDE_SELECTORS = ("[data-search-exclude]", ".headerlink", ".md-content__button")
INSTALL = "pip install 'pagefind[bin]'"


class PagefindError(RuntimeError):
    """Pagefind is missing or failed; the message says what to do."""


def search_mode(settings: object) -> str:
    """The search a handbook chose (`extra.handbook.search`); raises ValueError if unknown."""
    mode = settings.get("search") if isinstance(settings, dict) else None
    if mode is None:
        return DEFAULT_MODE
    if mode not in MODES:
        raise ValueError(
            f"extra.handbook.search in mkdocs.yml is {mode!r}; use one of: {', '.join(MODES)}"
        )
    return str(mode)


def mark_body(html: str, open_tag: str) -> str:
    """Add BODY_ATTRIBUTE to the first `open_tag` (e.g. '<article class="x"'), once."""
    index = html.find(open_tag)
    if index < 0:
        return html
    end = index + len(open_tag)
    return f"{html[:end]} {BODY_ATTRIBUTE}{html[end:]}"


def index_site(site: Path) -> int | None:
    """Run Pagefind over a built site; it writes `site/pagefind/`. Returns the pages indexed."""
    try:
        from pagefind.service import _must_get_executable
    except ImportError:
        raise PagefindError(f"search: pagefind is not installed; {INSTALL}") from None
    try:
        binary = _must_get_executable()
    except FileNotFoundError as exc:
        raise PagefindError(f"search: no pagefind binary ({exc}); {INSTALL}") from None
    settings = {
        "site": str(site.resolve()),
        "output_subdir": BUNDLE,
        "exclude_selectors": list(EXCLUDE_SELECTORS),
    }
    # Pagefind reads its settings from pagefind.json in its working directory.
    with tempfile.TemporaryDirectory(prefix="handbook-pagefind-") as tmp:
        Path(tmp, "pagefind.json").write_text(json.dumps(settings), encoding="utf-8")
        result = subprocess.run(
            [str(binary)], cwd=tmp, capture_output=True, text=True, stdin=subprocess.DEVNULL
        )
    output = (result.stdout + result.stderr).strip()
    if result.returncode != 0 or not (site / BUNDLE / "pagefind.js").is_file():
        tail = "\n".join(output.splitlines()[-20:])
        raise PagefindError(f"search: pagefind failed (exit {result.returncode}):\n{tail}")
    found = re.search(r"Indexed (\d+) pages?", output)
    return int(found.group(1)) if found else None


def python_has_pagefind() -> bool:
    """Whether this Python can run Pagefind (for tests and `handbook check`)."""
    try:
        from pagefind.service import _must_get_executable

        _must_get_executable()
    except (ImportError, FileNotFoundError):
        return False
    return True
