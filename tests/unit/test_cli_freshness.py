"""`handbook freshness` and `handbook codeowners` on a fixture project."""

import dataclasses
import json
import re
import shutil

import pytest

from handbook.freshness.codeowners import BEGIN, END, CodeownersError, update
from tests.freshness_fixture import make_freshness_project
from tests.helpers import handbook_cli, make_project, page


def handbook(*args, root=None, today="2026-11-21"):
    extra = [
        *(["--root", str(root)] if root is not None else []),
        *(["--today", today] if today else []),
    ]
    return handbook_cli(*args, *extra)


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return make_freshness_project(tmp_path_factory.mktemp("cli"))


def test_table_lists_every_page_worst_first(project):
    result = handbook("freshness", root=project)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["STATUS", "REVIEW", "BY", "LAST", "REVIEWED", "OWNER", "PAGE"]
    assert lines[1].split()[0] == "stale" and lines[1].endswith("docs/guidelines/stale.md")
    rows = lines[1 : lines.index("")]
    docs = [row.split()[0] for row in rows if " docs/" in row]
    assert sorted(docs) == sorted(["stale", "due", "unowned", "unreviewed"] + ["fresh"] * 7)
    # The pages the build makes from templates and data are listed too, tools at their line.
    assert any(row.endswith(" templates/prd.md") for row in rows)
    assert any(re.search(r" data/tools\.yml:\d+$", row) for row in rows)
    assert f"\n{len(rows)} pages: " in result.stdout


def test_json_records(project):
    result = handbook("freshness", "--format", "json", root=project)
    records = {r["path"]: r for r in json.loads(result.stdout)}
    assert records["docs/guidelines/due.md"]["status"] == "due"
    assert records["docs/guidelines/due.md"]["review_by"] == "2026-11-30"
    assert records["docs/guidelines/unowned.md"]["owner"] is None
    assert records["docs/index.md"]["url"] == "https://handbook.example.com/"
    assert records["docs/guidelines/stale.md"]["edit_url"].endswith(
        "/edit/main/docs/guidelines/stale.md"
    )


def test_today_moves_the_boundaries(project, tmp_path):
    # On 2026-11-15 the due page is 15 days from its review-by date: fresh. The project's real
    # templates and release files were reviewed after that day, which `check` rightly refuses,
    # so this run leaves them out.
    earlier_project = tmp_path / "earlier"
    shutil.copytree(project, earlier_project)
    for path in [*earlier_project.glob("templates/*.md"), *earlier_project.glob("data/releases/*")]:
        path.unlink()
    result = handbook("freshness", "--format", "json", root=earlier_project, today="2026-11-15")
    assert result.returncode == 0, result.stderr
    earlier = json.loads(result.stdout)
    assert {r["path"]: r["status"] for r in earlier}["docs/guidelines/due.md"] == "fresh"
    later = json.loads(
        handbook("freshness", "--format", "json", root=project, today="2026-12-01").stdout
    )
    assert {r["path"]: r["status"] for r in later}["docs/guidelines/due.md"] == "stale"


def test_markdown_digest_per_owner(project):
    result = handbook("freshness", "--format", "markdown", root=project)
    text = result.stdout
    assert text.startswith("## Handbook pages to review (2026-11-21)")
    ops = text[text.index("### Product Operations (&#35;product-ops)") :]
    assert (
        "- [ ] **Stale**: [Stale page](https://github.com/example-co/fixture-handbook/edit/main/docs/guidelines/stale.md)"
        in ops
    )
    assert "### Product Design (&#35;design)" in text and "Unreviewed page" in text
    assert "### (no owner)" in text
    assert "Fresh" not in text.replace("fresh (", "")  # fresh pages are not listed
    items = [line for line in text.splitlines() if line.startswith("- [ ] ")]
    docs = [line for line in items if "(`docs/" in line]
    assert len(docs) == 4 and all(line.count("- [ ] ") == 1 for line in items)
    assert "- [ ] **Due for review**: [Due page](" in text
    # Each owner's stale pages before the due ones.
    assert ops.index("[Stale page]") < ops.index("[Due page]")
    assert (
        ops.split("\n### ")[0].rstrip().endswith("last reviewed 2026-05-30, review by 2026-11-30")
    )


def test_owner_filter(project):
    result = handbook("freshness", "--format", "json", "--owner", "design", root=project)
    assert {r["owner"] for r in json.loads(result.stdout)} == {"design"}
    unknown = handbook("freshness", "--owner", "nobody", root=project)
    assert unknown.returncode == 2 and "nobody" in unknown.stderr


