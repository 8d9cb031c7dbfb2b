"""Files that reach pages without being pages: docs/.includes/ (the glossary the snippets
extension appends to every page, and what macro pages `{% include %}`) and every file the
snippets extension's `auto_append` names. Their markup is held to the page policy, at their
own file:line, by `handbook check` and by the build. Pure: no MkDocs import.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from handbook.core.outside import resolves_outside
from handbook.core.paths import rel
from handbook.core.problems import Problem
from handbook.pages.markup import markup_problems
from handbook.pages.snippets import check_snippets

INCLUDES = ".includes"


def include_files(root: Path, docs: Path, auto_append: Iterable[str] = ()) -> list[Path]:
    """docs/.includes/**, then each auto_append file (relative to the project), once each."""
    found = [
        p
        for p in sorted((docs / INCLUDES).rglob("*"))
        if p.is_file() and not (p.is_symlink() and resolves_outside(root, p))
    ]
    for name in auto_append:
        path = root / name
        if path.is_file() and path not in found and not resolves_outside(root, path):
            found.append(path)
    return found


def check_includes(root: Path, docs: Path, auto_append: Iterable[str] = ()) -> list[Problem]:
    problems: list[Problem] = []
    for path in include_files(root, docs, auto_append):
        name = rel(path, root)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(Problem(name, 0, f"cannot read file: {exc}"))
            continue
        # Macro pages include these with Jinja, so `{{ ... }}` in them is not an attr_list.
        problems.extend(markup_problems(text, name, jinja=True))
        problems.extend(check_snippets(text, name, root))
    return problems
