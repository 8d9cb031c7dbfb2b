"""Release notes: one generated page per release, the RSS feed and CHANGELOG.md.

Thin adapter over handbook.releases.pages (what the site holds for releases). The feed and the
changelog are always published, even with no release yet, so the feed link in every page's
head (handbook/theme/main.html) never dangles.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from handbook.mkdocs.adapter import add_made_page, feature_on, get_handbook, log
from handbook.releases import formats
from handbook.releases.pages import overdue_notices, release_files, release_pages

__all__ = ["on_files"]


def on_files(files: Files, config: MkDocsConfig) -> Files:
    if not feature_on(config, "releases"):
        return files
    handbook = get_handbook(config)
    for made in release_pages(handbook, config.site_name):
        add_made_page(files, config, made)
    for notice in overdue_notices(handbook, config.site_name):
        # INFO, because --strict turns every WARNING into a failed build; past an opted-in
        # grace period validation has already failed the build.
        log.info(notice)
    made_files = release_files(
        handbook, config.site_name, config.site_url or None, config.use_directory_urls
    )
    _add(files, File.generated(config, formats.FEED_PATH, content=made_files.feed))
    _add(
        files,
        RawMarkdownFile.generated(config, formats.CHANGELOG_PATH, content=made_files.changelog),
    )
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
