"""The real handbook on the fixed date: every page owned, reviewed and fresh."""

import json

from tests.helpers import ROOT


def written_pages() -> set[str]:
    """Every markdown page under docs/, as freshness.json names them (docs/.includes is not
    a page: MkDocs leaves out dot-folders)."""
    docs = ROOT / "docs"
    return {
        f"docs/{p.relative_to(docs).as_posix()}"
        for p in docs.rglob("*.md")
        if not any(part.startswith(".") for part in p.relative_to(docs).parts)
    }


def test_every_real_page_is_fresh_and_listed(real_site):
    records = json.loads((real_site.site / "freshness.json").read_text())
    # Every written page once; generated pages (tools, releases, templates) are not reviewed.
    assert sorted(r["path"] for r in records) == sorted(written_pages())
    stale = [(r["path"], r["status"]) for r in records if r["status"] != "fresh"]
    assert stale == []
    assert all(r["owner"] and r["last_reviewed"] and r["review_by"] for r in records)


def test_real_dashboard_and_footer(real_site):
    dashboard = real_site.html("about/freshness/")
    assert "<strong>100% fresh</strong>" in dashboard
    home = real_site.html("")
    assert "Reviewed on " in home and "next review " in home
    assert "data-freshness=" not in home
