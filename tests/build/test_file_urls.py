"""`use_directory_urls: false` (pages at guidelines/x.html, e.g. for hosts without index
files): every link the engine builds itself still points at a page that exists."""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.helpers import build, fixture_site, linkcheck, mkdocs_env

SITE_URL = "https://example.com/"


@pytest.fixture(scope="module")
def file_url_site(tmp_path_factory):
    project = fixture_site(tmp_path_factory.mktemp("file-urls"))
    config = project / "mkdocs.yml"
    config.write_text(config.read_text() + "\nuse_directory_urls: false\n")
    result = build(project, env=mkdocs_env(HANDBOOK_SITE_URL=SITE_URL))
    assert result.ok, result.log
    return result


def site_file(site: Path, url: str) -> Path:
    path = url.removeprefix(SITE_URL).split("#")[0]
    return site / path if path else site / "index.html"


def test_the_setting_took_effect(file_url_site):
    assert (file_url_site.site / "guidelines" / "decision-making.html").is_file()
    assert not (file_url_site.site / "guidelines" / "decision-making").exists()


def test_every_freshness_json_url_is_a_built_page(file_url_site):
    records = json.loads((file_url_site.site / "freshness.json").read_text())
    missing = [r["url"] for r in records if not site_file(file_url_site.site, r["url"]).is_file()]
    assert len(records) >= 24 and missing == []  # every owned page of the fixture


def test_every_feed_and_changelog_link_is_a_built_page(file_url_site):
    feed = ET.parse(file_url_site.site / "releases" / "feed.xml").getroot()
    links = [e.text or "" for e in feed.iter("link")]
    changelog = (file_url_site.site / "CHANGELOG.md").read_text()
    links += re.findall(r"\((https://example\.com/[^)\s]+)\)", changelog)
    assert len(links) >= 2  # the releases page and the one release
    assert [u for u in links if not site_file(file_url_site.site, u).is_file()] == []


def test_linkchecker_finds_no_broken_link(file_url_site):
    result = linkcheck(file_url_site.site)
    assert result.returncode == 0, result.stdout[-4000:]


def test_a_directory_url_would_be_caught(file_url_site, tmp_path):
    # Negative control: the directory-style link the engine used to build, put on the home page.
    site = tmp_path / "site"
    shutil.copytree(file_url_site.site, site)
    home = site / "index.html"
    home.write_text(
        home.read_text().replace(
            "</article>", '<a href="guidelines/decision-making/">x</a></article>', 1
        )
    )
    assert linkcheck(site).returncode != 0
