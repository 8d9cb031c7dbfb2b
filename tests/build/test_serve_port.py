"""`make serve` (handbook serve) on a busy port: one clear line, not a traceback."""

from __future__ import annotations

import socket
import subprocess
import sys

from tests.helpers import make_project, mkdocs_env, page
from tests.serving import fetch, free_port, wait_for


def serve(project, port: int) -> subprocess.Popen:
    command = [sys.executable, "-m", "handbook", "serve", "--addr", f"127.0.0.1:{port}"]
    return subprocess.Popen(
        command, cwd=project, env=mkdocs_env(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        text=True,
    )  # fmt: skip


def test_a_busy_port_gets_a_clear_message(tmp_path):
    project = make_project(tmp_path, {"index.md": page("# Home\n")}, nav="nav:\n  - index.md\n")
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        process = serve(project, port)
        output, _ = process.communicate(timeout=60)
    assert process.returncode == 2
    assert f"127.0.0.1:{port} is already in use" in output
    assert f"make serve ADDR=127.0.0.1:{port + 1}" in output
    assert "Traceback" not in output


def test_a_free_port_serves_the_site(tmp_path):
    # Negative control: the same command on a free port serves the handbook.
    project = make_project(tmp_path, {"index.md": page("# Home\n")}, nav="nav:\n  - index.md\n")
    port = free_port()
    process = serve(project, port)
    try:
        up = wait_for(lambda: fetch(f"http://127.0.0.1:{port}/")[0] == 200, 90)
        assert up, process.stdout.read() if process.poll() is not None else "not serving"
        assert "Home" in fetch(f"http://127.0.0.1:{port}/")[1]
    finally:
        process.terminate()
        process.wait(timeout=30)
