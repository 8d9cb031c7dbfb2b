"""What a `render_macros: true` page can reach: plain data and the handbook's own macros only.

Pages used to be handed live MkDocs objects (page, page.file, files, navigation) whose public
methods read, write and register files. Every attack below must fail, in `handbook check` and
in the strict build, at the page's file:line; the context test walks everything a page can
reach and fails on any object that is not plain data or one of the handbook's macros.
"""

from __future__ import annotations

import dataclasses

import jinja2.filters
import pytest
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files

import handbook.mkdocs.macros as macros_module
from handbook.pages.sandbox import JINJA_GLOBALS, PLAIN_TYPES, PageView
from tests.helpers import FIXED_TODAY, build, fixture_site, handbook_cli, make_project, page


def reachable_objects(context: dict, allowed: set[int]) -> list[str]:
    """Path and type of every value reachable from `context` that is neither plain data nor
    one of the `allowed` callables (by identity)."""
    found: list[str] = []

    def walk(value: object, path: str, depth: int) -> None:
        if id(value) in allowed or isinstance(value, PLAIN_TYPES):
            return
        if depth > 60:
            found.append(f"{path}: nested too deep to check")
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(item, f"{path}[{key!r}]", depth + 1)
        elif isinstance(value, (list, tuple)):
            for i, item in enumerate(value):
                walk(item, f"{path}[{i}]", depth + 1)
        elif isinstance(value, PageView):
            for item in dataclasses.fields(value):
                walk(getattr(value, item.name), f"{path}.{item.name}", depth + 1)
        else:
            found.append(f"{path}: {type(value).__module__}.{type(value).__qualname__}")

    for name, value in context.items():
        walk(value, name, 0)
    return found


def captured_contexts(tmp_path, monkeypatch) -> tuple[list[dict], object]:
    """Build the fixture handbook in-process and keep what each macro page could reach."""
    project = fixture_site(tmp_path)
    monkeypatch.setenv("HANDBOOK_TODAY", FIXED_TODAY)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    seen: list[dict] = []
    original = macros_module.on_pre_page_macros

    def capture(env) -> None:
        original(env)
        if env.page.meta.get("render_macros") is True:
            context = dict(env.env.globals)
            context.update(env.variables)
            context.update(env.variables["page"].meta)
            seen.append(context)

    monkeypatch.setattr(macros_module, "on_pre_page_macros", capture)
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    mkdocs_build(config)
    return seen, config.plugins["macros"]


def test_a_page_reaches_plain_data_and_the_handbooks_macros_only(tmp_path, monkeypatch):
    contexts, plugin = captured_contexts(tmp_path, monkeypatch)
    assert len(contexts) >= 10  # every macro page of the fixture handbook was seen
    own_macros = {id(m) for m in plugin.macros.values()}
    jinja = {id(plugin.env.globals[name]) for name in JINJA_GLOBALS}
    assert {"whats_new", "tool_catalogue", "owner_name"} <= set(plugin.macros)
    for context in contexts:
        assert reachable_objects(context, own_macros | jinja) == [], context["page"].src_uri
        assert isinstance(context["page"], PageView)
        assert not {"files", "navigation", "config", "plugin", "environment"} & set(context)
    # Filters: Jinja's own, none of the plugin's (pretty, relative_url).
    assert set(plugin.env.filters) <= set(jinja2.filters.FILTERS)


def test_the_walker_flags_live_mkdocs_objects(tmp_path):
    # Negative control: what pages were given before (a live file, the site's files) is found.
    live = File("x.md", src_dir=str(tmp_path), dest_dir=str(tmp_path), use_directory_urls=True)
    context = {"page": {"file": live}, "files": Files([live]), "title": "ok", "n": [1, "a"]}
    assert reachable_objects(context, set()) == [
        "page['file']: mkdocs.structure.files.File",
        "files: mkdocs.structure.files.Files",
    ]


# The attacks that worked through the live objects, each refused with the page's line.
ATTACKS = {
    "read a file": ("{{ page.file.content_string }}", "page.file"),
    "read the environment": (
        "{{ page.file.generated(config, 'x.md', abs_src_path='/proc/self/environ') }}",
        "config",
    ),
    "write a file": ("{{ page.file.copy_file() }}", "page.file"),
    "add a file to the site": ("{{ files.append(page) }}", "files"),
    "change the nav": ("{{ navigation.items.clear() }}", "navigation"),
}


@pytest.mark.parametrize("attack", ATTACKS)
def test_attacks_through_live_objects_are_refused_by_check_and_build(tmp_path, attack):
    source, name = ATTACKS[attack]
    project = make_project(
        tmp_path, {"index.md": page(f"# Home\n\n{source}\n", render_macros="true")}
    )
    expected = f"docs/index.md:9: macros: `{name}` is undefined for pages"
    check = handbook_cli("check", "--root", str(project), "--today", FIXED_TODAY)
    assert check.returncode == 1
    assert expected in check.stderr
    result = build(project)
    assert result.returncode != 0
    assert expected in result.log
    assert not (result.site / "x").exists()


@pytest.mark.parametrize(
    "source",
    [
        "{{ page[('fi' ~ 'le')].copy_file() }}",
        "{% set p = page %}{{ p.file.content_string }}",
    ],
)
def test_a_computed_route_to_a_live_object_finds_nothing_at_build_time(tmp_path, source):
    # The static check cannot see these; the page has no live object to reach either way.
    project = make_project(
        tmp_path, {"index.md": page(f"# Home\n\n{source}\n", render_macros="true")}
    )
    result = build(project)
    assert result.returncode != 0
    assert "has no attribute 'file'" in result.log or "'file' is undefined" in result.log


def test_a_page_reads_its_own_title_url_and_front_matter(tmp_path):
    # Negative control for the attacks: what a page may show still renders.
    body = "# Home\n\n[{{ page.title }}] [{{ page.url }}] [{{ page.meta.owner }}] [{{ owner }}]\n"
    project = make_project(
        tmp_path, {"index.md": page(body, render_macros="true", title="Welcome")}
    )
    result = build(project)
    assert result.returncode == 0, result.log
    assert "[Welcome] [] [product-ops] [product-ops]" in result.html("")


def test_a_page_that_would_hang_the_build_is_stopped_at_its_line(tmp_path):
    body = "# Home\n\n{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}"
    body += "{% endfor %}\n"
    project = make_project(tmp_path, {"index.md": page(body, render_macros="true")})
    result = build(project)
    assert result.returncode != 0
    assert "docs/index.md:9: macros: more than 2,000,000 operations" in result.log
