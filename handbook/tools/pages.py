"""The text of each tool's generated page and how mentions of tools are found. Pure."""

from __future__ import annotations

import re
from collections.abc import Collection

from markupsafe import Markup

from handbook.core import roles as roles_mod
from handbook.core.context import Handbook
from handbook.core.owners import Owner
from handbook.core.problems import Problem
from handbook.core.registry import GeneratedPage
from handbook.tools.model import Tool, ToolStack, tool_src_uri
from handbook.tools.render import render
from handbook.tools.views import integrated_from, overlapping_tools, renewal_overdue

# Replaced after every page is rendered by the list of pages that mention the tool.
MENTIONS_MARKER = "<!-- handbook:tool-mentions -->"
ALL_TOOLS = "All tools"  # the nav section holding the generated tool pages
_LINK = re.compile(r"tools/([a-z0-9][a-z0-9-]*)(?:\.md|/)")


def notices(problems: list[Problem]) -> list[Problem]:
    """Problems that are advisory in a build: reported, never failing it."""
    return [p for p in problems if p.severity == "notice"]


def owner_of(handbook: Handbook, tool: Tool) -> Owner:
    found = handbook.owners.get(tool.owner)
    return found or Owner(tool.owner, tool.owner, "team", "", "", "")


def card_markdown(
    handbook: Handbook, stack: ToolStack, tool: Tool, link: str = "", heading: bool = False
) -> str:
    roles = handbook.derived(roles_mod.build_roles)
    return render(
        "tool_card.md",
        tool=tool,
        link=link,
        heading=heading,
        category=stack.category_names().get(tool.category, tool.category),
        owner=owner_of(handbook, tool),
        roles=[roles[r].name if r in roles else r for r in tool.used_by],
        currency=stack.currency,
        overdue=renewal_overdue(tool, handbook.today),
    )


def tool_page_markdown(
    handbook: Handbook, stack: ToolStack, tool: Tool, has_page: dict[str, bool]
) -> str:
    known = stack.by_id()
    page = render(
        "tool_page.md",
        tool=tool,
        card=card_markdown(handbook, stack, tool),
        sends_to=sorted(
            (known[i] for i in tool.integrates_with if i in known and i != tool.id),
            key=lambda t: t.name.lower(),
        ),
        listed_by=integrated_from(stack, tool),
        overlapping=overlapping_tools(stack, tool),
        owner=owner_of(handbook, tool),
        mentions_marker=Markup(MENTIONS_MARKER),
        has_page=has_page,
    )
    return str(page)  # plain text for MkDocs: Markup would escape whatever is added to it


def generated_pages(
    handbook: Handbook, stack: ToolStack, existing: Collection[str]
) -> list[tuple[str, GeneratedPage]]:
    """(tool id, page) for each tool: its page at tools/<id>.md, under All tools > category in
    the nav, so a tool page's nav lists its category, not every tool. `existing` holds the
    docs files' paths: tool pages link to the overlaps and editing pages when they exist."""
    has_page = {
        "overlaps": "tools/overlaps.md" in existing,
        "editing": "tools/editing-tool-data.md" in existing,
    }
    categories = stack.category_names()
    made = []
    for tool in stack.by_id().values():
        markdown = tool_page_markdown(handbook, stack, tool, has_page)
        category = categories.get(tool.category, tool.category)
        order = f"{category.lower()}\0{tool.name.lower()}"
        group = (ALL_TOOLS, category)
        made.append(
            (tool.id, GeneratedPage(tool_src_uri(tool.id), markdown, tool.name, group, order))
        )
    return made


def mentions_html(tool: Tool, pages: list[tuple[str, str]], markdown_links: bool = False) -> str:
    """The list of pages that mention `tool`: (title, link) pairs, where a link is a URL
    relative to the tool page and a title HTML text, or, with `markdown_links`, a markdown
    link target (the page's .md file) and a title in plain text."""
    return render("tool_mentions.html", name=tool.name, pages=pages, markdown_links=markdown_links)


def mention_pattern(stack: ToolStack) -> re.Pattern[str]:
    """Any tool name, not followed by a word character or dash. The check on the character
    before is left to `mentioned_tools`: a pattern that starts with a lookbehind cannot skip
    ahead to the names' first letters, and scanning every page was the feature's slowest step.
    """
    names = sorted({t.name for t in stack.tools if t.name}, key=len, reverse=True)
    alternatives = "|".join(re.escape(n) for n in names) or "(?!)"
    return re.compile(rf"(?:{alternatives})(?![\w-])")


def mentioned_tools(
    stack: ToolStack, markdown: str, pattern: re.Pattern[str] | None = None
) -> list[str]:
    """Ids of tools named in `markdown` (by exact name) or linked (tools/<id>.md or /).
    Pass `pattern` (from mention_pattern) to reuse it across pages."""
    tools = stack.by_id()
    by_name = {t.name: t.id for t in tools.values()}
    found = set()
    for match in (pattern or mention_pattern(stack)).finditer(markdown):
        before = markdown[match.start() - 1] if match.start() else " "
        if not (before.isalnum() or before in "_-"):
            found.add(by_name[match.group()])
    found |= {m.group(1) for m in _LINK.finditer(markdown) if m.group(1) in tools}
    return sorted(found)
