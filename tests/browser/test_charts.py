"""Charts on a phone: labels stay readable (the picture scrolls sideways), with a legend and
a table of the same data."""

from __future__ import annotations

import contextlib

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


RADAR_LABELS = """() => {
    const svg = document.querySelector('.tool-radar svg');
    const scale = svg.getScreenCTM().a;  // screen px per viewBox unit
    const view = svg.viewBox.baseVal;
    const rect = e => { const r = e.getBoundingClientRect();
        return [r.left, r.top, r.right, r.bottom]; };
    return {
        names: [...svg.querySelectorAll('.radar-blip title')]
            .map(t => t.textContent.replace(/^\\d+\\. /, '').replace(/ \\(\\w+\\)$/, '')),
        labels: [...svg.querySelectorAll('text.radar-label')].map(t => { const b = t.getBBox();
            return {text: t.textContent, box: rect(t),
                px: parseFloat(getComputedStyle(t).fontSize) * scale,
                inside: b.x >= view.x && b.y >= view.y && b.x + b.width <= view.x + view.width
                    && b.y + b.height <= view.y + view.height}; }),
        blips: [...svg.querySelectorAll('circle.radar-blip')].map(rect),
    };
}"""


def overlapping_names(found: dict) -> list[str]:
    """Pairs of rendered name labels whose boxes intersect, and names drawn over a blip."""
    labels = found["labels"]
    clashes = []
    for i, a in enumerate(labels):
        for b in labels[i + 1 :]:
            (al, at, ar, ab), (bl, bt, br, bb) = a["box"], b["box"]
            if al < br and bl < ar and at < bb and bt < ab:
                clashes.append(f"{a['text']} / {b['text']}")
        left, top, right, bottom = a["box"]
        for cl, ct, cr, cb in found["blips"]:
            cx, cy, r = (cl + cr) / 2, (ct + cb) / 2, (cr - cl) / 2
            nearest = (min(max(cx, left), right), min(max(cy, top), bottom))
            if (nearest[0] - cx) ** 2 + (nearest[1] - cy) ** 2 < r * r:
                clashes.append(f"{a['text']} on a blip")
    return clashes


def test_radar_names_every_tool_without_overlaps_on_a_phone(phone, base_url):
    phone.goto(base_url + "tools/radar/")
    found = phone.evaluate(RADAR_LABELS)
    assert len(found["names"]) >= 25
    assert sorted(label["text"] for label in found["labels"]) == sorted(found["names"])
    assert overlapping_names(found) == []
    assert [label["text"] for label in found["labels"] if not label["inside"]] == []
    smallest = min(label["px"] for label in found["labels"])
    assert smallest >= 11, f"smallest tool name {smallest:.1f} px"


def test_radar_label_checks_catch_overlapping_and_shrunken_names(phone, base_url):
    # Negative controls: every name moved onto the first blip, and the minimum width removed.
    phone.goto(base_url + "tools/radar/")
    phone.evaluate("""() => { const blip = document.querySelector('circle.radar-blip');
        for (const t of document.querySelectorAll('text.radar-label')) {
            t.setAttribute('x', blip.getAttribute('cx'));
            t.setAttribute('y', blip.getAttribute('cy'));
        } }""")
    found = phone.evaluate(RADAR_LABELS)
    assert len(overlapping_names(found)) > len(found["labels"])
    phone.add_style_tag(content=".md-typeset .tool-chart svg { min-width: 0 !important; }")
    assert min(label["px"] for label in phone.evaluate(RADAR_LABELS)["labels"]) < 11


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


# ---------------------------------------------------------------------------------------------
# Charts that fit: the content width on a desktop, readable text and a scroll cue on a phone.

FONT_PX = """() => [...document.querySelectorAll('.tool-chart svg')].flatMap(svg =>
    [...svg.querySelectorAll('text')].filter(t => t.textContent.trim()).map(t =>
        parseFloat(getComputedStyle(t).fontSize) * svg.getScreenCTM().a))"""
FITS = """() => [...document.querySelectorAll('.tool-chart')].map(f => {
    const article = document.querySelector('article').getBoundingClientRect();
    const svg = f.querySelector('svg').getBoundingClientRect();
    return {clipped: f.scrollWidth > f.clientWidth + 1,
            outside: svg.right > article.right + 1 || svg.left < article.left - 1};
})"""


@contextlib.contextmanager
def desktop(chromium, width: int):
    """A tab in a desktop window `width` px wide, closed with its context afterwards."""
    context = chromium.new_context(viewport={"width": width, "height": 900})
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.mark.parametrize("width", [1280, 1536])
@pytest.mark.parametrize("path", CHARTS)
def test_charts_fit_the_content_width_on_a_desktop(chromium, base_url, path, width):
    with desktop(chromium, width) as tab:
        tab.goto(base_url + path)
        found = tab.evaluate(FITS)
        assert found and all(not f["clipped"] and not f["outside"] for f in found), found
        assert min(tab.evaluate(FONT_PX)) >= 11
        assert tab.locator(".handbook-scroll-hint").count() == 0  # nothing to scroll


def test_a_chart_wider_than_the_content_is_caught(chromium, base_url):
    # Negative control: the same check fails once the picture is wider than the column.
    with desktop(chromium, 1280) as tab:
        tab.goto(base_url + "tools/radar/")
        tab.add_style_tag(content=".md-typeset .tool-chart svg { min-width: 1100px !important }")
        assert any(f["clipped"] for f in tab.evaluate(FITS))


def test_radar_takes_the_empty_table_of_contents_column(chromium, base_url):
    with desktop(chromium, 1280) as tab:
        tab.goto(base_url + "tools/radar/")
        assert not tab.locator(".md-sidebar--secondary").is_visible()
        # Negative control: a page with headings keeps its table of contents.
        tab.goto(base_url + "tools/spend/")
        assert tab.locator(".md-sidebar--secondary").is_visible()


@pytest.mark.parametrize("path", CHARTS)
def test_no_chart_text_under_11_px_on_a_phone_and_a_scroll_cue(phone, base_url, path):
    phone.goto(base_url + path)
    sizes = phone.evaluate(FONT_PX)
    assert sizes and min(sizes) >= 10.95, f"{path}: {min(sizes):.2f} px"
    figure = phone.locator(".tool-chart").first
    assert "handbook-scrolls" in figure.get_attribute("class")
    hint = phone.locator(".handbook-scroll-hint").first
    assert hint.is_visible()
    assert "swipe the picture sideways" in hint.inner_text()
    # The fading edge moves with the scroll: more to see on the right, then on the left.
    assert "handbook-scrolls--start" in figure.get_attribute("class")
    figure.evaluate("f => { f.scrollLeft = f.scrollWidth; f.dispatchEvent(new Event('scroll')); }")
    phone.wait_for_function(
        "document.querySelector('.tool-chart').classList.contains('handbook-scrolls--end')"
    )


def test_wide_tables_on_a_phone_get_a_scroll_cue(phone, base_url):
    phone.goto(base_url + "tools/renewals/")
    wraps = phone.locator(".md-typeset__scrollwrap.handbook-scrolls")
    assert wraps.count() >= 1
    assert phone.locator(".handbook-scroll-hint", has_text="swipe the table").first.is_visible()


def test_tables_that_fit_get_no_scroll_cue(chromium, base_url):
    # Negative control: on a desktop the same tables fit, and no hint is shown.
    with desktop(chromium, 1280) as tab:
        tab.goto(base_url + "tools/renewals/")
        assert tab.locator(".md-typeset__scrollwrap").count() >= 1
        assert tab.locator(".handbook-scroll-hint").count() == 0
