"""mkdocs-macros module: the macros a page can use once it opts in with `render_macros: true`.

Thin adapter: each feature module exposes `register(env, handbook)` and keeps its logic pure.
"""

from __future__ import annotations

from markupsafe import escape

from handbook import onboarding_macros, release_macros, template_gallery, tool_macros
from handbook.mkdocs.adapter import get_handbook
from handbook.sandbox import sandbox

# Feature modules that register macros, by the feature switch that turns them off; each has
# register(env, handbook). Onboarding's people and tools per role come from tool_macros.
FEATURES: dict[str, object] = {
    "tools": tool_macros,
    "releases": release_macros,
    "templates": template_gallery,
    "onboarding": onboarding_macros,
}


def on_pre_page_macros(env) -> None:
    """The plugin creates its Jinja environment after define_env; sandbox it before rendering."""
    sandbox(env.env)


# What mkdocs-macros gives every page by default that a handbook page has no use for: the
# build's config (values from !ENV included), the machine and git details, and macros that
# print them. A page sees the handbook's own macros and data, nothing about where it is built.
PLUGIN_DEFAULTS = {
    "macros": ("context", "macros_info", "now", "fix_url"),
    "variables": ("config", "environment", "plugin", "git"),
}


def define_env(env) -> None:
    for name in PLUGIN_DEFAULTS["macros"]:
        env.macros.pop(name, None)
    for name in PLUGIN_DEFAULTS["variables"]:
        env.variables.pop(name, None)
    handbook = get_handbook(env.conf)
    env.variables["handbook_today"] = handbook.today.isoformat()

    @env.macro
    def owner_name(owner_id: str) -> str:
        """The display name of an owner id from data/owners.yml; unknown ids fail the build."""
        try:
            return str(escape(handbook.owners[owner_id].name))
        except KeyError:
            raise ValueError(f"owner_name: {owner_id!r} is not in data/owners.yml") from None

    for name, feature in FEATURES.items():
        if getattr(handbook.features, name):
            feature.register(env, handbook)  # type: ignore[attr-defined]
