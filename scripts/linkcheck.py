"""Run linkchecker over a built site served on 127.0.0.1 (internal links only).

Usage: python scripts/linkcheck.py [SITE_DIR] [--prefix /handbook/]
Exit code: linkchecker's own (0 when no broken link).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from handbook.static_server import serve

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "linkcheckerrc"


def linkchecker_command(url: str) -> list[str]:
    exe = Path(sys.executable).parent / "linkchecker"
    return [str(exe), "--config", str(CONFIG), "--no-status", url]


def check(site: Path, prefix: str = "/") -> subprocess.CompletedProcess:
    with serve(site, prefix) as url:
        return subprocess.run(linkchecker_command(url), capture_output=True, text=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", default=str(ROOT / "site"), type=Path)
    parser.add_argument("--prefix", default="/")
    args = parser.parse_args()
    if not (args.site / "index.html").is_file():
        print(
            f"linkcheck: {args.site}/index.html not found; run `make build` first", file=sys.stderr
        )
        return 2
    result = check(args.site, args.prefix)
    print(result.stdout, end="")
    print(result.stderr, end="", file=sys.stderr)
    return result.returncode


if __name__ == "__main__":
    raise SystemExit(main())
