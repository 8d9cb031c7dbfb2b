"""Files that resolve outside the handbook, which nothing may read or publish.

A pull request can add a symbolic link; the build follows it and publishes what it points at
(/proc/self/environ holds the build's environment, secrets included). Every symbolic link in
the folders the build reads is refused unless it resolves inside the handbook, and the loaders
skip a file that resolves outside rather than read it. Pure apart from reading the file tree.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from handbook.core.paths import rel
from handbook.core.problems import Problem


def resolves_outside(root: Path, path: Path) -> Path | None:
    """Where `path` really leads, when that is outside `root` (symlinks followed); else None."""
    real = Path(os.path.realpath(path))
    return None if real.is_relative_to(Path(os.path.realpath(root))) else real


def links_leaving(root: Path, folders: Iterable[Path]) -> list[Problem]:
    """Every symbolic link in `folders` (and each folder itself) that resolves outside `root`,
    walked without following links, so a link to / is one problem, not a walk of the disk."""
    problems: list[Problem] = []
    for folder in folders:
        if not folder.exists() and not folder.is_symlink():
            continue
        for path in [folder, *_walk(folder)]:
            if path.is_symlink() and resolves_outside(root, path) is not None:
                message = (
                    f"is a symbolic link to {os.readlink(path)}, outside the handbook; the build "
                    "would publish what it points at: copy the file in instead"
                )
                problems.append(Problem(rel_link(path, root), 0, message))
    return sorted(set(problems))


def rel_link(path: Path, root: Path) -> str:
    """`path` relative to `root` without resolving `path` itself (it may be a link)."""
    try:
        return Path(os.path.abspath(path)).relative_to(os.path.abspath(root)).as_posix()
    except ValueError:
        return rel(path, root)


def _walk(folder: Path) -> list[Path]:
    if folder.is_symlink() or not folder.is_dir():
        return []
    found: list[Path] = []
    for base, dirs, files in os.walk(folder, followlinks=False):
        found += [Path(base, name) for name in [*dirs, *files]]
    return found
