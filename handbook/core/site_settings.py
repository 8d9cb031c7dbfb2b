"""The few mkdocs.yml settings the CLI needs (docs_dir, site and edit URLs, tags), read
without MkDocs."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from handbook.core.problems import Problem


@dataclass(frozen=True)
class SiteSettings:
    site_url: str = ""
    repo_url: str = ""
    edit_uri: str | None = None
    use_directory_urls: bool = True
    # The tags plugin's closed list, when mkdocs.yml sets one (the build refuses other tags).
    tags_allowed: tuple[str, ...] | None = None
    docs_dir: str = "docs"  # relative to the folder of mkdocs.yml, as MkDocs resolves it
    # Page statuses mkdocs.yml adds to the theme's own (`extra.status`), by name.
    extra_status: tuple[str, ...] = ()
    # Files pymdownx.snippets appends to every page (relative to the project folder).
    auto_append: tuple[str, ...] = ()
    # The engine's own settings: `extra: handbook:` (search, nav_section_limit).
    engine: dict = field(default_factory=dict)


# libyaml's parser when PyYAML has it: every command reads mkdocs.yml, some of them often.
_SafeLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _ConfigLoader(_SafeLoader):
    """SafeLoader that reads `!ENV` like MkDocs and ignores other tags (e.g. !!python/name)."""


def _env_tag(loader: yaml.SafeLoader, node: yaml.Node):
    if isinstance(node, yaml.ScalarNode):
        return os.environ.get(loader.construct_scalar(node))
    if not isinstance(node, yaml.SequenceNode):
        return None
    items = loader.construct_sequence(node)  # [VAR, VAR2, ..., default]
    for name in items[:-1]:
        if name in os.environ:
            return os.environ[name]
    return items[-1] if len(items) > 1 else None


_ConfigLoader.add_constructor("!ENV", _env_tag)
_ConfigLoader.add_multi_constructor("", lambda _loader, _suffix, _node: None)


class SiteSettingsError(ValueError):
    """mkdocs.yml cannot be read; the message names the file (and line) and why."""


def load_mkdocs_yml(root: Path, loader: type = _ConfigLoader) -> object:
    """mkdocs.yml read with `loader`; SiteSettingsError names the file (and line) and why."""
    try:
        text = (root / "mkdocs.yml").read_text(encoding="utf-8")
        return yaml.load(text, Loader=loader)  # noqa: S506 - a SafeLoader subclass
    except UnicodeDecodeError as exc:
        raise SiteSettingsError(f"mkdocs.yml: not UTF-8 text ({exc})") from None
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else 0
        raise SiteSettingsError(f"mkdocs.yml:{line}: invalid YAML: {exc.problem}") from None
    except yaml.YAMLError as exc:
        raise SiteSettingsError(f"mkdocs.yml: invalid YAML: {exc}") from None


def read_site_settings(root: Path) -> SiteSettings:
    data = load_mkdocs_yml(root)
    if not isinstance(data, dict):
        return SiteSettings()
    repo_url = str(data.get("repo_url") or "")
    edit_uri = data.get("edit_uri")
    site_url = str(data.get("site_url") or "")
    if site_url and not site_url.endswith("/"):
        site_url += "/"
    directory_urls = data.get("use_directory_urls", True) is not False
    docs = str(data.get("docs_dir") or "docs")
    if edit_uri is None and "github.com" in repo_url:
        edit_uri = "edit/master/docs/"  # MkDocs' own default for GitHub
    extra = data.get("extra")
    status = extra.get("status") if isinstance(extra, dict) else None
    engine = extra.get("handbook") if isinstance(extra, dict) else None
    return SiteSettings(
        site_url,
        repo_url,
        edit_uri,
        directory_urls,
        _tags_allowed(data),
        docs,
        tuple(str(name) for name in status) if isinstance(status, dict) else (),
        tuple(str(name) for name in snippets_config(data).get("auto_append") or ()),
        engine if isinstance(engine, dict) else {},
    )


def snippets_config(data: dict) -> dict:
    """The options of pymdownx.snippets in mkdocs.yml's markdown_extensions ({} when off)."""
    for extension in data.get("markdown_extensions") or []:
        if isinstance(extension, dict) and "pymdownx.snippets" in extension:
            options = extension["pymdownx.snippets"]
            return options if isinstance(options, dict) else {}
    return {}


# The most entries a nav section lists before it is split into parts.
NAV_SECTION_LIMIT = 30


def nav_section_limit(engine: object) -> int:
    """`nav_section_limit` of the engine's settings; raises ValueError when it is not valid."""
    value = engine.get("nav_section_limit") if isinstance(engine, dict) else None
    if value is None:
        return NAV_SECTION_LIMIT
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(
            f"extra.handbook.nav_section_limit in mkdocs.yml is {value!r}; use a whole number, "
            "at least 1"
        )
    return value


def engine_setting_problems(root: Path, engine: dict) -> list[Problem]:
    """What the build would refuse in `extra: handbook:` of mkdocs.yml, at its line."""
    from handbook.core.pagefind import search_mode

    problems = []
    text = (root / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    for key, check in (("search", search_mode), ("nav_section_limit", nav_section_limit)):
        try:
            check(engine)
        except ValueError as exc:
            line = next((n for n, t in enumerate(text, 1) if t.strip().startswith(f"{key}:")), 0)
            problems.append(Problem("mkdocs.yml", line, str(exc)))
    return problems


def _tags_allowed(data: dict) -> tuple[str, ...] | None:
    for plugin in data.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("tags"), dict):
            allowed = plugin["tags"].get("tags_allowed")
            if isinstance(allowed, list) and allowed:
                return tuple(str(tag) for tag in allowed)
    return None
