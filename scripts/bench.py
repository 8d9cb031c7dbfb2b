"""Build-speed benchmark: the handbook's full configuration against plain Material.

Usage: python scripts/bench.py [--sizes 250,500,1000,2000] [--runs 3] [--quick] [--enforce]
                               [--out bench-output/bench.json] [--profile [N]] [--serve N]
                               [--search N]
                               [--generate DIR]

Generates synthetic handbooks (scripts/bench_site.py) in a temp folder, builds each with the
project's full configuration and with plain Material (same theme and extensions, no hooks or
macros) building the same pages: the written ones, and the ones our hooks generate from data,
exported as static markdown by one full build beforehand. Builds are interleaved; it reports
medians, the targets and whether each is met.
Progress goes to stderr; the table to stdout; the same numbers to JSON. Exit code is non-zero
on a missed target only with --enforce (a shared machine's timings are too noisy for CI).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import bench_site

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1", HANDBOOK_TODAY=bench_site.TODAY)

# Targets (held here, never in timed tests). The build ratio is CPU time, full over plain
# Material, the median of per-round ratios: CPU time moves less than wall time under load.
MAX_CPU_RATIO_AT_1000 = 0.80
MAX_SCALING_2000 = 2.2
MAX_HTML_KB_PER_PAGE = 60.0
MAX_FRESHNESS_S = 1.0
MAX_SERVE_EDIT_S = 2.0  # an edit under `mkdocs serve --dirty` (make serve-fast), 1,000 pages


def progress(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------------
# Measuring
# ---------------------------------------------------------------------------------------------


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def build(project: Path, config: str, site: Path) -> tuple[float, float]:
    """Wall and CPU seconds of one strict build; a failed build stops the benchmark.

    CPU time moves less than wall time when other people's builds share the machine.
    """
    cmd = [PY, "-m", "mkdocs", "build", "--strict", "--clean", "-f", str(project / config)]
    cpu = _children_cpu()
    start = time.perf_counter()
    result = subprocess.run(
        [*cmd, "-d", str(site)], capture_output=True, text=True, env=ENV, cwd=project
    )
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        tail = "\n".join((result.stdout + result.stderr).splitlines()[-30:])
        raise SystemExit(f"bench: build of {project / config} failed:\n{tail}")
    return elapsed, _children_cpu() - cpu


def html_kb_per_page(site: Path, pages: int) -> float:
    total = sum(p.stat().st_size for p in site.rglob("*.html") if p.name != "404.html")
    return total / 1024 / pages


def count_pages(site: Path) -> int:
    return sum(1 for p in site.rglob("index.html"))


def has_command(name: str) -> bool:
    result = subprocess.run(
        [PY, "-m", "handbook", name, "--help"], capture_output=True, text=True, env=ENV
    )
    return result.returncode == 0


def time_command(args: list[str], runs: int) -> tuple[float, int]:
    """Median wall time of a command (process start included) and its last exit code."""
    times, code = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        code = subprocess.run(args, capture_output=True, env=ENV).returncode
        times.append(time.perf_counter() - start)
    return statistics.median(times), code


def linkcheck(site: Path) -> dict:
    start = time.perf_counter()
    result = subprocess.run(
        [PY, "-m", "handbook", "linkcheck", str(site)],
        capture_output=True,
        text=True,
        env=ENV,
    )
    elapsed = time.perf_counter() - start
    found = re.search(r"(\d+) errors? found", result.stdout)
    errors = int(found.group(1)) if found else None
    return {"seconds": round(elapsed, 2), "exit_code": result.returncode, "errors": errors}


def defined_macros() -> set[str]:
    """Macro and variable names the tree's handbook.mkdocs.macros defines.

    Runs define_env against a stand-in env that records what is registered; if a feature needs
    more of the real env than the stand-in offers, falls back to reading the source.
    """
    import handbook.mkdocs.macros

    class Conf(dict):
        def __getattr__(self, key):
            try:
                return self[key]
            except KeyError:
                raise AttributeError(key) from None

    class Env:
        def __init__(self) -> None:
            self.conf = Conf(config_file_path=str(ROOT / "mkdocs.yml"), docs_dir=str(ROOT / "docs"))
            self.project_dir = str(ROOT)
            self.variables: dict = {}
            self.macros: dict = {}
            self.filters: dict = {}

        def macro(self, fn=None, name=""):
            if fn is None:
                return lambda f: self.macro(f, name)
            self.macros[name or fn.__name__] = fn
            return fn

        def filter(self, fn=None, name=""):
            if fn is None:
                return lambda f: self.filter(f, name)
            self.filters[name or fn.__name__] = fn
            return fn

    env = Env()
    try:
        handbook.mkdocs.macros.define_env(env)
    except Exception as exc:  # noqa: BLE001 - any failure here only narrows the macro list
        progress(f"define_env failed in the stand-in env ({exc}); reading the source instead")
        return macros_in_source(Path(handbook.mkdocs.macros.__file__).parent.parent)
    return set(env.macros) | set(env.variables)


def macros_in_source(package: Path) -> set[str]:
    """Names after `@env.macro` and keys of `env.variables[...]` in the package's modules."""
    names: set[str] = set()
    for path in package.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        names.update(re.findall(r"@env\.macro(?:\(\))?\s+def (\w+)", text))
        names.update(re.findall(r"env\.variables\[[\"'](\w+)[\"']\]", text))
    return names


