"""The CLI never writes through a symbolic link to a file it does not own: a pull request that
turns an engine file or CODEOWNERS into a link to mkdocs.yml leaves mkdocs.yml as it was."""

from __future__ import annotations

from tests.helpers import fixture_site, handbook_cli


def test_upgrade_does_not_write_mkdocs_yml_through_a_schema_copy_link(tmp_path):
    project = fixture_site(tmp_path)
    config = (project / "mkdocs.yml").read_bytes()
    copy = project / "data" / "schema" / "tools.schema.json"
    copy.unlink()
    copy.symlink_to("../../mkdocs.yml")  # differs from the engine's schema: upgrade rewrites it
    result = handbook_cli("upgrade", "--root", str(project))
    assert result.returncode == 1
    assert "data/schema/tools.schema.json: not written:" in result.stderr
    assert "symbolic link to mkdocs.yml" in result.stderr
    assert (project / "mkdocs.yml").read_bytes() == config
    assert copy.is_symlink()


def test_upgrade_writes_a_missing_hook_file(tmp_path):
    # Negative control: the same command writes the engine's own file when it is one.
    project = fixture_site(tmp_path)
    (project / "hooks" / "data.py").unlink()
    result = handbook_cli("upgrade", "--root", str(project))
    assert "wrote hooks/data.py" in result.stdout
    assert "from handbook.mkdocs.data import *" in (project / "hooks" / "data.py").read_text()


def test_codeowners_does_not_append_to_a_linked_file(tmp_path):
    project = fixture_site(tmp_path)
    config = (project / "mkdocs.yml").read_bytes()
    (project / ".github").mkdir()
    (project / ".github" / "CODEOWNERS").symlink_to("../mkdocs.yml")
    result = handbook_cli("codeowners", "--root", str(project), "--today", "2026-11-21")
    assert result.returncode == 2
    assert ".github/CODEOWNERS: is a symbolic link" in result.stderr
    assert (project / "mkdocs.yml").read_bytes() == config


def test_codeowners_writes_its_own_file(tmp_path):
    # Negative control.
    project = fixture_site(tmp_path)
    result = handbook_cli("codeowners", "--root", str(project), "--today", "2026-11-21")
    assert result.returncode == 0, result.stderr
    assert "docs/" in (project / ".github" / "CODEOWNERS").read_text(encoding="utf-8")


def test_codeowners_that_is_not_utf8_is_a_message_not_a_traceback(tmp_path):
    project = fixture_site(tmp_path)
    (project / ".github").mkdir()
    (project / ".github" / "CODEOWNERS").write_bytes(b"* @team \xff\xfe\n")
    result = handbook_cli("codeowners", "--root", str(project), "--today", "2026-11-21")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert ".github/CODEOWNERS: cannot read it as UTF-8 text" in result.stderr
    assert (project / ".github" / "CODEOWNERS").read_bytes() == b"* @team \xff\xfe\n"


def test_review_follows_a_link_from_a_page_to_a_page_only(tmp_path):
    project = fixture_site(tmp_path)
    config = (project / "mkdocs.yml").read_bytes()
    (project / "docs" / "alias.md").symlink_to("../mkdocs.yml")
    result = handbook_cli(
        "review", "--root", str(project), "--today", "2026-11-21", "docs/alias.md"
    )
    assert result.returncode == 1
    assert (project / "mkdocs.yml").read_bytes() == config
