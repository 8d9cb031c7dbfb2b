"""The engine's shape: MkDocs is imported in one subpackage, and a handbook's hooks are imports."""

from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path

import pytest

import handbook
from tests.helpers import ROOT

PACKAGE = Path(handbook.__file__).parent
ENGINE_ADAPTERS = PACKAGE / "mkdocs"
MKDOCS_MODULES = ("mkdocs", "mkdocs_macros", "material")


def imported_roots(source: str) -> set[str]:
    roots = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


def mkdocs_importers(package: Path) -> list[str]:
    found = []
    for path in sorted(package.rglob("*.py")):
        if ENGINE_ADAPTERS in path.parents:
            continue
        if imported_roots(path.read_text(encoding="utf-8")) & set(MKDOCS_MODULES):
            found.append(str(path.relative_to(package)))
    return found


def test_only_the_mkdocs_subpackage_imports_mkdocs():
    assert mkdocs_importers(PACKAGE) == []


def test_the_import_scan_finds_an_mkdocs_import(tmp_path):
    (tmp_path / "pure.py").write_text("import json\n")
    (tmp_path / "leaky.py").write_text("from mkdocs.plugins import get_plugin_logger\n")
    (tmp_path / "sneaky.py").write_text("def f():\n    import mkdocs_macros.plugin\n")
    assert mkdocs_importers(tmp_path) == ["leaky.py", "sneaky.py"]


HOOK_FILES = sorted((ROOT / "hooks").glob("*.py"))
THIN_HOOK = re.compile(r"from handbook\.mkdocs\.(\w+) import \*  # noqa: F403")


@pytest.mark.parametrize("path", HOOK_FILES, ids=lambda p: p.name)
def test_each_hook_file_is_a_thin_import_of_an_engine_hook(path):
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    assert not [n for n in tree.body if isinstance(n, ast.FunctionDef | ast.ClassDef)]
    [match] = THIN_HOOK.findall(source)
    module = importlib.import_module(f"handbook.mkdocs.{match}")
    events = {
        name for name in vars(module) if name.startswith("on_") and callable(vars(module)[name])
    }
    # __all__ is what the star import brings in: every event the engine module defines.
    assert events and set(module.__all__) == events
