"""Charts on a phone: labels stay readable (the picture scrolls sideways), with a legend and
a table of the same data."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
CHARTS = ["tools/radar/", "tools/integrations/", "tools/spend/"]
MIN_TEXT_PX = 10

SMALLEST_TEXT = """() => Math.min(...[...document.querySelectorAll('.tool-chart svg text')]
    .filter(t => t.textContent.trim())
    .map(t => t.getBoundingClientRect().height))"""


@pytest.fixture()
def phone(chromium):
    context = chromium.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.mark.parametrize("path", CHARTS)
def test_chart_labels_are_readable_on_a_phone(phone, base_url, path):
    phone.goto(base_url + path)
    smallest = phone.evaluate(SMALLEST_TEXT)
    assert smallest >= MIN_TEXT_PX, f"{path}: smallest label {smallest:.1f} px"
    # The figure scrolls inside the page; the page itself does not get wider than the phone.
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    figure = phone.locator(".tool-chart").first
    assert figure.evaluate("f => f.scrollWidth > f.clientWidth")
    assert phone.locator("article table").count() >= 1  # the same data as a table


def test_without_the_minimum_width_labels_would_shrink(phone, base_url):
    # Negative control: the same page with the minimum width taken away.
    phone.goto(base_url + "tools/radar/")
    phone.add_style_tag(content=".md-typeset .tool-chart svg { min-width: 0 !important; }")
    assert phone.evaluate(SMALLEST_TEXT) < 7


def test_radar_has_a_legend_for_every_ring(page, base_url):
    page.goto(base_url + "tools/radar/")
    legend = page.locator(".tool-legend li")
    assert legend.count() == 4
    assert [t.split()[0] for t in legend.all_inner_texts()] == ["adopt", "trial", "assess", "hold"]


WIDE_TABLE_PAGES = [
    "tools/",
    "tools/renewals/",
    "about/freshness/",
    "templates/prd/",
    "releases/enablement/",
    "guidelines/bug-triage/",
]

OVERFLOWING_TABLES = """() => [...document.querySelectorAll('article table')].filter(table => {
    const box = table.closest('.md-typeset__scrollwrap, .tool-chart') || table.parentElement;
    const style = getComputedStyle(box);
    const scrolls = ['auto', 'scroll'].includes(style.overflowX);
    return table.scrollWidth > box.clientWidth + 1 && !scrolls;
}).length"""


@pytest.mark.parametrize("path", WIDE_TABLE_PAGES)
def test_tables_scroll_inside_the_page_on_a_phone(phone, base_url, path):
    phone.goto(base_url + path)
    phone.wait_for_load_state("load")
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], path
    assert phone.evaluate(OVERFLOWING_TABLES) == 0, path
