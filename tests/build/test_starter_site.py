"""The starter from `handbook init`: a strict build, its links, and feature switches."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.helpers import FIXED_TODAY, build, handbook_cli, linkcheck, mkdocs_env
from tests.tool_data import HEADER, tool, tools_yaml


def init(target: Path, *extra: str) -> Path:
    result = handbook_cli("init", str(target), "--today", FIXED_TODAY, *extra)
    assert result.returncode == 0, result.stderr
    return target


@pytest.fixture(scope="module")
def starter(tmp_path_factory):
    project = init(tmp_path_factory.mktemp("starter") / "acme", "--name", 'Acme: "Ops" <b>')
    result = build(project)
    assert result.ok, result.log
    assert result.warnings() == []
    return result


def test_starter_builds_its_pages_templates_and_dashboard(starter):
    for url in ("", "guidelines/decision-making/", "about/freshness/", "templates/retrospective/"):
        assert "<article" in starter.html(url), url
    assert (starter.site / "freshness.json").is_file()
    # The site name is written as a YAML string and shown as text, not markup.
    article = BeautifulSoup(starter.html(""), "html.parser").select_one("article")
    assert article.select_one("h1").get_text().strip().rstrip("¶") == 'Acme: "Ops" <b>'
    assert article.select("b") == []


def test_a_name_with_an_emoji_builds_and_shows_as_typed(tmp_path):
    # The name was written to mkdocs.yml as JSON escapes, which YAML reads as two broken
    # halves of the emoji: the build then failed writing the first page.
    name = "Acme 🚀 *R&D* Handbook"
    result = build(init(tmp_path / "acme", "--name", name))
    assert result.ok, result.log
    soup = BeautifulSoup(result.html(""), "html.parser")
    assert soup.title.get_text() == f"Home - {name}"
    article = soup.select_one("article")
    assert article.select_one("h1").get_text().strip().rstrip("¶") == name
    assert article.select("em") == []


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("bad\x07name", "--name holds U+0007, which is not text"),
        ("   ", "--name is empty"),
        ("x" * 81, "--name is 81 characters long"),
    ],
)
def test_a_name_that_is_not_text_is_a_message(tmp_path, name, message):
    result = handbook_cli("init", str(tmp_path / "acme"), "--name", name)
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "acme").exists()


def test_off_features_make_no_pages_feeds_or_links(starter):
    assert not (starter.site / "tools").exists()
    assert not (starter.site / "releases").exists()
    assert not (starter.site / "CHANGELOG.md").exists()
    home = starter.html("")
    assert "feed.xml" not in home
    assert "Tool stack" not in home and "Releases" not in home


def test_starter_links_all_resolve(starter):
    result = linkcheck(starter.site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"\b0 errors found", result.stdout)


def test_a_feature_turned_on_without_its_data_names_the_missing_file(tmp_path):
    project = init(tmp_path / "acme")
    features = project / "data" / "features.yml"
    features.write_text(features.read_text().replace("tools: false", "tools: true"))
    check = handbook_cli("check", "--root", str(project), "--today", FIXED_TODAY)
    assert check.returncode == 1
    assert "data/tools.yml: missing: the tools feature needs it" in check.stderr
    result = build(project)
    assert not result.ok
    assert "data/tools.yml: missing: the tools feature needs it" in result.log


def test_turning_releases_on_adds_the_feed(tmp_path):
    project = init(tmp_path / "acme")
    features = project / "data" / "features.yml"
    features.write_text(features.read_text().replace("releases: false", "releases: true"))
    (project / "data" / "release_settings.yml").write_text(
        "# yaml-language-server: $schema=schema/release_settings.schema.json\n"
        "product: Acme\nowner: product-ops\n"
        "change_types:\n  - {id: added, heading: Added}\n"
        "areas:\n  - {id: core, name: Core}\n"
        "audiences:\n  - {id: customers, name: Customers, customer_facing: true}\n"
    )
    result = build(project)
    assert result.ok, result.log
    assert (result.site / "releases" / "feed.xml").is_file()
    assert "releases/feed.xml" in result.html("")


EMPTY_TOOLS = HEADER.replace("tools:\n", "tools: []\n")


TOOLS_PAGE = """\
---
owner: product-ops
last_reviewed: 2026-11-20
render_macros: true
---

# Tool stack

{{ tool_catalogue() }}

{{ tool_radar() }}

{{ integration_map() }}

{{ tool_spend() }}
"""


def tools_project(tmp_path: Path, tools: str) -> Path:
    project = init(tmp_path / "acme")
    features = project / "data" / "features.yml"
    features.write_text(features.read_text().replace("tools: false", "tools: true"))
    (project / "data" / "tools.yml").write_text(tools)
    (project / "docs" / "tools").mkdir()
    (project / "docs" / "tools" / "index.md").write_text(TOOLS_PAGE)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text() + "  - Tools:\n      - tools/index.md\n")
    return project


def test_an_empty_tool_stack_says_so_instead_of_drawing_nothing(tmp_path):
    result = build(tools_project(tmp_path, EMPTY_TOOLS))
    assert result.ok, result.log
    html = result.html("tools/")
    article = html[html.index("<article") : html.index("</article>")]
    assert article.count("No tools yet") == 3
    assert "No licence costs yet" in article
    assert "<svg" not in article and "Total" not in article


def test_one_tool_draws_the_charts(tmp_path):
    # Negative control: the same page with one tool shows it, charts and spend included.
    tools = tools_yaml(tool("chatter", used_by=[], cost_per_year=1200))
    result = build(tools_project(tmp_path, tools))
    assert result.ok, result.log
    html = result.html("tools/")
    article = html[html.index("<article") : html.index("</article>")]
    assert "No tools yet" not in article and "No licence costs yet" not in article
    assert "<svg" in article and "Chatter" in article and "1,200" in article


def test_build_log_is_quiet_unless_verbose(starter, tmp_path):
    assert "[macros]" not in starter.log
    assert "Documentation built" in starter.log
    project = starter.site.parent
    verbose = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--verbose", "-d", str(tmp_path)],
        cwd=project, env=mkdocs_env(), capture_output=True, text=True,
    )  # fmt: skip
    assert verbose.returncode == 0, verbose.stderr
    assert "[macros]" in verbose.stdout + verbose.stderr


@pytest.mark.parametrize("feature", ["templates", "onboarding", "tools", "releases"])
def test_turning_any_one_feature_off_keeps_check_and_build_green(tmp_path, feature):
    project = init(tmp_path / "acme")
    switches = project / "data" / "features.yml"
    text = switches.read_text(encoding="utf-8")
    if f"{feature}: " in text:
        text = re.sub(rf"^{feature}: \w+", f"{feature}: false", text, flags=re.M)
    else:
        text += f"{feature}: false\n"
    switches.write_text(text, encoding="utf-8")
    checked = handbook_cli("check", "--root", str(project), "--today", FIXED_TODAY)
    assert checked.returncode == 0, checked.stderr
    result = build(project)
    assert result.ok, result.log
    assert not (result.site / feature).exists()
