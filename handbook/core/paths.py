"""Where things live, anchored on the project root (the folder holding mkdocs.yml)."""

from __future__ import annotations

from pathlib import Path


class ProjectNotFound(Exception):
    pass


def find_root(start: Path | None = None) -> Path:
    """The nearest folder at or above `start` that holds mkdocs.yml."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "mkdocs.yml").is_file():
            return folder
    raise ProjectNotFound(f"no mkdocs.yml found in {here} or any folder above it")


def data_dir(root: Path) -> Path:
    return root / "data"


def docs_dir(root: Path) -> Path:
    """The pages folder: mkdocs.yml's docs_dir (default docs), as the build uses it."""
    from handbook.core.site_settings import read_site_settings

    config = root / "mkdocs.yml"
    if not config.is_file():
        return root / "docs"
    return (root / read_site_settings(root).docs_dir).resolve()


def templates_dir(root: Path) -> Path:
    return root / "templates"


def rel(path: Path, root: Path) -> str:
    """`path` relative to `root` in POSIX form, for messages."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
