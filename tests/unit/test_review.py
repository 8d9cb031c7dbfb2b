"""`handbook review` edits one value and leaves every other byte of the file as it was."""

import datetime as dt
import itertools

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from handbook.freshness.review import ReviewError, set_last_reviewed
from handbook.pages.frontmatter import parse_page
from tests.helpers import handbook_cli

DAY = dt.date(2026, 11, 21)

# (front matter template, review value before, review value after); {V} marks the value.
FRONT_MATTERS = [
    (
        "owner: product-ops\nlast_reviewed: {V}\nreview_every: 6 months\n",
        "2026-01-02",
        "2026-11-21",
    ),
    ("last_reviewed: {V}\nowner: product-ops\n", "2025-12-31", "2026-11-21"),
    ("owner: x\nlast_reviewed: {V}  # checked with legal\n", "2026-01-02", "2026-11-21"),
    ("owner: x\nlast_reviewed: {V}\n", "'2026-01-02'", "'2026-11-21'"),
    ("owner: x\nlast_reviewed: {V} # quoted\n", '"2026-01-02"', '"2026-11-21"'),
    ("owner: x\nlast_reviewed:   {V}\n", "2026-01-02", "2026-11-21"),
    ("owner: x\nlast_reviewed : {V}\n", "2026-01-02", "2026-11-21"),
    (
        "# a comment first\nowner: x # team\n\nlast_reviewed: {V}\ntags: [a, b]\n",
        "2026-01-02",
        "2026-11-21",
    ),
    (
        "owner_slack: '#design'\nlast_reviewed_on: {V}\nreview_in: 6 months\n",
        "2026-01-02",
        "2026-11-21",
    ),
    (
        "title: 'Café: ünïcode ✓'\nlast_reviewed: {V}\ndescription: >\n  folded\n  text\n",
        "2026-01-02",
        "2026-11-21",
    ),
    ("owner: x\nlast_reviewed:{V}\n", "", " 2026-11-21"),  # empty value
    ("owner: x\nlast_reviewed: {V}\n", "2026-02-30", "2026-11-21"),  # impossible date fixed
    ("owner: x\nlast_reviewed: {V}\n", "2026-11-21", "2026-11-21"),  # already today
    ("nested:\n  last_reviewed: keep\nlast_reviewed: {V}\n", "2026-01-02", "2026-11-21"),
]
BODIES = ["\n# Title\n\nText with --- and last_reviewed: 2020-01-01 in it.\n", "", "# T"]


def assemble(front: str, body: str, newline: str, bom: bool, final_newline: bool) -> str:
    text = "---\n" + front + "---\n" + body
    if not final_newline:
        text = text.rstrip("\n")
    text = text.replace("\n", newline)
    return ("\ufeff" if bom else "") + text


CASES = list(itertools.product(FRONT_MATTERS, BODIES, ["\n", "\r\n"], [False, True], [True, False]))


@pytest.mark.parametrize(("front", "body", "newline", "bom", "final"), CASES)
def test_only_the_review_date_changes(front, body, newline, bom, final):
    template, before, after = front
    text = assemble(template.replace("{V}", before), body, newline, bom, final)
    expected = assemble(template.replace("{V}", after), body, newline, bom, final)
    assert set_last_reviewed(text, DAY) == expected


