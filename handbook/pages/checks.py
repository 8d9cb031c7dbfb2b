"""Front matter checks over docs/, run by `handbook check` and by the build."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Iterator
from pathlib import Path

from handbook.core.features import FILE as FEATURES_FILE
from handbook.core.features import Gate
from handbook.core.outside import resolves_outside
from handbook.core.paths import rel
from handbook.core.problems import Problem
from handbook.freshness.review_fields import check_review_fields
from handbook.pages.drafts import check_draft
from handbook.pages.frontmatter import Page, parse_page
from handbook.pages.markup import check_page_markup
from handbook.pages.sandbox import check_feature_macros, check_macro_safety
from handbook.pages.snippets import check_snippets
from handbook.pages.theme_keys import check_theme_keys
from handbook.templates.model import check_template_ref

PageCheck = Callable[[Page, dict, dt.date], list[Problem]]


def check_owner(page: Page, owners: dict, _today: dt.date) -> list[Problem]:
    owner = page.meta.get("owner")
    if owner is None or (isinstance(owner, str) and owner in owners):
        return []
    if not isinstance(owner, str):
        return [
            Problem(page.file, page.line_of("owner"), f"owner must be an owner id, not {owner!r}")
        ]
    valid = ", ".join(sorted(owners)) or "(none defined)"
    message = f"owner {owner!r} is not in data/owners.yml; valid owners: {valid}"
    return [Problem(page.file, page.line_of("owner"), message)]


def check_render_macros(page: Page, _owners: dict, _today: dt.date) -> list[Problem]:
    value = page.meta.get("render_macros")
    if value is None or isinstance(value, bool):
        return []
    return [
        Problem(page.file, page.line_of("render_macros"), "render_macros must be true or false")
    ]


# Feature modules add their page checks here.
PAGE_CHECKS: list[PageCheck] = [
    check_owner,
    check_render_macros,
    check_draft,
    check_template_ref,
    check_review_fields,
    check_macro_safety,
    check_page_markup,
]


def iter_pages(docs: Path, root: Path) -> Iterator[tuple[Page, list[Problem]]]:
    # Resolve the folder once, not each page (resolving stats every path component).
    prefix = rel(docs, root)
    for path in sorted(docs.rglob("*.md")):
        inside = path.relative_to(docs)
        if any(part.startswith(".") for part in inside.parts):
            continue
        name = f"{prefix}/{inside.as_posix()}"
        if path.is_symlink() and resolves_outside(root, path):
            continue  # never read: reported by handbook.core.outside.links_leaving
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            yield Page(name, {}, ""), [Problem(name, 0, f"cannot read file: {exc}")]
            continue
        yield parse_page(text, name)


def check_tags(page: Page, allowed: tuple[str, ...]) -> list[Problem]:
    """Tags outside the tags plugin's tags_allowed list (mkdocs.yml), which the build refuses."""
    tags = page.meta.get("tags")
    if not isinstance(tags, list):
        return []
    return [
        Problem(
            page.file,
            page.line_of("tags"),
            f"tag {tag!r} is not in tags_allowed in mkdocs.yml; use one of: {', '.join(allowed)}",
            key="tags",
        )
        for tag in tags
        if str(tag) not in allowed
    ]


def check_page(
    page: Page,
    owners: dict,
    today: dt.date,
    gate: Gate | None = None,
    statuses: Collection[str] | None = None,
    root: Path | None = None,
) -> list[Problem]:
    """Every page check; with `gate`, calls of an off feature's macros are refused too.

    `statuses` are the page statuses mkdocs.yml allows (default: the theme's and the engine's);
    with `root` (the project folder) the files the page's snippet lines pull in are checked.
    """
    problems: list[Problem] = []
    for check in PAGE_CHECKS:
        problems.extend(check(page, owners, today))
    problems.extend(check_theme_keys(page, statuses))
    if root is not None:
        problems.extend(check_snippets(page.body, page.file, root, page.body_line))
    if gate is not None and gate.macros:
        problems.extend(check_feature_macros(page, gate.macros, f"data/{FEATURES_FILE}"))
    return problems


def check_pages(
    docs: Path,
    root: Path,
    owners: dict,
    today: dt.date,
    parsed: dict[str, Page] | None = None,
    gate: Gate | None = None,
    statuses: Collection[str] | None = None,
) -> list[Problem]:
    """Every page's front matter checks; `parsed` (if given) collects the pages that parsed,
    by docs-relative path, for checks that need the whole set (content rules). Pages in the
    folder of a feature that `gate` leaves out are not built, so not checked."""
    problems: list[Problem] = []
    prefix = rel(docs, root)
    for page, parse_problems in iter_pages(docs, root):
        src_uri = page.file[len(prefix) + 1 :]
        if gate is not None and gate.section_of(src_uri):
            continue
        problems.extend(parse_problems)
        if not parse_problems:
            problems.extend(check_page(page, owners, today, gate, statuses, root))
            if parsed is not None:
                parsed[src_uri] = page
    return sorted(problems)
