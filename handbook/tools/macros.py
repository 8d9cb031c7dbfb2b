"""Macros for the tool stack: registered by handbook.mkdocs.macros for render_macros pages.

Adapter only: the data comes from handbook.tools.model/roles, the HTML or markdown from templates
in handbook/jinja/ via handbook.tools.render. Each macro records the data it shows.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable

from handbook.core.context import DataUse, Handbook
from handbook.core.roles import role_of
from handbook.tools import charts as tool_charts
from handbook.tools import views
from handbook.tools.model import (
    ACTIVE_RINGS,
    RINGS,
    SOURCE,
    Tool,
    ToolStack,
    load_tools,
    tool_src_uri,
)
from handbook.tools.pages import card_markdown
from handbook.tools.render import doc_link, render

# Fill colours per ring: mid-tones readable on the light and the dark palette.
BLIP_FILL = {"adopt": "#2e7d32", "trial": "#1565c0", "assess": "#b45309", "hold": "#c62828"}


def _load_stack(handbook: Handbook) -> ToolStack:
    return load_tools(handbook.dataset)


def _svg_id_counts(_handbook: Handbook) -> dict[tuple[str | None, str], int]:
    """Per build: how many SVGs of each kind each page has drawn (for unique ids)."""
    return {}


def stack_of(handbook: Handbook) -> ToolStack:
    return handbook.derived(_load_stack)


def latest_update(tools) -> dt.date | None:
    dates = [t.last_updated for t in tools if t.last_updated]
    return max(dates) if dates else None


# Empty states: a tool stack that is switched on before it has data says so, in plain words.
NO_TOOLS = (
    "No tools yet: `data/tools.yml` lists none. Add the first there; "
    "`data/schema/tools.schema.json` describes each field."
)
NO_COSTS = "No licence costs yet: no tool in `data/tools.yml` (retired ones aside) has a cost."


def register(env, handbook: Handbook) -> None:
    def macro(fn: Callable[..., str]) -> Callable[..., str]:
        """Register `fn` as a macro that hands plain text to mkdocs-macros, not Markup
        (Markup would escape any string later joined to it)."""

        @functools.wraps(fn)
        def as_text(*args, **kwargs) -> str:
            return str(fn(*args, **kwargs))

        env.macro(as_text)
        return as_text

    def page_src() -> str | None:
        page = getattr(env, "page", None)
        return page.file.src_uri if page is not None else None

    def doc_links(tools) -> dict[str, str]:
        """Markdown links from this page to each tool's page (checked by MkDocs)."""
        src = page_src() or "index.md"
        return {t.id: doc_link(tool_src_uri(t.id), src) for t in tools}

    def uid(kind: str) -> str:
        """An id for SVG title/desc that is unique on the page, even when a macro repeats."""
        counts = handbook.derived(_svg_id_counts)
        key = (page_src(), kind)
        counts[key] = counts.get(key, 0) + 1
        return f"{kind}-{counts[key]}"

    def used(label: str, tools) -> None:
        handbook.record_use(page_src(), DataUse(label, SOURCE, latest_update(tools)))

    def used_each(tools) -> None:
        """Record each tool shown on its own, so the page is due when that entry changes."""
        for tool in tools:
            handbook.record_use(page_src(), DataUse(f"tool {tool.name}", SOURCE, tool.last_updated))

    def stack() -> ToolStack:
        return stack_of(handbook)

    def find(tool_id: str, macro: str) -> Tool:
        tools = stack().by_id()
        if tool_id not in tools:
            raise ValueError(f"{macro}: {tool_id!r} is not a tool id in {SOURCE}")
        return tools[tool_id]

    def owner_names() -> dict[str, str]:
        return {i: o.name for i, o in handbook.owners.items()}

    def drawn() -> list[Tool]:
        return [t for t in stack().by_id().values() if not t.retired]

    @macro
    def tool_catalogue() -> str:
        """Every tool, grouped by category in data order, with purpose, ring and owner.

        Example: {{ tool_catalogue() }}
        """
        order = {ring: i for i, ring in enumerate(RINGS)}
        tools = list(stack().by_id().values())
        if not tools:
            return NO_TOOLS
        groups = []
        for category in stack().categories:
            members = sorted(
                (t for t in tools if t.category == category.id),
                key=lambda t: (order.get(t.status, len(order)), t.name.lower()),
            )
            if members:
                groups.append((category, members))
        used(f"tool catalogue ({len(tools)} tools)", tools)
        return render(
            "tool_catalogue.md", groups=groups, doc_links=doc_links(tools), owners=owner_names()
        )

    @macro
    def tool_card(tool_id: str) -> str:
        """One tool's card: purpose, ring, owner, cost, renewal and links.

        Arguments:
            tool_id: a tool's `id` in data/tools.yml; an unknown id fails the build.
        Example: {{ tool_card("jira") }}
        """
        tool = find(tool_id, "tool_card")
        used_each([tool])
        link = doc_links([tool])[tool.id]
        return card_markdown(handbook, stack(), tool, link=link, heading=True)

    @macro
    def tool_list(tools: list[str] | dict[str, str]) -> str:
        """A compact table of the tools a page names, with owner and a link to each tool's page.

        Arguments:
            tools: a list of tool ids (each shown with its purpose) or a mapping of tool id to
                what the page uses it for; at least one, each an `id` in data/tools.yml.
        Example: {{ tool_list({"jira": "the sprint board", "slack": "release announcements"}) }}
        """
        uses = dict.fromkeys(tools, None) if isinstance(tools, list | tuple) else dict(tools)
        if not uses:
            raise ValueError(f"tool_list on {page_src()}: give at least one tool id")
        known = stack().by_id()
        unknown = [i for i in uses if i not in known]
        if unknown:
            raise ValueError(
                f"tool_list on {page_src()}: {', '.join(map(repr, unknown))} not a tool id "
                f"in {SOURCE}"
            )
        found = [known[i] for i in uses]
        used_each(found)
        rows = [(t, uses[t.id] or t.purpose) for t in found]
        return render("tool_list.md", rows=rows, links=doc_links(found), owners=owner_names())

    @macro
    def tool_radar() -> str:
        """The radar as inline SVG (sectors by category, rings by status) plus a table.

        Example: {{ tool_radar() }}
        """
        if not drawn():
            return NO_TOOLS
        radar = tool_charts.radar_layout(stack())
        tools = list(stack().by_id().values())
        used("tool radar", tools)
        return render(
            "tool_radar.md",
            radar=radar,
            uid=uid("tool-radar"),
            rings=tool_charts.RADAR_RINGS,
            ring_fill=[BLIP_FILL[ring] for ring in tool_charts.RADAR_RINGS],
            blip_fill=BLIP_FILL,
            blip_radius=tool_charts.BLIP_RADIUS,
            doc_links=doc_links(tools),
            categories=stack().category_names(),
            retired=sorted((t for t in tools if t.retired), key=lambda t: t.name.lower()),
        )

    @macro
    def integration_map() -> str:
        """The integration map as inline SVG plus a table of every tool's integrations.

        Example: {{ integration_map() }}
        """
        if not drawn():
            return NO_TOOLS
        edges = views.integrations(stack())
        graph = tool_charts.integration_layout(stack(), edges)
        tools = [n.tool for n in graph.nodes]
        neighbours: dict[str, list[Tool]] = {t.id: [] for t in tools}
        for a, b in edges:
            neighbours[a.id].append(b)
            neighbours[b.id].append(a)
        rows = [
            (t, sorted(neighbours[t.id], key=lambda o: o.name.lower()))
            for t in sorted(tools, key=lambda t: t.name.lower())
        ]
        used("integration map", tools)
        return render(
            "integration_map.md",
            graph=graph,
            uid=uid("integration-map"),
            chart_font=tool_charts.CHART_FONT,
            blip_fill=BLIP_FILL,
            doc_links=doc_links(tools),
            rows=rows,
        )

    @macro
    def tool_overlaps() -> str:
        """Capabilities shared by two or more adopt/trial tools: consolidation candidates.

        Example: {{ tool_overlaps() }}
        """
        found = views.overlaps(stack())
        tools = {t.id: t for o in found for t in o.tools}.values()
        used("tool overlaps", list(stack().by_id().values()))
        return render(
            "tool_overlaps.md",
            overlaps=found,
            doc_links=doc_links(tools),
            currency=stack().currency,
        )

    @macro
    def tool_renewals(days: int = 90, after: int | None = None) -> str:
        """Renewals due in a window of days from the build date, with their yearly cost and
        total; renewal dates that have passed are flagged above the table when `after` is not
        given.

        Arguments:
            days: the window's end, in days from today (a whole number, default 90).
            after: the window's start, in days from today, for a later window such as 90 to
                365 days; left out, the window starts today.
        Example: {{ tool_renewals(days=365, after=90) }}
        """
        for name, value in (("days", days), ("after", after)):
            if value is not None and (not isinstance(value, int) or value < 0):
                raise ValueError(f"tool_renewals: {name} must be a whole number >= 0: {value!r}")
        due = views.renewals(stack(), handbook.today, days, -1 if after is None else after)
        overdue = [] if after is not None else views.overdue_renewals(stack(), handbook.today)
        used(f"renewals within {days} days", [r.tool for r in due + overdue])
        return render(
            "tool_renewals.md",
            renewals=due,
            overdue=overdue,
            days=days,
            after=after,
            # The build date and the window's end dates: "in 10 days" would be wrong tomorrow.
            today=handbook.today,
            window_start=handbook.today + dt.timedelta(days=after) if after is not None else None,
            window_end=handbook.today + dt.timedelta(days=days),
            total=sum(r.tool.cost_per_year or 0 for r in due),
            doc_links=doc_links([r.tool for r in due + overdue]),
            owners=owner_names(),
            currency=stack().currency,
        )

    @macro
    def tool_spend(by: str = "category") -> str:
        """Yearly spend of the tools not retired, as SVG bars plus a table, with the total.

        Arguments:
            by: "category" (the default) or "owner": what each bar adds up.
        Example: {{ tool_spend(by="owner") }}
        """
        names = {"category": stack().category_names(), "owner": owner_names()}
        if by not in names:
            raise ValueError(f"tool_spend: by must be 'category' or 'owner', not {by!r}")
        field = "category" if by == "category" else "owner"
        rows = [
            (names[by].get(key, key), value)
            for key, value in views.spend_by(stack(), lambda t: getattr(t, field))
        ]
        used(f"spend by {by}", list(stack().by_id().values()))
        if sum(v for _, v in rows) <= 0:
            return NO_COSTS
        return render(
            "spend_chart.md",
            chart=tool_charts.bar_layout(rows),
            rows=rows,
            total=sum(v for _, v in rows),
            by=by,
            uid=uid(f"spend-{by}"),
            chart_font=tool_charts.CHART_FONT,
            currency=stack().currency,
        )

    @macro
    def tools_for_role(role: str) -> str:
        """The adopt and trial tools people in a role should request access to, as a table.

        Arguments:
            role: a role id from data/roles.yml (matched against each tool's `used_by`).
        Example: {{ tools_for_role("product-manager") }}
        """
        found = role_of(handbook, role, "tools_for_role")
        tools = [
            t for t in stack_of(handbook).tools if role in t.used_by and t.status in ACTIVE_RINGS
        ]
        tools.sort(key=lambda t: t.name.lower())
        used_each(tools)
        return render("tools_for_role.md", tools=tools, role=found, links=doc_links(tools))
