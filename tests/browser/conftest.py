"""Browser tests: Debian's Chromium driven by Playwright against the built site on 127.0.0.1.

The site is built once per session from a copy of the real handbook in which one page has been
made stale, and served from a local HTTP server. Every request the browser makes is recorded so
tests can assert that nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

from handbook.core.static_server import serve
from tests.helpers import ROOT, build, mkdocs_env, shared

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
SCREENSHOTS = ROOT / "test-output" / "screenshots"
# The page made stale in the browser fixture, and its owner.
STALE_PAGE = "guidelines/index.md"
STALE_REVIEWED = "2024-01-15"


def require_browser() -> None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        reason = "playwright is not installed"
    else:
        reason = (
            "" if CHROMIUM.exists() else "Debian's chromium is missing (apt-get install chromium)"
        )
    if not reason:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"browser tests must run in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real handbook with one page made stale, built once per run (shared by workers)."""
    require_browser()

    def make(work: Path) -> Path:
        project = work / "project"
        shutil.copytree(
            ROOT,
            project,
            ignore=shutil.ignore_patterns(
                ".venv",
                ".git",
                ".tools",
                "site",
                "build",
                "test-output",
                "bench-output",
                "__pycache__",
                "node_modules",
                ".pytest_cache",
            ),
        )
        page = project / "docs" / STALE_PAGE
        text = page.read_text(encoding="utf-8")
        stale = re.sub(
            r"(?m)^last_reviewed: .*$", f"last_reviewed: {STALE_REVIEWED}", text, count=1
        )
        page.write_text(stale, encoding="utf-8")
        result = build(project, work / "site", mkdocs_env(today=dt.date.today().isoformat()))
        assert result.ok, result.log
        return result.site

    return shared(tmp_path_factory, "browser-site", make)


@pytest.fixture(scope="session")
def base_url(browser_site: Path) -> Iterator[str]:
    with serve(browser_site) as url:
        yield url


@pytest.fixture(scope="session")
def chromium():
    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class RequestLog:
    """Every URL the page asked for, so a test can assert none left 127.0.0.1, and every
    response that failed (a missing asset or a request the theme should not make)."""

    def __init__(self) -> None:
        self.urls: list[str] = []
        self.failed: list[str] = []

    def record(self, request) -> None:
        self.urls.append(request.url)

    def record_response(self, response) -> None:
        if response.status >= 400:
            self.failed.append(f"{response.status} {response.url}")

    def off_host(self) -> list[str]:
        allowed = {"127.0.0.1"}
        return [
            url
            for url in self.urls
            if urlparse(url).scheme in ("http", "https", "ws", "wss")
            and urlparse(url).hostname not in allowed
        ]


@pytest.fixture()
def requests_seen() -> RequestLog:
    return RequestLog()


@pytest.fixture()
def context(chromium, requests_seen: RequestLog):
    ctx = chromium.new_context(viewport={"width": 1280, "height": 900})
    ctx.on("request", requests_seen.record)
    ctx.on("response", requests_seen.record_response)
    yield ctx
    ctx.close()
    # Every test in this folder doubles as a check that nothing left the host and that every
    # request the pages made was answered.
    assert requests_seen.off_host() == [], requests_seen.off_host()
    assert requests_seen.failed == [], requests_seen.failed


@pytest.fixture()
def page(context):
    tab = context.new_page()
    yield tab
    tab.close()


def screenshot(tab, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    tab.screenshot(path=str(path), full_page=True)
    return path
