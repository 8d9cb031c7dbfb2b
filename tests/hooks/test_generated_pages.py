"""Generated pages under `mkdocs serve --dirty`: re-rendered only when their source changed.

Real in-process builds, as `mkdocs serve` runs them: a fresh config for every rebuild, in one
process, the second one dirty.
"""

from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from tests.helpers import make_project, page


def _build(project: Path, site: Path, dirty: bool) -> None:
    mkdocs_build(load_config(str(project / "mkdocs.yml"), site_dir=str(site)), dirty=dirty)


def _mtimes(site: Path, *pages: str) -> dict[str, int]:
    return {p: (site / p / "index.html").stat().st_mtime_ns for p in pages}


def test_dirty_rebuild_keeps_unchanged_generated_pages(tmp_path, monkeypatch):
    monkeypatch.setenv("HANDBOOK_TODAY", "2026-11-21")
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    nav = "nav:\n  - index.md\n  - Tool stack:\n      - tools/index.md\n"
    docs = {"index.md": page("# Home\n"), "tools/index.md": page("# Tools\n")}
    project = make_project(tmp_path, docs, nav=nav)
    site = tmp_path / "site"
    _build(project, site, dirty=False)
    pages = ("tools/tracker", "templates/prd", "about/freshness", "")
    before = _mtimes(site, *pages)

    (project / "docs" / "index.md").write_text(page("# Home\n\nEdited.\n"), encoding="utf-8")
    _build(project, site, dirty=True)
    after = _mtimes(site, *pages)
    assert after["tools/tracker"] == before["tools/tracker"]
    assert after["templates/prd"] == before["templates/prd"]
    # Negative controls: the edited page and the dashboard (which depends on every page) are
    # written again.
    assert after[""] != before[""]
    assert after["about/freshness"] != before["about/freshness"]
    assert "Edited." in (site / "index.html").read_text(encoding="utf-8")

    # A change to a tool's data re-renders that tool's page on the next dirty build.
    tools = project / "data" / "tools.yml"
    text = tools.read_text(encoding="utf-8")
    tools.write_text(text.replace("name: Tracker\n", "name: Tracker Pro\n", 1), encoding="utf-8")
    _build(project, site, dirty=True)
    assert _mtimes(site, "tools/tracker")["tools/tracker"] != after["tools/tracker"]
    assert "Tracker Pro" in (site / "tools" / "tracker" / "index.html").read_text(encoding="utf-8")
