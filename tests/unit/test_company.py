"""data/company.yml: facts by path, cross-checks at file:line, and the macros on a real build."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from handbook.company.model import UnknownFact, check_company, fact, load_company
from handbook.core.data import load_dataset
from tests.helpers import FIXTURE

COMPANY = """\
# yaml-language-server: $schema=schema/company.schema.json
last_updated: 2026-11-01
company: {name: Acme, headcount: 120}
product: {name: Ledger}
areas:
  - {id: billing, name: Billing, squad: money}
squads:
  - {id: money, name: Money squad, areas: [billing], lead_role: engineer, engineers: 5}
plans:
  - {id: team, name: Team, price_per_seat_month_eur: 12, for: Small teams}
currency: {code: EUR, symbol: €}
cadences:
  sprint: {length: 2 weeks}
metrics:
  - {id: waa, name: Weekly active accounts, definition: Accounts active in 7 days,
     value: "4,812", owner: product-ops, source: tracker}
scorecard: [waa]
"""


def dataset(tmp_path, text: str = COMPANY):
    shutil.copytree(FIXTURE / "data", tmp_path / "data")
    shutil.copytree(
        FIXTURE.parent.parent.parent / "handbook" / "schemas",
        tmp_path / "data" / "schema",
        dirs_exist_ok=True,
    )
    (tmp_path / "data" / "company.yml").write_text(text, encoding="utf-8")
    return load_dataset(tmp_path)


def test_a_fact_is_found_by_its_path_and_list_items_by_id(tmp_path):
    data = dataset(tmp_path)
    assert data.problems == []
    company = load_company(data)
    assert fact(company, "cadences.sprint.length") == "2 weeks"
    assert fact(company, "plans.team.price_per_seat_month_eur") == 12
    assert company.last_updated == dt.date(2026, 11, 1)


@pytest.mark.parametrize(
    ("path", "says"),
    [
        ("cadences.sprnt.length", "no 'sprnt' under cadences; there: sprint"),
        ("plans.pro.name", "no 'pro' under plans; there: team"),
        ("cadences.sprint", "is a group, not one fact"),
    ],
)
def test_an_unknown_fact_names_what_is_there(tmp_path, path, says):
    with pytest.raises(UnknownFact, match=says):
        fact(load_company(dataset(tmp_path)), path)


def test_cross_checks_name_the_line_of_each_broken_reference(tmp_path):
    broken = COMPANY.replace("squad: money}", "squad: gone}").replace(
        "owner: product-ops", "owner: nobody"
    )
    problems = check_company(dataset(tmp_path, broken), dt.date(2026, 11, 21))
    found = sorted((p.line, p.message) for p in problems)
    assert found == [
        (6, "squad 'gone' is not in squads"),
        (16, "owner 'nobody' is not in data/owners.yml"),
    ]
    # Negative control: the consistent file has none.
    assert check_company(dataset(tmp_path / "ok", COMPANY), dt.date(2026, 11, 21)) == []
