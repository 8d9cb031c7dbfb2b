"""End to end, as another team would: build the engine's wheel, install it in a fresh venv
away from this repository, `handbook init`, then the new handbook's own `make test`.

The new handbook's Makefile installs its pinned requirements into its own .venv. Two routes:
the example pins the release (`product-ops-handbook==X.Y.Z`), found as the wheel built here
through PIP_FIND_LINKS as a package index would serve it; the starter pins a git URL at a
version tag (`handbook init --engine git+file://...@vX.Y.Z`) of a local repository, as a team
without the index would.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from handbook import __version__
from tests.helpers import ROOT, shared

pytestmark = pytest.mark.slow

# The distribution's name (pyproject.toml), as pip installs it and as its wheel file is named.
DIST = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["name"]
WHEEL = re.sub(r"[-_.]+", "_", DIST).lower()


def run(cmd: list[str], cwd: Path, env: dict[str, str], timeout: int = 600) -> str:
    result = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert result.returncode == 0, (
        f"{' '.join(cmd)}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    )
    return result.stdout + result.stderr


@pytest.fixture(scope="module")
def engine(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    # Built once per run: under xdist the two cases run on two workers and share it.
    return shared(tmp_path_factory, "e2e-engine", install_engine)


def install_engine(work: Path) -> tuple[Path, dict[str, str]]:
    wheels = work / "wheels"
    # Built from a copy: setuptools writes build/ and *.egg-info beside the sources.
    source = work / "source"
    skip = (".venv", ".git", ".tools", "site", "build", "test-output", "bench-output", "*.egg-info")
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(*skip, "__pycache__"))
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(source)],
        work, dict(os.environ))  # fmt: skip
    [wheel] = wheels.glob(f"{WHEEL}-*.whl")
    assert wheel.name == f"{WHEEL}-{__version__}-py3-none-any.whl"
    # The same source as a git repository with the release tag, for the git-URL route.
    git = ["git", "-c", "user.name=Release", "-c", "user.email=release@example.com"]
    for step in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "release"],
                 ["tag", f"v{__version__}"]):  # fmt: skip
        run([*git, *step], source, dict(os.environ))
    # Only the venv's own python, no PYTHONPATH: nothing of this checkout can leak in.
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    links = " ".join(filter(None, [os.environ.get("PIP_FIND_LINKS", ""), str(wheels)]))
    # No .pyc compiling at install: the venvs run a few commands once, and it costs CPU.
    env.update(PIP_FIND_LINKS=links, NO_MKDOCS_2_WARNING="1", PIP_NO_COMPILE="1")
    venv = work / "venv"
    run([sys.executable, "-m", "venv", str(venv)], work, env)
    run([str(venv / "bin" / "pip"), "install", "-q", f"{DIST}=={__version__}"], work, env)
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    return work, env


# The example is this repository's own handbook, so its case is a reference test.
@pytest.mark.parametrize(
    "example", [False, pytest.param(True, marks=pytest.mark.reference)], ids=["starter", "example"]
)
def test_init_then_make_test_passes_without_this_repository(engine, example):
    work, env = engine
    target = work / ("example" if example else "acme")
    where = run(["handbook", "--version"], work, env)
    assert where.strip() == f"handbook {__version__}"
    # The same command under the distribution's name, for when `handbook` is taken on PATH.
    assert run(["product-ops-handbook", "--version"], work, env) == where
    # file://localhost/...: the pip a venv starts with refuses a file URL with no host here.
    git_url = f"git+file://localhost{work / 'source'}@v{__version__}"
    route = ["--example"] if example else ["--engine", git_url]
    run(["handbook", "init", str(target), *route], work, env)
    pinned = (target / "requirements.txt").read_text(encoding="utf-8")
    expected = f"{DIST}=={__version__}" if example else f"{DIST} @ {git_url}"
    assert expected in pinned.splitlines()
    # Ready to publish: the Pages workflow (daily rebuild) comes with it.
    assert "schedule:" in (target / ".github" / "workflows" / "deploy.yml").read_text()
    output = run(["make", "test"], target, env)
    assert "handbook check: data and pages OK" in output
    assert "0 errors found" in output  # linkchecker over the built site
    # The handbook's venv imports the installed engine, not this checkout.
    python = str(target / ".venv" / "bin" / "python")
    located = run([python, "-c", "import handbook; print(handbook.__file__)"], target, env)
    assert str(ROOT) not in located and "site-packages" in located
    # And its tests are its own: the Makefile's test target breaks on a broken link. Both
    # routes write the same Makefile (handbook.core.starter.SHARED), so one case shows it.
    starter_makefile = ROOT / "handbook" / "starter" / "Makefile"
    assert (target / "Makefile").read_bytes() == starter_makefile.read_bytes()
    if example:
        return
    page = target / "docs" / "index.md"
    page.write_text(page.read_text() + "\n[Broken](nowhere.md)\n")
    broken = subprocess.run(["make", "test"], cwd=target, env=env, capture_output=True, text=True)
    assert broken.returncode != 0
    assert "nowhere.md" in broken.stdout + broken.stderr
