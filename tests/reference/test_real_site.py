"""The real handbook: strict build with no warning, and linkchecker over the built site."""

import pytest

from tests.helpers import linkcheck, off_host_requests


def test_real_site_builds_strict_without_warnings(real_site):
    assert real_site.ok, real_site.log
    assert real_site.warnings() == []


def test_real_site_makes_no_request_off_host(real_site):
    # No page loads anything from another host (fonts, scripts, images, stylesheets).
    for path in sorted(real_site.site.rglob("*.html")):
        assert off_host_requests(path.read_text(encoding="utf-8")) == [], path
    # No web fonts and no third-party assets in the page head.
    html = real_site.html("")
    assert "fonts.googleapis.com" not in html
    assert "fonts.gstatic.com" not in html
    assert "unpkg.com" not in html and "cdn.jsdelivr.net" not in html
    # Material's repository widget would fetch stars from the host's API on every page load.
    assert 'data-md-component="source"' not in html
    assert 'class="md-source"' in html


def test_linkchecker_finds_no_broken_link(real_site):
    result = linkcheck(real_site.site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert " 0 errors found" in result.stdout
    checked = int(result.stdout.split(" links in ")[0].rsplit("\n", 1)[-1].split()[-1])
    assert checked > 20, result.stdout


@pytest.mark.slow  # a linkchecker run
def test_linkchecker_catches_a_broken_link(tmp_path):
    # Negative control: the same check fails on a page with a link to nowhere (on a two-page
    # site: a second run over this handbook, or over a built fixture handbook, costs more).
    site = tmp_path / "site"
    (site / "about").mkdir(parents=True)
    (site / "about" / "index.html").write_text("<html><body>About</body></html>")
    links = '<a href="about/">ok</a> <a href="nowhere/">x</a>'
    (site / "index.html").write_text(f"<html><body>{links}</body></html>")
    result = linkcheck(site)
    assert result.returncode != 0
    assert "nowhere" in result.stdout


def test_engine_docs_are_not_published(real_site):
    # Deploying and performance notes are engine documentation (engine-docs/), not handbook pages.
    for name in ("deploying", "performance"):
        assert not (real_site.site / "about" / name).exists(), name
        assert f'href="{name}/"' not in real_site.html("about/"), name
    search = (real_site.site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "about/deploying/" not in search and "about/performance/" not in search
    # Negative control: the same checks see a page the site does publish.
    assert (real_site.site / "about" / "glossary").is_dir()
    assert 'href="glossary/"' in real_site.html("about/")
    assert "about/glossary/" in search
