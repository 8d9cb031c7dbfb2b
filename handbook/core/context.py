"""One entry point that loads the data and runs every cross-check: used by the build and the CLI."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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
    # Derived views computed on first use within this build (see `memo`).
    _memo: dict[str, Any] = field(default_factory=dict, repr=False)

    def record_use(self, page: str | None, use: DataUse) -> None:
        """Remember that `page` (a docs-relative source path) shows `use`; None is ignored."""
        if page:
            self.data_uses.setdefault(page, []).append(use)

    @property
    def owners(self) -> dict[str, Owner]:
        return self.memo("owners", lambda: owners_mod.owners(self.dataset))

    @property
    def features(self) -> Features:
        return self.memo("features", lambda: load_features(self.dataset))

    def memo(self, key: str, compute: Callable[[], Any]) -> Any:
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]


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
    handbook = Handbook(root=root, today=day, dataset=dataset, problems=sorted(problems))
    handbook.memo("features", lambda: features)  # read once, here
    return handbook


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
