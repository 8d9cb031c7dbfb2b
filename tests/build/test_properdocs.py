"""ProperDocs 1.6.7, the maintained fork of MkDocs 1.6, builds the fixture handbook (every kind
of page the engine makes): same pages, same freshness notices, same feed and downloads, with
the same strict settings."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.helpers import LATER, fixture_build

FRESHNESS = re.compile(r'data-freshness="([a-z]+)"')


def built(tmp_path_factory, engine: str):
    # Shared with the export's parity test (tests/build/test_export.py), which compares the
    # same hooked build with an export of the handbook.
    result = fixture_build(tmp_path_factory, LATER, engine)
    assert result.ok, result.log
    assert "WARNING" not in result.log
    return result


@pytest.fixture(scope="module")
def properdocs_site(tmp_path_factory):
    return built(tmp_path_factory, "properdocs")


@pytest.fixture(scope="module")
def mkdocs_site(tmp_path_factory):
    return built(tmp_path_factory, "mkdocs")


def files_of(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


def test_it_really_is_properdocs(properdocs_site, mkdocs_site):
    assert "ProperDocs 1.6.7" in properdocs_site.html("")
    assert "ProperDocs" not in mkdocs_site.html("")


def test_same_pages_and_files(properdocs_site, mkdocs_site):
    ours = {f for f in files_of(mkdocs_site.site) if not f.startswith("assets/")}
    theirs = {f for f in files_of(properdocs_site.site) if not f.startswith("assets/")}
    assert len(ours) > 25
    assert theirs == ours


def test_same_freshness_notices_and_feed(properdocs_site, mkdocs_site):
    feed = json.loads((mkdocs_site.site / "freshness.json").read_text())
    assert json.loads((properdocs_site.site / "freshness.json").read_text()) == feed
    notices = 0
    for path in sorted(mkdocs_site.site.rglob("*.html")):
        relative = path.relative_to(mkdocs_site.site)
        theirs = (properdocs_site.site / relative).read_text(encoding="utf-8")
        mine = FRESHNESS.findall(path.read_text(encoding="utf-8"))
        assert FRESHNESS.findall(theirs) == mine, relative
        notices += len(mine)
    assert notices > 10  # the comparison saw notices, not two empty lists
    for name in ("releases/feed.xml", "CHANGELOG.md", "templates/prd/prd.md"):
        assert (properdocs_site.site / name).read_bytes() == (mkdocs_site.site / name).read_bytes()
