import datetime as dt

import pytest

from handbook.core.today import today


def test_override_wins(monkeypatch):
    monkeypatch.setenv("HANDBOOK_TODAY", "2020-01-01")
    assert today("2026-03-04") == dt.date(2026, 3, 4)


def test_environment(monkeypatch):
    monkeypatch.setenv("HANDBOOK_TODAY", "2020-01-01")
    assert today() == dt.date(2020, 1, 1)


def test_bad_environment_value_names_the_variable(monkeypatch):
    monkeypatch.setenv("HANDBOOK_TODAY", "2020-13-01")
    with pytest.raises(ValueError, match="HANDBOOK_TODAY"):
        today()


def test_clock(monkeypatch):
    monkeypatch.delenv("HANDBOOK_TODAY", raising=False)
    assert today() == dt.date.today()
