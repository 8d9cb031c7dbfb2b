"""Nothing from outside the handbook is published: a symbolic link out of docs/, templates/
or data/, and a snippet of a file outside the handbook or in its hidden folders, are refused
by `handbook check` and by the build with the same message, before any file is read."""

from __future__ import annotations

from tests.helpers import FIXED_TODAY, build, handbook_cli, make_project, page

NAV = """
nav:
  - index.md
  - guide.md
"""


def check_and_build(project):
    check = handbook_cli("check", "--root", str(project), "--today", FIXED_TODAY)
    return check, build(project)


def test_a_link_to_the_environment_is_refused_before_the_build_reads_it(tmp_path):
    docs = {"index.md": page("# Home\n"), "guide.md": page("# Guide\n")}
    project = make_project(tmp_path, docs, nav=NAV)
    (project / "docs" / "env.txt").symlink_to("/proc/self/environ")
    check, result = check_and_build(project)
    expected = "docs/env.txt: is a symbolic link to /proc/self/environ, outside the handbook"
    assert check.returncode == 1
    assert expected in check.stderr
    assert result.returncode != 0
    assert expected in result.log
    assert not (result.site / "env.txt").exists()


def test_a_snippet_of_the_git_config_is_refused_at_its_line(tmp_path):
    # actions/checkout keeps the job's token in .git/config.
    body = '# Guide\n\n--8<-- ".git/config"\n'
    docs = {"index.md": page("# Home\n"), "guide.md": page(body)}
    project = make_project(tmp_path, docs, nav=NAV)
    (project / ".git").mkdir()
    (project / ".git" / "config").write_text("[http]\n\textraheader = AUTHORIZATION: basic x\n")
    check, result = check_and_build(project)
    expected = "docs/guide.md:8: snippet: '.git/config' is in hidden '.git'"
    assert check.returncode == 1
    assert expected in check.stderr
    assert result.returncode != 0
    assert expected in result.log
    assert not (result.site / "guide" / "index.html").exists()


def test_a_snippet_that_leaves_the_handbook_is_refused_at_its_line(tmp_path):
    (tmp_path / "secret.txt").write_text("TOKEN=1\n")
    body = '# Guide\n\n```\n--8<-- "../secret.txt"\n```\n'
    docs = {"index.md": page("# Home\n"), "guide.md": page(body)}
    project = make_project(tmp_path, docs, nav=NAV)
    check, result = check_and_build(project)
    expected = "docs/guide.md:9: snippet: '../secret.txt' resolves outside the handbook"
    assert expected in check.stderr
    assert expected in result.log
    assert result.returncode != 0


def test_snippets_and_links_inside_the_handbook_still_build(tmp_path):
    # Negative control: a shared part and a page linked to another page.
    body = '# Guide\n\n--8<-- "docs/.includes/part.md"\n'
    docs = {
        "index.md": page("# Home\n"),
        "guide.md": page(body),
        ".includes/part.md": "A shared **part**.\n",
    }
    project = make_project(tmp_path, docs, nav=NAV)
    (project / "docs" / "guide-copy.txt").symlink_to("guide.md")
    check, result = check_and_build(project)
    assert check.returncode == 0, check.stderr
    assert result.ok, result.log
    assert "A shared <strong>part</strong>." in result.html("guide/")
