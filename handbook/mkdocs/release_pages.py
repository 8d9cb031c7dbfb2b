"""Release notes: one generated page per release, the RSS feed and CHANGELOG.md.

Thin adapter over handbook.releases.model (data and views) and handbook.releases.formats (text).
The feed and the changelog are always published, even with no release yet, so the feed link
in every page's head (handbook/theme/main.html) never dangles.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from handbook.mkdocs.adapter import add_generated_page, feature_on, get_handbook, log
from handbook.releases import formats
from handbook.releases import model as rel
from handbook.releases.macros import record, releases_of, stored_settings

__all__ = ["on_files"]

ALL_RELEASES = "All releases"  # the nav section holding the generated release pages


def on_files(files: Files, config: MkDocsConfig) -> Files:
    if not feature_on(config, "releases"):
        return files
    handbook = get_handbook(config)
    releases = releases_of(handbook)
    settings = stored_settings(handbook) or rel.default_settings(config.site_name)
    # Latest first, as on the Releases index, in their own nav section.
    for rank, release in enumerate(rel.sort_releases(releases)):
        src_uri = formats.page_uri(release)
        markdown = formats.release_page(release, settings, handbook.today)
        title = formats.page_title(release)
        order = f"{rank:06d}"
        add_generated_page(
            files, config, src_uri, markdown, title, group=(ALL_RELEASES,), order=order
        )
        record(handbook, src_uri, [release])
    for release in rel.overdue_planned(releases, handbook.today):
        # INFO, because --strict turns every WARNING into a failed build; past an opted-in
        # grace period validation has already failed the build.
        fails_from = rel.grace_ends(release, settings)
        deadline = f" before {fails_from}, when the build starts to fail" if fails_from else ""
        log.info(
            f"{release.file}: release {release.version} was planned for {release.date} and is "
            f"still marked planned; set status: released or move the date{deadline}"
        )
    view = rel.customer_view(releases, settings)
    site_url = config.site_url or None
    directory_urls = config.use_directory_urls
    feed = formats.feed_xml(view, settings, site_url, config.site_name, directory_urls)
    _add(files, File.generated(config, formats.FEED_PATH, content=feed))
    changelog = formats.changelog(view, settings, site_url, directory_urls)
    _add(files, RawMarkdownFile.generated(config, formats.CHANGELOG_PATH, content=changelog))
    return files


# ---------------------------------------------------------------------------------------------


def _add(files: Files, file: File) -> None:
    if files.get_file_from_path(file.src_uri) is not None:
        raise PluginError(
            f"docs/{file.src_uri} is made by the build from data/releases/; remove it"
        )
    files.append(file)


class RawMarkdownFile(File):
    """A markdown file published as it is (CHANGELOG.md), not rendered into an HTML page.

    Pages may still link to it (`../CHANGELOG.md`): MkDocs finds it among the files and
    rewrites the link to its URL.
    """

    def is_documentation_page(self) -> bool:
        return False
