"""Onboarding playbooks: the week 1 / 30 / 60 / 90 checklists and their paste-ready copy.

Pure: takes a playbook's markdown, returns plain values. The page's own task lists are the
single source; the block a new joiner pastes into an issue is derived from them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

# The four headings every playbook has, in this order (level 2, any trailing attributes).
CHECKLIST_HEADINGS = ("Week 1", "By day 30", "By day 60", "By day 90")

_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*(?:\{[^}]*\})?\s*$")
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_TASK = re.compile(r"^(\s*)[-*] \[[ xX]\] (.+)$")
# A markdown link [text](target): in an issue its relative target would lead nowhere, so it
# is made absolute (when the site's address is known) or flattened to its text.
_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")
# Words that point at a place on the page: once the checklist is pasted into an issue there is
# no "list below" and no "end of this page", so a task must not lean on them.
_PLACE_ON_PAGE = re.compile(
    r"\b(?:below|above|(?:at|from) the (?:end|bottom|top)|on this page|of this page)\b", re.I
)

# Turns a link target of the page (e.g. "../guidelines/x.md#y", "#tools") into an absolute
# URL, or "" when it cannot (the task then keeps only the link's text).
Resolver = Callable[[str], str]


@dataclass(frozen=True)
class Section:
    heading: str
    tasks: tuple[str, ...]  # each a markdown task line, unticked, with its original indent


def _unlinked(text: str, resolve: Resolver | None = None) -> str:
    def link(match: re.Match) -> str:
        target = resolve(match.group(2)) if resolve is not None else ""
        return f"[{match.group(1)}]({target})" if target else match.group(1)

    return _LINK.sub(link, text)


def checklist_sections(markdown: str, resolve: Resolver | None = None) -> list[Section]:
    """The task-list lines under each checklist heading, in page order.

    Lines inside fenced code blocks are ignored, so an example never counts as a task. Links
    keep their target when `resolve` makes it absolute, else become their text.
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
            found[current].append(f"{task.group(1)}- [ ] {_unlinked(task.group(2), resolve)}")
            continuing = True
        elif continuing and line[:1].isspace() and line.strip():
            # A task wrapped onto the next line: keep it whole in the pasted copy.
            found[current][-1] += " " + _unlinked(line.strip(), resolve)
        else:
            continuing = False
    missing = [h for h in CHECKLIST_HEADINGS if h not in found]
    if missing:
        raise ValueError("missing checklist heading(s): " + ", ".join(f"## {h}" for h in missing))
    empty = [h for h in CHECKLIST_HEADINGS if not found[h]]
    if empty:
        raise ValueError("no task list items (- [ ] ...) under: " + ", ".join(empty))
    return [Section(h, tuple(found[h])) for h in CHECKLIST_HEADINGS]


def place_words(sections: list[Section]) -> list[str]:
    """Tasks that point at a place on the page ("the list below", "the end of this page"):
    they read wrong once the checklist is pasted into an issue."""
    return [
        task.strip()
        for section in sections
        for task in section.tasks
        if _PLACE_ON_PAGE.search(_LINK.sub(r"\1", task))
    ]


def issue_body(title: str, sections: list[Section], page_url: str = "") -> str:
    """The checklist as the markdown body of an issue: it reads right on its own, and names
    the playbook (with its address, when known) it came from."""
    source = f"[{title}]({page_url})" if page_url else title
    parts = [f"Onboarding checklist from the handbook playbook: {source}"]
    for section in sections:
        parts.append(f"## {section.heading}\n\n" + "\n".join(section.tasks))
    return "\n\n".join(parts) + "\n"


def fenced(text: str, language: str = "markdown") -> str:
    """`text` in a fenced code block whose fence is longer than any backtick run inside it."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}{language}\n{text.rstrip()}\n{fence}\n"
