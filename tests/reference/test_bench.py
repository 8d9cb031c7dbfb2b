"""The build benchmark (scripts/bench.py): its generator, a --quick run and its targets.

No timing is asserted here: timings belong to `make bench`, not to tests on a shared machine.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from handbook.core.context import load_handbook
from handbook.core.problems import errors
from handbook.pages.checks import check_pages
from handbook.tools.pages import MENTIONS_MARKER
from tests.helpers import ROOT, mkdocs_env

# Builds generated handbooks and runs the benchmark: not for `make test-fast`.
pytestmark = pytest.mark.slow

sys.path.insert(0, str(ROOT / "scripts"))
import bench  # noqa: E402
import bench_site  # noqa: E402


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    return bench_site.generate(tmp_path_factory.mktemp("gen") / "h", 40, {"owner_name"})


def test_generated_handbook_has_valid_data_and_front_matter(small):
    handbook = load_handbook(small.root, bench_site.TODAY)
    assert errors(handbook.problems) == []
    # Owners are scaled with the page count: the project's owners plus generated people.
    assert len(handbook.owners) > 12
    problems = check_pages(small.root / "docs", small.root, handbook.owners, handbook.today)
    assert problems == []


def test_generated_pages_are_realistic_and_unique(small):
    assert len(small.pages) == 40
    assert len({p.src for p in small.pages}) == 40
    text = (small.root / "docs" / small.pages[0].src).read_text(encoding="utf-8")
    assert text.startswith("---\nowner: ")
    for part in ("review_every: ", "\n## Steps\n", "| Step | Who | When |", "- [", "](../"):
        assert part in text


def test_only_defined_macros_are_called(small, tmp_path):
    macro_pages = [p for p in small.pages if p.macros]
    assert macro_pages
    text = (small.root / "docs" / macro_pages[0].src).read_text(encoding="utf-8")
    assert "render_macros: true" in text
    assert "{{ owner_name(" in text
    assert "handbook_today" not in text  # not in the set of defined macros passed in
    # Negative control: with no macros defined, no page calls one.
    bare = bench_site.generate(tmp_path / "bare", 40, set())
    for spec in bare.pages:
        assert "{{" not in (bare.root / "docs" / spec.src).read_text(encoding="utf-8")


def test_plain_variant_builds_the_same_pages_without_our_code(tmp_path):
    small = bench.prepare(tmp_path / "h", 40, {"owner_name"})
    plain = (small.root / "mkdocs-plain.yml").read_text(encoding="utf-8")
    full = (small.root / "mkdocs.yml").read_text(encoding="utf-8")
    assert "hooks/data.py" in full and "macros" in full
    assert "hooks" not in plain and "macros" not in plain
    assert "navigation.prune" in plain and "pymdownx.tasklist" in plain
    assert "docs_dir: docs-plain" in plain
    # Zensical's form of it: the same pages, without the tag its YAML loader refuses.
    zensical = (small.root / bench_site.ZENSICAL_CONFIG).read_text(encoding="utf-8")
    assert "!relative" in plain and "!relative" not in zensical
    assert "docs_dir: docs-plain" in zensical and "site_dir: site-zensical" in zensical
    # Every page is there as the full build made it, in the nav where it put it: generated
    # pages with what the hooks fill in, macros rendered, other written pages as written.
    docs = small.root / "docs-plain"
    jira = (docs / "tools" / "jira.md").read_text(encoding="utf-8")
    assert jira.startswith("---\n") and "Jira" in jira
    assert "- All tools:" in plain and "tools/jira.md" in plain
    assert MENTIONS_MARKER not in jira and 'class="tool-mentions"' in jira
    prd = (docs / "templates" / "prd.md").read_text(encoding="utf-8")
    assert "data-template-slot" not in prd and 'class="template-preview' in prd
    macro_page = next(p for p in small.pages if p.macros)
    rendered = (docs / macro_page.src).read_text(encoding="utf-8")
    source = (small.root / "docs" / macro_page.src).read_text(encoding="utf-8")
    assert "owner_name(" in source and "{{" not in rendered
    assert "This page is kept by " in rendered
    written = next(p for p in small.pages if not p.macros).src
    text = (docs / written).read_text(encoding="utf-8")
    head, _, body = (small.root / "docs" / written).read_text(encoding="utf-8").partition("\n---\n")
    assert text == f"{head}\n---\n{body.lstrip()}"
    # Plain Material builds it, and builds as many pages as the full build.
    site = tmp_path / "site-plain"
    bench.build(small.root, "mkdocs-plain.yml", site)
    assert bench.count_pages(site) == bench.count_pages(small.root / "site-export")
    assert "handbook-reviewed" not in (site / "index.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def scaled(tmp_path_factory):
    """A 750-page handbook: three times the project's records and released releases."""
    return bench_site.generate(tmp_path_factory.mktemp("scaled") / "h", 750, set()).root


