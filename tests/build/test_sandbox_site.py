import pytest

from tests.helpers import build, make_project, page


@pytest.mark.parametrize(
    ("attack", "name"),
    [
        ("{{ ''.__class__.__mro__ }}", "__class__"),
        ("{{ cycler.__init__.__globals__ }}", "__init__"),
    ],
)
def test_page_reaching_python_internals_is_refused_with_one_clear_line(tmp_path, attack, name):
    project = make_project(
        tmp_path, {"index.md": page(f"# Home\n\n{attack}\n", render_macros="true")}
    )
    result = build(project)
    assert result.returncode != 0
    assert f"docs/index.md:9: macros: may not reach `{name}` (Python internals)" in result.log
    assert "Traceback" not in result.log


def test_internals_reached_by_a_computed_name_still_fail_in_the_sandbox(tmp_path):
    attack = "{{ cycler[('_' ~ '_init__')] }}"
    project = make_project(
        tmp_path, {"index.md": page(f"# Home\n\n{attack}\n", render_macros="true")}
    )
    result = build(project)
    assert result.returncode != 0
    assert "is unsafe" in result.log


def test_the_plugins_config_and_machine_details_are_not_given_to_pages(tmp_path):
    for i, variable in enumerate(("config.site_url", "environment", "git", "macros_info()")):
        body = f"# Home\n\n{{{{ {variable} }}}}\n"
        (tmp_path / str(i)).mkdir()
        project = make_project(tmp_path / str(i), {"index.md": page(body, render_macros="true")})
        result = build(project)
        assert result.returncode != 0, variable
        assert "undefined" in result.log.lower(), variable


def test_page_calling_a_handbook_macro_still_builds(tmp_path):
    body = "# Home\n\nOwner: {{ owner_name('product-ops') }}\n"
    project = make_project(tmp_path, {"index.md": page(body, render_macros="true")})
    result = build(project)
    assert result.returncode == 0, result.log
    assert "Owner: " in (result.site / "index.html").read_text()
