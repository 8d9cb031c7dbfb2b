"""Writing an export: into a new or empty folder only, and nowhere outside it."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path, PurePosixPath


class TargetError(ValueError):
    """The folder cannot take an export; the message says why."""


def check_target(target: Path, docs: Path) -> None:
    """Refuse a folder that holds anything (never overwrite a person's files) or that sits in
    the handbook's docs folder (its files would become pages of the handbook)."""
    if target.exists() and not target.is_dir():
        raise TargetError(f"{target} is a file; export writes into a new or empty folder")
    if target.is_dir() and any(target.iterdir()):
        raise TargetError(f"{target} is not empty; export writes into a new or empty folder")
    real = Path(os.path.realpath(target))
    if real.is_relative_to(Path(os.path.realpath(docs))):
        raise TargetError(f"{target} is inside the docs folder {docs}; export elsewhere")


def write_files(target: Path, files: Mapping[str, bytes]) -> None:
    """Write each file at its relative path under `target`, which must be new or empty."""
    for name in files:
        parts = PurePosixPath(name)
        if parts.is_absolute() or ".." in parts.parts or not parts.parts:
            raise TargetError(f"{name}: not a path inside the export")
    target.mkdir(parents=True, exist_ok=True)
    root = Path(os.path.realpath(target))
    for name, data in files.items():
        path = Path(root, name)
        path.parent.mkdir(parents=True, exist_ok=True)
        if not Path(os.path.realpath(path.parent)).is_relative_to(root):
            raise TargetError(f"{name}: its folder leads outside {target}")
        with open(path, "xb") as handle:  # never replaces a file
            handle.write(data)
