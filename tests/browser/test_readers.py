"""Readers closing the loop in a real browser: "Report a problem" on every kind of page, tickable
onboarding checklists, and a page that turns stale in the browser without a rebuild."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import screenshot
from tests.browser.test_navigation import CLICK, INSTALL_PROBE, LANDED, sitemap_here

pytestmark = pytest.mark.browser


@pytest.fixture()
def page(page, browser_site, base_url):
    """The tab, with the sitemap on this server's address so instant navigation works."""
    sitemap_here(page, browser_site, base_url)
    return page


REPO = "https://github.com/example-co/product-handbook"
# One page of each kind: hand-written, generated from data, from a template, from a release,
# made by a plugin (tags) and the home page.
REPORT_PAGES = {
    "guidelines/prioritization/": "docs/guidelines/prioritization.md",
    "tools/jira/": "data/tools.yml",
    "templates/prd/": "templates/prd.md",
    "tags/": "docs/tags.md",
    "": "docs/index.md",
}
PLAYBOOK = "onboarding/product-manager/"


def instant_to(tab, url: str) -> None:
    """Follow a link to `url` as a reader does, and wait until Material shows the new page (the
    address changes before the new article is in place); a full reload fails the test."""
    # Material intercepts a click only once it has the sitemap; on a busy machine a click
    # before that would be an ordinary (full) navigation.
    tab.wait_for_load_state("networkidle")
    tab.evaluate(INSTALL_PROBE)
    documents = tab.evaluate("window.__documents")
    tab.evaluate(CLICK, url)
    tab.wait_for_function(LANDED, arg=[url, documents], timeout=10_000)
    assert tab.evaluate("window.__navProbe === true"), "the page reloaded instead"


def follow_report(tab, requests_seen) -> dict[str, list[str]]:
    """Click "Report a problem" and return the query of the issue form it opened."""
    opened: list[str] = []

    def answer(route):
        opened.append(route.request.url)
        route.fulfill(status=200, content_type="text/html", body="<h1>New issue</h1>")

    tab.route(re.compile(r"^https://github\.com/"), answer)
    link = tab.locator("aside.handbook-report a.handbook-report__link")
    assert link.count() == 1
    link.click()
    tab.wait_for_url(re.compile(r"^https://github\.com/"), timeout=10_000)
    assert len(opened) == 1
    url = urlsplit(opened[0])
    assert f"{url.scheme}://{url.netloc}{url.path}" == f"{REPO}/issues/new"
    # The only request off the host is the one the reader asked for.
    requests_seen.urls.remove(opened[0])
    return parse_qs(url.query)


@pytest.mark.parametrize("path", REPORT_PAGES)
def test_report_a_problem_opens_a_prefilled_issue(page, base_url, requests_seen, path):
    page.goto(base_url + path)
    title = page.locator("article h1").first.inner_text().replace("¶", "").strip()
    query = follow_report(page, requests_seen)
    assert query["title"] == [f"Handbook: problem on “{title}”"]
    assert query["labels"] == ["handbook-feedback"]
    body = query["body"][0]
    address = "https://handbook.example.com/" + path
    assert f"Page: {title}\n" in body
    assert f"Address: {address}\n" in body
    assert f"File: {REPORT_PAGES[path]}" in body
    if path != "tags/":  # the tags index is the plugin's, with no owner
        assert re.search(r"^Owner: .+ \(@[\w/-]+\)$", body, re.M), body


def test_report_prefill_follows_the_page_after_instant_navigation(page, base_url, requests_seen):
    # Negative control: the prefill is this page's, not the first page's the tab loaded.
    page.goto(base_url + "guidelines/prioritization/")
    instant_to(page, base_url + "guidelines/bug-triage/")
    body = follow_report(page, requests_seen)["body"][0]
    assert "Address: https://handbook.example.com/guidelines/bug-triage/" in body
    assert "prioritization" not in body


# ---------------------------------------------------------------------------------------------
# Onboarding checklists


def boxes(tab):
    return tab.locator("article li.task-list-item > label > input[type=checkbox]")


def issue_body(tab) -> str:
    href = tab.locator("a.handbook-checklist-issue").get_attribute("href")
    return parse_qs(urlsplit(href).query)["body"][0]


