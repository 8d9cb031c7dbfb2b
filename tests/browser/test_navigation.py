"""Every page in the nav, reached by a click through Material's instant navigation.

Instant navigation swaps the page in place; if anything in the new page breaks that (an SVG
<a>, whose href is read-only, did), the URL changes but the old page stays on screen and
later clicks go nowhere until a reload. Every page is clicked to in the one tab; it is
reloaded only to carry on after a page that broke.
"""

from __future__ import annotations

import re
import urllib.request
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlparse

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser

NAV_LINK = ".md-nav__link[href]"
WAIT_MS = 5_000

# Counts the documents Material has shown, and marks this document so a reload is noticed.
INSTALL_PROBE = """() => {
    window.__navProbe = true;
    window.__documents = 0;
    document$.subscribe(() => { window.__documents += 1; });
}"""

# A nav link already on the page if there is one (hidden in a collapsed section or not),
# otherwise a link added to the article: Material intercepts clicks on either.
CLICK = """(target) => {
    let link = Array.from(document.querySelectorAll(".md-nav__link[href]"))
        .find((a) => a.href.split("#")[0] === target);
    if (!link) {
        link = document.createElement("a");
        link.href = target;
        link.textContent = "test link";
        document.querySelector("article").appendChild(link);
    }
    link.click();
}"""

# Landed: Material showed a new document, or the page reloaded (reported as a failure).
LANDED = """([target, documents]) => location.href === target
    && (window.__navProbe !== true || window.__documents > documents)"""

STATE = """() => ({
    url: location.href,
    title: document.title,
    h1: (document.querySelector("article h1") || {textContent: ""}).textContent,
    probe: window.__navProbe === true,
})"""

NAV_HREFS = """(selector) => Array.from(document.querySelectorAll(selector), (a) => a.href)"""


class Heading(HTMLParser):
    """The <title> and first <h1> text of a page, as the browser's textContent gives them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.h1 = ""
        self._in: str | None = None
        self._h1_done = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title" and not self.title:
            self._in = "title"
        elif tag == "h1" and not self._h1_done:
            self._in = "h1"

    def handle_endtag(self, tag: str) -> None:
        if tag == self._in:
            self._h1_done = self._h1_done or tag == "h1"
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "title":
            self.title += data
        elif self._in == "h1":
            self.h1 += data


def fetch_heading(url: str) -> tuple[str, str]:
    with urllib.request.urlopen(url, timeout=10) as response:
        parser = Heading()
        parser.feed(response.read().decode("utf-8"))
    return squash(parser.title), squash(parser.h1)


def tally(errors: list[str]) -> list[str]:
    """Each distinct error once, with how often it was raised."""
    return [f"{error} (x{count})" for error, count in Counter(errors).items()]


def squash(text: str) -> str:
    return " ".join(text.split())


def page_url(href: str, base_url: str) -> str | None:
    """`href` without its fragment, if it is a page of this site."""
    url = href.split("#")[0]
    return url if urlparse(url).netloc == urlparse(base_url).netloc else None


def built_nav_pages(site: Path, base_url: str) -> set[str]:
    """Every page any built page's nav links to: what the clicks must cover."""
    found: set[str] = set()
    for html in site.rglob("*.html"):
        here = urljoin(base_url, html.relative_to(site).as_posix().removesuffix("index.html"))
        text = html.read_text(encoding="utf-8")
        for tag in re.findall(r'<a\b[^>]*class="md-nav__link[^"]*"[^>]*>', text):
            href = re.search(r'href="([^"]*)"', tag)
            if href and (url := page_url(urljoin(here, href.group(1)), base_url)):
                found.add(url)
    return found


def sitemap_here(page: Page, site: Path, base_url: str) -> None:
    """Serve sitemap.xml with this server's address in place of site_url.

    Material navigates instantly only to URLs in the sitemap, matched with their port; on the
    real host they match, on 127.0.0.1:port every click would fall back to a full load.
    """
    text = (site / "sitemap.xml").read_text(encoding="utf-8")
    site_url = min(re.findall(r"<loc>([^<]+)</loc>", text), key=len)
    body = text.replace(site_url, base_url)
    page.route(
        base_url + "sitemap.xml",
        lambda route: route.fulfill(body=body, content_type="application/xml"),
    )


def open_directly(page: Page, url: str) -> None:
    # Material intercepts clicks only once it has fetched and read the sitemap, after load.
    page.goto(url, wait_until="networkidle")
    page.evaluate(INSTALL_PROBE)


def test_every_nav_page_opens_by_instant_navigation(
    page: Page, base_url: str, browser_site: Path
) -> None:
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(f"pageerror: {exc}"))
    page.on(
        "console",
        lambda msg: (
            errors.append(f"console.{msg.type}: {msg.text}") if msg.type == "error" else None
        ),
    )
    sitemap_here(page, browser_site, base_url)
    open_directly(page, base_url)
    assert errors == [], errors
    reported = 0

    home = page.url
    seen = {home}
    queue: list[str] = []

    def discover() -> None:
        # navigation.prune: each page's nav shows the next level of its own section only.
        for href in page.evaluate(NAV_HREFS, NAV_LINK):
            url = page_url(href, base_url)
            if url and url not in seen:
                seen.add(url)
                queue.append(url)

    discover()
    broken: list[str] = []
    clicked = 0
    while queue:
        target = queue.pop(0)
        title, h1 = fetch_heading(target)
        before = page.url
        documents = page.evaluate("window.__documents")
        page.evaluate(CLICK, target)
        clicked += 1
        problems = [] if title and h1 else [f"no title or h1 to compare in {target}"]
        try:
            page.wait_for_function(LANDED, arg=[target, documents], timeout=WAIT_MS)
            page.wait_for_load_state()  # in case the click fell back to a full load
            # Let the components Material mounts on the new document run.
            page.evaluate("new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))")
        except PlaywrightTimeout:
            problems.append(f"Material did not show a new page within {WAIT_MS} ms")
        state = page.evaluate(STATE)
        if not state["probe"]:
            problems.append("the page reloaded instead of navigating in place")
        if state["url"] == before or state["url"] != target:
            problems.append(f"URL is {state['url']} (was {before})")
        if squash(state["title"]) != title:
            problems.append(f"title {squash(state['title'])!r}, want {title!r}")
        if squash(state["h1"]) != h1:
            problems.append(f"h1 {squash(state['h1'])!r}, want {h1!r}")
        problems += tally(errors[reported:])
        reported = len(errors)
        if problems:
            # Start the next click from a working page, so each break is reported on its own.
            open_directly(page, target)
            if errors[reported:]:
                problems.append("on a direct load too: " + "; ".join(tally(errors[reported:])))
                reported = len(errors)
            broken.append(f"{target} (from {before}): " + "; ".join(problems))
        discover()

    assert not broken, f"{len(broken)} of {clicked} nav pages broke:\n" + "\n".join(broken)
    expected = built_nav_pages(browser_site, base_url)
    assert seen == expected, (sorted(expected - seen), sorted(seen - expected))
    assert clicked >= 100, clicked
