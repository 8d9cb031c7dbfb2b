"""`handbook export` against the build with hooks: the fixture handbook on a day when pages
are due and stale, exported, then built strict by stock MkDocs and by ProperDocs with the
engine unimportable, gives the same pages as the build with hooks and mkdocs-macros.

Compared: the file list; each page's text, title, nav, `data-freshness` values, links (as the
URLs they lead to), ids and accessible names; freshness.json, CHANGELOG.md, the release feed,
the tags export and the template downloads byte for byte. What cannot match is named in
the tests below it (NAMED EXCEPTIONS), each with why.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml

from tests.helpers import LATER, BuildResult, fixture_build, fixture_site, handbook_cli

SITE_URL = "https://handbook.example.com/"
# A generator run with the engine unimportable: the export's build must not need it.
NO_ENGINE = textwrap.dedent(
    """
    import runpy, sys

    class NoEngine:
        def find_spec(self, name, path=None, target=None):
            if name == "handbook" or name.startswith("handbook."):
                raise ImportError(f"{name}: no engine at build time")

    sys.meta_path.insert(0, NoEngine())
    sys.argv = sys.argv[1:]
    runpy.run_module(sys.argv[0], run_name="__main__", alter_sys=True)
    """
)
BYTE_FOR_BYTE = ("freshness.json", "CHANGELOG.md", "releases/feed.xml", "tags.json")


def without_engine(module: str, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    """`python -m <module> ARGS` in `cwd` (on sys.path, as -m puts it), `handbook` unimportable."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("PYTHONPATH", None)
    cmd = [sys.executable, "-c", NO_ENGINE, module, *args]
    return subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def build_export(export: Path, site: Path, module: str = "mkdocs") -> BuildResult:
    result = without_engine(module, "build", "--strict", "-d", str(site), cwd=export)
    return BuildResult(result.returncode, result.stdout + result.stderr, site)


@pytest.fixture(scope="module")
def hooked(tmp_path_factory) -> BuildResult:
    result = fixture_build(tmp_path_factory, LATER)
    assert result.ok, result.log
    return result


@pytest.fixture(scope="module")
def hooked_views(hooked) -> dict[str, dict[str, object]]:
    return page_views(hooked.site)


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return fixture_site(tmp_path_factory.mktemp("export"))


@pytest.fixture(scope="module")
def exported(project) -> Path:
    target = project.parent / "exported"
    result = handbook_cli("export", str(target), "--root", str(project), "--today", LATER)
    assert result.returncode == 0, result.stderr
    assert "pages" in result.stdout and str(target) in result.stdout
    return target


@pytest.fixture(scope="module")
def export_built(exported) -> BuildResult:
    result = build_export(exported, exported.parent / "export-site")
    assert result.ok, result.log
    assert "WARNING" not in result.log
    return result


# ---------------------------------------------------------------------------------------------
# Comparing two built sites


class _Reader(HTMLParser):
    """One pass over a page: its text (inside <body>), title, link targets, ids and names."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.title: list[str] = []
        self.hrefs: list[str] = []
        self.ids: list[str] = []
        self.names: list[str] = []
        self._in: set[str] = set()

    def handle_starttag(self, tag, attrs):
        found = dict(attrs)
        if tag in ("body", "title"):
            self._in.add(tag)
        if tag == "a" and found.get("href") is not None:
            self.hrefs.append(found["href"])
        if found.get("id"):
            self.ids.append(found["id"])
        if found.get("aria-label") is not None:
            self.names.append(found["aria-label"])

    def handle_endtag(self, tag):
        self._in.discard(tag)

    def handle_data(self, data):
        if "title" in self._in:
            self.title.append(data)
        elif "body" in self._in:
            self.text.append(data)


def primary_nav(html: str) -> str:
    """The page's primary sidebar as built (the theme renders it from the nav alone)."""
    start = html.find('<div class="md-sidebar md-sidebar--primary"')
    end = html.find('<div class="md-sidebar md-sidebar--secondary"', start)
    return html[start:end] if start >= 0 else ""


