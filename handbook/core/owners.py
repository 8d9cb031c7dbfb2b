"""Owners: the teams and people who own pages, tools and templates (data/owners.yml)."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import escape

from handbook.core.data import DataSet
from handbook.core.problems import Problem


@dataclass(frozen=True)
class Owner:
    id: str
    name: str
    kind: str
    role: str
    contact: str
    review_handle: str
    line: int = 0


def owners(dataset: DataSet) -> dict[str, Owner]:
    doc = dataset.get("owners.yml")
    if doc is None or not isinstance(doc.data, dict):
        return {}
    result: dict[str, Owner] = {}
    for i, item in enumerate(doc.data.get("owners") or []):
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            continue
        result.setdefault(
            item["id"],
            Owner(
                id=item["id"],
                name=str(item.get("name", item["id"])),
                kind=str(item.get("kind", "team")),
                role=str(item.get("role", "")),
                contact=str(item.get("contact", "")),
                review_handle=str(item.get("review_handle", "")),
                line=doc.line_of(("owners", i)),
            ),
        )
    return result


def check(dataset: DataSet) -> list[Problem]:
    doc = dataset.get("owners.yml")
    if doc is None:
        return [Problem("data/owners.yml", 0, "missing: every page and tool needs an owner list")]
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    items = doc.data.get("owners") if isinstance(doc.data, dict) else None
    for i, item in enumerate(items or []):
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            continue
        line = doc.line_of(("owners", i, "id"))
        if item["id"] in seen:
            problems.append(
                Problem(
                    doc.file,
                    line,
                    f"duplicate owner id {item['id']!r} (first on line {seen[item['id']]})",
                    f"owners[{i}].id",
                )
            )
        else:
            seen[item["id"]] = line
    return problems


# ---------------------------------------------------------------------------------------------
# The engine's own macro, on every handbook whatever its features
# ---------------------------------------------------------------------------------------------


def register_macros(env, handbook) -> None:
    """Defines `owner_name` on the mkdocs-macros env (handbook.mkdocs.macros calls this)."""

    @env.macro
    def owner_name(owner_id: str) -> str:
        """The display name of an owner, as text.

        Arguments:
            owner_id: an owner id from data/owners.yml; an unknown id fails the build.
        Example: {{ owner_name("product-ops") }}
        """
        try:
            return str(escape(handbook.owners[owner_id].name))
        except KeyError:
            raise ValueError(f"owner_name: {owner_id!r} is not in data/owners.yml") from None
