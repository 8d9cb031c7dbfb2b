"""Macro calls whose literal arguments name data that does not exist, found before rendering.

`{{ tool_list({'jira': ...}) }}`, `{{ tools_for_role('pm') }}`, `{{ owner_name('ops') }}`,
`{{ fact('cadences.sprint') }}`: a tool, role or owner id (or a fact's path) written in a page
is checked against the data, so `handbook check` refuses the page at the call's line as the
build would. Arguments computed at render time are left to the macro itself.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from jinja2 import nodes

from handbook.core.problems import Problem
from handbook.pages.frontmatter import Page
from handbook.pages.sandbox import parse_page

# macro name -> check(positional literals, keyword literals) -> messages; None means "not a
# literal" and is skipped by the checks.
ArgumentCheck = Callable[[list[Any], dict[str, Any]], list[str]]

_UNKNOWN = object()


def _literal(node: nodes.Node) -> Any:
    if isinstance(node, nodes.Const):
        return node.value
    if isinstance(node, nodes.Dict):
        keys = [_literal(pair.key) for pair in node.items]
        if any(k is _UNKNOWN for k in keys):
            return _UNKNOWN
        return {k: None for k in keys}
    if isinstance(node, (nodes.List, nodes.Tuple)):
        items = [_literal(item) for item in node.items]
        return _UNKNOWN if any(i is _UNKNOWN for i in items) else items
    return _UNKNOWN


def literal_calls(source: str, names: set[str]) -> list[tuple[int, str, list[Any], dict[str, Any]]]:
    """(line, macro, args, kwargs) of each call of `names` whose arguments are all literals."""
    tree = parse_page(source)
    if tree is None:
        return []
    found = []
    for call in tree.find_all(nodes.Call):
        if not isinstance(call.node, nodes.Name) or call.node.name not in names:
            continue
        args = [_literal(a) for a in call.args]
        kwargs = {k.key: _literal(k.value) for k in call.kwargs}
        if _UNKNOWN in args or _UNKNOWN in kwargs.values():
            continue
        found.append((call.lineno, call.node.name, args, kwargs))
    return found


def check_macro_arguments(
    page: Page, checks: Mapping[str, ArgumentCheck], src_uri: str | None = None
) -> list[Problem]:
    """Problems at each call's line, worded as the macro itself words them (`{page}` in a
    message is the page's path under the docs folder, `src_uri`)."""
    if page.meta.get("render_macros") is not True or not checks:
        return []
    where = src_uri or page.file
    problems = []
    for line, macro, args, kwargs in literal_calls(page.body, set(checks)):
        for message in checks[macro](args, kwargs):
            text = message.replace("{page}", where)
            if not text.startswith(f"{macro} "):
                text = f"{macro}: {text}"
            line_no = page.body_line + line - 1
            problems.append(Problem(page.file, line_no, text, key="macros"))
    return problems


def ids_in(known: Callable[[], Mapping[str, Any]], wording: str) -> Callable[[Any], list[str]]:
    """A check that each id in a value (one id, a list of ids or a mapping's keys) is known;
    `wording` is the message for one unknown id, with `{id}` and `{valid}` filled in."""

    def check(value: Any) -> list[str]:
        ids = list(value) if isinstance(value, (list, dict)) else [value]
        valid = known()
        listed = ", ".join(valid) or "(none defined)"
        return [
            wording.format(id=repr(i), valid=listed, page="{page}")
            for i in ids
            if isinstance(i, str) and i not in valid
        ]

    return check


def argument_checks(handbook: Any) -> dict[str, ArgumentCheck]:
    """Every on feature's argument checks for this build, and owner_name's."""
    from handbook.core.registry import registry

    owners = ids_in(lambda: handbook.owners, "{id} is not in data/owners.yml; valid: {valid}")
    checks: dict[str, ArgumentCheck] = {"owner_name": on_first(owners)}
    for feature in registry():
        if feature.argument_checks is not None and handbook.features.on(feature.name):
            checks.update(feature.argument_checks(handbook))
    return checks


def on_first(check: Callable[[Any], list[str]]) -> ArgumentCheck:
    """An argument check that applies `check` to the macro's first positional argument."""
    return lambda args, _kw: check(args[0]) if args else []


def role_ids(handbook: Any) -> Callable[[Any], list[str]]:
    """Role ids against data/roles.yml, worded as the role macros word the mistake."""
    from handbook.core.roles import build_roles

    return ids_in(
        lambda: handbook.derived(build_roles),
        "{id} is not in data/roles.yml; valid roles: {valid}",
    )
