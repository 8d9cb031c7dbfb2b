"""Draft pages: built with a banner under `mkdocs serve`, absent from the published build."""

import re

from tests.helpers import build, make_project, page
from tests.serving import mkdocs_serve

NAV = """
nav:
  - index.md
  - Guides:
      - guide.md
      - plan.md
"""


def _docs(index_body: str = "# Home\n\nSee the [guide](guide.md).\n", draft: str = "true") -> dict:
    return {
        "index.md": page(index_body),
        "guide.md": page("# Guide\n\nHow we triage.\n"),
        "plan.md": page("# Pricing plan\n\nNot ready to share.\n", draft=draft),
    }


def _all_text(site) -> str:
    return "\n".join(
        p.read_text(encoding="utf-8", errors="replace")
        for p in sorted(site.rglob("*"))
        if p.is_file() and p.suffix in (".html", ".xml", ".json")
    )


def test_build_leaves_out_a_draft_page_and_every_link_to_it(tmp_path):
    result = build(make_project(tmp_path, _docs(), nav=NAV))
    assert result.ok, result.log
    assert result.warnings() == []
    assert not (result.site / "plan").exists()
    text = _all_text(result.site)
    # No URL of the draft in the nav, previous/next footer or sitemap ("user-research-plan/"
    # from the template gallery is another page).
    assert not re.search(r"[\"/]plan/", text)
    assert "Pricing plan" not in text and "Not ready to share" not in text  # and search index
    assert "../plan/" not in result.html("guide/")  # its nav section and footer


def test_a_page_that_is_not_a_draft_is_published(tmp_path):
    # Negative control: the same page with draft: false is built and linked from the nav.
    result = build(make_project(tmp_path, _docs(draft="false"), nav=NAV))
    assert result.ok, result.log
    assert "Not ready to share" in result.html("plan/")
    assert 'href="../plan/"' in result.html("guide/")
    assert "plan/" in (result.site / "sitemap.xml").read_text()


def test_draft_docs_pattern_is_left_out_too(tmp_path):
    docs = _docs(draft="false")
    project = make_project(tmp_path, docs, nav=NAV)
    config = project / "mkdocs.yml"
    config.write_text("draft_docs: |\n  plan.md\n" + config.read_text(encoding="utf-8"))
    result = build(project)
    assert result.ok, result.log
    assert not (result.site / "plan").exists()
    assert not re.search(r"[\"/]plan/", _all_text(result.site))


def test_a_published_link_to_a_draft_fails_the_build(tmp_path):
    docs = _docs(index_body="# Home\n\nRead the [pricing plan](plan.md#tiers).\n")
    result = build(make_project(tmp_path, docs, nav=NAV))
    assert not result.ok
    assert "docs/index.md links to plan/#tiers, a draft page" in result.log
    assert not (result.site / "index.html").exists()


def test_draft_must_be_a_boolean(tmp_path):
    result = build(make_project(tmp_path, _docs(draft="soon"), nav=NAV))
    assert not result.ok
    assert "docs/plan.md:4: draft must be true or false" in result.log


def test_serve_shows_the_draft_with_a_banner(tmp_path):
    project = make_project(tmp_path, _docs(), nav=NAV)
    with mkdocs_serve(project) as server:
        status, html = server.get("plan/")
        assert status == 200, server.log()
        assert 'data-draft="true"' in html and "Draft - not published" in html
        assert "docs/plan.md" in html
        # Negative control: a published page carries no banner.
        status, html = server.get("guide/")
        assert status == 200 and 'data-draft="true"' not in html
