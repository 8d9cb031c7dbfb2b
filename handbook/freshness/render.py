"""Render freshness notices, footers, the dashboard and the reminder digest from Jinja templates.

Every template is autoescaped: owner names, titles and contacts come from data and front matter,
which are text, never markup. Markdown output also escapes the characters that would break a
table cell or a link text.
"""

from __future__ import annotations

import datetime as dt
import re

from jinja2 import Environment
from markupsafe import Markup

from handbook.core import urls
from handbook.core.jinja_env import environment
from handbook.freshness.model import (
    STATUS_LABELS,
    STATUSES,
    PageFreshness,
    Policy,
)
from handbook.freshness.report import (
    Drift,
    chart_rows,
    fresh_by_owner,
    needs_action,
    overdue_days,
    owner_counts,
    relative_link,
    summarize,
)

DASHBOARD_URI = "about/freshness.md"

STATUS_MEANINGS = {
    "stale": "the review-by date has passed",
    "due": "review-by date is close, or data shown on the page changed since its review",
    "unowned": "no owner, or an owner that is not in data/owners.yml",
    "unreviewed": "no last_reviewed date",
    "fresh": "reviewed, and not due yet",
}
STATUS_COLOURS = {
    "stale": "#c62828",
    "due": "#b45309",
    "unowned": "#6a1b9a",
    "unreviewed": "#546e7a",
    "fresh": "#2e7d32",
}


def _environment() -> Environment:
    env = environment(
        # A new environment is made for each build, so there is nothing to re-check on disk.
        auto_reload=False,
    )
    env.globals.update(
        labels=STATUS_LABELS, meanings=STATUS_MEANINGS, colours=STATUS_COLOURS, statuses=STATUSES
    )
    return env


class Renderer:
    """One Jinja environment per build or CLI run (templates compile once, then are reused)."""

    def __init__(self) -> None:
        self.env = _environment()

    def notice(
        self, page: PageFreshness, today: dt.date, edit_link: str, overdue: int | None = -1
    ) -> str:
        """`overdue` (days past review-by) defaults to the build's count; 0 leaves it out."""
        template = self.env.get_template("freshness_notice.html")
        if overdue == -1:
            overdue = overdue_days(page, today)
        return template.render(page=page, today=today, edit_link=edit_link, overdue=overdue)

    def footer(self, page: PageFreshness, source_link: str = "") -> str:
        """`source_link` shows a generated page's record in its data file, at its line."""
        template = self.env.get_template("freshness_footer.html")
        return template.render(page=page, source_link=source_link)

    def chart(self, pages: list[PageFreshness]) -> str:
        rows = chart_rows(pages)
        template = self.env.get_template("freshness_chart.svg")
        return template.render(rows=rows, height=len(rows) * 28 + 44).strip()

    def dashboard(
        self,
        pages: list[PageFreshness],
        today: dt.date,
        edit_links: dict[str, str],
        drift: list[Drift],
        dashboard_url: str | None = None,
        policy: Policy | None = None,
        markdown_links: bool = False,
    ) -> tuple[str, dict[str, str]]:
        """Markdown of the dashboard page (about/freshness.md), and its tables by placeholder.

        The page tables are HTML filled in after the markdown is rendered (`fill_tables`):
        with a thousand pages they hold thousands of rows, which Python-Markdown would
        otherwise spend most of the dashboard's build time re-reading as raw HTML. With
        `markdown_links` (`handbook export`, whose tables go into the markdown with
        `inline_tables`), each page link is a markdown link to the page's .md file.
        """
        tables: dict[str, str] = {}
        table_template = self.env.get_template("freshness_table.html")

        def link(page: PageFreshness) -> str:
            return relative_link(DASHBOARD_URI, page.src_uri)

        def href(page: PageFreshness) -> str:
            if markdown_links:
                return relative_link(DASHBOARD_URI, page.src_uri)
            return urls.relative_url(dashboard_url or urls.page_url(DASHBOARD_URI), page.url)

        def table(rows: list[PageFreshness], with_owner: bool, with_status: bool = True) -> str:
            token = f"HANDBOOKFRESHNESSTABLE{len(tables)}"
            tables[token] = table_template.render(
                pages=rows,
                with_owner=with_owner,
                with_status=with_status,
                today=today,
                overdue=lambda page: overdue_days(page, today),
                href=href,
                edit_links=edit_links,
                markdown_links=markdown_links,
            )
            return token

        markdown = self.env.get_template("freshness_dashboard.md").render(
            today=today,
            summary=summarize(pages),
            chart=Markup(self.chart(pages)),
            attention=needs_action(pages),
            fresh=fresh_by_owner(pages),
            owners=owner_counts(pages),
            drift=drift,
            link=link,
            table=table,
            edit_links=edit_links,
            policy=policy or Policy(),
            markdown_links=markdown_links,
        )
        return markdown, tables

    def digest(self, pages: list[PageFreshness], today: dt.date, edit_links: dict[str, str]) -> str:
        """Markdown digest per owner of every page that needs attention: a reminder issue body."""
        needing = [p for p in pages if p.status != "fresh"]
        return self.env.get_template("freshness_digest.md").render(
            today=today,
            summary=summarize(pages),
            by_owner=needs_action(needing),
            edit_links=edit_links,
        )


def inline_tables(markdown: str, tables: dict[str, str]) -> str:
    """The dashboard's markdown with each table in place of its placeholder paragraph."""
    for token, table in tables.items():
        line = re.compile(rf"^([ \t]*){token}$", re.M)  # TABLE1 is not TABLE10
        markdown, found = line.subn(_Table(table.strip()), markdown)
        if found != 1:
            raise ValueError(f"dashboard: placeholder {token} not found once in its markdown")
    return markdown


class _Table:
    """A replacement for a placeholder line: the table, at the placeholder's indent."""

    def __init__(self, html: str) -> None:
        self.html = html

    def __call__(self, match: re.Match) -> str:
        indent = match.group(1)
        return "\n".join(indent + line for line in self.html.split("\n"))


def fill_tables(html: str, tables: dict[str, str]) -> str:
    """Put each table in place of the paragraph holding its placeholder; each must be there."""
    for token, table in tables.items():
        paragraph = f"<p>{token}</p>"
        if html.count(paragraph) != 1:
            raise ValueError(f"dashboard: placeholder {token} not found once in the rendered page")
        html = html.replace(paragraph, table)
    return html
