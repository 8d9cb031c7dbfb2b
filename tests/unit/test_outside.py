"""Symbolic links that lead out of the handbook, and snippet paths: refused before anything
is read; links and snippets inside the handbook keep working."""

from __future__ import annotations

import pytest

from handbook.core.data import load_dataset
from handbook.core.outside import links_leaving, resolves_outside
from handbook.pages.snippets import check_snippets, snippet_paths, snippet_refusal


@pytest.fixture()
def root(tmp_path):
    project = tmp_path / "project"
    for folder in ("docs/.includes", "templates", "data"):
        (project / folder).mkdir(parents=True)
    (tmp_path / "secret.txt").write_text("TOKEN=1\n")
    return project


def test_links_out_of_the_handbook_are_named(root, tmp_path):
    (root / "docs" / "env.md").symlink_to("/proc/self/environ")
    (root / "docs" / ".includes" / "x.md").symlink_to(tmp_path / "secret.txt")
    (root / "templates" / "out").symlink_to(tmp_path)
    (root / "data" / "tools.yml").symlink_to("../../secret.txt")
    found = [
        str(p) for p in links_leaving(root, [root / "docs", root / "templates", root / "data"])
    ]
    assert found == [
        "data/tools.yml: is a symbolic link to ../../secret.txt, outside the handbook; the "
        "build would publish what it points at: copy the file in instead",
        "docs/.includes/x.md: is a symbolic link to " + str(tmp_path / "secret.txt") + ", "
        "outside the handbook; the build would publish what it points at: copy the file in "
        "instead",
        "docs/env.md: is a symbolic link to /proc/self/environ, outside the handbook; the "
        "build would publish what it points at: copy the file in instead",
        "templates/out: is a symbolic link to " + str(tmp_path) + ", outside the handbook; the "
        "build would publish what it points at: copy the file in instead",
    ]
    # The data loader does not read the linked file.
    assert load_dataset(root).docs == {}


def test_links_inside_the_handbook_are_fine(root):
    # Negative control.
    (root / "docs" / "page.md").write_text("# P\n")
    (root / "docs" / "alias.md").symlink_to("page.md")
    (root / "docs" / "shared").symlink_to("../templates")
    assert links_leaving(root, [root / "docs", root / "templates"]) == []
    assert resolves_outside(root, root / "docs" / "alias.md") is None


def test_a_linked_docs_folder_is_itself_checked(root, tmp_path):
    (tmp_path / "elsewhere").mkdir()
    (root / "docs2").symlink_to(tmp_path / "elsewhere")
    assert [p.file for p in links_leaving(root, [root / "docs2"])] == ["docs2"]


def test_snippet_paths_as_pymdownx_reads_them():
    text = (
        '--8<-- "a.md"\n'
        ';--8<-- "escaped.md"\n'
        "  --8<-- 'b.md:section'\n"
        '--8<-- "c.md:3:9"\n'
        "--8<--\n"
        "d.md\n"
        ";e.md\n"
        "--8<--\n"
        '```\n--8<-- "in-fence.md"\n```\n'
    )
    assert snippet_paths(text) == [
        (1, "a.md"),
        (3, "b.md"),
        (4, "c.md"),
        (6, "d.md"),
        (10, "in-fence.md"),  # the extension reads snippets inside code fences too
    ]


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/proc/self/environ", "resolves outside the handbook"),
        ("../secret.txt", "resolves outside the handbook"),
        (".git/config", "is in hidden '.git'"),
        (".env", "is in hidden '.env'"),
        ("docs/../../secret.txt", "resolves outside the handbook"),
        ("https://example.com/x.md", "is a URL"),
        ("docs/leak.md", "resolves outside the handbook"),  # a link inside that leads out
    ],
)
def test_snippets_from_outside_the_handbooks_text_are_refused(root, path, reason):
    (root / "docs" / "leak.md").symlink_to("../../secret.txt")
    assert reason in (snippet_refusal(root, path) or "")


@pytest.mark.parametrize("path", ["docs/.includes/abbreviations.md", "README.md", "data/x.yml"])
def test_snippets_from_the_handbook_are_fine(root, path):
    assert snippet_refusal(root, path) is None


def test_what_a_snippet_pulls_in_is_checked_at_its_own_line(root):
    (root / "docs" / ".includes" / "part.md").write_text("ok\n<img src=x onerror=alert(1)>\n")
    body = 'Intro\n\n--8<-- "docs/.includes/part.md"\n\n--8<-- ".git/config"\n'
    found = [str(p) for p in check_snippets(body, "docs/p.md", root, first_line=6)]
    assert found == [
        "docs/.includes/part.md:2: html: <img>: `onerror` is an event-handler attribute, "
        "which would run script",
        "docs/p.md:10: snippet: '.git/config' is in hidden '.git', which is not the "
        "handbook's text",
    ]
