""".pre-commit-hooks.yaml: the hooks other repositories use (`repo:` this repository, a tag).

Its shape is checked against pre-commit's manifest keys, each hook's command against the CLI
(the console script in pyproject.toml, the subcommand in `python -m handbook --help`, each
option in the subcommand's help), and each hook is run the way pre-commit runs it (entry, no
file names) on a new handbook, passing, and on a broken one, failing.
"""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

from tests.helpers import FIXED_TODAY, ROOT, handbook_cli

MANIFEST = ROOT / ".pre-commit-hooks.yaml"
HOOK_IDS = {
    "handbook-check": "handbook check",
    "handbook-codeowners": "handbook codeowners --check",
}
REQUIRED = {"id", "name", "entry", "language"}
# Every key pre-commit accepts in a hook of a manifest (pre-commit's MANIFEST_HOOK_DICT).
ALLOWED = REQUIRED | {
    "alias",
    "files",
    "exclude",
    "types",
    "types_or",
    "exclude_types",
    "additional_dependencies",
    "args",
    "always_run",
    "fail_fast",
    "pass_filenames",
    "description",
    "language_version",
    "log_file",
    "minimum_pre_commit_version",
    "require_serial",
    "stages",
    "verbose",
}


def manifest() -> list[dict]:
    return yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))


def hooks() -> dict[str, dict]:
    return {hook["id"]: hook for hook in manifest()}


def shape_problems(entries: object) -> list[str]:
    """What makes a manifest unusable for these hooks: not a list, keys pre-commit does not
    know or needs, a language that would not install the engine, file names passed to a
    command that reads the whole handbook."""
    if not isinstance(entries, list):
        return ["the manifest is a list of hooks"]
    problems = []
    for hook in entries:
        name = hook.get("id", "?")
        problems += [f"{name}: unknown key {k}" for k in sorted(set(hook) - ALLOWED)]
        problems += [f"{name}: missing {k}" for k in sorted(REQUIRED - set(hook))]
        if hook.get("language") != "python":
            problems.append(f"{name}: language must be python (installs the engine)")
        if hook.get("pass_filenames") is not False:
            problems.append(f"{name}: pass_filenames must be false")
    return problems


def help_text(*args: str) -> str:
    result = handbook_cli(*args, "--help")
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_manifest_holds_the_two_hooks_in_a_shape_pre_commit_accepts():
    assert shape_problems(manifest()) == []
    assert {hook_id: hook["entry"] for hook_id, hook in hooks().items()} == HOOK_IDS


def test_shape_problems_are_found():
    # Negative control: each kind of mistake is named.
    bad = [
        {"id": "a", "name": "a", "entry": "handbook check", "language": "system"},
        {"id": "b", "entry": "handbook check", "language": "python", "pass_filenames": False},
        {"id": "c", "name": "c", "entry": "x", "language": "python", "pass_filename": False},
    ]
    assert shape_problems(bad) == [
        "a: language must be python (installs the engine)",
        "a: pass_filenames must be false",
        "b: missing name",
        "c: unknown key pass_filename",
        "c: pass_filenames must be false",
    ]
    assert shape_problems({"id": "x"}) == ["the manifest is a list of hooks"]


@pytest.mark.parametrize("hook_id", sorted(HOOK_IDS))
def test_each_entry_is_a_command_of_the_installed_cli(hook_id):
    command, subcommand, *options = shlex.split(hooks()[hook_id]["entry"])
    # The console script pre-commit finds in its environment after installing this package.
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "scripts"
    ]
    assert scripts[command] == "handbook.cli:main"
    listed = re.findall(r"^ {4}(\w+)", help_text(), re.M)
    assert subcommand in listed, listed
    for option in options:
        assert option in help_text(subcommand), option


def test_the_cli_help_lists_no_command_that_is_not_there():
    # Negative control for the check above: the help lists the commands, not every word.
    listed = re.findall(r"^ {4}(\w+)", help_text(), re.M)
    assert {"check", "codeowners", "init", "upgrade"} <= set(listed)
    assert "lint" not in listed and "usage" not in listed


@pytest.mark.parametrize(
    ("hook_id", "path", "runs"),
    [
        ("handbook-check", "docs/guidelines/x.md", True),
        ("handbook-check", "data/owners.yml", True),
        ("handbook-check", "mkdocs.yml", True),
        ("handbook-check", "handbook/docs/index.md", True),
        ("handbook-check", "README.md", False),
        ("handbook-check", "hooks/data.py", False),
        ("handbook-codeowners", ".github/CODEOWNERS", True),
        ("handbook-codeowners", "templates/prd.md", True),
        ("handbook-codeowners", "data/tools.yml", False),
    ],
)
def test_hooks_run_for_the_handbooks_files_only(hook_id, path, runs):
    assert bool(re.search(hooks()[hook_id]["files"], path)) is runs


# ---------------------------------------------------------------------------------------------
# The hooks run as pre-commit runs them: the entry, from the repository root, no file names
# ---------------------------------------------------------------------------------------------


def run_hook(hook_id: str, project: Path) -> subprocess.CompletedProcess:
    command, *args = shlex.split(hooks()[hook_id]["entry"])
    assert command == "handbook"
    return subprocess.run(
        [sys.executable, "-m", "handbook", *args, "--today", FIXED_TODAY],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def project(tmp_path) -> Path:
    target = tmp_path / "acme"
    result = handbook_cli("init", str(target), "--today", FIXED_TODAY)
    assert result.returncode == 0, result.stderr
    return target


@pytest.mark.parametrize("hook_id", sorted(HOOK_IDS))
def test_each_hook_passes_on_a_new_handbook(hook_id, project):
    result = run_hook(hook_id, project)
    assert result.returncode == 0, result.stdout + result.stderr


def test_handbook_check_hook_fails_on_a_page_with_an_unknown_owner(project):
    (project / "docs" / "guidelines" / "x.md").write_text("---\nowner: nobody\n---\n# X\n")
    result = run_hook("handbook-check", project)
    assert result.returncode == 1
    assert "docs/guidelines/x.md:2: owner 'nobody' is not in data/owners.yml" in result.stderr


def test_handbook_codeowners_hook_fails_when_codeowners_is_out_of_date(project):
    codeowners = project / ".github" / "CODEOWNERS"
    codeowners.write_text(codeowners.read_text().replace("@your-org/product-ops", "@someone"))
    result = run_hook("handbook-codeowners", project)
    assert result.returncode == 1, result.stdout + result.stderr
