"""The template pages hook called directly with a real MkDocs config of a fixture project."""

import importlib.util
import os

import pytest
from mkdocs.config import load_config

from tests.helpers import FIXED_TODAY, FIXTURE, make_project, page


def load_hook(project):
    """The project's own hooks/template_pages.py: a thin import of the engine's hook."""
    spec = importlib.util.spec_from_file_location(
        "template_pages_hook", project / "hooks" / "template_pages.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture()
def setup(tmp_path, monkeypatch):
    monkeypatch.setenv("HANDBOOK_TODAY", FIXED_TODAY)
    project = make_project(tmp_path, {"index.md": page("# Home\n")}, nav="nav:\n  - index.md\n")
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    return project, config, load_hook(project)


def test_post_build_writes_byte_identical_copies(setup):
    project, config, hook = setup
    hook.on_post_build(config)
    for source in sorted((project / "templates").glob("*.md")):
        copy = os.path.join(config.site_dir, "templates", source.stem, source.name)
        with open(copy, "rb") as handle:
            assert handle.read() == source.read_bytes()


def test_post_build_rewrites_only_what_changed(setup):
    project, config, hook = setup
    hook.on_post_build(config)
    site = project.parent / "site" / "templates"
    untouched, stale = site / "prd" / "prd.md", site / "retrospective" / "retrospective.md"
    os.utime(untouched, (1_000_000, 1_000_000))
    stale.write_bytes(b"old copy")
    os.utime(stale, (1_000_000, 1_000_000))
    hook.on_post_build(config)
    # Unchanged copies keep their time, so `mkdocs serve` sees no change and does not loop.
    assert untouched.stat().st_mtime == 1_000_000
    assert stale.read_bytes() == (FIXTURE / "templates" / "retrospective.md").read_bytes()
