"""Release notes: load data/releases/*.yml, order, cross-check and derive the audience views.

Pure logic: plain values in, plain values out, no MkDocs. The text formats made from these
views (pages, CHANGELOG.md, the RSS feed) live in handbook.releases.formats.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass

from handbook.core.data import DataSet, to_date
from handbook.core.problems import Problem, key_path
from handbook.core.yamlload import YamlDoc

SETTINGS_FILE = "data/release_settings.yml"
DEFAULT_GRACE_DAYS = 14
RELEASES_FOLDER = "releases"

_SEMVER = re.compile(
    r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$"
)


# ---------------------------------------------------------------------------------------------
# Model
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    type: str
    area: str
    audience: str
    description: str
    internal_note: str = ""
    links: tuple[tuple[str, str], ...] = ()  # (kind, url), e.g. ("prd", "https://...")
    feature_flag: str = ""
    percentage: int | None = None
    ga_date: dt.date | None = None
    sales: str = ""
    support: str = ""
    line: int = 0

    @property
    def has_enablement(self) -> bool:
        return bool(self.sales or self.support)


@dataclass(frozen=True)
class Release:
    version: str
    date: dt.date
    status: str  # planned or released
    title: str
    summary: str
    last_updated: dt.date
    changes: tuple[Change, ...]
    file: str
    line: int = 0

    @property
    def released(self) -> bool:
        return self.status == "released"


@dataclass(frozen=True)
class Audience:
    id: str
    name: str
    customer_facing: bool


@dataclass(frozen=True)
class Settings:
    product: str
    owner: str
    planned_grace_days: int
    fail_on_overdue_planned: bool  # opt-in: a calendar fact becomes a build error
    change_types: tuple[tuple[str, str], ...]  # (id, heading) in changelog order
    areas: dict[str, str]  # id -> display name
    audiences: dict[str, Audience]

    def heading(self, change_type: str) -> str:
        return dict(self.change_types).get(change_type, change_type.capitalize())

    def area_name(self, area: str) -> str:
        return self.areas.get(area, area)

    def customer_facing(self, change: Change) -> bool:
        audience = self.audiences.get(change.audience)
        return bool(audience and audience.customer_facing)


# ---------------------------------------------------------------------------------------------
# Semantic versions
# ---------------------------------------------------------------------------------------------


def semver_key(version: str) -> tuple:
    """A sort key with semver 2.0.0 precedence: 1.0.0-alpha < 1.0.0-alpha.1 < 1.0.0-beta < 1.0.0.

    Raises ValueError for a string that is not a semantic version.
    """
    match = _SEMVER.match(version)
    if not match:
        raise ValueError(f"{version!r} is not a semantic version like 3.4.0")
    core = tuple(int(part) for part in match.group(1, 2, 3))
    pre = match.group(4)
    if pre is None:
        return (*core, 1, ())
    # Numeric identifiers sort before alphanumeric ones, and numerically among themselves.
    ids = tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in pre.split("."))
    return (*core, 0, ids)


# ---------------------------------------------------------------------------------------------
# Loading
# ---------------------------------------------------------------------------------------------


def _text(value: object) -> str:
    """Folded YAML text as one line: line breaks and runs of spaces become single spaces."""
    return " ".join(str(value).split()) if value is not None else ""


def load_settings(dataset: DataSet) -> Settings | None:
    doc = dataset.get("release_settings.yml")
    if doc is None or not isinstance(doc.data, dict):
        return None
    data = doc.data
    return Settings(
        product=str(data.get("product", "")),
        owner=str(data.get("owner", "")),
        planned_grace_days=int(data.get("planned_grace_days", DEFAULT_GRACE_DAYS)),
        fail_on_overdue_planned=bool(data.get("fail_on_overdue_planned", False)),
        change_types=tuple((t["id"], t["heading"]) for t in data.get("change_types") or []),
        areas={a["id"]: a["name"] for a in data.get("areas") or []},
        audiences={
            a["id"]: Audience(a["id"], a["name"], bool(a["customer_facing"]))
            for a in data.get("audiences") or []
        },
    )


def _change(doc: YamlDoc, index: int, item: dict) -> Change:
    links = item.get("links") or {}
    rollout = item.get("rollout") or {}
    enablement = item.get("enablement") or {}
    return Change(
        type=str(item.get("type", "")),
        area=str(item.get("area", "")),
        audience=str(item.get("audience", "")),
        description=_text(item.get("description")),
        internal_note=_text(item.get("internal_note")),
        links=tuple(
            (kind, str(links[kind])) for kind in ("prd", "experiment", "ticket") if kind in links
        ),
        feature_flag=str(rollout.get("feature_flag", "")),
        percentage=rollout.get("percentage"),
        ga_date=to_date(rollout.get("ga_date")),
        sales=_text(enablement.get("sales")),
        support=_text(enablement.get("support")),
        line=doc.line_of(("changes", index)),
    )


def release_from_doc(doc: YamlDoc) -> Release | None:
    """The release in one schema-valid file; None when the file is not a release mapping."""
    data = doc.data
    if not isinstance(data, dict) or "version" not in data:
        return None
    changes = data.get("changes") or []
    return Release(
        version=str(data["version"]),
        date=to_date(data.get("date")) or dt.date.min,
        status=str(data.get("status", "")),
        title=_text(data.get("title")),
        summary=_text(data.get("summary")),
        last_updated=to_date(data.get("last_updated")) or dt.date.min,
        changes=tuple(_change(doc, i, c) for i, c in enumerate(changes) if isinstance(c, dict)),
        file=doc.file,
        line=doc.line_of(("version",)),
    )


def load_releases(dataset: DataSet) -> list[Release]:
    """Every release under data/releases/, latest first."""
    found = [release_from_doc(doc) for doc in dataset.under(RELEASES_FOLDER)]
    return sort_releases([r for r in found if r is not None])


def _order_key(release: Release) -> tuple:
    try:
        version = semver_key(release.version)
    except ValueError:
        version = ()
    return (release.date, version, release.file)


def sort_releases(releases: list[Release]) -> list[Release]:
    """Latest first: by date, then by version for releases on the same day."""
    return sorted(releases, key=_order_key, reverse=True)


# ---------------------------------------------------------------------------------------------
# Cross-checks (appended to handbook.core.context.CROSS_CHECKS)
# ---------------------------------------------------------------------------------------------


def overdue_planned(releases: list[Release], today: dt.date) -> list[Release]:
    """Planned releases whose date has passed (within or beyond the grace period)."""
    return [r for r in releases if r.status == "planned" and r.date < today]


def grace_ends(release: Release, settings: Settings) -> dt.date | None:
    """The first day on which a still-planned release fails the build, if the handbook opted in.

    A date passing is not a change anyone made, so by default it never turns a build red: an
    overdue planned release is a notice on its page and in the build log, nothing more.
    """
    if not settings.fail_on_overdue_planned:
        return None
    return release.date + dt.timedelta(days=settings.planned_grace_days + 1)


def _doc_problem(doc: YamlDoc, path: tuple, message: str) -> Problem:
    return Problem(doc.file, doc.line_of(path), message, key_path(path))


def _check_lists(doc: YamlDoc, release: Release, settings: Settings) -> list[Problem]:
    problems = []
    allowed = {
        "type": [t for t, _ in settings.change_types],
        "area": list(settings.areas),
        "audience": list(settings.audiences),
    }
    for i, change in enumerate(release.changes):
        for field, valid in allowed.items():
            value = getattr(change, field)
            if value not in valid:
                message = (
                    f"unknown {field} {value!r}; use one of: {', '.join(valid)} "
                    f"(closed list in {SETTINGS_FILE})"
                )
                problems.append(_doc_problem(doc, ("changes", i, field), message))
    return problems


def _check_dates(doc: YamlDoc, release: Release, settings: Settings, today: dt.date) -> list:
    problems = []
    fails_from = grace_ends(release, settings)
    if release.status == "planned" and fails_from is not None and today >= fails_from:
        problems.append(
            _doc_problem(
                doc,
                ("date",),
                f"release {release.version} is still planned for {release.date}, more than "
                f"{settings.planned_grace_days} days ago; set `status: released` if it shipped, "
                "or move `date` to the new planned day",
            )
        )
    if release.status == "released" and release.date > today:
        problems.append(
            _doc_problem(
                doc,
                ("status",),
                f"release {release.version} is marked released but dated {release.date}, "
                f"after today ({today}); use `status: planned` until it ships",
            )
        )
    if release.last_updated > today:
        problems.append(
            _doc_problem(
                doc, ("last_updated",), f"last_updated {release.last_updated} is in the future"
            )
        )
    return problems


def _check_order(pairs: list[tuple[YamlDoc, Release]]) -> list[Problem]:
    problems = []
    first_seen: dict[str, Release] = {}
    for doc, release in pairs:
        if release.version in first_seen:
            other = first_seen[release.version]
            problems.append(
                _doc_problem(
                    doc,
                    ("version",),
                    f"duplicate version {release.version}: also in {other.file}:{other.line}",
                )
            )
        else:
            first_seen[release.version] = release
    # Oldest first; each version must be later than the one released the day (or days) before.
    ordered = sorted(pairs, key=lambda pair: (pair[1].date, pair[1].file))
    for (_, before), (doc, release) in zip(ordered, ordered[1:], strict=False):
        if release.date == before.date or release.version == before.version:
            continue  # same day: either order is fine; duplicates are reported above
        if semver_key(release.version) <= semver_key(before.version):
            problems.append(
                _doc_problem(
                    doc,
                    ("version",),
                    f"version {release.version} (dated {release.date}) is not later than "
                    f"{before.version}, dated before it on {before.date} in {before.file}",
                )
            )
    return problems


def check(dataset: DataSet, today: dt.date) -> list[Problem]:
    """Cross-checks over every release file; each problem names the file and line."""
    docs = dataset.under(RELEASES_FOLDER)
    if not docs:
        return []
    settings = load_settings(dataset)
    if settings is None:
        return [Problem(SETTINGS_FILE, 0, "missing: release files need its closed lists")]
    problems = _check_settings(dataset)
    pairs = []
    for doc in docs:
        release = release_from_doc(doc)
        if release is None:
            continue
        pairs.append((doc, release))
        problems += _check_lists(doc, release, settings)
        problems += _check_dates(doc, release, settings, today)
    return sorted(problems + _check_order(pairs))


def _check_settings(dataset: DataSet) -> list[Problem]:
    doc = dataset.get("release_settings.yml")
    problems: list[Problem] = []
    if doc is None:
        return problems
    for list_name in ("change_types", "areas", "audiences"):
        seen: set[str] = set()
        for i, item in enumerate(doc.data.get(list_name) or []):
            if item["id"] in seen:
                message = f"duplicate id {item['id']!r} in {list_name}"
                problems.append(_doc_problem(doc, (list_name, i, "id"), message))
            seen.add(item["id"])
    return problems


# ---------------------------------------------------------------------------------------------
# Audience views
# ---------------------------------------------------------------------------------------------


def customer_change(change: Change) -> Change:
    """The change as customers may see it: no internal note, links, flag or enablement notes."""
    return dataclasses.replace(
        change, internal_note="", links=(), feature_flag="", percentage=None, sales="", support=""
    )


def customer_view(releases: list[Release], settings: Settings) -> list[Release]:
    """Released releases, latest first, with only customer-facing changes stripped of
    internal fields; a release with nothing left for customers is left out."""
    view = []
    for release in sort_releases(releases):
        if not release.released:
            continue
        changes = tuple(customer_change(c) for c in release.changes if settings.customer_facing(c))
        if changes:
            view.append(dataclasses.replace(release, changes=changes))
    return view


@dataclass(frozen=True)
class EnablementEntry:
    """One release as sales and support need it: briefed changes first, the rest listed."""

    release: Release
    briefed: tuple[Change, ...]  # changes with sales or support notes
    other: tuple[Change, ...]


def enablement_view(releases: list[Release]) -> list[EnablementEntry]:
    """Every release, planned ones included (sales and support prepare before a release)."""
    return [
        EnablementEntry(
            release,
            tuple(c for c in release.changes if c.has_enablement),
            tuple(c for c in release.changes if not c.has_enablement),
        )
        for release in sort_releases(releases)
    ]


def latest_released(releases: list[Release], count: int) -> list[Release]:
    return [r for r in sort_releases(releases) if r.released][: max(count, 0)]


def group_by_type(changes: tuple[Change, ...], settings: Settings) -> list[tuple[str, list]]:
    """(heading, changes) in Keep a Changelog order; empty groups left out."""
    groups = []
    for type_id, heading in settings.change_types:
        matching = [c for c in changes if c.type == type_id]
        if matching:
            groups.append((heading, matching))
    return groups


def default_settings(product: str) -> Settings:
    """Settings for a handbook without data/release_settings.yml (and so without releases)."""
    return Settings(product, "", DEFAULT_GRACE_DAYS, False, (), {}, {})
