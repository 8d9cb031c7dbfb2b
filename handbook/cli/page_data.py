"""Shared start of the page commands: load valid data, then read every page's freshness."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from handbook.cli.check import resolve_root
from handbook.core.context import Handbook, load_handbook
from handbook.core.problems import errors
from handbook.freshness.model import PageFreshness, load_policy, scan


def load_pages(args: argparse.Namespace) -> tuple[Path, Handbook, list[PageFreshness]]:
    """Exits with status 2 after printing each problem when data or front matter is broken."""
    root = resolve_root(args)
    try:
        handbook = load_handbook(root, args.today)
    except ValueError as exc:
        print(f"handbook: {exc}", file=sys.stderr)
        raise SystemExit(2) from None
    bad = errors(handbook.problems)
    pages: list[PageFreshness] = []
    if not bad:
        pages, found = scan(root, handbook.owners, load_policy(handbook.dataset), handbook.today)
        bad = errors(found)
    if bad:
        for problem in bad:
            print(f"{problem}  [error]", file=sys.stderr)
        raise SystemExit(2)
    return root, handbook, pages
