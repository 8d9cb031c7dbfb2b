"""Each engine schema carries one small valid record under `examples`, which the reference
docs show and editors offer; a record that stops validating fails here, before it misleads."""

from __future__ import annotations

import copy

import jsonschema
import pytest

from handbook.core import schemas


def errors_of(schema: dict, record: object) -> list[str]:
    cls = jsonschema.validators.validator_for(schema)
    validator = cls(schema, format_checker=cls.FORMAT_CHECKER)
    return [error.message for error in validator.iter_errors(record)]


@pytest.mark.parametrize("name", schemas.names())
def test_each_schema_has_one_valid_example(name):
    schema = schemas.load(name)
    examples = schema.get("examples")
    assert isinstance(examples, list) and len(examples) == 1, f"{name}: one example record"
    assert errors_of(schema, examples[0]) == []


@pytest.mark.parametrize("name", schemas.names())
def test_a_broken_example_is_caught(name):
    """Negative control: the same check refuses a record with a key the schema does not allow."""
    schema = schemas.load(name)
    broken = copy.deepcopy(schema["examples"][0])
    broken["no_such_key"] = ["not", "allowed"]
    assert errors_of(schema, broken)
