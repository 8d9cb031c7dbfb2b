"""The release workflow (.github/workflows/release.yml), its build job's steps run here for real.

The steps are read from the workflow and run with bash, as the runner does: the tag check, then
`python -m build` (the sdist, then the wheel built from the sdist) and `twine check --strict`
on a copy of this checkout's files (what a checkout of the tag holds), then the check that
the files are the distribution PyPI expects. The wheel must hold everything `handbook init`
and a build read from the package (starter, schemas, theme, assets, jinja, pins, the example
handbook) and both console scripts.
"""

from __future__ import annotations

import configparser
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest
import yaml

import handbook
from tests.helpers import ROOT, shared

WORKFLOW = ROOT / ".github" / "workflows" / "release.yml"
PACKAGE = ROOT / "handbook"
# The distribution PyPI's trusted publisher is set up for (pyproject's name follows later).
PYPI_NAME = "product-ops-handbook"
# Where build and twine are installed (requirements.txt), with the python the steps call.
BIN = Path(sys.executable).parent


def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def step(job: str, name: str) -> dict:
    return next(s for s in workflow()["jobs"][job]["steps"] if s.get("name") == name)


def run_step(name: str, cwd: Path, **env: str) -> subprocess.CompletedProcess:
    """One step of the build job, run the way a runner runs `run:` (bash -e, pipefail)."""
    script = step("build", name)["run"]
    output = cwd / "github-output.txt"
    full_env = dict(
        os.environ, PATH=f"{BIN}{os.pathsep}{os.environ['PATH']}", GITHUB_OUTPUT=str(output)
    )
    full_env.update(env)
    return subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
        cwd=cwd,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=900,
    )


def normalized(name: str) -> str:
    """A distribution name as it appears in wheel and sdist file names."""
    return re.sub(r"[-_.]+", "_", name).lower()


# ---------------------------------------------------------------------------------------------
# The workflow's shape
# ---------------------------------------------------------------------------------------------


def test_runs_on_version_tags_only():
    triggers = workflow()[True]  # PyYAML reads the key `on` as True
    assert triggers == {"push": {"tags": ["v*.*.*"]}}


def test_publishes_to_pypi_by_trusted_publishing_from_the_pypi_environment():
    jobs = workflow()["jobs"]
    assert workflow()["permissions"] == {"contents": "read"}
    pypi = jobs["pypi"]
    assert pypi["needs"] == "build"
    assert pypi["environment"]["name"] == "pypi"
    assert PYPI_NAME in pypi["environment"]["url"]
    assert pypi["permissions"] == {"id-token": "write"}
    uses = [s.get("uses", "") for s in pypi["steps"]]
    assert any(u.startswith("pypa/gh-action-pypi-publish@v") for u in uses), uses
    # No API token anywhere: trusted publishing only.
    assert "password" not in WORKFLOW.read_text(encoding="utf-8")


def test_the_github_release_comes_after_pypi_with_the_same_files():
    jobs = workflow()["jobs"]
    release = jobs["github-release"]
    assert release["needs"] == "pypi"
    assert release["permissions"] == {"contents": "write"}
    assert "permissions" not in jobs["build"]  # the build job only reads
    script = release["steps"][-1]["run"]
    assert 'gh release create "$GITHUB_REF_NAME" dist/*' in script
    downloads = [s for s in release["steps"] if s.get("uses", "").startswith("actions/download")]
    assert downloads and downloads[0]["with"]["name"] == "dist"


def test_the_build_job_checks_the_tag_before_building_and_twine_after():
    names = [s.get("name", s.get("uses")) for s in workflow()["jobs"]["build"]["steps"]]
    order = [
        "Check the tag names the package version",
        "Install build and twine",
        "Build the sdist and the wheel",
        "Check the distributions",
        "Check the files are the product-ops-handbook distribution",
    ]
    assert [n for n in names if n in order] == order
    assert step("build", "Build the sdist and the wheel")["run"].startswith("python -m build")
    assert "twine check --strict dist/*" in step("build", "Check the distributions")["run"]


