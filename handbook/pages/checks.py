"""Front matter checks over docs/, run by `handbook check` and by the build."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from handbook.core.features import FILE as FEATURES_FILE
from handbook.core.features import Gate
from handbook.core.outside import resolves_outside
from handbook.core.paths import rel
from handbook.core.problems import Problem
from handbook.freshness.review_fields import check_review_fields
from handbook.pages.drafts import check_draft
from handbook.pages.frontmatter import Page, parse_page
from handbook.pages.macro_args import ArgumentCheck, check_macro_arguments
from handbook.pages.markup import check_page_markup
from handbook.pages.placeholders import check_template_placeholders
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
        if path.is_symlink() and resolves_outside(root, path):
            continue  # never read: reported by handbook.core.outside.links_leaving
        inside = path.relative_to(docs)
        if any(part.startswith(".") for part in inside.parts):
            continue
        name = f"{prefix}/{inside.as_posix()}"
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


@dataclass(frozen=True)
class PageRules:
    """What the page checks of one `handbook check` or build know beyond the page itself."""

    gate: Gate | None = None  # the feature switches: off features' macros and folders
    # Macro name -> check of its literal arguments (tool, role, owner ids, fact paths).
    arguments: Mapping[str, ArgumentCheck] | None = None
    # Template id -> its placeholders, for pages made from a template.
    templates: Mapping[str, frozenset[str]] | None = None
    # Page statuses mkdocs.yml allows (default: the theme's and the engine's).
    statuses: Collection[str] | None = None
    # The project folder: the files a page's snippet lines pull in are checked against it.
    root: Path | None = None


def check_page(
    page: Page,
    owners: dict,
    today: dt.date,
    rules: PageRules | None = None,
    src_uri: str | None = None,
) -> list[Problem]:
    """Every page check (`src_uri`: the page's path under the docs folder, for messages)."""
    rules = rules or PageRules()
    problems: list[Problem] = []
    for check in PAGE_CHECKS:
        problems.extend(check(page, owners, today))
    problems.extend(check_theme_keys(page, rules.statuses))
    if rules.root is not None:
        problems.extend(check_snippets(page.body, page.file, rules.root, page.body_line))
    if rules.gate is not None and rules.gate.macros:
        problems.extend(check_feature_macros(page, rules.gate.macros, f"data/{FEATURES_FILE}"))
    if rules.arguments:
        problems.extend(check_macro_arguments(page, rules.arguments, src_uri))
    if rules.templates is not None:
        problems.extend(check_template_placeholders(page, rules.templates))
    return problems


def check_pages(
    docs: Path,
    root: Path,
    owners: dict,
    today: dt.date,
    parsed: dict[str, Page] | None = None,
    rules: PageRules | None = None,
) -> list[Problem]:
    """Every page's front matter checks; `parsed` (if given) collects the pages that parsed,
    by docs-relative path, for checks that need the whole set (content rules). Pages in the
    folder of a feature that the rules' gate leaves out are not built, so not checked."""
    gate = rules.gate if rules is not None else None
    problems: list[Problem] = []
    prefix = rel(docs, root)
    for page, parse_problems in iter_pages(docs, root):
        src_uri = page.file[len(prefix) + 1 :]
        if gate is not None and gate.section_of(src_uri):
            continue
        problems.extend(parse_problems)
        if not parse_problems:
            problems.extend(check_page(page, owners, today, rules, src_uri))
            if parsed is not None:
                parsed[src_uri] = page
    return sorted(problems)
