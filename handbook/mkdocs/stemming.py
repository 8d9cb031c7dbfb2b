"""Search that matches word forms: Material's worker, wrapped so typed words are stemmed too.

Called from the theme hook (handbook.mkdocs.theme), for Material's search (Pagefind stems on
its own). When mkdocs.yml's search plugin lists `stemmer` in its `pipeline`, the site gets
assets/javascripts/workers/handbook-search.js (handbook/assets/search-worker.js, naming
Material's worker of the installed version) and each page's theme config points at it.
Without the stemmer nothing changes.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

WORKERS = "assets/javascripts/workers"
WRAPPER = f"{WORKERS}/handbook-search.js"
SOURCE = Path(__file__).resolve().parent.parent / "assets" / "search-worker.js"
# The worker in the theme's <script id="__config">: "search": ".../search.<hash>.min.js"
_CONFIG = re.compile(r'("search":\s*"[^"]*?)(search\.[0-9a-f]+\.min\.js)"')


def stemming(config: MkDocsConfig) -> bool:
    plugin = config.plugins.get("material/search") or config.plugins.get("search")
    pipeline = getattr(plugin, "config", {}).get("pipeline") if plugin is not None else None
    return bool(pipeline) and "stemmer" in (pipeline or ())


def _material_worker() -> str:
    import material  # type: ignore[import-untyped]

    folder = Path(material.__file__).resolve().parent / "templates" / WORKERS
    found = sorted(folder.glob("search.*.min.js"))
    if len(found) != 1:
        raise PluginError(f"search: expected one Material search worker in {folder}")
    return found[0].name


def add_worker(files: Files, config: MkDocsConfig) -> None:
    if not stemming(config):
        return
    text = SOURCE.read_text(encoding="utf-8").replace("MATERIAL_WORKER", _material_worker())
    files.append(File.generated(config, WRAPPER, content=text))


def point_at_worker(output: str, config: MkDocsConfig) -> str:
    if not stemming(config) or '"search"' not in output:
        return output
    return _CONFIG.sub(lambda m: f'{m.group(1)}handbook-search.js"', output, count=1)
