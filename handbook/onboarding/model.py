"""Onboarding playbooks: the week 1 / 30 / 60 / 90 checklists and their paste-ready copy.

Pure: takes a playbook's markdown, returns plain values. The page's own task lists are the
single source; the block a new joiner pastes into an issue is derived from them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# The four headings every playbook has, in this order (level 2, any trailing attributes).
CHECKLIST_HEADINGS = ("Week 1", "By day 30", "By day 60", "By day 90")

_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*(?:\{[^}]*\})?\s*$")
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_TASK = re.compile(r"^(\s*)[-*] \[[ xX]\] (.+)$")
# A markdown link [text](target): in an issue its relative target would lead nowhere.
_LINK = re.compile(r"\[([^\]]+)\]\([^)\s]+\)")


@dataclass(frozen=True)
class Section:
    heading: str
    tasks: tuple[str, ...]  # each a markdown task line, unticked, with its original indent


def _unlinked(text: str) -> str:
    return _LINK.sub(r"\1", text)


def checklist_sections(markdown: str) -> list[Section]:
    """The task-list lines under each checklist heading, in page order.

    Lines inside fenced code blocks are ignored, so an example never counts as a task.
    Raises ValueError naming what is missing: a heading, or the tasks under one.
    """
    found: dict[str, list[str]] = {}
    current: str | None = None
    fence: str | None = None
    continuing = False
    for line in markdown.splitlines():
        opener = _FENCE.match(line)
        if fence is not None:
            if opener and opener.group(1)[0] == fence[0] and len(opener.group(1)) >= len(fence):
                fence = None
            continue
        if opener:
            fence = opener.group(1)
            continue
        heading = _HEADING.match(line)
        if heading:
            continuing = False
            title = heading.group(2)
            current = title if heading.group(1) == "##" and title in CHECKLIST_HEADINGS else None
            if current is not None:
                found.setdefault(current, [])
            continue
        if current is None:
            continue
        task = _TASK.match(line)
        if task:
            found[current].append(f"{task.group(1)}- [ ] {_unlinked(task.group(2))}")
            continuing = True
        elif continuing and line[:1].isspace() and line.strip():
            # A task wrapped onto the next line: keep it whole in the pasted copy.
            found[current][-1] += " " + _unlinked(line.strip())
        else:
            continuing = False
    missing = [h for h in CHECKLIST_HEADINGS if h not in found]
    if missing:
        raise ValueError("missing checklist heading(s): " + ", ".join(f"## {h}" for h in missing))
    empty = [h for h in CHECKLIST_HEADINGS if not found[h]]
    if empty:
        raise ValueError("no task list items (- [ ] ...) under: " + ", ".join(empty))
    return [Section(h, tuple(found[h])) for h in CHECKLIST_HEADINGS]


def issue_body(title: str, sections: list[Section]) -> str:
    """The checklist as the markdown body of an issue."""
    parts = [f"Onboarding checklist from the handbook playbook: {title}"]
    for section in sections:
        parts.append(f"## {section.heading}\n\n" + "\n".join(section.tasks))
    return "\n\n".join(parts) + "\n"


def fenced(text: str, language: str = "markdown") -> str:
    """`text` in a fenced code block whose fence is longer than any backtick run inside it."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}{language}\n{text.rstrip()}\n{fence}\n"
