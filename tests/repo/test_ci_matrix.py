"""CI tests every Python version the package says it supports, and still uploads a preview."""

from __future__ import annotations

import re
import tomllib

import yaml

from tests.helpers import ROOT

CI = ROOT / ".github" / "workflows" / "ci.yml"


def ci() -> dict:
    return yaml.safe_load(CI.read_text(encoding="utf-8"))


def classifier_versions(classifiers: list[str]) -> list[str]:
    """The X.Y versions named by `Programming Language :: Python :: X.Y` classifiers."""
    found = [re.fullmatch(r"Programming Language :: Python :: (3\.\d+)", c) for c in classifiers]
    return [m.group(1) for m in found if m]


def test_the_test_job_runs_on_every_classified_python_version():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    versions = classifier_versions(project["classifiers"])
    assert versions == ["3.11", "3.12", "3.13"]
    test = ci()["jobs"]["test"]
    assert test["strategy"]["matrix"]["python"] == versions
    assert test["strategy"]["fail-fast"] is False
    assert test["container"]["image"] == "python:${{ matrix.python }}-bookworm"
    assert [s.get("run") for s in test["steps"]][-1] == "bash .ci/run"
    # The oldest classified version is the one requires-python names.
    assert project["requires-python"] == f">={versions[0]}"


def test_classifier_versions_ignores_other_classifiers():
    classifiers = [
        "Programming Language :: Python :: 3",
        "Programming Language :: Python :: 3 :: Only",
        "Programming Language :: Python :: 3.12",
        "Framework :: MkDocs",
    ]
    assert classifier_versions(classifiers) == ["3.12"]


def test_the_preview_job_builds_strictly_and_uploads_the_site():
    preview = ci()["jobs"]["preview"]
    steps = preview["steps"]
    assert "make build" in [s.get("run") for s in steps]
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"] == "site/"
    assert upload["with"]["if-no-files-found"] == "error"
    assert "site-preview-" in upload["with"]["name"]
