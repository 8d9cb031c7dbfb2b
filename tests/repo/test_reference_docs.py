"""engine-docs/reference.md is what the installed engine writes about itself, byte for byte."""

from __future__ import annotations

from handbook.core.reference import markdown
from tests.helpers import ROOT

REFERENCE = ROOT / "engine-docs" / "reference.md"


def test_the_committed_reference_is_what_the_engine_writes():
    committed = REFERENCE.read_text(encoding="utf-8")
    assert committed == markdown(), "engine-docs/reference.md is out of date: run `make reference`"


def test_readme_and_engine_docs_link_the_reference():
    assert "(engine-docs/reference.md)" in (ROOT / "README.md").read_text(encoding="utf-8")
    for page in ("deploying.md", "releasing.md"):
        text = (ROOT / "engine-docs" / page).read_text(encoding="utf-8")
        assert "(reference.md)" in text, page
