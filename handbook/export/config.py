"""mkdocs.yml read with its tags kept (`!ENV`, `!relative`, `!!python/name:`) and written back.

The export changes a few settings and must leave every other one as the team wrote it, tags
included: `!relative $config_dir` still means the folder of the exported mkdocs.yml. Comments
are not kept (PyYAML drops them); the written file says where it came from instead.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from handbook.core.site_settings import SiteSettingsError, load_mkdocs_yml


@dataclass(frozen=True)
class Tagged:
    """A value under a tag the safe loader does not know, kept to be written back as it was."""

    tag: str
    value: Any


class ConfigError(SiteSettingsError):
    """mkdocs.yml cannot be exported; the message names the file (and line) and why."""


class _Loader(yaml.SafeLoader):
    pass


def _tagged(loader: yaml.SafeLoader, _suffix: str, node: yaml.Node) -> Tagged:
    if isinstance(node, yaml.SequenceNode):
        return Tagged(node.tag, loader.construct_sequence(node, deep=True))
    if isinstance(node, yaml.MappingNode):
        return Tagged(node.tag, loader.construct_mapping(node, deep=True))
    return Tagged(node.tag, loader.construct_scalar(node))  # type: ignore[arg-type]


_Loader.add_multi_constructor("!", _tagged)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _tagged)


class _Dumper(yaml.SafeDumper):
    pass


def _represent_tagged(dumper: yaml.SafeDumper, data: Tagged) -> yaml.Node:
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value)
    if isinstance(data.value, dict):
        return dumper.represent_mapping(data.tag, data.value)
    return dumper.represent_scalar(data.tag, str(data.value))


def _represent_str(dumper: yaml.SafeDumper, data: str) -> yaml.Node:
    # Multi-line text (exclude_docs, not_in_nav) stays a block, as people write it.
    style = "|" if "\n" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", str(data), style=style)


_Dumper.add_representer(Tagged, _represent_tagged)
_Dumper.add_representer(str, _represent_str)


def read_config(root: Path) -> dict[str, Any]:
    """mkdocs.yml of the handbook at `root`, tags kept as Tagged values."""
    try:
        data = load_mkdocs_yml(root, _Loader)
    except OSError as exc:
        raise ConfigError(f"mkdocs.yml: cannot be read ({exc})") from None
    except SiteSettingsError as exc:
        raise ConfigError(str(exc)) from None
    if not isinstance(data, dict):
        raise ConfigError("mkdocs.yml: expected a mapping of settings")
    if "INHERIT" in data:
        raise ConfigError(
            "mkdocs.yml: INHERIT is not exported; merge the inherited settings into mkdocs.yml"
        )
    return data


def dump_config(data: dict[str, Any], header: str) -> str:
    """`data` as mkdocs.yml text, after `header` (comment lines)."""
    body = yaml.dump(
        data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, default_flow_style=False
    )
    return header + body


def dump_front_matter(meta: dict[str, Any]) -> str:
    """A page's front matter block (with its fences), or "" for none."""
    if not meta:
        return ""
    text = yaml.dump(
        meta, Dumper=_Dumper, sort_keys=False, allow_unicode=True, default_flow_style=False
    )
    return f"---\n{text}---\n\n"


def resolve(value: Any, config_dir: Path, docs: Path | None = None) -> Any:
    """`value` with its tags worked out as MkDocs would: `!ENV` from the environment,
    `!relative` from the folder of mkdocs.yml or `docs` (by default MkDocs' docs/); other
    tagged values stay Tagged."""
    if isinstance(value, Tagged):
        if value.tag == "!ENV":
            return _env(value.value)
        if value.tag == "!relative":
            return _relative(value.value, config_dir, docs or config_dir / "docs")
        return value
    if isinstance(value, dict):
        return {key: resolve(item, config_dir, docs) for key, item in value.items()}
    if isinstance(value, list):
        return [resolve(item, config_dir, docs) for item in value]
    return value


def _relative(path: Any, config_dir: Path, docs: Path) -> str:
    """`!relative $config_dir/...` or `!relative $docs_dir/...` as a path. A bare `!relative`
    means each page's own folder in MkDocs, which no setting read once per export can be."""
    head, _, rest = str(path or "").partition("/")
    base = {"$config_dir": config_dir, "$docs_dir": docs}.get(head)
    if base is None:
        raise ConfigError(
            f"mkdocs.yml: `!relative {path or ''}`: the export reads paths under $config_dir "
            "or $docs_dir only (a path relative to each page is not supported)"
        )
    return str(base / rest) if rest else str(base)


def folder_relative(value: Any) -> Any:
    """`value` with `!relative $config_dir` written as "." (the folder the build runs in):
    Zensical does not read the tag, and the export is built from its own folder."""
    if isinstance(value, Tagged) and value.tag == "!relative" and value.value == "$config_dir":
        return "."
    if isinstance(value, dict):
        return {key: folder_relative(item) for key, item in value.items()}
    if isinstance(value, list):
        return [folder_relative(item) for item in value]
    return value


def _env(value: Any) -> Any:
    names = value if isinstance(value, list) else [value]
    if isinstance(value, list) and len(value) > 1:
        names, default = value[:-1], value[-1]
    else:
        default = None
    for name in names:
        if str(name) in os.environ:
            return os.environ[str(name)]
    return default


def extensions(config: dict[str, Any]) -> tuple[list[str], dict[str, dict]]:
    """markdown_extensions as MkDocs reads them: its three built-in ones first, then the
    list's names in order, and each one's options."""
    names = ["toc", "tables", "fenced_code"]
    options: dict[str, dict] = {}
    for entry in config.get("markdown_extensions") or []:
        if isinstance(entry, dict):
            for name, opts in entry.items():
                if name not in names:
                    names.append(name)
                options[name] = dict(opts) if isinstance(opts, dict) else {}
        elif isinstance(entry, str) and entry not in names:
            names.append(entry)
    return names, options


def plugin_options(config: dict[str, Any], name: str) -> dict | None:
    """The options of plugin `name` in mkdocs.yml ({} when listed bare), or None when absent."""
    for entry in config.get("plugins") or []:
        if entry == name:
            return {}
        if isinstance(entry, dict) and name in entry:
            options = entry[name]
            return dict(options) if isinstance(options, dict) else {}
    return None


def without_plugin(config: dict[str, Any], name: str) -> list:
    """The plugins list of mkdocs.yml without plugin `name`."""
    return [
        entry
        for entry in config.get("plugins") or []
        if entry != name and not (isinstance(entry, dict) and name in entry)
    ]
