"""What the site holds for releases: a page per release, the RSS feed and CHANGELOG.md.

Pure: the MkDocs hook (handbook.mkdocs.release_pages) adds these to a build, `handbook export`
writes them into a site source. The feed and the changelog are always made, even with no
release yet, so the feed link in every page's head never dangles.
"""

from __future__ import annotations

from dataclasses import dataclass

from handbook.core.context import Handbook
from handbook.core.registry import GeneratedPage
from handbook.releases import formats
from handbook.releases import model as rel
from handbook.releases.macros import record, releases_of, stored_settings

ALL_RELEASES = "All releases"  # the nav section holding the generated release pages


def _settings(handbook: Handbook, site_name: str) -> rel.Settings:
    return stored_settings(handbook) or rel.default_settings(site_name)


def release_pages(handbook: Handbook, site_name: str) -> list[GeneratedPage]:
    """A page per release, latest first in their own nav section; each records the release
    file it shows (for freshness)."""
    settings = _settings(handbook, site_name)
    pages = []
    for rank, release in enumerate(rel.sort_releases(releases_of(handbook))):
        src_uri = formats.page_uri(release)
        markdown = formats.release_page(release, settings, handbook.today)
        title = formats.page_title(release)
        pages.append(GeneratedPage(src_uri, markdown, title, (ALL_RELEASES,), f"{rank:06d}"))
        record(handbook, src_uri, [release])
    return pages


def overdue_notices(handbook: Handbook, site_name: str) -> list[str]:
    """A line for each release still marked planned after its date."""
    settings = _settings(handbook, site_name)
    notices = []
    for release in rel.overdue_planned(releases_of(handbook), handbook.today):
        fails_from = rel.grace_ends(release, settings)
        deadline = f" before {fails_from}, when the build starts to fail" if fails_from else ""
        notices.append(
            f"{release.file}: release {release.version} was planned for {release.date} and is "
            f"still marked planned; set status: released or move the date{deadline}"
        )
    return notices


@dataclass(frozen=True)
class ReleaseFiles:
    feed: str  # releases/feed.xml
    changelog: str  # CHANGELOG.md, published as it is


def release_files(
    handbook: Handbook, site_name: str, site_url: str | None, directory_urls: bool
) -> ReleaseFiles:
    settings = _settings(handbook, site_name)
    view = rel.customer_view(releases_of(handbook), settings)
    return ReleaseFiles(
        formats.feed_xml(view, settings, site_url or None, site_name, directory_urls),
        formats.changelog(view, settings, site_url or None, directory_urls),
    )
