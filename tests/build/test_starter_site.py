"""The starter from `handbook init`: a strict build, its links, and feature switches."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.helpers import FIXED_TODAY, build, handbook_cli, linkcheck


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
    article = starter.html("").split("<article", 1)[1]
    assert "Acme: &quot;Ops&quot; &lt;b&gt;" in article or 'Acme: "Ops" &lt;b&gt;' in article
    assert "<b>" not in article


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