def page_view(html: str, url: str) -> dict[str, object]:
    """What a reader gets from a page: its text (textContent, white space aside), title, nav,
    notices, the URLs its links lead to, its ids and its accessible names."""
    reader = _Reader()
    reader.feed(html)
    reader.close()
    base = urljoin(SITE_URL, url)
    return {
        "text": "".join("".join(reader.text).split()),
        "title": "".join(reader.title),
        "nav": primary_nav(html),
        "freshness": re.findall(r'data-freshness="([a-z]+)"', html),
        "links": sorted(urljoin(base, href) for href in reader.hrefs),
        "ids": sorted(reader.ids),
        "names": sorted(reader.names),
    }


def page_views(site: Path) -> dict[str, dict[str, object]]:
    return {
        path.relative_to(site).as_posix(): page_view(
            path.read_text(encoding="utf-8"), path.relative_to(site).as_posix()
        )
        for path in sorted(site.rglob("*.html"))
    }


def differences(ours: dict[str, dict[str, object]], theirs: Path) -> list[str]:
    """'page: what' for each way a page of the site `theirs` reads differently from `ours`
    (page_views of the other site)."""
    found = []
    for url, mine in ours.items():
        other = page_view((theirs / url).read_text(encoding="utf-8"), url)
        found += [f"{url}: {key}" for key in mine if mine[key] != other[key]]
    return found


