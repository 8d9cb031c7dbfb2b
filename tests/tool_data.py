"""A small, valid tools.yml for tests, built from entries with sensible defaults."""

from __future__ import annotations

import json

HEADER = """# yaml-language-server: $schema=schema/tools.schema.json
currency: USD
categories:
  - {id: delivery, name: Delivery, description: Planning and tracking work.}
  - {id: analytics, name: Product analytics, description: Events and dashboards.}
tools:
"""


def tool(tool_id: str, **fields) -> dict:
    """One tool entry; every required field has a default that passes all checks."""
    status = fields.get("status", "adopt")
    entry = {
        "id": tool_id,
        "name": tool_id.capitalize(),
        "category": "delivery",
        "purpose": f"What {tool_id} is for.",
        "capabilities": [f"{tool_id}-job"],
        "status": status,
        "history": [{"date": "2025-01-01", "ring": status}],
        "owner": "product-ops",
        "used_by": ["engineer"],
        "integrates_with": [],
        "access_request": f"https://it.example.com/access/{tool_id}",
        "homepage": f"https://{tool_id}.example.com/",
        "last_updated": "2026-11-01",
    }
    entry.update(fields)
    return entry


def tools_yaml(*entries: dict) -> str:
    """tools.yml text; each entry is one flow mapping (JSON is YAML) on its own line."""
    return HEADER + "".join(f"  - {json.dumps(e)}\n" for e in entries)


def stack_of(*entries: dict):
    """A ToolStack from entries, without touching the disk."""
    from handbook.core.data import DataSet
    from handbook.core.yamlload import load_yaml
    from handbook.tools.model import load_tools

    doc = load_yaml(tools_yaml(*entries), "data/tools.yml")
    return load_tools(DataSet(root=None, docs={"data/tools.yml": doc}))  # type: ignore[arg-type]
