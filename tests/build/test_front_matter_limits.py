"""Front matter is read with the handbook's limits before MkDocs reads it with none: YAML
nested 100,000 deep crashed the build process (a segfault) while `handbook check` refused it."""

from __future__ import annotations

from tests.helpers import FIXED_TODAY, build, handbook_cli, make_project, page

NAV = """
nav:
  - index.md
  - guide.md
"""


def test_deep_front_matter_is_refused_by_check_and_build_at_its_line(tmp_path):
    deep = "x: " + "[" * 100_000 + "]" * 100_000
    guide = f"---\nowner: product-ops\nlast_reviewed: 2026-11-01\n{deep}\n---\n\n# Guide\n"
    project = make_project(tmp_path, {"index.md": page("# Home\n"), "guide.md": guide}, nav=NAV)
    expected = "docs/guide.md:4: nesting deeper than 50 levels"
    check = handbook_cli("check", "--root", str(project), "--today", FIXED_TODAY)
    assert check.returncode == 1
    assert expected in check.stderr
    result = build(project)
    assert result.returncode == 1  # an error, not a crash (-11)
    assert expected in result.log


def test_front_matter_within_the_limits_builds(tmp_path):
    # Negative control: nesting the schema-free keys allow still builds.
    nested = "extra_notes: " + "[" * 10 + "]" * 10
    guide = page("# Guide\n", **{"extra_notes": "[" * 10 + "]" * 10})
    assert nested.split(": ")[1] in guide
    project = make_project(tmp_path, {"index.md": page("# Home\n"), "guide.md": guide}, nav=NAV)
    result = build(project)
    assert result.ok, result.log
