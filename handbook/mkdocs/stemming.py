"""Search that matches word forms (handbook.core.search_worker), for Material's search.

Called from the theme hook (handbook.mkdocs.theme); Pagefind stems on its own. Without
`stemmer` in the search plugin's pipeline nothing changes.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from handbook.core import search_worker


def stemming(config: MkDocsConfig) -> bool:
    plugin = config.plugins.get("material/search") or config.plugins.get("search")
    return plugin is not None and search_worker.stemming(dict(getattr(plugin, "config", {})))


def _worker() -> str:
    try:
        return search_worker.material_worker()
    except ValueError as exc:
        raise PluginError(str(exc)) from None


def theme_setting(config: MkDocsConfig) -> dict[str, str] | None:
    """extra.handbook.search_worker: main.html points each page's config at the wrapper."""
    return search_worker.theme_setting(_worker()) if stemming(config) else None


def add_worker(files: Files, config: MkDocsConfig) -> None:
    if not stemming(config):
        return
    text = search_worker.wrapper_text(_worker())
    files.append(File.generated(config, search_worker.WRAPPER, content=text))
