"""Every text field of data and front matter set to a payload: the site shows it as text.

"Anywhere" is every file of site/ a browser or feed reader reads as HTML: the pages (their
<title>, meta tags, nav, footer, breadcrumbs and tags index included), the search index, the
tags plugin's export and the release feed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.helpers import BuildResult
from tests.hostile_site import BRACED, PAYLOAD, build_hostile_site, live_markup, site_findings


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    result = build_hostile_site(tmp_path_factory.mktemp("hostile"))
    assert result.ok, result.log
    return result


def test_no_payload_becomes_markup_anywhere_in_the_site(hostile):
    assert site_findings(hostile.site) == {}


def test_the_sweep_reads_every_kind_of_file(hostile):
    # The payloads did reach each file the sweep reads, as text.
    index = (hostile.site / "search" / "search_index.json").read_text(encoding="utf-8")
    titles = [doc["title"] for doc in json.loads(index)["docs"]]
    assert any("&lt;img src=x onerror=alert(1)&gt;" in title for title in titles)
    tags = (hostile.site / "tags.json").read_text(encoding="utf-8")
    assert "onerror=alert(5)" in tags
    assert "onerror=alert(1)" in (hostile.site / "releases" / "feed.xml").read_text("utf-8")


def _text(html: str, selector: str) -> str:
    return " ".join(el.get_text() for el in BeautifulSoup(html, "html.parser").select(selector))


def test_braced_titles_show_as_typed(hostile):
    # mkdocs-macros renders a title holding `{{` and sets it past the front matter; the theme
    # still gets text: in the tags index, the nav, the footer and the tab title.
    tags = hostile.html("tags/")
    assert BRACED in _text(tags, "article")
    guideline = hostile.html("guidelines/decision-making/")
    assert BRACED in _text(guideline, "title")
    assert PAYLOAD in _text(guideline, ".md-nav--primary small")  # subtitle
    meta = BeautifulSoup(guideline, "html.parser").select_one("meta[name=author]")
    assert meta["content"] == PAYLOAD
    # A tool's name, the title of its page, in the nav and the footer of its neighbours.
    tool = hostile.html("tools/tracker/")
    assert BRACED in _text(tool, "title")
    assert BRACED in _text(tool, ".md-nav--primary")
    assert BRACED in _text(hostile.html("tools/spend/"), ".md-footer__title")


def test_site_findings_sees_a_payload_made_live_in_each_kind_of_file(tmp_path):
    # Negative control: the same payloads as markup are found in every file the sweep reads.
    live = '<img src=x onerror=alert(1)><a href="javascript:alert(2)">x</a>'
    (tmp_path / "search").mkdir()
    (tmp_path / "releases").mkdir()
    (tmp_path / "page.html").write_text(f"<p>{live}</p>", encoding="utf-8")
    index = {"docs": [{"location": "", "title": live, "text": "", "tags": [live]}]}
    (tmp_path / "search" / "search_index.json").write_text(json.dumps(index), encoding="utf-8")
    export = {"mappings": [{"item": {"url": "", "title": live}, "tags": []}]}
    (tmp_path / "tags.json").write_text(json.dumps(export), encoding="utf-8")
    feed = f"<rss><channel><item><description>{live.replace('<', '&lt;')}</description>"
    (tmp_path / "releases" / "feed.xml").write_text(feed + "</item></channel></rss>", "utf-8")
    found = site_findings(tmp_path)
    assert set(found) == {
        "page.html",
        "search/search_index.json",
        "tags.json",
        "releases/feed.xml",
    }
    # ... and nothing in the same files when the payloads are text.
    escaped = live.replace("&", "&amp;").replace("<", "&lt;")
    (tmp_path / "page.html").write_text(f"<p>{escaped}</p>", encoding="utf-8")
    assert "page.html" not in site_findings(tmp_path)


def test_live_markup_sees_each_payload_made_live():
    # Negative control: the check finds each payload when it does reach the HTML as markup.
    html = (
        '<p><img src=x onerror=alert(1)><a href="javascript:alert(2)">x</a>'
        '<script>alert(3)</script><meta content="" x=""><b onfocus=alert(4)>b</b></p>'
    )
    assert len(live_markup(html)) >= 5
    assert live_markup("<p>&lt;img src=x onerror=alert(1)&gt; [x](javascript:alert(2))</p>") == []


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))
