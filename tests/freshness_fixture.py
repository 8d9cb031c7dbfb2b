"""A small handbook with one page in each freshness state, for CLI and build tests.

Today is 2026-11-21. Guidelines are reviewed every 6 months, so a page reviewed on 2026-03-01
is stale (due 2026-09-01) and one reviewed on 2026-05-30 is due (by 2026-11-30).
"""

from __future__ import annotations

from pathlib import Path

from tests.helpers import make_project, page

NAV = """
nav:
  - index.md
  - Guidelines:
      - guidelines/index.md
      - guidelines/stale.md
      - guidelines/due.md
      - guidelines/unowned.md
      - guidelines/unreviewed.md
      - guidelines/fresh.md
      - guidelines/data.md
      - guidelines/old-data.md
      - guidelines/launch-plan.md
  - About:
      - about/index.md
"""

DOCS = {
    "index.md": page("# Home\n\nStart here.\n"),
    "guidelines/index.md": page("# Guidelines\n\nHow we work.\n"),
    "guidelines/stale.md": page("# Stale page\n\nOld advice.\n", reviewed="2026-03-01"),
    "guidelines/due.md": page("# Due page\n\nNearly due.\n", reviewed="2026-05-30"),
    "guidelines/unowned.md": "---\nlast_reviewed: 2026-11-01\n---\n\n# Unowned page\n",
    "guidelines/unreviewed.md": "---\nowner: design\n---\n\n# Unreviewed page\n",
    "guidelines/fresh.md": page(
        "# Fresh\n\nCurrent.\n",
        owner="design",
        title="'Fresh <b>page</b> | here'",
    ),
    "guidelines/data.md": page(
        "# Data page\n\nWe track work in {{ show_tool('Jira', '2026-11-10') }}.\n",
        render_macros="true",
    ),
    "guidelines/old-data.md": page(
        "# Old data page\n\nWe chat in {{ show_tool('Slack', '2026-10-01') }}.\n",
        render_macros="true",
    ),
    "guidelines/launch-plan.md": page(
        "# Launch plan\n\nMade from the requirements template.\n", template="prd@1.0.0"
    ),
    "about/index.md": page("# About\n\nAbout the handbook.\n"),
}

# A tiny macro feature that records the data it shows, as the real data macros do.
MAIN_PY = """
import datetime as dt

from handbook.mkdocs.adapter import get_handbook
from handbook.core.context import DataUse


def define_env(env):
    handbook = get_handbook(env.conf)

    @env.macro
    def show_tool(name, updated):
        page = env.page.file.src_uri if env.page else None
        last = dt.date.fromisoformat(updated)
        handbook.record_use(page, DataUse(f"tool {name}", "data/tools.yml", last))
        return name
"""

TEMPLATE = """---
id: prd
title: Product requirements
description: What we are building, for whom, and how we will know it worked.
category: Planning and delivery
version: "2.0.0"
owner: product-ops
last_reviewed: 2026-11-01
review_every: 6 months
---

# Product requirements
"""


def make_freshness_project(tmp: Path, data: dict[str, str] | None = None) -> Path:
    return make_project(
        tmp,
        DOCS,
        data=data,
        nav=NAV,
        extra={"main.py": MAIN_PY, "templates/prd.md": TEMPLATE},
    )
