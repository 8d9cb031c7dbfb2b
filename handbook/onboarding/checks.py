"""Cross-checks for onboarding: the roles owners are met in must exist in data/roles.yml."""

from __future__ import annotations

import datetime as dt

from handbook.core import roles as roles_mod
from handbook.core.data import DataSet
from handbook.core.problems import Problem, key_path


def check_onboarding_roles(dataset: DataSet, _today: dt.date) -> list[Problem]:
    """Roles named in owners' meet_in_onboarding must exist in data/roles.yml."""
    doc = dataset.get("owners.yml")
    known = roles_mod.roles(dataset)
    if doc is None or not known or not isinstance(doc.data, dict):
        return []
    problems = []
    for i, item in enumerate(doc.data.get("owners") or []):
        for j, role in enumerate((item or {}).get("meet_in_onboarding") or []):
            if role not in known:
                path = ("owners", i, "meet_in_onboarding", j)
                problems.append(
                    Problem(
                        doc.file,
                        doc.line_of(path),
                        f"role {role!r} is not in data/roles.yml",
                        key_path(path),
                    )
                )
    return problems
