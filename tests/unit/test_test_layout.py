"""Engine tests build their own fixture handbooks; only the reference tiers read this one.

The reference tiers (tests/reference/ and tests/browser/) check this repository's handbook:
its pages, data, templates and mkdocs.yml, and the site built from them. Every other test is an
engine test and must pass when the example content is deleted, so it may not name those paths
under ROOT, hand ROOT itself to a loader or a build, or ask for the real-site fixtures.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.helpers import ROOT

TESTS = ROOT / "tests"
REFERENCE_TIERS = ("reference", "browser")
CONTENT = {"docs", "data", "templates", "mkdocs.yml"}
REAL_SITE_FIXTURES = {"real_site", "browser_site"}
# Engine test modules that hand ROOT over for a reason other than its content.
ROOT_ARGUMENT_ALLOWED = {
    # Builds the engine's wheel from this checkout (its example case is marked reference).
    "tests/e2e/test_init_from_wheel.py",
}


def _content_path(node: ast.BinOp) -> str | None:
    """'docs' for `ROOT / "docs" / ...` (or `ROOT / "docs/x.md"`), else None."""
    if not (isinstance(node.op, ast.Div) and isinstance(node.left, ast.Name)):
        return None
    if node.left.id != "ROOT" or not isinstance(node.right, ast.Constant):
        return None
    first = str(node.right.value).split("/")[0]
    return first if first in CONTENT else None


def reads_of_the_reference_handbook(source: str, name: str) -> list[str]:
    """Each place in a test module that reads this repository's handbook, as 'line: what'."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.BinOp) and (path := _content_path(node)):
            found.append(f"{node.lineno}: ROOT / {path!r}")
        elif isinstance(node, ast.Call) and name not in ROOT_ARGUMENT_ALLOWED:
            if isinstance(node.func, ast.Attribute) and node.func.attr == "relative_to":
                continue  # naming a path relative to the checkout reads nothing
            args = [*node.args, *(k.value for k in node.keywords if k.arg != "cwd")]
            if any(isinstance(a, ast.Name) and a.id == "ROOT" for a in args):
                found.append(f"{node.lineno}: ROOT passed to a call")
        elif isinstance(node, ast.FunctionDef):
            uses = REAL_SITE_FIXTURES & {a.arg for a in node.args.args}
            found += [f"{node.lineno}: fixture {fixture}" for fixture in sorted(uses)]
    return found


def engine_test_modules() -> list[Path]:
    modules = []
    for path in sorted(TESTS.rglob("*.py")):
        parts = path.relative_to(TESTS).parts
        if parts[0] in REFERENCE_TIERS or parts[0] == "fixtures" or path.name == "conftest.py":
            continue
        modules.append(path)
    return modules


def test_engine_tests_do_not_read_the_reference_handbook():
    offenders = {
        str(path.relative_to(ROOT)): found
        for path in engine_test_modules()
        if (found := reads_of_the_reference_handbook(path.read_text("utf-8"), _name(path)))
    }
    assert offenders == {}


def _name(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('x = ROOT / "docs" / "index.md"', ["1: ROOT / 'docs'"]),
        ('x = ROOT / "data/tools.yml"', ["1: ROOT / 'data'"]),
        ("load_dataset(ROOT)", ["1: ROOT passed to a call"]),
        ("build(project, root=ROOT)", ["1: ROOT passed to a call"]),
        ("def test_a(real_site):\n    pass", ["1: fixture real_site"]),
    ],
)
def test_each_kind_of_read_is_found(source, expected):
    assert reads_of_the_reference_handbook(source, "tests/unit/x.py") == expected


@pytest.mark.parametrize(
    "source",
    [
        'x = ROOT / "handbook" / "schemas"',
        'x = FIXTURE / "data" / "tools.yml"',
        'run(["make"], cwd=ROOT)',
        "name = path.relative_to(ROOT)",
        "def test_a(tmp_path):\n    pass",
    ],
)
def test_what_is_not_a_read_passes(source):
    assert reads_of_the_reference_handbook(source, "tests/unit/x.py") == []


def test_reference_tiers_exist_and_engine_modules_are_found():
    # Without this the rule above could pass by finding no module at all.
    assert (TESTS / "reference").is_dir() and (TESTS / "browser").is_dir()
    names = {_name(p) for p in engine_test_modules()}
    assert "tests/unit/test_test_layout.py" in names
    assert "tests/build/test_foundation.py" in names
    assert not any(n.startswith(("tests/reference/", "tests/browser/")) for n in names)
