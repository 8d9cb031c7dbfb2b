"""`handbook check`: validate data and page front matter without building the site."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from handbook.core.context import Handbook, load_handbook
from handbook.core.engine_files import compatibility
from handbook.core.features import gate
from handbook.core.paths import ProjectNotFound, docs_dir, find_root
from handbook.core.problems import Problem, errors
from handbook.core.site_settings import engine_setting_problems, read_site_settings
from handbook.freshness.generated import generated_pages
from handbook.freshness.model import load_policy
from handbook.freshness.render import DASHBOARD_URI
from handbook.pages.checks import PageRules, check_pages, check_tags
from handbook.pages.content_rules import check_content, load_rules
from handbook.pages.frontmatter import Page
from handbook.pages.includes import check_includes
from handbook.pages.macro_args import argument_checks
from handbook.pages.nav_hint import missing_nav_pages
from handbook.pages.placeholders import template_placeholders
from handbook.pages.theme_keys import statuses
from handbook.templates.model import load_templates


def add_root_args(parser: argparse.ArgumentParser) -> None:
    """--root and --today, shared by every subcommand."""
    parser.add_argument("--root", type=Path, help="project folder (default: found from here)")
    parser.add_argument("--today", help="treat this YYYY-MM-DD as today")


def resolve_root(args: argparse.Namespace) -> Path:
    try:
        return find_root(args.root)
    except ProjectNotFound as exc:
        raise SystemExit(f"handbook: {exc}") from None


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "check",
        help="validate data/ and docs/ front matter; exit 1 on error",
        epilog="Example: handbook check --today 2026-12-01",
    )
    add_root_args(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    _handbook, problems, code = checked(resolve_root(args), args.today, "check")
    if code:
        return code
    print(f"handbook check: data and pages OK ({len(problems)} warning(s))")
    return 0


def checked(
    root: Path, today: str | None, command: str, on_error: str = ""
) -> tuple[Handbook | None, list[Problem], int]:
    """Every problem `handbook check` finds, printed; the exit code is 0 when none is an error,
    1 when some are (`handbook <command>: N error(s)<on_error>`), 2 on unreadable input."""
    try:
        handbook, problems = all_problems(root, today)
    except ValueError as exc:
        print(f"handbook: {exc}", file=sys.stderr)
        return None, [], 2
    count = report(problems)
    if count:
        print(f"handbook {command}: {count} error(s){on_error}", file=sys.stderr)
        return handbook, problems, 1
    return handbook, problems, 0


def all_problems(root: Path, today: str | None) -> tuple[Handbook, list[Problem]]:
    """The handbook, and every problem `handbook check` reports (and the build refuses);
    ValueError when `today` is not a date."""
    handbook = load_handbook(root, today)
    problems = list(handbook.problems)
    # Every page is read and parsed once; the checks below reuse the parsed pages.
    pages: dict[str, Page] = {}
    switches = gate(handbook.features)
    settings = read_site_settings(root)
    rules = PageRules(
        gate=switches,
        arguments=argument_checks(handbook),
        templates=template_placeholders(load_templates(root)[0]),
        statuses=statuses(settings.extra_status),
        root=root,
    )
    problems += check_pages(docs_dir(root), root, handbook.owners, handbook.today, pages, rules)
    problems += check_includes(root, docs_dir(root), settings.auto_append)
    docs = docs_dir(root)
    # Pages the build makes count as pages of the docs folder, as they do for MkDocs.
    made = {p.src_uri for p in generated_pages(handbook, load_policy(handbook.dataset))}
    made.add(DASHBOARD_URI)
    problems += missing_nav_pages(
        (root / "mkdocs.yml").read_text(encoding="utf-8"),
        lambda uri: uri in made or (docs / uri).is_file(),
        lambda uri: switches.section_of(uri) is not None,
    )
    problems += engine_setting_problems(root, settings.engine)
    allowed = settings.tags_allowed
    if allowed:
        for page in pages.values():
            problems += check_tags(page, allowed)
    problems += check_content(load_rules(handbook.dataset), pages)
    # Hooks, schema copies and mkdocs.yml against the installed engine: warnings with the fix.
    problems += compatibility(root)
    return handbook, problems


def report(problems: list[Problem]) -> int:
    """Print each problem as `file:line: message  [severity]`; the number of errors."""
    for problem in sorted(problems):
        label = "error" if problem.severity == "error" else "warning"
        print(f"{problem}  [{label}]", file=sys.stderr)
    return len(errors(problems))
