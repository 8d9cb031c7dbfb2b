import datetime as dt

from handbook.pages.drafts import banner, check_draft, is_draft, links_to, resolve
from handbook.pages.frontmatter import parse_page

TODAY = dt.date(2026, 11, 21)


def test_is_draft_only_for_true_in_front_matter():
    assert is_draft("---\nowner: design\ndraft: true\n---\n# X\n")
    assert not is_draft("---\nowner: design\ndraft: false\n---\n# X\n")
    assert not is_draft("---\ndraft: 'true'\n---\n")  # text, not a boolean: check_draft reports it
    assert not is_draft("# X\n\ndraft: true\n")  # in the body, not front matter
    assert not is_draft("---\nowner: design\n---\ndraft: true\n")


def test_check_draft_rejects_anything_but_a_boolean():
    page, _ = parse_page("---\nowner: design\ndraft: soon\n---\n", "docs/x.md")
    [problem] = check_draft(page, {}, TODAY)
    assert str(problem) == "docs/x.md:3: draft must be true or false"
    good, _ = parse_page("---\ndraft: true\n---\n", "docs/x.md")
    assert check_draft(good, {}, TODAY) == []


def test_resolve_relative_links_against_directory_urls():
    assert resolve("../plan/", "guides/triage/") == "guides/plan/"
    assert resolve("plan/#tiers", "") == "plan/"
    assert resolve("../../x/", "a/b/") == "x/"
    assert resolve("https://example.com/plan/", "") is None
    assert resolve("#top", "a/") is None
    assert resolve("../../../outside/", "a/") is None


def test_links_to_finds_only_links_to_the_targets():
    html = (
        '<p><a href="../plan/#tiers">p</a> <a href="../guide/">g</a> <a href="/plan/">abs</a></p>'
    )
    assert links_to(html, "index-page/", {"plan/"}) == ["../plan/#tiers"]
    assert links_to(html, "index-page/", {"other/"}) == []


def test_banner_escapes_the_path_and_carries_the_marker():
    html = banner("docs/<b>.md")
    assert 'data-draft="true"' in html
    assert "docs/&lt;b&gt;.md" in html and "<b>" not in html


def test_links_into_left_out_pages_become_their_text():
    from handbook.pages.links import unlink, unlink_markdown

    def gone(uri: str) -> bool:
        return uri.startswith("templates/")

    md = "a [two\nlines](../templates/a.md) b\n```\n[code](../templates/b.md)\n```\n"
    md += "[kept](../guidelines/x.md) ![img](../templates/i.png) [ext](https://x.test/templates/)"
    out = unlink_markdown(md, "guidelines/p.md", gone)
    assert out.splitlines()[:2] == ["a two", "lines b"]
    assert "[code](../templates/b.md)" in out  # fenced code is left as written
    assert "[kept](../guidelines/x.md)" in out and "![img](../templates/i.png)" in out
    assert "[ext](https://x.test/templates/)" in out
    assert out.count("\n") == md.count("\n")
    assert unlink_markdown("```\nx\n```", "p.md", gone) == "```\nx\n```"
    html = '<p><a href="../templates/prd/">PRD</a> <a href="../guidelines/">G</a></p>'
    assert unlink(html, "tools/", {"templates/prd/"}) == '<p>PRD <a href="../guidelines/">G</a></p>'
