import subprocess
import sys
from pathlib import Path

from tests.helpers import FIXED_TODAY, handbook_cli, handbook_process, make_project, page


def run_check(root, *args):
    return handbook_cli("check", "--root", str(root), "--today", FIXED_TODAY, *args)


def test_reports_every_problem_and_exits_1(tmp_path):
    project = make_project(
        tmp_path,
        {
            "index.md": page("# Home\n", owner="ghost"),
            "other.md": "---\nowner: [a, b\n---\n# Other\n",
        },
    )
    owners = project / "data" / "owners.yml"
    owners.write_text(owners.read_text().replace("    kind: team\n", "    kind: tribe\n", 1))
    result = run_check(project)
    assert result.returncode == 1
    assert "data/owners.yml:" in result.stderr and "tribe" in result.stderr
    assert "docs/other.md:3:" in result.stderr
    assert "error(s)" in result.stderr


def test_unknown_owner_lists_valid_ones(tmp_path):
    project = make_project(tmp_path, {"index.md": page("# Home\n", owner="ghost")})
    result = run_check(project)
    assert result.returncode == 1
    assert "docs/index.md:2: owner 'ghost' is not in data/owners.yml" in result.stderr
    assert "product-ops" in result.stderr


def test_console_script_is_installed():
    exe = Path(sys.executable).with_name("handbook")
    # `python -m handbook` in a process of its own: this test is about the process.
    result = handbook_process("--help")
    assert result.returncode == 0 and "check" in result.stdout
    # The console script from pyproject's [project.scripts], as `make install` puts it.
    assert exe.is_file(), f"{exe} missing: run make install"
    installed = subprocess.run([str(exe), "--help"], capture_output=True, text=True)
    assert installed.returncode == 0 and "check" in installed.stdout


def test_template_problems_fail_check_with_file_and_line(tmp_path):
    project = make_project(tmp_path, {"index.md": page("# Home\n")})
    prd = project / "templates" / "prd.md"
    prd.write_text(prd.read_text().replace("owner: product-ops", "owner: ghost", 1))
    copy = project / "templates" / "prd-copy.md"
    copy.write_text(prd.read_text())
    result = run_check(project)
    assert result.returncode == 1
    assert "templates/prd.md:7: owner: 'ghost' is not in data/owners.yml" in result.stderr
    assert "templates/prd-copy.md:2: id: 'prd' does not match the file name" in result.stderr
    # Files are read in name order, so the later one (prd.md) is named the duplicate.
    duplicate = (
        "templates/prd.md:2: id: duplicate template id 'prd' (also in templates/prd-copy.md)"
    )
    assert duplicate in result.stderr


def test_page_made_by_handbook_new_passes_check(tmp_path):
    project = make_project(tmp_path, {"index.md": page("# Home\n")})
    made = subprocess.run(
        [
            sys.executable,
            "-m",
            "handbook",
            "new",
            "one-pager",
            "docs/adr/one.md",
            "--title",
            "One",
            "--owner",
            "engineering",
            "--root",
            str(project),
            "--today",
            "2026-11-21",  # the same day `run_check` uses
        ],
        capture_output=True,
        text=True,
        cwd=project,
    )
    assert made.returncode == 0, made.stderr
    result = run_check(project)
    assert result.returncode == 0, result.stderr


def test_alias_in_data_fails_check_with_file_and_line(tmp_path):
    project = make_project(tmp_path, {"index.md": page("# Home\n")})
    owners = project / "data" / "owners.yml"
    owners.write_text(owners.read_text() + "extra: *nowhere\n")
    result = run_check(project)
    assert result.returncode == 1
    assert "data/owners.yml:" in result.stderr and "YAML aliases are not allowed" in result.stderr
    assert "Traceback" not in result.stderr


BAD_FRONT_MATTER = {
    "absurd review interval": (
        "---\nowner: product-ops\nlast_reviewed: 2026-11-01\n"
        "review_every: 999999 years\n---\n# A\n",
        "docs/a.md:4: review_every: '999999 years' is longer than 10 years",
    ),
    "owner as a list": (
        "---\nowner: [product-ops, design]\nlast_reviewed: 2026-11-01\n---\n# A\n",
        "docs/a.md:2: owner must be an owner id, not ['product-ops', 'design']",
    ),
    "unterminated front matter": (
        "---\nowner: product-ops\nlast_reviewed: 2026-11-01\n\n# A\n",
        "docs/a.md:1: front matter starts with --- but has no closing --- line",
    ),
}


def test_bad_front_matter_is_refused_with_its_line_never_a_traceback(tmp_path):
    for i, (name, (text, expected)) in enumerate(BAD_FRONT_MATTER.items()):
        (tmp_path / str(i)).mkdir()
        project = make_project(tmp_path / str(i), {"a.md": text}, nav="nav:\n  - a.md\n")
        result = run_check(project)
        assert result.returncode == 1, name
        assert expected in result.stderr, (name, result.stderr)
        assert "Traceback" not in result.stderr, name
    # Negative control: the same page with sane values passes.
    (tmp_path / "good").mkdir()
    good = "---\nowner: product-ops\nlast_reviewed: 2026-11-01\nreview_every: 10 years\n---\n# A\n"
    project = make_project(tmp_path / "good", {"a.md": good}, nav="nav:\n  - a.md\n")
    assert run_check(project).returncode == 0
