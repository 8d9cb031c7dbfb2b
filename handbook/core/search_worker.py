"""Search that matches word forms: Material's search worker, wrapped so typed words are stemmed.

When mkdocs.yml's search plugin lists `stemmer` in its `pipeline`, the site gets
assets/javascripts/workers/handbook-search.js (handbook/assets/search-worker.js, naming
Material's worker of the installed version), and the theme's main.html points each page's
config at it (`extra.handbook.search_worker`). Pure apart from finding Material's worker file:
the MkDocs hook (handbook.mkdocs.stemming) and `handbook export` both use it.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

WORKERS = "assets/javascripts/workers"
WRAPPER_NAME = "handbook-search.js"
WRAPPER = f"{WORKERS}/{WRAPPER_NAME}"
SOURCE = Path(__file__).resolve().parent.parent / "assets" / "search-worker.js"


def stemming(search_options: object) -> bool:
    """Whether the search plugin's options (a mapping) list `stemmer` in its pipeline."""
    pipeline = search_options.get("pipeline") if isinstance(search_options, dict) else None
    return isinstance(pipeline, list | tuple) and "stemmer" in pipeline


def material_worker() -> str:
    """The file name of the installed Material's search worker (search.<hash>.min.js)."""
    # Found by file, not imported: only handbook.mkdocs imports the theme.
    spec = importlib.util.find_spec("material")
    locations = list(spec.submodule_search_locations or []) if spec else []
    folder = Path(locations[0], "templates", WORKERS) if locations else Path("material")
    found = sorted(folder.glob("search.*.min.js"))
    if len(found) != 1:
        raise ValueError(f"search: expected one Material search worker in {folder}")
    return found[0].name


def wrapper_text(worker: str) -> str:
    """handbook-search.js: Material's worker `worker`, loaded and wrapped."""
    return SOURCE.read_text(encoding="utf-8").replace("MATERIAL_WORKER", worker)


def theme_setting(worker: str) -> dict[str, str]:
    """What main.html swaps in the page's config: Material's worker for the wrapper."""
    return {"material": worker, "handbook": WRAPPER_NAME}