def test_checklist_ticks_persist_and_travel_into_the_issue(page, base_url):
    page.goto(base_url + PLAYBOOK)
    items = boxes(page)
    total = items.count()
    assert total >= 20
    assert items.first.is_enabled()
    progress = page.locator(".handbook-checklist-progress")
    assert progress.inner_text().startswith(f"0 of {total} ticked")
    # A click on the drawn box (the real checkbox is hidden behind it) ticks it.
    # (Material draws it with ::before, to the left of the item's text, so click there.)
    box = page.locator("article li.task-list-item").nth(2).bounding_box()
    page.mouse.click(box["x"] - 14, box["y"] + 12)
    # The keyboard: focus lands on the box, the ring is visible, space ticks it.
    items.nth(4).focus()
    page.keyboard.press("Space")
    ring = page.evaluate(
        """(box) => getComputedStyle(box.nextElementSibling, '::after').borderTopStyle""",
        items.nth(4).element_handle(),
    )
    assert ring == "solid"
    assert items.nth(2).is_checked() and items.nth(4).is_checked()
    assert progress.inner_text().startswith(f"2 of {total} ticked")
    third = page.locator("article li.task-list-item").nth(2).inner_text().strip()
    body = issue_body(page)
    ticked = [line for line in body.splitlines() if line.startswith("- [x] ")]
    assert len(ticked) == 2, ticked
    assert third.split(":")[0].split(" ")[0] in ticked[0]
    screenshot(page, "checklist-ticked")

    page.reload()
    # The script applies the kept ticks once the page is up: wait for them, as a reader would.
    expect(boxes(page).nth(2)).to_be_checked()
    expect(boxes(page).nth(4)).to_be_checked()
    assert not boxes(page).nth(3).is_checked()

    instant_to(page, base_url + "onboarding/engineer/")
    assert not any(boxes(page).nth(i).is_checked() for i in range(5))  # per page
    instant_to(page, base_url + PLAYBOOK)
    expect(boxes(page).nth(2)).to_be_checked()
    expect(boxes(page).nth(4)).to_be_checked()

    page.get_by_role("button", name="Clear my ticks on this page").click()
    assert not boxes(page).nth(2).is_checked()
    assert (
        page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('handbook.checklist'))")
        == []
    )
    assert "- [x] " not in issue_body(page)


def test_task_lists_outside_a_checklist_page_stay_as_built(page, base_url):
    # Negative control: a guideline's task list is a list to read, not the reader's own.
    page.goto(base_url + "guidelines/launch-readiness/")
    assert boxes(page).count() > 0
    assert not boxes(page).first.is_enabled()
    assert page.locator("[data-handbook-checklist]").count() == 0


def test_checklist_issue_body_reads_on_its_own(page, base_url):
    page.goto(base_url + PLAYBOOK)
    body = issue_body(page)
    assert body.startswith(
        "Onboarding checklist from the handbook playbook: "
        f"[Product manager onboarding](https://handbook.example.com/{PLAYBOOK})"
    )
    prose = re.sub(r"\]\([^)]*\)", "]", body)
    assert not re.search(r"\b(below|above|this page)\b", prose, re.I), prose
    targets = re.findall(r"\]\(([^)\s]+)\)", body)
    assert targets and all(t.startswith("https://") for t in targets)


# ---------------------------------------------------------------------------------------------
# Staleness in the browser

NOTICES = "article .handbook-freshness-notice"
# Records every notice that ever appears, so a flicker (shown, then removed) is caught too.
WATCH_NOTICES = """
window.__notices = 0;
new MutationObserver((changes) => {
    for (const change of changes) for (const node of change.addedNodes) {
        if (node.nodeType === 1 && node.matches('.handbook-freshness-notice')) window.__notices++;
    }
}).observe(document, {childList: true, subtree: true});
"""


def review_by(tab) -> str:
    return tab.locator("template.handbook-stale-notice").get_attribute("data-review-by")


def test_a_fresh_page_turns_stale_once_its_review_by_date_passes(page, base_url):
    page.goto(base_url + "guidelines/prioritization/")
    date = review_by(page)
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", date)
    year, month, day = (int(x) for x in date.split("-"))
    page.clock.set_fixed_time(f"{year + 1}-{month:02d}-01T12:00:00")
    page.reload()
    notice = page.locator(NOTICES)
    notice.first.wait_for(timeout=5_000)
    assert notice.count() == 1
    assert notice.get_attribute("data-freshness") == "stale"
    assert notice.get_attribute("data-freshness-checked") == "browser"
    assert f"due for review on {date}" in notice.inner_text()
    assert "Owner:" in notice.inner_text()
    # It sits at the top, before the page's heading.
    assert page.evaluate(
        """() => {
            const n = document.querySelector('article .handbook-freshness-notice');
            const h = document.querySelector('article h1');
            return Boolean(n.compareDocumentPosition(h) & Node.DOCUMENT_POSITION_FOLLOWING);
        }"""
    )
    screenshot(page, "stale-in-browser")


def test_a_fresh_page_shows_no_notice_not_even_for_a_moment(page, base_url):
    # Negative control: before its review-by date a page shows no notice at any point.
    page.add_init_script(WATCH_NOTICES)
    page.goto(base_url + "guidelines/prioritization/")
    page.wait_for_load_state("networkidle")
    instant_to(page, base_url + "guidelines/bug-triage/")
    page.wait_for_timeout(300)
    assert page.locator(NOTICES).count() == 0
    assert page.evaluate("window.__notices") == 0


