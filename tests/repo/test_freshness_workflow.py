"""The reminder step of freshness.yml, run for real with bash against a recording `gh` stand-in.

GitHub's API is not reachable from tests, so `gh` is replaced by a script that records each call
and answers `gh issue list` from a fixture. `handbook freshness` is replaced the same way, with
its documented contract: markdown digest on stdout, exit 1 when pages are due, 0 when none are.
"""

from __future__ import annotations

import json
import os
import shutil
import site
import subprocess
import sys
from pathlib import Path

import yaml

import handbook
from tests.helpers import FIXTURE, ROOT, workflow_step

WORKFLOW = ROOT / ".github" / "workflows" / "freshness.yml"
# Where the step's `.venv/bin/python` imports the engine from.
ENGINE = Path(handbook.__file__).resolve().parent.parent

GH = """\
#!{python}
import json, os, re, sys
with open(os.environ["GH_LOG"], "a") as log:
    log.write(json.dumps(sys.argv[1:]) + "\\n")
if sys.argv[1:3] == ["issue", "list"]:
    title = re.search(r'select\\(\\.title == "(.*)"\\)', " ".join(sys.argv)).group(1)
    number = json.loads(os.environ["GH_OPEN"]).get(title)
    if number:
        print(number)
"""

HANDBOOK = """\
#!/usr/bin/env bash
# Stand-in for `handbook freshness --format markdown --owner ID --fail-on due`.
while [ $# -gt 0 ]; do [ "$1" = --owner ] && owner="$2"; shift; done
case "$owner" in
  product-ops) echo "- [Bug triage](docs/guidelines/bug-triage.md): stale"; exit 1;;
  engineering) echo "- [Release notes](docs/releases/index.md): due 2026-11-30"; exit 1;;
  broken) echo "handbook: cannot read data" >&2; exit 2;;
  *) exit 0;;
esac
"""


def _step_script() -> str:
    return workflow_step(WORKFLOW, "remind", "Open, update or close")["run"]


def _run(tmp_path, open_issues: dict[str, int], owners: list[str]):
    project = tmp_path / "project"
    bin_dir = project / ".venv" / "bin"
    bin_dir.mkdir(parents=True)
    shutil.copytree(FIXTURE / "data", project / "data")
    # A script, not a symlink: a link to a venv's python placed outside that venv starts the
    # base interpreter (pyvenv.cfg is looked for beside the link), without the venv's packages.
    (bin_dir / "python").write_text(f'#!/bin/sh\nexec "{sys.executable}" "$@"\n')
    (bin_dir / "handbook").write_text(HANDBOOK)
    stubs = tmp_path / "stubs"
    stubs.mkdir()
    (stubs / "gh").write_text(GH.format(python=sys.executable))
    for path in (bin_dir / "python", bin_dir / "handbook", stubs / "gh"):
        path.chmod(0o755)
    # Keep only the owners under test, so the recorded calls stay readable.
    data = project / "data" / "owners.yml"
    doc = yaml.safe_load(data.read_text(encoding="utf-8"))
    doc["owners"] = [o for o in doc["owners"] if o["id"] in owners]
    for extra in set(owners) - {o["id"] for o in doc["owners"]}:
        doc["owners"].append({"id": extra, "name": extra, "kind": "team", "review_handle": ""})
    data.write_text(yaml.safe_dump(doc), encoding="utf-8")
    log = tmp_path / "gh.log"
    log.touch()
    env = dict(
        os.environ,
        PATH=f"{stubs}:{os.environ['PATH']}",
        GH_LOG=str(log),
        GH_OPEN=json.dumps(open_issues),
        LABEL="handbook-review",
        ONLY_OWNER="",
        # The engine and the packages it imports: the step's python is a bare interpreter.
        PYTHONPATH=os.pathsep.join([str(ENGINE), *site.getsitepackages()]),
    )
    result = subprocess.run(
        ["bash", "-c", _step_script()],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    calls = [json.loads(line) for line in log.read_text().splitlines()]
    body = project / "body.md"
    return result, calls, body.read_text() if body.exists() else ""


def test_opens_updates_and_closes_one_issue_per_owner(tmp_path):
    open_issues = {
        "Handbook pages to review: engineering": 41,
        "Handbook pages to review: design": 42,
    }
    owners = ["product-ops", "design", "engineering"]
    result, calls, body = _run(tmp_path, open_issues, owners)
    assert result.returncode == 0, result.stdout + result.stderr
    actions = [c[:3] for c in calls if c[0] == "issue" and c[1] != "list"]
    assert ["issue", "create", "--title"] in actions  # product-ops: nothing open yet
    create = next(c for c in calls if c[:2] == ["issue", "create"])
    assert "Handbook pages to review: product-ops" in create
    assert "handbook-review" in create
    assert ["issue", "close", "42"] in actions  # design: all fresh again
    assert ["issue", "edit", "41"] in actions  # engineering: updated in place
    assert len(actions) == 3
    assert calls[0][:2] == ["label", "create"]
    # The last body written is engineering's: handle, digest and how to review.
    assert "@example-co/engineering" in body and "docs/releases/index.md" in body
    assert "handbook review PATH" in body


def test_a_failing_freshness_command_fails_the_step(tmp_path):
    # Negative control: exit codes other than 0 and 1 stop the run instead of posting.
    result, calls, _ = _run(tmp_path, {}, ["broken"])
    assert result.returncode == 2
    assert "handbook freshness failed for broken (exit 2)" in result.stderr
    assert not [c for c in calls if c[:2] in (["issue", "create"], ["issue", "edit"])]
