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
from handbook.core.features import Features, load_features
from handbook.core.owners import Owner
from handbook.core.problems import Problem
from handbook.core.today import today as resolve_today
from handbook.releases import model as releases
from handbook.templates import model as templates_mod
from handbook.tools import checks as tool_checks

CrossCheck = Callable[[DataSet, dt.date], list[Problem]]

# Checks across files and records, after each file passed its own schema, with the feature
# that needs each (None: always). Each feature module adds its own check here.
CROSS_CHECKS: list[tuple[str | None, CrossCheck]] = [
    (None, lambda dataset, _today: owners_mod.check(dataset)),
    ("releases", releases.check),
    ("tools", tool_checks.check_tools),
    ("onboarding", tool_checks.check_onboarding_roles),
    (
        "templates",
        lambda dataset, today: templates_mod.check_templates(
            dataset.root, owners_mod.owners(dataset), today
        ),
    ),
]

# The data file an enabled feature cannot work without.
REQUIRED_DATA = {"tools": "tools.yml", "onboarding": "roles.yml"}


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
    dataset = load_dataset(root)
    problems = list(dataset.problems)
    # Cross-checks only make sense on files that passed their schema.
    broken = {p.file for p in problems if p.severity == "error"}
    features = load_features(dataset)
    if not broken:
        problems.extend(_missing_feature_data(dataset, features))
        for feature, check in CROSS_CHECKS:
            if feature is None or getattr(features, feature):
                problems.extend(check(dataset, day))
    handbook = Handbook(root=root, today=day, dataset=dataset, problems=sorted(problems))
    handbook.memo("features", lambda: features)  # read once, here
    return handbook


def _missing_feature_data(dataset: DataSet, features: Features) -> list[Problem]:
    problems = []
    for feature, name in REQUIRED_DATA.items():
        if getattr(features, feature) and dataset.get(name) is None:
            message = (
                f"missing: the {feature} feature needs it; add the file, or turn the feature "
                f"off with `{feature}: false` in data/{FEATURES_FILE}"
            )
            problems.append(Problem(f"data/{name}", 0, message))
    return problems
