"""The chat steps of freshness.yml and release-notes.yml, run for real with bash: the real
`handbook notify` against a recording webhook on 127.0.0.1, in a project made in the test
(a git repository of release data for release-notes.yml)."""

from __future__ import annotations

import os
import posixpath
import subprocess
import sys
from pathlib import Path

import yaml

from tests.freshness_fixture import make_freshness_project
from tests.helpers import ROOT, workflow_step
from tests.release_fixtures import release_history
from tests.webhook import webhook

WORKFLOWS = ROOT / ".github" / "workflows"
FRESHNESS = WORKFLOWS / "freshness.yml"
RELEASE_NOTES = WORKFLOWS / "release-notes.yml"
SECRET = "secrets.CHAT_WEBHOOK_URL"


def _with_handbook(project: Path) -> Path:
    """`.venv/bin/handbook`, as `make install` leaves it, running this engine."""
    bin_dir = project / ".venv" / "bin"
    bin_dir.mkdir(parents=True, exist_ok=True)
    command = bin_dir / "handbook"
    command.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m handbook "$@"\n')
    command.chmod(0o755)
    return project


def _run_step(script: str, cwd: Path, **env: str) -> subprocess.CompletedProcess:
    environment = dict(os.environ, HANDBOOK_TODAY="2026-11-21", **env)
    return subprocess.run(
        ["bash", "-c", script], cwd=cwd, env=environment, capture_output=True, text=True, timeout=60
    )


# ---------------------------------------------------------------------------------------------
# Where the secret goes
# ---------------------------------------------------------------------------------------------


def secret_places(path: Path, secret: str = SECRET) -> list[str]:
    """Where a workflow hands `secret` over: the workflow's or a job's env (every step, the
    installs included, would see it), or a named step."""
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    found = ["workflow env"] if secret in str(workflow.get("env", "")) else []
    for name, job in workflow["jobs"].items():
        if secret in str(job.get("env", "")):
            found.append(f"job {name} env")
        found += [f"step {s.get('name', s.get('uses'))}" for s in job["steps"] if secret in str(s)]
    return found


def test_the_webhook_secret_reaches_only_the_steps_that_post():
    assert secret_places(FRESHNESS) == ["step Post each owner's digest to chat"]
    assert secret_places(RELEASE_NOTES) == [
        "step Is there a webhook to post to?",
        "step Post each newly released release",
    ]


def test_the_secret_check_finds_a_secret_every_step_sees(tmp_path):
    # Negative control: in a job's env, the install step gets the secret too.
    leaky = tmp_path / "leaky.yml"
    leaky.write_text(
        "on: push\njobs:\n  post:\n    runs-on: ubuntu-latest\n    env:\n"
        "      URL: ${{ secrets.CHAT_WEBHOOK_URL }}\n    steps:\n      - run: make install\n",
        encoding="utf-8",
    )
    assert secret_places(leaky) == ["job post env"]


def test_release_notes_run_on_pushes_to_main_that_change_release_data():
    workflow = yaml.safe_load(RELEASE_NOTES.read_text(encoding="utf-8"))
    push = workflow[True]["push"]  # YAML 1.1 reads the key `on` as true
    assert push == {"branches": ["main"], "paths": ["data/releases/**"]}
    assert workflow["permissions"] == {"contents": "read"}
    steps = workflow["jobs"]["announce"]["steps"]
    caches = [s for s in steps if s.get("uses", "").startswith("actions/cache/")]
    # What was posted is restored before posting and saved after it, even after a failure.
    assert [s["uses"].split("@")[0] for s in caches] == [
        "actions/cache/restore",
        "actions/cache/save",
    ]
    assert caches[0]["with"]["key"] == caches[1]["with"]["key"]
    assert caches[1]["if"].startswith("always()")
    # The folder of the record of what was posted and of the last commit announced.
    job_env = workflow["jobs"]["announce"]["env"]
    record = posixpath.dirname(job_env["RECORD"])
    assert record == posixpath.dirname(job_env["LAST"])
    assert caches[0]["with"]["path"] == caches[1]["with"]["path"] == record


# ---------------------------------------------------------------------------------------------
# freshness.yml: each owner's digest
# ---------------------------------------------------------------------------------------------


def test_the_freshness_digest_step_posts_for_the_owner_asked_for(tmp_path):
    project = _with_handbook(make_freshness_project(tmp_path))
    script = workflow_step(FRESHNESS, "remind", "Post each owner's digest")["run"]
    with webhook() as hook:
        posted = _run_step(script, project, CHAT_WEBHOOK_URL=hook.url, ONLY_OWNER="design")
        unset = _run_step(script, project, CHAT_WEBHOOK_URL="", ONLY_OWNER="")
    assert posted.returncode == 0, posted.stdout + posted.stderr
    [request] = hook.received  # design's digest only; nothing from the run without a secret
    assert request.json()["text"] == "Handbook pages to review for Product Design: 1 never reviewed"
    # Control: without the secret the step posts nothing, says so, and succeeds.
    assert unset.returncode == 0, unset.stderr
    assert "The CHAT_WEBHOOK_URL secret is not set: no chat messages" in unset.stdout


