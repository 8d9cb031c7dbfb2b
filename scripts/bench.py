"""Build-speed benchmark: the handbook's full configuration against plain Material and Zensical.

Usage: python scripts/bench.py [--sizes 250,500,1000,2000] [--runs 3] [--quick] [--enforce]
                               [--out bench-output/bench.json] [--profile [N]] [--serve N]
                               [--search N] [--no-zensical] [--zensical PATH]
                               [--generate DIR]

Generates synthetic handbooks (scripts/bench_site.py) in a temp folder, builds each with the
project's full configuration, with plain Material (same theme and extensions, no hooks or
macros) and with Zensical over that plain config, all three building the same pages: every
page as one full build beforehand makes it (macros rendered, the pages our hooks generate
filled in), exported as static markdown (scripts/bench_export.py). Builds are interleaved,
their order rotated each round; it reports the per-round CPU ratios, their medians, the targets
and whether each is met. Zensical is the one in this Python's environment (pinned in
requirements.txt); without it the benchmark runs full and plain only and says why.
Progress goes to stderr; the table to stdout; the same numbers to JSON. Exit code is non-zero
on a missed target only with --enforce (a shared machine's timings are too noisy for CI).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import bench_site

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1", HANDBOOK_TODAY=bench_site.TODAY)

# The zensical command of this Python's environment (requirements.txt pins it).
ZENSICAL = Path(sys.executable).parent / "zensical"
# Every round builds each size with each of these, in a rotated order.
BUILDERS = ("full", "plain", "zensical")
LABELS = {"full": "full", "plain": "plain", "zensical": "Zensical"}

# Targets (held here, never in timed tests). The build ratios are CPU time, full over plain
# Material and full over Zensical, each the median of per-round ratios: CPU time moves less
# than wall time under load.
MAX_CPU_RATIO_AT_1000 = 0.80
MAX_CPU_RATIO_ZENSICAL_AT_1000 = 1.00
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


def timed(cmd: list[str], project: Path) -> tuple[float, float]:
    """Wall and CPU seconds of one build command run in `project`; a failed build stops the
    benchmark.

    CPU time moves less than wall time when other people's builds share the machine. It is the
    children's rusage, so every thread and process of the build counts, whichever engine.
    """
    cpu = _children_cpu()
    start = time.perf_counter()
    result = subprocess.run(cmd, capture_output=True, text=True, env=ENV, cwd=project)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        tail = "\n".join((result.stdout + result.stderr).splitlines()[-30:])
        raise SystemExit(f"bench: `{shlex.join(cmd)}` failed in {project}:\n{tail}")
    return elapsed, _children_cpu() - cpu


def mkdocs_command(project: Path, config: str, site: Path) -> list[str]:
    config_file, site_dir = str(project / config), str(site)
    return [PY, "-m", "mkdocs", "build", "--strict", "--clean", "-f", config_file, "-d", site_dir]


def build(project: Path, config: str, site: Path) -> tuple[float, float]:
    """Wall and CPU seconds of one strict MkDocs build of `config` into `site`."""
    return timed(mkdocs_command(project, config, site), project)


def site_of(project: Path, builder: str) -> Path:
    return project / f"site-{builder}"


def builder_command(builder: str, project: Path, zensical: Path) -> list[str]:
    """The command line of one of BUILDERS over a prepared handbook."""
    if builder == "zensical":
        # --clean empties Zensical's build cache (.cache/ in the project), so every round
        # builds every page, as `mkdocs build` does; the site dir is in its config.
        config = str(project / bench_site.ZENSICAL_CONFIG)
        return [str(zensical), "build", "--strict", "--clean", "-f", config]
    config = "mkdocs.yml" if builder == "full" else bench_site.PLAIN_CONFIG
    return mkdocs_command(project, config, site_of(project, builder))


class Unavailable(Exception):
    """Why a builder cannot run on this machine; the benchmark goes on without it."""


def zensical_version(exe: Path) -> str:
    """The version `exe --version` prints; raises Unavailable saying why it cannot run."""
    if not exe.is_file():
        raise Unavailable(
            f"{exe} not found (requirements.txt pins zensical: `make install` installs it)"
        )
    try:
        result = subprocess.run([str(exe), "--version"], capture_output=True, text=True)
    except OSError as exc:
        raise Unavailable(f"{exe} does not run: {exc}") from None
    if result.returncode != 0:
        last = (result.stderr.strip().splitlines() or ["no output"])[-1]
        raise Unavailable(f"`{exe} --version` exited with {result.returncode}: {last}")
    return result.stdout.strip()


def zensical_status(exe: Path, skip: bool) -> dict:
    """Whether Zensical runs in this benchmark, which one, and if not, why not."""
    exe = Path(os.path.abspath(exe))  # the builds run in the generated handbook's folder
    status: dict = {"available": False, "path": str(exe), "version": None, "reason": None}
    if skip:
        return {**status, "reason": "skipped (--no-zensical)"}
    try:
        return {**status, "available": True, "version": zensical_version(exe)}
    except Unavailable as why:
        return {**status, "reason": str(why)}


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
    """A generated handbook in `dest` with its configs: mkdocs.yml, mkdocs-plain.yml and
    mkdocs-zensical.yml."""
    progress(f"generating {size} pages")
    handbook = bench_site.generate(dest, size, macros)
    progress(f"exporting the {size}-page handbook's pages as the full build makes them")
    build(handbook.root, bench_site.EXPORT_CONFIG, dest / "site-export")
    bench_site.write_plain_variant(handbook.root)
    return handbook


def rotated(builders: Sequence[str], round_index: int) -> list[str]:
    """The builders in one round's order: each round starts one later, so over as many rounds
    as builders each goes first once, and none always meets a cache another one warmed."""
    k = round_index % len(builders)
    return [*builders[k:], *builders[:k]]


def bench_sizes(
    base: Path,
    sizes: list[int],
    runs: int,
    macros: set[str],
    builders: Sequence[str],
    zensical: Path,
) -> list[dict]:
    projects = {size: prepare(base / f"h{size}", size, macros) for size in sizes}
    times: dict[tuple[int, str], list[float]] = {}
    cpu: dict[tuple[int, str], list[float]] = {}
    loads: dict[int, list[float]] = {}
    for run in range(runs):
        for size in sizes:
            # The 1-minute load average as the round starts: how busy the shared machine was.
            loads.setdefault(size, []).append(round(os.getloadavg()[0], 2))
            for builder in rotated(builders, run):
                project = projects[size].root
                command = builder_command(builder, project, zensical)
                seconds, cpu_s = timed(command, project)
                times.setdefault((size, builder), []).append(seconds)
                cpu.setdefault((size, builder), []).append(cpu_s)
                progress(
                    f"run {run + 1}/{runs}: {size} pages {builder}: {seconds:.1f} s "
                    f"({cpu_s:.1f} s CPU)"
                )
            ratios = ", ".join(
                f"full/{LABELS[b]} {cpu[(size, 'full')][-1] / cpu[(size, b)][-1]:.3f}"
                for b in builders
                if b != "full"
            )
            progress(
                f"run {run + 1}/{runs}: {size} pages: CPU ratio {ratios} "
                f"(load average {loads[size][-1]:.1f} at the round's start)"
            )
    return [summarise(base / f"h{size}", size, times, cpu, loads[size]) for size in sizes]


def _median_ratio(ratios: list[float]) -> float:
    return round(statistics.median(ratios), 3)


def summarise(project: Path, size: int, times: dict, cpu: dict, loads: list[float]) -> dict:
    """One size's row. The ratios are medians of per-round ratios: the builds of one round ran
    next to each other, so they met the same load on a shared machine. Zensical's keys are
    None when it did not run."""
    full_t, plain_t = times[(size, "full")], times[(size, "plain")]
    full_c, plain_c = cpu[(size, "full")], cpu[(size, "plain")]
    wall_ratios = [f / p for f, p in zip(full_t, plain_t, strict=True)]
    cpu_ratios = [f / p for f, p in zip(full_c, plain_c, strict=True)]
    site = site_of(project, "full")
    built = count_pages(site)
    # Equal when plain Material (and Zensical) build every page the full build does.
    plain_built = count_pages(site_of(project, "plain"))
    full = statistics.median(full_t)
    row = {
        "pages": size,
        "built_pages": built,
        "plain_built_pages": plain_built,
        "full_s": round(full, 2),
        "plain_s": round(statistics.median(plain_t), 2),
        "ratio": _median_ratio(wall_ratios),
        "full_cpu_s": round(statistics.median(full_c), 2),
        "plain_cpu_s": round(statistics.median(plain_c), 2),
        "cpu_ratio": _median_ratio(cpu_ratios),
        "cpu_ratio_per_page": round(
            statistics.median(cpu_ratios) * plain_built / built if built else 0.0, 3
        ),
        "ms_per_page": round(1000 * full / built, 1),
        "html_kb_per_page": round(html_kb_per_page(site, built), 1),
        "plain_html_kb_per_page": round(
            html_kb_per_page(site_of(project, "plain"), plain_built), 1
        ),
        "full_runs_s": [round(t, 2) for t in full_t],
        "plain_runs_s": [round(t, 2) for t in plain_t],
        "full_runs_cpu_s": [round(t, 2) for t in full_c],
        "plain_runs_cpu_s": [round(t, 2) for t in plain_c],
        "cpu_ratios": [round(r, 3) for r in cpu_ratios],
        "wall_ratios": [round(r, 3) for r in wall_ratios],
        "load_per_round": loads,
    }
    return {**row, **summarise_zensical(project, size, times, cpu, full_c)}


def summarise_zensical(
    project: Path, size: int, times: dict, cpu: dict, full_c: list[float]
) -> dict:
    zensical_t, zensical_c = times.get((size, "zensical")), cpu.get((size, "zensical"))
    if not zensical_t or not zensical_c:
        keys = ("built_pages", "s", "cpu_s", "html_kb_per_page", "runs_s", "runs_cpu_s")
        return {f"zensical_{k}": None for k in keys} | {
            "cpu_ratio_zensical": None,
            "cpu_ratios_zensical": None,
        }
    site = project / bench_site.ZENSICAL_SITE
    built = count_pages(site)
    ratios = [f / z for f, z in zip(full_c, zensical_c, strict=True)]
    return {
        "zensical_built_pages": built,
        "zensical_s": round(statistics.median(zensical_t), 2),
        "zensical_cpu_s": round(statistics.median(zensical_c), 2),
        "zensical_html_kb_per_page": round(html_kb_per_page(site, built), 1),
        "zensical_runs_s": [round(t, 2) for t in zensical_t],
        "zensical_runs_cpu_s": [round(t, 2) for t in zensical_c],
        "cpu_ratio_zensical": _median_ratio(ratios),
        "cpu_ratios_zensical": [round(r, 3) for r in ratios],
    }


def check_targets(rows: list[dict], freshness: dict) -> list[dict]:
    by_size = {row["pages"]: row for row in rows}

    def target(name: str, value, limit, ok) -> dict:
        status = "n/a" if value is None else ("pass" if ok else "fail")
        return {"target": name, "value": value, "limit": limit, "status": status}

    r1000, r2000 = by_size.get(1000), by_size.get(2000)
    scaling = round(r2000["full_s"] / r1000["full_s"], 3) if r1000 and r2000 else None
    # n/a when Zensical did not run (not installed, or --no-zensical).
    zensical = r1000.get("cpu_ratio_zensical") if r1000 else None
    worst_kb = max(row["html_kb_per_page"] for row in rows)
    fresh = freshness["seconds"] if freshness["available"] and freshness["pages"] == 1000 else None
    return [
        target(
            "full/plain CPU ratio at 1,000 pages",
            r1000 and r1000["cpu_ratio"],
            MAX_CPU_RATIO_AT_1000,
            r1000 and r1000["cpu_ratio"] <= MAX_CPU_RATIO_AT_1000,
        ),
        target("full/Zensical CPU ratio at 1,000 pages", zensical, MAX_CPU_RATIO_ZENSICAL_AT_1000,
               zensical is not None and zensical <= MAX_CPU_RATIO_ZENSICAL_AT_1000),
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


def _n(value: float | int | None, spec: str) -> str:
    return "n/a" if value is None else format(value, spec)


def _rounds(ratios: list[float] | None) -> str:
    return ", ".join(f"{r:.3f}" for r in ratios or [])


def format_table(result: dict) -> str:
    lines = [
        "| pages | full build s | plain build s | Zensical build s | wall ratio | ms per page "
        "| HTML KB per page | CPU ratio full/plain | CPU ratio full/Zensical "
        "| built pages full/plain/Zensical | CPU ratio per page |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in result["builds"]:
        built = f"{row['built_pages']:,}/{row['plain_built_pages']:,}/"
        lines.append(
            f"| {row['pages']:,} | {row['full_s']:.1f} | {row['plain_s']:.1f} | "
            f"{_n(row.get('zensical_s'), '.1f')} | {row['ratio']:.2f} | "
            f"{row['ms_per_page']:.1f} | {row['html_kb_per_page']:.1f} | "
            f"{row['cpu_ratio']:.2f} | {_n(row.get('cpu_ratio_zensical'), '.2f')} | "
            f"{built}{_n(row.get('zensical_built_pages'), ',')} | "
            f"{row['cpu_ratio_per_page']:.2f} |"
        )
    lines.append("")
    for row in result["builds"]:
        lines.append(
            f"{row['pages']:,} pages, CPU ratio full/plain per round: "
            f"{_rounds(row.get('cpu_ratios'))} (median {row['cpu_ratio']:.3f})"
        )
        if row.get("cpu_ratios_zensical"):
            lines.append(
                f"{row['pages']:,} pages, CPU ratio full/Zensical per round: "
                f"{_rounds(row['cpu_ratios_zensical'])} "
                f"(median {row['cpu_ratio_zensical']:.3f})"
            )
        lines.append(
            f"  CPU s per round: full {row.get('full_runs_cpu_s')}, "
            f"plain {row.get('plain_runs_cpu_s')}, Zensical {row.get('zensical_runs_cpu_s')}; "
            f"load average at each round's start {row.get('load_per_round')}"
        )
    zensical = result["zensical"]
    if zensical["available"]:
        lines.append(f"Zensical {zensical['version']} ({zensical['path']}) built the plain config")
    else:
        lines.append(f"Zensical not run: {zensical['reason']}")
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


def run_benchmark(sizes: list[int], runs: int, out: Path, zensical: dict) -> dict:
    started = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    load_start = os.getloadavg()[0]
    macros = defined_macros()
    builders = [b for b in BUILDERS if b != "zensical" or zensical["available"]]
    if not zensical["available"]:
        progress(f"Zensical not run: {zensical['reason']}; building full and plain only")
    with tempfile.TemporaryDirectory(prefix="handbook-bench-") as tmp:
        base = Path(tmp)
        rows = bench_sizes(base, sizes, runs, macros, builders, Path(zensical["path"]))
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
        "builders": builders,
        "zensical": zensical,
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
    parser.add_argument("--runs", type=int, help="builds per size and builder (default 3)")
    parser.add_argument("--quick", action="store_true", help="smoke mode: 30 pages, 1 run")
    parser.add_argument("--enforce", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument(
        "--no-zensical", action="store_true", help="build with full and plain Material only"
    )
    parser.add_argument(
        "--zensical",
        type=Path,
        default=ZENSICAL,
        metavar="PATH",
        help="the zensical command (default: the one beside this Python)",
    )
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
        help="only write the handbook of the first size, with its configs, into DIR (new)",
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
        print(
            f"{args.generate}: mkdocs.yml (full), {bench_site.PLAIN_CONFIG} (plain Material) and "
            f"{bench_site.ZENSICAL_CONFIG} (the plain config for Zensical)"
        )
        return 0
    if args.search:
        import bench_search

        return bench_search.main(args.search, defined_macros(), args.out.parent)
    if args.serve:
        import bench_serve

        return bench_serve.main(args.serve, defined_macros(), args.out.parent)
    zensical = zensical_status(args.zensical, args.no_zensical)
    result = run_benchmark(args.sizes, args.runs, args.out, zensical)
    print(format_table(result))
    print(f"\nwritten: {args.out}")
    missed = [t for t in result["targets"] if t["status"] == "fail"]
    return 1 if args.enforce and missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
