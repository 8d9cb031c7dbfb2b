"""The local server behind linkcheck and the browser tests: a client that hangs up mid-answer
leaves no traceback; other errors still print one."""

from __future__ import annotations

import http.server
import socket
import time
from urllib.parse import urlsplit

from handbook.core.static_server import QuietServer, serve


def hang_up_mid_answer(url: str) -> None:
    """Ask for a large file and close the connection at once, resetting it."""
    parts = urlsplit(url)
    for _ in range(3):
        with socket.create_connection((parts.hostname, parts.port)) as client:
            client.sendall(f"GET {parts.path}big.bin HTTP/1.1\r\nHost: x\r\n\r\n".encode())
            client.recv(1)
            # An RST instead of a FIN: the server's next write fails at once.
            client.setsockopt(
                socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00"
            )
    time.sleep(0.3)


def test_a_client_hanging_up_leaves_no_traceback(tmp_path, capfd):
    (tmp_path / "big.bin").write_bytes(b"x" * 8_000_000)
    with serve(tmp_path) as url:
        hang_up_mid_answer(url)
    assert "Traceback" not in capfd.readouterr().err


def test_the_plain_server_prints_one(tmp_path, capfd, monkeypatch):
    # Negative control: the same hang-up with the standard library's handling is reported.
    (tmp_path / "big.bin").write_bytes(b"x" * 8_000_000)
    monkeypatch.setattr(QuietServer, "handle_error", http.server.ThreadingHTTPServer.handle_error)
    with serve(tmp_path) as url:
        hang_up_mid_answer(url)
    err = capfd.readouterr().err
    assert "Traceback" in err and ("BrokenPipeError" in err or "ConnectionResetError" in err)
