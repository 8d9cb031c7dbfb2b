"""Slack-compatible webhook payloads: `{"text": ..., "blocks": [...]}`, with data kept as text.

Data reaches a message from YAML and front matter that anyone with a pull request can write.
In Slack's mrkdwn, `<...>` is markup: `<!channel>` notifies a whole channel and
`<https://evil|click>` is a link whose text hides its target. Every data value therefore goes
through `mrkdwn()` (Slack's own rule: escape `&`, `<` and `>`), and every text object is
`verbatim`, so Slack does not turn plain words like @here or #channel into mentions either.
Only the engine writes `<url|label>` links, from URLs it made itself.
"""

from __future__ import annotations

import urllib.parse
from dataclasses import dataclass
from typing import Any

# Slack's limits: 3,000 characters in a section's text, 150 in a header, 50 blocks a message.
SECTION_LIMIT = 3000
HEADER_LIMIT = 150
BLOCK_LIMIT = 50

# Characters a URL may keep; `|`, `<`, `>` and spaces would end or split a Slack link.
_URL_SAFE = ":/?#[]@!$&'()*+,;=%~-._"


@dataclass(frozen=True)
class Message:
    """One message to post: `key` names it in a record of what was posted (and in the log)."""

    key: str
    payload: dict[str, Any]


def clip(text: str, limit: int) -> str:
    """At most `limit` characters of `text`, ending in an ellipsis when cut."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def mrkdwn(text: object) -> str:
    """Data text as mrkdwn that shows it as written: `&`, `<` and `>` escaped."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def link(url: str, label: str) -> str:
    """`<url|label>` for a URL the engine made; just the label without a URL."""
    text = mrkdwn(label)
    if not url:
        return text
    target = urllib.parse.quote(url, safe=_URL_SAFE).replace("&", "&amp;")
    return f"<{target}|{text}>"


def header(text: str) -> dict[str, Any]:
    """A header block; plain_text is never read as markup, so it needs no escaping."""
    return {
        "type": "header",
        "text": {"type": "plain_text", "text": clip(text, HEADER_LIMIT), "emoji": False},
    }


def section(text: str) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text, "verbatim": True}}


def context(text: str) -> dict[str, Any]:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": text, "verbatim": True}]}


def sections(lines: list[str], room: int = BLOCK_LIMIT) -> list[dict[str, Any]]:
    """Lines packed into as few sections as fit Slack's limits, at most `room` of them; lines
    that do not fit are counted in a last section instead of being dropped silently."""
    chunks: list[list[str]] = []
    size = 0
    for line in (clip(line, SECTION_LIMIT) for line in lines):
        if chunks and size + 1 + len(line) <= SECTION_LIMIT:
            chunks[-1].append(line)
            size += 1 + len(line)
        else:
            chunks.append([line])
            size = len(line)
    if len(chunks) > room:
        rest = sum(len(chunk) for chunk in chunks[room - 1 :])
        chunks = [*chunks[: room - 1], [f"… and {rest} more"]]
    return [section("\n".join(chunk)) for chunk in chunks]


def message(fallback: str, blocks: list[dict[str, Any]]) -> dict[str, Any]:
    """The payload. `fallback` is plain text (escaped here): what notifications and clients
    without blocks show."""
    return {
        "text": mrkdwn(fallback),
        "blocks": blocks[:BLOCK_LIMIT],
        # A page link needs no preview card; a link from data would get one from its site.
        "unfurl_links": False,
        "unfurl_media": False,
    }
