"""The files a handbook holds on the engine's behalf, and whether they match the installed engine.

Two kinds: hooks/<job>.py, one thin import per engine hook module, listed in mkdocs.yml; and
data/schema/*.schema.json, editor copies of the engine's schemas. `handbook upgrade` writes
what is missing or out of date; `handbook check` reports it with that fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from handbook.core import schemas
from handbook.core.problems import Problem
from handbook.core.registry import registry
from handbook.markdown_ext import TASKLIST_LABELS

# The engine's own hook modules (handbook/mkdocs/<job>.py), in the order mkdocs.yml lists them:
# paths first (plugin folders), data before the pages it checks, then each feature's hooks
# (from the registry), freshness last (it reads what every other hook recorded).
CORE_HOOKS_FIRST: dict[str, str] = {
    "paths": "Anchor plugin paths (mkdocs-macros' include_dir) on the project folder.",
    "theme": "The engine's theme partials and stylesheets, from the installed package.",
    "data": "Load and check data/ and front matter once per build; slot generated pages in.",
    "drafts": "Draft pages: a banner under `make serve`, left out of the published site.",
}
CORE_HOOKS_LAST: dict[str, str] = {
    "freshness": "Review notices, the freshness dashboard and freshness.json.",
    "serve": "Under `make serve`, a failed rebuild shows its errors on the page, not a hang.",
}


def hook_jobs() -> dict[str, str]:
    """Every engine hook a handbook lists, job -> what it does, in mkdocs.yml order."""
    jobs = dict(CORE_HOOKS_FIRST)
    for feature in registry():
        jobs.update(feature.hooks)
    jobs.update(CORE_HOOKS_LAST)
    return jobs


FIX = "run `handbook upgrade`"


def hook_path(job: str) -> str:
    return f"hooks/{job}.py"


def hook_text(job: str) -> str:
    """The whole of hooks/<job>.py: the engine's hook, imported."""
    return (
        f'"""{hook_jobs()[job]}\n\n'
        f"The engine's hook (handbook.mkdocs.{job}); upgrading the engine never needs an edit "
        'here.\n"""\n\n'
        f"from handbook.mkdocs.{job} import *  # noqa: F403\n"
    )


def _imports_engine_hook(text: str, job: str) -> bool:
    return re.search(rf"^from handbook\.mkdocs\.{job} import \*", text, re.MULTILINE) is not None


def listed_hooks(mkdocs_yml: str) -> list[str]:
    """The paths under `hooks:` in mkdocs.yml, in order."""
    block = re.search(r"^hooks:\n((?:[ \t]+-.*\n?|[ \t]*#.*\n|\s*\n)*)", mkdocs_yml, re.MULTILINE)
    if block is None:
        return []
    return re.findall(r"^[ \t]+-[ \t]*['\"]?([^'\"\s#]+)", block.group(1), re.MULTILINE)


UNREADABLE_CONFIG = "cannot be read as UTF-8 text; fix it first"


def needs_a_person(problem: Problem) -> bool:
    """Whether `problem`, left by `handbook upgrade`, means the upgrade is not done: a hook
    file of the team's own under an engine hook's name, or an unreadable mkdocs.yml. Lines
    to add or change in a readable mkdocs.yml are listed; the upgrade itself is done."""
    return problem.file != "mkdocs.yml" or problem.message == UNREADABLE_CONFIG


@dataclass(frozen=True)
class Write:
    path: str  # relative to the handbook root
    text: str
    why: str


def upgrade_writes(root: Path) -> tuple[list[Write], list[Problem]]:
    """What `handbook upgrade` would write, and what it must leave to a person."""
    writes: list[Write] = []
    manual: list[Problem] = []
    for job in hook_jobs():
        path = root / hook_path(job)
        if not path.exists():
            writes.append(Write(hook_path(job), hook_text(job), "missing"))
        elif not _imports_engine_hook(_text_of(path), job):
            message = (
                f"does not import the engine's hook (from handbook.mkdocs.{job} import *); "
                "it is left as it is: move your own code to a hook file of another name"
            )
            manual.append(Problem(hook_path(job), 1, message))
    for name in schemas.names():
        path = root / schemas.SCHEMA_DIR / name
        text = schemas.text(name)
        if not path.is_file() or _text_of(path) != text:
            why = "missing" if not path.exists() else "differs from the engine's"
            writes.append(Write(f"{schemas.SCHEMA_DIR}/{name}", text, why))
    config = root / "mkdocs.yml"
    if config.is_file() and not _text_of(config):
        manual.append(Problem("mkdocs.yml", 0, UNREADABLE_CONFIG))
    elif config.is_file():
        text = _text_of(config)
        listed = listed_hooks(text)
        previous = ""
        for job in hook_jobs():
            if hook_path(job) not in listed:
                where = f"after `  - {previous}`" if previous else "as the first entry"
                message = (
                    f"hooks: add `  - {hook_path(job)}` (the engine's {job} hook) under `hooks:` "
                    f"in mkdocs.yml, {where}"
                )
                manual.append(Problem("mkdocs.yml", 0, message))
            previous = hook_path(job)
        manual += config_problems(text)
    return writes, manual


def _text_of(path: Path) -> str:
    """A file's text; "" for one that is not a readable UTF-8 file (so it never matches)."""
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""


MACROS_MODULE = "handbook.mkdocs.macros"
# Where handbooks before 0.3.0 listed the engine's stylesheets (it now adds them itself).
_OLD_STYLESHEETS = tuple(
    f"assets/stylesheets/{path.name}"
    for path in sorted((Path(__file__).parent.parent / "assets" / "stylesheets").glob("*.css"))
    if path.name != "palette.css"  # new in 0.3.0: no handbook ever listed it
)


def config_problems(mkdocs_yml: str) -> list[Problem]:
    """mkdocs.yml settings an earlier engine needed that this one does not load, and the
    markdown extension it now names task-list checkboxes with."""
    problems = []
    for number, line in enumerate(mkdocs_yml.splitlines(), start=1):
        if re.match(r"\s*-\s*pymdownx\.tasklist\b", line) and TASKLIST_LABELS not in mkdocs_yml:
            message = (
                f"markdown_extensions: add `- {TASKLIST_LABELS}` after pymdownx.tasklist "
                "(it names each checkbox for screen readers; the build adds it until then)"
            )
            problems.append(Problem("mkdocs.yml", number, message))
        if re.match(r"\s*modules:", line) and "handbook" in line and MACROS_MODULE not in line:
            message = f"macros modules: use [{MACROS_MODULE}] (the engine's macros moved in 0.3.0)"
            problems.append(Problem("mkdocs.yml", number, message))
        for old in _OLD_STYLESHEETS:
            if old in line:
                message = f"extra_css: remove {old}; the engine adds its own stylesheets"
                problems.append(Problem("mkdocs.yml", number, message))
    return problems


def compatibility(root: Path) -> list[Problem]:
    """Engine files that do not match the installed engine, as warnings naming the fix."""
    writes, manual = upgrade_writes(root)
    found = [Problem(w.path, 0, f"{w.why}; {FIX}", severity="warning") for w in writes]
    found += [Problem(p.file, p.line, p.message, severity="warning") for p in manual]
    return found
