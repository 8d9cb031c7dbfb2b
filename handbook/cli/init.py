"""`handbook init DIR [--example]`: start a new handbook in an empty folder."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from handbook import __version__
from handbook.cli import codeowners as cmd_codeowners
from handbook.core.safe_write import UnsafeWrite, write_atomically
from handbook.core.starter import InitError, handbook_files
from handbook.core.today import today as resolve_today


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "init",
        help="start a new handbook in DIR (a small starter, or --example for the full one)",
        epilog='Example: handbook init ~/acme-handbook --name "Acme Product Handbook"',
    )
    parser.add_argument("dir", type=Path, help="an empty or new folder")
    parser.add_argument(
        "--example", action="store_true", help="the full example handbook instead of the starter"
    )
    parser.add_argument("--name", default="Product Handbook", help="the site's name")
    parser.add_argument("--today", help="treat this YYYY-MM-DD as today (review dates)")
    parser.add_argument(
        "--engine",
        metavar="SOURCE",
        help="install the engine from a git URL pinned to a tag (git+https://...@vX.Y.Z) or a "
        "wheel file, instead of the package index",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    target: Path = args.dir
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        print(f"handbook init: {target} is not empty; nothing was written", file=sys.stderr)
        return 2
    try:
        today = resolve_today(args.today)
        files = handbook_files(args.name, today, __version__, args.example, args.engine)
    except (InitError, ValueError) as exc:
        print(f"handbook init: {exc}", file=sys.stderr)
        return 2
    target.mkdir(parents=True, exist_ok=True)
    try:
        for path, data in files.items():
            write_atomically(target, target / path, data, exclusive=True)
    except (UnsafeWrite, OSError) as exc:
        print(f"handbook init: {exc}", file=sys.stderr)
        return 2
    codeowners = argparse.Namespace(root=target, today=today.isoformat(), check=False)
    if cmd_codeowners.run(codeowners) != 0:
        return 2
    kind = "example" if args.example else "starter"
    print(f"wrote a {kind} handbook to {target} ({len(files) + 1} files). Next:")
    print(f"  cd {target}")
    print("  make serve   # the site at http://127.0.0.1:8000")
    print("  make test    # data, pages, CODEOWNERS, strict build, links")
    return 0
