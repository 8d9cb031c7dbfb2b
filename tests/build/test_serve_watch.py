"""`make serve` rebuilds when data/ changes, not only docs/ (mkdocs.yml `watch:`)."""

import re
from pathlib import Path

import pytest

import handbook
from tests.helpers import FIXTURE, make_project, page
from tests.serving import mkdocs_serve, wait_for

DOCS = {
    "index.md": page("# Home\n\nOwner: {{ owner_name('product-ops') }}.\n", render_macros="true")
}
NAV = "nav:\n  - index.md\n"
STARTER_CONFIG = Path(handbook.__file__).parent / "starter" / "mkdocs.yml"
# Bounded: a rebuild of this one-page site takes about a second; allow for a busy machine.
REBUILD_TIMEOUT = 45
# The negative control waits this long for a rebuild that must not come.
QUIET_WINDOW = 6


def _rename_owner(project, new_name: str) -> None:
    owners = project / "data" / "owners.yml"
    text = owners.read_text(encoding="utf-8")
    owners.write_text(text.replace("name: Product Operations", f"name: {new_name}", 1))


def test_editing_data_rebuilds_the_served_site(tmp_path):
    project = make_project(tmp_path, DOCS, nav=NAV)
    with mkdocs_serve(project) as server:
        assert "Owner: Product Operations." in server.get()[1]
        _rename_owner(project, "Product Ops Guild")
        changed = wait_for(lambda: "Owner: Product Ops Guild." in server.get()[1], REBUILD_TIMEOUT)
        assert changed, server.log()


def test_without_watch_a_data_edit_is_not_picked_up(tmp_path):
    # Negative control: the same edit with `watch:` removed from mkdocs.yml is never served.
    project = make_project(tmp_path, DOCS, nav=NAV)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(re.sub(r"\nwatch:\n(  - .*\n)+", "\n", text), encoding="utf-8")
    assert "\nwatch:" not in config.read_text(encoding="utf-8")
    with mkdocs_serve(project) as server:
        _rename_owner(project, "Product Ops Guild")
        changed = wait_for(lambda: "Product Ops Guild" in server.get()[1], QUIET_WINDOW)
        assert not changed
        assert "Owner: Product Operations." in server.get()[1]


def watched(config: Path) -> set[str]:
    """The folders a handbook's mkdocs.yml asks `mkdocs serve` to watch besides docs/."""
    text = config.read_text(encoding="utf-8")
    block = re.search(r"\nwatch:\n((?:  - .*\n)+)", text)
    assert block, f"{config} has no watch: list"
    return {line.strip()[2:] for line in block.group(1).splitlines()}


@pytest.mark.parametrize(
    "config", [STARTER_CONFIG, FIXTURE / "mkdocs.yml"], ids=["starter", "fixture"]
)
def test_config_watches_data_templates_and_hooks(config):
    folders = watched(config)
    # Not the engine package: a handbook that installs it has no handbook/ folder.
    assert folders >= {"data", "templates", "hooks"}
    assert "handbook" not in folders
