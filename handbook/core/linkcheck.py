"""linkchecker over a built site served on 127.0.0.1: every internal link, nothing off the host.

A page may link anywhere (a pull request writes its links), and linkchecker follows links to
other hosts unless told not to: this runs it with one rule that leaves every URL not on the
served origin (scheme, 127.0.0.1 and port, then a slash) unrequested, syntax-checked only.
The rule is a negative match on the origin, so no spelling of another host gets past it:
`//host/`, `http://127.0.0.1.example/`, `http://127.0.0.1:PORT@host/`, `ftp:`, `file:`.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

from handbook.core.static_server import serve

CONFIG = Path(__file__).resolve().parent.parent / "linkcheckerrc"


def origin(url: str) -> str:
    """`http://127.0.0.1:8000/sub/` -> `http://127.0.0.1:8000/`."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/"


def off_origin_rule(url: str) -> str:
    """A linkchecker `--ignore-url` pattern matching every URL not on `url`'s origin."""
    return f"^(?!{re.escape(origin(url))})"


def linkchecker_command(url: str) -> list[str]:
    exe = Path(sys.executable).parent / "linkchecker"
    rule = off_origin_rule(url)
    return [str(exe), "--config", str(CONFIG), "--no-status", "--ignore-url", rule, url]


def check(site: Path, prefix: str = "/") -> subprocess.CompletedProcess:
    """Serve `site` under `prefix` and run linkchecker over it; its exit code says the result."""
    with serve(site, prefix) as url:
        return subprocess.run(linkchecker_command(url), capture_output=True, text=True)
