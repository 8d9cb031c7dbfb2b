"""`handbook freshness`: every page's review status, without building the site."""

from __future__ import annotations

import argparse
import datetime as dt
import json

from handbook.cli.check import add_root_args
from handbook.cli.page_data import listed_pages
from handbook.core.paths import docs_dir, rel
from handbook.freshness.model import (
    STATUS_LABELS,
    STATUSES,
    PageFreshness,
    edit_url,
    source_edit_url,
)

# --fail-on due also fails on the statuses worse than due.
FAIL_ON = {"stale": {"stale"}, "due": {"stale", "due", "unowned", "unreviewed"}}


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "freshness",
        help="list every page's owner, review dates and status, without building",
        epilog="Example: handbook freshness --owner product-ops --fail-on due",
    )
    add_root_args(parser)
    parser.add_argument(
        "--format",
        choices=("table", "json", "markdown"),
        default="table",
        help="how to print the list (default: table)",
    )
    parser.add_argument("--owner", action="append", help="only pages of this owner id (repeat)")
    parser.add_argument(
        "--fail-on",
        choices=sorted(FAIL_ON),
        help="exit 1 when a page is stale (or, with due, due, stale, unowned or unreviewed)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    root, handbook, settings, pages = listed_pages(args, args.owner)
    docs = rel(docs_dir(root), root)
    links = {
        p.src_uri: source_edit_url(settings.repo_url, settings.edit_uri, docs, p.path)
        if p.source
        else edit_url(settings.repo_url, settings.edit_uri, p.src_uri)
        for p in pages
    }
    if args.format == "json":
        records = [p.record(settings.site_url, links[p.src_uri]) for p in pages]
        print(json.dumps(records, indent=2, ensure_ascii=False))
    elif args.format == "markdown":
        from handbook.freshness.render import Renderer  # Jinja only for this format

        print(Renderer().digest(pages, handbook.today, links), end="")
    else:
        print(table(pages))
    if args.fail_on and any(p.status in FAIL_ON[args.fail_on] for p in pages):
        return 1
    return 0


def table(pages: list[PageFreshness]) -> str:
    rows = [("STATUS", "REVIEW BY", "LAST REVIEWED", "OWNER", "PAGE")]
    order = {status: i for i, status in enumerate(STATUSES)}
    for page in sorted(
        pages, key=lambda p: (order[p.status], p.review_by or dt.date.min, p.src_uri)
    ):
        rows.append(
            (
                page.status,
                str(page.review_by or "-"),
                str(page.last_reviewed or "never"),
                page.owner_id or (f"{page.owner_name} (unknown)" if page.owner_name else "-"),
                f"{page.path}:{page.source_line}" if page.source_line else page.path,
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    lines = [
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=False)) + "  " + row[-1]
        for row in rows
    ]
    counts = {s: sum(1 for p in pages if p.status == s) for s in STATUSES}
    summary = ", ".join(f"{counts[s]} {STATUS_LABELS[s].lower()}" for s in STATUSES)
    return "\n".join(lines) + f"\n\n{len(pages)} pages: {summary}"
