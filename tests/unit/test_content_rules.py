"""Content rules and facts from data/content_rules.yml, on tiny fixture handbooks."""

from __future__ import annotations

import textwrap
from pathlib import Path

from handbook.core.data import load_dataset
from handbook.pages.content_rules import check_content, load_rules, pages_of
from tests.helpers import handbook_cli

HEADER = "# yaml-language-server: $schema=schema/content_rules.schema.json\n"
RULES = """\
rules:
  - id: guides
    pages: guides/*.md
    exclude: [guides/index.md]
    min_pages: 2
    words: {min: 12, max: 40}
    tags: {min: 1, max: 2}
    headings: [How you know it is working]
    sibling_links: 1
    forbid: ['\\blorem\\b']
facts:
  - name: 7-day activation
    value: 31%
    pattern: '7-day activation[^.\\n]{0,30}?(?P<value>\\d+(?:\\.\\d+)?%)'
"""
GOOD = """\
---
owner: product-ops
tags: [planning]
---

# {title}

Seven-day activation matters to every squad. Our 7-day activation is 31% this quarter,
and we read it every Monday. See [the other guide]({other}).

## How you know it is working

Every review cites the figure.
"""


def write_rules(root: Path, rules: str = RULES) -> Path:
    (root / "data").mkdir(parents=True, exist_ok=True)
    (root / "data" / "content_rules.yml").write_text(HEADER + rules, encoding="utf-8")
    return root


def run(root: Path, pages: dict[str, str]) -> list[str]:
    rules = load_rules(load_dataset(root))
    texts = {name: textwrap.dedent(text) for name, text in pages.items()}
    return [str(p) for p in check_content(rules, pages_of(texts))]


def good_pages() -> dict[str, str]:
    return {
        "guides/a.md": GOOD.format(title="A", other="b.md"),
        "guides/b.md": GOOD.format(title="B", other="a.md"),
        "guides/index.md": "# Guides\n",
    }


def test_pages_that_keep_every_rule_pass(tmp_path):
    assert run(write_rules(tmp_path), good_pages()) == []


def test_without_the_file_there_are_no_rules(tmp_path):
    (tmp_path / "data").mkdir()
    pages = {"guides/a.md": "# lorem\n"}
    assert run(tmp_path, pages) == []


def test_each_rule_names_file_line_and_rule(tmp_path):
    pages = good_pages()
    pages["guides/a.md"] = pages["guides/a.md"].replace("## How you know it is working", "## Notes")
    b = pages["guides/b.md"].replace("tags: [planning]", "tags: [a, b, c]")
    pages["guides/b.md"] = b.replace("(a.md)", "(c.md)") + "\nlorem " + "word " * 40
    found = run(write_rules(tmp_path), pages)
    assert (
        "docs/guides/a.md:5: no 'How you know it is working' section (content rule guides)" in found
    )
    assert any(f.startswith("docs/guides/b.md:3: 3 tags") for f in found)
    assert any(
        f.startswith("docs/guides/b.md:5: ") and "words; pages under guides/*.md" in f
        for f in found
    )
    assert any(f.startswith("docs/guides/b.md:5: links to 0 sibling pages") for f in found)
    assert any(f.startswith("docs/guides/b.md:15: forbidden text 'lorem'") for f in found)
    assert not [f for f in found if "index.md" in f]  # excluded


def test_too_few_pages_is_reported_at_the_rule(tmp_path):
    pages = good_pages()
    del pages["guides/b.md"]
    found = run(write_rules(tmp_path), pages)
    rule = "data/content_rules.yml:3: content rule guides: 1 pages match guides/*.md"
    assert f"{rule}; at least 2 wanted" in found


def test_a_page_restating_a_fact_differently_fails_at_its_line(tmp_path):
    pages = good_pages()
    pages["other.md"] = "# Report\n\nLast quarter 7-day activation reached 8.0%, a record.\n"
    found = run(write_rules(tmp_path), pages)
    assert len(found) == 1
    assert found[0].startswith(
        "docs/other.md:3: states 7-day activation as 8.0%; the handbook's figure is 31%"
    )


