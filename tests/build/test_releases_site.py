"""Release outputs in real --strict builds of small fixture sites."""

import json
import posixpath
import re
import shutil
from pathlib import Path

import feedparser
import keepachangelog
import pytest

from tests.helpers import build, linkcheck, make_project, mkdocs_env, nav_items, page
from tests.release_fixtures import XSS, change, release, release_file

NAV = """
nav:
  - Home: index.md
  - Releases:
      - releases/index.md
      - releases/customers.md
      - releases/enablement.md
"""

DOCS = {
    "index.md": page("# Home\n\n{{ whats_new(2) }}\n", render_macros="true"),
    "releases/index.md": page(
        "# Releases\n\n[Changelog](../CHANGELOG.md) and [feed](feed.xml).\n\n"
        "{{ release_index() }}\n",
        render_macros="true",
    ),
    "releases/customers.md": page(
        "# For customers\n\n{{ customer_release_notes() }}\n", render_macros="true"
    ),
    "releases/enablement.md": page(
        "# Enablement\n\n{{ enablement_notes() }}\n", render_macros="true"
    ),
}

HOSTILE = f'"{XSS} *stars*"'
NOTES = (
    f"    internal_note: {HOSTILE}\n"
    "    rollout:\n      feature_flag: secret-flag\n      percentage: 10\n"
    f"    enablement:\n      sales: {HOSTILE}\n"
)
RELEASES = {
    release_file("1.0.0", "2026-10-01"): release(
        "1.0.0",
        "2026-10-01",
        title=f'"Boards {XSS}"',
        changes=[
            change(description=HOSTILE, extra=NOTES),
            change(type="fixed", audience="internal", description="Console fix for the team."),
        ],
    ),
    release_file("1.1.0", "2026-11-11"): release(
        "1.1.0",
        "2026-11-11",
        title="Shareable dashboards",
        changes=[change(type="security", area="admin", description="Sign-in is stricter.")],
    ),
    release_file("1.2.0", "2026-12-09"): release(
        "1.2.0", "2026-12-09", "planned", title="Jira sync", changes=[change()]
    ),
}


def project_with(tmp_path: Path, releases: dict[str, str], docs: dict | None = None) -> Path:
    project = make_project(tmp_path, docs or DOCS, nav=NAV)
    shutil.rmtree(project / "data" / "releases")
    for name, text in releases.items():
        path = project / "data" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    result = build(project_with(tmp_path_factory.mktemp("releases"), RELEASES))
    assert result.ok, result.log
    assert result.warnings() == []
    return result


def article(html: str) -> str:
    return html[html.index("<article") : html.index("</article>")]


def html_pages(site_dir: Path) -> list[Path]:
    return sorted(site_dir.rglob("*.html"))


# ---------------------------------------------------------------------------------------------
# Pages
# ---------------------------------------------------------------------------------------------


def test_one_generated_page_per_release_in_the_releases_section(site):
    for version in ("1.0.0", "1.1.0", "1.2.0"):
        assert (site.site / "releases" / version / "index.html").is_file()
    # The release pages sit in one nav section, latest first, open on a release page only.
    opened = nav_items(site.html("releases/1.0.0/")).find("Releases").find("All releases")
    assert [item.href for item in opened.children] == ["../1.2.0/", "../1.1.0/", "./"]
    closed = nav_items(site.html("releases/")).find("Releases").find("All releases")
    assert closed.pruned and closed.href == "1.2.0/"
    body = article(site.html("releases/1.0.0/"))
    assert "Console fix for the team." in body  # the full page keeps internal changes
    assert "<code>secret-flag</code>" in body


def test_release_index_lists_latest_first(site):
    body = article(site.html("releases/"))
    rows = re.findall(r'<td><a href="([0-9.]+)/">', body)
    assert rows == ["1.2.0", "1.1.0", "1.0.0"]
    assert 'href="../CHANGELOG.md"' in body and 'href="feed.xml"' in body


def test_whats_new_on_home_shows_latest_released(site):
    body = article(site.html(""))
    assert 'href="releases/1.1.0/"' in body and 'href="releases/1.0.0/"' in body
    assert "1.2.0" not in body  # planned


