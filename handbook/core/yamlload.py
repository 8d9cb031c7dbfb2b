"""Safe YAML loading that keeps line numbers and refuses what PyYAML lets slip.

`load_yaml` returns the data together with a map from key path to line number, so every
later check (schema, cross-references) can point at `file:line`. Duplicate keys and impossible
dates become errors with a line instead of a silent overwrite or a bare ValueError.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import yaml

from handbook.core.problems import Problem

KeyPath = tuple[str | int, ...]

# YAML 1.1 reads these as booleans; a schema that wants a string gets a hint to quote them.
YAML11_BOOLEAN_WORDS = {"yes", "no", "on", "off", "y", "n"}

# Limits that keep a hostile or broken file from exhausting memory, time or the stack.
MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 50
# YAML 1.1 reads `0160` as octal 112: nobody writing a count or an id means that.
_LEADING_ZERO_INT = re.compile(r"^[-+]?0[0-9_]+$")


class YamlError(Exception):
    """A YAML document that cannot be loaded; `problem` says where and why."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


@dataclass
class YamlDoc:
    """Loaded data plus where each value came from."""

    file: str
    data: Any
    lines: dict[KeyPath, int] = field(default_factory=dict)
    scalars: dict[KeyPath, str] = field(default_factory=dict)

    def line_of(self, path: KeyPath) -> int:
        """Line of `path`, or of its nearest ancestor that has one."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)


if TYPE_CHECKING:
    _Constructor = yaml.constructor.SafeConstructor
else:
    _Constructor = object  # at run time a plain mixin, placed before the loader's classes


class _Checks(_Constructor):
    """Rejects duplicate keys and reports impossible dates with their line (a loader mixin)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        seen: dict[Any, int] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            line = key_node.start_mark.line + 1
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None,
                    None,
                    f"duplicate key {key!r} (first defined on line {seen[key]})",
                    key_node.start_mark,
                )
            seen[key] = line
        return super().construct_mapping(node, deep=deep)

    def construct_yaml_int(self, node: yaml.ScalarNode):
        if _LEADING_ZERO_INT.match(node.value):
            raise yaml.constructor.ConstructorError(
                None,
                None,
                f"{node.value!r} has a leading zero (YAML would read it as octal); "
                "quote it or drop the zero",
                node.start_mark,
            )
        return super().construct_yaml_int(node)

    def construct_yaml_timestamp(self, node: yaml.ScalarNode):
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError as exc:
            raise yaml.constructor.ConstructorError(
                None, None, f"{node.value!r} is not a real date ({exc})", node.start_mark
            ) from None


class PureLoader(_Checks, yaml.SafeLoader):
    """The pure-Python parser."""


PureLoader.add_constructor("tag:yaml.org,2002:timestamp", PureLoader.construct_yaml_timestamp)  # type: ignore[type-var]
PureLoader.add_constructor("tag:yaml.org,2002:int", PureLoader.construct_yaml_int)  # type: ignore[type-var]

# libyaml's parser (bundled with PyYAML's wheels) is about ten times faster, which matters for
# front matter read once per page per build; the same checks run on its nodes.
if yaml.__with_libyaml__:

    class CLoader(_Checks, yaml.CSafeLoader):  # type: ignore[misc]
        """The libyaml parser, with the same constructors and checks."""

    CLoader.add_constructor("tag:yaml.org,2002:timestamp", CLoader.construct_yaml_timestamp)  # type: ignore[type-var]
    CLoader.add_constructor("tag:yaml.org,2002:int", CLoader.construct_yaml_int)  # type: ignore[type-var]
    LOADERS: dict[str, type] = {"c": CLoader, "pure": PureLoader}
else:  # pragma: no cover - PyYAML built without libyaml
    LOADERS = {"pure": PureLoader}

DEFAULT_LOADER = LOADERS.get("c", PureLoader)


def _mark(event: Any) -> yaml.error.Mark:
    """An event's start mark (libyaml's marks have the same fields as PyYAML's)."""
    return event.start_mark


