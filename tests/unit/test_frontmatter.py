from handbook.pages.frontmatter import parse_page, split


def test_split_without_front_matter():
    assert split("# Title\n") == (None, "# Title\n")


def test_parse_page_lines_are_file_lines():
    page, problems = parse_page("---\nowner: a\nlast_reviewed: 2026-01-02\n---\n# T\n", "docs/p.md")
    assert problems == []
    assert page.meta["owner"] == "a"
    assert page.line_of("last_reviewed") == 3
    assert page.body == "# T\n"


def test_front_matter_that_is_not_a_mapping():
    _, (problem,) = parse_page("---\n- a\n- b\n---\n", "docs/p.md")
    assert str(problem).startswith("docs/p.md:2:")
    assert "mapping" in problem.message


def test_impossible_date_in_front_matter():
    _, (problem,) = parse_page("---\nowner: a\nlast_reviewed: 2026-02-30\n---\n", "docs/p.md")
    assert str(problem).startswith("docs/p.md:3:")
