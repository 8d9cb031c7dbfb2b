"""Load and validate every YAML file under data/ against its JSON Schema.

Each data file names its schema in a first-lines comment that editors understand too:
    # yaml-language-server: $schema=schema/tools.schema.json
Every problem in every file is collected; nothing stops at the first.
"""

from __future__ import annotations

import datetime as dt
import gc
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jsonschema

from handbook.core import schemas
from handbook.core.outside import resolves_outside
from handbook.core.paths import data_dir, rel
from handbook.core.problems import Problem, key_path
from handbook.core.yamlload import YAML11_BOOLEAN_WORDS, YamlDoc, YamlError, load_yaml

_SCHEMA_COMMENT = re.compile(r"^#\s*yaml-language-server:\s*\$schema=(\S+)", re.M)


@dataclass
class DataSet:
    """All data files of a handbook, keyed by path relative to the project root."""

    root: Path
    docs: dict[str, YamlDoc] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def get(self, name: str) -> YamlDoc | None:
        """The document at data/`name` (e.g. "tools.yml"), or None."""
        return self.docs.get(f"data/{name}")

    def under(self, folder: str) -> list[YamlDoc]:
        """Documents under data/`folder`/, sorted by path."""
        prefix = f"data/{folder.strip('/')}/"
        return [doc for path, doc in sorted(self.docs.items()) if path.startswith(prefix)]


def json_view(value: Any) -> Any:
    """The data as JSON would hold it: dates become ISO strings, for schema validation."""
    if isinstance(value, dict):
        return {str(k): json_view(v) for k, v in value.items()}
    if isinstance(value, list):
        return [json_view(v) for v in value]
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def schema_ref(text: str) -> str | None:
    match = _SCHEMA_COMMENT.search("\n".join(text.splitlines()[:5]))
    return match.group(1) if match else None


def _describe(error: jsonschema.ValidationError, doc: YamlDoc) -> str:
    path = tuple(error.absolute_path)
    raw = doc.scalars.get(path, "")
    if (
        error.validator == "type"
        and isinstance(error.instance, bool)
        and raw.lower() in YAML11_BOOLEAN_WORDS
    ):
        return (
            f"`{raw}` was read as the boolean {str(error.instance).lower()}, "
            f"but text is expected here; put it in quotes: '{raw}'"
        )
    if error.validator == "format" and error.validator_value == "date":
        return f"{error.instance!r} is not a real date in the form YYYY-MM-DD"
    return error.message


def validate_doc(doc: YamlDoc, schema: dict) -> list[Problem]:
    validator_cls = jsonschema.validators.validator_for(schema)
    validator = validator_cls(schema, format_checker=validator_cls.FORMAT_CHECKER)
    problems = []
    for error in validator.iter_errors(json_view(doc.data)):
        path = tuple(error.absolute_path)
        problems.append(Problem(doc.file, doc.line_of(path), _describe(error, doc), key_path(path)))
    return sorted(problems)


# C0 controls other than tab and line breaks, and DEL: no page, feed or JSON should carry them
# (a YAML "\x07" escape gets one past the parser, and makes feed.xml not well-formed).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# What else XML 1.0 cannot hold: U+FFFE and U+FFFF, and lone surrogates (a YAML "\uD800").
_NOT_XML = re.compile(r"[\ud800-\udfff\ufffe\uffff]")


def control_characters(doc: YamlDoc) -> list[Problem]:
    """A problem at each text value that holds a control character."""
    problems = []

    def walk(value: Any, path: tuple) -> None:
        if isinstance(value, str):
            found = _CONTROL.search(value)
            if found:
                message = f"control character U+{ord(found.group()):04X} in text; remove it"
                problems.append(Problem(doc.file, doc.line_of(path), message, key_path(path)))
            elif found := _NOT_XML.search(value):
                message = (
                    f"U+{ord(found.group()):04X} is not a character text may hold (feeds and "
                    "pages cannot carry it); remove it"
                )
                problems.append(Problem(doc.file, doc.line_of(path), message, key_path(path)))
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(item, (*path, key))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                walk(item, (*path, i))

    walk(doc.data, ())
    return problems


# Schema file name -> schema; raises KeyError for a name it does not have.
SchemaSource = Callable[[str], dict]


def load_file(
    path: Path, root: Path, schema_for: SchemaSource = schemas.load
) -> tuple[YamlDoc | None, list[Problem]]:
    name = rel(path, root)
    try:
        text = path.read_text(encoding="utf-8").removeprefix("\ufeff")
    except (OSError, UnicodeDecodeError) as exc:
        return None, [Problem(name, 0, f"cannot read file: {exc}")]
    try:
        doc = load_yaml(text, name)
    except YamlError as exc:
        return None, [exc.problem]
    ref = schema_ref(text)
    if ref is None:
        hint = "add '# yaml-language-server: $schema=schema/NAME.schema.json' as its first line"
        return doc, [Problem(name, 1, f"no JSON Schema declared; {hint}")]
    schema_path = (path.parent / ref).resolve()
    # The comment names one of the engine's schemas by its place in data/schema/; the engine's
    # own copy is used, so a file cannot vouch for itself with a lax or edited schema.
    try:
        if schema_path.parent != (data_dir(root) / "schema").resolve():
            raise KeyError(ref)
        schema = schema_for(schema_path.name)
    except KeyError:
        known = ", ".join(f"schema/{name}" for name in schemas.names())
        message = f"schema {ref} is not one of the engine's schemas ({known})"
        return doc, [Problem(name, 1, message)]
    expected = expected_schema(path.relative_to(data_dir(root)))
    if expected is not None and schema_path.name != expected:
        # Valid against another schema, the file would be read as nothing and left out.
        message = f"declares {ref}; a file here is checked against schema/{expected}: use it"
        return doc, [Problem(name, 1, message)]
    return doc, validate_doc(doc, schema) + control_characters(doc)


# Folders of data/ whose files all have one schema.
FOLDER_SCHEMAS = {"releases": "release.schema.json"}


def expected_schema(relative: Path) -> str | None:
    """The schema a data file must declare, from where it is (data/releases/x.yml ->
    release.schema.json, data/tools.yml -> tools.schema.json); None when its place says none."""
    if len(relative.parts) > 1:
        return FOLDER_SCHEMAS.get(relative.parts[0])
    own = f"{relative.stem}.schema.json"
    return own if own in schemas.names() else None


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for a while.

    Parsing and schema validation allocate many short-lived objects without cycles. Inside a
    build the heap also holds all of MkDocs and the theme, and every automatic collection scans
    it: that doubled the time to load data/tools.yml. Reference counting still frees the
    garbage; the collector resumes afterwards.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load_dataset(root: Path, schema_for: SchemaSource = schemas.load) -> DataSet:
    """Load every data/**/*.yml (schemas excluded) and validate each against its schema.

    `schema_for` is the engine's schemas; tests of the loader itself pass their own.
    """
    dataset = DataSet(root=root)
    folder = data_dir(root)
    with _cyclic_gc_paused():
        for path in sorted([*folder.rglob("*.yml"), *folder.rglob("*.yaml")]):
            if "schema" in path.relative_to(folder).parts[:1]:
                continue
            if path.is_symlink() and resolves_outside(root, path):
                continue  # never read: reported by handbook.core.outside.links_leaving
            doc, problems = load_file(path, root, schema_for)
            dataset.problems.extend(problems)
            if doc is not None:
                dataset.docs[doc.file] = doc
    return dataset


def to_date(value: Any) -> dt.date | None:
    """A date from YAML (already a date) or from a quoted ISO string; None when absent/invalid."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None