def test_release_data_is_scaled_with_versions_rising_with_dates(scaled):
    handbook = load_handbook(scaled, bench_site.TODAY)
    assert errors(handbook.problems) == []
    releases = sorted((scaled / "data" / "releases").glob("*.yml"))
    originals = sorted((ROOT / "data" / "releases").glob("*.yml"))
    released = [p for p in originals if "status: released" in p.read_text(encoding="utf-8")]
    assert len(releases) == len(originals) + 2 * len(released)


def test_scaled_records_are_all_there_and_pass_handbook_check(scaled, capsys):
    import yaml

    from handbook.cli import main as handbook_main

    source = yaml.safe_load((ROOT / "data" / "tools.yml").read_text(encoding="utf-8"))
    tools = yaml.safe_load((scaled / "data" / "tools.yml").read_text(encoding="utf-8"))
    # Three copies of every tool: the scaled file was kept, not replaced by the original.
    assert len(tools["tools"]) == 3 * len(source["tools"])
    assert "&id" not in (scaled / "data" / "tools.yml").read_text(encoding="utf-8")
    code = handbook_main(["check", "--root", str(scaled), "--today", bench_site.TODAY])
    assert code == 0, capsys.readouterr().err
    assert "handbook check: data and pages OK" in capsys.readouterr().out


def test_a_scaled_file_the_engine_refuses_stops_the_benchmark(tmp_path, monkeypatch):
    # Negative control: PyYAML's own dumper writes the records' shared lists as anchors and
    # aliases, which the engine refuses; the generator says so and stops, naming the line.
    import yaml

    dump = lambda data: yaml.safe_dump(data, sort_keys=False, allow_unicode=True)  # noqa: E731
    monkeypatch.setattr(bench_site, "_dump", dump)
    with pytest.raises(bench_site.RefusedData) as refused:
        bench_site.generate(tmp_path / "h", 500, set())
    assert "data/tools.yml:" in str(refused.value)
    assert "YAML anchors (&name) are not allowed" in str(refused.value)


def test_quick_run_writes_json_with_positive_numbers(tmp_path):
    out = tmp_path / "bench.json"
    # Without Zensical (installing and running it is for `make bench`, not the test suite).
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "bench.py"), "--quick", "--sizes", "12"]
        + ["--out", str(out), "--no-zensical"],
        capture_output=True,
        text=True,
        env=mkdocs_env(today=bench_site.TODAY),
    )
    assert result.returncode == 0, result.stderr
    assert "| pages | full build s |" in result.stdout
    assert "run 1/1: 12 pages full" in result.stderr  # progress goes to stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert set(data) >= {"builds", "freshness", "linkcheck", "targets", "runs", "machine"}
    assert data["machine"]["cpus"] > 0
    (row,) = data["builds"]
    assert row["pages"] == 12
    for key in ("full_s", "plain_s", "ratio", "ms_per_page", "html_kb_per_page", "cpu_ratio"):
        assert row[key] > 0, key
    # One ratio per round, printed, and the reported ratio is their median.
    assert len(row["cpu_ratios"]) == 1 and row["cpu_ratio"] == row["cpu_ratios"][0]
    assert "12 pages, CPU ratio full/plain per round: " in result.stdout
    # Zensical skipped: said so, no column values, its target not available rather than passed.
    assert "Zensical not run: skipped (--no-zensical)" in result.stdout
    assert "full/Zensical per round" not in result.stdout
    assert data["builders"] == ["full", "plain"]
    assert row["zensical_s"] is None and row["cpu_ratio_zensical"] is None
    assert len(row["load_per_round"]) == 1
    assert data["freshness"]["seconds"] > 0
    assert data["linkcheck"]["errors"] == 0
    assert data["linkcheck"]["seconds"] > 0
    assert len(data["targets"]) == 5
    assert {t["status"] for t in data["targets"]} <= {"pass", "fail", "n/a"}


