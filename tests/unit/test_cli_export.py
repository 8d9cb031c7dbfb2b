"""`handbook export DIR`: into a new or empty folder only, nothing outside it, and bad input
refused at its file:line with nothing written."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from handbook.export.files import TargetError, write_files
from tests.helpers import FIXED_TODAY, handbook_cli, make_project, page

NAV = "nav:\n  - index.md\n  - guide.md\n"


def project_with(tmp_path: Path, guide: str) -> Path:
    return make_project(tmp_path, {"index.md": page("# Home\n"), "guide.md": guide}, nav=NAV)


def export(project: Path, target: Path, *extra: str):
    return handbook_cli(
        "export", str(target), "--root", str(project), "--today", FIXED_TODAY, *extra
    )


def snapshot(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_writes_into_a_new_folder_and_nowhere_else(tmp_path):
    # A stale page is advisory, as in a build (the negative control of the fail_on_stale test).
    project = project_with(tmp_path, page("# Guide\n\nHow we work.\n", reviewed="2025-01-01"))
    before = snapshot(project)
    result = export(project, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert "1 stale" in result.stdout
    # Two written pages, and the tool, release, template and dashboard pages made from data.
    assert "10 pages" in result.stdout and "python -m mkdocs build --strict" in result.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "project"]
    assert snapshot(project) == before  # the handbook itself is untouched
    written = snapshot(tmp_path / "out")
    assert {"mkdocs.yml", "docs/guide.md", "docs/freshness.json"} <= set(written)
    assert "How we work." in (tmp_path / "out/docs/guide.md").read_text()


def test_refuses_a_folder_that_holds_anything(tmp_path):
    project = project_with(tmp_path, page("# Guide\n"))
    target = tmp_path / "out"
    target.mkdir()
    (target / "notes.txt").write_text("mine")
    result = export(project, target)
    assert result.returncode == 2
    assert f"{target} is not empty" in result.stderr
    assert snapshot(target) == {"notes.txt": hashlib.sha256(b"mine").hexdigest()}
    # Negative control: an empty folder is fine.
    (target / "notes.txt").unlink()
    assert export(project, target).returncode == 0


def test_refuses_a_folder_inside_docs(tmp_path):
    project = project_with(tmp_path, page("# Guide\n"))
    result = export(project, project / "docs" / "export")
    assert result.returncode == 2
    assert "inside the docs folder" in result.stderr
    assert not (project / "docs" / "export").exists()


def test_bad_front_matter_is_refused_at_its_line_and_nothing_is_written(tmp_path):
    project = project_with(
        tmp_path, "---\nowner: nobody-we-know\nlast_reviewed: 2026-11-01\n---\n# G\n"
    )
    result = export(project, tmp_path / "out")
    assert result.returncode == 1
    assert "docs/guide.md:2:" in result.stderr and "nothing written" in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_macro_that_fails_is_refused_at_its_line(tmp_path):
    body = "# Guide\n\nOwner: {{ owner_name('nobody' ~ 'x') }}\n"
    project = project_with(tmp_path, page(body, render_macros="true"))
    result = export(project, tmp_path / "out")
    assert result.returncode == 1
    assert "docs/guide.md:9: macros: owner_name: 'nobodyx' is not in data/owners.yml" in (
        result.stderr
    )
    assert not (tmp_path / "out").exists()
    # Negative control: an owner that exists renders.
    fixed = body.replace("'nobody' ~ 'x'", "'product-ops'")
    (project / "docs" / "guide.md").write_text(page(fixed, render_macros="true"))
    assert export(project, tmp_path / "out").returncode == 0
    assert "Owner: Product Operations" in (tmp_path / "out/docs/guide.md").read_text()


def test_fail_on_stale_refuses_a_handbook_with_a_stale_page(tmp_path, monkeypatch):
    project = project_with(tmp_path, page("# Guide\n", reviewed="2025-01-01"))
    monkeypatch.setenv("HANDBOOK_FAIL_ON_STALE", "true")
    result = export(project, tmp_path / "out")
    assert result.returncode == 1
    assert "docs/guide.md: stale: review was due" in result.stderr
    assert not (tmp_path / "out").exists()
    # Without the switch the same page is advisory: test_writes_into_a_new_folder_and_...


@pytest.mark.parametrize("name", ["../escape.txt", "/etc/x", "a/../../b"])
def test_write_files_keeps_every_path_inside_the_folder(tmp_path, name):
    with pytest.raises(TargetError):
        write_files(tmp_path / "out", {"ok.txt": b"1", name: b"2"})
    assert not (tmp_path / "escape.txt").exists() and not (tmp_path / "out").exists()
    # Negative control: paths inside are written.
    write_files(tmp_path / "out", {"ok.txt": b"1", "a/b.txt": b"2"})
    assert (tmp_path / "out/a/b.txt").read_bytes() == b"2"
