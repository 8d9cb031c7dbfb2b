"""Is each page still true? Owner, review dates and status, from front matter and data.

Pure logic: plain values in, plain values out, no MkDocs. The hooks, the dashboard, the JSON
feed and `handbook freshness` all read the same `PageFreshness` records.

Status, first match wins:
  unowned     no owner, or one not in data/owners.yml
  unreviewed  no last_reviewed date
  stale       review_by has passed
  due         review_by is within the warning window, or data the page shows changed since
              its last review
  fresh       otherwise
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from handbook.core import urls
from handbook.core.data import DataSet
from handbook.core.durations import Duration, add_duration, parse_duration
from handbook.core.owners import Owner
from handbook.core.paths import docs_dir, rel
from handbook.core.problems import Problem
from handbook.freshness.review_fields import LAST_REVIEWED_KEYS, REVIEW_EVERY_KEYS, pick, read_date
from handbook.pages.checks import check_page, iter_pages

STATUSES = ("stale", "due", "unowned", "unreviewed", "fresh")  # worst first
STATUS_LABELS = {
    "stale": "Stale",
    "due": "Due for review",
    "unowned": "No owner",
    "unreviewed": "Never reviewed",
    "fresh": "Fresh",
}
_HEADING = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.M)


RECORD = "record"


@dataclass(frozen=True)
class ReleasePolicy:
    """How release notes are reviewed (data/freshness.yml `releases:`).

    A planned release is a promise: reviewed every `planned` (None: the release page type's or
    the releases folder's interval), from its last_updated, like any page. A released release
    is a record of what shipped: `released` is None for "never reviewed for its age", or a
    duration after its release date when it is reviewed once (rollout done, known issues
    closed); once its last_updated is on or after that day it is a record too.
    """

    planned: Duration | None = None
    released: Duration | None = None

    def describe(self) -> tuple[str, str]:
        """(planned, released) as sentences for the dashboard."""
        planned = (
            f"reviewed every {self.planned} from their last update"
            if self.planned
            else "reviewed on the interval of the release page type or the releases folder"
        )
        released = (
            f"reviewed once, {self.released} after their release date, then kept as a record"
            if self.released
            else "kept as a record of what shipped: never flagged for their age"
        )
        return planned, released


@dataclass(frozen=True)
class Policy:
    """Review defaults from data/freshness.yml."""

    warning_days: int = 14
    default_review_every: Duration = Duration(6, "months")
    sections: dict[str, Duration] = field(default_factory=dict)
    page_types: dict[str, Duration] = field(default_factory=dict)
    fail_on_stale: bool = False
    releases: ReleasePolicy = field(default_factory=ReleasePolicy)


def load_policy(dataset: DataSet) -> Policy:
    """The policy in data/freshness.yml (already schema-checked), or the defaults without it."""
    doc = dataset.get("freshness.yml")
    data = doc.data if doc is not None and isinstance(doc.data, dict) else {}
    base = Policy()
    return Policy(
        warning_days=int(data.get("warning_days", base.warning_days)),
        default_review_every=parse_duration(
            data.get("default_review_every", str(base.default_review_every))
        ),
        sections={str(k): parse_duration(v) for k, v in (data.get("sections") or {}).items()},
        page_types={str(k): parse_duration(v) for k, v in (data.get("page_types") or {}).items()},
        fail_on_stale=bool(data.get("fail_on_stale", False)),
        releases=_release_policy(data.get("releases")),
    )


def _release_policy(data: Any) -> ReleasePolicy:
    if not isinstance(data, dict):
        return ReleasePolicy()
    planned, released = data.get("planned"), data.get("released", RECORD)
    return ReleasePolicy(
        planned=parse_duration(planned) if planned else None,
        released=None if released in (None, RECORD) else parse_duration(released),
    )


@dataclass(frozen=True)
class DataChange:
    """Data a page shows that changed after the page was last reviewed."""

    label: str
    source: str
    last_updated: dt.date


@dataclass(frozen=True)
class PageFreshness:
    src_uri: str  # docs-relative, e.g. "guidelines/prd.md"
    title: str
    section: str  # first folder under docs/, "" for top-level pages
    owner_id: str | None
    owner_name: str
    owner_contact: str
    review_handle: str
    last_reviewed: dt.date | None
    review_every: Duration | None
    review_by: dt.date | None
    status: str
    data_changes: tuple[DataChange, ...] = ()
    template: str | None = None
    # A page generated at build time is reviewed in the file it is made from: a template, or
    # a record in a data file (at `source_line`), whose `review_key` holds the review date.
    source: str = ""
    source_line: int = 0
    review_key: str = "last_reviewed"
    # The page's site URL as MkDocs made it (directory URLs or not); None: directory URLs.
    site_path: str | None = None
    docs: str = "docs"  # mkdocs.yml's docs_dir, relative to the project

    @property
    def path(self) -> str:
        """The repository file to edit: <docs_dir>/<page>, or the source of a generated page."""
        return self.source or f"{self.docs or 'docs'}/{self.src_uri}"

    @property
    def url(self) -> str:
        return self.site_path if self.site_path is not None else urls.page_url(self.src_uri)

    def days_left(self, today: dt.date) -> int | None:
        return (self.review_by - today).days if self.review_by else None

    def record(self, site_url: str = "", edit_link: str = "") -> dict[str, Any]:
        """The JSON record of site/freshness.json and `handbook freshness --format json`."""
        return {
            "path": self.path,
            "url": site_url + self.url,
            "title": self.title,
            "section": self.section,
            "owner": self.owner_id,
            "owner_name": self.owner_name,
            "owner_contact": self.owner_contact,
            "last_reviewed": _iso(self.last_reviewed),
            "review_every": str(self.review_every) if self.review_every else None,
            "review_by": _iso(self.review_by),
            "status": self.status,
            "data_changed": [
                {"label": c.label, "source": c.source, "last_updated": c.last_updated.isoformat()}
                for c in self.data_changes
            ],
            "edit_url": edit_link,
            "line": self.source_line or None,
        }


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def edit_url(repo_url: str | None, edit_uri: str | None, src_uri: str) -> str:
    """The "edit this page" link MkDocs would make, or "" without a repository."""
    if not repo_url or edit_uri is None:
        return ""
    if re.match(r"^[a-z][a-z0-9+.-]*:", edit_uri):
        base = edit_uri
    else:
        base = repo_url.rstrip("/") + "/" + edit_uri.lstrip("/")
    if not base.endswith(("/", "?", "#", "=")):
        base += "/"
    return base + src_uri


def source_edit_url(repo_url: str | None, edit_uri: str | None, docs_folder: str, path: str) -> str:
    """The edit link of a repository file outside docs/ (a template, a data file).

    MkDocs' edit_uri points into the docs folder ("edit/main/docs/"); the same URL one folder
    up is the repository root. "" without a repository, or when edit_uri does not end in the
    docs folder, rather than a link that would 404.
    """
    base = edit_url(repo_url, edit_uri, "")
    folder = docs_folder.strip("/") + "/"
    if not base or not base.endswith("/" + folder):
        return ""
    return base[: -len(folder)] + path


def source_view_url(edit_link: str, line: int) -> str:
    """The file shown at `line` (GitHub and GitLab: /blob/...#L<line>); an edit page cannot
    open at a line. "" when the edit link is not in that form."""
    if not edit_link or line < 1 or "/edit/" not in edit_link:
        return ""
    return edit_link.replace("/edit/", "/blob/", 1) + f"#L{line}"


def section_of(src_uri: str) -> str:
    folder = posixpath.dirname(src_uri)
    return folder.split("/", 1)[0] if folder else ""


def interval_for(policy: Policy, src_uri: str, meta: dict[str, Any]) -> Duration | None:
    """The page's own interval, else its page type's, else its folder's, else the default."""
    key, value = pick(meta, REVIEW_EVERY_KEYS)
    if key is not None:
        try:
            return parse_duration(value)
        except ValueError:
            return None  # reported by the page checks
    page_type = meta.get("page_type")
    if isinstance(page_type, str) and page_type in policy.page_types:
        return policy.page_types[page_type]
    folder = posixpath.dirname(src_uri)
    while True:
        if folder in policy.sections:
            return policy.sections[folder]
        if not folder:
            return policy.default_review_every
        folder = posixpath.dirname(folder)


def resolve_owner(meta: dict[str, Any], owners: dict[str, Owner]) -> tuple[Owner | None, str, str]:
    """(owner, display name, contact). `owner_slack` matches an owner by their contact."""
    owner_id = meta.get("owner")
    if isinstance(owner_id, str) and owner_id in owners:
        owner = owners[owner_id]
        return owner, owner.name, owner.contact
    slack = meta.get("owner_slack")
    if owner_id is None and isinstance(slack, str) and slack:
        for owner in owners.values():
            if owner.contact == slack:
                return owner, owner.name, owner.contact
        return None, slack, slack
    return None, str(owner_id) if owner_id is not None else "", ""


def page_title(meta: dict[str, Any], body: str, src_uri: str) -> str:
    title = meta.get("title")
    if isinstance(title, str) and title.strip():
        return title.strip()
    match = _HEADING.search(body)
    if match:
        return match.group(1)
    stem = posixpath.basename(src_uri)[:-3]
    if stem == "index":
        stem = posixpath.basename(posixpath.dirname(src_uri)) or "home"
    return stem.replace("-", " ").replace("_", " ").capitalize()


def data_changes(last_reviewed: dt.date | None, uses: Iterable[Any]) -> tuple[DataChange, ...]:
    """Uses (anything with label, source, last_updated) updated after `last_reviewed`."""
    if last_reviewed is None:
        return ()
    seen: dict[tuple[str, str], DataChange] = {}
    for use in uses:
        updated = read_date(use.last_updated)
        if updated and updated > last_reviewed:
            seen.setdefault((use.label, use.source), DataChange(use.label, use.source, updated))
    return tuple(sorted(seen.values(), key=lambda c: (c.last_updated, c.label), reverse=True))


def status_of(
    owned: bool,
    last_reviewed: dt.date | None,
    review_by: dt.date | None,
    today: dt.date,
    warning_days: int,
    data_changed: bool = False,
) -> str:
    if not owned:
        return "unowned"
    if last_reviewed is None or review_by is None:
        return "unreviewed"
    if today > review_by:
        return "stale"
    if (review_by - today).days <= warning_days or data_changed:
        return "due"
    return "fresh"


def assess(
    src_uri: str,
    meta: dict[str, Any],
    body: str,
    owners: dict[str, Owner],
    policy: Policy,
    today: dt.date,
    uses: Iterable[Any] = (),
) -> PageFreshness:
    owner, owner_name, contact = resolve_owner(meta, owners)
    last_reviewed = read_date(pick(meta, LAST_REVIEWED_KEYS)[1])
    every = interval_for(policy, src_uri, meta)
    review_by = add_duration(last_reviewed, every) if last_reviewed and every else None
    changes = data_changes(last_reviewed, uses)
    template = meta.get("template")
    if not (isinstance(template, str) and "@" in template and not template.endswith(".html")):
        template = None  # a theme template such as main.html, not a document template
    return PageFreshness(
        src_uri=src_uri,
        title=page_title(meta, body, src_uri),
        section=section_of(src_uri),
        owner_id=owner.id if owner else None,
        owner_name=owner_name,
        owner_contact=contact,
        review_handle=owner.review_handle if owner else "",
        last_reviewed=last_reviewed,
        review_every=every,
        review_by=review_by,
        status=status_of(
            owner is not None, last_reviewed, review_by, today, policy.warning_days, bool(changes)
        ),
        data_changes=changes,
        template=template,
    )


def scan(
    root: Path, owners: dict[str, Owner], policy: Policy, today: dt.date
) -> tuple[list[PageFreshness], list[Problem]]:
    """Every page under docs/ (hidden folders skipped), without building, and the problems that
    `handbook check` and the build report for them (a page with one is not assessed truly)."""
    docs = docs_dir(root)
    prefix = rel(docs, root)
    pages: list[PageFreshness] = []
    problems: list[Problem] = []
    for page, parse_problems in iter_pages(docs, root):
        problems.extend(parse_problems or check_page(page, owners, today))
        src_uri = page.file[len(prefix) + 1 :]
        record = assess(src_uri, page.meta, page.body, owners, policy, today)
        pages.append(replace(record, docs=prefix) if prefix != "docs" else record)
    return pages, problems


FAIL_ENV = "HANDBOOK_FAIL_ON_STALE"


def fail_on_stale(policy: Policy, value: str) -> bool:
    """HANDBOOK_FAIL_ON_STALE=true|false (`value`) overrides fail_on_stale in
    data/freshness.yml; ValueError for anything else."""
    value = value.strip().lower()
    if not value:
        return policy.fail_on_stale
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ValueError(f"{FAIL_ENV}={value!r}: use true or false")


def stale_message(record: PageFreshness) -> str:
    """What the build says about a stale page: the file, when review was due, its owner."""
    contact = f", {record.owner_contact}" if record.owner_contact else ""
    return (
        f"{record.path}: stale: review was due {record.review_by}; "
        f"owner {record.owner_name}{contact}"
    )


def sort_oldest_first(pages: Iterable[PageFreshness]) -> list[PageFreshness]:
    """Never-reviewed pages first, then by review date, oldest first."""
    return sorted(pages, key=lambda p: (p.last_reviewed or dt.date.min, p.src_uri))