def test_many_cases_are_covered():
    assert len(CASES) >= 250


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Missing key: appended as the last front matter line, in the file's own line endings.
        ("---\nowner: x\n---\n# T\n", "---\nowner: x\nlast_reviewed: 2026-11-21\n---\n# T\n"),
        (
            "---\r\nowner: x\r\n---\r\n# T",
            "---\r\nowner: x\r\nlast_reviewed: 2026-11-21\r\n---\r\n# T",
        ),
        # GOV.UK-style page: the GOV.UK key name is added.
        (
            "---\nowner_slack: '#po'\nreview_in: 1 year\n---\n",
            "---\nowner_slack: '#po'\nreview_in: 1 year\nlast_reviewed_on: 2026-11-21\n---\n",
        ),
        # Empty front matter, and no front matter at all.
        ("---\n---\nBody\n", "---\nlast_reviewed: 2026-11-21\n---\nBody\n"),
        ("# T\n\nBody\n", "---\nlast_reviewed: 2026-11-21\n---\n# T\n\nBody\n"),
        ("\ufeff# T\r\n", "\ufeff---\r\nlast_reviewed: 2026-11-21\r\n---\r\n# T\r\n"),
        ("", "---\nlast_reviewed: 2026-11-21\n---\n"),
    ],
)
def test_missing_key_or_front_matter_is_added(text, expected):
    assert set_last_reviewed(text, DAY) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("---\n- a\n- list\n---\n", "safely"),
        ("---\n{owner: x, last_reviewed: 2026-01-01}\n---\n", "safely"),
        ("---\nowner: [unclosed\n---\n", "safely"),
        ("---\nowner: x\nlast_reviewed:\n  2026-01-01\n---\n", "safely"),
        ("---\nowner: x\n\n# no closing fence\n", "never ends"),
    ],
)
def test_unsafe_edits_are_refused(text, reason):
    with pytest.raises(ReviewError, match=reason):
        set_last_reviewed(text, DAY, "docs/a.md")


def run_review(root, *args):
    return handbook_cli("review", "--root", str(root), *args)


def test_cli_review_rewrites_only_the_date(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n")
    docs = tmp_path / "docs"
    docs.mkdir()
    crlf = docs / "crlf.md"
    original = "\ufeff---\r\nowner: x # team\r\nlast_reviewed: '2026-01-01'\r\n---\r\n# T"
    crlf.write_bytes(original.encode())
    plain = docs / "plain.md"
    plain.write_bytes(b"---\nowner: x\n---\n# P\n")
    result = run_review(tmp_path, "--today", "2026-11-21", "docs/crlf.md", str(plain))
    assert result.returncode == 0, result.stderr
    assert "docs/crlf.md: last reviewed 2026-01-01 -> 2026-11-21" in result.stdout
    assert crlf.read_bytes() == original.replace("2026-01-01", "2026-11-21").encode()
    assert plain.read_bytes() == b"---\nowner: x\nlast_reviewed: 2026-11-21\n---\n# P\n"
    again = run_review(tmp_path, "--today", "2026-11-21", "docs/plain.md")
    assert "already reviewed" in again.stdout


def test_cli_review_refuses_and_keeps_the_file(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n")
    (tmp_path / "docs").mkdir()
    bad = tmp_path / "docs" / "bad.md"
    bad.write_bytes(b"---\n- not\n- a mapping\n---\n")
    result = run_review(tmp_path, "--today", "2026-11-21", "docs/bad.md", "docs/missing.md")
    assert result.returncode == 1
    assert "docs/bad.md: cannot edit the front matter safely" in result.stderr
    assert "docs/missing.md: not a markdown file" in result.stderr
    assert bad.read_bytes() == b"---\n- not\n- a mapping\n---\n"


def test_cli_review_keeps_a_symlink_and_edits_its_target(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n")
    (tmp_path / "docs" / "shared").mkdir(parents=True)
    target = tmp_path / "docs" / "shared" / "page.md"
    target.write_bytes(b"---\nowner: x\n---\n# P\n")
    link = tmp_path / "docs" / "alias.md"
    link.symlink_to(target)
    result = run_review(tmp_path, "--today", "2026-11-21", "docs/alias.md")
    assert result.returncode == 0, result.stderr
    assert link.is_symlink()
    assert b"last_reviewed: 2026-11-21" in target.read_bytes()


def test_cli_review_refuses_files_outside_docs_and_templates(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n")
    (tmp_path / "docs").mkdir()
    readme = tmp_path / "README.md"
    readme.write_bytes(b"# Read me\n")
    outside = tmp_path.parent / f"{tmp_path.name}-outside.md"
    outside.write_bytes(b"# Not ours\n")
    (tmp_path / "docs" / "escape.md").symlink_to(outside)
    result = run_review(tmp_path, "--today", "2026-11-21", "README.md", "docs/escape.md")
    assert result.returncode == 1
    assert "README.md: not a page or template" in result.stderr
    assert "docs/escape.md: not a page or template" in result.stderr
    assert readme.read_bytes() == b"# Read me\n"
    assert outside.read_bytes() == b"# Not ours\n"
    assert (tmp_path / "docs" / "escape.md").is_symlink()


# ---------------------------------------------------------------------------------------------
# Property: whatever the page, `handbook review` changes the review date and nothing else, or
# refuses and changes nothing.


KEYS = st.sampled_from(["owner", "title", "tags", "review_every", "description", "x_y"])
SCALARS = st.one_of(
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=20),
    st.integers(-5, 5),
    st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31)),
)


@st.composite
def pages(draw) -> str:
    meta = draw(st.dictionaries(KEYS, SCALARS, max_size=4))
    if draw(st.booleans()):
        meta["last_reviewed"] = draw(st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31)))
    body = draw(st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60))
    if not meta and draw(st.booleans()):
        return body
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=draw(st.booleans()))
    return f"---\n{front}---\n{body}"


