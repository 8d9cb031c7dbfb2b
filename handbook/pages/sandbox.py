"""The sandbox that renders `render_macros: true` pages: plain data in, bounded work out.

mkdocs-macros builds a plain `jinja2.Environment` and hands pages live MkDocs objects (the
page, its file, the site's files and nav). Those objects have public methods that read,
write and register files, so a page could read the build's environment or drop a file into
the virtual environment. Here pages get copies of plain data only (`page_view`, `plain`),
render in an immutable sandbox (no attribute starting with `_`, no `list.append` or
`dict.update` on shared data), and each page has a budget of operations, output and time.
"""

from __future__ import annotations

import datetime as dt
import functools
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from types import FrameType
from typing import Any

from jinja2 import Environment, TemplateSyntaxError, nodes
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import Namespace

from handbook.core.problems import Problem
from handbook.pages.frontmatter import Page

# Per page: operations (calls, attribute and item lookups, loop steps, arithmetic), output
# characters, wall-clock seconds, and the size of any one string or list a page computes.
MAX_OPERATIONS = 2_000_000
MAX_OUTPUT = 5_000_000
MAX_SECONDS = 20.0
MAX_VALUE = 1_000_000
# Nested `for` loops: three over the handbook's data is plenty; deeper ones multiply.
MAX_LOOP_DEPTH = 3

# What a page may read of itself: `page.title`, `page.url`, `page.meta.owner`, `page.src_uri`.
PAGE_FIELDS = ("title", "url", "src_uri", "meta")

# Names mkdocs-macros gives pages that a handbook page may not have: the build's config,
# the site's live files and nav, machine details, and the plugin's own debug macros.
WITHHELD = frozenset(
    {
        "config",
        "environment",
        "plugin",
        "git",
        "files",
        "navigation",
        "macros",
        "filters",
        "filters_builtin",
        "context",
        "macros_info",
        "now",
        "fix_url",
    }
)
WITHHELD_FILTERS = ("pretty", "relative_url")

# Jinja's own globals (harmless language helpers), kept for pages.
JINJA_GLOBALS = frozenset({"range", "dict", "lipsum", "cycler", "joiner", "namespace"})

PLAIN_TYPES = (str, int, float, bool, type(None), dt.date)


class BudgetExceeded(SecurityError):
    """A page's macros did more work than a page may do."""


@dataclass(frozen=True)
class PageView:
    """What a page's Jinja sees of the page: copies of plain values, no methods that act."""

    title: str
    url: str
    src_uri: str
    meta: dict[str, Any] = field(default_factory=dict)


def plain(value: Any, depth: int = 0) -> Any:
    """A copy of `value` built only from str, numbers, dates, lists and dicts; any other
    object becomes its text. Front matter is data, never a live object."""
    if depth > 50:
        raise ValueError("front matter nested more than 50 levels deep")
    if isinstance(value, PLAIN_TYPES):
        return value
    if isinstance(value, dict):
        return {str(k): plain(v, depth + 1) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v, depth + 1) for v in value]
    return str(value)


def page_view(title: object, url: str, src_uri: str, meta: dict) -> PageView:
    return PageView(str(title or ""), str(url), str(src_uri), plain(dict(meta)))


def _template_line() -> int:
    """The line of the template being rendered, from the innermost compiled-template frame."""
    frame: FrameType | None = sys._getframe(1)
    while frame is not None:
        template = frame.f_globals.get("__jinja_template__")
        if template is not None:
            return template.get_corresponding_lineno(frame.f_lineno)
        frame = frame.f_back
    return 1


@dataclass
class Budget:
    file: str = ""
    line_offset: int = 0  # file line of the body's first line, minus one
    operations: int = 0
    output: int = 0
    deadline: float = float("inf")

    def start(self, file: str, body_line: int = 1) -> None:
        self.file, self.line_offset = file, body_line - 1
        self.operations, self.output = 0, 0
        self.deadline = time.monotonic() + MAX_SECONDS

    def exceeded(self, message: str) -> BudgetExceeded:
        """The error, as `file:line: macros: message` like every other page problem."""
        line = self.line_offset + _template_line()
        return BudgetExceeded(f"{self.file}:{line}: macros: {message}")

    def tick(self, count: int = 1) -> None:
        self.operations += count
        if self.operations > MAX_OPERATIONS:
            raise self.exceeded(
                f"more than {MAX_OPERATIONS:,} operations; a page shows data, it does not "
                "compute it"
            )
        if self.operations % 4096 < count and time.monotonic() > self.deadline:
            raise self.exceeded(f"the page's macros ran longer than {MAX_SECONDS:g} s")

    def value(self, result: Any) -> Any:
        if isinstance(result, (str, list, tuple, dict, range)) and len(result) > MAX_VALUE:
            raise self.exceeded(
                f"a value of {len(result):,} items is larger than a page may build ({MAX_VALUE:,})"
            )
        return result

    def emit(self, size: int) -> None:
        self.output += size
        if self.output > MAX_OUTPUT:
            raise self.exceeded(f"the page's macros wrote more than {MAX_OUTPUT:,} characters")
        self.tick()


