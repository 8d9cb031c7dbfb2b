"""The engine's JSON Schemas: what every data file is validated against.

A data file names its schema in a first-lines comment (`$schema=schema/tools.schema.json`),
which editors follow to data/schema/, a copy the engine writes for them. Validation always uses
the engine's own schema of that name, so editing the copy can neither weaken nor break a check;
`handbook check` reports a copy that differs, and `handbook upgrade` rewrites it.
"""

from __future__ import annotations

import json
from pathlib import Path

from handbook.core.problems import Problem

SCHEMA_DIR = "data/schema"
_SUFFIX = ".schema.json"
_ENGINE = Path(__file__).parent.parent / "schemas"


def _files() -> dict[str, Path]:
    """Schema file name -> file: the engine's own, and those installed features bring."""
    from handbook.core.registry import registry

    found = {p.name: p for p in _ENGINE.glob(f"*{_SUFFIX}")}
    for feature in registry():
        for path in feature.schemas:
            found.setdefault(path.name, path)
    return found


def names() -> list[str]:
    """File names of the engine's schemas, e.g. tools.schema.json."""
    return sorted(_files())


def _file(name: str) -> Path:
    """The schema file called `name`: the engine's own first, without loading any feature."""
    own = _ENGINE / name
    if name.endswith(_SUFFIX) and "/" not in name and own.is_file():
        return own
    return _files()[name]


def text(name: str) -> str:
    return _file(name).read_text(encoding="utf-8")


def load(name: str) -> dict:
    """The engine's schema called `name`; KeyError for a name the engine does not have."""
    return json.loads(text(name))


def drift(root: Path) -> list[Problem]:
    """Editor copies in data/schema/ that are missing or differ from the engine's schemas."""
    folder = root / SCHEMA_DIR
    fix = "run `handbook upgrade` to rewrite it from the installed engine"
    problems = []
    for name in names():
        copy = folder / name
        where = f"{SCHEMA_DIR}/{name}"
        if not copy.is_file():
            message = f"missing (editors validate data with it); {fix}"
            problems.append(Problem(where, 0, message, severity="warning"))
        elif copy.read_text(encoding="utf-8") != text(name):
            message = f"differs from the engine's schema, which the build uses; {fix}"
            problems.append(Problem(where, 1, message, severity="warning"))
    return problems
