"""The real handbook's release outputs, from the session's strict build of the project."""

import datetime as dt
import re

import feedparser
import keepachangelog

from handbook.core.context import load_handbook
from handbook.releases import model as rel
from tests.helpers import ROOT


def customer_versions() -> list[str]:
    handbook = load_handbook(ROOT, dt.date.today())
    settings = rel.load_settings(handbook.dataset)
    return [r.version for r in rel.customer_view(rel.load_releases(handbook.dataset), settings)]


def test_real_feed_and_changelog_carry_every_shipped_release(real_site):
    assert real_site.ok, real_site.log
    versions = customer_versions()
    assert len(versions) >= 6
    feed = feedparser.parse((real_site.site / "releases" / "feed.xml").read_bytes())
    assert feed.bozo == 0
    assert [e.title.split(":")[0].split()[-1] for e in feed.entries] == versions
    changelog = (real_site.site / "CHANGELOG.md").read_text(encoding="utf-8")
    parsed = keepachangelog.to_dict(changelog.splitlines())
    assert list(parsed) == versions
    assert "internal_note" not in changelog and "Analytics owns the dashboard" not in changelog


def test_real_pages_link_the_feed_in_their_head(real_site):
    for path in sorted(real_site.site.rglob("*.html")):
        head = path.read_text(encoding="utf-8").split("</head>")[0]
        assert re.search(r'<link rel="alternate feed" type="application/rss\+xml"', head), path


def test_real_home_page_shows_whats_new(real_site):
    html = real_site.html("")
    latest = customer_versions()[0]
    assert f'href="releases/{latest}/"' in html