class BudgetNamespace(Namespace):
    """`namespace()` whose attributes may not grow past the value limit."""

    budget: Budget | None = None

    def __setitem__(self, name: str, value: Any) -> None:
        # Namespace answers attribute lookups from its own items; the budget is on the class.
        budget = object.__getattribute__(self, "__class__").budget
        if budget is not None:
            budget.value(value)
            budget.tick()
        super().__setitem__(name, value)


class PageSandbox(ImmutableSandboxedEnvironment):
    """The immutable sandbox, with every call, lookup, loop step and output chunk counted."""

    intercepted_binops = frozenset({"*", "**", "+", "%", "//"})
    budget: Budget

    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 (Jinja's signature)
        __self.budget.tick()
        for arg in (*args, *kwargs.values()):
            __self.budget.value(arg)
        result = super().call(__context, __obj, *args, **kwargs)
        return __self.budget.value(result)

    def getattr(self, obj, attribute):
        self.budget.tick()
        return super().getattr(obj, attribute)

    def getitem(self, obj, argument):
        self.budget.tick()
        return super().getitem(obj, argument)

    def call_binop(self, context, operator, left, right):
        self.budget.tick()
        if operator == "**" and isinstance(right, int) and right > 64:
            raise self.budget.exceeded("an exponent above 64 is refused")
        if operator == "*":
            for count, other in ((left, right), (right, left)):
                if isinstance(count, int) and isinstance(other, (str, list, tuple)):
                    self.budget.value(range(count * len(other)))
        return self.budget.value(super().call_binop(context, operator, left, right))

    def concat(self, parts: Iterable[str]) -> str:  # type: ignore[override]
        return "".join(self._counted(parts))

    def _counted(self, parts: Iterable[str]) -> Iterator[str]:
        for part in parts:
            self.budget.emit(len(part))
            yield part


def _budget_range(budget: Budget):
    def budget_range(*args: int) -> Iterator[int]:
        numbers = range(*args)
        budget.value(numbers)

        def steps() -> Iterator[int]:
            for number in numbers:
                budget.tick()
                yield number

        return steps()

    return budget_range


def sandbox(env: Environment) -> None:
    """Make `env` render as a PageSandbox, keeping the settings and globals the plugin set."""
    if isinstance(env, PageSandbox):
        return
    env.__class__ = PageSandbox
    budget = Budget()
    env.budget = budget  # type: ignore[attr-defined]
    # What SandboxedEnvironment.__init__ would have set; templates compiled before are dropped.
    env.globals["range"] = _budget_range(budget)

    class PageNamespace(BudgetNamespace):
        pass

    PageNamespace.budget = budget
    env.globals["namespace"] = PageNamespace
    env.binop_table = PageSandbox.default_binop_table.copy()  # type: ignore[attr-defined]
    env.unop_table = PageSandbox.default_unop_table.copy()  # type: ignore[attr-defined]
    if env.cache is not None:
        env.cache.clear()


def start_page(env: Environment, file: str, body_line: int = 1) -> None:
    """Give the page about to render a fresh budget; errors name `file` and its line."""
    budget: Budget = env.budget  # type: ignore[attr-defined]
    budget.start(file, body_line)


# ---------------------------------------------------------------------------------------------
# Static checks: the same refusals before anything renders, with the page's line
# ---------------------------------------------------------------------------------------------


# A page's Jinja source, or its tree when the caller parsed it once for several checks.
Source = str | nodes.Template


@functools.lru_cache(maxsize=1)
def parse_page(source: str) -> nodes.Template | None:
    """The page's Jinja tree, or None on a syntax error (left to the renderer to report).

    Kept for the next caller: the safety and the macro-argument checks read the same page one
    after the other. Callers only read the tree.
    """
    try:
        return Environment().parse(source)
    except TemplateSyntaxError:
        return None


def _parse(source: Source) -> nodes.Template | None:
    return source if isinstance(source, nodes.Template) else parse_page(source)


def internals_reached(source: Source) -> list[tuple[int, str]]:
    """(line, name) of each `_private` attribute the page's Jinja reaches by name.

    The sandbox refuses these at render time too, but with a traceback; found here first, the
    page is refused with one clear line. A syntax error is left to the renderer to report.
    """
    tree = _parse(source)
    if tree is None:
        return []
    found = []
    for node in tree.find_all((nodes.Getattr, nodes.Getitem)):
        name = _attribute_name(node)
        if isinstance(name, str) and name.startswith("_"):
            found.append((node.lineno, name))
    return sorted(found)


def _attribute_name(node: nodes.Node) -> object:
    """The name `a.name` or `a['name']` reaches (None when computed)."""
    if isinstance(node, nodes.Getattr):
        return node.attr
    return getattr(getattr(node, "arg", None), "value", None)


def withheld_reached(source: Source) -> list[tuple[int, str]]:
    """(line, what) for each name a page may not use: mkdocs-macros' live objects and debug
    macros, and any attribute of `page` other than PAGE_FIELDS."""
    tree = _parse(source)
    if tree is None:
        return []
    assigned = {n.name for n in tree.find_all(nodes.Name) if n.ctx in ("store", "param")}
    found = []
    for name in tree.find_all(nodes.Name):
        if name.ctx == "load" and name.name in WITHHELD and name.name not in assigned:
            found.append((name.lineno, name.name))
    for attr in tree.find_all(nodes.Getattr):
        target = attr.node
        if (
            isinstance(target, nodes.Name)
            and target.name == "page"
            and "page" not in assigned
            and attr.attr not in PAGE_FIELDS
        ):
            found.append((attr.lineno, f"page.{attr.attr}"))
    for filter_ in tree.find_all(nodes.Filter):
        if filter_.name in WITHHELD_FILTERS:
            found.append((filter_.lineno, filter_.name))
    return sorted(found)


def loops_too_deep(source: Source) -> list[int]:
    """Lines of `for` loops nested deeper than MAX_LOOP_DEPTH."""
    tree = _parse(source)
    if tree is None:
        return []
    found: list[int] = []

    def walk(node: nodes.Node, depth: int) -> None:
        for child in node.iter_child_nodes():
            inner = depth + isinstance(child, nodes.For)
            if isinstance(child, nodes.For) and inner > MAX_LOOP_DEPTH:
                found.append(child.lineno)
                continue
            walk(child, inner)

    walk(tree, 0)
    return found


def _guarded_features(test: nodes.Node) -> set[str]:
    """Features an `{% if %}` test checks: `features.tools`, `features['tools']`."""
    found = set()
    candidates = [test, *test.find_all((nodes.Getattr, nodes.Getitem))]
    for node in candidates:
        if not isinstance(node, (nodes.Getattr, nodes.Getitem)):
            continue
        target = node.node
        if isinstance(target, nodes.Name) and target.name == "features":
            name = (
                node.attr if isinstance(node, nodes.Getattr) else getattr(node.arg, "value", None)
            )
            if isinstance(name, str):
                found.add(name)
    return found


def off_feature_calls(source: Source, off: dict[str, str]) -> list[tuple[int, str, str]]:
    """(line, macro, feature) for each call of a macro whose feature is off (`off`: macro ->
    feature), unless it sits inside `{% if features.<feature> %}`."""
    tree = _parse(source)
    if tree is None or not off:
        return []
    found: list[tuple[int, str, str]] = []

    def walk(node: nodes.Node, guarded: frozenset[str]) -> None:
        if isinstance(node, nodes.If):
            walk(node.test, guarded)
            inner = guarded | _guarded_features(node.test)
            for child in node.body:
                walk(child, inner)
            for child in (*node.elif_, *node.else_):
                walk(child, guarded)
            return
        if isinstance(node, nodes.Call) and isinstance(node.node, nodes.Name):
            feature = off.get(node.node.name)
            if feature is not None and feature not in guarded:
                found.append((node.lineno, node.node.name, feature))
        for child in node.iter_child_nodes():
            walk(child, guarded)

    walk(tree, frozenset())
    return sorted(found)


def check_feature_macros(page: Page, off: dict[str, str], switches_file: str) -> list[Problem]:
    """A `render_macros: true` page may not call the macros of a feature that is off."""
    if page.meta.get("render_macros") is not True:
        return []
    return [
        Problem(
            page.file,
            page.body_line + line - 1,
            f"`{macro}` belongs to the {feature} feature, which is off (`{feature}: false` in "
            f"{switches_file}); turn it on, remove the call, or wrap it in "
            f"`{{% if features.{feature} %}}`",
            key="macros",
        )
        for line, macro, feature in off_feature_calls(page.body, off)
    ]


def check_macro_safety(page: Page, _owners: dict, _today: object) -> list[Problem]:
    """A `render_macros: true` page may call the handbook's macros and read plain data only."""
    if page.meta.get("render_macros") is not True:
        return []

    def at(line: int, message: str) -> Problem:
        return Problem(page.file, page.body_line + line - 1, message, key="macros")

    tree = _parse(page.body)  # once for the three checks below
    if tree is None:
        return []  # a syntax error is left to the renderer to report
    problems = [
        at(line, f"may not reach `{name}` (Python internals); use the handbook's macros")
        for line, name in internals_reached(tree)
    ]
    problems += [
        at(
            line,
            f"`{name}` is undefined for pages: they get plain data ("
            f"page.{', page.'.join(PAGE_FIELDS)}, the front matter and the handbook's macros)",
        )
        for line, name in withheld_reached(tree)
    ]
    problems += [
        at(line, f"`for` loops nested more than {MAX_LOOP_DEPTH} deep; a page shows data")
        for line in loops_too_deep(tree)
    ]
    return problems
