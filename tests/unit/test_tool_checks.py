"""Cross-checks of data/tools.yml, run through load_handbook like the build and the CLI do.

Each rule has a case that trips it and a control that differs only in the fix.
Fixture tools sit one per line, the first on line 7 of tools.yml.
"""

import shutil

import pytest

from handbook.core.context import load_handbook
from tests.helpers import FIXTURE
from tests.tool_data import tool, tools_yaml

FIRST = 7  # line of the first tool entry in tools_yaml()


def problems(tmp_path, *entries, today="2026-11-21"):
    shutil.copytree(FIXTURE / "data", tmp_path / "data")
    (tmp_path / "data" / "tools.yml").write_text(tools_yaml(*entries), encoding="utf-8")
    handbook = load_handbook(tmp_path, today)
    return [(str(p), p.severity) for p in handbook.problems]


CASES = {
    "unknown owner": (
        [tool("a", owner="nobody")],
        [tool("a", owner="engineering")],
        f"data/tools.yml:{FIRST}: tools[0].owner: owner 'nobody' is not in data/owners.yml",
    ),
    "unknown integration": (
        [tool("a", integrates_with=["ghost"])],
        [tool("a", integrates_with=["b"]), tool("b")],
        f"data/tools.yml:{FIRST}: tools[0].integrates_with[0]: integration with unknown tool",
    ),
    "self integration": (
        [tool("a", integrates_with=["a"])],
        [tool("a", integrates_with=[])],
        f"data/tools.yml:{FIRST}: tools[0].integrates_with[0]: 'a' cannot integrate with itself",
    ),
    "duplicate id": (
        [tool("a"), tool("a")],
        [tool("a"), tool("b")],
        f"data/tools.yml:{FIRST + 1}: tools[1].id: duplicate tool id 'a' (first on line {FIRST})",
    ),
    "unknown category": (
        [tool("a", category="gardening")],
        [tool("a", category="analytics")],
        f"data/tools.yml:{FIRST}: tools[0].category: unknown category 'gardening'",
    ),
    "integration to a retired tool": (
        [tool("a", integrates_with=["old"]), tool("old", status="retire")],
        [tool("a", integrates_with=["old"]), tool("old", status="hold")],
        f"data/tools.yml:{FIRST}: tools[0].integrates_with[0]: integration with 'old', which is "
        "retired",
    ),
    "unknown role": (
        [tool("a", used_by=["wizard"])],
        [tool("a", used_by=["designer"])],
        f"data/tools.yml:{FIRST}: tools[0].used_by[0]: role 'wizard' is not in data/roles.yml",
    ),
    "status differs from history": (
        [tool("a", status="adopt", history=[{"date": "2025-01-01", "ring": "trial"}])],
        [
            tool(
                "a",
                status="adopt",
                history=[
                    {"date": "2025-01-01", "ring": "trial"},
                    {"date": "2025-06-01", "ring": "adopt"},
                ],
            )
        ],
        f"data/tools.yml:{FIRST}: tools[0].status: status 'adopt' differs from the latest ring",
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_cross_check_is_an_error_with_file_and_line(tmp_path, name):
    bad, _good, message = CASES[name]
    found = problems(tmp_path, *bad)
    assert any(text.startswith(message) and sev == "error" for text, sev in found), found


@pytest.mark.parametrize("name", CASES)
def test_cross_check_control_passes(tmp_path, name):
    _bad, good, _message = CASES[name]
    assert problems(tmp_path, *good) == []


def test_past_renewal_of_a_tool_in_use_is_a_notice_not_an_error(tmp_path):
    found = problems(tmp_path, tool("a", renewal="2026-11-20"))
    assert found == [
        (
            f"data/tools.yml:{FIRST}: tools[0].renewal: renewal date 2026-11-20 has passed; "
            "set the next renewal date (or retire the tool)",
            "notice",
        )
    ]


def test_past_renewal_controls_retired_tool_and_renewal_today(tmp_path):
    assert problems(tmp_path, tool("a", status="retire", renewal="2026-01-01")) == []
    assert problems(tmp_path / "x", tool("a", renewal="2026-11-21")) == []


def test_retired_tool_may_keep_an_integration_with_another_retired_tool(tmp_path):
    entries = [
        tool("a", status="retire", integrates_with=["b"]),
        tool("b", status="retire"),
    ]
    assert problems(tmp_path, *entries) == []


def test_unknown_role_in_owners_meet_in_onboarding_is_an_error(tmp_path):
    shutil.copytree(FIXTURE / "data", tmp_path / "data")
    # Control: the fixture's owners name only roles in its data/roles.yml.
    assert [str(p) for p in load_handbook(tmp_path, "2026-11-21").problems] == []
    owners = tmp_path / "data" / "owners.yml"
    text = owners.read_text()
    assert "[product-manager, engineer, designer]" in text
    owners.write_text(text.replace("[product-manager, engineer, designer]", "[qa, engineer]", 1))
    found = [str(p) for p in load_handbook(tmp_path, "2026-11-21").problems]
    assert any("meet_in_onboarding[0]: role 'qa' is not in data/roles.yml" in p for p in found)


@pytest.mark.parametrize(
    ("field", "valid"),
    [("capabilities", ["ok"]), ("used_by", ["engineer"]), ("integrates_with", [])],
)
def test_schema_rejects_an_id_list_item_that_is_not_an_id(tmp_path, field, valid):
    found = problems(tmp_path, tool("a", **{field: ["Not an id"]}))
    assert any(
        text.startswith(f"data/tools.yml:{FIRST}: tools[0].{field}[0]: 'Not an id' does not match")
        for text, _ in found
    ), found
    assert problems(tmp_path / "control", tool("a", **{field: valid})) == []
