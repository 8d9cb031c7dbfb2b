"""Text made from release data: escaping, page markdown, CHANGELOG.md and the RSS feed."""

import dataclasses
import datetime as dt
import html
import re

import feedparser
import keepachangelog
import markdown
import pytest

from handbook.core.text import md_text
from handbook.releases import formats as fmt
from handbook.releases import model as rel
from tests.release_fixtures import TODAY, XSS, change, dataset, release, release_file

# The project's markdown extensions that matter for escaping (see mkdocs.yml).
EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "footnotes", "md_in_html", "tables"]


def to_html(text: str) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS)


# ---------------------------------------------------------------------------------------------
# md_text(): data text is text in markdown
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        XSS,
        "[x](javascript:alert(1))",
        "*bold* _em_ `code` a | b {#id}",
        "1. not a list",
        "# not a heading",
        "- not a list",
        "R&D ships &lt;",
    ],
)
def test_md_text_shows_data_as_typed(data):
    rendered = to_html(str(md_text(data)))
    # One paragraph and no other element, whose text is the data exactly as typed.
    assert rendered.startswith("<p>") and rendered.endswith("</p>")
    assert "<" not in rendered[3:-4]
    assert html.unescape(rendered[3:-4]) == data


def test_unescaped_data_would_be_markup():
    # Negative control: without md_text() the same text becomes HTML and links.
    assert "<script>" in to_html(XSS)
    assert 'href="javascript:alert(1)"' in to_html("[x](javascript:alert(1))")


def test_md_text_joins_folded_lines():
    assert str(md_text("one\n  two\n\nthree")) == "one two three"


# ---------------------------------------------------------------------------------------------
# Links and URLs
# ---------------------------------------------------------------------------------------------


def test_relative_links_from_any_page():
    assert fmt.relative_link("releases/3.4.0.md", "releases/index.md") == "3.4.0.md"
    assert fmt.relative_link("releases/3.4.0.md", "index.md") == "releases/3.4.0.md"
    assert fmt.relative_link("releases/3.4.0.md", "guidelines/x.md") == "../releases/3.4.0.md"


# ---------------------------------------------------------------------------------------------
# A data set with an attack in every field that reaches an output
# ---------------------------------------------------------------------------------------------


@pytest.fixture()
def data(tmp_path):
    hostile = f'"{XSS} and *stars*"'
    notes = (
        f"    internal_note: {hostile}\n"
        "    links:\n      ticket: https://example-co.atlassian.net/browse/TAN-1?a=1&b=2\n"
        "    rollout:\n      feature_flag: boards-x\n      percentage: 25\n"
        "      ga_date: 2026-11-20\n"
        f"    enablement:\n      sales: {hostile}\n      support: {hostile}\n"
    )
    files = {
        release_file("1.0.0", "2026-10-01"): release(
            "1.0.0",
            "2026-10-01",
            title=f'"Boards {XSS}"',
            summary=hostile,
            changes=[
                change(description=hostile, extra=notes),
                change(
                    type="fixed", audience="internal", description="Team-only fix for the console."
                ),
            ],
        ),
        release_file("1.1.0", "2026-11-11"): release(
            "1.1.0",
            "2026-11-11",
            changes=[
                change(
                    type="security",
                    area="admin",
                    description="Sign-in rejects partly signed responses.",
                ),
                change(
                    type="deprecated", area="api", description="The v1 endpoints are deprecated."
                ),
            ],
        ),
        release_file("1.2.0", "2026-12-09"): release(
            "1.2.0", "2026-12-09", "planned", changes=[change(description="Planned change text.")]
        ),
    }
    return dataset(tmp_path, files)


def views(data):
    releases = rel.load_releases(data)
    settings = rel.load_settings(data)
    return releases, settings, rel.customer_view(releases, settings)


def test_release_page_escapes_every_field_and_shows_internal_details(data):
    releases, settings, _ = views(data)
    page = next(r for r in releases if r.version == "1.0.0")
    html = to_html(fmt.release_page(page, settings, TODAY))
    assert "<script" not in html
    assert html.count("&lt;script&gt;alert(1)&lt;/script&gt;") == 6  # title, summary, 4 fields
    assert "<em>" not in html and "&#42;stars&#42;" in html
    assert "Team-only fix for the console." in html
    assert "<code>boards-x</code>, 25% of workspaces on release day" in html
    assert '<a href="https://example-co.atlassian.net/browse/TAN-1?a=1&amp;b=2">Ticket</a>' in html
    assert "<h2" in html and ">Added</h2>" in html and ">Fixed</h2>" in html


