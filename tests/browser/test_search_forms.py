"""Search finds word forms and puts the page whose title matches first: ten queries in the
handbook's own words, each with the page a reader expects among the first three results."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.test_reader import SEARCH_READY

pytestmark = pytest.mark.browser

QUERIES = {
    "prioritize": "guidelines/prioritization/",  # a verb finds the noun in the title
    "prioritizing": "guidelines/prioritization/",
    "retrospectives": "templates/retrospective/",  # plural finds singular
    "experiments": "guidelines/experimentation-process/",
    "incident reviews": "guidelines/incident-review/",
    "launch checklists": "templates/launch-checklist/",
    "decision records": "guidelines/decision-records/",
    "renewals": "tools/renewals/",
    "stakeholder updates": "templates/stakeholder-update/",
    "glossary": "about/glossary/",
}


RESULTS = "document.querySelectorAll('.md-search-result__item').length"
NO_MATCH = "/no matching/i.test(document.querySelector('.md-search-result__meta').textContent)"


def top_pages(tab, query: str, count: int = 3) -> list[str]:
    box = tab.locator("input.md-search__input")
    # Material searches on key events: an emptied box clears the last query's results, then
    # the query goes in with its last letter typed, so it is searched once, as a whole.
    box.fill("x")
    box.press("Backspace")
    tab.wait_for_function(f"{RESULTS} === 0", timeout=10_000)
    box.fill(query[:-1])
    box.press(query[-1])
    tab.wait_for_function(f"{RESULTS} > 0 || {NO_MATCH}", timeout=10_000)
    # Read once the results stop changing.
    previous = None
    for _ in range(50):
        tab.wait_for_timeout(100)
        current = read_pages(tab, count)
        if current == previous:
            return current
        previous = current
    return previous or []


def read_pages(tab, count: int) -> list[str]:
    hrefs = tab.evaluate(
        """() => [...document.querySelectorAll('.md-search-result__item > a')]
            .map(a => new URL(a.href).pathname)"""
    )
    pages: list[str] = []
    for href in hrefs:
        if href not in pages:
            pages.append(href)
    return pages[:count]


def open_search(tab, base_url: str) -> None:
    tab.goto(base_url)
    tab.locator("label.md-search__icon, .md-search__input").first.click()
    tab.wait_for_function(SEARCH_READY, timeout=30_000)


def test_ten_queries_find_their_page_in_the_top_three(page, base_url):
    open_search(page, base_url)
    misses = {}
    for query, expected in QUERIES.items():
        found = top_pages(page, query)
        if "/" + expected not in found:
            misses[query] = found
    assert misses == {}


def test_without_stemming_typed_word_forms_miss(page, base_url, browser_site: Path):
    # Negative control: Material's own worker, unwrapped, does not stem what is typed.
    workers = browser_site / "assets" / "javascripts" / "workers"
    material = next(workers.glob("search.*.min.js"))
    page.route(
        "**/assets/javascripts/workers/handbook-search.js",
        lambda route: route.fulfill(
            body=material.read_text(encoding="utf-8"), content_type="text/javascript"
        ),
    )
    open_search(page, base_url)
    box = page.locator("input.md-search__input")
    box.press_sequentially("prioritize")
    page.wait_for_timeout(1_000)
    hrefs = page.evaluate(
        "() => [...document.querySelectorAll('.md-search-result__item > a')].map(a => a.href)"
    )
    assert not any("guidelines/prioritization/" in href for href in hrefs[:3])
