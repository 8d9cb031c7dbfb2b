"""`handbook codeowners`: keep .github/CODEOWNERS in step with page owners."""

from __future__ import annotations

import argparse
import sys

from handbook.cli.check import add_root_args
from handbook.cli.page_data import load_pages
from handbook.core.safe_write import UnsafeWrite, through_link, write_atomically
from handbook.freshness.codeowners import CodeownersError, block_lines, update

TARGET = ".github/CODEOWNERS"


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "codeowners",
        help=f"write page owners into a managed block of {TARGET}",
        epilog="Example: handbook codeowners --check",
    )
    add_root_args(parser)
    parser.add_argument(
        "--check", action="store_true", help="change nothing; exit 1 when the file is out of date"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    root, _handbook, pages = load_pages(args)
    path = root / TARGET
    if (path.exists() or path.is_symlink()) and through_link(root, path):
        print(
            f"{TARGET}: is a symbolic link; the managed block is written to a file", file=sys.stderr
        )
        return 2
    try:
        existing = path.read_bytes().decode("utf-8") if path.exists() else None
    except (OSError, UnicodeDecodeError) as exc:
        print(f"{TARGET}: cannot read it as UTF-8 text ({exc}); fix or remove it", file=sys.stderr)
        return 2
    try:
        wanted = update(existing, block_lines(pages))
    except CodeownersError as exc:
        print(f"{TARGET}: {exc}", file=sys.stderr)
        return 2
    if wanted == existing:
        print(f"{TARGET} is up to date ({len(pages)} pages)")
        return 0
    if args.check:
        print(f"{TARGET} is out of date; run `handbook codeowners` and commit it", file=sys.stderr)
        return 1
    try:
        write_atomically(root, path, wanted.encode("utf-8"))
    except (UnsafeWrite, OSError) as exc:
        print(f"{TARGET}: not written: {exc}", file=sys.stderr)
        return 2
    print(f"{TARGET} updated ({len(pages)} pages)")
    return 0
