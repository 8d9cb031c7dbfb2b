"""This handbook's docs/ and nav leave out the engine's pages (they live in engine-docs/), and
the pre-commit hooks that check content pass on it."""

from __future__ import annotations

import shlex
import subprocess

import pytest

from tests.helpers import ROOT
from tests.repo.test_engine_docs import OLD_LOCATION, PAGES, nav_entries
from tests.repo.test_precommit import has_subcommand, hooks


@pytest.mark.parametrize("name", PAGES)
def test_engine_page_is_not_under_docs(name):
    assert not (ROOT / "docs" / "about" / name).exists()
    assert not list((ROOT / "docs").rglob(name))


def test_engine_pages_are_not_in_the_nav():
    entries = nav_entries((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    assert "about/glossary.md" in entries
    for name in PAGES:
        assert f"about/{name}" not in entries


def test_no_page_or_config_names_the_old_location():
    # The handbook's own files that named the pages under docs/about/ now point to engine-docs/.
    checked = [ROOT / "mkdocs.yml", *sorted((ROOT / "docs").rglob("*.md"))]
    offenders = [
        str(p.relative_to(ROOT)) for p in checked if OLD_LOCATION.search(p.read_text("utf-8"))
    ]
    assert offenders == []


@pytest.mark.parametrize("hook_id", ["handbook-check", "handbook-codeowners"])
def test_repository_level_hooks_pass_on_the_repository(hook_id):
    argv = shlex.split(hooks()[hook_id]["entry"])
    # A hook naming a subcommand that does not exist would break every commit: fail, not skip.
    assert has_subcommand(argv[1]), argv
    # On today's date, as a commit runs it: a page past its review is the content owner's
    # to fix, and only warns.
    result = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
