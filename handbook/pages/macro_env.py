"""What a `render_macros: true` page sees: the handbook's macros and plain data, nothing else.

`register(env, handbook)` fills any host with mkdocs-macros' shape (`macro()`, `macros`,
`variables`, `filters`): the plugin's env in a build (handbook.mkdocs.macros), and the
export's own renderer (handbook.export.macros).
"""

from __future__ import annotations

from handbook.core import owners
from handbook.core.context import Handbook
from handbook.core.registry import registry
from handbook.pages.sandbox import PLAIN_TYPES


def register(env, handbook: Handbook) -> None:
    env.variables["handbook_today"] = handbook.today.isoformat()
    owners.register_macros(env, handbook)
    # `{% if features.releases %}` lets a shared page show a feature's part only while it is on.
    env.variables["features"] = handbook.features.as_dict()
    for feature in registry():
        if feature.macros is not None and handbook.features.on(feature.name):
            feature.macros(env, handbook)
    for name, macro in list(env.macros.items()):
        env.macros[name] = plain_result(name, macro)


def plain_result(name: str, macro):
    """A macro hands pages text or numbers, never an object whose methods could act."""

    def checked(*args, **kwargs):
        result = macro(*args, **kwargs)
        if not isinstance(result, PLAIN_TYPES):
            raise TypeError(f"macro {name} returned a {type(result).__name__}, not text")
        return result

    checked.__name__ = getattr(macro, "__name__", name)
    checked.__doc__ = macro.__doc__
    return checked