def test_build_and_twine_are_pinned_alike_in_requirements_and_the_test_extras():
    requirements = (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    extras = pyproject["project"]["optional-dependencies"]["test"]
    for tool in ("build", "twine"):
        [pin] = [line for line in requirements if line.startswith(f"{tool}==")]
        assert pin in extras, pin
    # The workflow installs them with requirements.txt as constraints: the same versions.
    assert "-c requirements.txt" in step("build", "Install build and twine")["run"]


# ---------------------------------------------------------------------------------------------
# The tag check and the name check, on small samples (each with its negative control)
# ---------------------------------------------------------------------------------------------


def version_project(tmp_path: Path, version: str, changelog: str) -> Path:
    project = tmp_path / "project"
    (project / "handbook").mkdir(parents=True)
    # An import the job cannot satisfy: the step must read the version, not import the package.
    init = f'"""Engine."""\n\nfrom handbook.not_installed import x\n\n__version__ = "{version}"\n'
    (project / "handbook" / "__init__.py").write_text(init)
    (project / "CHANGELOG.md").write_text(f"# Changelog\n\n## [Unreleased]\n\n{changelog}")
    return project


def test_tag_check_passes_a_tag_that_names_the_version(tmp_path):
    project = version_project(tmp_path, "1.2.3", "## [1.2.3] - 2026-12-01\n\n- x\n")
    result = run_step("Check the tag names the package version", project, GITHUB_REF_NAME="v1.2.3")
    assert result.returncode == 0, result.stdout + result.stderr
    assert (project / "github-output.txt").read_text() == "version=1.2.3\n"


@pytest.mark.parametrize(
    ("tag", "changelog", "msg"),
    [
        ("v1.2.4", "## [1.2.3] - 2026-12-01\n", "does not match the package version 1.2.3"),
        ("1.2.3", "## [1.2.3] - 2026-12-01\n", "does not match the package version 1.2.3"),
        ("v1.2.3", "## [1.2.2] - 2026-11-01\n", "no dated section '## [1.2.3]"),
        ("v1.2.3", "## [1.2.3]\n", "no dated section '## [1.2.3]"),
        ("v1.2.3", "## [1x2x3] - 2026-12-01\n", "no dated section '## [1.2.3]"),
    ],
    ids=["other-version", "no-v", "no-section", "undated", "dots-are-dots"],
)
def test_tag_check_refuses_a_tag_or_changelog_that_does_not_match(tmp_path, tag, changelog, msg):
    project = version_project(tmp_path, "1.2.3", changelog)
    result = run_step("Check the tag names the package version", project, GITHUB_REF_NAME=tag)
    assert result.returncode == 1
    assert msg in result.stdout


def name_check(tmp_path: Path, files: list[str]) -> subprocess.CompletedProcess:
    dist = tmp_path / "dist"
    dist.mkdir()
    for name in files:
        (dist / name).write_bytes(b"")
    return run_step(
        "Check the files are the product-ops-handbook distribution", tmp_path, VERSION="1.2.3"
    )


def test_name_check_passes_the_product_ops_handbook_files(tmp_path):
    files = ["product_ops_handbook-1.2.3.tar.gz", "product_ops_handbook-1.2.3-py3-none-any.whl"]
    result = name_check(tmp_path, files)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    "files",
    [
        ["handbook-1.2.3.tar.gz", "handbook-1.2.3-py3-none-any.whl"],
        ["product_ops_handbook-1.2.3-py3-none-any.whl"],
        ["product_ops_handbook-1.2.4.tar.gz", "product_ops_handbook-1.2.4-py3-none-any.whl"],
        [
            "product_ops_handbook-1.2.3.tar.gz",
            "product_ops_handbook-1.2.3-py3-none-any.whl",
            "stray.txt",
        ],
    ],
    ids=["old-name", "no-sdist", "other-version", "extra-file"],
)
def test_name_check_stops_any_other_files(tmp_path, files):
    result = name_check(tmp_path, files)
    assert result.returncode == 1
    assert 'pyproject.toml: name = "product-ops-handbook"' in result.stdout


