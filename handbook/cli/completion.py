"""`handbook completion bash|zsh`: print the shell completion script."""

from __future__ import annotations

import argparse

from handbook.core.completion import SHELLS, script


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "completion",
        help="print shell completion for bash or zsh",
        description="Print a completion script for the handbook command: command names, each "
        "command's options and file names.",
        epilog='Example: handbook completion bash > ~/.handbook-completion && echo "source '
        '~/.handbook-completion" >> ~/.bashrc',
    )
    parser.add_argument("shell", choices=SHELLS, help="the shell to complete in")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from handbook.cli import build_parser

    print(script(build_parser(), args.shell), end="")
    return 0
