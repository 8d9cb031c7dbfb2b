"""Task-list checkboxes named after their item, for screen readers.

pymdownx.tasklist puts an item's text beside its checkbox's <label>, not in it, so a screen
reader announces "checkbox, not checked" with no hint of the task. This extension gives each
checkbox its item's text as `aria-label`, on the page's finished HTML.

In mkdocs.yml, after pymdownx.tasklist (with `custom_checkbox: true`):

    markdown_extensions:
      - pymdownx.tasklist:
          custom_checkbox: true
      - handbook.markdown_ext.tasklist_labels

Self-contained on purpose (Python-Markdown and the standard library only): `handbook export`
copies this file into an exported site, whose build needs no engine.
"""

from __future__ import annotations

import html
import re

from markdown import Markdown
from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor

_TASK = re.compile(
    r'(<li class="task-list-item"><label class="task-list-control">)<input (type="checkbox"[^>]*?)'
    r"(/?>)(.*?)(?=<ul|<ol|<p>|</li>)",
    re.S,
)
_TAG = re.compile(r"<[^>]+>")
_MAX_LABEL = 200


def label_task_checkboxes(page_html: str) -> str:
    """Give each task-list checkbox its item's text (without markup) as its accessible name."""

    def named(match: re.Match) -> str:
        start, attributes, end, rest = match.groups()
        if "aria-label" in attributes:
            return match.group(0)
        text = " ".join(html.unescape(_TAG.sub("", rest)).split())[:_MAX_LABEL]
        label = html.escape(text or "task", quote=True)
        return f'{start}<input {attributes} aria-label="{label}"{end}{rest}'

    return _TASK.sub(named, page_html)


class _Labels(Postprocessor):
    def run(self, text: str) -> str:
        return label_task_checkboxes(text) if 'class="task-list-item"' in text else text


class TaskListLabelsExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        # Last of all, once raw HTML is back in place: lists a macro wrote as HTML count too.
        md.postprocessors.register(_Labels(md), "handbook_tasklist_labels", 1)


def makeExtension(**kwargs) -> TaskListLabelsExtension:  # noqa: N802 (Python-Markdown's name)
    return TaskListLabelsExtension(**kwargs)
