"""Safe YAML loading that keeps line numbers and refuses what PyYAML lets slip.

`load_yaml` returns the data together with a map from key path to line number, so every
later check (schema, cross-references) can point at `file:line`. Duplicate keys and impossible
dates become errors with a line instead of a silent overwrite or a bare ValueError.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from handbook.problems import Problem

KeyPath = tuple[str | int, ...]

# YAML 1.1 reads these as booleans; a schema that wants a string gets a hint to quote them.
YAML11_BOOLEAN_WORDS = {"yes", "no", "on", "off", "y", "n"}


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


# libyaml's parser when PyYAML was built with it (about five times faster on front matter);
# construction stays in Python, so the checks below apply either way.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):
    """SafeLoader that rejects duplicate keys and reports impossible dates with their line."""

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

    def construct_yaml_timestamp(self, node: yaml.ScalarNode):  # type: ignore[override]
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError as exc:
            raise yaml.constructor.ConstructorError(
                None, None, f"{node.value!r} is not a real date ({exc})", node.start_mark
            ) from None


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_timestamp)


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


def load_yaml(text: str, file: str, line_offset: int = 0) -> YamlDoc:
    """Parse one YAML document. Raises YamlError naming `file:line` on any problem.

    `line_offset` shifts reported lines, for YAML embedded in a larger file (front matter).
    """
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 + line_offset) if mark else line_offset + 1
        message = " ".join(str(part) for part in (exc.context, exc.problem) if part)
        raise YamlError(Problem(file, line, message or "invalid YAML")) from None
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
