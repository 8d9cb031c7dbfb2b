"""The built handbook works hosted under a sub-path (site_url https://example.com/handbook/)."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from urllib.parse import urljoin

import pytest

from handbook.core.static_server import serve
from tests.helpers import build, fixture_site, linkcheck, mkdocs_env
from tests.serving import fetch

PREFIX = "/handbook/"


@pytest.fixture(scope="module")
def subpath_site(tmp_path_factory):
    work = tmp_path_factory.mktemp("subpath")
    result = build(
        fixture_site(work),
        work / "site",
        env=mkdocs_env(HANDBOOK_SITE_URL=f"https://example.com{PREFIX}"),
    )
    assert result.ok, result.log
    return result


class _Assets(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.config = ""
        self._in_config = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") == "stylesheet":
            self.urls.append(attrs["href"])
        elif tag == "script" and attrs.get("src"):
            self.urls.append(attrs["src"])
        self._in_config = tag == "script" and attrs.get("id") == "__config"

    def handle_data(self, data):
        if self._in_config:
            self.config += data

    def handle_endtag(self, tag):
        self._in_config = False


def test_site_url_sets_the_canonical_sub_path(subpath_site):
    assert '<link rel="canonical" href="https://example.com/handbook/">' in subpath_site.html("")


def test_no_root_absolute_url_leaves_the_sub_path(subpath_site):
    for path in subpath_site.site.rglob("*.html"):
        for url in re.findall(r'(?:href|src)="(/[^"/][^"]*)"', path.read_text(encoding="utf-8")):
            assert url.startswith(PREFIX), f"{path.relative_to(subpath_site.site)}: {url}"


def test_linkchecker_finds_no_broken_link_under_the_prefix(subpath_site):
    result = linkcheck(subpath_site.site, PREFIX)
    assert result.returncode == 0, result.stdout + result.stderr
    assert " 0 errors found" in result.stdout


def test_linkchecker_catches_a_root_absolute_link_under_the_prefix(tmp_path):
    # Negative control, on a two-page site so it stays quick however large the handbook grows:
    # a hand-written root-absolute link works when served at / but not under /handbook/.
    site = tmp_path / "site"
    (site / "about").mkdir(parents=True)
    (site / "index.html").write_text(
        '<html><body><a href="about/">ok</a> <a href="/about/">absolute</a></body></html>'
    )
    (site / "about" / "index.html").write_text("<html><body>About</body></html>")
    with serve(site, "/") as base:  # served at /, both links lead to the page
        assert fetch(urljoin(base, "about/"))[0] == 200
        assert fetch(urljoin(base, "/about/"))[0] == 200
    result = linkcheck(site, PREFIX)
    assert result.returncode != 0
    assert "/about/" in result.stdout and "404" in result.stdout


@pytest.mark.parametrize("page", ["", "about/"])
def test_assets_and_search_index_load_under_the_prefix(subpath_site, page):
    with serve(subpath_site.site, PREFIX) as base:
        page_url = base + page
        status, html = fetch(page_url)
        assert status == 200
        parser = _Assets()
        parser.feed(html)
        css = [u for u in parser.urls if ".css" in u]
        js = [u for u in parser.urls if ".js" in u]
        assert css and js, parser.urls
        for url in parser.urls:
            absolute = urljoin(page_url, url)
            assert absolute.startswith(base), absolute
            assert fetch(absolute)[0] == 200, absolute
        # Material's search worker loads search/search_index.json from the configured base.
        config = json.loads(parser.config)
        index_url = urljoin(page_url, config["base"].rstrip("/") + "/search/search_index.json")
        assert index_url == base + "search/search_index.json"
        status, body = fetch(index_url)
        assert status == 200
        assert json.loads(body)["docs"]
        # Negative control: the same asset outside the prefix is not found.
        assert fetch(index_url.replace(PREFIX, "/", 1))[0] == 404