def files_of(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


# ---------------------------------------------------------------------------------------------
# The export itself


def engine_modules(config_text: str) -> list[str]:
    """The engine's modules a mkdocs.yml names: hooks, plugins' modules, extensions."""
    return re.findall(r"\bhandbook\.(?:mkdocs|markdown_ext|pages|core)\b[\w.]*", config_text)


def test_the_export_has_no_hooks_no_macros_and_no_engine_in_its_config(project, exported):
    text = (exported / "mkdocs.yml").read_text(encoding="utf-8")
    config = yaml.safe_load(text)
    assert "hooks" not in config
    assert "macros" not in json.dumps(config["plugins"])
    assert engine_modules(text) == []
    # The one module it loads is the copied task-list extension, which imports no engine.
    assert "handbook_tasklist_labels" in config["markdown_extensions"]
    python = list(exported.rglob("*.py"))
    assert [p.name for p in python] == ["handbook_tasklist_labels.py"]
    assert not re.search(r"^\s*(from|import) handbook\b", python[0].read_text(), re.M)
    # Negative control: the handbook's own mkdocs.yml has hooks, macros and engine modules.
    source = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert "hooks:" in source and "- macros:" in source
    assert "handbook.mkdocs.macros" in engine_modules(source)


def test_the_build_needs_no_engine(project, export_built):
    assert export_built.ok
    # Negative control: the same run refuses the engine itself.
    result = without_engine("handbook", "--version", cwd=project)
    assert result.returncode != 0
    assert "handbook: no engine at build time" in result.stderr


def test_the_same_files(hooked, export_built):
    ours, theirs = files_of(hooked.site), files_of(export_built.site)
    assert len(ours) > 40
    assert theirs == ours


def test_every_page_reads_the_same(hooked, hooked_views, export_built):
    assert differences(hooked_views, export_built.site) == []
    # The comparison saw what matters: pages, notices of both kinds, stale badges in the nav.
    pages = list(hooked.site.rglob("*.html"))
    assert len(pages) > 20
    notices = [v for p in pages for v in re.findall(r'data-freshness="(\w+)"', p.read_text())]
    assert {"stale", "due"} <= set(notices) and len(notices) > 10
    assert "md-status--stale" in export_built.html("guidelines/")


def test_the_comparison_sees_each_kind_of_change(hooked):
    html = hooked.html("tools/")
    base = page_view(html, "tools/")
    changes = {
        "text": html.replace('id="tool-stack">Tool stack', 'id="tool-stack">Tool stacks', 1),
        "freshness": html.replace('data-freshness="stale"', 'data-freshness="due"', 1),
        "links": html.replace('href="../guidelines/"', 'href="../guidelines/x/"', 1),
        "nav": html.replace("\n    All tools\n", "\n    Every tool\n", 1),
        "names": html.replace('aria-label="Report a problem"', 'aria-label="Report"', 1),
    }
    for key, changed in changes.items():
        assert changed != html, key
        assert page_view(changed, "tools/")[key] != base[key], key


def test_feed_changelog_freshness_json_and_downloads_byte_for_byte(hooked, export_built, project):
    downloads = sorted(
        f for f in files_of(hooked.site) if re.match(r"templates/[^/]+/[^/]+\.md$", f)
    )
    assert len(downloads) == 3
    for name in [*BYTE_FOR_BYTE, *downloads]:
        assert (export_built.site / name).read_bytes() == (hooked.site / name).read_bytes(), name
    # The downloads are the template files themselves, though the export's theme holds each
    # wrapped for Jinja (MkDocs renders a theme's static templates).
    source = (project / "templates" / "prd.md").read_bytes()
    assert (export_built.site / "templates/prd/prd.md").read_bytes() == source
    wrapped = (
        export_built.site.parent / "exported" / "overrides/templates/prd/prd.md"
    ).read_bytes()
    assert wrapped != source and wrapped.startswith(b"{% raw %}")


# ---------------------------------------------------------------------------------------------
# NAMED EXCEPTIONS: what differs between the two builds, and why


def test_exception_search_index_and_sitemap_list_generated_pages_in_folder_order(
    hooked, export_built
):
    # A build adds generated pages after the written ones; in an export they are files of
    # docs/, listed in folder order. Same entries, other order.
    ours = json.loads((hooked.site / "search/search_index.json").read_text())
    theirs = json.loads((export_built.site / "search/search_index.json").read_text())
    assert theirs["config"] == ours["config"]

    def entries(index):
        return sorted(json.dumps(doc, sort_keys=True) for doc in index["docs"])

    assert entries(theirs) == entries(ours) and len(ours["docs"]) > 30

    def locations(site):
        return sorted(re.findall(r"<loc>([^<]+)</loc>", (site / "sitemap.xml").read_text()))

    assert locations(export_built.site) == locations(hooked.site)


def test_exception_html_is_not_byte_identical(hooked, export_built):
    # Notices, footers and tables are raw HTML blocks of the markdown in an export, which
    # Python-Markdown lays out with other line breaks; the dashboard's and tool pages' links
    # are markdown links (md_in_html) whose tables it writes a cell per line.
    # test_every_page_reads_the_same compares what a reader gets instead.
    page = "guidelines/index.html"
    assert (export_built.site / page).read_bytes() != (hooked.site / page).read_bytes()


def test_exception_a_download_link_is_root_relative(hooked, export_built):
    # The download is published by the theme, not a docs file, so it cannot be a markdown
    # link; a relative href in raw HTML is what a generator that re-resolves links (Zensical)
    # misreads. Same target.
    ours = re.search(r'href="([^"]+)" download="prd.md"', hooked.html("templates/prd/"))
    theirs = re.search(r'href="([^"]+)" download="prd.md"', export_built.html("templates/prd/"))
    assert ours and theirs
    assert (ours.group(1), theirs.group(1)) == ("prd.md", "/templates/prd/prd.md")
    base = SITE_URL + "templates/prd/"
    assert urljoin(base, ours.group(1)) == urljoin(base, theirs.group(1))


# ---------------------------------------------------------------------------------------------
# ProperDocs


def test_properdocs_builds_the_export_the_same(hooked, hooked_views, exported, tmp_path):
    built = build_export(exported, tmp_path / "site", "properdocs")
    assert built.ok, built.log
    assert "WARNING" not in built.log
    assert "ProperDocs" in built.html("")  # it really was ProperDocs
    assert files_of(built.site) == files_of(hooked.site)
    assert differences(hooked_views, built.site) == []
    for name in BYTE_FOR_BYTE:
        assert (built.site / name).read_bytes() == (hooked.site / name).read_bytes(), name