def _screen_events(loader: Any) -> None:
    """Refuse anchors, aliases and deep nesting from the flat event stream.

    This runs before composing: aliases can make a tiny file expand exponentially (and would
    let one value silently stand for another), and deep nesting would exhaust the recursive
    composer's stack. Events carry exact marks, so the error names the offending line.
    """
    depth = 0
    while True:
        event: Any = loader.get_event()
        if event is None or isinstance(event, yaml.StreamEndEvent):
            return
        if isinstance(event, yaml.AliasEvent):
            raise yaml.MarkedYAMLError(None, None, "YAML aliases are not allowed", _mark(event))
        if getattr(event, "anchor", None):
            raise yaml.MarkedYAMLError(
                None, None, "YAML anchors (&name) are not allowed", _mark(event)
            )
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise yaml.MarkedYAMLError(
                    None, None, f"nesting deeper than {MAX_DEPTH} levels", _mark(event)
                )
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _index_nodes(node: yaml.Node, path: KeyPath, lines: dict, scalars: dict) -> None:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node)
            child = (*path, key)
            _index_nodes(value_node, child, lines, scalars)
            lines[child] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _index_nodes(item, (*path, i), lines, scalars)
    elif isinstance(node, yaml.ScalarNode):
        scalars[path] = node.value


def _problem(exc: yaml.MarkedYAMLError, file: str, line_offset: int) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line = (mark.line + 1 + line_offset) if mark else line_offset + 1
    message = " ".join(str(part) for part in (exc.context, exc.problem) if part)
    return Problem(file, line, message or "invalid YAML")


def _check_limits(text: str, file: str, line_offset: int, cls: type) -> None:
    """Raise YamlError when `text` breaks a limit (size, nesting, anchors, aliases)."""
    try:
        size = len(text.encode("utf-8"))
    except UnicodeEncodeError as exc:
        # A lone surrogate: text that no UTF-8 file holds, which libyaml cannot take either.
        line = line_offset + text.count("\n", 0, exc.start) + 1
        raise YamlError(
            Problem(file, line, "text is not valid Unicode (a lone surrogate)")
        ) from None
    if size > MAX_BYTES:
        limit = f"{MAX_BYTES // (1024 * 1024)} MB"
        raise YamlError(Problem(file, line_offset + 1, f"YAML larger than {limit} is refused"))
    screen = cls(text)
    try:
        _screen_events(screen)
    finally:
        screen.dispose()


def limit_problem(text: str, file: str, line_offset: int = 0) -> Problem | None:
    """The limit `text` breaks, or None: whether a YAML reader without limits (MkDocs' own,
    for front matter) may be handed it. Other YAML errors are not this function's business."""
    try:
        _check_limits(text.removeprefix("\ufeff"), file, line_offset, DEFAULT_LOADER)
    except YamlError as exc:
        return exc.problem
    except yaml.MarkedYAMLError as exc:
        problem = _problem(exc, file, line_offset)
        return problem if _is_limit(problem.message) else None
    except yaml.YAMLError:
        return None
    return None


def _is_limit(message: str) -> bool:
    return message.startswith(("nesting deeper than", "YAML aliases", "YAML anchors"))


def load_yaml(
    text: str, file: str, line_offset: int = 0, loader_cls: type | None = None
) -> YamlDoc:
    """Parse one YAML document. Raises YamlError naming `file:line` on any problem.

    `line_offset` shifts reported lines, for YAML embedded in a larger file (front matter).
    `loader_cls` picks a parser from LOADERS (default: libyaml when available).
    A leading UTF-8 byte order mark is dropped; files over MAX_BYTES are refused unparsed.
    """
    text = text.removeprefix("\ufeff")
    cls = loader_cls or DEFAULT_LOADER
    try:
        _check_limits(text, file, line_offset, cls)
        loader = cls(text)
    except yaml.MarkedYAMLError as exc:
        raise YamlError(_problem(exc, file, line_offset)) from None
    except yaml.YAMLError as exc:
        raise YamlError(Problem(file, line_offset + 1, f"invalid YAML: {exc}")) from None
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        raise YamlError(_problem(exc, file, line_offset)) from None
    except yaml.YAMLError as exc:
        raise YamlError(Problem(file, line_offset + 1, f"invalid YAML: {exc}")) from None
    finally:
        loader.dispose()
    lines: dict[KeyPath, int] = {}
    scalars: dict[KeyPath, str] = {}
    if node is not None:
        _index_nodes(node, (), lines, scalars)
    if line_offset:
        lines = {k: v + line_offset for k, v in lines.items()}
    return YamlDoc(file=file, data=data, lines=lines, scalars=scalars)
