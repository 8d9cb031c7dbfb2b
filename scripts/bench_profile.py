"""Profile one full build of a generated handbook with cProfile (`scripts/bench.py --profile N`).

Prints the functions with the most own time, and what the project's code (hooks/, handbook/)
and the macros plugin cost in total, so the share our code adds is plain to see.
"""

from __future__ import annotations

import pstats
import subprocess
import tempfile
import time
from pathlib import Path

import bench_site
from bench import ENV, PY, progress

# Entry points through which MkDocs calls our code (every hook event, and the macros module);
# their cumulative time is what we add.


def _where(func: tuple[str, int, str]) -> str:
    file, line, name = func
    parts = Path(file).parts
    short = "/".join(parts[-2:]) if len(parts) > 1 else file
    return f"{short}:{line}({name})"


def ours(func: tuple[str, int, str]) -> bool:
    file, _line, name = func
    hook = "/handbook/mkdocs/" in file and name.startswith("on_")
    return hook or (file.endswith("handbook/mkdocs/macros.py") and name == "define_env")


# Where the rest of a build goes (largest cumulative entry of each; they overlap a little).
PARTS = [
    (
        "Markdown (Page.render)",
        lambda f: f[0].endswith("mkdocs/structure/pages.py") and f[2] == "render",
    ),
    (
        "creating a Markdown parser",
        lambda f: f[0].endswith("markdown/core.py") and f[2] == "__init__",
    ),
    (
        "page templates (Material's main.html, the nav included)",
        lambda f: f[0].endswith("/main.html") and f[2] == "root",
    ),
    (
        "the nav in each page (Material's partials/nav.html)",
        lambda f: f[0].endswith("partials/nav.html") and f[2] == "root",
    ),
    (
        "search index (search plugin on_page_context)",
        lambda f: "plugins/search/plugin.py" in f[0] and f[2] == "on_page_context",
    ),
    (
        "search index written (search plugin on_post_build)",
        lambda f: "plugins/search/plugin.py" in f[0] and f[2] == "on_post_build",
    ),
]


def summary(stats: pstats.Stats, top: int = 25) -> str:
    entries = stats.stats  # type: ignore[attr-defined]
    total = max(cum for (_cc, _nc, _tt, cum, _callers) in entries.values())
    lines = [f"total (under cProfile): {total:.2f} s", "", "our code, cumulative:"]
    macros = [
        (func, row)
        for func, row in entries.items()
        if "mkdocs_macros/plugin.py" in func[0] and func[2] == "on_page_markdown"
    ]
    hooks = [(func, row) for func, row in entries.items() if ours(func)]
    ranked = sorted([*hooks, *macros], key=lambda e: -e[1][3])
    for func, (_cc, calls, _tt, cum, _callers) in ranked:
        lines.append(f"  {cum:7.2f} s {100 * cum / total:5.1f}%  {calls:6d} calls  {_where(func)}")
    # Hook events do not call one another, so their cumulative times add up.
    ours_total = sum(row[3] for _func, row in ranked)
    lines.append(
        f"  {ours_total:7.2f} s {100 * ours_total / total:5.1f}%  in all (hooks, macros plugin)"
    )
    lines += ["", "the build's main parts, cumulative:"]
    for label, match in PARTS:
        cum = max((row[3] for func, row in entries.items() if match(func)), default=0.0)
        lines.append(f"  {cum:7.2f} s {100 * cum / total:5.1f}%  {label}")
    lines += ["", f"top {top} by own time:"]
    for func, (_cc, calls, tt, cum, _callers) in sorted(entries.items(), key=lambda e: -e[1][2])[
        :top
    ]:
        lines.append(f"  {tt:7.2f} s own {cum:7.2f} s cum {calls:8d} calls  {_where(func)}")
    return "\n".join(lines)


def main(pages: int, macros: set[str], out_dir: Path) -> int:
    with tempfile.TemporaryDirectory(prefix="handbook-profile-") as tmp:
        project = bench_site.generate(Path(tmp) / "h", pages, macros).root
        out_dir.mkdir(parents=True, exist_ok=True)
        prof = out_dir / f"build-{pages}.prof"
        progress(f"profiling a full build of {pages} pages")
        cmd = [PY, "-m", "cProfile", "-o", str(prof), "-m", "mkdocs", "build", "--strict"]
        start = time.perf_counter()
        subprocess.run(
            [*cmd, "-f", str(project / "mkdocs.yml"), "-d", str(Path(tmp) / "site")],
            check=True,
            capture_output=True,
            env=ENV,
            cwd=project,
        )
        progress(f"profiled build took {time.perf_counter() - start:.1f} s")
        print(summary(pstats.Stats(str(prof))))
        print(f"\nfull profile: {prof} (python -m pstats {prof.name})")
    return 0
