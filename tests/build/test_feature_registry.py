"""The feature registry: switches in one place, and a feature added without touching the engine.

Each case builds a real handbook with `mkdocs build --strict` and runs `handbook check` on it.
"""

from __future__ import annotations

import json
import os
import re
import textwrap
from pathlib import Path

import pytest

from handbook.releases.formats import FEED_PATH
from tests.helpers import (
    FIXED_TODAY,
    LATER,
    build,
    fixture_build,
    fixture_site,
    handbook_cli,
    make_project,
    mkdocs_env,
    page,
)

FEATURES = ("releases", "tools", "templates", "onboarding")


def switch_off(project: Path, feature: str) -> None:
    path = project / "data" / "features.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(f"{feature}: true", f"{feature}: false"), encoding="utf-8")
    assert f"{feature}: false" in path.read_text(encoding="utf-8")


def check(project: Path, env: dict | None = None):
    import subprocess
    import sys

    return subprocess.run(
        [sys.executable, "-m", "handbook", "check", "--root", str(project), "--today", FIXED_TODAY],
        capture_output=True,
        text=True,
        env=env,
    )


def site_hrefs(site: Path) -> set[str]:
    found: set[str] = set()
    for html in site.rglob("*.html"):
        found.update(re.findall(r'href="([^"#]*)', html.read_text(encoding="utf-8")))
    return found


@pytest.mark.parametrize("feature", FEATURES)
def test_one_switch_turns_a_feature_off_everywhere(tmp_path, feature):
    project = fixture_site(tmp_path)
    switch_off(project, feature)
    result = check(project)
    assert result.returncode == 0, result.stderr
    built = build(project)
    assert built.ok, built.log
    site = built.site
    # No page, nav entry or link of the feature's folder, and no feed for releases.
    assert not (site / feature).exists()
    home = built.html("")
    assert f'href="{feature}/' not in home
    assert not [h for h in site_hrefs(site) if re.search(rf"(^|/){feature}/", h)]
    if feature == "releases":
        assert not (site / FEED_PATH).exists() and "application/rss+xml" not in home
    freshness = json.loads((site / "freshness.json").read_text(encoding="utf-8"))
    urls = [p["url"].removeprefix("https://handbook.example.com/") for p in freshness]
    assert [url for url in urls if url.startswith("guidelines/")]
    assert not [url for url in urls if url.startswith(f"{feature}/")]


def test_negative_control_every_feature_on_builds_every_folder(tmp_path_factory):
    built = fixture_build(tmp_path_factory, LATER)  # the fixture handbook as it is, shared
    assert built.ok, built.log
    for feature in FEATURES:
        assert (built.site / feature / "index.html").exists(), feature
    assert (built.site / FEED_PATH).exists()


def test_a_page_calling_an_off_features_macro_is_refused_at_its_line(tmp_path):
    body = "# Home\n\nLatest:\n\n{{ whats_new(2) }}\n"
    project = make_project(tmp_path, {"index.md": page(body, render_macros="true")})
    switch_off(project, "releases")
    expected = (
        "docs/index.md:11: macros: `whats_new` belongs to the releases feature, which is off "
        "(`releases: false` in data/features.yml)"
    )
    result = check(project)
    assert result.returncode == 1
    assert expected in result.stderr
    built = build(project)
    assert not built.ok
    assert expected in built.log
    # Negative control: inside `{% if features.releases %}` the call is fine.
    guarded = "# Home\n\n{% if features.releases %}\n{{ whats_new(2) }}\n{% endif %}\nok\n"
    (project / "docs" / "index.md").write_text(page(guarded, render_macros="true"))
    assert check(project).returncode == 0
    assert build(project).ok


def test_an_unknown_switch_is_refused_at_its_line(tmp_path):
    project = make_project(tmp_path, {"index.md": page("# Home\n")})
    path = project / "data" / "features.yml"
    path.write_text(path.read_text(encoding="utf-8") + "releaes: false\n", encoding="utf-8")
    line = len(path.read_text(encoding="utf-8").splitlines())
    result = check(project)
    assert result.returncode == 1
    assert f"data/features.yml:{line}: releaes: no feature is called 'releaes'" in result.stderr
    built = build(project)
    assert not built.ok and f"data/features.yml:{line}" in built.log


# ---------------------------------------------------------------------------------------------
# A feature defined outside the engine: its own package, data file, schema, page and macro
# ---------------------------------------------------------------------------------------------

FEATURE_PY = '''
"""Experiments: data/experiments.yml as a page per experiment and a count macro."""

from pathlib import Path

from handbook.core.registry import Feature, GeneratedPage
from handbook.freshness.generated import assess_generated

HERE = Path(__file__).parent


def experiments(handbook):
    doc = handbook.dataset.get("experiments.yml")
    return list(doc.data["experiments"]) if doc is not None else []


def check(dataset, today):
    from handbook.core.problems import Problem

    doc = dataset.get("experiments.yml")
    problems = []
    for i, item in enumerate(doc.data["experiments"] if doc else []):
        if item["owner"] not in {o["id"] for o in dataset.get("owners.yml").data["owners"]}:
            line = doc.line_of(("experiments", i, "owner"))
            problems.append(Problem(doc.file, line, f"owner {item['owner']!r} is unknown"))
    return problems


def register(env, handbook):
    @env.macro
    def experiment_count() -> str:
        return f"{len(experiments(handbook))} experiments"


def pages(handbook):
    return [
        GeneratedPage(f"experiments/{e['id']}.md", f"# {e['name']}\\n\\n{e['goal']}\\n", e["name"])
        for e in experiments(handbook)
    ]


def freshness(handbook, policy):
    return [
        assess_generated(
            f"experiments/{e['id']}.md",
            {"title": e["name"], "owner": e["owner"], "last_reviewed": e["last_updated"]},
            handbook.owners,
            policy,
            handbook.today,
        )
        for e in experiments(handbook)
    ]


FEATURE = Feature(
    name="experiments",
    summary="A page per experiment from data/experiments.yml.",
    required_data=("experiments.yml",),
    schemas=(HERE / "experiments.schema.json",),
    cross_checks=(check,),
    macros=register,
    pages=pages,
    freshness=freshness,
    section="experiments",
)
'''

SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "experiments.schema.json",
    "type": "object",
    "required": ["experiments"],
    "properties": {
        "experiments": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id", "name", "goal", "owner", "last_updated"],
                "additionalProperties": False,
                "properties": {
                    "id": {"type": "string", "pattern": "^[a-z0-9-]+$"},
                    "name": {"type": "string"},
                    "goal": {"type": "string"},
                    "owner": {"type": "string"},
                    "last_updated": {"type": "string", "format": "date"},
                },
            },
        }
    },
}

DATA = """\
# yaml-language-server: $schema=schema/experiments.schema.json
experiments:
  - id: checkout-copy
    name: Checkout copy test
    goal: Does a shorter checkout page lift paid conversion?
    owner: {owner}
    last_updated: 2026-11-10
"""


def extension(tmp_path: Path) -> dict[str, str]:
    """The experiments package and its entry point, importable through PYTHONPATH."""
    lib = tmp_path / "lib"
    package = lib / "acme_experiments"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "feature.py").write_text(textwrap.dedent(FEATURE_PY).lstrip())
    (package / "experiments.schema.json").write_text(json.dumps(SCHEMA, indent=2))
    info = lib / "acme_experiments-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: acme-experiments\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text(
        "[handbook.features]\nexperiments = acme_experiments.feature:FEATURE\n"
    )
    env = mkdocs_env(PYTHONPATH=os.pathsep.join([str(lib), os.environ.get("PYTHONPATH", "")]))
    return env


def test_a_feature_from_another_package_checks_builds_and_reaches_the_dashboard(tmp_path):
    env = extension(tmp_path)
    body = "# Home\n\nWe run {{ experiment_count() }}.\n"
    project = make_project(
        tmp_path,
        {"index.md": page(body, render_macros="true"), "experiments/index.md": page("# Exp\n")},
        data={"experiments.yml": DATA.format(owner="product-ops")},
        nav="""
        nav:
          - Home: index.md
          - Experiments:
              - experiments/index.md
        """,
    )
    # The schema copy for editors comes from `handbook upgrade`, like the engine's own.
    upgrade = handbook_cli_env(env, "upgrade", "--root", str(project))
    assert upgrade.returncode == 0, upgrade.stderr
    assert (project / "data" / "schema" / "experiments.schema.json").is_file()
    result = check(project, env)
    assert result.returncode == 0, result.stderr
    built = build(project, env=env)
    assert built.ok, built.log
    assert "We run 1 experiments." in built.html("")
    assert "Checkout copy test" in built.html("experiments/checkout-copy/")
    # Its generated page joins the nav section of its folder.
    assert 'href="checkout-copy/"' in built.html("experiments/")
    dashboard = json.loads((built.site / "freshness.json").read_text(encoding="utf-8"))
    assert "https://handbook.example.com/experiments/checkout-copy/" in {
        p["url"] for p in dashboard
    }

    # Its cross-check and schema refuse bad data at file:line, in check and build alike.
    (project / "data" / "experiments.yml").write_text(DATA.format(owner="nobody"))
    result = check(project, env)
    assert result.returncode == 1
    assert "data/experiments.yml:6: owner 'nobody' is unknown" in result.stderr
    assert "data/experiments.yml:6" in build(project, env=env).log

    # One line in data/features.yml switches it off: no page, no macro, no check.
    (project / "data" / "experiments.yml").write_text(DATA.format(owner="product-ops"))
    (project / "data" / "features.yml").write_text(
        (project / "data" / "features.yml").read_text() + "experiments: false\n"
    )
    (project / "docs" / "index.md").write_text(page("# Home\n"))
    assert check(project, env).returncode == 0
    off = build(project, env=env)
    assert off.ok, off.log
    assert not (off.site / "experiments").exists()


def test_negative_control_without_the_package_the_switch_is_unknown(tmp_path):
    project = make_project(tmp_path, {"index.md": page("# Home\n")})
    path = project / "data" / "features.yml"
    path.write_text(path.read_text() + "experiments: true\n")
    assert "no feature is called 'experiments'" in check(project).stderr


def handbook_cli_env(env: dict, *args: str):
    import subprocess
    import sys

    return subprocess.run(
        [sys.executable, "-m", "handbook", *args], capture_output=True, text=True, env=env
    )


# ---------------------------------------------------------------------------------------------
# docs_dir comes from mkdocs.yml for every command
# ---------------------------------------------------------------------------------------------


def test_every_command_follows_docs_dir(tmp_path):
    project = make_project(
        tmp_path,
        {"index.md": page("# Home\n"), "guide.md": page("# Guide\n", owner="ghost")},
    )
    (project / "docs").rename(project / "content")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("docs/.includes", "content/.includes")
    config.write_text(text.replace("docs_dir: docs\n", "docs_dir: content\n"), encoding="utf-8")
    result = check(project)
    assert result.returncode == 1
    assert "content/guide.md:" in result.stderr and "ghost" in result.stderr
    (project / "content" / "guide.md").write_text(page("# Guide\n"))
    assert check(project).returncode == 0
    listing = handbook_cli("freshness", "--root", str(project), "--today", FIXED_TODAY)
    assert listing.returncode == 0, listing.stderr
    assert "content/guide.md" in listing.stdout and "content/index.md" in listing.stdout
    assert build(project).ok
