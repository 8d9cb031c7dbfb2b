"""The tool stack feature: data/tools.yml as tool pages, radar, integrations, spend, renewals."""

from __future__ import annotations

from handbook.core.context import Handbook
from handbook.core.registry import DocsPage, Feature
from handbook.freshness.model import PageFreshness, Policy
from handbook.pages.macro_args import ArgumentCheck, ids_in, on_first, role_ids
from handbook.tools import macros
from handbook.tools.checks import check_tools
from handbook.tools.freshness import tool_pages
from handbook.tools.macros import stack_of


def _freshness(handbook: Handbook, policy: Policy) -> list[PageFreshness]:
    doc = handbook.dataset.get("tools.yml")
    return tool_pages(stack_of(handbook), doc, handbook.owners, policy, handbook.today)


def _argument_checks(handbook: Handbook) -> dict[str, ArgumentCheck]:
    # Worded as the macros word the same mistake at render time.
    def tools(wording: str):
        return ids_in(lambda: stack_of(handbook).by_id(), wording)

    listed = tools("tool_list on {page}: {id} not a tool id in data/tools.yml; valid: {valid}")
    return {
        "tool_list": on_first(listed),
        "tool_card": on_first(tools("{id} is not a tool id in data/tools.yml")),
        "tools_for_role": on_first(role_ids(handbook)),
    }


FEATURE = Feature(
    name="tools",
    summary="Tool pages, radar, integration map, spend and renewals from data/tools.yml.",
    required_data=("tools.yml",),
    cross_checks=(check_tools,),
    macros=macros.register,
    freshness=_freshness,
    argument_checks=_argument_checks,
    hooks={"tool_pages": "One page per tool from data/tools.yml, and the pages that mention it."},
    section="tools",
    docs_pages=(
        DocsPage(
            "tools/index.md",
            "The section's index: a page per tool is listed under it, in an All tools group. "
            "Holds `{{ tool_catalogue() }}`.",
        ),
        DocsPage("tools/radar.md", "The radar: `{{ tool_radar() }}`."),
        DocsPage("tools/integrations.md", "The integration map: `{{ integration_map() }}`."),
        DocsPage(
            "tools/overlaps.md",
            "Consolidation candidates: `{{ tool_overlaps() }}`. Tool pages link to it when "
            "it exists.",
        ),
        DocsPage("tools/renewals.md", "Contracts that renew soon: `{{ tool_renewals(90) }}`."),
        DocsPage("tools/spend.md", "Yearly spend: `{{ tool_spend() }}`."),
        DocsPage(
            "tools/editing-tool-data.md",
            "Optional: how to change data/tools.yml. Tool pages link to it when it exists.",
        ),
    ),
)
