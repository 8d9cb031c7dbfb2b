import shutil
from pathlib import Path

import pytest

from handbook.core import schemas
from handbook.core.data import expected_schema, to_date
from handbook.core.data import load_dataset as load_with_schemas
from tests.helpers import FIXTURE, engine_files

SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "properties": {
        "items": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id", "answer"],
                "properties": {
                    "id": {"type": "string"},
                    "answer": {"type": "string"},
                    "when": {"type": "string", "format": "date"},
                    "count": {"type": "integer"},
                },
                "additionalProperties": False,
            },
        }
    },
}


def x_schema(name: str) -> dict:
    if name != "x.schema.json":
        raise KeyError(name)
    return SCHEMA


def load_dataset(root: Path):
    """The loader with one test schema, x.schema.json, standing in for the engine's."""
    return load_with_schemas(root, x_schema)


def project(tmp_path: Path, files: dict[str, str]) -> Path:
    (tmp_path / "data" / "schema").mkdir(parents=True)
    for name, text in files.items():
        (tmp_path / "data" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "data" / name).write_text(text)
    return tmp_path


HEADER = "# yaml-language-server: $schema=schema/x.schema.json\n"


def test_valid_file_has_no_problems(tmp_path):
    root = project(tmp_path, {"x.yml": HEADER + "items:\n  - id: a\n    answer: yes please\n"})
    dataset = load_dataset(root)
    assert dataset.problems == []
    assert dataset.get("x.yml").data["items"][0]["id"] == "a"


def test_schema_violations_all_reported_with_lines(tmp_path):
    text = (
        HEADER + "items:\n  - id: a\n    answer: x\n    count: many\n  - id: b\n    colour: red\n"
    )
    dataset = load_dataset(project(tmp_path, {"x.yml": text}))
    messages = [str(p) for p in dataset.problems]
    assert any(m.startswith("data/x.yml:5: items[0].count:") for m in messages), messages
    assert any(m.startswith("data/x.yml:6: items[1]:") and "answer" in m for m in messages)
    assert any("colour" in m for m in messages)
    assert len(messages) == 3


def test_yes_no_read_as_boolean_gets_a_quoting_hint(tmp_path):
    text = HEADER + "items:\n  - id: a\n    answer: no\n"
    (problem,) = load_dataset(project(tmp_path, {"x.yml": text})).problems
    assert str(problem).startswith("data/x.yml:4: items[0].answer:")
    assert "`no` was read as the boolean false" in problem.message
    assert "'no'" in problem.message


def test_quoted_impossible_date_fails_format(tmp_path):
    text = HEADER + "items:\n  - id: a\n    answer: x\n    when: '2026-02-30'\n"
    (problem,) = load_dataset(project(tmp_path, {"x.yml": text})).problems
    assert problem.line == 5 and "not a real date" in problem.message


def test_unquoted_impossible_date_is_a_load_error(tmp_path):
    text = HEADER + "items:\n  - id: a\n    answer: x\n    when: 2026-02-30\n"
    (problem,) = load_dataset(project(tmp_path, {"x.yml": text})).problems
    assert str(problem).startswith("data/x.yml:5:")


def test_every_file_is_checked_not_just_the_first(tmp_path):
    files = {
        "a.yml": HEADER + "items: [{id: a}]\n",
        "sub/b.yml": "# yaml-language-server: $schema=../schema/x.schema.json\nitems: [1\n",
        "c.yml": "items: []\n",
    }
    dataset = load_dataset(project(tmp_path, files))
    files_with_problems = {p.file for p in dataset.problems}
    assert files_with_problems == {"data/a.yml", "data/sub/b.yml", "data/c.yml"}
    (missing,) = [p for p in dataset.problems if p.file == "data/c.yml"]
    assert "no JSON Schema declared" in missing.message


def test_to_date():
    assert str(to_date("2026-01-31")) == "2026-01-31"
    assert to_date("2026-02-30") is None
    assert to_date(None) is None


def test_byte_order_mark_keeps_schema_declaration(tmp_path):
    text = "\ufeff" + HEADER + "items:\n  - id: a\n    answer: b\n"
    assert load_dataset(project(tmp_path, {"x.yml": text})).problems == []


def test_schema_outside_engine_schemas_is_an_error(tmp_path):
    root = project(tmp_path, {"x.yml": "# yaml-language-server: $schema=lax.json\nitems: 3\n"})
    (root / "data" / "lax.json").write_text("{}")
    (problem,) = load_dataset(root).problems
    assert str(problem).startswith("data/x.yml:1: schema lax.json is not one of the engine's")


def test_missing_engine_schema_is_an_error(tmp_path):
    text = "# yaml-language-server: $schema=schema/nope.schema.json\nitems: []\n"
    (problem,) = load_dataset(project(tmp_path, {"x.yml": text})).problems
    assert "schema/nope.schema.json is not one of the engine's schemas" in problem.message


