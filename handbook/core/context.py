"""One entry point that loads the data and runs every cross-check: used by the build and the CLI."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from handbook.core import owners as owners_mod
from handbook.core.data import DataSet, load_dataset
from handbook.core.features import FILE as FEATURES_FILE
from handbook.core.features import Features, check_features, load_features
from handbook.core.outside import links_leaving
from handbook.core.owners import Owner
from handbook.core.paths import data_dir, docs_dir, templates_dir
from handbook.core.problems import Problem
from handbook.core.registry import registry
from handbook.core.today import today as resolve_today

T = TypeVar("T")


@dataclass(frozen=True)
class DataUse:
    """One piece of data a page shows, e.g. label "tool Jira", source "data/tools.yml"."""

    label: str
    source: str
    last_updated: dt.date | None


@dataclass
class Handbook:
    """Everything one build (or one CLI run) knows: loaded once, never cached across builds."""

    root: Path
    today: dt.date
    dataset: DataSet
    problems: list[Problem]
    # Data each page showed through a macro, by page source path (e.g. "guidelines/x.md"):
    # freshness compares the data's last_updated with the page's last_reviewed.
    data_uses: dict[str, list[DataUse]] = field(default_factory=dict)
    owners: dict[str, Owner] = field(default_factory=dict)
    features: Features = field(default_factory=Features)
    # Views derived from the data on first use within this build (see `derived`).
    _derived: dict[Callable[..., Any], Any] = field(default_factory=dict, repr=False)

    def record_use(self, page: str | None, use: DataUse) -> None:
        """Remember that `page` (a docs-relative source path) shows `use`; None is ignored."""
        if page:
            self.data_uses.setdefault(page, []).append(use)

    def derived(self, compute: Callable[[Handbook], T]) -> T:
        """`compute(self)`, once per build. Keyed by the function itself (a module-level
        function, never a lambda), so callers share a view by naming the same loader."""
        if compute not in self._derived:
            self._derived[compute] = compute(self)
        return self._derived[compute]


def load_handbook(root: Path, today: str | dt.date | None = None) -> Handbook:
    day = resolve_today(today)
    # Before anything is read: a link out of the handbook is refused, and never followed.
    leaving = links_leaving(root, [docs_dir(root), templates_dir(root), data_dir(root)])
    dataset = load_dataset(root)
    problems = leaving + list(dataset.problems)
    # Cross-checks only make sense on files that passed their schema.
    broken = {p.file for p in problems if p.severity == "error"}
    features = load_features(dataset)
    if not broken:
        problems.extend(owners_mod.check(dataset))
        problems.extend(check_features(dataset))
        problems.extend(_missing_feature_data(dataset, features))
        for feature in registry():
            if features.on(feature.name):
                for check in feature.cross_checks:
                    problems.extend(check(dataset, day))
    return Handbook(
        root=root,
        today=day,
        dataset=dataset,
        problems=sorted(problems),
        owners=owners_mod.owners(dataset),
        features=features,
    )


def _missing_feature_data(dataset: DataSet, features: Features) -> list[Problem]:
    problems = []
    for feature in registry():
        if not features.on(feature.name):
            continue
        for name in feature.required_data:
            if dataset.get(name) is None:
                message = (
                    f"missing: the {feature.name} feature needs it; add the file, or turn the "
                    f"feature off with `{feature.name}: false` in data/{FEATURES_FILE}"
                )
                problems.append(Problem(f"data/{name}", 0, message))
    return problems
