"""The one URL builder: page URLs with and without directory URLs, links between them."""

import pytest

from handbook.core.urls import absolute_url, page_url, relative_url, site_path


@pytest.mark.parametrize(
    ("src", "url"), [("index.md", ""), ("a/index.md", "a/"), ("a/b.md", "a/b/"), ("b.md", "b/")]
)
def test_page_url(src, url):
    assert page_url(src) == url


@pytest.mark.parametrize(
    ("src", "url"),
    [("index.md", "index.html"), ("a/index.md", "a/index.html"), ("a/b.md", "a/b.html")],
)
def test_page_url_without_directory_urls(src, url):
    assert page_url(src, directory_urls=False) == url


def test_relative_url_between_site_pages():
    assert relative_url("about/freshness/", "guidelines/stale/") == "../../guidelines/stale/"
    assert relative_url("about/freshness/", "") == "../../"
    assert relative_url("about/freshness/", "about/freshness/") == "./"


def test_links_between_pages():
    assert relative_url("tools/radar/", "tools/jira/") == "../jira/"
    assert relative_url("tools/", "tools/jira/") == "jira/"
    assert relative_url("tools/radar.html", "tools/jira.html") == "jira.html"
    assert relative_url("about/freshness.html", "index.html") == "../index.html"


def test_absolute_url_keeps_the_site_sub_path():
    assert absolute_url("https://x.test/handbook/", "releases/1.0.0/") == (
        "https://x.test/handbook/releases/1.0.0/"
    )
    assert absolute_url("https://x.test/handbook", "/releases/") == (
        "https://x.test/handbook/releases/"
    )
    assert absolute_url(None, "releases/") == "releases/"


def test_site_path_of_the_home_page():
    assert site_path("./") == "" and site_path("guidelines/") == "guidelines/"


@pytest.mark.parametrize("directory_urls", [True, False])
@pytest.mark.parametrize(
    "src", ["a/b.markdown", "c.md", "d/e.mdown", "f.mkdn", "g/h.mkd", "README.md", "x/README.md"]
)
def test_page_url_is_mkdocs_file_url(tmp_path, src, directory_urls):
    from mkdocs.structure.files import File

    made = File(src, str(tmp_path), str(tmp_path / "site"), use_directory_urls=directory_urls)
    assert made.is_documentation_page()
    assert page_url(src, directory_urls) == site_path(made.url)