def test_customer_view_leaves_out_internal_changes_and_notes(site):
    body = article(site.html("releases/customers/"))
    assert "Sign-in is stricter." in body
    assert "Console fix" not in body and "secret-flag" not in body
    assert "Jira sync" not in body
    assert body.count("&lt;script&gt;alert(1)&lt;/script&gt;") == 2  # title and description


def test_enablement_view_has_sales_notes_and_planned_releases(site):
    body = article(site.html("releases/enablement/"))
    assert "Jira sync" in body and "Not released yet" in body
    assert "<strong>Sales and customer success:</strong> &lt;script&gt;" in body
    assert "Console fix for the team. (internal only)" in body


def test_no_output_contains_the_script_from_data(site):
    for path in site.site.rglob("*"):
        # .json: the search index. freshness.json is a data feed of plain text (checked below).
        if path.suffix in {".html", ".xml", ".md", ".json"} and path.name != "freshness.json":
            assert "<script>alert(1)" not in path.read_text(encoding="utf-8"), path
    titles = [r["title"] for r in json.loads((site.site / "freshness.json").read_text())]
    assert any(t.endswith("<script>alert(1)</script>") for t in titles)  # text, as written
    # Negative control: the attack is in the data and did reach the pages, as text.
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in site.html("releases/1.0.0/")


# ---------------------------------------------------------------------------------------------
# CHANGELOG.md and the feed
# ---------------------------------------------------------------------------------------------


def test_changelog_is_published_raw_at_the_site_root(site):
    path = site.site / "CHANGELOG.md"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Changelog\n")
    assert not (site.site / "CHANGELOG" / "index.html").exists()
    parsed = keepachangelog.to_dict(text.splitlines())
    assert list(parsed) == ["1.1.0", "1.0.0"]
    assert set(parsed["1.1.0"]) == {"metadata", "security"}
    assert set(parsed["1.0.0"]) == {"metadata", "added"}
    assert parsed["1.1.0"]["metadata"]["url"] == "https://handbook.example.com/releases/1.1.0/"


def test_feed_is_valid_rss_with_released_customer_entries(site):
    feed = feedparser.parse((site.site / "releases" / "feed.xml").read_bytes())
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "rss20"
    assert [e.link for e in feed.entries] == [
        "https://handbook.example.com/releases/1.1.0/",
        "https://handbook.example.com/releases/1.0.0/",
    ]
    assert "Console fix" not in feed.entries[1].summary
    assert "&lt;script&gt;" in feed.entries[1].summary and "<script" not in feed.entries[1].summary


def resolve(page_path: Path, site_dir: Path, href: str) -> Path:
    base = posixpath.dirname(page_path.relative_to(site_dir).as_posix())
    return site_dir / posixpath.normpath(posixpath.join(base, href))


def test_every_page_advertises_the_feed_and_the_link_resolves(site):
    pages = html_pages(site.site)
    assert len(pages) >= 7
    for path in pages:
        html = path.read_text(encoding="utf-8")
        head = html[: html.index("</head>")]
        links = re.findall(
            r'<link rel="alternate feed" type="application/rss\+xml"[^>]*href="([^"]+)"', head
        )
        assert len(links) == 1, path
        if path.name == "404.html":
            assert links == ["/releases/feed.xml"]  # absolute from site_url's path
            continue
        assert resolve(path, site.site, links[0]) == site.site / "releases" / "feed.xml", path


def test_feed_link_and_feed_urls_follow_a_site_url_sub_path(tmp_path):
    project = project_with(tmp_path, RELEASES)
    env = mkdocs_env(HANDBOOK_SITE_URL="https://x.test/handbook/")
    result = build(project, env=env)
    assert result.ok, result.log
    assert 'href="/handbook/releases/feed.xml"' in (result.site / "404.html").read_text()
    feed = feedparser.parse((result.site / "releases" / "feed.xml").read_bytes())
    assert feed.entries[0].link == "https://x.test/handbook/releases/1.1.0/"
    changelog = (result.site / "CHANGELOG.md").read_text()
    assert "[1.1.0]: https://x.test/handbook/releases/1.1.0/" in changelog
    # Served under /handbook/, linkchecker follows every link, the feed link included.
    check = linkcheck(result.site, "/handbook/")
    assert check.returncode == 0, check.stdout + check.stderr
    assert " 0 errors found" in check.stdout


