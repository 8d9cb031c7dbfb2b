from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import ROOT, BuildResult, build


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The real handbook, built once per test session with --strict."""
    site = tmp_path_factory.mktemp("real-site") / "site"
    return build(ROOT, site)


@pytest.fixture()
def root() -> Path:
    return ROOT