# ---------------------------------------------------------------------------------------------
# The build and twine steps, run on a copy of this checkout
# ---------------------------------------------------------------------------------------------


def checkout_files() -> list[str]:
    """The files a checkout holds: tracked, plus new ones not ignored (so a test run sees work
    in progress); files deleted in the working tree are left out."""
    try:
        listed = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split("\0")
    except (OSError, subprocess.CalledProcessError) as exc:
        if os.environ.get("CI") == "true":
            pytest.fail(f"the release build needs a git checkout: {exc}")
        pytest.skip(f"not a git checkout (the release builds from one): {exc}")
    return sorted(name for name in set(listed) if name and (ROOT / name).is_file())


def build_dists(work: Path) -> dict:
    source = work / "source"
    for name in checkout_files():
        target = source / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target)
    env = {"GITHUB_REF_NAME": f"v{handbook.__version__}", "PIP_NO_COMPILE": "1"}
    results = {}
    for name in (
        "Check the tag names the package version",
        "Build the sdist and the wheel",
        "Check the distributions",
    ):
        result = run_step(name, source, **env)
        results[name] = (result.returncode, result.stdout + result.stderr)
        if result.returncode != 0:
            break
    dists = sorted((source / "dist").glob("*")) if (source / "dist").is_dir() else []
    return {"source": source, "results": results, "dists": dists}


@pytest.fixture(scope="module")
def dists(tmp_path_factory) -> dict:
    checkout_files()  # skips (or fails under CI=true) outside a git checkout
    # Built once per run, even when xdist spreads this module's tests over workers.
    built = shared(tmp_path_factory, "release-dists", build_dists)
    for name, (code, output) in built["results"].items():
        assert code == 0, f"{name}:\n{output[-4000:]}"
    return built


def wheel_of(dists: dict) -> Path:
    [wheel] = [p for p in dists["dists"] if p.suffix == ".whl"]
    return wheel


def sdist_of(dists: dict) -> Path:
    [sdist] = [p for p in dists["dists"] if p.name.endswith(".tar.gz")]
    return sdist


def missing_from_wheel(package_files: list[str], wheel_names: set[str]) -> list[str]:
    """Package files (relative to the package folder) that the wheel does not hold."""
    return [f for f in package_files if f"handbook/{f}" not in wheel_names]


def package_files(package: Path) -> list[str]:
    """Every file of the package folder (code and data), as a path relative to it."""
    return sorted(
        p.relative_to(package).as_posix()
        for p in package.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"
    )


@pytest.mark.slow
def test_build_and_twine_check_pass_on_the_checkout(dists):
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    name = normalized(pyproject["project"]["name"])
    version = handbook.__version__
    assert [p.name for p in dists["dists"]] == [
        f"{name}-{version}-py3-none-any.whl",
        f"{name}-{version}.tar.gz",
    ]
    output = dists["results"]["Check the distributions"][1]
    assert output.count("PASSED") == 2, output


@pytest.mark.slow
def test_wheel_holds_every_file_of_the_package(dists):
    names = set(zipfile.ZipFile(wheel_of(dists)).namelist())
    files = package_files(dists["source"] / "handbook")
    assert missing_from_wheel(files, names) == []
    # The data `handbook init`, the build and the checks read, by kind.
    for expected in (
        "handbook/starter/mkdocs.yml",
        "handbook/starter/Makefile",
        "handbook/starter/dot-github/workflows/ci.yml",
        "handbook/starter/dot-github/workflows/deploy.yml",
        "handbook/starter/dot-gitignore",
        "handbook/starter/docs/.includes/abbreviations.md",
        "handbook/starter/templates/decision-record.md",
        "handbook/schemas/owners.schema.json",
        "handbook/schemas/release.schema.json",
        "handbook/pins.txt",
        "handbook/linkcheckerrc",
    ):
        assert expected in names, expected
    for folder in ("theme/", "theme/partials/", "assets/stylesheets/", "assets/javascripts/"):
        assert any(n.startswith(f"handbook/{folder}") for n in names), folder
    assert any(n.startswith("handbook/jinja/") and n.endswith(".md") for n in names)