def test_code_blocks_are_not_prose(tmp_path):
    pages = good_pages()
    pages["guides/a.md"] += "\n```\nlorem\n```\n"
    assert run(write_rules(tmp_path), pages) == []


def test_check_and_build_refuse_the_same_page(tmp_path):
    from tests.helpers import build, make_project, page

    project = make_project(
        tmp_path,
        {"index.md": page("# Home\n\nOur 7-day activation is 8.0% now.\n")},
        nav="nav:\n  - index.md\n",
    )
    write_rules(project, "facts:\n" + RULES.split("facts:\n")[1])
    check = handbook_cli("check", "--root", str(project), "--today", "2026-11-21")
    assert check.returncode == 1
    assert "docs/index.md:8: states 7-day activation as 8.0%" in check.stderr
    result = build(project)
    assert not result.ok
    assert "docs/index.md:8: states 7-day activation as 8.0%" in result.log


CATASTROPHIC = """\
rules:
  - id: everything
    pages: "*"
    forbid:
      - 'coming soon'
      - '(a|aa)+$'
      - '(a+)+$'
facts:
  - name: squads
    value: six
    pattern: '\\bsix squads\\b'
"""


def _page(body: str) -> str:
    return f"---\nowner: product-ops\n---\n\n{body}\n"


def test_a_pattern_that_backtracks_without_end_is_stopped_and_refused_at_its_line(tmp_path):
    import time

    root = write_rules(tmp_path, CATASTROPHIC)
    rules = load_rules(load_dataset(root))
    # A fact pattern with no group to read the figure from is refused when loaded.
    assert [str(p) for p in rules.problems] == [
        "data/content_rules.yml:12: facts[0].pattern: has no group to read the figure from; "
        "name it (?P<value>...)"
    ]
    pages = pages_of({f"p{i}.md": _page("a" * 45 + "!") for i in range(3)})
    started = time.process_time()
    problems = [str(p) for p in check_content(rules, pages)]
    # One page's worth of time, then the pattern is not run again (`re` took 120 s on
    # `(a+)+$` and one such page; the regex engine answers that one at once). CPU time, so a
    # busy machine does not fail the check.
    assert time.process_time() - started < 10
    slow = [p for p in problems if "took longer" in p]
    assert slow == [
        "data/content_rules.yml:7: rules[0].forbid[1]: took longer than 1 s on a page, so it "
        "was stopped: rewrite it (a repeat inside a repeat, like (a+)+, can backtrack without "
        "end)"
    ]


def test_a_pattern_that_does_not_compile_is_refused_at_its_line(tmp_path):
    root = write_rules(tmp_path, CATASTROPHIC.replace("'coming soon'", "'(unclosed'"))
    rules = load_rules(load_dataset(root))
    assert any(
        str(p).startswith("data/content_rules.yml:6: rules[0].forbid[0]: '(unclosed' is not a")
        for p in rules.problems + load_dataset(root).problems
    )


def test_fast_patterns_still_find_what_they_forbid(tmp_path):
    # Negative control: the time limit leaves ordinary patterns at work.
    root = write_rules(
        tmp_path, CATASTROPHIC.replace("'\\bsix squads\\b'", "'(?P<value>\\w+) squads'")
    )
    rules = load_rules(load_dataset(root))
    assert rules.problems == []
    pages = pages_of({"p.md": _page("It is coming soon.\n\nWe have two squads.")})
    problems = [str(p) for p in check_content(rules, pages)]
    assert "docs/p.md:5: forbidden text 'coming soon' (content rule everything)" in problems
    assert any("states squads as two" in p for p in problems)
    assert not any("took longer" in p for p in problems)


def test_check_refuses_a_slow_rule_and_returns(tmp_path):
    root = write_rules(tmp_path, CATASTROPHIC)
    (root / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    (root / "docs").mkdir()
    (root / "docs" / "p.md").write_text(_page("a" * 45 + "!"), encoding="utf-8")
    result = handbook_cli("check", "--root", str(root), "--today", "2026-11-21")
    assert result.returncode == 1
    assert "data/content_rules.yml:7: rules[0].forbid[1]: took longer than 1 s" in result.stderr
    assert "Traceback" not in result.stderr
