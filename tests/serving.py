"""Run the real `mkdocs serve` on a fixture project on a free 127.0.0.1 port, with bounded waits."""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

from tests.helpers import mkdocs_env


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        return exc.code, ""
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return 0, ""


def wait_for(condition: Callable[[], bool], timeout: float, interval: float = 0.3) -> bool:
    """Poll `condition` until it holds or `timeout` seconds pass; never spins."""
    deadline = time.monotonic() + timeout
    while True:
        if condition():
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(interval)


class Server:
    def __init__(self, url: str, process: subprocess.Popen, log: Path) -> None:
        self.url, self.process, self.log_path = url, process, log

    def get(self, path: str = "") -> tuple[int, str]:
        return fetch(self.url + path)

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")


@contextlib.contextmanager
def mkdocs_serve(project: Path, start_timeout: float = 90) -> Iterator[Server]:
    """`mkdocs serve` of `project` until the block ends; the first build has finished on entry."""
    port = free_port()
    log = project.parent / f"serve-{port}.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "mkdocs",
                "serve",
                "--dev-addr",
                f"127.0.0.1:{port}",
                "-f",
                str(project / "mkdocs.yml"),
            ],
            cwd=project,
            env=mkdocs_env(),
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    server = Server(f"http://127.0.0.1:{port}/", process, log)
    try:
        up = wait_for(lambda: process.poll() is not None or server.get()[0] == 200, start_timeout)
        if not up or process.poll() is not None:
            raise AssertionError(f"mkdocs serve did not start:\n{server.log()}")
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)