@settings(max_examples=150, deadline=None)
@given(pages())
def test_review_changes_only_the_date_or_refuses(text):
    try:
        updated = set_last_reviewed(text, DAY)
    except ReviewError:
        return  # refused: the CLI then leaves the file as it was
    before, before_problems = parse_page(text, "page")
    after, after_problems = parse_page(updated, "page")
    assert after_problems == []
    assert after.meta["last_reviewed"] == DAY
    others = {k: v for k, v in after.meta.items() if k != "last_reviewed"}
    if not before_problems and before.has_front_matter:
        assert others == {k: v for k, v in before.meta.items() if k != "last_reviewed"}
        assert after.body == before.body
    assert set_last_reviewed(updated, DAY) == updated  # a second review changes nothing


def _save_meanwhile(monkeypatch, page, times: int) -> list[int]:
    """An editor saves a new line to `page` while review works, `times` times."""
    import handbook.freshness.review as review

    original = review.set_last_reviewed
    saves = []

    def editing(text, day, name):
        if len(saves) < times:
            saves.append(1)
            page.write_bytes(page.read_bytes() + f"Saved meanwhile {len(saves)}.\n".encode())
        return original(text, day, name)

    monkeypatch.setattr(review, "set_last_reviewed", editing)
    return saves


def test_a_line_saved_while_review_runs_is_kept(tmp_path, monkeypatch):
    from handbook.freshness.review import review_file

    page = tmp_path / "page.md"
    page.write_bytes(b"---\nowner: x\nlast_reviewed: 2026-01-01\n---\n# P\n")
    saves = _save_meanwhile(monkeypatch, page, times=1)
    previous, changed = review_file(tmp_path, page, dt.date(2026, 11, 21), "page.md")
    assert saves and changed and previous == dt.date(2026, 1, 1)
    text = page.read_text(encoding="utf-8")
    assert "last_reviewed: 2026-11-21" in text
    assert "Saved meanwhile 1." in text


def test_a_page_that_keeps_changing_is_left_as_saved(tmp_path, monkeypatch):
    from handbook.core.safe_write import ChangedMeanwhile
    from handbook.freshness.review import review_file

    page = tmp_path / "page.md"
    page.write_bytes(b"---\nowner: x\nlast_reviewed: 2026-01-01\n---\n# P\n")
    _save_meanwhile(monkeypatch, page, times=10)
    with pytest.raises(ChangedMeanwhile, match="changed while this command ran"):
        review_file(tmp_path, page, dt.date(2026, 11, 21), "page.md")
    text = page.read_text(encoding="utf-8")
    assert "Saved meanwhile 3." in text and "2026-11-21" not in text
