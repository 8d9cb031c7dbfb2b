"""Release data: semver order, loading, every cross-check (with its negative control), views."""

import datetime as dt

import pytest

from handbook.core.context import load_handbook
from handbook.core.data import load_dataset
from handbook.releases import model as rel
from tests.helpers import handbook_cli
from tests.release_fixtures import TODAY, change, data_root, dataset, release, release_file


def messages(problems) -> list[str]:
    return [str(p) for p in problems]


# ---------------------------------------------------------------------------------------------
# Semantic versions
# ---------------------------------------------------------------------------------------------


def test_semver_orders_numerically_not_as_text():
    assert rel.semver_key("3.10.0") > rel.semver_key("3.9.1")
    assert rel.semver_key("3.9.1") > rel.semver_key("3.9.0")
    assert rel.semver_key("4.0.0") > rel.semver_key("3.99.99")


def test_semver_prerelease_precedence_follows_the_spec():
    chain = ["1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2"]
    chain += ["1.0.0-beta.11", "1.0.0-rc.1", "1.0.0"]
    keys = [rel.semver_key(v) for v in chain]
    assert keys == sorted(keys)
    assert len(set(keys)) == len(keys)


@pytest.mark.parametrize("bad", ["3.4", "v3.4.0", "03.4.0", "3.4.0-", "3.4.0.1", ""])
def test_semver_rejects_what_is_not_a_version(bad):
    with pytest.raises(ValueError, match="not a semantic version"):
        rel.semver_key(bad)


# ---------------------------------------------------------------------------------------------
# Loading and order
# ---------------------------------------------------------------------------------------------


def test_release_fields_are_read_with_lines(tmp_path):
    extra = (
        "    internal_note: Only Business plans.\n"
        "    links:\n      ticket: https://example-co.atlassian.net/browse/TAN-1\n"
        "    rollout:\n      feature_flag: boards-x\n      percentage: 25\n"
        "      ga_date: 2026-11-30\n"
        "    enablement:\n      support: Expected on Starter.\n"
    )
    data = dataset(
        tmp_path,
        {
            release_file("1.0.0", "2026-11-02"): release(
                "1.0.0", "2026-11-02", changes=[change(extra=extra)]
            )
        },
    )
    [one] = rel.load_releases(data)
    assert one.version == "1.0.0" and one.date == dt.date(2026, 11, 2) and one.released
    [c] = one.changes
    assert c.internal_note == "Only Business plans."
    assert c.links == (("ticket", "https://example-co.atlassian.net/browse/TAN-1"),)
    assert (c.feature_flag, c.percentage, c.ga_date) == ("boards-x", 25, dt.date(2026, 11, 30))
    assert c.support == "Expected on Starter." and c.sales == "" and c.has_enablement
    assert c.line == 9  # the "- type:" line of the first change
    assert one.line == 2


def test_same_day_releases_sort_by_version():
    def r(version, day):
        return rel.Release(version, dt.date(2026, 11, day), "released", "t", "s", TODAY, (), "f")

    ordered = rel.sort_releases([r("3.9.0", 2), r("3.10.0", 2), r("3.8.0", 1)])
    assert [x.version for x in ordered] == ["3.10.0", "3.9.0", "3.8.0"]


# ---------------------------------------------------------------------------------------------
# Cross-checks
# ---------------------------------------------------------------------------------------------


def check(tmp_path, releases: dict[str, str], today: dt.date = TODAY) -> list[str]:
    return messages(rel.check(dataset(tmp_path, releases), today))


def test_valid_releases_have_no_problems(tmp_path):
    files = {
        release_file("1.0.0", "2026-10-01"): release("1.0.0", "2026-10-01"),
        release_file("1.1.0", "2026-11-01"): release("1.1.0", "2026-11-01"),
        release_file("1.2.0", "2026-12-01"): release("1.2.0", "2026-12-01", status="planned"),
    }
    assert check(tmp_path, files) == []


def test_duplicate_version_is_reported_at_the_second_file(tmp_path):
    files = {
        release_file("1.0.0", "2026-10-01"): release("1.0.0", "2026-10-01"),
        "releases/2026-11-01-v1.0.0.yml": release("1.0.0", "2026-11-01"),
    }
    found = check(tmp_path, files)
    assert found == [
        "data/releases/2026-11-01-v1.0.0.yml:2: version: duplicate version 1.0.0: also in "
        "data/releases/2026-10-01-v1.0.0.yml:2"
    ]


