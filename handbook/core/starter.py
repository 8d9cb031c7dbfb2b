"""What `handbook init` writes: a starter handbook, or the full example one, as path -> bytes.

Both share the files that connect a handbook to the engine: hooks/ (one import per engine
hook), data/schema/ (editor copies), requirements.txt pinning this engine, the Makefile, CI and
pre-commit. The starter's content lives in handbook/starter/; the example's is this project's
own docs/, templates/, data/ and mkdocs.yml, shipped in the wheel as handbook/example/.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from handbook import DISTRIBUTION
from handbook.core import schemas
from handbook.core.engine_files import hook_jobs, hook_path, hook_text
from handbook.core.text import md_text

PACKAGE = Path(__file__).resolve().parent.parent
STARTER = PACKAGE / "starter"
PINS = PACKAGE / "pins.txt"
# The example handbook's content, copied into the wheel at build time (see setup.py).
EXAMPLE_CONTENT = ("mkdocs.yml", "docs", "templates", "data")
# Starter files that connect any handbook to the engine, whatever its content.
SHARED = (
    "Makefile",
    "README.md",
    "dot-gitignore",
    "dot-pre-commit-config.yaml",
    "dot-github",
    "scripts",
    "tests",
)
# Stored as dot-NAME: dotfiles are easy to lose in a package's data files.
_DOT = "dot-"


class InitError(ValueError):
    """A handbook cannot be made here (the message says why)."""


def example_root() -> Path:
    """Where the example handbook's content is: in the wheel, or this project's checkout."""
    packaged = PACKAGE / "example"
    if (packaged / "mkdocs.yml").is_file():
        return packaged
    checkout = PACKAGE.parent
    if all((checkout / name).exists() for name in EXAMPLE_CONTENT):
        return checkout
    raise InitError("this engine was installed without its example handbook; reinstall it")


def _target(relative: Path) -> str:
    parts = [("." + p[len(_DOT) :]) if p.startswith(_DOT) else p for p in relative.parts]
    return "/".join(parts)


def _tree(base: Path, names: tuple[str, ...] | None = None) -> dict[str, bytes]:
    """Every file under `base` (or under the given top-level names), by target path."""
    files: dict[str, bytes] = {}
    tops = [base / name for name in names] if names else [base]
    for top in tops:
        paths = [top] if top.is_file() else sorted(p for p in top.rglob("*") if p.is_file())
        for path in paths:
            if "__pycache__" in path.parts:
                continue
            files[_target(path.relative_to(base))] = path.read_bytes()
    return files


def _fill(data: bytes, values: dict[str, str]) -> bytes:
    text = data.decode("utf-8")
    for key, value in values.items():
        text = text.replace(key, value)
    return text.encode("utf-8")


def engine_requirement(version: str, source: str | None = None) -> str:
    """The requirements line that installs this engine: the published release by default, or
    `source`: a git URL pinned to a tag (git+https://...@vX.Y.Z) or a wheel file."""
    if source is None:
        return f"{DISTRIBUTION}=={version}"
    if source.startswith("git+"):
        scheme_and_path = source.split("://", 1)[-1]
        if "@" not in scheme_and_path.rsplit("/", 1)[-1]:
            raise InitError(
                f"--engine {source}: pin a tag, e.g. {source}@v{version}, so every machine "
                "installs the same engine"
            )
        return f"{DISTRIBUTION} @ {source}"
    path = Path(source).expanduser()
    if path.suffix == ".whl":
        if not path.is_file():
            raise InitError(f"--engine {source}: no such wheel file")
        return f"{DISTRIBUTION} @ {path.resolve().as_uri()}"
    raise InitError(
        f"--engine {source}: give a git URL pinned to a tag (git+https://host/repo@vX.Y.Z) "
        "or a .whl file"
    )


def requirements(version: str, engine: str | None = None) -> str:
    pins = PINS.read_text(encoding="utf-8")
    return (
        "# The handbook engine, pinned; `make upgrade` after changing it. Its dependencies are\n"
        "# pinned below so every machine builds the same site.\n"
        f"{engine_requirement(version, engine)}\n{pins}"
    )


def engine_files(version: str, engine: str | None = None) -> dict[str, bytes]:
    files = {hook_path(job): hook_text(job).encode("utf-8") for job in hook_jobs()}
    for name in schemas.names():
        files[f"{schemas.SCHEMA_DIR}/{name}"] = schemas.text(name).encode("utf-8")
    files["requirements.txt"] = requirements(version, engine).encode("utf-8")
    return files


# A handbook's name: one line of text, of a length a header can show.
MAX_NAME = 80
_NOT_TEXT = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def check_name(name: str) -> str:
    """`name` stripped, or InitError saying why it cannot name a site."""
    name = name.strip()
    if not name:
        raise InitError("--name is empty; give the site a name")
    found = _NOT_TEXT.search(name)
    if found:
        raise InitError(
            f"--name holds U+{ord(found.group()):04X}, which is not text (a control character, "
            "or bytes that are not UTF-8); give it as plain text"
        )
    if len(name) > MAX_NAME:
        raise InitError(f"--name is {len(name)} characters long; at most {MAX_NAME} fit a header")
    return name


def handbook_files(
    name: str, today: dt.date, version: str, example: bool, engine: str | None = None
) -> dict[str, bytes]:
    """Every file of a new handbook, by path relative to its folder."""
    name = check_name(name)
    values = {
        # A YAML double-quoted scalar (JSON's string syntax is one) that keeps characters as
        # they are: YAML reads an escaped emoji's two halves as two broken characters.
        "__HANDBOOK_NAME_YAML__": json.dumps(name, ensure_ascii=False),
        "__HANDBOOK_NAME__": md_text(name),
        "__TODAY__": today.isoformat(),
        "__HOOKS__": "\n".join(f"  - {hook_path(job)}" for job in hook_jobs()) + "\n",
    }
    files = {path: _fill(data, values) for path, data in _tree(STARTER, SHARED).items()}
    if example:
        content = _tree(example_root(), EXAMPLE_CONTENT)
        files.update({p: d for p, d in content.items() if not p.startswith("data/schema/")})
    else:
        starter = _tree(STARTER)
        for path, data in starter.items():
            files.setdefault(path, _fill(data, values))
    files.update(engine_files(version, engine))
    return dict(sorted(files.items()))
