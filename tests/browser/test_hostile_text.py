"""Every text field of data and front matter set to a payload, loaded in Chromium: no script
runs, no dialog opens, and the reader sees the payload as the text it is."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from handbook.core.static_server import serve
from tests.browser.conftest import require_browser
from tests.hostile_site import PAYLOAD, build_hostile_site

pytestmark = pytest.mark.browser

# Pages whose main content shows data or template text (not only the nav).
CONTENT_PAGES = [
    "templates/",
    "templates/prd/",
    "tools/",
    "tools/tracker/",
    "tools/radar/",
    "releases/",
    "releases/1.2.0/",
    "releases/customers/",
    "onboarding/engineer/",
    "guidelines/",
]


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    require_browser()
    result = build_hostile_site(tmp_path_factory.mktemp("hostile-browser"))
    assert result.ok, result.log
    return result.site


@pytest.fixture(scope="module")
def hostile_url(hostile_site: Path) -> Iterator[str]:
    with serve(hostile_site) as url:
        yield url


def _dialogs(tab) -> list[str]:
    seen: list[str] = []

    def record(dialog) -> None:
        seen.append(dialog.message)
        dialog.dismiss()

    tab.on("dialog", record)
    return seen


def test_no_page_runs_a_payload(page, hostile_site, hostile_url):
    dialogs = _dialogs(page)
    urls = sorted(
        str(p.relative_to(hostile_site).parent) + "/" for p in hostile_site.rglob("index.html")
    )
    assert len(urls) >= 25  # every page of the fixture handbook
    missing = []
    page.route("**/search/search_index.json", lambda route: route.abort())
    for path in urls:
        path = "" if path == "./" else path
        page.goto(hostile_url + path)
        text = page.evaluate("document.title + ' ' + document.body.textContent")
        if "onerror=alert(1)" in page.content() and PAYLOAD not in text:
            missing.append(path)
    assert dialogs == []
    assert missing == []


@pytest.mark.parametrize("path", CONTENT_PAGES)
def test_payload_is_visible_as_text(page, hostile_url, path):
    dialogs = _dialogs(page)
    page.goto(hostile_url + path)
    assert PAYLOAD in page.locator("article").inner_text()
    assert page.locator("article img[src=x], article a[href^='javascript']").count() == 0
    assert dialogs == []


def test_front_matter_is_text_in_title_nav_and_meta(page, hostile_url):
    page.goto(hostile_url + "guidelines/")
    assert page.title().startswith(PAYLOAD)
    description = page.locator("meta[name=description]").get_attribute("content")
    assert description == PAYLOAD
    page.goto(hostile_url + "templates/prd/")
    assert page.title().startswith(PAYLOAD)
    assert page.locator("meta[name=description]").get_attribute("content") == PAYLOAD


def test_a_payload_made_live_is_caught(page):
    # Negative control: the same payload as markup opens a dialog and is not shown as text.
    dialogs = _dialogs(page)
    page.set_content(f"<article><p>{PAYLOAD}</p></article>")
    page.wait_for_timeout(300)
    assert dialogs
    assert PAYLOAD not in page.locator("article").inner_text()