def test_fail_on_exit_codes(project):
    assert handbook("freshness", "--fail-on", "stale", root=project).returncode == 1
    assert handbook("freshness", "--fail-on", "due", root=project).returncode == 1
    # Negative controls: Product Design's pages are unreviewed or fresh, never stale.
    args = ("freshness", "--owner", "design", "--fail-on")
    assert handbook(*args, "stale", root=project).returncode == 0
    assert handbook(*args, "due", root=project).returncode == 1


def test_check_reports_bad_review_fields(tmp_path):
    docs = {
        "index.md": page("# Home\n", reviewed="2026-12-01"),
        "every.md": page("# E\n", review_in="fortnightly"),
        "slack.md": "---\nowner_slack: 12\nlast_reviewed: 2026-11-01\n---\n",
    }
    result = handbook("check", root=make_project(tmp_path, docs))
    assert result.returncode == 1
    assert "docs/index.md:3: last_reviewed 2026-12-01 is in the future" in result.stderr
    assert "docs/every.md:4: review_in: 'fortnightly' is not a duration" in result.stderr
    assert "docs/slack.md:2: owner_slack must be a channel" in result.stderr


def test_codeowners_writes_block_and_keeps_other_lines(project):
    target = project / ".github" / "CODEOWNERS"
    target.parent.mkdir(exist_ok=True)
    mine = "# our rules\r\n*.yml @example-co/data\r\n"
    target.write_bytes(mine.encode())
    assert handbook("codeowners", "--check", root=project).returncode == 1
    assert target.read_bytes() == mine.encode()  # --check changes nothing
    assert handbook("codeowners", root=project).returncode == 0
    text = target.read_bytes().decode()
    assert text.startswith(mine)
    assert "/docs/guidelines/fresh.md @example-co/design\r\n" in text
    assert "# /docs/guidelines/unowned.md has no owner with a review handle" in text
    assert handbook("codeowners", "--check", root=project).returncode == 0
    # Hand edits after the block survive a regeneration; a stale block is replaced.
    target.write_bytes(text.replace("@example-co/design", "@someone").encode() + b"/x @y\r\n")
    assert handbook("codeowners", "--check", root=project).returncode == 1
    handbook("codeowners", root=project)
    again = target.read_bytes().decode()
    assert again == text + "/x @y\r\n"


def test_codeowners_update_pure():
    assert update(None, [BEGIN, "/a @b", END]).endswith(f"\n\n{BEGIN}\n/a @b\n{END}\n")
    assert update("x @y", [BEGIN, END]) == f"x @y\n\n{BEGIN}\n{END}\n"
    with pytest.raises(CodeownersError):
        update(f"{BEGIN}\nno end\n", [BEGIN, END])
    with pytest.raises(CodeownersError):
        update(f"{END}\n{BEGIN}\n", [BEGIN, END])


def test_freshness_refuses_a_page_that_check_rejects(project, tmp_path):
    # A last_reviewed in the future would otherwise make the page look fresh.
    broken = tmp_path / "broken"
    shutil.copytree(project, broken)
    page_path = broken / "docs" / "guidelines" / "fresh.md"
    text = page_path.read_text(encoding="utf-8")
    page_path.write_text(
        re.sub(r"(?m)^last_reviewed: .*$", "last_reviewed: 2099-01-01", text, count=1),
        encoding="utf-8",
    )
    result = handbook("freshness", "--fail-on", "stale", root=broken)
    assert result.returncode == 2
    assert "docs/guidelines/fresh.md:" in result.stderr and "in the future" in result.stderr
    # Control: the untouched project is accepted.
    assert handbook("freshness", root=project).returncode == 0


def test_codeowners_refuses_a_file_name_that_would_inject_a_rule(tmp_path):
    from handbook.freshness.codeowners import block_lines
    from handbook.freshness.model import PageFreshness

    fields = {f.name: None for f in dataclasses.fields(PageFreshness) if f.init}
    good = PageFreshness(**{**fields, "src_uri": "a.md", "review_handle": "@t"})
    assert block_lines([good])[1] == "/docs/a.md @t"
    evil = PageFreshness(**{**fields, "src_uri": "b\n* @attacker .md", "review_handle": "@t"})
    with pytest.raises(CodeownersError, match="line break"):
        block_lines([good, evil])
