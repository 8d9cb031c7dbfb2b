"""`handbook init` and `handbook upgrade`: what a new handbook holds, and the engine files."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from handbook.core import schemas
from handbook.core.engine_files import hook_jobs, hook_path, hook_text, listed_hooks
from handbook.core.starter import PINS, handbook_files
from tests.helpers import ROOT, handbook_cli

DAY = dt.date(2026, 11, 21)
LAYOUT = [
    "mkdocs.yml",
    "docs/index.md",
    "templates/",
    "hooks/",
    "data/owners.yml",
    "scripts/",
    "tests/",
    "README.md",
    "Makefile",
    ".github/workflows/ci.yml",
    ".github/pull_request_template.md",
    ".pre-commit-config.yaml",
    "requirements.txt",
]


@pytest.fixture(scope="module", params=[False, True], ids=["starter", "example"])
def files(request) -> dict[str, bytes]:
    return handbook_files("Acme Handbook", DAY, "9.8.7", example=request.param)


def test_a_new_handbook_has_the_whole_layout(files):
    for entry in LAYOUT:
        assert any(path == entry or path.startswith(entry) for path in files), entry


def test_no_engine_code_is_copied_only_hook_imports(files):
    python = sorted(p for p in files if p.endswith(".py"))
    assert python == sorted(hook_path(job) for job in hook_jobs())
    for job in hook_jobs():
        text = files[hook_path(job)].decode()
        assert text == hook_text(job)
        assert len(text.splitlines()) <= 6


def test_requirements_pin_the_engine_and_its_dependencies(files):
    lines = files["requirements.txt"].decode().splitlines()
    assert "product-ops-handbook==9.8.7" in lines
    assert "mkdocs==1.6.1" in lines and not any(line.startswith("pytest") for line in lines)


def test_every_placeholder_is_filled(files):
    for path, data in files.items():
        assert b"__HANDBOOK_NAME__" not in data and b"__TODAY__" not in data, path
        assert b"__HOOKS__" not in data and b"__HANDBOOK_NAME_YAML__" not in data, path


def test_starter_is_small_and_dated_today():
    files = handbook_files("Acme Handbook", DAY, "9.8.7", example=False)
    pages = [p for p in files if p.startswith("docs/") and p.endswith(".md")]
    templates = [p for p in files if p.startswith("templates/")]
    assert 4 <= len(pages) <= 8 and 2 <= len(templates) <= 4
    # The release pages name it, even while the releases feature is off.
    assert "templates/release-notes.md" in templates
    assert b"last_reviewed: 2026-11-21" in files["docs/guidelines/decision-making.md"]
    assert b'site_name: "Acme Handbook"' in files["mkdocs.yml"]
    assert listed_hooks(files["mkdocs.yml"].decode()) == [hook_path(j) for j in hook_jobs()]
    assert b"releases: false" in files["data/features.yml"]


def test_pins_match_this_projects_requirements():
    pinned = (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
    pins = [line for line in PINS.read_text(encoding="utf-8").splitlines() if "==" in line]
    assert pins and set(pins) <= set(pinned)
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    block = re.search(r"^dependencies = \[\n(.*?)^\]", pyproject, re.M | re.S)
    engine_deps = re.findall(r'"([A-Za-z0-9_.-]+)[<>=]', block.group(1))
    names = {line.split("==")[0].lower() for line in pins}
    assert len(engine_deps) >= 6
    assert [dep for dep in engine_deps if dep.lower() not in names] == []


# ---------------------------------------------------------------------------------------------
# The command
# ---------------------------------------------------------------------------------------------


def test_init_writes_a_handbook_that_passes_check(tmp_path):
    target = tmp_path / "acme"
    result = handbook_cli("init", str(target), "--today", "2026-11-21")
    assert result.returncode == 0, result.stderr
    assert (target / ".github" / "CODEOWNERS").read_text().count("@your-org/product-ops") >= 5
    check = handbook_cli("check", "--root", str(target), "--today", "2026-11-21")
    assert check.returncode == 0, check.stderr
    assert check.stderr == ""  # no warning either: the engine files match


def test_init_refuses_a_folder_with_anything_in_it(tmp_path):
    (tmp_path / "notes.md").write_text("mine")
    result = handbook_cli("init", str(tmp_path))
    assert result.returncode == 2
    assert "is not empty; nothing was written" in result.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["notes.md"]
    assert (tmp_path / "notes.md").read_text() == "mine"


def test_init_into_an_empty_existing_folder_works(tmp_path):
    result = handbook_cli("init", str(tmp_path), "--today", "2026-11-21")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "mkdocs.yml").is_file()


# ---------------------------------------------------------------------------------------------
# Upgrade and the compatibility report
# ---------------------------------------------------------------------------------------------


@pytest.fixture()
def handbook_dir(tmp_path):
    target = tmp_path / "acme"
    assert handbook_cli("init", str(target), "--today", "2026-11-21").returncode == 0
    return target


def test_check_reports_out_of_date_engine_files_with_the_fix(handbook_dir):
    (handbook_dir / "hooks" / "theme.py").unlink()
    (handbook_dir / "data" / "schema" / "owners.schema.json").write_text("{}")
    config = handbook_dir / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - hooks/freshness.py\n", ""))
    result = handbook_cli("check", "--root", str(handbook_dir), "--today", "2026-11-21")
    assert "hooks/theme.py: missing; run `handbook upgrade`  [warning]" in result.stderr
    assert "data/schema/owners.schema.json: differs from the engine's; run `handbook upgrade`" in (
        result.stderr
    )
    assert "mkdocs.yml: hooks: add `  - hooks/freshness.py`" in result.stderr


def test_upgrade_restores_engine_files_and_keeps_a_teams_own_hook(handbook_dir):
    (handbook_dir / "hooks" / "theme.py").unlink()
    (handbook_dir / "data" / "schema" / "owners.schema.json").write_text("{}")
    own = "def on_page_markdown(markdown, **kwargs):\n    return markdown\n"
    (handbook_dir / "hooks" / "drafts.py").write_text(own)
    (handbook_dir / "hooks" / "team_banner.py").write_text(own)
    dry = handbook_cli("upgrade", "--root", str(handbook_dir), "--dry-run")
    assert "would write hooks/theme.py (missing)" in dry.stdout
    assert not (handbook_dir / "hooks" / "theme.py").exists()
    result = handbook_cli("upgrade", "--root", str(handbook_dir))
    assert result.returncode == 1  # drafts.py needs a person
    assert "wrote hooks/theme.py (missing)" in result.stdout
    assert "hooks/drafts.py:1: does not import the engine's hook" in result.stderr
    assert (handbook_dir / "hooks" / "theme.py").read_text() == hook_text("theme")
    schema = handbook_dir / "data" / "schema" / "owners.schema.json"
    assert schema.read_text() == schemas.text("owners.schema.json")
    assert (handbook_dir / "hooks" / "drafts.py").read_text() == own
    assert (handbook_dir / "hooks" / "team_banner.py").read_text() == own
    (handbook_dir / "hooks" / "drafts.py").write_text(hook_text("drafts"))
    again = handbook_cli("upgrade", "--root", str(handbook_dir))
    assert again.returncode == 0 and "engine files match handbook" in again.stdout


def test_check_names_a_0_2_0_config_and_how_to_fix_it(handbook_dir):
    config = handbook_dir / "mkdocs.yml"
    text = config.read_text().replace(
        "modules: [handbook.mkdocs.macros]", "modules: [handbook.macros]"
    )
    config.write_text(text + "extra_css:\n  - assets/stylesheets/freshness.css\n")
    result = handbook_cli("check", "--root", str(handbook_dir), "--today", "2026-11-21")
    assert "use [handbook.mkdocs.macros] (the engine's macros moved in 0.3.0)" in result.stderr
    assert "extra_css: remove assets/stylesheets/freshness.css" in result.stderr
    line = next(i for i, row in enumerate(text.splitlines(), 1) if "modules:" in row)
    assert f"mkdocs.yml:{line}: macros modules" in result.stderr


def test_engine_requirement_pins_the_release_a_tagged_git_url_or_a_wheel(tmp_path):
    from handbook.core.starter import InitError, engine_requirement

    assert engine_requirement("1.2.3") == "product-ops-handbook==1.2.3"
    url = "git+https://github.com/acme/handbook@v1.2.3"
    assert engine_requirement("1.2.3", url) == f"product-ops-handbook @ {url}"
    wheel = tmp_path / "product_ops_handbook-1.2.3-py3-none-any.whl"
    wheel.write_bytes(b"")
    assert engine_requirement("1.2.3", str(wheel)) == f"product-ops-handbook @ {wheel.as_uri()}"
    # Negative controls: an unpinned git URL, a missing wheel, anything else.
    for bad, says in (
        ("git+https://github.com/acme/handbook", "pin a tag"),
        (str(tmp_path / "missing.whl"), "no such wheel"),
        ("handbook>=1", "give a git URL"),
    ):
        with pytest.raises(InitError, match=says):
            engine_requirement("1.2.3", bad)


def test_init_engine_option_writes_the_requirement_and_refuses_a_bad_one(tmp_path):
    url = "git+https://github.com/acme/handbook@v0.3.0"
    result = handbook_cli("init", str(tmp_path / "a"), "--engine", url)
    assert result.returncode == 0, result.stderr
    assert f"product-ops-handbook @ {url}" in (tmp_path / "a" / "requirements.txt").read_text()
    bad = handbook_cli("init", str(tmp_path / "b"), "--engine", "git+https://x.test/r")
    assert bad.returncode == 2 and "pin a tag" in bad.stderr
    assert not (tmp_path / "b").exists()
