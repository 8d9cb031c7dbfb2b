"""Tags in a built fixture site: the allowed list, enforced by the build and by handbook check."""

from __future__ import annotations

from tests.helpers import build, handbook_cli, make_project, page


def build_tagged_page(tmp_path, tags: str):
    """A small site whose one guideline carries `tags`, with a tags index page."""
    nav = """
    nav:
      - Home: index.md
      - Guidelines:
          - guidelines/index.md
          - guidelines/a.md
      - Tags: tags.md
    """
    docs = {
        "index.md": page("# Home\n"),
        "guidelines/index.md": page("# Guidelines\n"),
        "guidelines/a.md": page("# A\n", tags=tags),
        "tags.md": page("# Tags\n\n<!-- material/tags -->\n"),
    }
    return build(make_project(tmp_path, docs, nav=nav))


def test_a_tag_outside_the_allowed_list_fails_the_build(tmp_path):
    result = build_tagged_page(tmp_path, "[quality, qualty]")
    assert not result.ok
    assert "Tags not in allow list: qualty" in result.log
    assert "guidelines/a.md" in result.log


def test_handbook_check_refuses_the_same_tag_with_its_line(tmp_path):
    build_tagged_page(tmp_path, "[quality, qualty]")
    project = tmp_path / "project"
    result = handbook_cli("check", "--root", str(project), "--today", "2026-11-21")
    assert result.returncode == 1
    assert "docs/guidelines/a.md:4: tags: tag 'qualty' is not in tags_allowed" in result.stderr
    assert "'quality' is not" not in result.stderr


def test_allowed_tags_build_clean(tmp_path):
    # Positive twin of the control above: the same site with a valid tag builds strictly.
    result = build_tagged_page(tmp_path, "[quality, metrics]")
    assert result.ok, result.log
    assert result.warnings() == []
    assert 'href="../guidelines/a/"' in result.html("tags/")
