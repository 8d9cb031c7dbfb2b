"""Every file the CLI writes: atomically, inside the handbook, links kept."""

from __future__ import annotations

import os

import pytest

from handbook.core.safe_write import UnsafeWrite, write_atomically


def test_writes_a_new_file_and_its_folders(tmp_path):
    written = write_atomically(tmp_path, tmp_path / "a" / "b.txt", b"hello\n")
    assert written == (tmp_path / "a" / "b.txt").resolve()
    assert written.read_bytes() == b"hello\n"
    assert [p.name for p in (tmp_path / "a").iterdir()] == ["b.txt"]  # no temp file left


def test_replaces_keeping_the_mode(tmp_path):
    path = tmp_path / "x.sh"
    path.write_bytes(b"old")
    path.chmod(0o750)
    write_atomically(tmp_path, path, b"new")
    assert path.read_bytes() == b"new"
    assert path.stat().st_mode & 0o777 == 0o750


def test_a_symlink_to_a_file_the_command_owns_is_followed_and_kept(tmp_path):
    (tmp_path / "real.md").write_bytes(b"old")
    (tmp_path / "link.md").symlink_to(tmp_path / "real.md")
    write_atomically(tmp_path, tmp_path / "link.md", b"new", owned=lambda p: p.suffix == ".md")
    assert (tmp_path / "link.md").is_symlink()
    assert (tmp_path / "real.md").read_bytes() == b"new"


@pytest.mark.parametrize("owned", [None, lambda p: p.name == "data.py"])
def test_a_symlink_to_a_file_the_command_does_not_own_is_refused(tmp_path, owned):
    # A pull request turns hooks/data.py into a link to mkdocs.yml; upgrade must not follow it.
    (tmp_path / "mkdocs.yml").write_bytes(b"site_name: mine\n")
    (tmp_path / "hooks").mkdir()
    (tmp_path / "hooks" / "data.py").symlink_to("../mkdocs.yml")
    with pytest.raises(UnsafeWrite, match="symbolic link to mkdocs.yml"):
        write_atomically(tmp_path, tmp_path / "hooks" / "data.py", b"import x\n", owned=owned)
    assert (tmp_path / "mkdocs.yml").read_bytes() == b"site_name: mine\n"
    assert (tmp_path / "hooks" / "data.py").is_symlink()


def test_a_linked_folder_on_the_way_is_refused(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / ".github").symlink_to("docs")
    with pytest.raises(UnsafeWrite, match="symbolic link"):
        write_atomically(tmp_path, tmp_path / ".github" / "CODEOWNERS", b"* @x\n")
    assert not (tmp_path / "docs" / "CODEOWNERS").exists()


def test_a_symlink_out_of_the_handbook_is_refused(tmp_path):
    root = tmp_path / "root"
    root.mkdir()
    outside = tmp_path / "secret.txt"
    outside.write_bytes(b"keep")
    (root / "link").symlink_to(outside)
    with pytest.raises(UnsafeWrite, match="outside the handbook"):
        write_atomically(root, root / "link", b"overwritten")
    assert outside.read_bytes() == b"keep"
    with pytest.raises(UnsafeWrite):
        write_atomically(root, root / ".." / "escape.txt", b"x")
    assert not (tmp_path / "escape.txt").exists()


def test_exclusive_never_replaces(tmp_path):
    path = tmp_path / "mine.md"
    path.write_bytes(b"mine")
    with pytest.raises(UnsafeWrite, match="exists"):
        write_atomically(tmp_path, path, b"theirs", exclusive=True)
    assert path.read_bytes() == b"mine"
    assert os.listdir(tmp_path) == ["mine.md"]


def test_a_failed_write_leaves_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "CODEOWNERS"
    path.write_bytes(b"old rules\n")

    def killed(*_args):
        raise KeyboardInterrupt  # as if the command were stopped mid-write

    monkeypatch.setattr(os, "replace", killed)
    with pytest.raises(KeyboardInterrupt):
        write_atomically(tmp_path, path, b"new rules\n")
    assert path.read_bytes() == b"old rules\n"
    assert os.listdir(tmp_path) == ["CODEOWNERS"]
