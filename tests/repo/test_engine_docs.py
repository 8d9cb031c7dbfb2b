"""Engine documentation lives in engine-docs/, outside the published handbook, with links that work.

engine-docs/ is read on the repository host (deploying and benchmarking the engine), so its
relative links must point at files in the repository, and the repository's own files must not
name the pages' old place under docs/about/. Each check is a small function shown to fail on a
bad sample. That the handbook's docs/ and nav leave the pages out is checked with this handbook
(tests/reference/test_content_repo.py).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from tests.helpers import ROOT

ENGINE_DOCS = ROOT / "engine-docs"
PAGES = ("deploying.md", "migration.md", "performance.md", "reference.md", "releasing.md")
LINK = re.compile(r"\]\(([^)\s]+)\)")
FENCE = re.compile(r"^```.*?^```", re.S | re.M)
# A name of the pages' old place under docs/about/.
OLD_LOCATION = re.compile(r"about/(deploying|performance)(\.md|/)|\]\((deploying|performance)\.md")


def broken_links(md_path: Path, text: str) -> list[str]:
    """Relative link targets in `text` (outside code blocks) that are not files or folders."""
    broken = []
    for target in LINK.findall(FENCE.sub("", text)):
        if re.match(r"[a-z][a-z0-9+.-]*:", target) or target.startswith("#"):
            continue  # external address or an anchor on the same page
        path = (md_path.parent / target.split("#", 1)[0]).resolve()
        if not path.exists():
            broken.append(target)
    return broken


def nav_entries(config_text: str) -> list[str]:
    """Every page path in the nav of a mkdocs.yml text (the custom tags such as !ENV ignored)."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    found: list[str] = []

    def walk(item):
        if isinstance(item, str):
            found.append(item)
        elif isinstance(item, list):
            for child in item:
                walk(child)
        elif isinstance(item, dict):
            for child in item.values():
                walk(child)

    walk(yaml.load(config_text, Loader=Loader).get("nav", []))
    return found


@pytest.mark.parametrize("name", PAGES)
def test_engine_page_exists_in_engine_docs(name):
    assert (ENGINE_DOCS / name).is_file()


@pytest.mark.parametrize("name", PAGES)
def test_engine_page_links_resolve_in_the_repository(name):
    path = ENGINE_DOCS / name
    text = path.read_text(encoding="utf-8")
    assert LINK.search(FENCE.sub("", text)), "expected at least one link into the repository"
    assert broken_links(path, text) == []


def test_broken_links_negative_control():
    sample = (
        "See [the README](../README.md), [config](../mkdocs.yml#nav) and [gone](../docs/about/"
        "deploying.md), [site](https://example.com/x) and [here](#top).\n"
        "```md\n[in code](nowhere.md)\n```\n"
    )
    assert broken_links(ENGINE_DOCS / "deploying.md", sample) == ["../docs/about/deploying.md"]


def test_nav_entries_negative_control():
    sample = "site_url: !ENV [X, y]\nnav:\n  - About:\n      - about/deploying.md\n"
    assert nav_entries(sample) == ["about/deploying.md"]


def test_no_reference_to_the_old_location():
    # Repository files that named the pages under docs/about/ now point to engine-docs/.
    checked = [ROOT / "README.md", ROOT / "CONTRIBUTING.md", ROOT / "Makefile"]
    offenders = [
        str(p.relative_to(ROOT)) for p in checked if OLD_LOCATION.search(p.read_text("utf-8"))
    ]
    assert offenders == []
    assert OLD_LOCATION.search("see docs/about/performance.md")
    assert OLD_LOCATION.search("[x](deploying.md)")