def test_site_without_releases_still_publishes_an_empty_feed(tmp_path):
    docs = {"index.md": page("# Home\n\n{{ whats_new(3) }}\n", render_macros="true")}
    project = make_project(tmp_path, docs, nav="nav:\n  - index.md\n")
    shutil.rmtree(project / "data" / "releases")
    result = build(project)
    assert result.ok, result.log
    assert "No release has shipped yet." in result.html("")
    feed = feedparser.parse((result.site / "releases" / "feed.xml").read_bytes())
    assert feed.bozo == 0 and feed.entries == []
    assert keepachangelog.to_dict((result.site / "CHANGELOG.md").read_text().splitlines()) == {}


# ---------------------------------------------------------------------------------------------
# Validation in the build
# ---------------------------------------------------------------------------------------------


def test_duplicate_version_fails_the_build_with_file_and_line(tmp_path):
    releases = dict(RELEASES)
    releases["releases/2026-11-12-v1.1.0.yml"] = release("1.1.0", "2026-11-12")
    result = build(project_with(tmp_path, releases))
    assert not result.ok
    assert "data/releases/2026-11-12-v1.1.0.yml:2: version: duplicate version 1.1.0" in result.log
    assert not (result.site / "index.html").exists()


def test_unknown_area_fails_the_build_with_file_and_line(tmp_path):
    releases = dict(RELEASES)
    releases[release_file("1.3.0", "2026-11-15")] = release(
        "1.3.0", "2026-11-15", changes=[change(area="spaceships")]
    )
    result = build(project_with(tmp_path, releases))
    assert not result.ok
    assert "data/releases/2026-11-15-v1.3.0.yml:10: changes[0].area: unknown area" in result.log


def test_planned_release_long_past_its_date_is_a_notice_not_a_failure(tmp_path):
    releases = dict(RELEASES)
    releases[release_file("1.1.5", "2026-11-15")] = release("1.1.5", "2026-11-15", "planned")
    result = build(project_with(tmp_path, releases), env=mkdocs_env(today="2027-03-01"))
    assert result.ok, result.log
    assert result.warnings() == []
    assert (
        "INFO" in result.log and "data/releases/2026-11-15-v1.1.5.yml: release 1.1.5" in result.log
    )
    assert "starts to fail" not in result.log
    body = article(result.html("releases/1.1.5/"))
    assert "Release date passed" in body and "build fails" not in body


def opted_in(project: Path) -> Path:
    settings = project / "data" / "release_settings.yml"
    text = settings.read_text(encoding="utf-8")
    assert "fail_on_overdue_planned: false" in text
    settings.write_text(
        text.replace("fail_on_overdue_planned: false", "fail_on_overdue_planned: true")
    )
    return project


def test_opted_in_planned_release_within_grace_passes_with_the_day_it_fails(tmp_path):
    releases = dict(RELEASES)
    releases[release_file("1.1.5", "2026-11-15")] = release("1.1.5", "2026-11-15", "planned")
    result = build(opted_in(project_with(tmp_path, releases)))
    assert result.ok, result.log
    assert result.warnings() == []
    assert "before 2026-11-30, when the build starts to fail" in result.log
    body = article(result.html("releases/1.1.5/"))
    assert "Release date passed" in body and "From 30 November 2026" in body


def test_opted_in_planned_release_past_grace_fails_the_build(tmp_path):
    releases = dict(RELEASES)
    releases[release_file("1.1.5", "2026-11-15")] = release("1.1.5", "2026-11-15", "planned")
    project = opted_in(project_with(tmp_path, releases))
    result = build(project, env=mkdocs_env(today="2026-11-30"))
    assert not result.ok
    assert (
        "data/releases/2026-11-15-v1.1.5.yml:3: date: release 1.1.5 is still planned" in result.log
    )


def test_a_hand_written_changelog_in_docs_is_refused_not_overwritten(tmp_path):
    docs = dict(DOCS)
    docs["CHANGELOG.md"] = "# My own changelog\n"
    result = build(project_with(tmp_path, RELEASES, docs=docs))
    assert not result.ok
    assert "docs/CHANGELOG.md is made by the build from data/releases/; remove it" in result.log
