"""What a handbook made by `handbook init` needs to publish and stay current.

The starter's deploy workflow (and this repository's) rebuilds every day, so review notices
change on the published site without a commit; the starter's edit links work once repo_url is
set; and its `make upgrade` succeeds when it has written the engine's files, even when it
leaves mkdocs.yml changes to a person, and fails when a file could not be written.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.helpers import FIXED_TODAY, ROOT, build, handbook_cli

STARTER_WORKFLOWS = ROOT / "handbook" / "starter" / "dot-github" / "workflows"
DEPLOYS = {
    "starter": STARTER_WORKFLOWS / "deploy.yml",
    "this-repository": ROOT / ".github" / "workflows" / "deploy.yml",
}
EDIT_BUTTON = re.compile(r'<a href="([^"]+)" title="Edit this page" class="md-content__button')


def triggers(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))[True]  # PyYAML reads `on` as True


def is_daily(cron: str) -> bool:
    """A five-field cron expression that fires once every day, at a fixed minute and hour."""
    fields = cron.split()
    return (
        len(fields) == 5
        and all(f.isdigit() for f in fields[:2])
        and int(fields[0]) < 60
        and int(fields[1]) < 24
        and fields[2:] == ["*", "*", "*"]
    )


def init(target: Path) -> Path:
    result = handbook_cli("init", str(target), "--today", FIXED_TODAY)
    assert result.returncode == 0, result.stderr
    return target


# ---------------------------------------------------------------------------------------------
# Deploy workflows
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("which", DEPLOYS)
def test_deploy_runs_on_push_by_hand_and_every_day(which):
    on = triggers(DEPLOYS[which])
    assert on["push"] == {"branches": ["main"]}
    assert "workflow_dispatch" in on
    [schedule] = on["schedule"]
    assert is_daily(schedule["cron"]), schedule


def test_is_daily_refuses_other_schedules():
    assert is_daily("23 5 * * *")
    for cron in ("17 7 * * 1", "*/30 * * * *", "0 5 1 * *", "5 * * *", "0 24 * * *"):
        assert not is_daily(cron), cron


def test_starter_deploy_builds_strictly_checks_links_and_publishes_to_pages():
    workflow = yaml.safe_load(DEPLOYS["starter"].read_text(encoding="utf-8"))
    assert workflow["permissions"] == {"contents": "read"}
    build_steps = workflow["jobs"]["build"]["steps"]
    runs = [s.get("run", "") for s in build_steps]
    uses = [s.get("uses", "").split("@")[0] for s in build_steps]
    assert "make build" in runs
    assert any(r.startswith(".venv/bin/handbook linkcheck site --prefix") for r in runs)
    assert uses.index("actions/configure-pages") < uses.index("actions/upload-pages-artifact")
    assert runs.index("make build") < uses.index("actions/upload-pages-artifact")
    strict = next(s for s in build_steps if s.get("run") == "make build")
    assert strict["env"]["HANDBOOK_SITE_URL"] == "${{ steps.pages.outputs.base_url }}/"
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")
    # The starter's Makefile builds strictly, which is what the step relies on.
    makefile = (ROOT / "handbook" / "starter" / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^build: .*\n\t.*mkdocs build --strict", makefile, re.M)


# ---------------------------------------------------------------------------------------------
# Edit links
# ---------------------------------------------------------------------------------------------


def uncomment(project: Path, *keys: str) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    for key in keys:
        text, count = re.subn(rf"(?m)^# ({key}: )", r"\1", text)
        assert count == 1, key
    config.write_text(text, encoding="utf-8")


def test_starter_has_no_edit_link_until_its_repository_is_set(tmp_path):
    result = build(init(tmp_path / "acme"))
    assert result.ok, result.log
    assert result.warnings() == []
    assert not EDIT_BUTTON.search(result.html(""))


def test_starter_edit_links_open_the_page_in_the_repository_once_it_is_set(tmp_path):
    project = init(tmp_path / "acme")
    uncomment(project, "repo_url", "edit_uri")
    result = build(project)
    assert result.ok, result.log
    assert result.warnings() == []
    base = "https://github.com/your-org/your-handbook/edit/main"
    assert EDIT_BUTTON.search(result.html("")).group(1) == f"{base}/docs/index.md"
    about = EDIT_BUTTON.search(result.html("about/contribute/")).group(1)
    assert about == f"{base}/docs/about/contribute.md"
    # A template's page opens the template itself.
    template = EDIT_BUTTON.search(result.html("templates/retrospective/")).group(1)
    assert template == f"{base}/templates/retrospective.md"


def test_edit_uri_without_repo_url_fails_the_strict_build(tmp_path):
    # Negative control for the comment in the starter's mkdocs.yml: keep the two together.
    project = init(tmp_path / "acme")
    uncomment(project, "edit_uri")
    result = build(project)
    assert not result.ok
    assert "edit_uri: 'edit/main/docs/index.md' is not a valid URL" in result.log


# ---------------------------------------------------------------------------------------------
# make upgrade
# ---------------------------------------------------------------------------------------------


def installed(project: Path) -> Path:
    """The handbook's .venv as `make` sees it after installing: a `handbook` command (this
    engine) and a stamp newer than requirements.txt, so make installs nothing."""
    bin_dir = project / ".venv" / "bin"
    bin_dir.mkdir(parents=True)
    command = bin_dir / "handbook"
    command.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m handbook "$@"\n')
    command.chmod(0o755)
    stamp = project / ".venv" / ".installed"
    stamp.touch()
    later = (project / "requirements.txt").stat().st_mtime + 10
    os.utime(stamp, (later, later))
    return project


def make_upgrade(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["make", "--no-print-directory", "upgrade"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=120,
    )


def drop_hook(project: Path, job: str, from_config: bool) -> None:
    (project / "hooks" / f"{job}.py").unlink()
    if from_config:
        config = project / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        config.write_text(text.replace(f"  - hooks/{job}.py\n", ""), encoding="utf-8")


def test_make_upgrade_exits_0_when_it_wrote_the_files(tmp_path):
    project = installed(init(tmp_path / "acme"))
    drop_hook(project, "serve", from_config=False)
    result = make_upgrade(project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "wrote hooks/serve.py (missing)" in result.stdout
    assert (project / "hooks" / "serve.py").is_file()


def test_make_upgrade_exits_0_and_says_what_to_do_when_mkdocs_yml_needs_a_change(tmp_path):
    # What issue #24 hit: the engine wrote the file and listed a line to add to mkdocs.yml.
    project = installed(init(tmp_path / "acme"))
    drop_hook(project, "serve", from_config=True)
    result = make_upgrade(project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "wrote hooks/serve.py (missing)" in result.stdout
    assert "hooks: add `  - hooks/serve.py`" in result.stderr
    assert "make the changes listed above, then make test" in result.stdout
    # The engine command itself lists the manual step and exits 0: it did its work.
    direct = handbook_cli("upgrade", "--root", str(project))
    assert direct.returncode == 0
    assert "under `hooks:` in mkdocs.yml, after `  - hooks/freshness.py`" in direct.stderr


def test_make_upgrade_fails_when_a_file_could_not_be_written(tmp_path):
    # Negative control: a hook file that resolves outside the handbook is refused.
    project = installed(init(tmp_path / "acme"))
    drop_hook(project, "serve", from_config=True)
    outside = tmp_path / "outside"
    outside.mkdir()
    (project / "hooks" / "serve.py").symlink_to(outside / "serve.py")
    result = make_upgrade(project)
    assert result.returncode != 0
    assert "hooks/serve.py: not written" in result.stderr
    assert "make upgrade: engine files not written" in result.stderr
    assert not (outside / "serve.py").exists()
