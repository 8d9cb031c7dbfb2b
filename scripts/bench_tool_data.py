"""How much the tool-stack feature adds to a full strict build of the handbook.

Builds three copies of the project, interleaved, several times each, and prints the medians:

- with:   the project as it is (tool data, tool hook, tool macros, generated tool pages);
- static: the same output written as plain markdown (tool pages and macro output pasted in),
          with no tool data, hook or macro call: the cost of driving those pages from data;
- none:   no tool feature at all: no data, no hook, no generated pages, no macro calls.

On a shared machine the A/B medians move by several percent from run to run, so the "with"
builds are also timed from the inside: a copy of hooks/tool_pages.py with timers around the
hook, the tool macros, the loading of tools.yml and roles.yml and the tool cross-checks
reports the CPU seconds spent in tool code, as a share of the same build's CPU time.

Usage: python scripts/bench_tool_data.py [--runs 7] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COPY = ("docs", "data", "hooks", "templates", "overrides", "mkdocs.yml")
TOOL_MACRO = re.compile(
    r"\{\{\s*(tool_catalogue|tool_card|tool_radar|integration_map|tool_overlaps|tool_renewals"
    r"|tool_spend|tools_for_role|people_to_meet)\(.*?\)\s*\}\}"
)
DUMP_HOOK = """
import os
from pathlib import Path

from mkdocs.plugins import event_priority

from handbook.frontmatter import split


@event_priority(-100)
def on_page_markdown(markdown, page, config, files):
    front, _ = split(page.file.content_string)
    if front is not None:
        front = front.replace("render_macros: true", "render_macros: false")
        markdown = "---\\n" + front + "---\\n\\n" + markdown
    out = Path(os.environ["BENCH_DUMP"]) / page.file.src_uri
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(markdown, encoding="utf-8")
    return None
"""


# Appended to the "with" copy of hooks/tool_pages.py: timers around every piece of tool code.
TIMERS = """

# --- benchmark timers (scripts/bench_tool_data.py) ---
import functools as _functools
import os as _os
import time as _time

import handbook.data as _data
import handbook.tool_checks as _tool_checks
import handbook.tool_macros as _tool_macros
import handbook.validate as _validate

_SPENT = [0.0]


def _timed(fn, only=None):
    @_functools.wraps(fn)
    def wrapper(*args, **kwargs):
        if only is not None and not only(*args):
            return fn(*args, **kwargs)
        start = _time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            _SPENT[0] += _time.process_time() - start

    return wrapper


for _name in ("on_config", "on_files", "on_page_markdown", "on_page_context"):
    globals()[_name] = _timed(globals()[_name])
_data.load_file = _timed(_data.load_file, lambda path, *_: path.name in ("tools.yml", "roles.yml"))
_validate.CROSS_CHECKS[:] = [
    _timed(c) if getattr(c, "__module__", "") == _tool_checks.__name__ else c
    for c in _validate.CROSS_CHECKS
]
_register = _tool_macros.register


def _register_timed(env, handbook):
    macro = env.macro
    env.macro = lambda fn, *a, **k: macro(_timed(fn), *a, **k)
    try:
        _register(env, handbook)
    finally:
        env.macro = macro


_tool_macros.register = _register_timed


def on_post_build(config):
    with open(_os.environ["BENCH_TIMES"], "a") as out:
        out.write(f"{_SPENT[0]}\\n")
