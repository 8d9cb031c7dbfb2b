"""Fixture sites built for real with --strict: macros, data errors and page errors."""

from tests.helpers import build, make_project, page

NAV = """
nav:
  - index.md
  - macro.md
"""


def test_minimal_site_builds_cleanly(tmp_path):
    project = make_project(
        tmp_path, {"index.md": page("# Home\n\nHello.\n")}, nav="nav:\n  - index.md\n"
    )
    result = build(project)
    assert result.ok, result.log
    assert result.warnings() == []
    assert "Hello." in result.html("")


def test_macros_render_only_on_opt_in(tmp_path):
    docs = {
        "index.md": page("# Home\n\nOwner: {{ owner_name('product-ops') }}\n"),
        "macro.md": page(
            "# Macro\n\nOwner: {{ owner_name('product-ops') }}\n", render_macros="true"
        ),
    }
    result = build(make_project(tmp_path, docs, nav=NAV))
    assert result.ok, result.log
    assert "{{ owner_name(&#39;product-ops&#39;) }}" in result.html(
        ""
    ) or "{{ owner_name('product-ops') }}" in result.html("")
    assert "Owner: Product Operations" in result.html("macro/")


def test_macro_that_raises_fails_the_build_and_names_the_page(tmp_path):
    docs = {
        "index.md": page("# Home\n"),
        "macro.md": page("# Macro\n\n{{ owner_name('nobody') }}\n", render_macros="true"),
    }
    result = build(make_project(tmp_path, docs, nav=NAV))
    assert not result.ok
    assert "macro.md" in result.log
    assert "nobody" in result.log
    assert not (result.site / "macro" / "index.html").exists()


def test_undefined_variable_fails_the_build_and_names_the_page(tmp_path):
    docs = {
        "index.md": page("# Home\n"),
        "macro.md": page("# Macro\n\n{{ no_such_variable }}\n", render_macros="true"),
    }
    result = build(make_project(tmp_path, docs, nav=NAV))
    assert not result.ok
    assert "macro.md" in result.log
    assert "no_such_variable" in result.log
    assert not (result.site / "macro" / "index.html").exists()


def test_data_error_fails_the_build_with_file_and_line(tmp_path):
    owners = (
        "# yaml-language-server: $schema=schema/owners.schema.json\n"
        "owners:\n"
        "  - id: product-ops\n"
        "    name: Product Operations\n"
        "    kind: squad\n"
        "    role: x\n"
        "    contact: '#po'\n"
        "    review_handle: '@po'\n"
    )
    project = make_project(tmp_path, {"index.md": page("# Home\n")}, nav="nav:\n  - index.md\n")
    (project / "data" / "owners.yml").write_text(owners)
    result = build(project)
    assert not result.ok
    assert "data/owners.yml:5: owners[0].kind:" in result.log
    assert not (result.site / "index.html").exists()


def test_duplicate_key_in_data_fails_the_build(tmp_path):
    project = make_project(tmp_path, {"index.md": page("# Home\n")}, nav="nav:\n  - index.md\n")
    owners = project / "data" / "owners.yml"
    owners.write_text(
        owners.read_text().replace("    kind: team\n", "    kind: team\n    kind: team\n", 1)
    )
    result = build(project)
    assert not result.ok
    assert "data/owners.yml:" in result.log and "duplicate key 'kind'" in result.log


def test_unknown_page_owner_fails_the_build_with_file_and_line(tmp_path):
    docs = {"index.md": "---\ntitle: Home\nowner: nobody-here\n---\n\n# Home\n"}
    result = build(make_project(tmp_path, docs, nav="nav:\n  - index.md\n"))
    assert not result.ok
    assert "docs/index.md:3: owner 'nobody-here' is not in data/owners.yml" in result.log
    assert not (result.site / "index.html").exists()


def test_front_matter_that_is_not_a_mapping_fails_the_build(tmp_path):
    docs = {"index.md": "---\n- just\n- a list\n---\n\n# Home\n"}
    result = build(make_project(tmp_path, docs, nav="nav:\n  - index.md\n"))
    assert not result.ok
    assert "docs/index.md:2: front matter must be a mapping" in result.log


def test_broken_link_fails_the_strict_build(tmp_path):
    docs = {"index.md": page("# Home\n\nSee [missing](missing.md).\n")}
    result = build(make_project(tmp_path, docs, nav="nav:\n  - index.md\n"))
    assert not result.ok
    assert "missing.md" in result.log
