"""Template gallery and template pages, built for real with --strict."""

import json
import re
import shutil
from html import unescape
from pathlib import Path

import pytest

from handbook.templates.model import load_templates
from tests.helpers import (
    FIXTURE,
    ROOT,
    BuildResult,
    build,
    linkcheck,
    make_project,
    page,
    project_config,
)
from tests.html_text import attribute_values, texts

PLACEHOLDERS_FILE = ROOT / "tests" / "fixtures" / "placeholder-template.md"
PLACEHOLDERS = ["{{ customer_name }}", "{% if beta %}", "${VAR}", "<customer email>", "<b>"]
NAV = """
nav:
  - index.md
  - Templates:
      - templates/index.md
"""
_DOWNLOAD = re.compile(r'<a [^>]*href="([^"]+)" download="([^"]+)"')


def gallery_docs() -> dict[str, str]:
    gallery = (FIXTURE / "docs" / "templates" / "index.md").read_text(encoding="utf-8")
    return {"index.md": page("# Home\n"), "templates/index.md": gallery}


def add_fixture(project: Path) -> None:
    shutil.copy(PLACEHOLDERS_FILE, project / "templates" / "placeholders.md")


def download_of(result: BuildResult, page_dir: str) -> tuple[Path, str]:
    """The file an `<a download>` on the page points at, and the name it downloads as."""
    html = result.html(page_dir)
    [(href, name)] = _DOWNLOAD.findall(html)
    return (result.site / page_dir / href).resolve(), name


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> BuildResult:
    project = make_project(tmp_path_factory.mktemp("templates"), gallery_docs(), nav=NAV)
    add_fixture(project)
    result = build(project)
    assert result.ok, result.log
    return result


def test_builds_strict_without_warnings(site):
    assert site.warnings() == []


def test_gallery_has_cards_grouped_by_category(site):
    html = site.html("templates/")
    templates, _ = load_templates(FIXTURE)
    categories = {t.category for t in templates} | {"Test fixtures"}
    for category in categories:
        slug = re.sub(r"[^a-z0-9]+", "-", category.lower()).strip("-")
        assert f'<h2 id="{slug}">{category}' in html
    assert html.count('<div class="grid cards">') == len(categories)
    for template in templates:
        assert f'<a href="{template.id}/">' in html
    assert '<a href="placeholders/">Placeholders &amp; friends</a>' in html


def test_every_template_has_a_page_in_the_templates_nav(site):
    html = site.html("templates/")
    nav = html[
        html.index('class="md-nav md-nav--primary') : html.index('class="md-nav md-nav--secondary')
    ]
    for template in load_templates(FIXTURE)[0]:
        assert f'<a href="{template.id}/" class="md-nav__link">' in nav
        assert (site.site / "templates" / template.id / "index.html").is_file()
    # A title is text: the fixture's "&" is escaped in the nav and the page's <title>.
    assert "Placeholders &amp; friends" in nav and "Placeholders & friends" not in nav
    fixture = site.html("templates/placeholders/")
    assert "<title>Placeholders &amp; friends" in fixture


def test_template_page_says_what_it_is_for_and_when_to_use_it(site):
    html = site.html("templates/prd/")
    prd = {t.id: t for t in load_templates(FIXTURE)[0]}["prd"]
    assert "<strong>Use it when</strong>" in html
    assert prd.description in html
    assert 'class="template-preview"' in html


@pytest.mark.parametrize("template", load_templates(FIXTURE)[0], ids=lambda t: t.id)
def test_source_block_and_download_are_the_template_exactly(site, template):
    url = f"templates/{template.id}/"
    assert texts(site.html(url), "template-source") == [template.text]
    assert attribute_values(site.html(url), "data-template-source") == [template.id]
    path, name = download_of(site, url)
    assert name == template.filename
    assert path.read_bytes() == template.path.read_bytes()


@pytest.mark.parametrize("placeholder", PLACEHOLDERS)
def test_placeholders_survive_source_copy_text_and_download(site, placeholder):
    html = site.html("templates/placeholders/")
    [copied] = texts(html, "template-source")  # the code element's text: what the button copies
    assert copied == PLACEHOLDERS_FILE.read_text(encoding="utf-8")
    assert placeholder in copied
    # The rendered preview shows it too, as text.
    preview = html.split('class="template-preview"', 1)[1].split("</div>\n", 1)[0]
    assert placeholder in unescape(preview)
    path, _ = download_of(site, "templates/placeholders/")
    assert placeholder.encode() in path.read_bytes()
    assert path.read_bytes() == PLACEHOLDERS_FILE.read_bytes()


def test_fixture_source_is_escaped_for_the_browser(site):
    html = site.html("templates/placeholders/")
    source = html[html.index("template-source") :]
    source = source[: source.index("</code>")]
    assert "&lt;customer email&gt;" in source and "&lt;marquee&gt;" in source
    assert "<marquee>" not in source and "<b>" not in source