# ---------------------------------------------------------------------------------------------
# The benchmark
# ---------------------------------------------------------------------------------------------


def prepare(dest: Path, size: int, macros: set[str]) -> bench_site.GeneratedHandbook:
    """A generated handbook in `dest` with both configs: mkdocs.yml and mkdocs-plain.yml."""
    progress(f"generating {size} pages")
    handbook = bench_site.generate(dest, size, macros)
    progress(f"exporting the {size}-page handbook's generated pages for plain Material")
    build(handbook.root, bench_site.EXPORT_CONFIG, dest / "site-export")
    bench_site.write_plain_variant(handbook.root)
    return handbook


def bench_sizes(base: Path, sizes: list[int], runs: int, macros: set[str]) -> list[dict]:
    projects = {size: prepare(base / f"h{size}", size, macros) for size in sizes}
    times: dict[tuple[int, str], list[float]] = {}
    cpu: dict[tuple[int, str], list[float]] = {}
    for run in range(runs):
        for size in sizes:
            # Alternate which variant goes first, so neither always meets a warmer cache.
            order = ["full", "plain"] if run % 2 == 0 else ["plain", "full"]
            for variant in order:
                config = "mkdocs.yml" if variant == "full" else "mkdocs-plain.yml"
                site = base / f"h{size}" / f"site-{variant}"
                seconds, cpu_s = build(projects[size].root, config, site)
                times.setdefault((size, variant), []).append(seconds)
                cpu.setdefault((size, variant), []).append(cpu_s)
                progress(
                    f"run {run + 1}/{runs}: {size} pages {variant}: {seconds:.1f} s "
                    f"({cpu_s:.1f} s CPU)"
                )
            ratio = cpu[(size, "full")][-1] / cpu[(size, "plain")][-1]
            progress(f"run {run + 1}/{runs}: {size} pages: CPU ratio full/plain {ratio:.3f}")
    return [summarise(base / f"h{size}", size, times, cpu) for size in sizes]


def summarise(project: Path, size: int, times: dict, cpu: dict) -> dict:
    """One size's row. The ratios are medians of per-round ratios: the full and plain builds
    of one round ran next to each other, so they met the same load on a shared machine."""
    full_t, plain_t = times[(size, "full")], times[(size, "plain")]
    full_c, plain_c = cpu[(size, "full")], cpu[(size, "plain")]
    wall_ratios = [f / p for f, p in zip(full_t, plain_t, strict=True)]
    cpu_ratios = [f / p for f, p in zip(full_c, plain_c, strict=True)]
    site = project / "site-full"
    built = count_pages(site)
    # Equal when plain Material builds every page the full build does.
    plain_built = count_pages(project / "site-plain")
    full_cpu, plain_cpu = statistics.median(full_c), statistics.median(plain_c)
    full = statistics.median(full_t)
    return {
        "pages": size,
        "built_pages": built,
        "plain_built_pages": plain_built,
        "full_s": round(full, 2),
        "plain_s": round(statistics.median(plain_t), 2),
        "ratio": round(statistics.median(wall_ratios), 3),
        "full_cpu_s": round(full_cpu, 2),
        "plain_cpu_s": round(plain_cpu, 2),
        "cpu_ratio": round(statistics.median(cpu_ratios), 3),
        "cpu_ratio_per_page": round(
            statistics.median(cpu_ratios) * plain_built / built if built else 0.0, 3
        ),
        "ms_per_page": round(1000 * full / built, 1),
        "html_kb_per_page": round(html_kb_per_page(site, built), 1),
        "plain_html_kb_per_page": round(html_kb_per_page(project / "site-plain", plain_built), 1),
        "full_runs_s": [round(t, 2) for t in full_t],
        "plain_runs_s": [round(t, 2) for t in plain_t],
        "full_runs_cpu_s": [round(t, 2) for t in full_c],
        "plain_runs_cpu_s": [round(t, 2) for t in plain_c],
        "cpu_ratios": [round(r, 3) for r in cpu_ratios],
        "wall_ratios": [round(r, 3) for r in wall_ratios],
    }