def test_a_page_stale_at_build_keeps_one_notice(page, base_url):
    # The build's notice stays; the browser adds no second one.
    page.clock.set_fixed_time("2099-01-01T12:00:00")
    page.goto(base_url + "guidelines/")
    assert page.locator(NOTICES).count() == 1
    assert page.locator(NOTICES).get_attribute("data-freshness-checked") is None
    assert page.locator(".handbook-reviewed").get_attribute("data-review-status") == "stale"


# ---------------------------------------------------------------------------------------------
# The 404 page


def serve_not_found(tab, browser_site, base_url: str) -> None:
    """Answer addresses that do not exist with the site's 404.html, as a static host does."""
    body = (browser_site / "404.html").read_text(encoding="utf-8")

    def answer(route):
        route.fulfill(status=404, content_type="text/html", body=body)

    tab.route(
        re.compile(re.escape(base_url) + r"(no-such|guidelines/prioritization-old).*"), answer
    )


def test_not_found_page_offers_search_and_the_main_sections(
    page, browser_site, base_url, requests_seen
):
    serve_not_found(page, browser_site, base_url)
    response = page.goto(base_url + "guidelines/prioritization-old/")
    assert response.status == 404
    assert page.locator("article h1").inner_text() == "Page not found"
    sections = page.locator(".handbook-not-found__sections a")
    names = sections.all_inner_texts()
    for name in ("Guidelines", "Onboarding", "Templates", "Tool stack", "Releases", "About"):
        assert name in names
    # The query the reader probably meant, from the address.
    assert page.locator(".handbook-not-found__query").inner_text() == "for prioritization old"
    screenshot(page, "not-found")
    page.get_by_role("button", name="Search the handbook").click()
    page.wait_for_function(
        "document.querySelector('input.md-search__input').value === 'prioritization old'"
    )
    result = page.locator(".md-search-result__item a").filter(
        has=page.locator("h1", has_text=re.compile("Prioriti[sz]ation", re.I))
    )
    result.first.wait_for(timeout=30_000)
    page.keyboard.press("Escape")
    # From a page two folders deep, each section link still leads to its section.
    sections.filter(has_text="Onboarding").click()
    page.wait_for_url(base_url + "onboarding/")
    assert page.locator("article h1").first.inner_text().strip()
    assert requests_seen.failed == [f"404 {base_url}guidelines/prioritization-old/"]
    requests_seen.failed.clear()


def test_not_found_by_keyboard_opens_search(page, browser_site, base_url, requests_seen):
    serve_not_found(page, browser_site, base_url)
    page.goto(base_url + "no-such-page/")
    page.get_by_role("button", name="Search the handbook").focus()
    page.keyboard.press("Enter")
    page.wait_for_function(
        "document.querySelector('input.md-search__input').value === 'no such page'"
    )
    requests_seen.failed.clear()


def test_an_existing_page_is_not_the_not_found_page(page, base_url):
    # Negative control: the 404 content appears only where there is no page.
    page.goto(base_url + "guidelines/prioritization/")
    assert page.locator("[data-handbook-not-found]").count() == 0
    assert page.locator("article h1").first.inner_text() != "Page not found"


# ---------------------------------------------------------------------------------------------
# Template pages: copy and download first, `handbook new` after; placeholders that survive


def test_template_page_copy_comes_first_and_keeps_placeholders_visible(page, context, base_url):
    from handbook.templates import model as tm
    from handbook.templates.pages import copy_text
    from tests.helpers import ROOT
    from tests.reference.test_template_placeholders import rendered_text

    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    page.goto(base_url + "templates/prd/")
    order = page.evaluate(
        """() => {
            const all = [...document.querySelectorAll('article *')];
            const at = (el) => all.indexOf(el);
            const command = [...document.querySelectorAll('article pre code')]
                .find((c) => c.textContent.startsWith('handbook new'));
            return {copy: at(document.querySelector('button.template-copy')),
                    download: at(document.querySelector('a[data-template-download]')),
                    command: at(command)};
        }"""
    )
    assert -1 < order["copy"] < order["download"] < order["command"], order
    page.evaluate("navigator.clipboard.writeText('')")
    page.get_by_role("button", name="Copy the template").click()
    page.wait_for_function("async () => (await navigator.clipboard.readText()).length > 0")
    copied = page.evaluate("navigator.clipboard.readText()")
    prd = next(t for t in tm.load_templates(ROOT)[0] if t.id == "prd")
    assert copied == copy_text(prd).rstrip()
    assert not copied.startswith("---")
    shown = rendered_text(copied)
    for placeholder in ("[feature name]", "[product manager]", "[YYYY-MM-DD]"):
        assert placeholder in copied and placeholder in shown
    # The preview on the page shows them too.
    assert "[feature name]" in page.locator(".template-preview").first.inner_text()
