"""Every text field of data and front matter set to a payload: the site shows it as text."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import BuildResult
from tests.hostile_site import build_hostile_site, live_markup


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    result = build_hostile_site(tmp_path_factory.mktemp("hostile"))
    assert result.ok, result.log
    return result


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_no_payload_becomes_markup(hostile):
    found = {
        str(p.relative_to(hostile.site)): live_markup(p.read_text("utf-8"))
        for p in pages(hostile.site)
    }
    assert {k: v for k, v in found.items() if v} == {}


def test_live_markup_sees_each_payload_made_live():
    # Negative control: the check finds each payload when it does reach the HTML as markup.
    html = (
        '<p><img src=x onerror=alert(1)><a href="javascript:alert(2)">x</a>'
        '<script>alert(3)</script><meta content="" x=""></p>'
    )
    assert len(live_markup(html)) >= 4
    assert live_markup("<p>&lt;img src=x onerror=alert(1)&gt; [x](javascript:alert(2))</p>") == []
