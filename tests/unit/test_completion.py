"""Shell completion from the CLI's own parser, run in a real bash."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from handbook.cli import build_parser
from handbook.core.completion import script


def complete(words: list[str]) -> list[str]:
    """What the completion function offers for `words` (the last one being typed)."""
    body = script(build_parser(), "bash")
    line = " ".join(f"'{w}'" for w in words)
    program = (
        f"{body}\nCOMP_WORDS=({line}); COMP_CWORD={len(words) - 1}; _handbook; "
        'printf "%s\\n" "${COMPREPLY[@]}"'
    )
    result = subprocess.run(["bash", "-c", program], capture_output=True, text=True, cwd="/")
    assert result.returncode == 0, result.stderr
    return sorted(filter(None, result.stdout.splitlines()))


def test_commands_and_each_commands_options_complete():
    assert complete(["handbook", "ch"]) == ["check"]
    assert "completion" in complete(["handbook", "co"]) and "codeowners" in complete(
        ["handbook", "co"]
    )
    assert complete(["handbook", "init", "--e"]) == ["--engine", "--example"]
    assert complete(["handbook", "new", "--o"]) == ["--owner"]
    # Negative control: another command's option is not offered.
    assert complete(["handbook", "check", "--e"]) == []


def test_file_names_complete_outside_options():
    assert "etc" in complete(["handbook", "review", "et"])


def test_every_command_of_the_parser_is_in_the_script():
    body = script(build_parser(), "bash")
    for name in ("init", "check", "freshness", "review", "codeowners", "new", "upgrade"):
        assert f"        {name}) opts=" in body


def test_zsh_loads_the_same_function_through_bashcompinit():
    body = script(build_parser(), "zsh")
    assert body.splitlines()[1] == "autoload -U +X bashcompinit && bashcompinit"
    assert "complete -o filenames -F _handbook handbook product-ops-handbook" in body
    if shutil.which("zsh"):
        run = subprocess.run(["zsh", "-c", body], capture_output=True, text=True)
        assert run.returncode == 0, run.stderr
    with pytest.raises(ValueError, match="no completion for 'fish'"):
        script(build_parser(), "fish")
