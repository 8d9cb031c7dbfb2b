"""Escaping, links and mention finding used by the tool-stack views."""

import pytest

from handbook.core.text import md_text
from handbook.tools.pages import mentioned_tools
from handbook.tools.render import doc_link, safe_url
from tests.tool_data import stack_of, tool


def test_md_text_neutralises_html_and_markdown():
    out = str(md_text("<script>alert(1)</script> [x](y) **b** a|b `c`"))
    assert "<" not in out and ">" not in out
    for char in "[]*|`":
        assert char not in out
    assert "&lt;script&gt;" in out


def test_md_text_leaves_plain_words_alone():
    assert str(md_text("Plan sprints, track bugs.")) == "Plan sprints, track bugs."


def test_safe_url_refuses_anything_but_plain_https():
    assert str(safe_url("https://it.example.com/access/jira")) == (
        "https://it.example.com/access/jira"
    )
    for bad in ("javascript:alert(1)", "http://x.example.com/", "https://x/ onmouseover=1"):
        with pytest.raises(ValueError):
            safe_url(bad)


def test_links_between_pages():
    assert doc_link("tools/jira.md", "onboarding/engineer.md") == "../tools/jira.md"
    assert doc_link("tools/jira.md", "tools/index.md") == "jira.md"


def test_mentions_by_exact_name_or_link_only():
    stack = stack_of(tool("jira", name="Jira"), tool("loom", name="Loom"), tool("go", name="Go"))
    text = "File it in Jira. See [the page](../tools/loom.md). Going, Go-live and Jiras are not."
    assert mentioned_tools(stack, text) == ["jira", "loom"]
    assert mentioned_tools(stack, "Nothing here.") == []
