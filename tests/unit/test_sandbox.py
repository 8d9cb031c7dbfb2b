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
