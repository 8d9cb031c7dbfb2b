"""Odd input to init, upgrade, check and the content rules is a message naming the file, with
a non-zero exit, never a traceback."""

from __future__ import annotations

import os

import pytest

from tests.helpers import FIXED_TODAY, fixture_site, handbook_cli

RULES_HEADER = "# yaml-language-server: $schema=schema/content_rules.schema.json\n"


@pytest.fixture()
def project(tmp_path):
    return fixture_site(tmp_path)


def check(project):
    return handbook_cli("check", "--root", str(project), "--today", FIXED_TODAY)


@pytest.mark.parametrize(
    ("rules", "expected"),
    [
        ("rules:\n  - pages: x\n", "data/content_rules.yml:3: rules[0]: 'id' is a required"),
        ("rules: text\n", "data/content_rules.yml:2: rules: 'text' is not of type 'array'"),
        (
            "facts:\n  - {name: n, value: v, pattern: '('}\n",
            "data/content_rules.yml:3: facts[0].pattern: '(' is not a 'regex'",
        ),
    ],
)
def test_content_rules_that_do_not_match_their_schema(project, rules, expected):
    (project / "data" / "content_rules.yml").write_text(RULES_HEADER + rules, encoding="utf-8")
    result = check(project)
    assert result.returncode == 1
    assert expected in result.stderr
    assert "Traceback" not in result.stderr


def test_a_hook_file_that_is_not_utf8(project):
    (project / "hooks" / "data.py").write_bytes(b"\xff\xfe not text")
    upgrade = handbook_cli("upgrade", "--root", str(project))
    assert upgrade.returncode == 1
    assert "hooks/data.py:1: does not import the engine's hook" in upgrade.stderr
    result = check(project)
    assert "Traceback" not in upgrade.stderr + result.stderr
    assert "hooks/data.py:1: does not import the engine's hook" in result.stderr


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # libyaml words it "did not find expected ',' or ']'", PyYAML's own parser "expected ','".
        (b"site_name: [unclosed\n", "handbook: mkdocs.yml:2: invalid YAML: "),
        (b"site_name: caf\xe9\n", "handbook: mkdocs.yml: not UTF-8 text"),
    ],
)
def test_a_mkdocs_yml_that_cannot_be_read(project, text, expected):
    (project / "mkdocs.yml").write_bytes(text)
    result = check(project)
    assert result.returncode == 2
    assert expected in result.stderr
    assert "expected ','" in result.stderr or "not UTF-8" in expected
    upgrade = handbook_cli("upgrade", "--root", str(project))
    assert "Traceback" not in result.stderr + upgrade.stderr


def test_a_mkdocs_yml_that_is_not_utf8_stops_upgrade_with_a_message(project):
    (project / "mkdocs.yml").write_bytes(b"site_name: caf\xe9\n")
    upgrade = handbook_cli("upgrade", "--root", str(project))
    assert upgrade.returncode == 1
    assert "mkdocs.yml: cannot be read as UTF-8 text; fix it first" in upgrade.stderr


def test_init_with_a_name_that_is_not_utf8(tmp_path):
    name = os.fsdecode(b"caf\xe9")  # what Python makes of bytes that are not UTF-8 in argv
    result = handbook_cli("init", str(tmp_path / "acme"), "--name", name)
    assert result.returncode == 2
    assert "--name holds U+DCE9, which is not text" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_fixture_checks_clean(project):
    # Negative control: the same project untouched passes.
    result = check(project)
    assert result.returncode == 0, result.stderr
