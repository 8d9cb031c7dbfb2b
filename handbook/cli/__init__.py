"""The `handbook` command (also `python -m handbook`).

Each subcommand lives in its own module with `add_parser(subparsers)`; the parser's
`func` default receives the parsed arguments and returns the exit code.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from handbook import __version__
from handbook.cli import check as cmd_check
from handbook.cli import codeowners as cmd_codeowners
from handbook.cli import completion as cmd_completion
from handbook.cli import export as cmd_export
from handbook.cli import freshness as cmd_freshness
from handbook.cli import init as cmd_init
from handbook.cli import linkcheck as cmd_linkcheck
from handbook.cli import new as cmd_new
from handbook.cli import notify as cmd_notify
from handbook.cli import reference as cmd_reference
from handbook.cli import review as cmd_review
from handbook.cli import serve as cmd_serve
from handbook.cli import upgrade as cmd_upgrade

# Modules providing subcommands; feature modules add themselves here.
COMMANDS = [
    cmd_init,
    cmd_check,
    cmd_freshness,
    cmd_review,
    cmd_codeowners,
    cmd_new,
    cmd_notify,
    cmd_linkcheck,
    cmd_serve,
    cmd_upgrade,
    cmd_export,
    cmd_reference,
    cmd_completion,
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="handbook", description="Check and maintain a product-ops handbook."
    )
    parser.add_argument("--version", action="version", version=f"handbook {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in COMMANDS:
        module.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
