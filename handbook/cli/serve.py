"""`handbook serve`: `mkdocs serve` with live reload, after checking that the port is free.

MkDocs itself ends in a traceback when the address is taken; this says which address, what
probably holds it and how to pick another.
"""

from __future__ import annotations

import argparse
import os
import socket
import sys


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "serve",
        help="serve the handbook with live reload (make serve)",
        epilog="Example: handbook serve --addr 127.0.0.1:8001",
    )
    parser.add_argument("--addr", default="127.0.0.1:8000", help="HOST:PORT (default: %(default)s)")
    parser.add_argument("--dirty", action="store_true", help="rebuild only the pages you edit")
    parser.set_defaults(func=run)


def address_in_use(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as sock:
        # As the server will: a port left in TIME_WAIT by the last run counts as free.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError:
            return True
    return False


def run(args: argparse.Namespace) -> int:
    host, _, port_text = args.addr.rpartition(":")
    if not host or not port_text.isdigit():
        print(
            f"handbook serve: {args.addr!r} is not HOST:PORT, e.g. 127.0.0.1:8000", file=sys.stderr
        )
        return 2
    port = int(port_text)
    if address_in_use(host, port):
        print(
            f"handbook serve: {host}:{port} is already in use (another `make serve`?). Stop it, "
            f"or serve on another port: make serve ADDR={host}:{port + 1}",
            file=sys.stderr,
        )
        return 2
    command = [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dev-addr", args.addr]
    if args.dirty:
        command.append("--dirty")
    os.execv(sys.executable, command)
    return 0  # not reached: execv replaces this process
