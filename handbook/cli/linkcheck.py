"""`handbook linkcheck [SITE]`: every link of a built site checked by linkchecker, locally."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from handbook.core import linkcheck


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "linkcheck",
        help="check every internal link of a built site (run after `make build`)",
        epilog="Example: handbook linkcheck site --prefix /handbook/",
    )
    parser.add_argument(
        "site", nargs="?", default="site", type=Path, help="the built site's folder (default: site)"
    )
    parser.add_argument(
        "--prefix", default="/", help="serve under this path, as the host will (e.g. /handbook/)"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if not (args.site / "index.html").is_file():
        message = f"linkcheck: {args.site}/index.html not found; run `make build` first"
        print(message, file=sys.stderr)
        return 2
    result = linkcheck.check(args.site, args.prefix)
    print(result.stdout, end="")
    print(result.stderr, end="", file=sys.stderr)
    return result.returncode
