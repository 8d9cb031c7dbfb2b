"""Search: Material's by default; `extra: handbook: search: pagefind` switches a handbook to
Pagefind's chunked index, built after the site, shown in Material's search box."""

from __future__ import annotations

import json
import re

import pytest

from handbook.core.pagefind import python_has_pagefind
from tests.helpers import FIXED_TODAY, build, handbook_cli, make_project, page

NAV = """
nav:
  - index.md
  - Guidelines:
      - guidelines/index.md
      - guidelines/triage.md
"""
PAGEFIND = "\nextra:\n  handbook:\n    search: pagefind\n"
DOCS = {
    "index.md": page("# Home\n\nStart here.\n"),
    "guidelines/index.md": page("# Guidelines\n\nHow we work.\n"),
    "guidelines/triage.md": page("# Bug triage\n\nSort every zeppelin report within a day.\n"),
}
ARTICLE = '<article class="md-content__inner md-typeset"'

needs_pagefind = pytest.mark.skipif(not python_has_pagefind(), reason="pagefind not installed")


def search_index(site) -> dict:
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def pagefind_site(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("pagefind"), DOCS, nav=NAV + PAGEFIND)
    result = build(project)
    assert result.ok, result.log
    return result


@pytest.fixture(scope="module")
def material_site(tmp_path_factory):
    result = build(make_project(tmp_path_factory.mktemp("material"), DOCS, nav=NAV))
    assert result.ok, result.log
    return result


@needs_pagefind
def test_pagefind_writes_its_bundle_and_material_indexes_nothing(pagefind_site):
    bundle = pagefind_site.site / "pagefind"
    assert (bundle / "pagefind.js").is_file()
    assert list((bundle / "index").glob("*.pf_index"))
    assert list((bundle / "fragment").glob("*.pf_fragment"))
    assert search_index(pagefind_site.site)["docs"] == []
    assert "Pagefind indexed" in pagefind_site.log


@needs_pagefind
def test_each_page_marks_its_article_for_pagefind_but_not_the_dashboard(pagefind_site):
    for url in ("", "guidelines/", "guidelines/triage/", "tools/tracker/"):
        html = pagefind_site.html(url)
        assert html.count(f"{ARTICLE} data-pagefind-body>") == 1, url
        assert html.count("data-pagefind-body") == 1, url
    # Material's search leaves the dashboard out (its tables repeat every title); so does this.
    assert "data-pagefind-body" not in pagefind_site.html("about/freshness/")


@needs_pagefind
def test_the_header_has_the_engines_search_box_not_materials(pagefind_site):
    html = pagefind_site.html("guidelines/triage/")
    assert 'class="md-search handbook-search"' in html
    assert "data-handbook-search-input" in html
    assert 'data-md-component="search"' not in html  # Material's search does not start
    script = re.search(r'<script src="([^"]+search\.js)" data-bundle="([^"]+)"', html)
    assert script.groups() == ("../../assets/handbook/search.js", "../../pagefind/")
    assert (pagefind_site.site / "assets" / "handbook" / "search.js").is_file()


def test_material_search_stays_the_default(material_site):
    # Negative control: without the setting, Material's search and its index, no Pagefind.
    html = material_site.html("guidelines/triage/")
    assert 'data-md-component="search"' in html
    # (handbook-search.js is Material's own worker, wrapped to stem words: not Pagefind.)
    assert 'class="md-search handbook-search"' not in html and "data-pagefind-body" not in html
    assert not (material_site.site / "pagefind").exists()
    assert not (material_site.site / "assets" / "handbook" / "search.js").exists()
    texts = " ".join(doc["text"] for doc in search_index(material_site.site)["docs"])
    assert "zeppelin" in texts


def test_an_unknown_search_is_refused_by_name_by_the_build_and_by_check(tmp_path):
    nav = NAV + PAGEFIND.replace("pagefind", "lunr")
    project = make_project(tmp_path, DOCS, nav=nav)
    message = "extra.handbook.search in mkdocs.yml is 'lunr'; use one of: material, pagefind"
    result = build(project)
    assert not result.ok
    assert message in result.log
    checked = handbook_cli("check", "--root", str(project), "--today", FIXED_TODAY)
    assert checked.returncode == 1
    line = (project / "mkdocs.yml").read_text().splitlines().index("    search: lunr") + 1
    assert f"mkdocs.yml:{line}: {message}" in checked.stderr
