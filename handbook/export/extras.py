"""The files of an export besides its pages: what the hooks publish (the engine's stylesheets
and scripts, the search worker, freshness.json, the release feed and changelog, template
downloads), the theme folder, the docs files that are not pages, and what snippets pull in."""

from __future__ import annotations

import json
import re
from pathlib import Path

from handbook import __version__
from handbook.core import search_worker
from handbook.export.context import Export, Site
from handbook.export.mkdocs_yml import (
    ASSETS,
    ENGINE,
    LABELS_MODULE,
    THEME_OUT,
    engine_assets,
    stemmed_search,
)
from handbook.export.sources import DocsFile
from handbook.freshness.model import PageFreshness
from handbook.pages.snippets import snippet_paths, snippet_refusal
from handbook.releases import formats as release_formats
from handbook.releases.pages import ReleaseFiles
from handbook.templates import pages as tp
from handbook.templates.model import Template

FEED_URI = "freshness.json"
# The engine's theme partials, then the export's own (partials/actions.html).
THEME_DIRS = (ENGINE / "theme", Path(__file__).resolve().parent / "theme")


def published(
    site: Site,
    out: Export,
    records: list[PageFreshness],
    edit_links: dict[str, str],
    releases: ReleaseFiles | None,
) -> None:
    """What the hooks add to docs/ at build time: assets, search worker, freshness.json and
    the release feed."""
    prefix = site.docs_prefix
    for folder in ASSETS:
        for uri in engine_assets(folder):
            out.add(f"{prefix}/{uri}", (ENGINE / "assets" / folder / Path(uri).name).read_bytes())
    if stemmed_search(site):
        text = search_worker.wrapper_text(search_worker.material_worker())
        out.add(f"{prefix}/{search_worker.WRAPPER}", text)
    feed = [r.record(site.site_url, edit_links.get(r.src_uri, "")) for r in records]
    out.add(f"{prefix}/{FEED_URI}", json.dumps(feed, indent=2, ensure_ascii=False) + "\n")
    if releases is not None:
        out.add(f"{prefix}/{release_formats.FEED_PATH}", releases.feed)


def static_files(
    site: Site, out: Export, templates: list[Template], releases: ReleaseFiles | None
) -> list[str]:
    """CHANGELOG.md and the template downloads, published as they are by the theme: MkDocs
    reads every .md file in docs/ as a page. Returns their paths (theme.static_templates)."""
    files: dict[str, bytes] = {}
    if releases is not None:
        files[release_formats.CHANGELOG_PATH] = releases.changelog.encode("utf-8")
    for template in templates:
        files[tp.raw_uri(template)] = template.path.read_bytes()
    for path, data in files.items():
        text = data if site.generator == "zensical" else _jinja_verbatim(data)
        out.add(f"{THEME_OUT}/{path}", text)
    return list(files)


# Every spelling Jinja reads as the end of a raw block, whitespace control included.
_ENDRAW = re.compile(r"\{%[-+]?\s*endraw\s*[-+]?%\}")


def _jinja_verbatim(data: bytes) -> bytes:
    """A Jinja template whose output is `data` exactly: MkDocs renders a theme's static
    templates. The text goes in {% raw %}, a CR is written as an expression (Jinja turns every
    line ending into LF), and no newline follows the last tag (Jinja drops a final one).
    Zensical copies the file as it is instead (export --generator zensical)."""
    pieces = []
    for index, part in enumerate(data.decode("utf-8").split("\r")):
        if index:
            pieces.append('{{ "\\r" }}')
        if part:
            safe = _ENDRAW.sub(lambda m: f"{{% endraw %}}{{{{ {m.group()!r} }}}}{{% raw %}}", part)
            pieces.append("{% raw %}" + safe + "{% endraw %}")
    return "".join(pieces).encode("utf-8")


def copied(site: Site, out: Export, sources: list[DocsFile]) -> None:
    """Files of docs/ that are not built pages, as they are; what snippets pull in from
    outside docs/; the theme folder; the task-list label extension; a README."""
    for item in sources:
        if item.kind == "copy":
            out.add(f"{site.docs_prefix}/{item.src_uri}", item.path.read_bytes())
    for name in _snippets(site):
        source = site.root / name
        if snippet_refusal(site.root, name) or not source.is_file() or name in out.files:
            continue
        out.add(name, source.read_bytes())
    for name, data in sorted(_theme_files(site).items()):
        if f"{THEME_OUT}/{name}" not in out.files:
            out.add(f"{THEME_OUT}/{name}", data)
    out.add(f"{LABELS_MODULE}.py", (ENGINE / "markdown_ext" / "tasklist_labels.py").read_bytes())
    out.add("README.md", _readme(site))


def _snippets(site: Site) -> list[str]:
    """Paths (from the project folder) that the snippets extension appends or pages include."""
    options = site.extension_configs.get("pymdownx.snippets") or {}
    wanted = [str(name) for name in options.get("auto_append") or []]
    for path in sorted(site.docs.rglob("*.md")):
        try:
            wanted += [p for _line, p in snippet_paths(path.read_text(encoding="utf-8"))]
        except (OSError, UnicodeDecodeError):
            continue
    return sorted({Path(name).as_posix() for name in wanted})


def _theme_files(site: Site) -> dict[str, bytes]:
    """The export's theme folder: the handbook's own custom_dir first (its files win, as in a
    build), then the engine's partials and the export's own."""
    found: dict[str, bytes] = {}
    theme = site.config.get("theme")
    custom = theme.get("custom_dir") if isinstance(theme, dict) else None
    folders = [site.root / str(custom)] if custom else []
    for folder in [*folders, *THEME_DIRS]:
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            name = path.relative_to(folder).as_posix()
            if path.is_file() and "__pycache__" not in name:
                found.setdefault(name, path.read_bytes())
    return found


def _readme(site: Site) -> str:
    if site.generator == "zensical":
        build = "pip install zensical\nPYTHONPATH=. zensical build --strict"
    else:
        build = (
            "pip install mkdocs-material            # or: pip install properdocs mkdocs-material\n"
            "python -m mkdocs build --strict        # or: python -m properdocs build --strict"
        )
    return f"""# {site.site_name}: exported site source

Written by `handbook export` (product-ops-handbook {__version__}) on {site.handbook.today}
from the handbook in `{site.root.name}/`. Every page the engine makes is a markdown file here,
with its macros rendered and its review notice in place; `mkdocs.yml` has no `hooks:` and no
macros plugin, so the build needs no engine. Build it from this folder:

```sh
{build}
```

`{LABELS_MODULE}.py` is the one Python file the build loads (it names task-list checkboxes
for screen readers): `python -m` finds it in this folder; a console script such as
`mkdocs build` needs `PYTHONPATH=.`. The theme folder `{THEME_OUT}/` holds the engine's
partials and publishes CHANGELOG.md and the template downloads byte for byte.

Do not edit these files: change the handbook, then export it again.
"""
