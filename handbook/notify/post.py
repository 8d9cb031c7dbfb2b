"""Send one payload to a chat webhook: one POST, no retries, no redirects, a timeout.

The webhook URL is a secret (whoever has it can post to the channel), so no message here
repeats it: errors name its host and what went wrong.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from typing import Any

from handbook import __version__

TIMEOUT = 10.0  # seconds, for connecting and for each read
SCHEMES = ("https", "http")


class PostError(Exception):
    """The message was not delivered; the text says why."""


def check_url(url: str) -> str:
    """The URL, when it is an http(s) URL with a host; raises PostError otherwise."""
    parts = urllib.parse.urlsplit(url.strip())
    if parts.scheme.lower() not in SCHEMES or not parts.hostname:
        shown = f"{parts.scheme}:" if parts.scheme else "no scheme"
        raise PostError(f"the webhook URL must be an https:// (or http://) address, not {shown}")
    return url.strip()


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """A webhook answers where it is; following a redirect would re-send the message elsewhere."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        return None


def _reply(error: urllib.error.HTTPError) -> str:
    """The first line of the webhook's answer (Slack says what it refused: invalid_blocks)."""
    try:
        text = error.read(300).decode("utf-8", "replace")
    except OSError:
        return ""
    line = " ".join(text.split())[:200]
    return f": {line}" if line else ""


def post(url: str, payload: dict[str, Any], timeout: float = TIMEOUT) -> None:
    """POST `payload` as JSON to `url`; raises PostError unless the webhook answers 2xx."""
    url = check_url(url)
    host = urllib.parse.urlsplit(url).hostname
    request = urllib.request.Request(
        url,
        data=json.dumps(payload, ensure_ascii=False).encode("utf-8"),
        method="POST",
        headers={
            "Content-Type": "application/json; charset=utf-8",
            "User-Agent": f"handbook/{__version__}",
        },
    )
    opener = urllib.request.build_opener(_NoRedirects)
    try:
        with opener.open(request, timeout=timeout) as response:
            response.read(1024)
    except urllib.error.HTTPError as exc:
        retry = exc.headers.get("Retry-After") if exc.headers else None
        later = f" (retry after {retry} s)" if retry else ""
        raise PostError(
            f"the webhook at {host} answered HTTP {exc.code} {exc.reason}{later}{_reply(exc)}"
        ) from None
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise PostError(f"could not reach the webhook at {host}: {reason}") from None
