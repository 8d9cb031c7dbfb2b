"""Feature pages in a real browser: freshness notice and dashboard, tool-stack pictures."""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import STALE_PAGE, STALE_REVIEWED

pytestmark = pytest.mark.browser


def test_stale_page_shows_notice_and_dashboard_lists_it(page, base_url):
    url_path = STALE_PAGE.removesuffix("index.md")
    page.goto(base_url + url_path)
    notice = page.locator("[data-freshness=stale]").first
    assert notice.is_visible()
    text = notice.inner_text()
    assert STALE_REVIEWED in text or "2024" in text
    assert re.search(r"Product Operations|Maya|Lucas|product", text)
    # The exact date and the owner's name (the looser checks above also match the contact).
    assert f"Last reviewed: {STALE_REVIEWED}" in text
    assert "Product Operations" in text
    fresh = page.goto(base_url)
    assert fresh is not None and fresh.ok
    assert page.locator("[data-freshness=stale]").count() == 0
    page.goto(base_url + "about/freshness/")
    row = page.locator("table tr", has=page.locator(f"a[href*='{url_path}']")).first
    assert row.is_visible()
    assert "stale" in row.inner_text().lower()


def test_dashboard_leads_with_the_stale_page_and_keeps_fresh_pages_folded(page, base_url):
    url_path = STALE_PAGE.removesuffix("index.md")
    page.goto(base_url + "about/freshness/")
    first = page.locator("article table tbody tr").first
    assert first.get_attribute("data-status") == "stale"
    assert first.locator("td").first.locator("a").get_attribute("href") in (
        f"../../{url_path}",
        base_url + url_path,  # instant navigation makes links absolute
    )
    # On screen without scrolling far: the real site was 9,868 px tall before fresh pages folded.
    box = first.bounding_box()
    assert box is not None and box["y"] < 900
    folded = page.evaluate("document.documentElement.scrollHeight")
    assert folded < 4000
    # Negative control: the fresh pages are there, only folded; opening them adds the rows.
    fresh = page.locator(
        "article details", has=page.locator("summary", has_text=re.compile(r"^\d+ fresh pages"))
    )
    assert fresh.locator("tr[data-status=fresh]").first.is_hidden()
    fresh.locator("summary").click()
    assert fresh.locator("tr[data-status=fresh]").first.is_visible()
    assert page.evaluate("document.documentElement.scrollHeight") > folded + 2000


@pytest.mark.parametrize("path", ["tools/radar/", "tools/integrations/"])
def test_tool_pictures_render_as_visible_svg(page, base_url, path):
    page.goto(base_url + path)
    svg = page.locator("article svg[role=img]").first
    svg.wait_for(state="visible")
    box = svg.bounding_box()
    assert box is not None and box["width"] > 200 and box["height"] > 150
    shapes = svg.locator("circle, rect, path, line, text")
    assert shapes.count() > 20
    # A picture, not diagram source shown as text.
    assert "graph " not in page.locator("article").inner_text()
