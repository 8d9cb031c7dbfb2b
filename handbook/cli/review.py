"""`handbook review PATH...`: mark pages as reviewed today, changing nothing else."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from handbook.cli.check import add_root_args, resolve_root
from handbook.core.paths import docs_dir, rel
from handbook.core.safe_write import UnsafeWrite
from handbook.core.today import today as resolve_today
from handbook.freshness.review import ReviewError, review_file


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "review",
        help="set last_reviewed to today in each page, changing nothing else",
        epilog="Example: handbook review docs/guidelines/decision-making.md",
    )
    add_root_args(parser)
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="markdown pages")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    root = resolve_root(args)
    try:
        day = resolve_today(args.today)
    except ValueError as exc:
        print(f"handbook: {exc}", file=sys.stderr)
        return 2
    failed = 0
    for path in args.paths:
        if not path.is_absolute() and not path.exists() and (root / path).exists():
            path = root / path
        name = rel(path, root)
        if not path.is_file() or path.suffix != ".md":
            print(f"{name}: not a markdown file", file=sys.stderr)
            failed += 1
            continue
        if not _reviewable(root, path):
            print(f"{name}: not a page or template (only docs/ and templates/ are reviewed)",
                  file=sys.stderr)  # fmt: skip
            failed += 1
            continue
        try:
            previous, changed = review_file(root, path, day, name, lambda t: _reviewable(root, t))
        except (ReviewError, UnsafeWrite, OSError) as exc:
            print(f"{exc}", file=sys.stderr)
            failed += 1
            continue
        if changed:
            print(f"{name}: last reviewed {previous or 'never'} -> {day.isoformat()}")
        else:
            print(f"{name}: already reviewed on {day.isoformat()}")
    return 1 if failed else 0


def _reviewable(root: Path, path: Path) -> bool:
    """A markdown page under docs/ or a template under templates/, symlinks resolved."""
    real = path.resolve()
    if real.suffix != ".md":
        return False
    folders = (docs_dir(root).resolve(), (root / "templates").resolve())
    return any(real.is_relative_to(folder) for folder in folders)
