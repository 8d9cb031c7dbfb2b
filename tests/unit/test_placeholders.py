"""Placeholders left from a template: found with their line, and nothing that only looks alike.

Each kind of markdown that uses square or angle brackets has a negative control here, beside
the placeholders a template writes."""

from __future__ import annotations

import textwrap

import pytest

from handbook.core.data import DataSet
from handbook.core.yamlload import load_yaml
from handbook.pages.content_rules import ContentRules, Rule, check_content, load_rules
from handbook.pages.frontmatter import parse_page
from handbook.pages.placeholders import (
    check_template_placeholders,
    find_placeholders,
    placeholder_problems,
    template_placeholders,
)
from handbook.templates.model import Template

PLACEHOLDERS = [
    "[feature name]",
    "[YYYY-MM-DD]",
    "[n]",
    "[name, team]",
    "[e.g. `Roadmap Exported`]",
    "<customer email>",
    "<one name>",
    "<...>",
    "<flag-name>",
    "<YYYY-MM-DD>",
    "<title>",
    "<proposed / decided / superseded by <link>>",
    "<https://link to the PRD>",
]


def texts(markdown: str) -> list[str]:
    return [p.text for p in find_placeholders(textwrap.dedent(markdown))]


@pytest.mark.parametrize("placeholder", PLACEHOLDERS)
def test_a_placeholder_is_found(placeholder):
    assert texts(f"Owner: {placeholder} (ask them)\n") == [placeholder]


def test_placeholders_in_a_table_row_are_found_in_order():
    row = "| [name] | <team> | [date] |\n"
    assert texts(row) == ["[name]", "<team>", "[date]"]


NOT_PLACEHOLDERS = {
    "inline link": "See [the guide](guide.md) and [home](../index.md#top).",
    "link with attributes": "[Download](file.md){ .md-button }",
    "image": "![a chart of spend](spend.png)",
    "reference link": "Read [the policy][policy].\n\n[policy]: https://example.com/policy",
    "collapsed reference": "Read [Policy][] now.\n\n[policy]: https://example.com/policy",
    "shortcut reference": "Read [the Policy] now.\n\n[the policy]: https://example.com/policy",
    "task boxes": "- [ ] open task\n- [x] done task\n- [X] also done",
    "footnote": "A claim.[^1] Another.[^note]\n\n[^1]: The source.\n[^note]: More.",
    "abbreviation": "The API is ours.\n\n*[API]: Application programming interface",
    "numbers and elisions": "See [1] and [2, 3]; she said [...] and left.",
    "escaped brackets": r"Write \[evidence\] where the evidence goes.",
    "inline code": "Run `handbook new prd docs/<section>/<page>.md` and `tools[].owner`.",
    "fenced code": "```yaml\nversion: <MAJOR.MINOR.PATCH>\nowner: [team]\n```",
    "tilde fence": "~~~\n[not a placeholder]\n~~~",
    "html": '<div class="grid" markdown>\n<span title="x">a</span><br>\n</div>',
    "details": "<details><summary>More</summary>text</details>",
    "autolinks": "Mail <team@example.com> or see <https://example.com/a>.",
    "comparison": "When a <= b and c >= d, or x < 3 and y > 4.",
    "html comment": "<!-- [todo] <fill in> -->",
    "macro call": '{{ tool_list(["jira", "figma"]) }} {% if features.tools %}[x]{% endif %}',
    "toc marker": "[TOC]",
    "snippet": '--8<-- "includes/abbreviations.md"',
    "empty": "A list [] and <>.",
}


@pytest.mark.parametrize("markdown", NOT_PLACEHOLDERS.values(), ids=NOT_PLACEHOLDERS.keys())
def test_what_only_looks_like_a_placeholder_is_left_alone(markdown):
    assert texts(markdown) == []


def test_a_placeholder_next_to_each_look_alike_is_still_found():
    """The negative controls above do not hide a real placeholder on the same line."""
    for markdown in NOT_PLACEHOLDERS.values():
        if "\n" not in markdown and "{" not in markdown and "<!--" not in markdown:
            assert texts(markdown + " Owner: [name].") == ["[name]"], markdown


def test_problems_name_the_file_line_and_each_placeholder_once_per_line():
    body = "# PRD: [feature]\n\nFine text.\n\n| [name] | [name] | <team> |\n"
    problems = placeholder_problems("docs/x.md", body, 7, "replace them")
    assert [(p.line, p.message) for p in problems] == [
        (7, "placeholder [feature] still on the page; replace them"),
        (11, "placeholders [name], <team> still on the page; replace them"),
    ]
    assert str(problems[0]).startswith("docs/x.md:7: placeholder: ")


