"""The one place that decides what "today" is."""

from __future__ import annotations

import datetime as dt
import os

ENV_VAR = "HANDBOOK_TODAY"


def parse_day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError as exc:
        raise ValueError(f"{text!r} is not a date in the form YYYY-MM-DD") from exc


def today(override: str | dt.date | None = None) -> dt.date:
    """`override` (from --today) wins, then $HANDBOOK_TODAY, then the system clock."""
    if isinstance(override, dt.date):
        return override
    if override:
        return parse_day(override)
    env = os.environ.get(ENV_VAR)
    if env:
        try:
            return parse_day(env)
        except ValueError as exc:
            raise ValueError(f"{ENV_VAR}: {exc}") from None
    return dt.date.today()
