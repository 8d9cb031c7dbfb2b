"""The text formats made from release data: page markdown, CHANGELOG.md and the RSS 2.0 feed.

Pure: no MkDocs import. Data is plain text everywhere: on its way into markdown it is HTML-
escaped and its markdown punctuation made literal (`md`, handbook.core.text), so a description can
neither inject HTML nor a `javascript:` link; the feed is built with xml.etree, which escapes.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import posixpath
import xml.etree.ElementTree as ET

from jinja2 import Environment
from markupsafe import Markup

from handbook.core import urls
from handbook.core.jinja_env import environment
from handbook.releases.model import (
    EnablementEntry,
    Release,
    Settings,
    grace_ends,
    group_by_type,
)

# Where the build publishes the feed and the changelog, relative to the site root.
FEED_PATH = "releases/feed.xml"
CHANGELOG_PATH = "CHANGELOG.md"

# ---------------------------------------------------------------------------------------------
# Filters
# ---------------------------------------------------------------------------------------------


def code(value: object) -> Markup:
    """A code span; markdown escapes its content itself, so only backticks are removed."""
    return Markup("`" + str(value).replace("`", "") + "`")


def long_date(day: dt.date | None) -> str:
    return f"{day.day} {day:%B %Y}" if day else ""


def page_title(release: Release) -> str:
    """The navigation title of a release's page (plain text)."""
    return f"{release.version}: {release.title}"


def page_uri(release: Release) -> str:
    """The docs-relative source path of a release's generated page."""
    return f"releases/{release.version}.md"


def page_url(release: Release, directory_urls: bool = True) -> str:
    """The site-relative URL of a release's page."""
    return urls.page_url(page_uri(release), directory_urls)


def relative_link(target_src: str, from_page_src: str) -> str:
    """A markdown link target from one docs source path to another."""
    return posixpath.relpath(target_src, posixpath.dirname(from_page_src) or ".")


def _env() -> Environment:
    # Made once: compiling the templates again for every page and feed item cost 6x the render,
    # and the loader still reloads a template whose file changed (`mkdocs serve`).
    env = environment()
    env.filters.update(code=code, long_date=long_date)
    env.globals.update(group_by_type=group_by_type)
    return env


def _render(template: str, settings: Settings, **context) -> str:
    return _ENV.get_template(template).render(settings=settings, **context)


def _render_for_page(template: str, settings: Settings, from_page: str, **context) -> str:
    """Macro output for the page at `from_page`: links to release pages are relative to it."""
    return _render(
        template,
        settings,
        href=lambda release: relative_link(page_uri(release), from_page),
        **context,
    )


# ---------------------------------------------------------------------------------------------
# Pages and macro output (markdown)
# ---------------------------------------------------------------------------------------------


def release_page(release: Release, settings: Settings, today: dt.date) -> str:
    """The full internal page of one release: every change with notes, rollout and links."""
    overdue = release.status == "planned" and release.date < today
    return _render(
        "release_page.md",
        settings,
        page_title=page_title(release),
        release=release,
        overdue=overdue,
        grace_ends=grace_ends(release, settings) if overdue else None,
    )


def release_index(releases: list[Release], settings: Settings, from_page: str) -> str:
    """A table of every release, latest first, each linking to its page."""
    return _render_for_page("release_index.md", settings, from_page, releases=releases)


def whats_new(releases: list[Release], settings: Settings, from_page: str) -> str:
    return _render_for_page("whats_new.md", settings, from_page, releases=releases)


def customer_notes(releases: list[Release], settings: Settings, from_page: str) -> str:
    """Markdown of the customer view (already filtered by releases.customer_view)."""
    return _render_for_page("customer_notes.md", settings, from_page, releases=releases)


def enablement_notes(
    entries: list[EnablementEntry], settings: Settings, from_page: str, today: dt.date
) -> str:
    return _render_for_page(
        "enablement_notes.md", settings, from_page, entries=entries, today=today
    )


# ---------------------------------------------------------------------------------------------
# CHANGELOG.md (Keep a Changelog 1.1.0) and the RSS 2.0 feed
# ---------------------------------------------------------------------------------------------


def changelog(
    releases: list[Release], settings: Settings, site_url: str | None, directory_urls: bool = True
) -> str:
    """CHANGELOG.md in Keep a Changelog 1.1.0 form from the customer view, latest first."""
    return _render(
        "changelog.md",
        settings,
        releases=releases,
        url=lambda release: urls.absolute_url(site_url, page_url(release, directory_urls)),
    )


def _rfc822(day: dt.date) -> str:
    return email.utils.format_datetime(dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC))


def feed_xml(
    releases: list[Release],
    settings: Settings,
    site_url: str | None,
    site_name: str,
    directory_urls: bool = True,
) -> str:
    """An RSS 2.0 feed of the customer view, latest first; ElementTree escapes every value."""
    atom = "http://www.w3.org/2005/Atom"
    ET.register_namespace("atom", atom)
    rss = ET.Element("rss", {"version": "2.0"})
    channel = ET.SubElement(rss, "channel")
    ET.SubElement(channel, "title").text = f"{settings.product} releases"
    index = urls.page_url("releases/index.md", directory_urls)
    ET.SubElement(channel, "link").text = urls.absolute_url(site_url, index)
    ET.SubElement(
        channel, "description"
    ).text = f"What changed in {settings.product}, release by release ({site_name})."
    ET.SubElement(channel, "language").text = "en"
    if site_url:
        self_link = {
            "href": urls.absolute_url(site_url, FEED_PATH),
            "rel": "self",
            "type": "application/rss+xml",
        }
        ET.SubElement(channel, f"{{{atom}}}link", self_link)
    if releases:
        # The newest data change, not the clock: the same data gives the same bytes.
        newest = max(r.last_updated for r in releases)
        ET.SubElement(channel, "lastBuildDate").text = _rfc822(newest)
    for release in releases:
        item = ET.SubElement(channel, "item")
        link = urls.absolute_url(site_url, page_url(release, directory_urls))
        ET.SubElement(item, "title").text = f"{settings.product} {release.version}: {release.title}"
        ET.SubElement(item, "link").text = link
        ET.SubElement(item, "guid", {"isPermaLink": "true" if site_url else "false"}).text = link
        ET.SubElement(item, "pubDate").text = _rfc822(release.date)
        for area in sorted({settings.area_name(c.area) for c in release.changes}):
            ET.SubElement(item, "category").text = area
        ET.SubElement(item, "description").text = _render(
            "feed_item.html", settings, release=release
        ).strip()
    ET.indent(rss)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(rss, encoding="unicode") + "\n"


_ENV = _env()