def _row(pages: int, full: float, plain: float, kb: float, zensical: float | None = None):
    return {"pages": pages, "full_s": full, "plain_s": plain, "ratio": full / plain,
            "cpu_ratio": full / plain, "html_kb_per_page": kb,
            "cpu_ratio_zensical": zensical and full / zensical}  # fmt: skip


def test_targets_pass_and_fail():
    fresh = {"available": True, "pages": 1000, "seconds": 0.5}
    good = [_row(1000, 7.5, 9.5, 40.0, zensical=7.5), _row(2000, 16.0, 7.5, 41.0)]
    assert [t["status"] for t in bench.check_targets(good, fresh)] == ["pass"] * 5
    slow = {"available": True, "pages": 1000, "seconds": 1.5}
    bad = [_row(1000, 8.5, 10.0, 40.0, zensical=8.4), _row(2000, 20.0, 20.0, 70.0)]
    assert [t["status"] for t in bench.check_targets(bad, slow)] == ["fail"] * 5
    # Without Zensical, freshness or a 2,000-page size, those targets are not available, not
    # passed.
    missing = {"available": False, "pages": 1000, "seconds": 0.2}
    statuses = [t["status"] for t in bench.check_targets([_row(1000, 7.5, 9.5, 40.0)], missing)]
    assert statuses == ["pass", "n/a", "n/a", "pass", "n/a"]


def test_zensical_target_is_full_over_zensical_cpu_at_most_one():
    fresh = {"available": True, "pages": 1000, "seconds": 0.5}

    def zensical_target(full: float, zensical: float) -> dict:
        rows = [_row(1000, full, full / 0.7, 40.0, zensical=zensical)]
        (target,) = [t for t in bench.check_targets(rows, fresh) if "Zensical" in t["target"]]
        return target

    assert zensical_target(10.0, 10.0)["status"] == "pass"  # as fast as Zensical: met
    assert zensical_target(10.0, 9.9)["status"] == "fail"  # slower than Zensical: missed
    assert zensical_target(10.0, 12.5) == {
        "target": "full/Zensical CPU ratio at 1,000 pages",
        "value": 0.8,
        "limit": 1.0,
        "status": "pass",
    }


def test_builders_take_turns_going_first():
    orders = [bench.rotated(bench.BUILDERS, k) for k in range(3)]
    assert [order[0] for order in orders] == ["full", "plain", "zensical"]
    assert all(sorted(order) == sorted(bench.BUILDERS) for order in orders)
    assert bench.rotated(bench.BUILDERS, 3) == orders[0]
    # Negative control: alternating two orders would never start a round with Zensical.
    alternating = [["full", "plain", "zensical"], ["plain", "full", "zensical"]]
    assert {o[0] for o in alternating} != {o[0] for o in orders}
    assert bench.rotated(["full", "plain"], 1) == ["plain", "full"]


