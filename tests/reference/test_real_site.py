"""The real handbook: strict build with no warning, and linkchecker over the built site."""

import shutil

import pytest

from tests.helpers import fixture_build, linkcheck, off_host_requests


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


@pytest.mark.slow  # a build and a linkchecker run
def test_linkchecker_catches_a_broken_link(tmp_path, tmp_path_factory):
    # Negative control: the same check fails on a page with a link to nowhere (on the small
    # fixture handbook, built with the same engine: a second run over this site costs more).
    built = fixture_build(tmp_path_factory)
    assert built.ok, built.log
    site = tmp_path / "site"
    shutil.copytree(built.site, site)  # the build is shared: change a copy
    index = site / "index.html"
    index.write_text(
        index.read_text().replace("</article>", '<a href="nowhere/">x</a></article>', 1)
    )
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
