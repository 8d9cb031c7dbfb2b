"""Under `make serve`, a broken data file shows its error on the page instead of a hang."""

from __future__ import annotations

import re
import time

from handbook.core.serve_errors import with_banner
from tests.helpers import make_project, page
from tests.serving import mkdocs_serve, wait_for

DOCS = {"index.md": page("# Home\n\nWelcome.\n")}
NAV = "nav:\n  - index.md\n"
TIMEOUT = 45


def test_a_broken_data_file_is_shown_then_cleared(tmp_path):
    project = make_project(tmp_path, DOCS, nav=NAV)
    owners = project / "data" / "owners.yml"
    good = owners.read_text(encoding="utf-8")
    with mkdocs_serve(project) as server:
        assert 'role="alert"' not in server.get()[1]
        owners.write_text(good + "owners: [\n", encoding="utf-8")
        shown = wait_for(lambda: "The handbook does not build" in server.get()[1], TIMEOUT)
        assert shown, server.log()
        started = time.monotonic()
        status, body = server.get()
        assert status == 200 and time.monotonic() - started < 5  # answered, not held
        assert re.search(r"data/owners\.yml:\d+: ", body)
        assert "Welcome." in body  # the last good page, under the banner
        owners.write_text(good, encoding="utf-8")
        cleared = wait_for(lambda: 'role="alert"' not in server.get()[1], TIMEOUT)
        assert cleared, server.log()


def test_without_the_serve_hook_the_server_holds_requests(tmp_path):
    # Negative control: MkDocs alone keeps a request waiting while the rebuild fails.
    project = make_project(tmp_path, DOCS, nav=NAV)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - hooks/serve.py\n", ""))
    owners = project / "data" / "owners.yml"
    with mkdocs_serve(project) as server:
        owners.write_text(owners.read_text() + "owners: [\n", encoding="utf-8")
        assert wait_for(
            lambda: "rebuild" in server.log().lower() and "error" in server.log().lower(), TIMEOUT
        )
        assert server.get()[0] == 0  # fetch gives up after its 5 s timeout


def test_banner_is_escaped_and_replaced_not_stacked():
    page_html = b"<html><body class='x'><p>Hi</p></body></html>"
    once = with_banner(page_html, ["data/x.yml:3: <script>alert(1)</script>"])
    assert b"&lt;script&gt;" in once and b"<script>" not in once
    twice = with_banner(once, ["data/y.yml:1: other"])
    assert twice.count(b'role="alert"') == 1 and b"data/y.yml:1" in twice
    assert twice.index(b'role="alert"') > twice.index(b"<body")