def test_zensical_config_drops_relative_tags_and_keeps_the_rest():
    import yaml

    plain = bench_site.plain_config(ROOT, "nav:\n- Home: index.md\n", docs_dir="docs-plain")
    zensical = bench_site.zensical_config(plain, site_dir="site-zensical")
    # Negative control: a plain YAML loader (as Zensical's) refuses the plain config's tag.
    with pytest.raises(yaml.constructor.ConstructorError, match="!relative"):
        yaml.safe_load(plain)
    loaded = yaml.safe_load(zensical)
    snippets = "pymdownx.snippets"
    (options,) = [e[snippets] for e in loaded["markdown_extensions"] if snippets in e]
    assert options["base_path"] == "."
    assert loaded["site_dir"] == "site-zensical"
    # Everything else is as in the plain config.
    original = yaml.load(plain, Loader=bench_site._KeepTags)
    for extension in original["markdown_extensions"]:
        if isinstance(extension, dict) and snippets in extension:
            extension[snippets]["base_path"] = "."
    assert loaded == {**original, "site_dir": "site-zensical"}
    assert loaded["nav"] == [{"Home": "index.md"}]


def test_relative_paths_are_written_from_the_config_folder():
    import yaml

    def base_path(value: str) -> str:
        plain = f"docs_dir: docs-plain\nx:\n  base_path: !relative {value}\n"
        return yaml.safe_load(bench_site.zensical_config(plain, "s"))["x"]["base_path"]

    assert base_path("$config_dir") == "."
    assert base_path("$config_dir/docs/.includes") == "docs/.includes"
    assert base_path("$docs_dir/snippets") == "docs-plain/snippets"
    # A path relative to each page has no form Zensical reads: refused, by its value.
    with pytest.raises(ValueError, match=r"!relative '': .*only \$config_dir or \$docs_dir"):
        bench_site.zensical_config("x: !relative\n", "s")


def test_zensical_availability_says_why_not(tmp_path):
    missing = tmp_path / "no" / "zensical"
    status = bench.zensical_status(missing, skip=False)
    assert status["available"] is False and str(missing) in status["reason"]
    assert "make install" in status["reason"]
    assert "--no-zensical" in bench.zensical_status(missing, skip=True)["reason"]
    failing = tmp_path / "failing"
    failing.write_text("#!/bin/sh\necho 'no module named zensical' >&2\nexit 3\n")
    failing.chmod(0o755)
    reason = bench.zensical_status(failing, skip=False)["reason"]
    assert "exited with 3: no module named zensical" in reason
    # Positive control: a command that answers --version is used, and its version recorded.
    answering = tmp_path / "answering"
    answering.write_text('#!/bin/sh\n[ "$1" = --version ] && echo 0.0.73\n')
    answering.chmod(0o755)
    status = bench.zensical_status(answering, skip=False)
    assert status == {
        "available": True,
        "path": str(answering),
        "version": "0.0.73",
        "reason": None,
    }
    assert bench.zensical_status(answering, skip=True)["available"] is False
    # A relative path (as the Makefile passes) still names it from the handbook's folder.
    relative = Path(os.path.relpath(answering))
    assert not relative.is_absolute()
    assert bench.zensical_status(relative, skip=False)["path"] == str(answering)


def test_zensical_builds_the_zensical_config_clean_and_strict(tmp_path):
    command = bench.builder_command("zensical", tmp_path, tmp_path / "zensical")
    assert command[:4] == [str(tmp_path / "zensical"), "build", "--strict", "--clean"]
    assert command[-2:] == ["-f", str(tmp_path / bench_site.ZENSICAL_CONFIG)]
    # The MkDocs builders name their site folder; Zensical's is in its config.
    plain = bench.builder_command("plain", tmp_path, tmp_path / "zensical")
    assert plain[-4:] == [
        "-f",
        str(tmp_path / "mkdocs-plain.yml"),
        "-d",
        str(tmp_path / "site-plain"),
    ]
    assert bench.site_of(tmp_path, "zensical").name == bench_site.ZENSICAL_SITE


def test_macro_names_found_by_env_and_by_source():
    assert "owner_name" in bench.defined_macros()
    assert "owner_name" in bench.macros_in_source(ROOT / "handbook")
    assert "no_such_macro" not in bench.macros_in_source(ROOT / "handbook")