def test_version_not_later_than_the_release_dated_before_it(tmp_path):
    files = {
        release_file("3.10.0", "2026-10-01"): release("3.10.0", "2026-10-01"),
        release_file("3.9.0", "2026-11-01"): release("3.9.0", "2026-11-01"),
    }
    [found] = check(tmp_path, files)
    assert found.startswith("data/releases/2026-11-01-v3.9.0.yml:2: version: version 3.9.0")
    assert "not later than 3.10.0" in found


def test_semver_order_not_text_order_is_accepted(tmp_path):
    # Negative control for the check above: 3.10.0 after 3.9.0 is fine (text order says no).
    files = {
        release_file("3.9.0", "2026-10-01"): release("3.9.0", "2026-10-01"),
        release_file("3.10.0", "2026-11-01"): release("3.10.0", "2026-11-01"),
    }
    assert check(tmp_path, files) == []


def test_prerelease_after_its_final_version_is_not_later(tmp_path):
    files = {
        release_file("2.0.0", "2026-10-01"): release("2.0.0", "2026-10-01"),
        release_file("2.0.0-rc.1", "2026-10-05"): release("2.0.0-rc.1", "2026-10-05"),
    }
    [found] = check(tmp_path, files)
    assert "version 2.0.0-rc.1" in found and "not later than 2.0.0" in found


@pytest.mark.parametrize(
    ("field", "bad", "line"),
    [("type", "improved", 9), ("area", "dashboards", 10), ("audience", "partners", 11)],
)
def test_unknown_type_area_or_audience_names_file_line_and_choices(tmp_path, field, bad, line):
    changes = [change(), change(**{field: bad})]
    files = {release_file("1.0.0", "2026-11-01"): release("1.0.0", "2026-11-01", changes=changes)}
    [found] = check(tmp_path, files)
    expected = f"data/releases/2026-11-01-v1.0.0.yml:{line + 4}: changes[1].{field}: unknown "
    assert found.startswith(expected + f"{field} {bad!r}; use one of: "), found
    assert "data/release_settings.yml" in found


def test_known_values_from_settings_pass(tmp_path):
    # Negative control: every value in the closed lists is accepted.
    changes = [
        change(type=t, area=a, audience=aud)
        for t, a, aud in [
            ("security", "admin", "internal"),
            ("deprecated", "api", "customers"),
            ("removed", "billing", "both"),
        ]
    ]
    files = {release_file("1.0.0", "2026-11-01"): release("1.0.0", "2026-11-01", changes=changes)}
    assert check(tmp_path, files) == []


def test_planned_release_within_grace_passes_and_is_listed_as_overdue(tmp_path):
    files = {release_file("1.0.0", "2026-11-10"): release("1.0.0", "2026-11-10", "planned")}
    assert check(tmp_path, files) == []
    data = load_dataset(tmp_path)
    assert [r.version for r in rel.overdue_planned(rel.load_releases(data), TODAY)] == ["1.0.0"]


def opt_in_to_failing(root) -> None:
    settings = root / "data" / "release_settings.yml"
    text = settings.read_text(encoding="utf-8")
    assert "fail_on_overdue_planned: false" in text
    settings.write_text(
        text.replace("fail_on_overdue_planned: false", "fail_on_overdue_planned: true")
    )


def test_planned_release_long_past_its_date_is_never_an_error_by_default(tmp_path):
    # The calendar alone must not turn a build red: a year late is still only a notice.
    files = {release_file("1.0.0", "2025-11-06"): release("1.0.0", "2025-11-06", "planned")}
    assert check(tmp_path, files) == []
    data = load_dataset(tmp_path)
    assert [r.version for r in rel.overdue_planned(rel.load_releases(data), TODAY)] == ["1.0.0"]
    assert rel.grace_ends(rel.load_releases(data)[0], rel.load_settings(data)) is None


