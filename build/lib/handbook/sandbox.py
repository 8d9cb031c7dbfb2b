"""Turn the Jinja environment that renders pages into a sandboxed one.

mkdocs-macros builds a plain `jinja2.Environment`; page authors could then reach Python
internals (`''.__class__.__mro__`, `cycler.__init__.__globals__.os.environ`). Swapping the
instance's class keeps every setting and global the plugin configured.
"""

from __future__ import annotations

from jinja2 import Environment
from jinja2.sandbox import SandboxedEnvironment, safe_range


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
