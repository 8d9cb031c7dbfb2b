"""Cross-checks of data/tools.yml against itself, data/owners.yml and data/roles.yml.

Errors fail the build and `handbook check`: they are mistakes made in the change itself
(a typo in an id, an integration left pointing at a tool just retired). A renewal date that
has passed is a notice: it becomes true by the calendar alone, so it must not break every
build of an unrelated change; it is shown on the renewals page and by `handbook check`.
The rule is documented in docs/tools/editing-tool-data.md.
"""

from __future__ import annotations

import datetime as dt

from handbook.core import roles as roles_mod
from handbook.core.data import DataSet
from handbook.core.owners import owners
from handbook.core.problems import Problem, key_path
from handbook.core.yamlload import YamlDoc
from handbook.tools.model import load_tools
from handbook.tools.views import renewal_overdue


def _problem(doc: YamlDoc, path: tuple, message: str, severity: str = "error") -> Problem:
    return Problem(doc.file, doc.line_of(path), message, key_path(path), severity)  # type: ignore[arg-type]


def check_tools(dataset: DataSet, today: dt.date) -> list[Problem]:
    doc = dataset.get("tools.yml")
    if doc is None:
        return []
    stack = load_tools(dataset)
    known_owners = owners(dataset)
    known_roles = roles_mod.roles(dataset)
    categories = [c.id for c in stack.categories]
    ids = stack.by_id()  # first entry wins
    problems: list[Problem] = []
    first_line: dict[str, int] = {}
    for tool in stack.tools:
        i = tool.index
        at = ("tools", i)
        line = doc.line_of((*at, "id"))
        if tool.id in first_line:
            problems.append(
                _problem(
                    doc,
                    (*at, "id"),
                    f"duplicate tool id {tool.id!r} (first on line {first_line[tool.id]})",
                )
            )
        else:
            first_line[tool.id] = line
        if tool.category not in categories:
            valid = ", ".join(categories)
            problems.append(
                _problem(
                    doc, (*at, "category"), f"unknown category {tool.category!r}; valid: {valid}"
                )
            )
        if tool.owner not in known_owners:
            problems.append(
                _problem(doc, (*at, "owner"), f"owner {tool.owner!r} is not in data/owners.yml")
            )
        for j, role in enumerate(tool.used_by):
            if known_roles and role not in known_roles:
                problems.append(
                    _problem(doc, (*at, "used_by", j), f"role {role!r} is not in data/roles.yml")
                )
        for j, other in enumerate(tool.integrates_with):
            where = (*at, "integrates_with", j)
            if other == tool.id:
                problems.append(_problem(doc, where, f"{tool.id!r} cannot integrate with itself"))
            elif other not in ids:
                problems.append(_problem(doc, where, f"integration with unknown tool {other!r}"))
            elif ids[other].retired and not tool.retired:
                problems.append(
                    _problem(
                        doc,
                        where,
                        f"integration with {other!r}, which is retired; remove it or "
                        "replace it with the tool that took over",
                    )
                )
        if tool.history and tool.history[-1].ring != tool.status:
            problems.append(
                _problem(
                    doc,
                    (*at, "status"),
                    f"status {tool.status!r} differs from the latest ring move "
                    f"({tool.history[-1].ring!r}); add a history entry for the move",
                )
            )
        if renewal_overdue(tool, today):
            problems.append(
                _problem(
                    doc,
                    (*at, "renewal"),
                    f"renewal date {tool.renewal} has passed; set the next renewal date "
                    "(or retire the tool)",
                    "notice",
                )
            )
    return problems
