"""This handbook's mkdocs.yml keeps the settings the engine relies on."""

from __future__ import annotations

from tests.build.test_serve_watch import watched
from tests.helpers import ROOT


def test_serve_watches_data_templates_and_hooks():
    folders = watched(ROOT / "mkdocs.yml")
    assert folders >= {"data", "templates", "hooks"}
    assert "handbook" not in folders
