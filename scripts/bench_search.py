"""What a reader downloads with Pagefind search on a large handbook (`scripts/bench.py --search N`).

Generates an N-page handbook (scripts/bench_site.py), switches it to Pagefind
(`extra: handbook: search: pagefind`), builds it, then in Chromium (/usr/bin/chromium via
Playwright) measures the bytes of a first visit to a page and of one query, gzipped as a web
server would send them (Pagefind's own index files are compressed already and count as they
are). Also reports the HTML per page and the build time. Prints a table and writes JSON.
"""

from __future__ import annotations

import gzip
import json
import os
import resource
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

import bench_site
from bench import ENV, PY, count_pages, html_kb_per_page, progress

from handbook.core.static_server import serve

CHROMIUM = "/usr/bin/chromium"
# Already compressed by Pagefind: a server sends them as they are.
PRECOMPRESSED = (".pagefind", ".pf_meta", ".pf_index", ".pf_fragment")
QUERIES = ("retrospective", "pricing change", "escalation")
MAX_FIRST_VISIT_KB = 300.0
MAX_QUERY_KB = 300.0


def sent_bytes(url: str, body: bytes) -> int:
    if url.split("?")[0].endswith(PRECOMPRESSED):
        return len(body)
    return min(len(body), len(gzip.compress(body, 6)))


class Transfer:
    """Responses the page received, with the bytes a gzipping server would send for each."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, int, int]] = []

    def record(self, response) -> None:
        try:
            body = response.body()
        except Exception:  # noqa: BLE001 - redirects and aborted requests have no body
            body = b""
        self.rows.append((response.url, len(body), sent_bytes(response.url, body)))

    def take(self) -> list[tuple[str, int, int]]:
        rows, self.rows = self.rows, []
        return rows


def kb(rows: list[tuple[str, int, int]]) -> float:
    return round(sum(sent for _url, _raw, sent in rows) / 1024, 1)


def measure_browser(site: Path, page_url: str) -> dict:
    from playwright.sync_api import sync_playwright

    with serve(site) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox"])
        results = {}
        for query in QUERIES:
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            transfer = Transfer()
            context.on("response", transfer.record)
            tab = context.new_page()
            tab.goto(base + page_url)
            tab.wait_for_load_state("networkidle")
            first = transfer.take()
            tab.click("[data-handbook-search-input]")
            tab.fill("[data-handbook-search-input]", query)
            tab.wait_for_function(
                "document.querySelector('[data-handbook-search-meta]')"
                ".textContent.includes('matching')",
                timeout=60_000,
            )
            tab.wait_for_load_state("networkidle")
            asked = transfer.take()
            found = tab.inner_text("[data-handbook-search-meta]")
            results[query] = {
                "first_visit_kb": kb(first),
                "query_kb": kb(asked),
                "found": found,
                "first_visit": [(u.replace(base, "/"), raw, sent) for u, raw, sent in first],
                "query": [(u.replace(base, "/"), raw, sent) for u, raw, sent in asked],
            }
            context.close()
        browser.close()
    return results


def main(pages: int, macros: set[str], out_dir: Path) -> int:
    with tempfile.TemporaryDirectory(prefix="handbook-search-") as tmp:
        progress(f"generating {pages} pages")
        project = bench_site.generate(Path(tmp) / "h", pages, macros).root
        config = project / "mkdocs.yml"
        config.write_text(
            config.read_text(encoding="utf-8") + "\nextra:\n  handbook:\n    search: pagefind\n",
            encoding="utf-8",
        )
        site = Path(tmp) / "site"
        progress(f"building {pages} pages with Pagefind search")
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        result = subprocess.run(
            [PY, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site)],
            capture_output=True,
            text=True,
            env=ENV,
            cwd=project,
        )
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if result.returncode != 0:
            raise SystemExit("bench: build failed:\n" + result.stderr[-3000:])
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        built = count_pages(site)
        html_kb = round(html_kb_per_page(site, built), 1)
        sizes = sorted(
            p.stat().st_size for p in site.rglob("index.html") if "pagefind" not in p.parts
        )
        bundle = site / "pagefind"
        bundle_mb = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file()) / 2**20
        material_index = site / "search" / "search_index.json"
        material_bytes = material_index.stat().st_size if material_index.exists() else 0
        page_url = bench_site.plan_pages(pages, ["x"])[pages // 2].src.removesuffix(".md") + "/"
        progress(f"measuring a first visit and {len(QUERIES)} queries in Chromium")
        browser = measure_browser(site, page_url)
    firsts = [r["first_visit_kb"] for r in browser.values()]
    queries = [r["query_kb"] for r in browser.values()]
    report = {
        "pages": pages,
        "built_pages": built,
        "build_wall_s": round(wall, 1),
        "build_cpu_s": round(cpu, 1),
        "html_kb_per_page": html_kb,
        "html_kb_largest": round(sizes[-1] / 1024, 1),
        "html_kb_median": round(statistics.median(sizes) / 1024, 1),
        "pagefind_bundle_mb": round(bundle_mb, 1),
        "material_index_bytes": material_bytes,
        "page": page_url,
        "first_visit_kb": max(firsts),
        "query_kb": max(queries),
        "queries": browser,
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }
    out_dir.mkdir(parents=True, exist_ok=True)
    out = out_dir / f"search-{pages}.json"
    out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(format_report(report))
    print(f"\nwritten: {out}")
    return 0


def format_report(report: dict) -> str:
    lines = [
        f"{report['pages']:,} pages ({report['built_pages']:,} built): build "
        f"{report['build_wall_s']} s wall, {report['build_cpu_s']} s CPU (Pagefind included)",
        f"HTML per page: {report['html_kb_per_page']} KB average, {report['html_kb_median']} KB "
        f"median, {report['html_kb_largest']} KB largest",
        f"Pagefind bundle on disk: {report['pagefind_bundle_mb']} MB; Material's search index "
        f"left: {report['material_index_bytes']} bytes",
        "",
        "| query | first visit KB (gzip) | query KB (gzip) | results |",
        "| --- | ---: | ---: | --- |",
    ]
    for query, row in report["queries"].items():
        lines.append(f"| {query} | {row['first_visit_kb']} | {row['query_kb']} | {row['found']} |")
    lines.append("")
    lines.append(
        f"first visit at most {MAX_FIRST_VISIT_KB:.0f} KB: "
        f"{'met' if report['first_visit_kb'] <= MAX_FIRST_VISIT_KB else 'missed'} "
        f"({report['first_visit_kb']} KB); a query at most {MAX_QUERY_KB:.0f} KB: "
        f"{'met' if report['query_kb'] <= MAX_QUERY_KB else 'missed'} ({report['query_kb']} KB)"
    )
    heaviest = max(report["queries"].values(), key=lambda r: r["query_kb"])
    lines.append("heaviest query, by file:")
    for url, raw, sent in sorted(heaviest["query"], key=lambda r: -r[2])[:12]:
        lines.append(f"  {sent / 1024:7.1f} KB sent ({raw / 1024:7.1f} KB raw)  {url}")
    lines.append("first visit, by file:")
    first = max(report["queries"].values(), key=lambda r: r["first_visit_kb"])["first_visit"]
    for url, raw, sent in sorted(first, key=lambda r: -r[2])[:12]:
        lines.append(f"  {sent / 1024:7.1f} KB sent ({raw / 1024:7.1f} KB raw)  {url}")
    return "\n".join(lines)