# ---------------------------------------------------------------------------------------------
# release-notes.yml: newly released releases
# ---------------------------------------------------------------------------------------------


def test_the_webhook_check_step_reports_whether_the_secret_is_set(tmp_path):
    script = workflow_step(RELEASE_NOTES, "announce", "Is there a webhook")["run"]
    outputs = []
    for value in ("", "https://hooks.example.com/x"):
        output = tmp_path / f"output-{len(outputs)}"
        result = _run_step(script, tmp_path, CHAT_WEBHOOK_URL=value, GITHUB_OUTPUT=str(output))
        assert result.returncode == 0, result.stderr
        outputs.append(output.read_text())
    assert outputs == ["set=false\n", "set=true\n"]


def test_the_release_step_posts_each_new_release_once_across_reruns_and_force_pushes(tmp_path):
    root, commits = release_history(tmp_path)
    _with_handbook(root)
    script = workflow_step(RELEASE_NOTES, "announce", "Post each newly released")["run"]
    record = root / ".notify" / "posted.txt"
    env = {"RECORD": ".notify/posted.txt", "LAST": ".notify/last", "GITHUB_EVENT_NAME": "push"}
    with webhook() as hook:
        env["CHAT_WEBHOOK_URL"] = hook.url
        push = _run_step(script, root, SINCE=commits["planned"], **env)
        rerun = _run_step(script, root, SINCE=commits["planned"], **env)
        # A force push: the old tip is not in the clone; the step compares with HEAD^.
        gone = "1111111111111111111111111111111111111111"
        forced = _run_step(script, root, SINCE=gone, **env)
        record.unlink()
        forced_fresh = _run_step(script, root, SINCE=gone, **env)
        new_branch = _run_step(script, root, SINCE="0" * 40, **env)
    for result in (push, rerun, forced, forced_fresh, new_branch):
        assert result.returncode == 0, result.stdout + result.stderr
    assert push.stdout == "posted: release 1.3.0\n"
    assert "release 1.3.0: already posted" in rerun.stderr and rerun.stdout == ""
    assert f"::warning::{gone} is not in this clone (a force push?): comparing with " in (
        forced.stdout
    )
    assert "release 1.3.0: already posted" in forced.stderr
    # Control: without the record of the first run, the force push would post it again.
    assert forced_fresh.stdout.endswith("posted: release 1.3.0\n")
    assert "names no commit (a new branch)" in new_branch.stderr
    assert [r.json()["text"] for r in hook.received] == [
        "Widget 1.3.0 released: Capacity &lt;!channel&gt;"
    ] * 2


def test_a_revision_typed_by_hand_that_names_no_commit_fails_the_release_step(tmp_path):
    root, _commits = release_history(tmp_path)
    _with_handbook(root)
    script = workflow_step(RELEASE_NOTES, "announce", "Post each newly released")["run"]
    env = {"RECORD": ".notify/posted.txt", "LAST": ".notify/last", "SINCE": "v1.3.0-typo"}
    with webhook() as hook:
        typed = _run_step(
            script, root, GITHUB_EVENT_NAME="workflow_dispatch", **env, CHAT_WEBHOOK_URL=hook.url
        )
        # Control: on a push the same unknown revision is taken for a force push.
        pushed = _run_step(script, root, GITHUB_EVENT_NAME="push", **env, CHAT_WEBHOOK_URL=hook.url)
    assert typed.returncode == 2, typed.stdout + typed.stderr
    assert "v1.3.0-typo" in typed.stderr and "::warning::" not in typed.stdout
    assert pushed.returncode == 0 and "::warning::v1.3.0-typo is not in this clone" in pushed.stdout
    assert [r.json()["text"] for r in hook.received] == [
        "Widget 1.3.0 released: Capacity &lt;!channel&gt;"
    ]


def test_a_push_after_one_never_announced_starts_from_the_last_commit_announced(tmp_path):
    root, commits = release_history(tmp_path)
    _with_handbook(root)
    script = workflow_step(RELEASE_NOTES, "announce", "Post each newly released")["run"]
    last = root / ".notify" / "last-announced"
    env = {"RECORD": ".notify/posted.txt", "LAST": ".notify/last-announced"}
    env["GITHUB_EVENT_NAME"] = "push"
    last.parent.mkdir()
    with webhook() as hook:
        # Announced up to "empty"; the run for the push that released 1.2.0 was replaced.
        last.write_text(commits["empty"] + "\n")
        env["CHAT_WEBHOOK_URL"] = hook.url
        caught_up = _run_step(script, root, SINCE=commits["planned"], **env)
        # Control: with no record of the last commit, only this push's own range is read.
        (root / ".notify" / "posted.txt").unlink()
        last.unlink()
        own = _run_step(script, root, SINCE=commits["planned"], **env)
    assert caught_up.returncode == 0 and own.returncode == 0, caught_up.stderr + own.stderr
    assert caught_up.stdout == "posted: release 1.2.0\nposted: release 1.3.0\n"
    assert own.stdout == "posted: release 1.3.0\n"
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True)
    assert last.read_text().strip() == head.stdout.strip()
