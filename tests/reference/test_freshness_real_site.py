"""The real handbook on the fixed date: every page owned and reviewed; every hand-written page
fresh, and of the pages generated from templates and data only the two oldest releases not."""

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


def generated_sources() -> set[str]:
    """The files the generated pages are made from: templates, tools.yml, release files."""
    templates = {f"templates/{p.name}" for p in (ROOT / "templates").glob("*.md")}
    releases = {f"data/releases/{p.name}" for p in (ROOT / "data" / "releases").glob("*.yml")}
    return templates | releases | {"data/tools.yml"}


def test_every_real_page_is_listed_owned_and_reviewed(real_site):
    records = json.loads((real_site.site / "freshness.json").read_text())
    docs = [r["path"] for r in records if r["path"].startswith("docs/")]
    assert sorted(docs) == sorted(written_pages())
    assert {r["path"] for r in records} - set(docs) == generated_sources()
    # Which pages are due or stale depends on today's date: that is the owners' review queue,
    # never a failure (the strict build above passed).
    assert {r["status"] for r in records} <= {"fresh", "due", "stale"}
    assert all(r["owner"] and r["last_reviewed"] for r in records)
    # A released release is a record (data/freshness.yml, releases: released: record): it has
    # no review-by date. Every other page has one.
    records_only = [r for r in records if not r["review_by"]]
    assert all(r["path"].startswith("data/releases/") for r in records_only), records_only
    assert len(records_only) < len(records)


def test_real_dashboard_and_footer(real_site):
    dashboard = real_site.html("about/freshness/")
    records = json.loads((real_site.site / "freshness.json").read_text())
    fresh = sum(1 for r in records if r["status"] == "fresh")
    assert f"<strong>{fresh * 100 // len(records)}% fresh</strong>: {fresh} of" in dashboard
    home = real_site.html("")
    assert "Reviewed on " in home and "next review " in home
    assert "data-freshness=" not in home
