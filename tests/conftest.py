from __future__ import annotations

import datetime as dt

import pytest

from tests.helpers import ROOT, BuildResult, build, mkdocs_env, shared

# Longest-running folders first, so under xdist (`--dist loadscope --no-loadscope-reorder`)
# an e2e case and the browser tests start at once and the short modules fill in around them.
ORDER = ["e2e", "browser", "reference", "build", "hooks", "repo", "unit"]


def _folder(path: str) -> str:
    parts = path.split("::")[0].split("/")
    return parts[1] if len(parts) > 2 and parts[0] == "tests" else ""


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if _folder(item.nodeid) in ("reference", "browser"):
            item.add_marker(pytest.mark.reference)
        # These build the whole handbook (once per run, but still the longest builds).
        if {"real_site", "browser_site"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)
    rank = {name: float(i) for i, name in enumerate(ORDER)}
    e2e = [item for item in items if _folder(item.nodeid) == "e2e"]
    # Only the first e2e case starts at once: the others wait for the engine it installs, so
    # they go after the browser modules instead of holding a worker idle on the lock.
    later = {id(item) for item in e2e[1:]}
    items.sort(
        key=lambda item: (
            rank["browser"] + 0.5
            if id(item) in later
            else rank.get(_folder(item.nodeid), len(ORDER))
        )
    )


def pytest_xdist_make_scheduler(config: pytest.Config, log):
    """With --dist loadscope: one module per worker, so a module-scoped build runs once, except
    that each e2e case is its own unit (they share the engine through `shared`, as the browser
    modules share their site), so the long ones run at once on both workers."""
    if config.getvalue("dist") != "loadscope":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class Scheduler(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            folder = _folder(nodeid)
            if folder == "e2e":
                return nodeid
            return super()._split_scope(nodeid)

    return Scheduler(config, log)


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The real handbook, built once per test run with --strict, on today's date: the dates in
    its content must never fail a build."""
    env = mkdocs_env(today=dt.date.today().isoformat())
    return shared(tmp_path_factory, "real-site", lambda folder: build(ROOT, folder / "site", env))