def test_planned_release_page_warns_when_its_date_has_passed(data):
    releases, settings, _ = views(data)
    planned = next(r for r in releases if r.version == "1.2.0")
    assert "Release date passed" not in fmt.release_page(planned, settings, TODAY)
    later = dt.date(2026, 12, 12)
    text = fmt.release_page(planned, settings, later)
    assert '!!! warning "Release date passed"' in text
    assert "build fails" not in text  # by default a passed date never fails the build
    strict = dataclasses.replace(settings, fail_on_overdue_planned=True)
    text = fmt.release_page(planned, strict, later)
    assert "From 24 December 2026 the handbook build fails" in text


def test_index_links_every_release_latest_first(data):
    releases, settings, _ = views(data)
    text = fmt.release_index(releases, settings, "releases/index.md")
    rows = [line for line in text.splitlines() if line.startswith("| [")]
    assert [row.split("]")[0][3:] for row in rows] == ["1.2.0", "1.1.0", "1.0.0"]
    assert "(1.2.0.md)" in rows[0] and "| Planned |" in rows[0]
    html = to_html(text)
    assert "<script" not in html and "&lt;script&gt;" in html


def test_whats_new_lists_released_only_with_links_from_the_home_page(data):
    releases, settings, _ = views(data)
    text = fmt.whats_new(rel.latest_released(releases, 5), settings, "index.md")
    assert "releases/1.1.0.md" in text and "releases/1.0.0.md" in text
    assert "1.2.0" not in text
    assert "<script" not in to_html(text)
    assert "No release has shipped yet." in fmt.whats_new([], settings, "index.md")


def test_customer_notes_leave_out_internal_changes_and_notes(data):
    _, settings, view = views(data)
    html = to_html(fmt.customer_notes(view, settings, "releases/customers.md"))
    assert "&lt;script&gt;alert(1)&lt;/script&gt; and &#42;stars&#42;" in html  # the description
    assert "Team-only fix" not in html
    assert "boards-x" not in html and "TAN-1" not in html and "25%" not in html
    assert html.count("&lt;script&gt;") == 3  # title, summary, description; not the notes
    assert "Planned change text." not in html
    assert 'id="v1-0-0"' in html and 'id="v1-1-0-security"' in html
    assert "Available to every workspace from 20 November 2026." in html


def test_enablement_notes_show_notes_and_mark_internal_changes(data):
    releases, settings, _ = views(data)
    text = fmt.enablement_notes(rel.enablement_view(releases), settings, "releases/x.md", TODAY)
    html = to_html(text)
    assert html.index("1.2.0") < html.index("1.1.0") < html.index("1.0.0")
    assert "Not released yet" in html and "Planned change text." in html
    assert "<strong>Sales and customer success:</strong> &lt;script&gt;" in html
    assert "Team-only fix for the console. (internal only)" in html
    assert "<script" not in html


# ---------------------------------------------------------------------------------------------
# CHANGELOG.md, read back by the keepachangelog parser
# ---------------------------------------------------------------------------------------------


def test_changelog_parses_to_versions_and_categories(data, tmp_path):
    _, settings, view = views(data)
    text = fmt.changelog(view, settings, "https://x.test/handbook/")
    parsed = keepachangelog.to_dict(text.splitlines(), show_unreleased=True)
    assert list(parsed) == ["1.1.0", "1.0.0"]
    assert set(parsed["1.1.0"]) == {"metadata", "security", "deprecated"}
    assert set(parsed["1.0.0"]) == {"metadata", "added"}  # the internal fix is left out
    assert parsed["1.0.0"]["metadata"]["release_date"] == "2026-10-01"
    assert parsed["1.0.0"]["metadata"]["url"] == "https://x.test/handbook/releases/1.0.0/"
    [added] = parsed["1.0.0"]["added"]
    assert "<script>" not in text and "&lt;script&gt;alert(1)&lt;/script&gt;" in added
    assert "Keep a Changelog](https://keepachangelog.com/en/1.1.0/)" in text


