"""`handbook reference`: the engine's reference docs, written from the installed engine."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from handbook.core.reference import markdown
from handbook.core.safe_write import write_atomically


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "reference",
        help="print the reference docs of the installed engine and its features, as markdown",
        description="Print the reference docs of the installed engine and its features, as "
        "markdown: data file fields, front matter keys, macros, commands, onboarding headings "
        "and the pages each feature needs. `make reference` writes engine-docs/reference.md.",
        epilog="Example: handbook reference --output engine-docs/reference.md",
    )
    parser.add_argument(
        "--output",
        type=Path,
        metavar="FILE",
        help="write the markdown to FILE (only when it changed) instead of printing it",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="with --output: change nothing; exit 1 when FILE differs from what the engine writes",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    text = markdown()
    if args.output is None:
        if args.check:
            print("handbook reference: --check needs --output FILE", file=sys.stderr)
            return 2
        sys.stdout.write(text)
        return 0
    path: Path = args.output
    current = path.read_bytes().decode("utf-8") if path.is_file() else None
    if current == text:
        print(f"{path} is up to date")
        return 0
    if args.check:
        print(f"{path} differs from the installed engine; run `make reference`", file=sys.stderr)
        return 1
    write_atomically(path.resolve().parent, path, text.encode("utf-8"))
    print(f"wrote {path}")
    return 0
