import pytest

from tests.helpers import build, make_project, page


@pytest.mark.parametrize(
    "attack",
    ["{{ ''.__class__.__mro__ }}", "{{ cycler.__init__.__globals__.os.environ }}"],
)
def test_page_reaching_python_internals_fails_the_build(tmp_path, attack):
    project = make_project(
        tmp_path, {"index.md": page(f"# Home\n\n{attack}\n", render_macros="true")}
    )
    result = build(project)
    assert result.returncode != 0
    assert "is unsafe" in result.log


def test_page_calling_a_handbook_macro_still_builds(tmp_path):
    body = "# Home\n\nOwner: {{ owner_name('product-ops') }}\n"
    project = make_project(tmp_path, {"index.md": page(body, render_macros="true")})
    result = build(project)
    assert result.returncode == 0, result.log
    assert "Owner: " in (result.site / "index.html").read_text()
