"""The review fields of a page's front matter, with GOV.UK Tech Docs' names accepted too.

`last_reviewed` / `last_reviewed_on`, `review_every` / `review_in`, and `owner_slack` (a contact
that is matched against data/owners.yml) let pages move over from GOV.UK Tech Docs unchanged.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from handbook.core.data import to_date as read_date
from handbook.core.durations import parse_duration
from handbook.core.problems import Problem
from handbook.pages.frontmatter import Page

LAST_REVIEWED_KEYS = ("last_reviewed", "last_reviewed_on")
REVIEW_EVERY_KEYS = ("review_every", "review_in")


def pick(meta: dict[str, Any], keys: tuple[str, ...]) -> tuple[str | None, Any]:
    """The first of `keys` present in `meta`, and its value."""
    for key in keys:
        if key in meta:
            return key, meta[key]
    return None, None


def check_review_fields(page: Page, _owners: dict, today: dt.date) -> list[Problem]:
    """Unreadable or future review dates, unreadable intervals, a field given twice."""
    problems: list[Problem] = []
    for keys in (LAST_REVIEWED_KEYS, REVIEW_EVERY_KEYS):
        present = [k for k in keys if k in page.meta]
        if len(present) > 1:
            message = f"{present[0]} and {present[1]} mean the same; keep one"
            problems.append(Problem(page.file, page.line_of(present[1]), message))
    key, value = pick(page.meta, LAST_REVIEWED_KEYS)
    if key is not None:
        day = read_date(value)
        if day is None:
            message = f"{key} {value!r} is not a real date in the form YYYY-MM-DD"
            problems.append(Problem(page.file, page.line_of(key), message))
        elif day > today:
            message = f"{key} {day.isoformat()} is in the future (today is {today.isoformat()})"
            problems.append(Problem(page.file, page.line_of(key), message))
    key, value = pick(page.meta, REVIEW_EVERY_KEYS)
    if key is not None:
        try:
            parse_duration(value)
        except ValueError as exc:
            problems.append(Problem(page.file, page.line_of(key), f"{key}: {exc}"))
    slack = page.meta.get("owner_slack")
    if slack is not None and not isinstance(slack, str):
        message = f"owner_slack must be a channel or handle in quotes, not {slack!r}"
        problems.append(Problem(page.file, page.line_of("owner_slack"), message))
    return problems
