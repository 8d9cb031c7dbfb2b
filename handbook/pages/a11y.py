"""Small fixes to built HTML so assistive technology can name what it reads."""

from __future__ import annotations

import html
import re

_TASK = re.compile(
    r'(<li class="task-list-item"><label class="task-list-control">)<input (type="checkbox"[^>]*?)'
    r"(/?>)(.*?)(?=<ul|<ol|<p>|</li>)",
    re.S,
)
_TAG = re.compile(r"<[^>]+>")
_MAX_LABEL = 200


def label_task_checkboxes(page_html: str) -> str:
    """Give each task-list checkbox its item's text as its accessible name.

    pymdownx.tasklist puts the text beside the label, not in it, so a screen reader announces
    "checkbox, not checked" with no hint of the task.
    """

    def named(match: re.Match) -> str:
        start, attributes, end, rest = match.groups()
        if "aria-label" in attributes:
            return match.group(0)
        text = " ".join(html.unescape(_TAG.sub("", rest)).split())[:_MAX_LABEL]
        label = html.escape(text or "task", quote=True)
        return f'{start}<input {attributes} aria-label="{label}"{end}{rest}'

    return _TASK.sub(named, page_html)
