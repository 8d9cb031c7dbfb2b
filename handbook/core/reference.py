"""Reference docs for adopters, written from the engine itself so they cannot drift from it.

Every data file's fields (from the JSON Schemas, with each schema's example record), every
macro (from the registry and its docstring), every front matter key (handbook.pages.keys),
every command and option (from the argparse parser), the onboarding playbook's checklist
headings and the pages each feature needs. `handbook reference --output FILE` (and
`make reference`) writes engine-docs/reference.md from `markdown()`; `undocumented()` lists
whatever has no description, help or example, and a test keeps both in step.

Pure: no MkDocs import; the markdown comes from handbook/jinja/reference.md.
"""

from __future__ import annotations

import argparse
import inspect
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml

from handbook.core import schemas
from handbook.core.jinja_env import environment
from handbook.core.registry import Feature, recorded_macros, registry

# Data files whose name is not data/<schema name>.yml.
DATA_FILES = {"release.schema.json": "data/releases/<YYYY-MM-DD>-v<version>.yml"}
# Data files the engine needs whatever the features (handbook check reports them missing).
ALWAYS_REQUIRED = ("owners.yml",)

_PLURAL = {"date": "dates", "integer": "integers", "regular expression": "regular expressions"}
_EXAMPLE = re.compile(r"^Example:\s*(?P<call>.+)$")
_ARGUMENT = re.compile(r"^(?P<name>\w+):\s*(?P<text>.*)$")


# ---------------------------------------------------------------------------------------------
# Data files: the fields of each JSON Schema
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SchemaField:
    path: str  # e.g. tools[].owner; map values are <key>
    type: str
    required: bool
    allowed: str
    description: str


@dataclass(frozen=True)
class DataFile:
    schema: str  # file name, e.g. tools.schema.json
    path: str  # the data file it validates, e.g. data/tools.yml
    title: str
    description: str
    needed_by: str  # when the file is required, in words ("" when optional)
    fields: tuple[SchemaField, ...]
    example: str  # the schema's example record as YAML, with its $schema comment


def _resolve(node: Any, root: dict) -> dict:
    """`node` with a local `$ref` merged in (the node's own keys win)."""
    if not isinstance(node, dict):
        return {}
    ref = node.get("$ref")
    if not isinstance(ref, str) or not ref.startswith("#/"):
        return node
    target: Any = root
    for part in ref[2:].split("/"):
        target = target[part]
    return {**_resolve(target, root), **{k: v for k, v in node.items() if k != "$ref"}}


def _type(node: dict, root: dict) -> str:
    if "enum" in node:
        kinds = {type(v).__name__ for v in node["enum"]}
        return {"str": "text", "bool": "boolean", "int": "integer"}.get(kinds.pop(), "value")
    kind = node.get("type")
    if kind == "string":
        return {"date": "date", "regex": "regular expression"}.get(str(node.get("format")), "text")
    if kind == "array":
        items = _resolve(node.get("items"), root)
        if not items:
            return "list"
        inner = "objects" if items.get("type") == "object" else _type(items, root)
        return f"list of {_PLURAL.get(inner, inner)}"
    if (
        kind == "object"
        and not node.get("properties")
        and isinstance(node.get("additionalProperties"), dict)
    ):
        value = _type(_resolve(node["additionalProperties"], root), root)
        return f"mapping of names to {value}"
    if isinstance(kind, list):
        return " or ".join(_type({**node, "type": one}, root) for one in kind)
    names = {"integer": "integer", "number": "number", "boolean": "boolean", "object": "object"}
    return names.get(kind, "any") if isinstance(kind, str) else "any"


