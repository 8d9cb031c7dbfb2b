"""`handbook new`: creates pages from templates, never overwrites, explains every refusal."""

import re

import pytest

from handbook.core.context import load_handbook
from handbook.pages.checks import check_page
from handbook.pages.frontmatter import parse_page
from handbook.templates.model import load_templates
from tests.helpers import FIXED_TODAY, handbook_cli, make_project, page

# An explicit nav with sections, so hints are checked against a section's place.
SECTIONS_NAV = """
  - Home: index.md
  - Guidelines:
      - guidelines/index.md
  - About:
      - about/index.md
"""


def run_new(project, *args, cwd=None):
    return handbook_cli("new", *args, "--today", FIXED_TODAY, cwd=cwd or project)


@pytest.fixture()
def project(tmp_path):
    return make_project(
        tmp_path,
        {
            "index.md": page("# Home\n"),
            "guidelines/index.md": page("# Guidelines\n"),
            "about/index.md": page("# About\n"),
        },
        nav="nav:" + SECTIONS_NAV,
    )


def test_creates_a_valid_page_with_parent_folders(project):
    result = run_new(
        project,
        "prd",
        "docs/guidelines/billing/bulk-export.md",
        "--title",
        "Bulk export",
        "--owner",
        "design",
    )
    assert result.returncode == 0, result.stderr
    created = project / "docs" / "guidelines" / "billing" / "bulk-export.md"
    page_, problems = parse_page(created.read_text(encoding="utf-8"), "docs/x.md")
    version = {t.id: t.version for t in load_templates(project)[0]}["prd"]
    assert problems == []
    assert page_.meta["template"] == f"prd@{version}"
    assert str(page_.meta["last_reviewed"]) == "2026-11-21"
    assert page_.meta["owner"] == "design" and page_.meta["title"] == "Bulk export"
    handbook = load_handbook(project, "2026-11-21")
    # What is left to do is the template's <placeholders>, which would vanish as HTML tags.
    left = check_page(page_, handbook.owners, handbook.today)
    assert left and all("a template's placeholder left in?" in p.message for p in left)
    assert "created docs/guidelines/billing/bulk-export.md from prd@" in result.stdout
    assert "placeholder(s) such as <" in result.stdout
    filled = re.sub(r"<([^<>]*)>", r"\1", created.read_text(encoding="utf-8").split("---", 2)[2])
    page_.body = filled
    assert check_page(page_, handbook.owners, handbook.today) == []


def test_prints_the_nav_line_to_add_under_the_right_section(project):
    result = run_new(
        project, "retrospective", "docs/guidelines/retro.md", "--title", "R", "--owner", "design"
    )
    assert result.returncode == 0, result.stderr
    assert 'add this line to the "Guidelines" section' in result.stdout
    assert result.stdout.rstrip().endswith("\n      - guidelines/retro.md")


def test_no_nav_hint_when_the_nav_is_automatic(tmp_path):
    project = make_project(tmp_path, {"index.md": page("# Home\n")}, nav=None)
    assert "\nnav:" not in (project / "mkdocs.yml").read_text()
    result = run_new(project, "prd", "docs/a.md", "--title", "A", "--owner", "design")
    assert result.returncode == 0, result.stderr
    assert "nav" not in result.stdout


def test_refuses_to_overwrite_and_leaves_the_file_byte_identical(project):
    target = project / "docs" / "guidelines" / "mine.md"
    target.parent.mkdir(parents=True, exist_ok=True)
    original = b"---\nowner: design\n---\n\n# Someone's work\r\n\tkept as is\n"
    target.write_bytes(original)
    result = run_new(project, "prd", "docs/guidelines/mine.md", "--title", "X", "--owner", "design")
    assert result.returncode == 1
    assert "docs/guidelines/mine.md already exists; it was left untouched" in result.stderr
    assert target.read_bytes() == original


def test_unknown_template_lists_the_valid_ones(project):
    result = run_new(project, "prdd", "docs/a.md", "--title", "A", "--owner", "design")
    assert result.returncode == 2
    assert "unknown template 'prdd'; valid templates: " in result.stderr
    for template_id in ("prd", "retrospective", "one-pager"):
        assert template_id in result.stderr
    assert not (project / "docs" / "a.md").exists()


def test_unknown_owner_lists_the_valid_ones(project):
    result = run_new(project, "prd", "docs/a.md", "--title", "A", "--owner", "ghost")
    assert result.returncode == 2
    assert "unknown owner 'ghost'; valid owners (data/owners.yml): " in result.stderr
    assert "product-ops" in result.stderr and "design" in result.stderr
    assert not (project / "docs" / "a.md").exists()


@pytest.mark.parametrize(
    "path", ["../outside.md", "README.md", "docs/.includes/x.md", "docs/a.txt"]
)
def test_refuses_paths_outside_docs_or_not_pages(project, path):
    result = run_new(project, "prd", path, "--title", "A", "--owner", "design")
    assert result.returncode == 2, result.stdout
    assert "handbook new:" in result.stderr
    assert not (project / path).exists()


def test_path_is_relative_to_the_current_folder(project):
    result = run_new(
        project,
        "prd",
        "sub/page.md",
        "--title",
        "A",
        "--owner",
        "design",
        cwd=project / "docs",
    )
    assert result.returncode == 0, result.stderr
    assert (project / "docs" / "sub" / "page.md").is_file()


def test_missing_arguments_are_a_usage_error(project):
    result = run_new(project, "prd", "docs/a.md")
    assert result.returncode == 2
    assert "usage: handbook new TEMPLATE PATH --title" in result.stderr


def test_list_shows_every_template_with_its_version(project):
    result = run_new(project, "--list")
    assert result.returncode == 0
    templates = load_templates(project)[0]
    assert len(result.stdout.splitlines()) == len(templates) >= 3
    assert any(
        line.split()[:2] == ["prd", templates[[t.id for t in templates].index("prd")].version]
        for line in result.stdout.splitlines()
    )


def test_a_new_page_left_with_its_placeholders_fails_check_until_filled_in(project):
    """The page `handbook new` makes holds the template's placeholders: check names each line
    that still holds one; once they are replaced the same page passes (negative control)."""
    result = run_new(
        project, "prd", "docs/guidelines/export.md", "--title", "Export", "--owner", "design"
    )
    assert result.returncode == 0, result.stderr
    assert "placeholder(s) such as <what ships>" in result.stdout
    checked = handbook_cli("check", "--root", str(project), "--today", FIXED_TODAY)
    assert checked.returncode == 1
    created = project / "docs" / "guidelines" / "export.md"
    lines = created.read_text(encoding="utf-8").splitlines()
    row = next(i for i, line in enumerate(lines, 1) if "<what ships>" in line)
    assert f"docs/guidelines/export.md:{row}: placeholder: placeholders <what ships>, " in (
        checked.stderr
    )
    filled = re.sub(r"<[^<>\n]+>", "Export to CSV", created.read_text(encoding="utf-8"))
    created.write_text(filled, encoding="utf-8")
    checked = handbook_cli("check", "--root", str(project), "--today", FIXED_TODAY)
    assert checked.returncode == 0, checked.stderr
