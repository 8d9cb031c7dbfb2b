"""Shell completion for the `handbook` command, written from its argparse parser. Pure.

One bash function completes the command names, each command's options and, elsewhere, file
names; zsh loads the same function through its bash compatibility layer.
"""

from __future__ import annotations

import argparse

SHELLS = ("bash", "zsh")
PROGRAMS = ("handbook", "product-ops-handbook")


def command_options(parser: argparse.ArgumentParser) -> dict[str, list[str]]:
    """Each subcommand's name -> its option strings (e.g. check -> --root, --today ...)."""
    found: dict[str, list[str]] = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                options = [o for a in sub._actions for o in a.option_strings if o.startswith("--")]
                found[name] = sorted(set(options))
    return found


def script(parser: argparse.ArgumentParser, shell: str) -> str:
    if shell not in SHELLS:
        raise ValueError(f"no completion for {shell!r}; shells: {', '.join(SHELLS)}")
    commands = command_options(parser)
    cases = "\n".join(
        f'        {name}) opts="{" ".join(options)}" ;;' for name, options in commands.items()
    )
    lines = [
        "# handbook shell completion: "
        + ("source it from ~/.zshrc" if shell == "zsh" else "source it from ~/.bashrc"),
        *(["autoload -U +X bashcompinit && bashcompinit"] if shell == "zsh" else []),
        "_handbook() {",
        '    local cur="${COMP_WORDS[COMP_CWORD]}" opts=""',
        '    if [ "$COMP_CWORD" -eq 1 ]; then',
        f'        COMPREPLY=($(compgen -W "{" ".join(commands)} --help --version" -- "$cur"))',
        "        return",
        "    fi",
        '    case "${COMP_WORDS[1]}" in',
        cases,
        "    esac",
        '    if [[ "$cur" == -* ]]; then',
        '        COMPREPLY=($(compgen -W "$opts --help" -- "$cur"))',
        "    else",
        '        COMPREPLY=($(compgen -f -- "$cur"))',
        "    fi",
        "}",
        f"complete -o filenames -F _handbook {' '.join(PROGRAMS)}",
    ]
    return "\n".join(lines) + "\n"
