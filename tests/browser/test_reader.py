"""What a reader sees in a real browser: search, navigation, palette, no off-host requests."""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import screenshot

pytestmark = pytest.mark.browser


# Material's search index loads in a web worker; a query typed before it is ready is dropped.
SEARCH_READY = """() => {
    const meta = document.querySelector('.md-search-result__meta');
    return meta !== null && meta.textContent.trim() && !/initializing/i.test(meta.textContent);
}"""


def search(page, query: str) -> None:
    """Open search, wait for the index, and type (Material searches on key events)."""
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.wait_for_function(SEARCH_READY, timeout=30_000)
    page.locator("input.md-search__input").press_sequentially(query)


def test_search_finds_the_experimentation_guideline(page, base_url):
    page.goto(base_url)
    search(page, "experiment")
    results = page.locator(".md-search-result__item a")
    # Results are rendered as the index answers; wait for the one we want, not the first.
    target = results.filter(has=page.locator("h1", has_text=re.compile("xperiment"))).first
    target.wait_for(timeout=10_000)
    target.click()
    page.wait_for_url(re.compile(r"/guidelines/.*experiment"), timeout=10_000)
    assert re.search("xperiment", page.locator("article h1").first.inner_text())


def test_search_for_nonsense_finds_nothing(page, base_url):
    # Negative control for the search test: results must depend on the query.
    page.goto(base_url)
    search(page, "qwxzvbnm")
    page.locator(".md-search-result__meta").wait_for(timeout=10_000)
    page.wait_for_timeout(500)
    assert page.locator(".md-search-result__item").count() == 0


def test_dark_mode_toggle_switches_palette_and_survives_reload(page, base_url):
    page.goto(base_url)
    body = page.locator("body")
    before = body.get_attribute("data-md-color-scheme")
    background_before = page.evaluate("getComputedStyle(document.body).backgroundColor")
    page.locator("form[data-md-component=palette] label:visible").first.click()
    page.wait_for_function(
        f"document.body.getAttribute('data-md-color-scheme') !== {before!r}", timeout=5_000
    )
    after = body.get_attribute("data-md-color-scheme")
    assert {before, after} == {"default", "slate"}
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") != background_before
    page.reload()
    assert page.locator("body").get_attribute("data-md-color-scheme") == after
    page.goto(base_url + "about/")
    assert page.locator("body").get_attribute("data-md-color-scheme") == after


def test_phone_navigation_drawer_reaches_an_onboarding_playbook(chromium, base_url, requests_seen):
    ctx = chromium.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    ctx.on("request", requests_seen.record)
    ctx.on("response", requests_seen.record_response)
    tab = ctx.new_page()
    try:
        tab.goto(base_url)
        drawer = tab.locator("label.md-header__button[for=__drawer]")
        assert drawer.is_visible()
        assert (
            not tab.locator("nav.md-nav--primary").first.is_visible()
            or tab.locator("nav.md-nav--primary").first.bounding_box()["x"] < 0
        )
        drawer.click()
        tab.locator("nav.md-nav--primary").first.wait_for(state="visible")
        # navigation.prune leaves other sections as plain links: open Onboarding, then the
        # drawer again, where its playbooks are now listed.
        primary = tab.locator("nav.md-nav--primary")
        primary.locator("a.md-nav__link", has_text="Onboarding").first.click()
        tab.wait_for_url(re.compile(r"/onboarding/$"), timeout=10_000)
        drawer.click()
        primary.first.wait_for(state="visible")
        playbook = tab.locator(
            "nav.md-nav--primary a.md-nav__link", has_text=re.compile("Product manager", re.I)
        ).first
        playbook.wait_for(state="visible", timeout=5_000)
        playbook.click()
        tab.wait_for_url(re.compile(r"/onboarding/product-manager/"), timeout=10_000)
        assert re.search("product manager", tab.locator("article h1").inner_text(), re.I)
    finally:
        ctx.close()
    assert requests_seen.off_host() == []
    assert requests_seen.failed == []


def test_request_log_catches_an_off_host_request(page, base_url, requests_seen):
    # Negative control: the recorder does see requests, and would flag one to another host.
    page.goto(base_url)
    assert any(url.startswith(base_url) for url in requests_seen.urls)
    requests_seen.urls.append("https://fonts.example.net/font.woff2")
    assert requests_seen.off_host() == ["https://fonts.example.net/font.woff2"]
    requests_seen.urls.pop()


def test_request_log_catches_a_failed_response(page, base_url, requests_seen):
    # Negative control: a request our server cannot answer is recorded as failed.
    page.goto(base_url + "no-such-page/")
    assert requests_seen.failed == [f"404 {base_url}no-such-page/"]
    requests_seen.failed.clear()  # expected here; the fixture checks the rest


SCREENSHOT_PAGES = {
    "home": "",
    "guideline": "guidelines/",
    "template": "templates/prd/",
    "tool-catalogue": "tools/",
    "freshness-dashboard": "about/freshness/",
}


@pytest.mark.parametrize("name", SCREENSHOT_PAGES)
def test_screenshots_for_review(page, base_url, name):
    response = page.goto(base_url + SCREENSHOT_PAGES[name])
    assert response is not None and response.status == 200
    page.wait_for_load_state("networkidle")
    path = screenshot(page, name)
    assert path.stat().st_size > 10_000
