"""Under `make serve`, a failed rebuild shows its errors in the browser instead of hanging."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from handbook.core.serve_errors import show_errors
from handbook.mkdocs.adapter import log

__all__ = ["on_serve"]


class _Errors(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def on_serve(server, config: MkDocsConfig, builder):
    site = Path(server.root)
    rebuild = server.builder

    def rebuild_or_show_errors() -> None:
        errors = _Errors()
        logger = logging.getLogger("mkdocs")
        logger.addHandler(errors)
        try:
            rebuild()
        except Exception as exc:  # noqa: BLE001 - any failed rebuild: show why, keep serving
            messages = errors.messages or [str(exc)]
            show_errors(site, messages)
            log.error("the rebuild failed; every page shows why until it builds again")
        finally:
            logger.removeHandler(errors)

    # MkDocs holds requests until a rebuild succeeds; returning normally lets pages through.
    server.builder = rebuild_or_show_errors
    return server
