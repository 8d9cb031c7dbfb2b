"""Macros for the tool stack: registered by handbook.macros for pages with render_macros: true.

Adapter only: the data comes from handbook.tools/roles, the HTML or markdown from templates
in handbook/jinja/ via handbook.tool_render. Each macro records the data it shows.
"""

from __future__ import annotations

from handbook import roles as roles_mod
from handbook.roles import Role
from handbook.tool_render import doc_link, render
from handbook.tools import ACTIVE_RINGS, SOURCE, ToolStack, load_tools
from handbook.validate import DataUse, Handbook


def tool_stack(handbook: Handbook) -> ToolStack:
    return handbook.memo("tools", lambda: load_tools(handbook.dataset))


def role_of(handbook: Handbook, role: str, macro: str) -> Role:
    known = handbook.memo("roles", lambda: roles_mod.roles(handbook.dataset))
    if role not in known:
        valid = ", ".join(known) or "(none defined)"
        raise ValueError(f"{macro}: {role!r} is not in data/roles.yml; valid roles: {valid}")
    return known[role]


def tool_src_uri(tool_id: str) -> str:
    """Docs path of a tool's generated page."""
    return f"tools/{tool_id}.md"


def register(env, handbook: Handbook) -> None:
    def page_src() -> str | None:
        page = getattr(env, "page", None)
        return page.file.src_uri if page is not None else None

    @env.macro
    def tools_for_role(role: str) -> str:
        """Tools people in `role` should request access to (adopt and trial), as a table."""
        found = role_of(handbook, role, "tools_for_role")
        tools = [
            t for t in tool_stack(handbook).tools if role in t.used_by and t.status in ACTIVE_RINGS
        ]
        tools.sort(key=lambda t: t.name.lower())
        src = page_src() or "index.md"
        for tool in tools:
            handbook.record_use(page_src(), DataUse(f"tool {tool.name}", SOURCE, tool.last_updated))
        links = {t.id: doc_link(tool_src_uri(t.id), src) for t in tools}
        return render("tools_for_role.md", tools=tools, role=found, links=links)

    @env.macro
    def people_to_meet(role: str) -> str:
        """Owners whose meet_in_onboarding lists `role`: name, what they do, contact."""
        found = role_of(handbook, role, "people_to_meet")
        owners = handbook.owners
        people = [
            owners[i] for i in roles_mod.owners_to_meet(handbook.dataset, role) if i in owners
        ]
        for person in people:
            handbook.record_use(
                page_src(), DataUse(f"owner {person.name}", "data/owners.yml", None)
            )
        return render("people_to_meet.md", people=people, role=found)
