"""The pre-commit configuration runs the project's own tools (and a broken page fails them)."""

from __future__ import annotations

import shlex
import shutil
import subprocess

import yaml

from handbook.cli import build_parser
from tests.helpers import FIXTURE, ROOT

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