def test_search_finds_the_preview_once_not_the_raw_file_again(site):
    # The source block repeats the preview's words and adds the front matter: the page is
    # found by the template's words, but the index holds them once, without the raw file.
    index = json.loads((site.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    docs = [d for d in index["docs"] if d["location"].startswith("templates/placeholders/")]
    text = "\n".join(d["text"] for d in docs)
    assert "Ask about the beta." in text  # the preview
    assert text.count("Ask about the beta.") == 1
    assert "use_when:" not in text and "review_every:" not in text  # the file's front matter
    # Control: the page shows the raw file, front matter and all.
    [source] = texts(site.html("templates/placeholders/"), "template-source")
    assert "use_when:" in source and "Ask about the beta." in source


def test_preview_renders_without_running_the_template(site):
    preview = site.html("templates/placeholders/").split('class="template-preview"', 1)[1]
    preview = preview.split("</div>\n", 1)[0]
    assert "{{ customer_name }}" in preview and "${VAR}" in preview
    assert "&lt;customer email&gt;" in preview
    assert "<marquee>" not in preview


def test_negative_control_download_check_catches_a_changed_byte(site, tmp_path):
    # The byte comparison above would fail for a copy that differs in one byte.
    path, _ = download_of(site, "templates/placeholders/")
    altered = tmp_path / "altered.md"
    altered.write_bytes(path.read_bytes().replace(b"${VAR}", b"$VAR", 1))
    assert altered.read_bytes() != PLACEHOLDERS_FILE.read_bytes()
    assert "${VAR}" not in altered.read_text()


def test_negative_control_copy_text_check_catches_a_dropped_placeholder(site):
    # The same page with the source block's escaping undone, as a naive page would ship it.
    head, tail = site.html("templates/placeholders/").rsplit("&lt;customer email&gt;", 1)
    html = head + "<customer email>" + tail
    assert texts(html, "template-source") != [PLACEHOLDERS_FILE.read_text(encoding="utf-8")]


def test_download_resolves_without_directory_urls(tmp_path):
    project = make_project(tmp_path, gallery_docs(), nav=NAV)
    config = project / "mkdocs.yml"
    head, nav = project_config(NAV).split("\nnav:", 1)
    config.write_text(f"{head}\nuse_directory_urls: false\nnav:{nav}", encoding="utf-8")
    result = build(project)
    assert result.ok, result.log
    html = (result.site / "templates" / "prd.html").read_text(encoding="utf-8")
    [(href, _name)] = _DOWNLOAD.findall(html)
    assert href == "prd/prd.md"
    assert (result.site / "templates" / href).read_bytes() == (
        FIXTURE / "templates" / "prd.md"
    ).read_bytes()


@pytest.mark.parametrize(
    ("find", "replace", "message"),
    [
        ("owner: product-ops", "owner: nobody", "templates/placeholders.md:7: owner: 'nobody'"),
        ('version: "1.2.0"', "version: 1.2", "templates/placeholders.md:6: version: 1.2 is not"),
        ("id: placeholders", "id: other", "templates/placeholders.md:2: id: 'other' does not"),
    ],
)
def test_bad_template_fails_the_build_with_file_and_line(tmp_path, find, replace, message):
    project = make_project(tmp_path, gallery_docs(), nav=NAV)
    fixture = PLACEHOLDERS_FILE.read_text(encoding="utf-8")
    assert find in fixture
    (project / "templates" / "placeholders.md").write_text(fixture.replace(find, replace))
    result = build(project)
    assert not result.ok
    assert message in result.log
    assert not (result.site / "templates" / "index.html").exists()


def test_page_made_from_a_template_builds(tmp_path):
    # MkDocs reads `template` as a theme template name; a page's template ref must not break it.
    docs = {**gallery_docs(), "made.md": page("# Made\n", template="prd@1.0.0")}
    project = make_project(tmp_path, docs, nav=NAV + "  - made.md\n")
    result = build(project)
    assert result.ok, result.log
    assert '<h1 id="made">Made' in result.html("made/")


def test_page_with_a_malformed_template_ref_fails_the_build(tmp_path):
    docs = {**gallery_docs(), "made.md": page("# Made\n", template="prd 1.0")}
    project = make_project(tmp_path, docs, nav=NAV + "  - made.md\n")
    result = build(project)
    assert not result.ok
    assert "docs/made.md:4: template: 'prd 1.0' must read <template-id>@<version>" in result.log


def test_linkchecker_checks_the_download_links(site, tmp_path):
    # Negative control: without the raw copy, the download link is a broken link.
    copy = tmp_path / "site"
    shutil.copytree(site.site, copy)
    site = copy
    (site / "templates" / "prd" / "prd.md").unlink()
    result = linkcheck(site)
    assert result.returncode != 0
    assert "templates/prd/prd.md" in result.stdout
