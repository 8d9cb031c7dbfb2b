"""Template pages in Chromium: the copy button gives the template's body (no front matter), the
download the exact file, and neither the preview nor the source is cut off.

Built from a fixture template holding every kind of placeholder a person might write.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from handbook.core.static_server import serve
from tests.browser.conftest import require_browser
from tests.helpers import FIXTURE as HANDBOOK
from tests.helpers import ROOT, build, make_project, page

pytestmark = pytest.mark.browser

FIXTURE = ROOT / "tests" / "fixtures" / "placeholder-template.md"
NAV = "nav:\n  - index.md\n  - Templates:\n      - templates/index.md\n"


@pytest.fixture(scope="module")
def template_site_url(tmp_path_factory):
    require_browser()
    gallery = (HANDBOOK / "docs" / "templates" / "index.md").read_text(encoding="utf-8")
    docs = {"index.md": page("# Home\n"), "templates/index.md": gallery}
    project = make_project(tmp_path_factory.mktemp("template-copy"), docs, nav=NAV)
    shutil.copy(FIXTURE, project / "templates" / "placeholders.md")
    result = build(project)
    assert result.ok, result.log
    with serve(result.site) as url:
        yield url


@pytest.fixture()
def tab(chromium, template_site_url, requests_seen):
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    context.on("request", requests_seen.record)
    context.on("response", requests_seen.record_response)
    origin = template_site_url.rstrip("/")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=origin)
    new_tab = context.new_page()
    new_tab.goto(template_site_url + "templates/placeholders/")
    yield new_tab
    context.close()
    assert requests_seen.off_host() == []
    assert requests_seen.failed == []


def _without_front_matter(text: str) -> str:
    """The file after its closing `---` line, leading blank lines dropped: written out here
    rather than taken from the engine, so the test does not share the code it checks."""
    lines = text.splitlines(keepends=True)
    assert lines[0].strip() == "---"
    end = next(i for i, line in enumerate(lines[1:], 1) if line.strip() == "---")
    return "".join(lines[end + 1 :]).lstrip("\n")


def _copy(tab) -> str:
    block = tab.locator("[data-template-source]").first
    block.scroll_into_view_if_needed()
    block.hover()
    tab.evaluate("navigator.clipboard.writeText('')")
    block.locator("button[data-md-type=copy]").first.click()
    tab.wait_for_function("async () => (await navigator.clipboard.readText()).length > 0")
    return tab.evaluate("navigator.clipboard.readText()")


def test_copy_button_copies_the_body_without_front_matter(tab):
    copied = _copy(tab)
    raw = FIXTURE.read_text(encoding="utf-8")
    # Material trims trailing whitespace from what it copies; everything else is exact.
    assert copied == _without_front_matter(raw).rstrip()
    assert not copied.startswith("---")
    for key in ("id: placeholders", "version:", "owner:", "last_reviewed:"):
        assert key not in copied
    for placeholder in ("{{ customer_name }}", "{% if beta %}", "${VAR}", "<customer email>"):
        assert placeholder in copied
    # The block itself still shows the whole file, front matter included.
    inner = tab.locator("[data-template-source] code").first.inner_text()
    assert inner.rstrip("\n") == raw.rstrip("\n")


def test_negative_control_the_whole_file_is_not_what_is_copied(tab):
    # The same equality fails against the full file: the front matter is what differs.
    raw = FIXTURE.read_text(encoding="utf-8")
    copied = _copy(tab)
    assert copied != raw.rstrip()
    assert raw.rstrip().endswith(copied)


_CLIPPED = """(selector) => [...document.querySelectorAll(selector)].filter(
    (el) => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1
    || getComputedStyle(el).overflowY === "hidden").length"""
_BOXES = ".template-preview, .template-preview pre > code, .template-source pre > code"


def test_preview_and_source_are_not_clipped(tab):
    assert tab.locator("[data-template-source] pre > code").count() == 1
    assert tab.locator(".template-preview").count() == 1
    assert tab.evaluate(_CLIPPED, _BOXES) == 0


def test_negative_control_a_height_limit_is_detected(tab):
    tab.add_style_tag(content=".md-typeset .template-source pre > code { max-height: 5rem; }")
    assert tab.evaluate(_CLIPPED, ".template-source pre > code") == 1


def test_negative_control_copy_from_another_block_differs(tab):
    # The same clipboard check fails for the `handbook new` example block's copy button.
    block = tab.locator("article .highlight:not([data-template-source])").first
    block.scroll_into_view_if_needed()
    block.hover()
    block.locator("button[data-md-type=copy]").first.click()
    tab.wait_for_function("async () => (await navigator.clipboard.readText()).length > 0")
    copied = tab.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("handbook new placeholders")
    assert copied != FIXTURE.read_text(encoding="utf-8").rstrip()


def test_download_link_fetches_the_exact_bytes(tab):
    link = tab.locator("a[download][data-template-download]").first
    assert link.get_attribute("download") == "placeholders.md"
    with tab.expect_download() as info:
        link.click()
    assert Path(info.value.path()).read_bytes() == FIXTURE.read_bytes()


def test_negative_control_download_of_another_template_differs(tab, template_site_url):
    tab.goto(template_site_url + "templates/prd/")
    with tab.expect_download() as info:
        tab.locator("a[download][data-template-download]").first.click()
    assert Path(info.value.path()).read_bytes() != FIXTURE.read_bytes()
    assert Path(info.value.path()).read_bytes() == (HANDBOOK / "templates" / "prd.md").read_bytes()