def test_opted_in_planned_release_past_grace_is_an_error_naming_the_date_line(tmp_path):
    # Grace is 14 days: planned for 2026-11-06, the build fails from 2026-11-21.
    files = {release_file("1.0.0", "2026-11-06"): release("1.0.0", "2026-11-06", "planned")}
    data_root(tmp_path, files)
    opt_in_to_failing(tmp_path)
    [problem] = rel.check(load_dataset(tmp_path), TODAY)
    found = str(problem)
    assert found.startswith("data/releases/2026-11-06-v1.0.0.yml:3: date: release 1.0.0 is ")
    assert "status: released" in found
    assert problem.severity == "error"
    # One day earlier the same file is still within the grace period.
    assert rel.check(load_dataset(tmp_path), dt.date(2026, 11, 20)) == []


def test_future_planned_release_is_not_overdue(tmp_path):
    files = {release_file("1.0.0", "2026-12-10"): release("1.0.0", "2026-12-10", "planned")}
    assert check(tmp_path, files) == []
    assert rel.overdue_planned(rel.load_releases(load_dataset(tmp_path)), TODAY) == []


def test_released_release_dated_in_the_future_is_an_error(tmp_path):
    files = {release_file("1.0.0", "2026-12-10"): release("1.0.0", "2026-12-10", "released")}
    [found] = check(tmp_path, files)
    assert found.startswith("data/releases/2026-12-10-v1.0.0.yml:4: status: release 1.0.0 is ")


def test_last_updated_in_the_future_is_an_error(tmp_path):
    text = release("1.0.0", "2026-11-01", last_updated="2026-11-30")
    [found] = check(tmp_path, {release_file("1.0.0", "2026-11-01"): text})
    assert found.startswith("data/releases/2026-11-01-v1.0.0.yml:7: last_updated:")


def test_schema_rejects_a_malformed_release_with_its_line(tmp_path):
    text = release("1.0", "2026-11-01").replace("status: released", "status: shipped")
    data = load_dataset(data_root(tmp_path, {release_file("1.0", "2026-11-01"): text}))
    found = messages(data.problems)
    assert any(m.startswith("data/releases/2026-11-01-v1.0.yml:2: version:") for m in found)
    assert any(m.startswith("data/releases/2026-11-01-v1.0.yml:4: status:") for m in found)


def test_schema_rejects_a_link_that_is_not_https(tmp_path):
    extra = "    links:\n      prd: javascript:alert(1)\n"
    text = release("1.0.0", "2026-11-01", changes=[change(extra=extra)])
    data = load_dataset(data_root(tmp_path, {release_file("1.0.0", "2026-11-01"): text}))
    assert [m.split(": ")[0] for m in messages(data.problems)] == [
        "data/releases/2026-11-01-v1.0.0.yml:14"
    ]


def test_missing_settings_is_reported(tmp_path):
    root = data_root(
        tmp_path, {release_file("1.0.0", "2026-11-01"): release("1.0.0", "2026-11-01")}
    )
    (root / "data" / "release_settings.yml").unlink()
    found = messages(rel.check(load_dataset(root), TODAY))
    assert found == ["data/release_settings.yml: missing: release files need its closed lists"]


def test_duplicate_area_id_in_settings_is_reported(tmp_path):
    root = data_root(
        tmp_path, {release_file("1.0.0", "2026-11-01"): release("1.0.0", "2026-11-01")}
    )
    settings = root / "data" / "release_settings.yml"
    text = settings.read_text()
    settings.write_text(
        text.replace("  - {id: api,", "  - {id: boards, name: Again}\n  - {id: api,")
    )
    [found] = messages(rel.check(load_dataset(root), TODAY))
    assert (
        found.startswith("data/release_settings.yml:") and "duplicate id 'boards' in areas" in found
    )


def test_cross_check_runs_in_load_handbook(tmp_path):
    files = {
        release_file("1.0.0", "2026-10-01"): release("1.0.0", "2026-10-01"),
        "releases/2026-11-01-v1.0.0.yml": release("1.0.0", "2026-11-01"),
    }
    handbook = load_handbook(data_root(tmp_path, files), TODAY)
    assert any("duplicate version 1.0.0" in str(p) for p in handbook.problems)


# ---------------------------------------------------------------------------------------------
# Views
# ---------------------------------------------------------------------------------------------