def check_targets(rows: list[dict], freshness: dict) -> list[dict]:
    by_size = {row["pages"]: row for row in rows}

    def target(name: str, value, limit, ok) -> dict:
        status = "n/a" if value is None else ("pass" if ok else "fail")
        return {"target": name, "value": value, "limit": limit, "status": status}

    r1000, r2000 = by_size.get(1000), by_size.get(2000)
    scaling = round(r2000["full_s"] / r1000["full_s"], 3) if r1000 and r2000 else None
    worst_kb = max(row["html_kb_per_page"] for row in rows)
    fresh = freshness["seconds"] if freshness["available"] and freshness["pages"] == 1000 else None
    return [
        target(
            "full/plain CPU ratio at 1,000 pages",
            r1000 and r1000["cpu_ratio"],
            MAX_CPU_RATIO_AT_1000,
            r1000 and r1000["cpu_ratio"] <= MAX_CPU_RATIO_AT_1000,
        ),
        target("2,000 / 1,000 pages build time", scaling, MAX_SCALING_2000,
               scaling is not None and scaling <= MAX_SCALING_2000),
        target("HTML KB per page (largest)", worst_kb, MAX_HTML_KB_PER_PAGE,
               worst_kb <= MAX_HTML_KB_PER_PAGE),
        target("handbook freshness over 1,000 pages (s)", fresh, MAX_FRESHNESS_S,
               fresh is not None and fresh < MAX_FRESHNESS_S),
    ]  # fmt: skip


def measure_cli(project: Path, pages: int, runs: int) -> dict:
    """`handbook freshness` over the project, or `handbook check` when freshness is missing."""
    available = has_command("freshness")
    name = "freshness" if available else "check"
    progress(f"timing `handbook {name}` over {pages} pages")
    root_args = ["--root", str(project), "--today", bench_site.TODAY]
    seconds, code = time_command([PY, "-m", "handbook", name, *root_args], runs)
    return {
        "command": f"handbook {name}",
        "available": available,
        "pages": pages,
        "seconds": round(seconds, 3),
        "exit_code": code,
    }