def test_changelog_renders_the_attack_as_text():
    # What a reader sees when a markdown viewer renders the raw file.
    settings = rel.default_settings("Tandem")
    one = rel.Release(
        "1.0.0",
        dt.date(2026, 11, 1),
        "released",
        "t",
        "s",
        TODAY,
        (rel.Change("added", "boards", "both", XSS),),
        "f",
    )
    settings = rel.Settings("Tandem", "", 0, False, (("added", "Added"),), {}, settings.audiences)
    html = to_html(fmt.changelog([one], settings, None))
    assert (
        "<script" not in html and f"boards: {XSS}".replace("<", "&lt;").replace(">", "&gt;") in html
    )


def test_keepachangelog_notices_a_broken_changelog():
    # Negative control: the parser is not lenient about a missing release heading.
    broken = ["# Changelog", "", "### Added", "", "- Orphan entry"]
    assert keepachangelog.to_dict(broken) == {}


def test_empty_changelog_is_still_valid():
    text = fmt.changelog([], rel.default_settings("Tandem"), None)
    assert keepachangelog.to_dict(text.splitlines()) == {}
    assert text.startswith("# Changelog\n")


# ---------------------------------------------------------------------------------------------
# RSS 2.0 feed, read back by feedparser
# ---------------------------------------------------------------------------------------------


def test_feed_parses_cleanly_with_the_right_entries(data):
    _, settings, view = views(data)
    xml = fmt.feed_xml(view, settings, "https://x.test/handbook/", "Handbook")
    feed = feedparser.parse(xml)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "rss20"
    assert feed.feed.title == "Widget releases"
    assert feed.feed.link == "https://x.test/handbook/releases/"
    assert [e.link for e in feed.entries] == [
        "https://x.test/handbook/releases/1.1.0/",
        "https://x.test/handbook/releases/1.0.0/",
    ]
    assert [e.id for e in feed.entries] == [e.link for e in feed.entries]
    assert feed.entries[1].published_parsed[:3] == (2026, 10, 1)
    assert feed.entries[1].title == f"Widget 1.0.0: Boards {XSS}"  # a title is plain text
    summary = feed.entries[1].summary
    # Shown as text twice: in the release summary and in the change description.
    assert "<script" not in summary
    assert summary.count("&lt;script&gt;alert(1)&lt;/script&gt;") == 2
    assert "Team-only fix" not in summary and "Planned change text." not in xml


def test_feed_escapes_markup_in_the_raw_xml(data):
    _, settings, view = views(data)
    xml = fmt.feed_xml(view, settings, "https://x.test/", "Handbook")
    assert "<script" not in xml
    assert "&lt;script&gt;" in xml  # the title
    # Escaped twice (text in HTML in XML): the summary and the description.
    assert xml.count("&amp;lt;script&amp;gt;") == 2


def test_feedparser_flags_a_broken_feed():
    # Negative control: bozo is set for XML that is not well formed.
    assert feedparser.parse("<rss version='2.0'><channel><title>x</channel></rss>").bozo == 1


def test_feed_without_releases_or_site_url_is_still_valid():
    xml = fmt.feed_xml([], rel.default_settings("Tandem"), None, "Handbook")
    feed = feedparser.parse(xml)
    assert feed.bozo == 0 and feed.entries == []
    assert feed.feed.link == "releases/"


def test_enablement_notes_open_each_release_with_an_at_a_glance_table(data):
    releases, settings, _ = views(data)
    entries = rel.enablement_view(releases)
    html = to_html(fmt.enablement_notes(entries, settings, "releases/x.md", TODAY))
    briefed = sum(len(entry.briefed) for entry in entries)
    assert briefed > 0
    # One row per briefed change, each saying who may hear it and who has notes.
    rows = re.findall(
        r"<tr>\s*<td>(.*?)</td>\s*<td>(.*?)</td>\s*<td>(.*?)</td>\s*<td>(.*?)</td>", html, re.S
    )
    assert len(rows) == briefed
    assert {tell for _, _, tell, _ in rows} <= {"yes", "<strong>no, internal only</strong>"}
    assert any("Sales and CS" in notes for *_, notes in rows)
    # Negative control: a release with nothing to brief gets no table.
    empty = [rel.EnablementEntry(e.release, (), e.other) for e in entries[:1]]
    assert "<table>" not in to_html(fmt.enablement_notes(empty, settings, "releases/x.md", TODAY))
