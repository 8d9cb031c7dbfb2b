"""`handbook upgrade`: bring the engine's files in a handbook up to the installed engine.

Writes missing hook files and out-of-date schema copies; never touches a hook file that is not
the engine's import, nor mkdocs.yml, but prints what a person must change there.
"""

from __future__ import annotations

import argparse
import sys

from handbook import __version__
from handbook.cli.check import add_root_args, resolve_root
from handbook.core.engine_files import needs_a_person, upgrade_writes
from handbook.core.safe_write import UnsafeWrite, write_atomically


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "upgrade",
        help="rewrite the engine's hook files and schema copies for this engine",
        epilog="Example: handbook upgrade --dry-run",
    )
    add_root_args(parser)
    parser.add_argument("--dry-run", action="store_true", help="print what would change")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    root = resolve_root(args)
    writes, manual = upgrade_writes(root)
    failed = False
    for write in writes:
        if args.dry_run:
            print(f"would write {write.path} ({write.why})")
            continue
        try:
            write_atomically(root, root / write.path, write.text.encode("utf-8"))
        except (UnsafeWrite, OSError) as exc:
            print(f"{write.path}: not written: {exc}", file=sys.stderr)
            failed = True
            continue
        print(f"wrote {write.path} ({write.why})")
    for problem in manual:
        print(f"{problem}", file=sys.stderr)
    # A hook file of the team's own under an engine hook's name is not written: that needs a
    # person (exit 1). Lines to add to mkdocs.yml are listed with where they go (exit 0).
    kept = [p for p in manual if needs_a_person(p)]
    if manual and not failed and not kept and not args.dry_run:
        print("engine files up to date; make the changes listed above, then make test")
    if not writes and not manual:
        print(f"engine files match handbook {__version__}")
    return 1 if failed or kept else 0