@pytest.mark.parametrize("name", schemas.names())
def test_the_engine_schema_is_used_not_the_editor_copy(tmp_path, name):
    # An edited copy in data/schema/ that accepts anything must not let bad data through.
    (tmp_path / "data" / "schema").mkdir(parents=True)
    (tmp_path / "data" / "schema" / name).write_text("{}")
    ref = f"schema/{name}"
    (tmp_path / "data" / "x.yml").write_text(f"# yaml-language-server: $schema={ref}\n[1, 2]\n")
    problems = load_with_schemas(tmp_path).problems
    assert problems and all(p.file == "data/x.yml" for p in problems)
    assert [p.message for p in schemas.drift(tmp_path) if f"data/schema/{name}" == p.file]


def test_the_engine_names_its_schemas_in_the_error(tmp_path):
    text = "# yaml-language-server: $schema=schema/nope.schema.json\nitems: []\n"
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "x.yml").write_text(text)
    (problem,) = load_with_schemas(tmp_path).problems
    assert "tools.schema.json" in problem.message and "owners.schema.json" in problem.message


def test_drift_names_a_missing_and_a_changed_copy(tmp_path):
    (tmp_path / "data" / "schema").mkdir(parents=True)
    for name in schemas.names():
        (tmp_path / "data" / "schema" / name).write_text(schemas.text(name))
    assert schemas.drift(tmp_path) == []
    (tmp_path / "data" / "schema" / "tools.schema.json").unlink()
    (tmp_path / "data" / "schema" / "owners.schema.json").write_text("{}")
    found = sorted(str(p) for p in schemas.drift(tmp_path))
    assert found[0].startswith("data/schema/owners.schema.json:1: differs from the engine's")
    assert found[1].startswith("data/schema/tools.schema.json: missing")
    assert all("handbook upgrade" in f for f in found)


def test_a_control_character_escaped_into_text_is_refused_at_its_line(tmp_path):
    text = HEADER + 'items:\n  - id: a\n    answer: "ring \\x07 bell"\n'
    (problem,) = load_dataset(project(tmp_path, {"x.yml": text})).problems
    assert str(problem) == (
        "data/x.yml:4: items[0].answer: control character U+0007 in text; remove it"
    )
    # Tabs and line breaks are text, not control characters to refuse.
    fine = HEADER + 'items:\n  - id: a\n    answer: "tab\\there\\nand a line"\n'
    assert load_dataset(project(tmp_path / "fine", {"x.yml": fine})).problems == []


@pytest.mark.parametrize(("escaped", "code"), [("\\uFFFE", "FFFE"), ("\\uFFFF", "FFFF")])
def test_a_character_xml_cannot_hold_is_refused_at_its_line(tmp_path, escaped, code):
    # U+FFFE in a release title made feed.xml not well-formed.
    text = HEADER + f'items:\n  - id: a\n    answer: "odd {escaped} one"\n'
    (problem,) = load_dataset(project(tmp_path, {"x.yml": text})).problems
    assert str(problem).startswith(f"data/x.yml:4: items[0].answer: U+{code} is not a character")


def test_a_raw_ufffe_in_the_file_is_refused_too(tmp_path):
    text = HEADER + "items:\n  - id: a\n    answer: odd \ufffe one\n"
    problems = load_dataset(project(tmp_path, {"x.yml": text})).problems
    assert problems and all(p.file == "data/x.yml" for p in problems)
    assert "Traceback" not in str(problems)


def test_a_release_file_that_names_another_schema_is_refused_not_dropped(tmp_path):
    # Valid against the tools schema, it used to be read as no release and left off the site.
    shutil.copytree(FIXTURE / "data", tmp_path / "data")
    engine_files(tmp_path)
    release = tmp_path / "data" / "releases" / "2026-10-20-v1.3.0.yml"
    release.write_text(
        "# yaml-language-server: $schema=../schema/tools.schema.json\ntools: []\n",
        encoding="utf-8",
    )
    problems = [str(p) for p in load_with_schemas(tmp_path).problems]
    assert problems == [
        "data/releases/2026-10-20-v1.3.0.yml:1: declares ../schema/tools.schema.json; a file "
        "here is checked against schema/release.schema.json: use it"
    ]
    # Negative control: the fixture's own release, with the right schema, loads.
    release.unlink()
    assert load_with_schemas(tmp_path).problems == []


def test_expected_schema_by_place():
    assert expected_schema(Path("releases/x.yml")) == "release.schema.json"
    assert expected_schema(Path("tools.yml")) == "tools.schema.json"
    assert expected_schema(Path("mine.yml")) is None
