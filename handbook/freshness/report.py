"""Views over page freshness records: summary, groupings, chart geometry, template drift.

Rendering (Jinja templates in handbook/jinja/) lives in handbook.freshness.render.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Iterable
from dataclasses import dataclass

from handbook.freshness.model import STATUSES, PageFreshness, sort_oldest_first
from handbook.templates.model import is_drifted, parse_ref

SECTION_HOME = "Home"


@dataclass(frozen=True)
class Summary:
    total: int
    counts: dict[str, int]  # every status, worst first

    @property
    def health(self) -> int:
        """Percent of pages that are fresh, rounded down (100 for an empty handbook)."""
        if not self.total:
            return 100
        return self.counts["fresh"] * 100 // self.total


def summarize(pages: Iterable[PageFreshness]) -> Summary:
    counts = dict.fromkeys(STATUSES, 0)
    total = 0
    for page in pages:
        counts[page.status] += 1
        total += 1
    return Summary(total, counts)


def section_label(section: str) -> str:
    return section.replace("-", " ").capitalize() if section else SECTION_HOME


def group(pages: Iterable[PageFreshness], key: str) -> list[tuple[str, list[PageFreshness]]]:
    """Pages grouped by "owner" (display name) or "section" (label), oldest review first."""
    groups: dict[str, list[PageFreshness]] = {}
    for page in pages:
        owner = page.owner_name or "(no owner)"
        name = owner if key == "owner" else section_label(page.section)
        groups.setdefault(name, []).append(page)
    return [(name, sort_oldest_first(items)) for name, items in sorted(groups.items())]


# What needs doing, most urgent first; fresh pages need nothing.
ACTION_ORDER = ("stale", "due", "unowned", "unreviewed")


def action_key(page: PageFreshness) -> tuple:
    """Worst status first; within one, the earliest review-by date (most overdue) first."""
    return (
        ACTION_ORDER.index(page.status) if page.status in ACTION_ORDER else len(ACTION_ORDER),
        page.review_by or dt.date.min,
        page.title.lower(),
        page.src_uri,
    )


def needs_action(pages: Iterable[PageFreshness]) -> list[tuple[str, list[PageFreshness]]]:
    """Pages that are not fresh, by owner: each owner's pages most urgent first, and the owner
    whose most urgent page is most urgent first, so the dashboard's first row is the page to
    review first."""
    groups: dict[str, list[PageFreshness]] = {}
    for page in sorted((p for p in pages if p.status != "fresh"), key=action_key):
        groups.setdefault(page.owner_name or "(no owner)", []).append(page)
    return list(groups.items())


def fresh_by_owner(pages: Iterable[PageFreshness]) -> list[PageFreshness]:
    """Fresh pages by owner, then by the review-by date that comes first."""
    fresh = (p for p in pages if p.status == "fresh")
    return sorted(fresh, key=lambda p: (p.owner_name.lower(), p.review_by or dt.date.min, p.title))


@dataclass(frozen=True)
class OwnerCounts:
    name: str
    counts: dict[str, int]  # every status, worst first
    total: int


def owner_counts(pages: Iterable[PageFreshness]) -> list[OwnerCounts]:
    """Pages per owner and status, the owners with the most stale, then due, pages first."""
    rows = [
        OwnerCounts(name, summarize(items).counts, len(items))
        for name, items in group(pages, "owner")
    ]
    return sorted(rows, key=lambda r: (-r.counts["stale"], -r.counts["due"], r.name.lower()))


@dataclass(frozen=True)
class Bar:
    status: str
    x: float
    width: float
    count: int


@dataclass(frozen=True)
class Row:
    label: str
    y: float
    total: int
    bars: tuple[Bar, ...]


def chart_rows(
    pages: Iterable[PageFreshness], width: float = 420.0, row_height: float = 28.0
) -> list[Row]:
    """Stacked horizontal bars per section, scaled so the largest section fills `width`."""
    grouped = group(pages, "section")
    widest = max((len(items) for _, items in grouped), default=1)
    rows = []
    for i, (label, items) in enumerate(grouped):
        x = 0.0
        bars = []
        for status in STATUSES:
            count = sum(1 for p in items if p.status == status)
            if count:
                w = width * count / widest
                bars.append(Bar(status, round(x, 2), round(w, 2), count))
                x += w
        rows.append(Row(label, i * row_height, len(items), tuple(bars)))
    return rows


@dataclass(frozen=True)
class Drift:
    page: PageFreshness
    template_id: str
    page_version: str
    current_version: str


def drifted(pages: Iterable[PageFreshness], versions: dict[str, str]) -> list[Drift]:
    """Pages made from a template (`template: id@version`) older than its current version."""
    found = []
    for page in pages:
        ref = parse_ref(page.template)
        if ref is not None and is_drifted(page.template, versions):
            template_id, version = ref
            found.append(Drift(page, template_id, version, versions[template_id]))
    return sorted(found, key=lambda d: d.page.src_uri)


def relative_link(from_src_uri: str, to_src_uri: str) -> str:
    """A markdown link target from one docs page to another (MkDocs resolves .md links)."""
    return posixpath.relpath(to_src_uri, posixpath.dirname(from_src_uri) or ".")


def overdue_days(page: PageFreshness, today: dt.date) -> int | None:
    left = page.days_left(today)
    return -left if left is not None and left < 0 else None
