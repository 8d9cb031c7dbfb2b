"""The pre-commit configuration runs the project's own tools, and they pass on the repository."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess

import pytest
import yaml

from handbook.cli import build_parser
from tests.helpers import FIXED_TODAY, FIXTURE, ROOT

CONFIG = ROOT / ".pre-commit-config.yaml"


def hooks() -> dict[str, dict]:
    config = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))
    return {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}


def has_subcommand(name: str) -> bool:
    sub = next(a for a in build_parser()._actions if a.dest == "command")
    return name in sub.choices


def test_hooks_cover_ruff_handbook_check_and_codeowners():
    entries = {hook_id: hook["entry"] for hook_id, hook in hooks().items()}
    assert entries["ruff-check"].startswith(".venv/bin/ruff check")
    assert entries["ruff-format"] == ".venv/bin/ruff format"
    assert entries["handbook-check"] == ".venv/bin/handbook check"
    assert entries["handbook-codeowners"] == ".venv/bin/handbook codeowners --check"
    for hook in hooks().values():
        assert hook["language"] == "system"
        assert (ROOT / shlex.split(hook["entry"])[0]).is_file(), hook["entry"]


@pytest.mark.parametrize("hook_id", ["handbook-check", "handbook-codeowners"])
def test_repository_level_hooks_pass_on_the_repository(hook_id):
    argv = shlex.split(hooks()[hook_id]["entry"])
    # A hook naming a subcommand that does not exist would break every commit: fail, not skip.
    assert has_subcommand(argv[1]), argv
    # Pinned day, like every other test: the real data's dates must not make CI fail tomorrow.
    env = dict(os.environ, HANDBOOK_TODAY=FIXED_TODAY)
    result = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, timeout=120, env=env)
    assert result.returncode == 0, result.stdout + result.stderr


def test_handbook_check_hook_fails_on_a_broken_page(tmp_path):
    # Negative control: the hook's command exits non-zero on a page with an unknown owner.
    project = tmp_path / "project"
    (project / "docs").mkdir(parents=True)
    (project / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    shutil.copytree(FIXTURE / "data", project / "data")
    (project / "docs" / "index.md").write_text("---\nowner: nobody\n---\n# X\n", encoding="utf-8")
    argv = shlex.split(hooks()["handbook-check"]["entry"])
    result = subprocess.run(
        [*argv, "--root", str(project)], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 1
    assert "docs/index.md:2: owner 'nobody' is not in data/owners.yml" in result.stderr
