"""Zensical, which reads mkdocs.yml but runs no hooks and no mkdocs-macros, builds an export.

Zensical re-resolves relative links in raw HTML as if they were relative to the page's source
file, so an export writes the links inside engine-made HTML as markdown links (or, for files
the theme publishes, root-relative URLs): here every link of the built site leads to a file
of it (`handbook linkcheck` over this repository's export found the same), its
downloads and freshness.json are the hooked build's bytes, and its pages carry the same
notices. The negative control shows what a relative href in raw HTML becomes under Zensical.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
from pathlib import Path
from urllib.parse import unquote, urljoin

import pytest

from tests.build.test_export import files_of, without_engine
from tests.helpers import LATER, fixture_build, fixture_site, handbook_cli, write


def require_zensical() -> None:
    if importlib.util.find_spec("zensical") is not None:
        return
    reason = "zensical is not installed (pip install -r requirements.txt)"
    if os.environ.get("CI") == "true":
        pytest.fail(f"the Zensical tests must run in CI: {reason}")
    pytest.skip(reason)


ANSI = re.compile(r"\x1b\[[0-9;]*m")


def zensical_build(project: Path) -> str:
    """`zensical build` in `project`, without the engine; its output, colours removed."""
    require_zensical()
    result = without_engine("zensical", "build", cwd=project)
    output = ANSI.sub("", result.stdout + result.stderr)
    assert result.returncode == 0, output
    return output


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory) -> Path:
    require_zensical()
    project = fixture_site(tmp_path_factory.mktemp("zensical"))
    target = project.parent / "exported"
    args = ("export", str(target), "--root", str(project), "--today", LATER)
    result = handbook_cli(*args, "--generator", "zensical")
    assert result.returncode == 0, result.stderr
    (target / "zensical.log").write_text(zensical_build(target), encoding="utf-8")
    return target / "site"


def test_exception_zensical_warns_of_each_download_link(zensical_site):
    # Zensical 0.0.73 takes every href ending in .md for a link to a page, and knows no
    # `validation:` settings: the template downloads (files the theme publishes, not pages)
    # are each reported as "page does not exist", so a --strict build stops. Nothing else
    # is reported; the links themselves work (test_every_link_resolves).
    log = (zensical_site.parent / "zensical.log").read_text(encoding="utf-8")
    warnings = re.findall(r"Warning: (.+)\n\s*\S*\[ ([^:\]]+)", log)
    assert sorted(warnings) == [
        ("page does not exist", f"templates/{name}.md")
        for name in ("one-pager", "prd", "retrospective")
    ], log


HREF = re.compile(r'<(?:a|link|script|img)\b[^>]*?\b(?:href|src)="([^"#]*)(?:#[^"]*)?"')


def broken_links(site: Path) -> tuple[int, list[str]]:
    """(links followed, 'page: href' of each that leads to no file): every internal href and
    src of every page, resolved as a browser resolves it, looked up in the built site."""
    checked, broken = 0, []
    for path in sorted(site.rglob("*.html")):
        page = path.relative_to(site).as_posix()
        for href in HREF.findall(path.read_text(encoding="utf-8")):
            if not href or re.match(r"[a-z][a-z0-9+.-]*:|//", href):
                continue  # this page's anchor, or another site
            target = urljoin(f"/{page}", unquote(href)).lstrip("/")
            checked += 1
            found = site / target
            if not (found.is_file() or (found / "index.html").is_file()):
                broken.append(f"{page}: {href}")
    return checked, broken


def test_every_link_resolves(zensical_site, tmp_path):
    checked, broken = broken_links(zensical_site)
    assert broken == [] and checked > 500
    # Negative control: in a copy with one link changed, the check finds that one.
    copy = tmp_path / "site"
    shutil.copytree(zensical_site, copy)
    page = copy / "tools/index.html"
    page.write_text(
        page.read_text(encoding="utf-8").replace('href="./radar/"', 'href="./rader/"', 1)
    )
    assert broken_links(copy)[1] == ["tools/index.html: ./rader/"]


def test_downloads_and_freshness_json_are_the_hooked_builds(zensical_site, tmp_path_factory):
    hooked = fixture_build(tmp_path_factory, LATER).site
    downloads = [f for f in files_of(hooked) if re.match(r"templates/[^/]+/[^/]+\.md$", f)]
    assert downloads
    for name in ["freshness.json", "CHANGELOG.md", "releases/feed.xml", *downloads]:
        assert (zensical_site / name).read_bytes() == (hooked / name).read_bytes(), name


def test_pages_carry_the_same_notices(zensical_site, tmp_path_factory):
    hooked = fixture_build(tmp_path_factory, LATER).site
    seen = 0
    for path in sorted(hooked.rglob("index.html")):
        url = path.relative_to(hooked).as_posix()
        ours = re.findall(r'data-freshness="(\w+)"', path.read_text(encoding="utf-8"))
        theirs = (zensical_site / url).read_text(encoding="utf-8")
        assert re.findall(r'data-freshness="(\w+)"', theirs) == ours, url
        seen += len(ours)
    assert seen > 10


def test_negative_control_zensical_misreads_a_relative_href_in_raw_html(tmp_path):
    require_zensical()
    write(
        tmp_path,
        {
            "mkdocs.yml": """
                site_name: Two pages
                site_url: https://example.com/
                markdown_extensions: [md_in_html]
                nav: [index.md, guides/a.md, tools/x.md]
            """,
            "docs/index.md": "# Home\n",
            "docs/guides/a.md": "# A\n",
            "docs/tools/x.md": """
                # X

                <ul><li><a href="../../guides/a/">as raw HTML</a></li></ul>

                <ul markdown="block"><li markdown="span">[as markdown](../guides/a.md)</li></ul>
            """,
        },
    )
    zensical_build(tmp_path)
    html = (tmp_path / "site/tools/x/index.html").read_text(encoding="utf-8")
    # From tools/x/, ../../guides/a/ is the page; Zensical moves the raw one a level up.
    assert '<a href="../../../guides/a/">as raw HTML</a>' in html
    assert '<a href="../../guides/a/">as markdown</a>' in html
