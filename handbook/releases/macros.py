"""Release macros for pages with `render_macros: true`.

    {{ release_index() }}           every release, latest first, linking to its page
    {{ whats_new(3) }}              the latest released releases, for the home page
    {{ customer_release_notes() }}  the customer view: no internal-only changes or notes
    {{ enablement_notes() }}        every release with sales and support notes

Each macro records which release files the page shows (for freshness).
"""

from __future__ import annotations

from handbook.core.context import DataUse, Handbook
from handbook.releases import formats
from handbook.releases import model as rel


def _load_releases(handbook: Handbook) -> list[rel.Release]:
    return rel.load_releases(handbook.dataset)


def _load_settings(handbook: Handbook) -> rel.Settings | None:
    return rel.load_settings(handbook.dataset)


def releases_of(handbook: Handbook) -> list[rel.Release]:
    return handbook.derived(_load_releases)


def stored_settings(handbook: Handbook) -> rel.Settings | None:
    return handbook.derived(_load_settings)


def settings_of(handbook: Handbook) -> rel.Settings:
    settings = stored_settings(handbook)
    if settings is None:
        raise ValueError(f"release macros need {rel.SETTINGS_FILE}")
    return settings


def record(handbook: Handbook, page: str | None, releases: list[rel.Release]) -> None:
    for release in releases:
        handbook.record_use(
            page, DataUse(f"release {release.version}", release.file, release.last_updated)
        )


def register(env, handbook: Handbook) -> None:
    def current_page() -> str:
        return env.page.file.src_uri

    @env.macro
    def release_index() -> str:
        """A table of every release, latest first, each linking to its page.

        Example: {{ release_index() }}
        """
        releases = releases_of(handbook)
        record(handbook, current_page(), releases)
        return formats.release_index(releases, settings_of(handbook), current_page())

    @env.macro
    def whats_new(n: int = 3) -> str:
        """The latest released releases with their summaries, for a home page.

        Arguments:
            n: how many releases to show, a whole number above 0 (default 3).
        Example: {{ whats_new(3) }}
        """
        if not isinstance(n, int) or n < 1:
            raise ValueError(f"whats_new(n): n must be a whole number above 0, not {n!r}")
        latest = rel.latest_released(releases_of(handbook), n)
        record(handbook, current_page(), latest)
        return formats.whats_new(latest, settings_of(handbook), current_page())

    @env.macro
    def customer_release_notes() -> str:
        """Released releases as customers may read them: customer-facing changes only, without
        internal notes, links, rollout or enablement notes.

        Example: {{ customer_release_notes() }}
        """
        settings = settings_of(handbook)
        view = rel.customer_view(releases_of(handbook), settings)
        record(handbook, current_page(), view)
        return formats.customer_notes(view, settings, current_page())

    @env.macro
    def enablement_notes() -> str:
        """Every release, planned ones first, with notes for sales and support.

        Example: {{ enablement_notes() }}
        """
        releases = releases_of(handbook)
        record(handbook, current_page(), releases)
        entries = rel.enablement_view(releases)
        return formats.enablement_notes(
            entries, settings_of(handbook), current_page(), handbook.today
        )
