"""hooks/release_pages.py in an in-process build: which pages record which release data."""

import datetime as dt

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from handbook.mkdocs.adapter import get_handbook
from tests.build.test_releases_site import RELEASES, project_with


def built_handbook(tmp_path, monkeypatch):
    project = project_with(tmp_path, RELEASES)
    monkeypatch.setenv("HANDBOOK_TODAY", "2026-11-21")
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    mkdocs_build(config)
    return get_handbook(config)


def uses(handbook, page):
    return sorted((u.label, u.source, u.last_updated) for u in handbook.data_uses.get(page, []))


def test_each_page_records_the_releases_it_shows(tmp_path, monkeypatch):
    handbook = built_handbook(tmp_path, monkeypatch)
    assert uses(handbook, "releases/1.0.0.md") == [
        ("release 1.0.0", "data/releases/2026-10-01-v1.0.0.yml", dt.date(2026, 10, 1))
    ]
    every = {"release 1.0.0", "release 1.1.0", "release 1.2.0"}
    assert {label for label, _, _ in uses(handbook, "releases/index.md")} == every
    assert {label for label, _, _ in uses(handbook, "releases/enablement.md")} == every
    # The customer view and the home page show released releases only.
    customer = {label for label, _, _ in uses(handbook, "releases/customers.md")}
    assert customer == {"release 1.0.0", "release 1.1.0"}
    assert {label for label, _, _ in uses(handbook, "index.md")} == customer


def test_a_page_without_release_macros_records_nothing(tmp_path, monkeypatch):
    # Negative control: a page that shows no release data has no recorded use.
    handbook = built_handbook(tmp_path, monkeypatch)
    assert "releases/feed.xml" not in handbook.data_uses
    assert uses(handbook, "guidelines/index.md") == []
    assert len(handbook.data_uses) == 7  # 3 generated pages + 4 pages with macros
