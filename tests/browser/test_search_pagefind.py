"""Pagefind search in Chromium, on the fixture handbook switched to it
(`extra: handbook: search: pagefind`): nothing is fetched until a reader opens the search,
a query finds pages by their words but not by the review footer, and a result opens its page."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from handbook.core.pagefind import python_has_pagefind
from handbook.core.static_server import serve
from tests.browser.conftest import require_browser, screenshot
from tests.helpers import build, fixture_site, shared

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not python_has_pagefind(), reason="pagefind not installed"),
]
INPUT = "[data-handbook-search-input]"
META = "[data-handbook-search-meta]"
RESULT = ".md-search-result__item"


@pytest.fixture(scope="module")
def pagefind_url(tmp_path_factory) -> Iterator[str]:
    require_browser()

    def make(work: Path) -> Path:
        project = fixture_site(work)
        config = project / "mkdocs.yml"
        config.write_text(
            config.read_text(encoding="utf-8") + "\nextra:\n  handbook:\n    search: pagefind\n",
            encoding="utf-8",
        )
        result = build(project, work / "site")
        assert result.ok, result.log
        return result.site

    with serve(shared(tmp_path_factory, "pagefind-site", make)) as url:
        yield url


def search(page, query: str) -> str:
    """The result count a query shows (after the box was cleared, so never an older count)."""
    page.click(INPUT)
    page.fill(INPUT, "")
    page.wait_for_function(
        f"document.querySelector({META!r}).textContent.includes('Type to start')"
    )
    page.fill(INPUT, query)
    page.wait_for_function(
        f"document.querySelector({META!r}).textContent.includes('matching')", timeout=15_000
    )
    return page.inner_text(META)


def test_a_first_visit_fetches_no_part_of_the_search(page, pagefind_url, requests_seen):
    page.goto(pagefind_url + "guidelines/decision-making/")
    page.wait_for_load_state("networkidle")
    assert page.is_visible(INPUT)
    assert [url for url in requests_seen.urls if "/pagefind/" in url] == []
    # Opening the search loads it.
    page.click(INPUT)
    page.wait_for_load_state("networkidle")
    assert any(url.endswith("/pagefind/pagefind.js") for url in requests_seen.urls)


def test_a_query_finds_the_page_and_a_result_opens_it(page, pagefind_url):
    page.goto(pagefind_url + "tools/")
    assert search(page, "decider") == "1 matching document"
    link = page.locator(f"{RESULT} a").first
    assert link.get_attribute("href") == "/guidelines/decision-making/"
    assert link.locator("h1").inner_text() == "Decision making"
    assert "decider" in link.locator("mark").first.inner_text().lower()
    screenshot(page, "pagefind-search")
    link.click()
    page.wait_for_url(re.compile(r"/guidelines/decision-making/$"))
    assert page.locator("h1").first.inner_text().startswith("Decision making")
    assert not page.is_checked("#__search")  # the search closed


def test_the_review_footer_is_on_the_page_but_not_in_the_search(page, pagefind_url):
    page.goto(pagefind_url + "guidelines/decision-making/")
    assert "Reviewed on 2026-11-01" in page.inner_text(".handbook-reviewed")
    # Pages whose own text says "reviewed" (the template pages' tables) are found; this page,
    # whose only "reviewed" is in its footer, is not.
    search(page, "reviewed")
    found = [link.get_attribute("href") for link in page.locator(f"{RESULT} a").all()]
    assert found and "/guidelines/decision-making/" not in found
    # Control: a word of the page's own text finds it.
    assert search(page, "decider") == "1 matching document"


def test_no_match_and_a_cleared_box_say_so(page, pagefind_url):
    page.goto(pagefind_url)
    assert search(page, "zzyzx") == "No matching documents"
    assert page.locator(RESULT).count() == 0
    page.fill(INPUT, "")
    page.wait_for_function(
        f"document.querySelector({META!r}).textContent.includes('Type to start')"
    )
