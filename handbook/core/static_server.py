"""Serve a built site/ folder on 127.0.0.1, optionally under a sub-path, for checks and tests."""

from __future__ import annotations

import contextlib
import functools
import http.server
import sys
import threading
from collections.abc import Iterator
from pathlib import Path


class _Handler(http.server.SimpleHTTPRequestHandler):
    prefix = "/"

    def translate_path(self, path: str) -> str:
        # Requests outside the prefix get a 404, as they would on the real host.
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "__outside_prefix__")
        return super().translate_path("/" + path[len(self.prefix) :])

    def end_headers(self) -> None:
        # linkchecker waits 0.1-0.6 s between requests to one host unless the host answers with
        # a LinkChecker header; this local server may be checked at full speed.
        self.send_header("LinkChecker", "local")
        super().end_headers()

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - keep test output quiet
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    """A client that goes away mid-response (a browser moving on to the next page, a checker
    that has read enough) is not an error worth a traceback; anything else still is."""

    def handle_error(self, request, client_address) -> None:
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


@contextlib.contextmanager
def serve(site: Path, prefix: str = "/") -> Iterator[str]:
    """Serve `site` until the block ends; yields the base URL, e.g. http://127.0.0.1:PORT/docs/."""
    prefix = "/" + prefix.strip("/") + "/" if prefix.strip("/") else "/"
    handler = functools.partial(
        type("Handler", (_Handler,), {"prefix": prefix}), directory=str(site)
    )
    server = QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()
