"""`--8<--` lines (pymdownx.snippets): what a page pulls in must be the handbook's own text.

The snippets extension reads paths from the project folder, even inside code fences, and
follows symbolic links; `.git/config` (where CI keeps its token), `.env` or a link to
/proc/self/environ would be published. A snippet must resolve inside the handbook and outside
its hidden files and folders (docs/.includes excepted), and never name a URL. What it pulls in
is held to the page markup policy at its own file:line. Pure apart from reading files.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from handbook.core.outside import rel_link, resolves_outside
from handbook.core.problems import Problem
from handbook.pages.markup import markup_problems

KEY = "snippet"
# pymdownx.snippets' own syntax: `--8<-- "file"` on its line, or a block of file lines
# between two `--8<--` lines; a leading `;` escapes the line.
_INLINE = re.compile(
    r"^[ \t]*(?P<escape>;*)-{1,}8<-{1,}[ \t]+"
    r"(?P<snippet>\"(?:\\\"|[^\"\n\r])+?\"|'(?:\\'|[^'\n\r])+?')(?![ \t])\r?$"
)
_BLOCK = re.compile(r"^[ \t]*(?P<escape>;*)-{1,}8<-{1,}(?![ \t])\r?$")
# A file's section (`file.md:name`) or lines (`file.md:3:9`) after its path.
_SECTION = re.compile(r"(?i)(.*?)(?:(:[0-9]*)?(:[0-9]*)?|(:[a-z][-_0-9a-z]*)?)$")
_URL = re.compile(r"^[a-z][a-z0-9+.-]*://", re.I)
ALLOWED_HIDDEN = {".includes"}
MAX_DEPTH = 4  # snippets in snippets, as pymdownx follows them


def snippet_paths(text: str) -> list[tuple[int, str]]:
    """(line, path) of every snippet `text` pulls in, sections and line ranges removed."""
    found: list[tuple[int, str]] = []
    in_block = False
    for number, line in enumerate(text.splitlines(), 1):
        block = _BLOCK.match(line)
        if block and not block.group("escape"):
            in_block = not in_block
            continue
        if in_block:
            path = line.strip()
            if path and not path.startswith(";"):
                found.append((number, _strip_section(path)))
            continue
        inline = _INLINE.match(line)
        if inline and not inline.group("escape"):
            found.append((number, _strip_section(inline.group("snippet")[1:-1].strip())))
    return found


def _strip_section(path: str) -> str:
    if _URL.match(path):
        return path
    match = _SECTION.match(path)
    return match.group(1) if match else path


def snippet_refusal(root: Path, path: str) -> str | None:
    """Why the snippet `path` (relative to the project folder) may not be pulled in."""
    if _URL.match(path):
        return f"{path!r} is a URL; snippets come from the handbook's own files"
    target = root / path
    if resolves_outside(root, target) is not None:
        return f"{path!r} resolves outside the handbook; snippets come from its own files"
    parts = Path(os.path.relpath(os.path.realpath(target), os.path.realpath(root))).parts
    hidden = [part for part in parts if part.startswith(".") and part not in ALLOWED_HIDDEN]
    if hidden:
        return f"{path!r} is in hidden {hidden[0]!r}, which is not the handbook's text"
    return None


def check_snippets(
    text: str, file: str, root: Path, first_line: int = 1, _seen: frozenset[str] = frozenset()
) -> list[Problem]:
    """Every snippet line of `text` (line 1 = `first_line` of `file`): refused paths at the
    line, and the markup of what the others pull in at the snippet file's own lines."""
    problems: list[Problem] = []
    for line, path in snippet_paths(text):
        refusal = snippet_refusal(root, path)
        if refusal:
            problems.append(Problem(file, first_line + line - 1, refusal, KEY))
            continue
        target = root / path
        name = rel_link(target, root)
        if name in _seen or len(_seen) >= MAX_DEPTH or not target.is_file():
            continue  # a missing file fails the build by itself (check_paths)
        try:
            included = target.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(Problem(name, 0, f"cannot read snippet: {exc}", KEY))
            continue
        problems.extend(markup_problems(included, name, jinja=True))
        problems.extend(check_snippets(included, name, root, 1, _seen | {name}))
    return sorted(set(problems))
