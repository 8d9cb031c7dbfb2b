"""Roles on the product team (data/roles.yml), referred to by id from tools, owners and pages."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from handbook.core.data import DataSet


@dataclass(frozen=True)
class Role:
    id: str
    name: str
    description: str


def roles(dataset: DataSet) -> dict[str, Role]:
    """Role id -> Role, in file order; the first entry wins on a duplicate id."""
    doc = dataset.get("roles.yml")
    if doc is None or not isinstance(doc.data, dict):
        return {}
    result: dict[str, Role] = {}
    for item in doc.data.get("roles") or []:
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            result.setdefault(
                item["id"],
                Role(item["id"], str(item.get("name", "")), str(item.get("description", ""))),
            )
    return result


def owners_to_meet(dataset: DataSet, role: str) -> list[str]:
    """Ids of owners (in file order) whose meet_in_onboarding lists `role`."""
    doc = dataset.get("owners.yml")
    items = doc.data.get("owners") if doc is not None and isinstance(doc.data, dict) else None
    return [
        str(item["id"])
        for item in items or []
        if isinstance(item, dict) and role in (item.get("meet_in_onboarding") or [])
    ]


def build_roles(handbook: Any) -> dict[str, Role]:
    """This build's roles (a Handbook's derived view)."""
    return roles(handbook.dataset)


def role_of(handbook: Any, role: str, macro: str) -> Role:
    """The role `role` of this build's data, or a ValueError naming `macro` and the valid ones."""
    known = handbook.derived(build_roles)
    if role not in known:
        valid = ", ".join(known) or "(none defined)"
        raise ValueError(f"{macro}: {role!r} is not in data/roles.yml; valid roles: {valid}")
    return known[role]