@pytest.mark.slow
def test_wheel_example_is_the_example_the_sdist_carries(dists):
    # `handbook init --example` reads handbook/example/, which setup.py copies from the sdist.
    with tarfile.open(sdist_of(dists)) as sdist:
        members = [m.name.split("/", 1)[1] for m in sdist.getmembers() if m.isfile()]
    example = {
        m
        for m in members
        if m == "mkdocs.yml"
        or (m.split("/")[0] in {"docs", "templates", "data"} and not m.startswith("data/schema/"))
    }
    names = zipfile.ZipFile(wheel_of(dists)).namelist()
    in_wheel = {n.removeprefix("handbook/example/") for n in names if "/example/" in n}
    assert "mkdocs.yml" in example and any(m.startswith("docs/") for m in example)
    assert in_wheel == example
    for kept in ("LICENSE", "CHANGELOG.md", "README.md", "pyproject.toml", "setup.py"):
        assert kept in members, kept


@pytest.mark.slow
def test_wheel_metadata_and_both_console_scripts(dists):
    wheel = zipfile.ZipFile(wheel_of(dists))
    info = next(n.split("/")[0] for n in wheel.namelist() if n.endswith(".dist-info/METADATA"))
    entry_points = configparser.ConfigParser()
    entry_points.read_string(wheel.read(f"{info}/entry_points.txt").decode())
    scripts = dict(entry_points["console_scripts"])
    assert scripts == {"handbook": "handbook.cli:main", PYPI_NAME: "handbook.cli:main"}
    metadata = Parser().parsestr(wheel.read(f"{info}/METADATA").decode())
    assert metadata["Version"] == handbook.__version__
    assert metadata["Requires-Python"] == ">=3.11"
    assert metadata["License-Expression"] == "MIT"
    assert metadata["Description-Content-Type"] == "text/markdown"
    classifiers = metadata.get_all("Classifier")
    for expected in (
        "Programming Language :: Python :: 3.11",
        "Programming Language :: Python :: 3.12",
        "Programming Language :: Python :: 3.13",
        "Framework :: MkDocs",
        "Operating System :: OS Independent",
        "Topic :: Documentation",
    ):
        assert expected in classifiers, expected
    urls = dict(u.split(", ", 1) for u in metadata.get_all("Project-URL"))
    assert {"Source", "Issues", "Changelog"} <= set(urls)


@pytest.mark.slow
def test_twine_check_fails_a_wheel_without_its_description(dists, tmp_path):
    # Negative control: the same wheel with its README stripped from METADATA.
    wheel = wheel_of(dists)
    broken = tmp_path / wheel.name
    with zipfile.ZipFile(wheel) as source, zipfile.ZipFile(broken, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename.endswith(".dist-info/METADATA"):
                headers = data.decode().split("\n\n", 1)[0]
                headers = re.sub(r"(?m)^Description-Content-Type:.*\n?", "", headers)
                data = (headers + "\n").encode()
            target.writestr(item, data)
    result = subprocess.run(
        [sys.executable, "-m", "twine", "check", "--strict", str(broken)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "FAILED" in result.stdout


def test_missing_from_wheel_names_what_is_left_out():
    names = {"handbook/cli.py", "handbook/starter/Makefile"}
    files = ["cli.py", "starter/Makefile", "starter/dot-github/workflows/ci.yml"]
    assert missing_from_wheel(files, names) == ["starter/dot-github/workflows/ci.yml"]


def test_package_files_lists_code_and_data_but_no_bytecode(tmp_path):
    (tmp_path / "starter" / "__pycache__").mkdir(parents=True)
    (tmp_path / "starter" / "__pycache__" / "x.cpython-311.pyc").write_bytes(b"")
    (tmp_path / "starter" / "Makefile").write_text("x")
    (tmp_path / "cli.py").write_text("x")
    assert package_files(tmp_path) == ["cli.py", "starter/Makefile"]
