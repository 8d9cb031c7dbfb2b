"""The real handbook on the fixed date: every page owned, reviewed and fresh."""

import json


def test_every_real_page_is_fresh_and_listed(real_site):
    records = json.loads((real_site.site / "freshness.json").read_text())
    assert len(records) >= 7
    stale = [(r["path"], r["status"]) for r in records if r["status"] != "fresh"]
    assert stale == []
    assert all(r["owner"] and r["last_reviewed"] and r["review_by"] for r in records)


def test_real_dashboard_and_footer(real_site):
    dashboard = real_site.html("about/freshness/")
    assert "<strong>100% fresh</strong>" in dashboard
    home = real_site.html("")
    assert "Reviewed on " in home and "next review " in home
    assert "data-freshness=" not in home
