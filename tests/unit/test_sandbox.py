import pytest
from jinja2 import Environment
from jinja2.exceptions import SecurityError

from handbook.sandbox import sandbox


def sandboxed() -> Environment:
    env = Environment()
    sandbox(env)
    return env


@pytest.mark.parametrize(
    "source",
    ["{{ ''.__class__.__mro__ }}", "{{ cycler.__init__.__globals__.os.environ }}"],
)
def test_python_internals_are_refused(source):
    with pytest.raises(SecurityError):
        sandboxed().from_string(source).render()


def test_ordinary_templates_still_render():
    env = sandboxed()
    env.globals["greet"] = lambda name: f"hi {name}"
    assert env.from_string("{{ greet('a') }} {{ range(3) | list }}").render() == "hi a [0, 1, 2]"


def test_plain_environment_would_leak():
    # Negative control: without sandbox() the same template reaches Python internals.
    assert "object" in Environment().from_string("{{ ''.__class__.__mro__ }}").render()


def test_internals_reached_finds_private_names_with_their_lines():
    from handbook.sandbox import internals_reached

    source = "{{ owner_name('x') }}\n{{ ''.__class__ }}\n{{ a['_secret'] }} {{ a[b] }}\n"
    assert internals_reached(source) == [(2, "__class__"), (3, "_secret")]
    assert internals_reached("{{ owner_name('x') }} {{ page.title }}") == []
    assert internals_reached("{{ unclosed") == []  # syntax errors are the renderer's to report


def test_handbook_check_refuses_the_page_before_any_build(tmp_path):
    from tests.helpers import handbook_cli, make_project, page

    body = "# Home\n\n{{ ''.__class__ }}\n"
    project = make_project(tmp_path, {"index.md": page(body, render_macros="true")})
    result = handbook_cli("check", "--root", str(project), "--today", "2026-11-21")
    assert result.returncode == 1
    assert "docs/index.md:9: macros: may not reach `__class__`" in result.stderr
    # Without render_macros the text is shown verbatim, so nothing is refused.
    (tmp_path / "plain").mkdir()
    plain = make_project(tmp_path / "plain", {"index.md": page(body)})
    assert handbook_cli("check", "--root", str(plain), "--today", "2026-11-21").returncode == 0
