"""How much the tool-stack feature adds to a full strict build of the handbook.

Builds three copies of the project, interleaved, several times each, and prints the medians:

- with:   the project as it is (tool data, tool hook, tool macros, generated tool pages);
- static: the same output written as plain markdown (tool pages and macro output pasted in),
          with no tool data, hook or macro call: the cost of driving those pages from data;
- none:   no tool feature at all: no data, no hook, no generated pages, no macro calls.

Usage: python scripts/bench_tool_data.py [--runs 7] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import re
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


def build(project: Path, **extra: str) -> float:
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-q"]
    cmd += ["-f", str(project / "mkdocs.yml"), "-d", str(project / "site")]
    start = time.perf_counter()
    result = subprocess.run(cmd, capture_output=True, text=True, env=env(**extra))
    elapsed = time.perf_counter() - start
    if result.returncode:
        raise SystemExit(f"build of {project} failed:\n{result.stdout}{result.stderr}")
    return elapsed


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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="build the copies here and keep them")
    args = parser.parse_args()
    base = args.keep or Path(tempfile.mkdtemp(prefix="bench-tools-"))
    with_ = copy_project(base / "with")
    dump = base / "dump"
    # One build of the real thing, recording the markdown of every page as rendered.
    (with_ / "hooks" / "bench_dump.py").write_text(DUMP_HOOK)
    config = with_ / "mkdocs.yml"
    original = config.read_text()
    config.write_text(
        original.replace(
            "  - hooks/tool_pages.py\n", "  - hooks/tool_pages.py\n  - hooks/bench_dump.py\n"
        )
    )
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

    variants = {"with": with_, "static": static, "none": none}
    times: dict[str, list[float]] = {name: [] for name in variants}
    for project in variants.values():  # warm-up: caches, bytecode
        build(project)
    for run in range(args.runs):
        order = list(variants)[run % 3 :] + list(variants)[: run % 3]  # rotate the order
        for name in order:
            times[name].append(build(variants[name]))
    medians = {name: statistics.median(values) for name, values in times.items()}
    pages = {name: len(list((p / "site").rglob("index.html"))) for name, p in variants.items()}
    print(f"{args.runs} interleaved strict builds per variant ({base})")
    for name in variants:
        runs = " ".join(f"{t:.2f}" for t in times[name])
        print(f"  {name:<7} median {medians[name]:.3f} s  pages {pages[name]:>3}  runs: {runs}")
    data_cost = medians["with"] / medians["static"] - 1
    feature_cost = medians["with"] / medians["none"] - 1
    print(f"tool data vs the same pages written by hand (with/static): {data_cost:+.1%}")
    print(
        f"whole tool feature incl. {len(generated)} generated pages (with/none): "
        f"{feature_cost:+.1%}"
    )
    if not args.keep:
        shutil.rmtree(base)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
