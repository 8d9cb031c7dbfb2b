"""The freshness hook's switch: data setting, environment override, and bad values."""

import pytest
from mkdocs.exceptions import PluginError

from handbook.freshness.model import Policy
from handbook.mkdocs import freshness


def load_hook():
    return freshness


@pytest.mark.parametrize(
    ("env", "setting", "expected"),
    [
        (None, False, False),
        (None, True, True),
        ("true", False, True),
        ("1", False, True),
        ("FALSE", True, False),
        ("off", True, False),
        ("", True, True),  # empty: the data setting applies
    ],
)
def test_fail_on_stale_switch(monkeypatch, env, setting, expected):
    hook = load_hook()
    if env is None:
        monkeypatch.delenv(hook.FAIL_ENV, raising=False)
    else:
        monkeypatch.setenv(hook.FAIL_ENV, env)
    assert hook._fail_on_stale(Policy(fail_on_stale=setting)) is expected


def test_unreadable_switch_stops_the_build(monkeypatch):
    hook = load_hook()
    monkeypatch.setenv(hook.FAIL_ENV, "sometimes")
    with pytest.raises(PluginError, match="HANDBOOK_FAIL_ON_STALE='sometimes'"):
        hook._fail_on_stale(Policy())
