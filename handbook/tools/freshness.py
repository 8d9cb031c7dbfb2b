"""Freshness of each tool's generated page: reviewed where its record lives, in data/tools.yml."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from handbook.core.owners import Owner
from handbook.core.yamlload import YamlDoc
from handbook.freshness.generated import assess_generated
from handbook.freshness.model import PageFreshness, Policy
from handbook.tools.model import SOURCE, ToolStack, tool_src_uri


def tool_pages(
    stack: ToolStack, doc: YamlDoc | None, owners: dict[str, Owner], policy: Policy, today: dt.date
) -> list[PageFreshness]:
    pages = []
    for tool in stack.by_id().values():
        meta = {
            "title": tool.name,
            "owner": tool.owner,
            "last_reviewed": tool.last_updated,
            "page_type": "tool",
        }
        record = assess_generated(tool_src_uri(tool.id), meta, owners, policy, today)
        line = doc.line_of(("tools", tool.index)) if doc is not None else 0
        pages.append(replace(record, source=SOURCE, source_line=line, review_key="last_updated"))
    return pages
