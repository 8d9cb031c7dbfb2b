"""The company macros on a real strict build: facts and tables from data/company.yml."""

from __future__ import annotations

from tests.helpers import build, make_project, page
from tests.unit.test_company import COMPANY


def test_pages_show_facts_and_tables_from_the_data(tmp_path):
    body = (
        "# Home\n\nWe are {{ fact('company.headcount') }} people; sprints last "
        "{{ fact('cadences.sprint.length') }}.\n\n{{ metric_table('scorecard') }}\n\n"
        "{{ team_map() }}\n\n{{ area_table() }}\n\n{{ plan_table() }}\n"
    )
    project = make_project(
        tmp_path,
        {"index.md": page(body, render_macros="true")},
        data={"company.yml": COMPANY},
    )
    result = build(project)
    assert result.ok, result.log
    html = result.html("")
    assert "We are 120 people; sprints last 2 weeks." in html
    assert "Weekly active accounts" in html and "4,812" in html
    assert "Money squad" in html and "€12" in html and "#squad-money" in html
    # An unknown fact fails the build with the path and what exists.
    bad = page("# Home\n\n{{ fact('cadences.sprnt') }}\n", render_macros="true")
    (project / "docs" / "index.md").write_text(bad)
    failed = build(project)
    assert not failed.ok
    assert "no 'sprnt' under cadences; there: sprint" in failed.log
