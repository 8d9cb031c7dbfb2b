"""Benchmark page freshness on a synthetic handbook (default 1,000 pages).

1. `handbook freshness` over every page, without building (target: under 1 second).
2. A full `mkdocs build` with and without hooks/freshness.py, runs interleaved, medians compared
   (target: the hook adds under 3%).

Usage: python scripts/bench_freshness.py [--pages 1000] [--runs 5] [--cli-only]
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2026-11-21"
SECTIONS = ["guidelines", "onboarding", "tools", "releases", "templates", "about"]
OWNERS = ["product-ops", "maya-okafor", "lucas-brandt", "design", "quality", "analytics"]
PARAGRAPH = (
    "Write the decision down before the meeting ends, name who owns the follow-up and the date "
    "it is due, and link the ticket. A decision nobody can find later was never made.\n\n"
)


def synthetic_project(base: Path, pages: int, with_hook: bool) -> Path:
    """The project's config, hooks and data, with `pages` generated pages and MkDocs' auto nav."""
    project = base / ("with-hook" if with_hook else "without-hook")
    project.mkdir()
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config[: config.index("\nnav:")] + "\n"  # no explicit nav: every page is listed
    if not with_hook:
        config = config.replace("  - hooks/freshness.py\n", "")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    for folder in ("hooks", "data", "templates"):
        shutil.copytree(ROOT / folder, project / folder)
    (project / "handbook").mkdir()
    docs = project / "docs"
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets")
    (docs / ".includes").mkdir(parents=True)
    rng = random.Random(7)
    today = dt.date.fromisoformat(TODAY)
    for section in SECTIONS:
        (docs / section).mkdir(parents=True, exist_ok=True)
        (docs / section / "index.md").write_text(page_text(section.title(), "product-ops", today))
    (docs / "index.md").write_text(page_text("Home", "product-ops", today))
    for i in range(pages - len(SECTIONS) - 1):
        section = SECTIONS[i % len(SECTIONS)]
        # Mostly fresh, some due or stale: notices are rendered as well as footers.
        reviewed = today - dt.timedelta(days=rng.choice([3, 20, 60, 120, 170, 200, 400]))
        owner = OWNERS[i % len(OWNERS)]
        (docs / section / f"page-{i:04d}.md").write_text(
            page_text(f"Practice {i}", owner, reviewed)
        )
    return project


def page_text(title: str, owner: str, reviewed: dt.date) -> str:
    return (
        f"---\ntitle: {title}\nowner: {owner}\nlast_reviewed: {reviewed.isoformat()}\n---\n\n"
        f"# {title}\n\n" + PARAGRAPH * 4 + "## Steps\n\n1. Agree.\n2. Write.\n3. Link.\n"
    )


def _child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(cmd: list[str], env: dict[str, str], cpu: list[float] | None = None) -> float:
    """Wall-clock seconds of `cmd`; its CPU seconds (user + system) go to `cpu`."""
    start, start_cpu = time.perf_counter(), _child_cpu()
    result = subprocess.run(cmd, capture_output=True, text=True, env=env)
    elapsed = time.perf_counter() - start
    if cpu is not None:
        cpu.append(_child_cpu() - start_cpu)
    if result.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed:\n{result.stdout}\n{result.stderr}")
    return elapsed


def hook_share(project: Path, site: Path) -> tuple[float, float]:
    """(CPU seconds of one in-process build, CPU seconds of that spent on freshness).

    Counts every freshness event handler and the building of the generated dashboard page.
    Both come from the same build, so machine load, which swings whole-build times by tens of
    percent on a shared machine, hardly moves the share.
    """
    from mkdocs.commands import build as mkdocs_build
    from mkdocs.config import load_config

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site))
    spent = [0.0]

    def timed_call(fn):
        def wrapper(*args, **kwargs):
            start = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[0] += time.process_time() - start

        return wrapper

    for methods in config.plugins.events.values():
        methods[:] = [
            timed_call(m) if getattr(m, "__module__", "") == "hooks/freshness.py" else m
            for m in methods
        ]
    build_page = mkdocs_build._build_page

    def build_page_timed(page, *args, **kwargs):
        if page.file.src_uri == "about/freshness.md":
            return timed_call(build_page)(page, *args, **kwargs)
        return build_page(page, *args, **kwargs)

    mkdocs_build._build_page = build_page_timed
    try:
        start = time.process_time()
        mkdocs_build.build(config)
        total = time.process_time() - start
    finally:
        mkdocs_build._build_page = build_page
    return total, spent[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cli-only", action="store_true")
    parser.add_argument(
        "--in-process",
        action="store_true",
        help="measure the hook's share of one in-process build instead of comparing builds",
    )
    args = parser.parse_args()
    env = dict(os.environ, HANDBOOK_TODAY=TODAY, NO_MKDOCS_2_WARNING="1")
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        with_hook = synthetic_project(base, args.pages, with_hook=True)
        cli = [sys.executable, "-m", "handbook", "freshness", "--root", str(with_hook)]
        cli_cpu: list[float] = []
        cli_times = [timed(cli + ["--today", TODAY], env, cli_cpu) for _ in range(args.runs)]
        cli_median = statistics.median(cli_times)
        print(
            f"handbook freshness, {args.pages} pages: median {cli_median:.3f} s "
            f"(runs: {', '.join(f'{t:.3f}' for t in cli_times)}; "
            f"CPU median {statistics.median(cli_cpu):.3f} s; target < 1 s)"
        )
        if args.cli_only:
            return 0 if cli_median < 1 else 1
        if args.in_process:
            os.environ.update(env)
            shares = []
            for run in range(args.runs):
                total, spent = hook_share(with_hook, base / f"site-share-{run}")
                shares.append(spent / (total - spent) * 100)
                print(f"in-process build: {total:.2f} s CPU, freshness {spent:.3f} s")
            median = statistics.median(shares)
            print(f"freshness share of the build: median +{median:.1f}% (target < 3%)")
            return 0 if cli_median < 1 and median < 3 else 1
        without = synthetic_project(base, args.pages, with_hook=False)
        times: dict[str, list[float]] = {"with": [], "without": []}
        cpu: dict[str, list[float]] = {"with": [], "without": []}
        for run in range(args.runs):
            # Interleaved, alternating which goes first, so drift in machine load hits both.
            order = [("with", with_hook), ("without", without)]
            for name, project in order if run % 2 == 0 else reversed(order):
                cmd = [
                    sys.executable,
                    "-m",
                    "mkdocs",
                    "build",
                    "--clean",
                    "-q",
                    "-f",
                    str(project / "mkdocs.yml"),
                    "-d",
                    str(base / f"site-{name}"),
                ]
                times[name].append(timed(cmd, env, cpu[name]))
        med_with, med_without = (statistics.median(times[k]) for k in ("with", "without"))
        overhead = (med_with - med_without) / med_without * 100
        cpu_with, cpu_without = (statistics.median(cpu[k]) for k in ("with", "without"))
        cpu_overhead = (cpu_with - cpu_without) / cpu_without * 100
        for name in ("without", "with"):
            median = statistics.median(times[name])
            print(
                f"mkdocs build {name} hooks/freshness.py: median {median:.2f} s "
                f"(runs: {', '.join(f'{t:.2f}' for t in times[name])})"
            )
        print(
            f"freshness hook overhead: wall {overhead:+.1f}%, CPU {cpu_overhead:+.1f}% "
            f"(CPU medians {cpu_without:.2f} s -> {cpu_with:.2f} s; target < 3%)"
        )
        return 0 if cli_median < 1 and overhead < 3 else 1


if __name__ == "__main__":
    sys.exit(main())