def format_table(result: dict) -> str:
    lines = [
        "| pages | full build s | plain build s | wall ratio | ms per page | HTML KB per page "
        "| CPU ratio | built pages full/plain | CPU ratio per page |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in result["builds"]:
        lines.append(
            f"| {row['pages']:,} | {row['full_s']:.1f} | {row['plain_s']:.1f} | "
            f"{row['ratio']:.2f} | {row['ms_per_page']:.1f} | {row['html_kb_per_page']:.1f} | "
            f"{row['cpu_ratio']:.2f} | {row['built_pages']:,}/{row['plain_built_pages']:,} | "
            f"{row['cpu_ratio_per_page']:.2f} |"
        )
    lines.append("")
    for row in result["builds"]:
        rounds = ", ".join(f"{r:.3f}" for r in row.get("cpu_ratios", []))
        lines.append(
            f"{row['pages']:,} pages, CPU ratio full/plain per round: {rounds} "
            f"(median {row['cpu_ratio']:.3f}); full CPU s {row.get('full_runs_cpu_s')}, "
            f"plain CPU s {row.get('plain_runs_cpu_s')}"
        )
    fresh = result["freshness"]
    label = "" if fresh["available"] else " (freshness not available; timed `handbook check`)"
    lines += [
        "",
        f"{fresh['command']} over {fresh['pages']:,} pages: {fresh['seconds']:.2f} s{label}",
    ]
    link = result["linkcheck"]
    lines.append(
        f"linkchecker over the built site ({link['pages']:,} pages): {link['seconds']:.1f} s, "
        f"{link['errors']} error(s)"
    )
    machine = result["machine"]
    lines.append(
        f"machine: {machine['cpus']} CPUs, load average {machine['load_start']} at start, "
        f"{machine['load_end']} at end; medians of {result['runs']} run(s)"
    )
    lines += ["", "Targets:"]
    for t in result["targets"]:
        lines.append(f"  [{t['status']:>4}] {t['target']}: {t['value']} (limit {t['limit']})")
    return "\n".join(lines)


def run_benchmark(sizes: list[int], runs: int, out: Path) -> dict:
    started = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    load_start = os.getloadavg()[0]
    macros = defined_macros()
    with tempfile.TemporaryDirectory(prefix="handbook-bench-") as tmp:
        base = Path(tmp)
        rows = bench_sizes(base, sizes, runs, macros)
        # The CLI and linkchecker run on the 1,000-page handbook, or the closest size.
        near = min(sizes, key=lambda s: abs(s - 1000))
        freshness = measure_cli(base / f"h{near}", near, runs)
        progress(f"linkchecker over the {near}-page site")
        link = {"pages": near, **linkcheck(base / f"h{near}" / "site-full")}
    result = {
        "started": started,
        # Load average (1 min) at start and end: on a shared machine, how busy it was.
        "machine": {
            "cpus": os.cpu_count(),
            "python": sys.version.split()[0],
            "load_start": round(load_start, 2),
            "load_end": round(os.getloadavg()[0], 2),
        },
        "runs": runs,
        "macros_used": sorted(c.name for c in bench_site.MACRO_CALLS if c.name in macros),
        "builds": rows,
        "freshness": freshness,
        "linkcheck": link,
    }
    result["targets"] = check_targets(rows, freshness)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return result


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", help="page counts, comma-separated (default 250,500,1000,2000)")
    parser.add_argument("--runs", type=int, help="builds per size and variant (default 3)")
    parser.add_argument("--quick", action="store_true", help="smoke mode: 30 pages, 1 run")
    parser.add_argument("--enforce", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--out", type=Path, default=ROOT / "bench-output" / "bench.json")
    parser.add_argument(
        "--profile",
        type=int,
        nargs="?",
        const=1000,
        metavar="N",
        help="profile one full build of N pages (default 1,000): our hooks' and macros' share",
    )
    parser.add_argument("--serve", type=int, metavar="N", help="time `mkdocs serve` edits at N")
    parser.add_argument(
        "--search",
        type=int,
        metavar="N",
        help="Pagefind search at N pages: HTML per page, first visit and query bytes (Chromium)",
    )
    parser.add_argument(
        "--generate",
        type=Path,
        metavar="DIR",
        help="only write the handbook of the first size, with both configs, into DIR (new)",
    )
    args = parser.parse_args(argv)
    default_sizes = "30" if args.quick else "250,500,1000,2000"
    args.sizes = [int(s) for s in (args.sizes or default_sizes).split(",")]
    args.runs = args.runs or (1 if args.quick else 3)
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.profile:
        import bench_profile

        return bench_profile.main(args.profile, defined_macros(), args.out.parent)
    if args.generate:
        prepare(args.generate, args.sizes[0], defined_macros())
        print(f"{args.generate}: mkdocs.yml (full) and mkdocs-plain.yml (plain Material)")
        return 0
    if args.search:
        import bench_search

        return bench_search.main(args.search, defined_macros(), args.out.parent)
    if args.serve:
        import bench_serve

        return bench_serve.main(args.serve, defined_macros(), args.out.parent)
    result = run_benchmark(args.sizes, args.runs, args.out)
    print(format_table(result))
    print(f"\nwritten: {args.out}")
    missed = [t for t in result["targets"] if t["status"] == "fail"]
    return 1 if args.enforce and missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
