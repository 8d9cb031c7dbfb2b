"""Literal macro arguments checked against the data before a page renders."""

from handbook.pages.frontmatter import parse_page
from handbook.pages.macro_args import check_macro_arguments, ids_in, literal_calls


def test_literal_calls_are_found_and_computed_ones_skipped():
    source = "a\n{{ tool_list({'jira': 'x', 'slack': 'y'}) }}\n{{ tools_for_role(role) }}\n"
    source += "{{ people_to_meet('pm') }} {{ other('z') }}"
    found = literal_calls(source, {"tool_list", "tools_for_role", "people_to_meet"})
    assert found == [
        (2, "tool_list", [{"jira": None, "slack": None}], {}),
        (4, "people_to_meet", ["pm"], {}),
    ]


def test_unknown_ids_are_refused_at_the_call_line():
    tools = ids_in(
        lambda: {"jira": 1, "slack": 2}, "{id} is not a tool id in data/tools.yml; valid: {valid}"
    )
    checks = {"tool_list": lambda args, _kw: tools(args[0])}
    text = "---\nrender_macros: true\n---\n# T\n\n{{ tool_list(['jira', 'jiraa']) }}\n"
    page, _ = parse_page(text, "docs/p.md")
    [problem] = check_macro_arguments(page, checks)
    assert (problem.line, problem.key) == (6, "macros")
    assert "tool_list: 'jiraa' is not a tool id in data/tools.yml; valid: jira, slack" in str(
        problem
    )
    # Negative controls: known ids pass; a page without render_macros is text, not calls.
    ok, _ = parse_page(text.replace("'jiraa'", "'slack'"), "docs/p.md")
    assert check_macro_arguments(ok, checks) == []
    plain, _ = parse_page(text.replace("render_macros: true", "owner: x"), "docs/p.md")
    assert check_macro_arguments(plain, checks) == []
