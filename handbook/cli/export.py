"""`handbook export DIR`: the handbook as a plain site source, built without hooks or macros."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from handbook.cli.check import add_root_args, checked, resolve_root
from handbook.core.paths import docs_dir
from handbook.export.files import TargetError, check_target, write_files
from handbook.export.site import GENERATORS, export_site
from handbook.freshness.model import FAIL_ENV, fail_on_stale, load_policy


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "export",
        help="write the handbook as a site source that stock MkDocs or ProperDocs builds",
        description=(
            "Write the handbook into DIR as a plain MkDocs site source: every generated page "
            "as markdown, macros rendered, review notices in place, and a mkdocs.yml without "
            "hooks or the macros plugin. DIR must be new or empty."
        ),
        epilog="Example: handbook export ../handbook-export && cd ../handbook-export && "
        "python -m mkdocs build --strict",
    )
    parser.add_argument("dir", type=Path, metavar="DIR", help="a new or empty folder")
    parser.add_argument(
        "--generator",
        choices=GENERATORS,
        default="mkdocs",
        help="what will build it: mkdocs (stock MkDocs or ProperDocs, the default) or "
        "zensical, which copies the theme's files as they are",
    )
    add_root_args(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    root = resolve_root(args)
    target: Path = args.dir
    try:
        check_target(target, docs_dir(root))
    except TargetError as exc:
        print(f"handbook export: {exc}", file=sys.stderr)
        return 2
    handbook, _problems, code = checked(root, args.today, "export", "; nothing written")
    if handbook is None or code:
        return code
    try:
        made = export_site(root, handbook, args.generator)
        fail = fail_on_stale(load_policy(handbook.dataset), os.environ.get(FAIL_ENV, ""))
    except ValueError as exc:  # ConfigError, ExportError and MacroError among them
        print(f"{exc}", file=sys.stderr)
        print("handbook export: nothing written", file=sys.stderr)
        return 1
    if fail and made.stale:
        for line in made.stale:
            print(line, file=sys.stderr)
        print(
            f"handbook export: {len(made.stale)} stale page(s) and fail_on_stale is on; "
            "nothing written",
            file=sys.stderr,
        )
        return 1
    for note in made.notes:
        print(f"note: {note}", file=sys.stderr)
    try:
        write_files(target, made.files)
    except (TargetError, OSError) as exc:
        print(
            f"handbook export: {exc}; stopped, with part of the export in {target}", file=sys.stderr
        )
        return 1
    command = "zensical build" if args.generator == "zensical" else "python -m mkdocs build"
    stale = f" ({len(made.stale)} stale: handbook freshness lists them)" if made.stale else ""
    print(
        f"handbook export: {made.pages} pages{stale} and {len(made.files)} files written to "
        f"{target}; build with: cd {target} && {command} --strict"
    )
    return 0
