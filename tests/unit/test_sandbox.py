import pytest
from jinja2 import Environment
from jinja2.exceptions import SecurityError

from handbook.pages.sandbox import sandbox


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
    from handbook.pages.sandbox import internals_reached

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


# ---------------------------------------------------------------------------------------------
# Budgets: a page's macros have a bounded amount of work, output and value size
# ---------------------------------------------------------------------------------------------


def budgeted(source: str) -> str:
    from handbook.pages.sandbox import start_page

    env = sandboxed()
    start_page(env, "docs/page.md", 10)
    return env.from_string(source).render()


@pytest.mark.parametrize(
    ("source", "message"),
    [
        (
            "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}",
            "more than 2,000,000 operations",
        ),
        ("a\n{{ 'x' * 10000000 }}", "larger than a page may build"),
        ("{{ range(10000000) | list | length }}", "larger than a page may build"),
        (
            "{% set ns = namespace(s='xy') %}{% for i in range(40) %}"
            "{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s | length }}",
            "larger than a page may build",
        ),
        (
            "{% macro d(s, n) %}{{ d(s ~ s, n - 1) if n else s }}{% endmacro %}{{ d('ab', 40) }}",
            "larger than a page may build",
        ),
        ("{{ 2 ** 100000 }}", "exponent above 64"),
        (
            "{% for i in range(600) %}{{ 'x' * 10000 }}{% endfor %}",
            "wrote more than 5,000,000 characters",
        ),
    ],
)
def test_a_page_that_would_hang_or_fill_memory_is_stopped_at_its_line(source, message):
    from handbook.pages.sandbox import BudgetExceeded

    with pytest.raises(BudgetExceeded) as caught:
        budgeted(source)
    assert message in str(caught.value)
    assert str(caught.value).startswith("docs/page.md:")


def test_the_budget_error_names_the_file_line_of_the_loop():
    from handbook.pages.sandbox import BudgetExceeded

    source = "# Title\n\ntext\n{% for i in range(100000) %}{% for j in range(100) %}x"
    source += "{% endfor %}{% endfor %}"
    with pytest.raises(BudgetExceeded) as caught:
        budgeted(source)
    # Template line 4, body starting on file line 10: file line 13.
    assert str(caught.value).startswith("docs/page.md:13: macros: ")


def test_ordinary_loops_and_strings_stay_within_budget():
    # Negative control for the budgets: what real pages do renders.
    source = (
        "{% set ns = namespace(n=0) %}{% for i in range(1000) %}{% set ns.n = ns.n + i %}"
        "{% endfor %}{{ ns.n }} {{ 'ab' * 3 }} {{ 2 ** 10 }} {{ (range(5) | list)[2] }}"
    )
    assert budgeted(source) == "499500 ababab 1024 2"


def test_each_page_starts_with_a_fresh_budget():
    from handbook.pages.sandbox import start_page

    env = sandboxed()
    template = env.from_string("{% for i in range(600000) %}{% endfor %}done")
    for n in range(5):  # 5 x 600,000 steps would exceed one page's budget
        start_page(env, f"docs/{n}.md")
        assert template.render() == "done"


def test_shared_data_cannot_be_changed_by_a_page():
    env = sandboxed()
    data = {"tools": ["a"]}
    with pytest.raises(SecurityError):
        env.from_string("{{ tools.append('b') }}").render(data)
    assert data == {"tools": ["a"]}


def test_deeply_nested_loops_are_refused_with_their_line():
    from handbook.pages.frontmatter import parse_page
    from handbook.pages.sandbox import check_macro_safety

    body = "{% for a in x %}{% for b in x %}{% for c in x %}\n{% for d in x %}{% endfor %}"
    body += "{% endfor %}{% endfor %}{% endfor %}\n"
    text = "---\nrender_macros: true\n---\n" + body
    parsed, _ = parse_page(text, "docs/p.md")
    problems = check_macro_safety(parsed, {}, None)
    assert [(p.line, p.key) for p in problems] == [(5, "macros")]
    assert "nested more than 3 deep" in problems[0].message
    # Three levels are fine.
    shallow = "---\nrender_macros: true\n---\n{% for a in x %}{% for b in x %}{% for c in x %}"
    shallow += "{% endfor %}{% endfor %}{% endfor %}\n"
    assert check_macro_safety(parse_page(shallow, "docs/p.md")[0], {}, None) == []


@pytest.mark.parametrize(
    ("source", "name"),
    [
        ("{{ page.file.abs_src_path }}", "page.file"),
        ("{{ page.file.copy_file() }}", "page.file"),
        ("{{ files.append(x) }}", "files"),
        ("{{ navigation.pages }}", "navigation"),
        ("{{ config.env }}", "config"),
        ("{{ page.url | relative_url }}", "relative_url"),
    ],
)
def test_withheld_names_are_found_with_their_lines(source, name):
    from handbook.pages.sandbox import withheld_reached

    assert withheld_reached("text\n" + source) == [(2, name)]


def test_page_fields_and_local_names_are_not_withheld():
    from handbook.pages.sandbox import withheld_reached

    source = "{{ page.title }} {{ page.meta.owner }} {% set files = [1] %}{{ files }}"
    assert withheld_reached(source) == []
