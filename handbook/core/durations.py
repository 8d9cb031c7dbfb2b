"""Review intervals such as "90 days", "6 weeks", "6 months" or "1 year", and date arithmetic.

Months and years are calendar units: adding one month to Jan 31 gives the last day of February
(the 29th in a leap year), as people expect from "review every month".
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

_UNITS = {"day": "days", "week": "weeks", "month": "months", "year": "years"}
_PATTERN = re.compile(r"^\s*(\d+)\s*(day|week|month|year)s?\s*$", re.I)

EXAMPLES = "'90 days', '6 weeks', '6 months' or '1 year'"


@dataclass(frozen=True)
class Duration:
    count: int
    unit: str  # one of days, weeks, months, years

    def __str__(self) -> str:
        unit = self.unit if self.count != 1 else self.unit[:-1]
        return f"{self.count} {unit}"


def parse_duration(text: object) -> Duration:
    """Parse "6 months" and friends; raises ValueError with a message fit for a person."""
    if isinstance(text, bool) or not isinstance(text, str):
        raise ValueError(f"{text!r} is not a duration; write it like {EXAMPLES}")
    match = _PATTERN.match(text)
    if not match:
        raise ValueError(f"{text!r} is not a duration; write it like {EXAMPLES}")
    count = int(match.group(1))
    if count == 0:
        raise ValueError(f"{text!r} is zero; a review interval must be at least one day")
    duration = Duration(count, _UNITS[match.group(2).lower()])
    if _days_at_most(duration) > MAX_DAYS:
        raise ValueError(f"{text!r} is longer than {MAX_YEARS} years; review at least that often")
    return duration


# A review interval beyond this is a typo (and far enough out to overflow a date).
MAX_YEARS = 10
MAX_DAYS = MAX_YEARS * 366
_DAYS_PER = {"days": 1, "weeks": 7, "months": 31, "years": 366}


def _days_at_most(duration: Duration) -> int:
    return duration.count * _DAYS_PER[duration.unit]


def add_months(day: dt.date, months: int) -> dt.date:
    """`day` moved by whole calendar months, clamped to the end of a shorter month."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def add_duration(day: dt.date, duration: Duration) -> dt.date:
    if duration.unit == "days":
        return day + dt.timedelta(days=duration.count)
    if duration.unit == "weeks":
        return day + dt.timedelta(weeks=duration.count)
    if duration.unit == "months":
        return add_months(day, duration.count)
    if duration.unit == "years":
        return add_months(day, 12 * duration.count)
    raise ValueError(f"unknown duration unit {duration.unit!r}")
