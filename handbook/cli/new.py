"""`handbook new TEMPLATE PATH --title ... --owner ...`: start a page from a template.

Exit codes: 0 created (or listed), 1 the file exists and was left alone, 2 bad arguments
(unknown template or owner, a path outside docs/).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from handbook.cli.check import add_root_args, resolve_root
from handbook.core.context import load_handbook
from handbook.core.paths import docs_dir
from handbook.pages.frontmatter import parse_page
from handbook.pages.markup import markup_problems
from handbook.pages.nav_hint import nav_hint
from handbook.templates.model import load_templates
from handbook.templates.scaffold import new_page_text


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "new",
        help="create a docs/ page from a template (never overwrites)",
        description="Create a handbook page from a template in templates/, with front matter "
        "filled in: title, owner, last_reviewed (today), review_every and template id@version.",
    )
    parser.add_argument("template", nargs="?", help="template id, e.g. prd (see --list)")
    parser.add_argument("path", nargs="?", type=Path, help="new page, e.g. docs/guidelines/x.md")
    parser.add_argument("--title", help="the page title")
    parser.add_argument("--owner", help="owner id from data/owners.yml")
    parser.add_argument("--list", action="store_true", help="list the templates and exit")
    add_root_args(parser)
    parser.set_defaults(func=run)


def _fail(message: str, code: int = 2) -> int:
    print(f"handbook new: {message}", file=sys.stderr)
    return code


def run(args: argparse.Namespace) -> int:
    root = resolve_root(args)
    templates, problems = load_templates(root)
    by_id = {t.id: t for t in templates}
    if args.list:
        width = max((len(t.id) for t in templates), default=0)
        for t in templates:
            print(f"{t.id:<{width}}  {t.version:<8} {t.category}: {t.title}")
        return 0
    if not (args.template and args.path and args.title and args.owner):
        return _fail("usage: handbook new TEMPLATE PATH --title TITLE --owner OWNER (or --list)")
    template = by_id.get(args.template)
    if template is None:
        valid = ", ".join(sorted(by_id)) or "(none in templates/)"
        return _fail(f"unknown template {args.template!r}; valid templates: {valid}")
    try:
        handbook = load_handbook(root, args.today)
    except ValueError as exc:
        return _fail(str(exc))
    if args.owner not in handbook.owners:
        valid = ", ".join(sorted(handbook.owners)) or "(none defined)"
        return _fail(f"unknown owner {args.owner!r}; valid owners (data/owners.yml): {valid}")
    if not args.title.strip():
        return _fail("--title must not be empty")

    target = args.path if args.path.is_absolute() else Path.cwd() / args.path
    target = target.resolve()
    docs = docs_dir(root).resolve()
    if not target.is_relative_to(docs) or target == docs:
        return _fail(f"{args.path} is outside {docs}; pages live under docs/")
    relative = target.relative_to(docs)
    if target.suffix != ".md":
        return _fail(f"{args.path} must end in .md")
    if any(part.startswith(".") for part in relative.parts):
        return _fail(f"{args.path} is in a hidden folder, which MkDocs does not publish")

    text = new_page_text(template, args.title.strip(), args.owner, handbook.today)
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        # "x" creates the file only if it does not exist: nobody's page is ever replaced.
        with target.open("x", encoding="utf-8", newline="") as out:
            out.write(text)
    except FileExistsError:
        return _fail(f"{args.path} already exists; it was left untouched", code=1)
    created = target.relative_to(root.resolve())
    print(f"created {created} from {template.ref}")
    page, _ = parse_page(text, created.as_posix())
    left = markup_problems(page.body, page.file, page.body_line)
    if left:
        # Published as they are, <placeholders> would vanish as unknown HTML tags.
        count = len(left)
        print(f"replace its {count} <placeholder>(s) before publishing; handbook check lists them")
    hint = nav_hint(root / "mkdocs.yml", relative.as_posix())
    if hint:
        print(hint)
    return 0
