"""Document templates: one plain markdown file each under templates/, the single source.

The site's gallery, each template's page and download, and `handbook new` all read these files;
nothing else holds a copy. Front matter describes the template; the body is the skeleton.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from handbook.core.data import to_date
from handbook.core.durations import parse_duration
from handbook.core.outside import resolves_outside
from handbook.core.paths import rel, templates_dir
from handbook.core.problems import Problem
from handbook.pages.frontmatter import Page, parse_page
from handbook.pages.markup import markup_problems
from handbook.releases.model import semver_key

REQUIRED_FIELDS = (
    "id",
    "title",
    "description",
    "category",
    "version",
    "owner",
    "last_reviewed",
    "review_every",
)
# Fields that describe the template itself; a page made from it does not inherit them.
TEMPLATE_ONLY_FIELDS = frozenset({*REQUIRED_FIELDS, "use_when"})

_SEMVER = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_REF = re.compile(r"^(?P<id>[a-z0-9][a-z0-9-]*)@(?P<version>\S+)$")


@dataclass(frozen=True)
class Template:
    id: str
    title: str
    description: str
    category: str
    version: str
    owner: str
    path: Path
    text: str  # the exact bytes of the file, decoded as UTF-8
    body: str = ""  # the skeleton after the front matter
    use_when: str = ""
    review_every: str = ""
    last_reviewed: dt.date | None = None
    meta: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def ref(self) -> str:
        """What a page made from this template records: `prd@1.2.0`."""
        return f"{self.id}@{self.version}"

    @property
    def filename(self) -> str:
        return f"{self.id}.md"


def _template(path: Path, text: str, page: Page) -> Template:
    meta = page.meta
    return Template(
        id=str(meta["id"]),
        title=str(meta["title"]),
        description=str(meta.get("description", "")),
        category=str(meta.get("category") or "General"),
        version=str(meta["version"]),
        owner=str(meta.get("owner", "")),
        path=path,
        text=text,
        body=page.body,
        use_when=str(meta.get("use_when", "")),
        review_every=str(meta.get("review_every", "")),
        last_reviewed=to_date(meta.get("last_reviewed")),
        meta=dict(meta),
    )


def _parse_all(root: Path) -> list[tuple[Path, str, Page, list[Problem]]]:
    parsed = []
    for path in sorted(templates_dir(root).glob("*.md")):
        if path.is_symlink() and resolves_outside(root, path):
            continue  # never read: reported by handbook.core.outside.links_leaving
        name = rel(path, root)
        try:
            text = path.read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            parsed.append((path, "", Page(name, {}, ""), [Problem(name, 0, f"cannot read: {exc}")]))
            continue
        page, problems = parse_page(text, name)
        if not problems and not page.has_front_matter:
            problems = [Problem(name, 1, "no front matter; a template starts with a --- block")]
        parsed.append((path, text, page, problems))
    return parsed


def load_templates(root: Path) -> tuple[list[Template], list[Problem]]:
    """Every templates/*.md, sorted by id; problems for unreadable or incomplete ones."""
    found: list[Template] = []
    problems: list[Problem] = []
    for path, text, page, parse_problems in _parse_all(root):
        problems.extend(parse_problems)
        if parse_problems:
            continue
        missing = [k for k in ("id", "title", "version") if not page.meta.get(k)]
        if missing:
            problems.append(
                Problem(page.file, 1, f"template front matter lacks {', '.join(missing)}")
            )
            continue
        found.append(_template(path, text, page))
    return sorted(found, key=lambda t: t.id), problems


def _load_build_templates(handbook: Any) -> list[Template]:
    return load_templates(handbook.root)[0]


def build_templates(handbook: Any) -> list[Template]:
    """The build's templates (a validate.Handbook), read once per build through its memo."""
    return handbook.derived(_load_build_templates)


def versions(templates: Iterable[Template]) -> dict[str, str]:
    """Template id -> current version, for template drift checks."""
    return {t.id: t.version for t in templates}


def template_versions(root: Path) -> dict[str, str]:
    """Template id -> current version of the templates under `root`, read from disk."""
    return versions(load_templates(root)[0])


# ---------------------------------------------------------------------------------------------
# Validation
# ---------------------------------------------------------------------------------------------


def check_front_matter(page: Page, stem: str, owners: dict, today: dt.date) -> list[Problem]:
    """Problems in one template's front matter, each on the line of the key at fault."""
    meta, file = page.meta, page.file
    problems: list[Problem] = []

    def add(key: str, message: str) -> None:
        problems.append(Problem(file, page.line_of(key), message, key))

    missing = [k for k in REQUIRED_FIELDS if meta.get(k) in (None, "")]
    if missing:
        problems.append(Problem(file, 1, f"template front matter lacks {', '.join(missing)}"))
    for key in ("id", "title", "description", "category", "owner", "review_every"):
        if key in meta and meta[key] is not None and not isinstance(meta[key], str):
            add(key, f"must be text, not {meta[key]!r}")
    template_id = meta.get("id")
    if isinstance(template_id, str) and template_id:
        if not _ID.match(template_id):
            add("id", f"{template_id!r} must be lowercase letters, digits and dashes")
        elif template_id != stem:
            add("id", f"{template_id!r} does not match the file name {stem}.md; make them equal")
    version = meta.get("version")
    if version not in (None, "") and not (isinstance(version, str) and _SEMVER.match(version)):
        hint = " (quote it: YAML read it as a number)" if isinstance(version, int | float) else ""
        add("version", f'{version!r} is not MAJOR.MINOR.PATCH like "1.2.0"{hint}')
    owner = meta.get("owner")
    if isinstance(owner, str) and owner and owner not in owners:
        valid = ", ".join(sorted(owners)) or "(none defined)"
        add("owner", f"{owner!r} is not in data/owners.yml; valid owners: {valid}")
    reviewed = meta.get("last_reviewed")
    if reviewed not in (None, ""):
        day = to_date(reviewed)
        if day is None:
            add("last_reviewed", f"{reviewed!r} is not a date like 2026-11-20")
        elif day > today:
            add("last_reviewed", f"{day} is after today ({today})")
    every = meta.get("review_every")
    if every not in (None, ""):
        # The rule pages use: `handbook new` copies this value into the page it makes.
        try:
            parse_duration(every)
        except ValueError:
            add("review_every", f'{every!r} is not a period like "6 months"')
    return problems


def check_templates(root: Path, owners: dict, today: dt.date) -> list[Problem]:
    """Every template's front matter, plus ids used by more than one file."""
    problems: list[Problem] = []
    first_seen: dict[str, str] = {}
    for path, _text, page, parse_problems in _parse_all(root):
        problems.extend(parse_problems)
        if parse_problems:
            continue
        problems.extend(check_front_matter(page, path.stem, owners, today))
        # Its preview renders markdown (attribute lists and links), and pages are made from it.
        problems.extend(markup_problems(page.body, page.file, page.body_line, placeholders=True))
        template_id = page.meta.get("id")
        if not isinstance(template_id, str) or not template_id:
            continue
        if template_id in first_seen:
            message = f"duplicate template id {template_id!r} (also in {first_seen[template_id]})"
            problems.append(Problem(page.file, page.line_of("id"), message, "id"))
        else:
            first_seen[template_id] = page.file
    return sorted(problems)


# ---------------------------------------------------------------------------------------------
# Template references on pages (`template: prd@1.2.0`) and drift
# ---------------------------------------------------------------------------------------------


def parse_ref(value: object) -> tuple[str, str] | None:
    """`"prd@1.2.0"` -> `("prd", "1.2.0")`; None when it is not in that form."""
    match = _REF.match(value) if isinstance(value, str) else None
    if not match or not _SEMVER.match(match["version"]):
        return None
    return match["id"], match["version"]


def is_drifted(ref: object, versions: dict[str, str]) -> bool:
    """True when a page made from template version X names a template now at a newer version."""
    parsed = parse_ref(ref)
    if parsed is None or parsed[0] not in versions:
        return False
    try:
        return semver_key(versions[parsed[0]]) > semver_key(parsed[1])
    except ValueError:
        return False


def check_template_ref(page: Page, _owners: dict, _today: dt.date) -> list[Problem]:
    """A page's `template:` must read id@MAJOR.MINOR.PATCH, as `handbook new` writes it."""
    value = page.meta.get("template")
    if value is None or parse_ref(value) is not None:
        return []
    message = f"{value!r} must read <template-id>@<version>, e.g. prd@1.2.0"
    return [Problem(page.file, page.line_of("template"), message, "template")]