# --- pages made from a template ----------------------------------------------------------------

TEMPLATE_BODY = "# PRD: [feature name]\n\n| Owner | <one name> |\n\n- [ ] agree scope\n"


def template(body: str = TEMPLATE_BODY) -> Template:
    return Template("prd", "PRD", "", "", "1.0.0", "product-ops", None, "", body)  # type: ignore[arg-type]


def made_page(body: str, **meta: str) -> str:
    front = {"owner": "product-ops", "template": "prd@1.0.0", **meta}
    lines = "".join(f"{k}: {v}\n" for k, v in front.items())
    return f"---\n{lines}---\n\n{body}"


def problems_of(text: str, templates=None) -> list[str]:
    page, parse_problems = parse_page(text, "docs/guidelines/x.md")
    assert parse_problems == []
    found = check_template_placeholders(page, templates or template_placeholders([template()]))
    return [str(p) for p in found]


def test_the_template_placeholders_left_on_a_page_are_errors_at_their_line():
    text = made_page("# PRD: [feature name]\n\n| Owner | <one name> |\n\n- [ ] agree scope\n")
    assert problems_of(text) == [
        "docs/guidelines/x.md:6: placeholder: placeholder [feature name] still on the page; it "
        "comes from template prd: replace it with this page's own text",
        "docs/guidelines/x.md:8: placeholder: placeholder <one name> still on the page; it "
        "comes from template prd: replace it with this page's own text",
    ]


def test_a_filled_in_page_passes_even_with_brackets_of_its_own():
    """Negative control: only the template's own placeholders count on a page made from it."""
    text = made_page("# PRD: Bulk export\n\n| Owner | Maya [interim] |\n\n- [x] agree scope\n")
    assert problems_of(text) == []


def test_a_draft_is_left_alone_until_it_is_published():
    assert problems_of(made_page("# PRD: [feature name]\n", draft="true")) == []
    assert problems_of(made_page("# PRD: [feature name]\n", draft="false")) != []


def test_a_page_whose_template_is_gone_is_checked_for_any_placeholder():
    text = made_page("# Plan: [anything]\n").replace("prd@1.0.0", "gone@1.0.0")
    [problem] = problems_of(text)
    assert "[anything]" in problem and "template gone" in problem


def test_a_page_without_template_is_not_this_checks_business():
    page, _ = parse_page("---\nowner: x\n---\n\n# [feature name]\n", "docs/x.md")
    assert check_template_placeholders(page, template_placeholders([template()])) == []


def test_template_placeholders_are_read_from_each_template_body():
    assert template_placeholders([template()]) == {
        "prd": frozenset({"[feature name]", "<one name>"})
    }


# --- the content rule ------------------------------------------------------------------------


def rules(text: str) -> ContentRules:
    doc = load_yaml(textwrap.dedent(text), "data/content_rules.yml")
    return load_rules(DataSet(root=None, docs={"data/content_rules.yml": doc}))  # type: ignore[arg-type]


def pages_of(texts_by_uri: dict[str, str]):
    parsed = {}
    for uri, text in texts_by_uri.items():
        page, problems = parse_page(text, f"docs/{uri}")
        assert problems == []
        parsed[uri] = page
    return parsed


PAGES = {
    "guidelines/copied.md": "---\nowner: x\n---\n\n# Plan\n\nOwner: [name]\n",
    "guidelines/made.md": made_page("# Plan\n\nOwner: [name]\n"),
    "guidelines/draft.md": "---\ndraft: true\n---\n\nOwner: [name]\n",
    "guidelines/fine.md": "---\nowner: x\n---\n\nSee [the plan](copied.md).\n",
}


def test_a_placeholders_rule_reports_pages_copied_by_hand():
    found = check_content(
        rules("rules:\n  - {id: ph, pages: '*', placeholders: true}\n"), pages_of(PAGES)
    )
    assert [str(p) for p in found] == [
        "docs/guidelines/copied.md:7: placeholder: placeholder [name] still on the page; "
        "replace it with real text (content rule ph)"
    ]


def test_without_placeholders_true_a_rule_reports_none():
    """Negative control: the same pages under a rule that does not ask for it."""
    assert check_content(rules("rules:\n  - {id: ph, pages: '*'}\n"), pages_of(PAGES)) == []
    assert Rule("x", "*", 1).placeholders is False
