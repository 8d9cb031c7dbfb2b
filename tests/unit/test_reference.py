"""The reference docs are written from the engine: each schema field, macro, command and front
matter key is described there, and whatever lacks a description is reported by name."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

import handbook
from handbook.cli import main
from handbook.core import reference
from handbook.core.registry import Feature, registry
from handbook.pages.keys import PAGE_KEYS, TEMPLATE_KEYS
from handbook.pages.placeholders import find_placeholders
from handbook.templates.model import REQUIRED_FIELDS


def test_nothing_the_engine_offers_is_undocumented():
    assert reference.undocumented() == []


# --- schemas ---------------------------------------------------------------------------------

SCHEMA = {
    "type": "object",
    "required": ["items"],
    "description": "A test file.",
    "$defs": {"id": {"type": "string", "pattern": "^[a-z]+$", "description": "An id."}},
    "properties": {
        "items": {
            "type": "array",
            "minItems": 1,
            "description": "The items.",
            "items": {
                "type": "object",
                "required": ["id"],
                "properties": {
                    "id": {"$ref": "#/$defs/id"},
                    "size": {"type": "integer", "minimum": 0, "maximum": 9},
                    "kind": {"enum": ["a", "b"], "description": "Its kind."},
                },
            },
        },
        "every": {
            "type": "object",
            "description": "Intervals by name.",
            "additionalProperties": {"type": "string", "description": "An interval."},
        },
    },
    "examples": [{"items": [{"id": "x"}]}],
}


def test_schema_fields_are_walked_with_paths_types_and_constraints():
    fields = {f.path: f for f in reference.schema_fields(SCHEMA)}
    assert list(fields) == [
        "items",
        "items[].id",
        "items[].size",
        "items[].kind",
        "every",
        "every.<key>",
    ]
    assert fields["items"].type == "list of objects" and fields["items"].required
    assert fields["items[].id"].description == "An id."  # from the $ref
    assert fields["items[].id"].allowed == "matches `^[a-z]+$`"
    assert fields["items[].size"].allowed == "0 to 9" and not fields["items[].size"].required
    assert fields["items[].kind"].allowed == "one of `a`, `b`"
    assert fields["every"].type == "mapping of names to text"


def test_a_schema_field_without_description_is_reported():
    """Negative control: the one field of SCHEMA with no description is named."""
    data = reference.data_file("x.schema.json", SCHEMA)
    assert reference.undocumented(data=[data], macros=[], commands=[], keys=()) == [
        "x.schema.json: items[].size has no description"
    ]


def test_a_schema_without_example_is_reported():
    bare = {k: v for k, v in SCHEMA.items() if k != "examples"}
    data = reference.data_file("x.schema.json", bare)
    found = reference.undocumented(data=[data], macros=[], commands=[], keys=())
    assert "x.schema.json: no example record" in found


def test_the_example_is_yaml_with_its_schema_comment():
    data = reference.data_file("x.schema.json", SCHEMA)
    assert data.path == "data/x.yml"
    assert (
        data.example == "# yaml-language-server: $schema=schema/x.schema.json\nitems:\n  - id: x\n"
    )
    release = reference.data_file("release.schema.json", SCHEMA)
    assert release.example.startswith("# yaml-language-server: $schema=../schema/release.")


# --- macros ----------------------------------------------------------------------------------


def documented(days: int = 90, by: str = "category") -> str:
    """Renewals due soon.

    Arguments:
        days: the window, in days,
            continued here.
        by: what to group by.
    Example: {{ documented(30) }}
    """
    return ""


def undocumented_macro(role: str) -> str:
    """Shows something."""
    return ""


def test_a_macro_docstring_gives_summary_arguments_and_example():
    [doc] = reference.macro_docs((Feature("x", "X.", macros=_register(documented)),))[1:]
    assert doc.signature == 'documented(days: int = 90, by: str = "category")'
    assert doc.summary == "Renewals due soon."
    assert doc.arguments == (
        ("days", "the window, in days, continued here."),
        ("by", "what to group by."),
    )
    assert doc.example == "{{ documented(30) }}"
    assert doc.feature == "x"


def test_a_macro_without_example_or_argument_text_is_reported():
    """Negative control: no Example line and an argument not described are both named."""
    docs = reference.macro_docs((Feature("x", "X.", macros=_register(undocumented_macro)),))
    found = reference.undocumented(data=[], macros=docs, commands=[], keys=())
    assert found == [
        "macro undocumented_macro: no 'Example: {{ ... }}' line in its docstring",
        "macro undocumented_macro: argument role is not described",
    ]


def _register(function):
    def register(env, _handbook):
        env.macro(function)

    return register


def test_every_macro_of_every_feature_is_in_the_reference():
    text = reference.markdown()
    names = [m.name for m in reference.macro_docs()]
    assert "owner_name" in names
    for feature in registry():
        for name in reference.recorded_macros(feature.macros) if feature.macros else {}:
            assert f"### {name}\n" in text
            assert f"guard `{{% if features.{feature.name} %}}`" in text


# --- commands --------------------------------------------------------------------------------


def test_every_command_is_in_the_reference_with_its_options():
    text = reference.markdown()
    for command in reference.command_docs():
        assert f"### handbook {command.name}\n" in text
        assert f"Example: `{command.example}`" in text
        for option in command.options:
            assert f"| `{option.flags}` |" in text


def test_a_command_without_example_or_option_help_is_reported():
    """Negative control: a parser whose command has no epilog and an option without help."""
    parser = argparse.ArgumentParser(prog="handbook")
    sub = parser.add_subparsers(dest="command")
    command = sub.add_parser("frob", help="frob the handbook")
    command.add_argument("--hard", action="store_true")
    docs = reference.command_docs(parser)
    assert docs[0].usage == "handbook frob [--hard]"
    assert reference.undocumented(data=[], macros=[], commands=docs, keys=()) == [
        "handbook frob: no 'Example: handbook ...' line in its epilog",
        "handbook frob: --hard has no help",
    ]


def test_reference_check_and_output(tmp_path, capsys):
    out = tmp_path / "reference.md"
    out.write_text("old\n", encoding="utf-8")
    assert main(["reference", "--output", str(out), "--check"]) == 1
    assert out.read_text(encoding="utf-8") == "old\n"
    assert main(["reference", "--output", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == reference.markdown()
    assert main(["reference", "--output", str(out), "--check"]) == 0
    capsys.readouterr()
    assert main(["reference"]) == 0
    assert capsys.readouterr().out == reference.markdown()


# --- front matter keys -----------------------------------------------------------------------

# Keys the engine itself writes into page.meta during a build, never read from a page.
WRITTEN_BY_THE_ENGINE = {"template_ref", "search"}
_META_KEY = re.compile(r"""meta(?:\.get|\.pop|\.setdefault)?[(\[]\s*["'](\w+)["']""")


def meta_keys_read(source: str) -> set[str]:
    return set(_META_KEY.findall(source))


def test_every_front_matter_key_the_engine_reads_is_declared():
    declared = {k.name for k in (*PAGE_KEYS, *TEMPLATE_KEYS)}
    declared |= {alias for k in PAGE_KEYS for alias in k.aliases}
    package = Path(handbook.__file__).parent
    read: set[str] = set()
    for path in package.rglob("*.py"):
        read |= meta_keys_read(path.read_text(encoding="utf-8"))
    assert read - WRITTEN_BY_THE_ENGINE - declared == set()


def test_the_key_scan_finds_a_key_read():
    """Negative control for the scan above."""
    source = 'x = page.meta.get("mystery")\ny = meta["other"]\npage.meta.setdefault("third", 1)\n'
    assert meta_keys_read(source) == {"mystery", "other", "third"}


def test_required_template_keys_are_the_ones_the_engine_requires():
    assert {k.name for k in TEMPLATE_KEYS if k.required} == set(REQUIRED_FIELDS)


def test_review_key_aliases_come_from_the_engine():
    from handbook.freshness.review_fields import LAST_REVIEWED_KEYS, REVIEW_EVERY_KEYS

    keys = {k.name: k for k in PAGE_KEYS}
    assert (keys["last_reviewed"].name, *keys["last_reviewed"].aliases) == LAST_REVIEWED_KEYS
    assert (keys["review_every"].name, *keys["review_every"].aliases) == REVIEW_EVERY_KEYS


# --- onboarding and features -----------------------------------------------------------------


def test_the_reference_lists_the_playbook_headings_in_order():
    from handbook.onboarding.model import CHECKLIST_HEADINGS, checklist_sections

    text = reference.markdown()
    block = text.split("## Onboarding playbooks", 1)[1].split("```markdown\n", 1)[1]
    block = block.split("\n```\n", 1)[0]
    # The skeleton the reference shows is a playbook the engine accepts.
    assert [s.heading for s in checklist_sections(block)] == list(CHECKLIST_HEADINGS)


@pytest.mark.parametrize("feature", registry(), ids=lambda f: f.name)
def test_each_feature_with_a_section_declares_its_index_page(feature):
    if feature.section:
        assert feature.docs_pages[0].src_uri == f"{feature.section}/index.md"
        assert all(p.src_uri.startswith(f"{feature.section}/") for p in feature.docs_pages)


def test_the_reference_shows_no_text_a_markdown_viewer_would_drop_or_link():
    """`<id>` outside code would vanish as an HTML tag where the reference is read; the check
    is the one pages get (handbook.pages.placeholders), so a description such as
    "its page is tools/<id>/" fails here until it is written as code."""
    assert find_placeholders(reference.markdown()) == []
    assert [p.text for p in find_placeholders("the tool's page is tools/<id>/.")] == ["<id>"]
