"""The build benchmark (scripts/bench.py): its generator, a --quick run and its targets.

No timing is asserted here: timings belong to `make bench`, not to tests on a shared machine.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from handbook.core.context import load_handbook
from handbook.core.problems import errors
from handbook.pages.checks import check_pages
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
    # The generated pages are there as static markdown, in the nav where the full build put
    # them; the written pages are copied unchanged.
    docs = small.root / "docs-plain"
    jira = (docs / "tools" / "jira.md").read_text(encoding="utf-8")
    assert jira.startswith("---\n") and "Jira" in jira
    assert "- All tools:" in plain and "tools/jira.md" in plain
    written = small.pages[0].src
    assert (docs / written).read_bytes() == (small.root / "docs" / written).read_bytes()
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
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "bench.py"), "--quick", "--sizes", "12"]
        + ["--out", str(out)],
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
    assert data["freshness"]["seconds"] > 0
    assert data["linkcheck"]["errors"] == 0
    assert data["linkcheck"]["seconds"] > 0
    assert len(data["targets"]) == 4
    assert {t["status"] for t in data["targets"]} <= {"pass", "fail", "n/a"}


def _row(pages: int, full: float, plain: float, kb: float) -> dict:
    return {"pages": pages, "full_s": full, "plain_s": plain, "ratio": full / plain,
            "cpu_ratio": full / plain, "html_kb_per_page": kb}  # fmt: skip


def test_targets_pass_and_fail():
    fresh = {"available": True, "pages": 1000, "seconds": 0.5}
    good = [_row(1000, 7.5, 9.5, 40.0), _row(2000, 16.0, 7.5, 41.0)]
    assert [t["status"] for t in bench.check_targets(good, fresh)] == ["pass"] * 4
    slow = {"available": True, "pages": 1000, "seconds": 1.5}
    bad = [_row(1000, 8.5, 10.0, 40.0), _row(2000, 20.0, 20.0, 70.0)]
    assert [t["status"] for t in bench.check_targets(bad, slow)] == ["fail"] * 4
    # Without freshness or a 2,000-page size, those targets are not available, not passed.
    missing = {"available": False, "pages": 1000, "seconds": 0.2}
    statuses = [t["status"] for t in bench.check_targets(good[:1], missing)]
    assert statuses == ["pass", "n/a", "pass", "n/a"]


def test_macro_names_found_by_env_and_by_source():
    assert "owner_name" in bench.defined_macros()
    assert "owner_name" in bench.macros_in_source(ROOT / "handbook")
    assert "no_such_macro" not in bench.macros_in_source(ROOT / "handbook")
