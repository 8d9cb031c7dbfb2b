"""Turn the Jinja environment that renders pages into a sandboxed one.

mkdocs-macros builds a plain `jinja2.Environment`; page authors could then reach Python
internals (`''.__class__.__mro__`, `cycler.__init__.__globals__.os.environ`). Swapping the
instance's class keeps every setting and global the plugin configured.
"""

from __future__ import annotations

from jinja2 import Environment, TemplateSyntaxError, nodes
from jinja2.sandbox import SandboxedEnvironment, safe_range

from handbook.frontmatter import Page
from handbook.problems import Problem


def sandbox(env: Environment) -> None:
    """Make `env` render with SandboxedEnvironment's attribute and call checks."""
    if isinstance(env, SandboxedEnvironment):
        return
    env.__class__ = SandboxedEnvironment
    # What SandboxedEnvironment.__init__ would have set; templates compiled before are dropped.
    env.globals["range"] = safe_range
    env.binop_table = SandboxedEnvironment.default_binop_table.copy()  # type: ignore[attr-defined]
    env.unop_table = SandboxedEnvironment.default_unop_table.copy()  # type: ignore[attr-defined]
    if env.cache is not None:
        env.cache.clear()


def internals_reached(source: str) -> list[tuple[int, str]]:
    """(line, name) of each `_private` attribute the page's Jinja reaches by name.

    The sandbox refuses these at render time too, but with a traceback; found here first, the
    page is refused with one clear line. A syntax error is left to the renderer to report.
    """
    try:
        tree = Environment().parse(source)
    except TemplateSyntaxError:
        return []
    found = []
    for node in tree.find_all((nodes.Getattr, nodes.Getitem)):
        name = node.attr if isinstance(node, nodes.Getattr) else getattr(node.arg, "value", None)
        if isinstance(name, str) and name.startswith("_"):
            found.append((node.lineno, name))
    return sorted(found)


def check_macro_safety(page: Page, _owners: dict, _today: object) -> list[Problem]:
    """A `render_macros: true` page may call the handbook's macros, not Python internals."""
    if page.meta.get("render_macros") is not True:
        return []
    return [
        Problem(
            page.file,
            page.body_line + line - 1,
            f"may not reach `{name}` (Python internals); use the handbook's macros",
            key="macros",
        )
        for line, name in internals_reached(page.body)
    ]