"""


def copy_project(dest: Path) -> Path:
    dest.mkdir(parents=True)
    for name in COPY:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name)
        elif src.is_file():
            shutil.copy2(src, dest / name)
    (dest / "handbook").mkdir()  # watched by mkdocs.yml; the code is the installed package
    return dest


def env(**extra: str) -> dict[str, str]:
    return dict(os.environ, NO_MKDOCS_2_WARNING="1", HANDBOOK_TODAY="2026-11-21", **extra)


def build(project: Path, **extra: str) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one strict build. CPU time (user + system of the build
    process) is the steadier figure on a shared machine, where wall time swings with load."""
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-q"]
    cmd += ["-f", str(project / "mkdocs.yml"), "-d", str(project / "site")]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(cmd, capture_output=True, text=True, env=env(**extra))
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode:
        raise SystemExit(f"build of {project} failed:\n{result.stdout}{result.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def without_tool_feature(project: Path) -> None:
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - hooks/tool_pages.py\n", ""))
    (project / "hooks" / "tool_pages.py").unlink()
    for name in ("tools.yml", "roles.yml"):
        (project / "data" / name).unlink(missing_ok=True)


def make_static(project: Path, dump: Path, generated: list[str]) -> None:
    """Paste the rendered markdown of every page that used a tool macro, and the tool pages."""
    without_tool_feature(project)
    for page in sorted(dump.rglob("*.md")):
        src_uri = page.relative_to(dump).as_posix()
        target = project / "docs" / src_uri
        original = target.read_text(encoding="utf-8") if target.exists() else ""
        if src_uri in generated or TOOL_MACRO.search(original):
            target.write_text(page.read_text(encoding="utf-8"), encoding="utf-8")
    config = project / "mkdocs.yml"
    entries = "".join(f"      - {src_uri}\n" for src_uri in generated)
    text = config.read_text()
    anchor = "      - tools/index.md\n"
    config.write_text(text.replace(anchor, anchor + entries, 1))


def make_none(project: Path) -> None:
    without_tool_feature(project)
    for page in (project / "docs").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        if TOOL_MACRO.search(text):
            page.write_text(TOOL_MACRO.sub("", text), encoding="utf-8")


def prepare(base: Path) -> tuple[dict[str, Path], Path, list[str]]:
    """The three variants, the timed copy of "with", and the generated tool pages."""
    with_ = copy_project(base / "with")
    dump = base / "dump"
    # One build of the real thing with a hook that records every page's rendered markdown.
    (with_ / "hooks" / "bench_dump.py").write_text(DUMP_HOOK)
    config = with_ / "mkdocs.yml"
    original = config.read_text()
    hooks = "  - hooks/tool_pages.py\n"
    config.write_text(original.replace(hooks, hooks + "  - hooks/bench_dump.py\n"))
    build(with_, BENCH_DUMP=str(dump))
    config.write_text(original)
    (with_ / "hooks" / "bench_dump.py").unlink()
    generated = sorted(
        p.relative_to(dump).as_posix()
        for p in (dump / "tools").glob("*.md")
        if not (ROOT / "docs" / p.relative_to(dump)).exists()
    )
    static = copy_project(base / "static")
    make_static(static, dump, generated)
    none = copy_project(base / "none")
    make_none(none)
    timed = copy_project(base / "timed")
    with (timed / "hooks" / "tool_pages.py").open("a") as hook:
        hook.write(TIMERS)
    return {"with": with_, "static": static, "none": none}, timed, generated


def compare(variants: dict[str, Path], runs: int) -> dict[str, list[tuple[float, float]]]:
    """(wall, CPU) of each build, variants interleaved and their order rotated each round."""
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in variants}
    for project in variants.values():  # warm-up: file caches, bytecode, Jinja's cache
        build(project)
    names = list(variants)
    for run in range(runs):
        for name in names[run % len(names) :] + names[: run % len(names)]:
            times[name].append(build(variants[name]))
    return times


def inside(timed: Path, runs: int, timings: Path) -> tuple[list[float], list[float]]:
    """CPU seconds in tool code per build, and their share of each build's CPU time."""
    build(timed, BENCH_TIMES=str(timings))  # warm-up
    timings.write_text("")
    shares = []
    for _ in range(runs):
        _wall, cpu = build(timed, BENCH_TIMES=str(timings))
        shares.append(float(timings.read_text().split()[-1]) / cpu)
    return [float(x) for x in timings.read_text().split()], shares


def report(variants, times, generated, spent, shares, runs: int) -> None:
    med = statistics.median
    print(f"{runs} interleaved strict builds per variant")
    for name, project in variants.items():
        pages = len(list((project / "site").rglob("index.html")))
        walls, cpus = zip(*times[name], strict=True)
        print(
            f"  {name:<7} {pages:>3} pages  median CPU {med(cpus):.3f} s  wall {med(walls):.3f} s"
            f"  (CPU runs: {' '.join(f'{t:.2f}' for t in cpus)})"
        )
    for label, index in (("CPU", 1), ("wall", 0)):
        with_, static, none = ([t[index] for t in times[n]] for n in ("with", "static", "none"))
        print(
            f"{label}: with/static (tool data vs the same pages written by hand) "
            f"{med(with_) / med(static) - 1:+.1%}; with/none (whole feature incl. "
            f"{len(generated)} generated pages) {med(with_) / med(none) - 1:+.1%}"
        )
    print(
        f"inside the builds with the tool feature: {med(spent) * 1000:.0f} ms CPU in tool code "
        f"per build (median), {med(shares):.1%} of the build's CPU time "
        f"(runs: {' '.join(f'{x:.1%}' for x in shares)})"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="build the copies here and keep them")
    args = parser.parse_args()
    base = args.keep or Path(tempfile.mkdtemp(prefix="bench-tools-"))
    variants, timed, generated = prepare(base)
    times = compare(variants, args.runs)
    spent, shares = inside(timed, args.runs, base / "tool-seconds.txt")
    report(variants, times, generated, spent, shares, args.runs)
    if not args.keep:
        shutil.rmtree(base)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
