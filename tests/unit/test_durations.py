import datetime as dt

import pytest

from handbook.core.durations import Duration, add_duration, add_months, parse_duration

D = dt.date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("90 days", Duration(90, "days")),
        ("1 day", Duration(1, "days")),
        ("6 weeks", Duration(6, "weeks")),
        ("6 months", Duration(6, "months")),
        ("1 month", Duration(1, "months")),
        ("1 year", Duration(1, "years")),
        ("2 Years", Duration(2, "years")),
        ("  12 months ", Duration(12, "months")),
        ("3months", Duration(3, "months")),
    ],
)
def test_parse_readable_durations(text, expected):
    assert parse_duration(text) == expected


@pytest.mark.parametrize(
    "text", ["", "soon", "6", 6, "six months", "0 days", "-1 month", "6 fortnights", True, None]
)
def test_unreadable_durations_raise_with_examples(text):
    with pytest.raises(ValueError, match="90 days|at least one day"):
        parse_duration(text)


def test_duration_prints_back_readably():
    assert str(Duration(1, "years")) == "1 year"
    assert str(Duration(6, "months")) == "6 months"


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (D(2024, 1, 31), 1, D(2024, 2, 29)),  # leap year: clamped to the 29th
        (D(2023, 1, 31), 1, D(2023, 2, 28)),  # common year: the 28th
        (D(2024, 3, 31), 1, D(2024, 4, 30)),
        (D(2024, 1, 15), 1, D(2024, 2, 15)),  # no clamping needed
        (D(2024, 8, 31), 6, D(2025, 2, 28)),
        (D(2026, 11, 20), 3, D(2027, 2, 20)),  # across a year end
        (D(2024, 2, 29), 12, D(2025, 2, 28)),  # leap day plus a year
        (D(2024, 2, 29), 48, D(2028, 2, 29)),  # and plus four years
        (D(2024, 12, 31), 0, D(2024, 12, 31)),
    ],
)
def test_calendar_months_clamp_to_month_end(start, months, expected):
    assert add_months(start, months) == expected


def test_add_duration_in_each_unit():
    start = D(2026, 11, 21)
    assert add_duration(start, Duration(90, "days")) == D(2027, 2, 19)
    assert add_duration(start, Duration(6, "weeks")) == D(2027, 1, 2)
    assert add_duration(start, Duration(6, "months")) == D(2027, 5, 21)
    assert add_duration(D(2024, 2, 29), Duration(1, "years")) == D(2025, 2, 28)
    assert add_duration(D(2024, 1, 31), parse_duration("1 month")) == D(2024, 2, 29)