def _view_data(tmp_path):
    notes = "    internal_note: Secret pricing detail.\n    enablement:\n      sales: Upsell it.\n"
    flag = "    rollout:\n      feature_flag: boards-x\n      percentage: 10\n"
    return dataset(
        tmp_path,
        {
            release_file("1.0.0", "2026-10-01"): release(
                "1.0.0",
                "2026-10-01",
                changes=[
                    change(description="Customers see this change.", extra=notes + flag),
                    change(audience="internal", description="Only the team sees this."),
                ],
            ),
            release_file("1.1.0", "2026-10-15"): release(
                "1.1.0", "2026-10-15", changes=[change(audience="internal")]
            ),
            release_file("1.2.0", "2026-12-01"): release("1.2.0", "2026-12-01", "planned"),
        },
    )


def test_customer_view_leaves_out_internal_changes_notes_and_planned(tmp_path):
    data = _view_data(tmp_path)
    settings = rel.load_settings(data)
    view = rel.customer_view(rel.load_releases(data), settings)
    # 1.1.0 has only an internal change and 1.2.0 is planned: both are left out.
    assert [r.version for r in view] == ["1.0.0"]
    [c] = view[0].changes
    assert c.description == "Customers see this change."
    assert (c.internal_note, c.sales, c.feature_flag, c.percentage, c.links) == (
        "",
        "",
        "",
        None,
        (),
    )


def test_full_data_keeps_what_the_customer_view_drops(tmp_path):
    # Negative control: the same data, unfiltered, still has the internal parts.
    releases = rel.load_releases(_view_data(tmp_path))
    first = next(r for r in releases if r.version == "1.0.0")
    assert len(first.changes) == 2
    assert first.changes[0].internal_note == "Secret pricing detail."
    assert first.changes[0].sales == "Upsell it."


def test_enablement_view_has_every_release_and_splits_briefed_changes(tmp_path):
    entries = rel.enablement_view(rel.load_releases(_view_data(tmp_path)))
    assert [e.release.version for e in entries] == ["1.2.0", "1.1.0", "1.0.0"]
    oldest = entries[-1]
    assert [c.description for c in oldest.briefed] == ["Customers see this change."]
    assert [c.description for c in oldest.other] == ["Only the team sees this."]


def test_latest_released_skips_planned_and_limits(tmp_path):
    releases = rel.load_releases(_view_data(tmp_path))
    assert [r.version for r in rel.latest_released(releases, 1)] == ["1.1.0"]
    assert [r.version for r in rel.latest_released(releases, 5)] == ["1.1.0", "1.0.0"]
    assert rel.latest_released(releases, 0) == []


def test_group_by_type_follows_keep_a_changelog_order(tmp_path):
    changes = [change(type="fixed"), change(type="security"), change(type="added")]
    data = dataset(
        tmp_path,
        {release_file("1.0.0", "2026-11-01"): release("1.0.0", "2026-11-01", changes=changes)},
    )
    [one] = rel.load_releases(data)
    groups = rel.group_by_type(one.changes, rel.load_settings(data))
    assert [heading for heading, _ in groups] == ["Added", "Fixed", "Security"]


# ---------------------------------------------------------------------------------------------
# handbook check
# ---------------------------------------------------------------------------------------------


def run_check(root, today="2026-11-21"):
    (root / "mkdocs.yml").write_text("site_name: x\n")
    return handbook_cli("check", "--root", str(root), "--today", today)


def test_handbook_check_reports_release_problems_and_fails(tmp_path):
    files = {
        release_file("1.0.0", "2026-10-01"): release("1.0.0", "2026-10-01"),
        release_file("0.9.0", "2026-11-01"): release("0.9.0", "2026-11-01"),
    }
    result = run_check(data_root(tmp_path, files))
    assert result.returncode == 1
    assert "data/releases/2026-11-01-v0.9.0.yml:2: version: version 0.9.0" in result.stderr


def test_handbook_check_passes_on_valid_releases(tmp_path):
    # Negative control: same files in the right order.
    files = {
        release_file("0.9.0", "2026-10-01"): release("0.9.0", "2026-10-01"),
        release_file("1.0.0", "2026-11-01"): release("1.0.0", "2026-11-01"),
    }
    result = run_check(data_root(tmp_path, files))
    assert result.returncode == 0, result.stderr
