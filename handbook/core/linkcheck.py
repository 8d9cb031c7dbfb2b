"""linkchecker over a built site served on 127.0.0.1: every internal link, nothing off the host."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from handbook.core.static_server import serve

CONFIG = Path(__file__).resolve().parent.parent / "linkcheckerrc"


def linkchecker_command(url: str) -> list[str]:
    exe = Path(sys.executable).parent / "linkchecker"
    return [str(exe), "--config", str(CONFIG), "--no-status", url]


def check(site: Path, prefix: str = "/") -> subprocess.CompletedProcess:
    """Serve `site` under `prefix` and run linkchecker over it; its exit code says the result."""
    with serve(site, prefix) as url:
        return subprocess.run(linkchecker_command(url), capture_output=True, text=True)
