"""Edit-to-browser latency under `mkdocs serve` (`scripts/bench.py --serve N`).

Starts `mkdocs serve` on a generated handbook of N pages (as `make serve` does, and with
--dirty as `make serve-fast` does), waits until it serves, appends a line to one page and polls
that page over HTTP until the line appears. The time from the write to the first response that
shows it is what a reader with the page open waits (livereload reloads once the build is done).
"""

from __future__ import annotations

import json
import socket
import statistics
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import bench_site
from bench import ENV, MAX_SERVE_EDIT_S, PY, progress

MODES = {"serve": [], "serve --dirty": ["--dirty"]}
EDITS = 3
READY_TIMEOUT_S = 600
EDIT_TIMEOUT_S = 180


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, OSError):
        return None


def wait_for(url: str, text: str, timeout: float, proc: subprocess.Popen) -> float:
    """Seconds until `url` serves a body containing `text`."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if proc.poll() is not None:
            raise SystemExit(f"bench: mkdocs serve exited with {proc.returncode}")
        body = fetch(url)
        if body is not None and text in body:
            return time.perf_counter() - start
        time.sleep(0.05)
    raise SystemExit(f"bench: {url} did not show {text!r} within {timeout:.0f} s")


def measure_mode(project: Path, page: bench_site.PageSpec, flags: list[str], log: Path) -> dict:
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    url = base + page.src.removesuffix(".md") + "/"
    cmd = [PY, "-m", "mkdocs", "serve", "--livereload", "--dev-addr", f"127.0.0.1:{port}"]
    with log.open("w") as out:
        proc = subprocess.Popen([*cmd, *flags], cwd=project, env=ENV, stdout=out, stderr=out)
        try:
            ready = wait_for(url, page.title, READY_TIMEOUT_S, proc)
            progress(f"serve {' '.join(flags) or '(default)'} ready after {ready:.1f} s")
            path = project / "docs" / page.src
            latencies = []
            for i in range(EDITS):
                time.sleep(2)  # let the watcher settle after the previous build
                marker = f"Edit marker {port}-{i}"
                with path.open("a", encoding="utf-8") as f:
                    f.write(f"\n{marker}\n")
                latencies.append(wait_for(url, marker, EDIT_TIMEOUT_S, proc))
                progress(f"  edit {i + 1}/{EDITS}: {latencies[-1]:.2f} s")
            # A dirty rebuild writes the search index from the rebuilt pages only.
            index = json.loads(fetch(base + "search/search_index.json") or "{}")
            search_docs = len({d["location"].split("#")[0] for d in index.get("docs", [])})
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    return {
        "startup_s": round(ready, 2),
        "edit_s": [round(t, 2) for t in latencies],
        "median_edit_s": round(statistics.median(latencies), 2),
        "search_pages_after_edit": search_docs,
    }


def main(pages: int, macros: set[str], out_dir: Path) -> int:
    with tempfile.TemporaryDirectory(prefix="handbook-serve-") as tmp:
        handbook = bench_site.generate(Path(tmp) / "h", pages, macros)
        page = handbook.pages[len(handbook.pages) // 2]
        results = {}
        for name, flags in MODES.items():
            progress(f"starting `mkdocs {name}` on {pages} pages")
            results[name] = measure_mode(handbook.root, page, flags, Path(tmp) / "serve.log")
    dirty = results["serve --dirty"]["median_edit_s"]
    status = "pass" if dirty < MAX_SERVE_EDIT_S else "fail"
    target = {"target": "edit under `mkdocs serve --dirty`", "value": dirty,
              "limit": MAX_SERVE_EDIT_S, "status": status}  # fmt: skip
    result = {"pages": pages, "modes": results, "target": target}
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "serve.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    for name, row in results.items():
        print(
            f"mkdocs {name}: first build {row['startup_s']:.1f} s, "
            f"edit to page {row['median_edit_s']:.2f} s (median of {EDITS}: {row['edit_s']}), "
            f"pages in the search index after the edit: {row['search_pages_after_edit']}"
        )
    print(f"  [{status:>4}] {target['target']}: {dirty} s (limit {MAX_SERVE_EDIT_S} s)")
    return 0
