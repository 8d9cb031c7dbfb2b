"""The feature registry: each feature declares, once, what it owns.

The check command, the build, `handbook upgrade`, the freshness dashboard and the reference
docs iterate the registry; nothing else names features. A feature is a package with a
`feature.py` that defines `FEATURE`; the engine's own are listed in BUILT_IN, and a team's
package adds one through the `handbook.features` entry point group, without touching the
engine:

    [project.entry-points."handbook.features"]
    experiments = "acme_handbook.experiments.feature:FEATURE"
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from handbook.core.context import Handbook
    from handbook.core.data import DataSet
    from handbook.core.problems import Problem
    from handbook.freshness.model import PageFreshness, Policy

# The engine's features, in the order their checks, pages and nav sections run.
BUILT_IN = ("releases", "tools", "templates", "onboarding", "company")
ENTRY_POINTS = "handbook.features"

CrossCheck = Callable[["DataSet", dt.date], list["Problem"]]


@dataclass(frozen=True)
class GeneratedPage:
    """A page a feature makes at build time, from its data."""

    src_uri: str  # e.g. "experiments/checkout-test.md"
    markdown: str
    title: str
    group: tuple[str, ...] = ()  # sub-sections of its folder's nav section
    order: str | None = None


@dataclass(frozen=True)
class DocsPage:
    """A page a handbook writes in a feature's folder: where it goes and what it holds."""

    src_uri: str  # docs-relative, e.g. "tools/radar.md"; <role> and the like stand for names
    holds: str  # what the page is for and the macro calls it makes, in markdown


@dataclass(frozen=True)
class Feature:
    """What one feature owns. Only `name` and `summary` are required."""

    name: str  # its switch in data/features.yml
    summary: str  # one line: what it adds to a handbook
    # Data files (relative to data/) the feature cannot work without while it is on.
    required_data: tuple[str, ...] = ()
    # JSON Schemas it brings, by file (the engine's own live in handbook/schemas/).
    schemas: tuple[Path, ...] = ()
    # Checks across data files, after each passed its schema: (dataset, today) -> problems.
    cross_checks: tuple[CrossCheck, ...] = ()
    # register(env, handbook): defines its macros on the mkdocs-macros env.
    macros: Callable[[Any, Handbook], None] | None = None
    # Pages made at build time that need nothing but their markdown (others use a hook).
    pages: Callable[[Handbook], list[GeneratedPage]] | None = None
    # The review status of each generated page, for the dashboard and `handbook freshness`.
    freshness: Callable[[Handbook, Policy], list[PageFreshness]] | None = None
    # Engine hook modules it needs in mkdocs.yml: job (handbook.mkdocs.<job>) -> what it does.
    hooks: dict[str, str] = field(default_factory=dict)
    # For macros whose arguments name data: check(handbook) -> {macro: check(args, kwargs)},
    # run on literal arguments by `handbook check` and the build before any page renders.
    argument_checks: Callable[[Handbook], dict[str, Any]] | None = None
    # Its folder under docs_dir: the nav section its pages join, left out while it is off.
    section: str | None = None
    # The pages a handbook writes for it, its section's index first: listed in the nav of
    # mkdocs.yml, the index is where the feature's generated pages join the nav.
    docs_pages: tuple[DocsPage, ...] = ()


def _built_in(name: str) -> Feature:
    return importlib.import_module(f"handbook.{name}.feature").FEATURE


def _installed() -> list[Feature]:
    found = []
    for point in entry_points(group=ENTRY_POINTS):
        feature = point.load()
        if not isinstance(feature, Feature):
            raise TypeError(f"entry point {point.name} ({point.value}) is not a handbook Feature")
        found.append(feature)
    return sorted(found, key=lambda f: f.name)


def registry() -> tuple[Feature, ...]:
    """Every feature: the engine's, then installed ones by name. Names are unique."""
    features = [_built_in(name) for name in BUILT_IN] + _installed()
    seen: set[str] = set()
    for feature in features:
        if feature.name in seen:
            raise ValueError(f"two features are called {feature.name!r}")
        seen.add(feature.name)
    return tuple(features)


def by_name() -> dict[str, Feature]:
    return {feature.name: feature for feature in registry()}


class MacroRecorder:
    """Stands in for the mkdocs-macros env: records the macros and filters a feature defines
    (handbook export renders pages with one)."""

    def __init__(self) -> None:
        self.macros: dict[str, Callable] = {}
        self.variables: dict[str, Any] = {}
        self.filters: dict[str, Callable] = {}

    def macro(self, function: Callable, name: str = "") -> Callable:
        self.macros[name or function.__name__] = function
        return function

    def filter(self, function: Callable, name: str = "") -> Callable:
        self.filters[name or function.__name__] = function
        return function


def recorded_macros(register: Callable[[Any, Handbook], None]) -> dict[str, Callable]:
    """Name -> function of the macros `register(env, handbook)` defines, by name (registration
    defines, it never calls, so no handbook is needed)."""
    recorder = MacroRecorder()
    register(recorder, None)  # type: ignore[arg-type]
    return dict(sorted(recorder.macros.items()))


def macros_of(feature: Feature) -> dict[str, Callable]:
    """Name -> function of the macros `feature` defines, by name."""
    return {} if feature.macros is None else recorded_macros(feature.macros)


def macro_names(feature: Feature) -> tuple[str, ...]:
    """The names of the macros `feature` defines."""
    return tuple(macros_of(feature))
