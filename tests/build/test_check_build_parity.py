"""What the build refuses, `handbook check` refuses, at the same file:line.

A corpus of bad inputs (data, front matter, macro calls, nav, feature switches): each case
runs `handbook check` and the strict build on the same small handbook and asserts that both
fail and both name the same `file:line`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from tests.helpers import FIXED_TODAY, build, handbook_cli, make_project, page


@dataclass
class Case:
    where: str  # the file:line both must name
    docs: dict[str, str] = field(default_factory=lambda: {"index.md": page("# Home\n")})
    data: dict[str, str] = field(default_factory=dict)
    nav: str | None = None
    append: dict[str, str] = field(default_factory=dict)  # file -> text added at its end


def macro_page(body: str) -> dict[str, str]:
    return {"index.md": page(f"# Home\n\n{body}\n", render_macros="true")}


CASES = {
    "owner not in owners.yml": Case(
        "docs/index.md:2", docs={"index.md": page("# Home\n", owner="ghost")}
    ),
    "review interval that is not one": Case(
        "docs/index.md:4", docs={"index.md": page("# Home\n", review_every="sometimes")}
    ),
    "render_macros that is not a boolean": Case(
        "docs/index.md:4", docs={"index.md": page("# Home\n", render_macros="sometimes")}
    ),
    "unterminated front matter": Case("docs/index.md:1", docs={"index.md": "---\nowner: x\n"}),
    "macro reaching Python internals": Case(
        "docs/index.md:9", docs=macro_page("{{ ''.__class__ }}")
    ),
    "macro reaching a live MkDocs object": Case(
        "docs/index.md:9", docs=macro_page("{{ page.file.abs_src_path }}")
    ),
    "macro of a feature that is off": Case(
        "docs/index.md:9",
        docs=macro_page("{{ whats_new(1) }}"),
        append={"data/features.yml": ""},  # releases switched off below
    ),
    "loops nested too deep": Case(
        "docs/index.md:9",
        docs=macro_page(
            "{% for a in [1] %}{% for b in [1] %}{% for c in [1] %}{% for d in [1] %}"
            "{% endfor %}{% endfor %}{% endfor %}{% endfor %}"
        ),
    ),
    "tool id that is not in tools.yml": Case(
        "docs/index.md:9", docs=macro_page("{{ tool_list({'trackr': 'Bugs'}) }}")
    ),
    "role id that is not in roles.yml": Case(
        "docs/index.md:9", docs=macro_page("{{ tools_for_role('astronaut') }}")
    ),
    "owner id that is not in owners.yml": Case(
        "docs/index.md:9", docs=macro_page("{{ owner_name('ghost') }}")
    ),
    "placeholder left from the page's template": Case(
        "docs/index.md:7",
        docs={"index.md": page("# PRD: <feature name>\n", template="prd@1.0.0")},
    ),
    "placeholder left on a page a content rule covers": Case(
        "docs/index.md:8",
        docs={"index.md": page("# Home\n\nOwner: [name], since [date].\n")},
        data={
            "content_rules.yml": "# yaml-language-server: $schema="
            "schema/content_rules.schema.json\n"
            "rules:\n  - {id: placeholders, pages: '*', placeholders: true}\n"
        },
    ),
    "unknown feature switch": Case(
        "data/features.yml:6", append={"data/features.yml": "beta: true\n"}
    ),
    "switch that is not a boolean": Case(
        "data/features.yml:6", append={"data/features.yml": "tools: maybe\n"}
    ),
    "tool owned by nobody": Case("data/tools.yml", append={}),
    "nav entry without a page": Case(
        "mkdocs.yml",
        nav="""
        nav:
          - Home: index.md
          - Missing: guidelines/missing.md
        """,
    ),
}


def prepare(tmp_path, name: str, case: Case):
    project = make_project(tmp_path, case.docs, data=case.data, nav=case.nav)
    for file, text in case.append.items():
        path = project / file
        path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")
    if name == "macro of a feature that is off":
        switches = project / "data" / "features.yml"
        switches.write_text(switches.read_text().replace("releases: true", "releases: false"))
    if name == "tool owned by nobody":
        tools = project / "data" / "tools.yml"
        text = tools.read_text(encoding="utf-8")
        owner = next(line for line in text.splitlines() if line.strip().startswith("owner:"))
        tools.write_text(text.replace(owner, owner.split(":")[0] + ": nobody-at-all", 1))
        lines = tools.read_text().splitlines()
        line = next(i for i, text in enumerate(lines, 1) if "nobody-at-all" in text)
        case.where = f"data/tools.yml:{line}"
    if name == "nav entry without a page":
        config = (project / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
        line = next(i for i, text in enumerate(config, 1) if "guidelines/missing.md" in text)
        case.where = f"mkdocs.yml:{line}"
    return project


@pytest.mark.parametrize("name", CASES)
def test_check_and_build_refuse_at_the_same_place(tmp_path, name):
    case = CASES[name]
    project = prepare(tmp_path, name, case)
    checked = handbook_cli("check", "--root", str(project), "--today", FIXED_TODAY)
    assert checked.returncode == 1, checked.stdout
    assert f"{case.where}:" in checked.stderr, checked.stderr
    built = build(project)
    assert not built.ok
    assert f"{case.where}:" in built.log, built.log[-3000:]


def test_negative_control_the_clean_handbook_passes_both(tmp_path):
    project = make_project(tmp_path, macro_page("{{ owner_name('product-ops') }}"))
    checked = handbook_cli("check", "--root", str(project), "--today", FIXED_TODAY)
    assert checked.returncode == 0, checked.stderr
    assert build(project).ok
