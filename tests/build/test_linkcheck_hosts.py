"""`handbook linkcheck` never requests another host, however a page spells the link: a canary
server on another origin counts the requests it gets, and gets none. With linkchecker's rule
as it was (any http URL on 127.0.0.1 was checked), the canary is hit: the negative control."""

from __future__ import annotations

import http.server
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from handbook.core import linkcheck
from handbook.core.static_server import serve
from tests.helpers import build, make_project, page

NAV = """
nav:
  - index.md
  - links.md
"""


class _Canary(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - the http.server API
        self.hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        self.wfile.write(b"<html><body>canary</body></html>")

    do_HEAD = do_GET  # noqa: N815

    def log_message(self, format: str, *args) -> None:  # noqa: A002
        pass


@pytest.fixture()
def canary() -> Iterator[tuple[int, list[str]]]:
    handler = type("Canary", (_Canary,), {"hits": []})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield server.server_address[1], handler.hits
    finally:
        server.shutdown()
        server.server_close()


def site_linking_to(tmp_path: Path, port: int) -> Path:
    body = f"""\
        # Links

        [another host](http://example.invalid/) and [a mail](mailto:ops@example.invalid).

        [Same address, another port](http://127.0.0.1:{port}/same-ip)
        and [by name](http://localhost:{port}/by-name).

        <a href="//localhost:{port}/protocol-relative">protocol-relative</a>
        <a href="//example.invalid/x">protocol-relative, elsewhere</a>
        <a href="http://127.0.0.1:{port}@localhost:{port}/userinfo">user info</a>
        """
    docs = {"index.md": page("# Home\n\n[Links](links.md)\n"), "links.md": page(body)}
    result = build(make_project(tmp_path, docs, nav=NAV))
    assert result.ok, result.log
    return result.site


def test_linkcheck_requests_nothing_off_the_served_origin(tmp_path, canary):
    port, hits = canary
    site = site_linking_to(tmp_path, port)
    result = linkcheck.check(site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert hits == []


def test_the_old_rule_let_a_request_through(tmp_path, canary):
    # Negative control: the canary sees linkchecker when only http URLs off 127.0.0.1 are
    # left alone, as linkcheckerrc had it.
    port, hits = canary
    site = site_linking_to(tmp_path, port)
    old = tmp_path / "old-linkcheckerrc"
    text = linkcheck.CONFIG.read_text(encoding="utf-8")
    old.write_text(
        text.replace(
            "^(?!http://127\\.0\\.0\\.1:[0-9]+/)", "^mailto:\n  ^https?://(?!127\\.0\\.0\\.1)"
        ),
        encoding="utf-8",
    )
    exe = Path(sys.executable).parent / "linkchecker"
    with serve(site) as url:
        subprocess.run(
            [str(exe), "--config", str(old), "--no-status", url], capture_output=True, timeout=300
        )
    assert "/same-ip" in hits


def test_the_rule_matches_every_url_off_the_origin():
    import re

    rule = re.compile(linkcheck.off_origin_rule("http://127.0.0.1:8123/sub/"))
    for url in (
        "http://example.invalid/",
        "http://127.0.0.1.example.invalid/",
        "http://127.0.0.1:8123@example.invalid/",
        "http://127.0.0.1:81234/",
        "http://127.0.0.1:8124/",
        "https://127.0.0.1:8123/",
        "ftp://127.0.0.1:8123/",
        "file:///etc/passwd",
        "mailto:a@b",
    ):
        assert rule.search(url), url
    for url in ("http://127.0.0.1:8123/", "http://127.0.0.1:8123/sub/x/"):
        assert not rule.search(url), url