def _code(text: object) -> str:
    """`text` as a markdown code span, whatever backticks it holds."""
    value = str(text)
    longest = max((len(run) for run in re.findall(r"`+", value)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if value.startswith("`") or value.endswith("`") else ""
    return f"{fence}{pad}{value}{pad}{fence}"


def _allowed(node: dict, root: dict) -> str:
    parts = []
    if "enum" in node:
        parts.append(
            "one of "
            + ", ".join(
                _code(json.dumps(v)[1:-1] if isinstance(v, str) else json.dumps(v))
                for v in node["enum"]
            )
        )
    if "pattern" in node:
        parts.append(f"matches {_code(node['pattern'])}")
    if node.get("format") == "date":
        parts.append("YYYY-MM-DD")
    if node.get("minLength") == 1:
        parts.append("not empty")
    elif "maxLength" in node:
        parts.append(f"{node.get('minLength', 0)} to {node['maxLength']} characters")
    elif "minLength" in node:
        parts.append(f"at least {node['minLength']} characters")
    low, high = node.get("minimum"), node.get("maximum")
    if low is not None and high is not None:
        parts.append(f"{low} to {high}")
    elif low is not None:
        parts.append(f"{low} or more")
    if "minItems" in node:
        parts.append(f"at least {node['minItems']} item{'s' if node['minItems'] != 1 else ''}")
    if "minProperties" in node:
        parts.append(f"at least {node['minProperties']} key")
    if node.get("uniqueItems"):
        parts.append("no repeats")
    items = _resolve(node.get("items"), root) if node.get("type") == "array" else {}
    if items and items.get("type") != "object":
        inner = _allowed(items, root)
        if inner:
            parts.append(f"each item: {inner}")
    names = node.get("propertyNames")
    if isinstance(names, dict) and "pattern" in names:
        parts.append(f"names match {_code(names['pattern'])}")
    return "; ".join(parts)


def _fields(node: dict, root: dict, path: str) -> Iterator[SchemaField]:
    required = set(node.get("required") or ())
    for name, raw in (node.get("properties") or {}).items():
        child = _resolve(raw, root)
        here = f"{path}.{name}" if path else name
        yield SchemaField(
            here,
            _type(child, root),
            name in required,
            _allowed(child, root),
            str(child.get("description", "")),
        )
        yield from _children(child, root, here)
    extra = node.get("additionalProperties")
    if isinstance(extra, dict):
        child = _resolve(extra, root)
        here = f"{path}.<key>" if path else "<key>"
        yield SchemaField(
            here, _type(child, root), False, _allowed(child, root), child.get("description", "")
        )
        yield from _children(child, root, here)


def _children(node: dict, root: dict, path: str) -> Iterator[SchemaField]:
    if node.get("type") == "array":
        items = _resolve(node.get("items"), root)
        if items.get("type") == "object":
            yield from _fields(items, root, f"{path}[]")
    elif node.get("type") == "object":
        yield from _fields(node, root, path)


def schema_fields(schema: dict) -> list[SchemaField]:
    """Every field of `schema`, in schema order, nested ones after their parent."""
    return list(_fields(schema, schema, ""))


class _Dumper(yaml.SafeDumper):
    """Indents a list inside a mapping, as the handbook's data files are written."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _example_yaml(name: str, path: str, schema: dict) -> str:
    examples = schema.get("examples") or []
    if not examples:
        return ""
    text = yaml.dump(examples[0], Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
    # Dates read as dates in YAML; the dumper quotes the strings that look like one.
    text = re.sub(r"'(\d{4}-\d{2}-\d{2})'", r"\1", text)
    depth = path.count("/") - 1
    ref = "../" * depth + f"schema/{name}"
    return f"# yaml-language-server: $schema={ref}\n{text}"


def data_file(name: str, schema: dict, needs: dict[str, list[str]] | None = None) -> DataFile:
    """The data file that schema `name` describes; `needs`: data file -> features needing it."""
    stem = name.removesuffix(".schema.json")
    path = DATA_FILES.get(name, f"data/{stem}.yml")
    data = path.removeprefix("data/")
    needs = needs or {}
    if data in ALWAYS_REQUIRED:
        needed_by = "Required in every handbook."
    elif data in needs:
        on = " or ".join(f"`{n}`" for n in needs[data])
        needed_by = f"Required while the {on} feature is on."
    else:
        needed_by = ""
    return DataFile(
        name,
        path,
        str(schema.get("title", stem)),
        str(schema.get("description", "")),
        needed_by,
        tuple(schema_fields(schema)),
        _example_yaml(name, path, schema),
    )


def data_files() -> list[DataFile]:
    """Every data file the engine's schemas describe, by schema file name."""
    needs: dict[str, list[str]] = {}
    for feature in registry():
        for data in feature.required_data:
            needs.setdefault(data, []).append(feature.name)
    return [data_file(name, schemas.load(name), needs) for name in schemas.names()]


# ---------------------------------------------------------------------------------------------
# Macros: the registry's, and the engine's own
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MacroDoc:
    name: str
    feature: str | None  # None: the engine's own, on every handbook
    signature: str
    summary: str
    arguments: tuple[tuple[str, str], ...]  # (parameter, what it is)
    parameters: tuple[str, ...]  # the function's own parameter names
    example: str


def _default(value: object) -> str:
    return json.dumps(value) if isinstance(value, str) else repr(value)


def signature(name: str, function: Callable) -> tuple[str, tuple[str, ...]]:
    """`name(a: int = 3)` from the function's signature, and its parameter names."""
    params = inspect.signature(function).parameters.values()
    shown = []
    for param in params:
        text = param.name
        if param.annotation is not inspect.Parameter.empty:
            annotation = param.annotation
            text += f": {annotation if isinstance(annotation, str) else annotation.__name__}"
        if param.default is not inspect.Parameter.empty:
            text += f" = {_default(param.default)}"
        shown.append(text)
    return f"{name}({', '.join(shown)})", tuple(p.name for p in params)


def parse_docstring(doc: str) -> tuple[str, tuple[tuple[str, str], ...], str]:
    """(summary, arguments, example call) of a macro's docstring, in the engine's form:

    What it shows, in a paragraph.

    Arguments:
        name: what the argument is, continued on indented lines.
    Example: {{ macro("value") }}
    """
    summary: list[str] = []
    arguments: list[list[str]] = []
    example = ""
    part = "summary"
    for line in doc.splitlines():
        stripped = line.strip()
        if stripped == "Arguments:":
            part = "arguments"
            continue
        found = _EXAMPLE.match(stripped)
        if found:
            example, part = found["call"], "done"
            continue
        if part == "summary":
            summary.append(stripped)
        elif part == "arguments" and stripped:
            argument = _ARGUMENT.match(stripped)
            if argument and line.startswith("    ") and not line.startswith("        "):
                arguments.append([argument["name"], argument["text"]])
            elif arguments:
                arguments[-1][1] += " " + stripped
    text = " ".join(" ".join(summary).split())
    return text, tuple((name, " ".join(words.split())) for name, words in arguments), example


def _macro(name: str, function: Callable, feature: str | None) -> MacroDoc:
    shown, params = signature(name, function)
    summary, arguments, example = parse_docstring(inspect.getdoc(function) or "")
    return MacroDoc(name, feature, shown, summary, arguments, params, example)


def macro_docs(features: tuple[Feature, ...] | None = None) -> list[MacroDoc]:
    """The engine's own macros, then each feature's, by name within each."""
    from handbook.core.owners import register_macros

    found = [_macro(n, f, None) for n, f in recorded_macros(register_macros).items()]
    for feature in registry() if features is None else features:
        if feature.macros is not None:
            found += [
                _macro(n, f, feature.name) for n, f in recorded_macros(feature.macros).items()
            ]
    return found


# ---------------------------------------------------------------------------------------------
# Commands: the argparse parser
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class OptionDoc:
    flags: str  # "--format FORMAT" or "PATH ..."
    help: str
    default: str  # "" when none worth showing
    required: bool


@dataclass(frozen=True)
class CommandDoc:
    name: str
    help: str
    description: str
    usage: str
    options: tuple[OptionDoc, ...]
    example: str


def _value(action: argparse.Action) -> str:
    if action.choices:
        return "{" + ",".join(str(c) for c in action.choices) + "}"
    return str(action.metavar or action.dest.upper())


def _option(action: argparse.Action) -> OptionDoc:
    takes_value = action.nargs != 0
    value = _value(action) if takes_value else ""
    if action.nargs in ("+", "*"):
        value += " ..."
    flags = " ".join(filter(None, [", ".join(action.option_strings), value]))
    text = action.help or ""
    if "%(" in text:
        text = text % {**vars(action), "prog": ""}
    default = ""
    if takes_value and action.default not in (None, argparse.SUPPRESS):
        default = str(action.default)
    # An option is required when argparse says so; a positional unless it may be left out.
    optional = not action.required if action.option_strings else action.nargs in ("?", "*")
    return OptionDoc(flags, text, default, not optional)


def _usage(name: str, options: list[OptionDoc], actions: list[argparse.Action]) -> str:
    parts = [f"handbook {name}"]
    for action, option in zip(actions, options, strict=True):
        shown = option.flags.split(", ")[-1] if action.option_strings else option.flags
        parts.append(shown if option.required else f"[{shown}]")
    return " ".join(parts)


def command_docs(parser: argparse.ArgumentParser | None = None) -> list[CommandDoc]:
    """Every subcommand of the `handbook` parser, in the order `handbook --help` lists them."""
    if parser is None:
        from handbook.cli import build_parser

        parser = build_parser()
    [sub] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    helps = {action.dest: action.help or "" for action in sub._choices_actions}
    found = []
    for name, command in sub.choices.items():
        actions = [a for a in command._actions if not isinstance(a, argparse._HelpAction)]
        # Positionals first, as argparse shows them in its usage line.
        actions.sort(key=lambda a: bool(a.option_strings))
        options = [_option(a) for a in actions]
        example = ""
        for line in (command.epilog or "").splitlines():
            match = _EXAMPLE.match(line.strip())
            if match:
                example = match["call"]
        found.append(
            CommandDoc(
                name,
                helps.get(name, ""),
                command.description or "",
                _usage(name, options, actions),
                tuple(options),
                example,
            )
        )
    return found


# ---------------------------------------------------------------------------------------------
# Features and the whole document
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FeatureDoc:
    feature: Feature
    macros: tuple[str, ...]
    hooks: tuple[tuple[str, str], ...] = field(default_factory=tuple)


def feature_docs(macros: list[MacroDoc]) -> list[FeatureDoc]:
    return [
        FeatureDoc(
            feature,
            tuple(m.name for m in macros if m.feature == feature.name),
            tuple(sorted(feature.hooks.items())),
        )
        for feature in registry()
    ]


def _cell(value: object) -> str:
    """Text for one markdown table cell: one line, pipes escaped."""
    return " ".join(str(value).split()).replace("|", "\\|")


def markdown() -> str:
    """engine-docs/reference.md as the installed engine describes itself."""
    from handbook.onboarding.model import CHECKLIST_HEADINGS
    from handbook.pages.keys import PAGE_KEYS, TEMPLATE_KEYS

    macros = macro_docs()
    env = environment()
    env.filters["cell"] = _cell
    env.filters["code"] = _code
    env.filters["sentence"] = lambda text: text[:1].upper() + text[1:]
    return env.get_template("reference.md").render(
        features=feature_docs(macros),
        data_files=data_files(),
        page_keys=PAGE_KEYS,
        template_keys=TEMPLATE_KEYS,
        macros=macros,
        headings=CHECKLIST_HEADINGS,
        commands=command_docs(),
    )


def undocumented(
    data: list[DataFile] | None = None,
    macros: list[MacroDoc] | None = None,
    commands: list[CommandDoc] | None = None,
    keys: tuple | None = None,
) -> list[str]:
    """Whatever the reference would show without a description, help or example (by default
    the installed engine's; a test hands in its own to see each kind reported)."""
    from handbook.pages.keys import PAGE_KEYS, TEMPLATE_KEYS

    found = []
    for file in data_files() if data is None else data:
        if not file.description:
            found.append(f"{file.schema}: no description")
        if not file.example:
            found.append(f"{file.schema}: no example record")
        found += [
            f"{file.schema}: {f.path} has no description" for f in file.fields if not f.description
        ]
    for macro in macro_docs() if macros is None else macros:
        where = f"macro {macro.name}"
        if not macro.summary:
            found.append(f"{where}: no docstring")
        if not macro.example:
            found.append(f"{where}: no 'Example: {{{{ ... }}}}' line in its docstring")
        described = {name for name, _ in macro.arguments}
        found += [
            f"{where}: argument {p} is not described"
            for p in macro.parameters
            if p not in described
        ]
        found += [
            f"{where}: describes {n}, which it does not take"
            for n in sorted(described - set(macro.parameters))
        ]
    for command in command_docs() if commands is None else commands:
        where = f"handbook {command.name}"
        if not command.help:
            found.append(f"{where}: no help")
        if not command.example:
            found.append(f"{where}: no 'Example: handbook ...' line in its epilog")
        found += [f"{where}: {o.flags} has no help" for o in command.options if not o.help]
    for key in (*PAGE_KEYS, *TEMPLATE_KEYS) if keys is None else keys:
        if not (key.meaning and key.allowed):
            found.append(f"front matter key {key.name}: no meaning or allowed values")
    return found
