"""Shared helpers for tests: small fixture handbooks (tests/fixtures/handbook) built for real."""

from __future__ import annotations

import fcntl
import os
import pickle
import re
import shutil
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# A tiny self-contained handbook: engine tests build it, never this repository's content.
FIXTURE = ROOT / "tests" / "fixtures" / "handbook"
FIXED_TODAY = "2026-11-21"
# A day on which some of the fixture's pages are due and some stale, so there are notices.
LATER = "2027-04-01"


@dataclass
class BuildResult:
    returncode: int
    log: str
    site: Path

    @property
    def ok(self) -> bool:
        return self.returncode == 0

    def html(self, url_path: str) -> str:
        """HTML of a built page, e.g. html('guidelines/') or html('tools/jira/')."""
        path = self.site / url_path
        if url_path.endswith("/") or url_path == "":
            path = path / "index.html"
        return path.read_text(encoding="utf-8")

    def warnings(self) -> list[str]:
        return [line for line in self.log.splitlines() if line.startswith(("WARNING", "ERROR"))]


def shared(tmp_path_factory, name: str, make):
    """`make(folder)` once per test run, even across xdist workers: the first worker to get
    here builds under a file lock in the run's shared temporary folder; the others reuse it."""
    base = tmp_path_factory.getbasetemp()
    # Under xdist each worker's basetemp is a subfolder (popen-gwN) of the run's.
    root = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    folder = root / f"shared-{name}"
    done = folder / "result.pickle"
    with (root / f"shared-{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            folder.mkdir(exist_ok=True)
            result = make(folder)
            done.write_bytes(pickle.dumps(result))
        return pickle.loads(done.read_bytes())


def mkdocs_env(today: str = FIXED_TODAY, **extra: str) -> dict[str, str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", HANDBOOK_TODAY=today)
    env.update(extra)
    return env


def build(
    project: Path,
    site: Path | None = None,
    env: dict | None = None,
    cwd: Path | None = None,
    engine: str = "mkdocs",
) -> BuildResult:
    """Run a real `<engine> build --strict` of `project` into `site`, from `cwd` (the project).

    `engine` is mkdocs or properdocs (the maintained fork of MkDocs 1.6, same config). MkDocs
    runs in this process through its own command line (a new Python and its imports cost
    about half of a small build); another engine, or an environment with a PYTHONPATH of its
    own (this process's imports could not follow it), runs in a new process instead.
    """
    site = site or project / "site"
    env = env or mkdocs_env()
    args = ["build", "--strict", "--clean", "-f", str(project / "mkdocs.yml"), "-d", str(site)]
    if engine != "mkdocs" or env.get("PYTHONPATH") != os.environ.get("PYTHONPATH"):
        cmd = [sys.executable, "-m", engine, *args]
        result = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=cwd or project)
        return BuildResult(result.returncode, result.stdout + result.stderr, site)
    code, log = _mkdocs_here(args, env, cwd or project)
    return BuildResult(code, log, site)


def _mkdocs_here(args: list[str], env: dict, cwd: Path) -> tuple[int, str]:
    """`mkdocs ARGS` in this process, with exactly `env` as the environment and `cwd` as the
    working folder: its exit code and its output as the terminal would show it (a traceback
    included, as the interpreter prints one)."""
    import logging
    import traceback
    import warnings

    from click.testing import CliRunner
    from mkdocs.__main__ import cli

    overrides = {key: env.get(key) for key in {*os.environ, *env}}
    # MkDocs adds its log handler and a duplicate filter per command: each logger gets back the
    # handlers and filters it had, so none writes to this run's output or hides the next run's.
    loggers = [logging.getLogger("mkdocs"), *(
        logger for logger in logging.Logger.manager.loggerDict.values()
        if isinstance(logger, logging.Logger) and logger.name.startswith("mkdocs.")
    )]  # fmt: skip
    kept = {logger: (list(logger.handlers), list(logger.filters)) for logger in loggers}
    before = Path.cwd()
    try:
        os.chdir(cwd)
        with warnings.catch_warnings():
            result = CliRunner().invoke(cli, args, env=overrides, catch_exceptions=True)
    finally:
        os.chdir(before)
        for logger, (handlers, filters) in kept.items():
            logger.handlers[:], logger.filters[:] = handlers, filters
    log = result.output
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        log += "".join(traceback.format_exception(result.exception))
    return result.exit_code, log


def linkcheck(site: Path, prefix: str = "/") -> subprocess.CompletedProcess:
    """`handbook linkcheck` over a built site served on 127.0.0.1 (under `prefix`)."""
    return subprocess.run(
        [sys.executable, "-m", "handbook", "linkcheck", str(site), "--prefix", prefix],
        capture_output=True,
        text=True,
        timeout=600,
    )


def project_config(nav: str | None = None) -> str:
    """The fixture handbook's mkdocs.yml, ending with `nav` when given."""
    text = (FIXTURE / "mkdocs.yml").read_text(encoding="utf-8")
    head = text[: text.index("\nnav:")] + "\n"
    return head + (textwrap.dedent(nav) if nav else "")


def write(base: Path, files: dict[str, str]) -> None:
    for name, content in files.items():
        path = base / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(content).lstrip("\n"), encoding="utf-8")


def engine_files(project: Path) -> None:
    """The engine's hook files and schema copies, written as `handbook upgrade` writes them."""
    from handbook.core.engine_files import upgrade_writes

    for item in upgrade_writes(project)[0]:
        path = project / item.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(item.text, encoding="utf-8")


def fixture_site(tmp: Path) -> Path:
    """The whole fixture handbook in `tmp`/project: every kind of page the engine makes, small."""
    project = tmp / "project"
    shutil.copytree(FIXTURE, project)
    engine_files(project)
    return project


def fixture_build(
    tmp_path_factory, today: str = FIXED_TODAY, engine: str = "mkdocs"
) -> BuildResult:
    """The whole fixture handbook built with hooks on `today` by `engine`, once per test run
    for every module that asks for the same date and engine (xdist workers included). Its
    site is shared: read it, or copy it before changing anything."""

    def make(folder: Path) -> BuildResult:
        env = mkdocs_env(today=today)
        return build(fixture_site(folder), folder / "site", env=env, engine=engine)

    return shared(tmp_path_factory, f"fixture-{engine}-{today}", make)


def make_project(
    tmp: Path,
    docs: dict[str, str],
    data: dict[str, str] | None = None,
    nav: str | None = None,
    copy_data: bool = True,
    extra: dict[str, str] | None = None,
) -> Path:
    """A small real handbook in `tmp`: the fixture handbook's config, templates and glossary,
    the engine's hooks and schemas, plus `docs`.

    With copy_data the fixture's data/ comes along (three tools, one release, six owners);
    `data` files then override or add.
    """
    project = tmp / "project"
    project.mkdir()
    (project / "mkdocs.yml").write_text(project_config(nav), encoding="utf-8")
    shutil.copytree(FIXTURE / "templates", project / "templates")
    if copy_data:
        shutil.copytree(FIXTURE / "data", project / "data")
    # The glossary snippet that pymdownx.snippets appends to every page comes along.
    shutil.copytree(FIXTURE / "docs" / ".includes", project / "docs" / ".includes")
    engine_files(project)
    write(project / "docs", docs)
    write(project / "data", data or {})
    write(project, extra or {})
    return project


def page(body: str, owner: str = "product-ops", reviewed: str = "2026-11-01", **meta: str) -> str:
    """A page with valid front matter."""
    lines = [f"owner: {owner}", f"last_reviewed: {reviewed}"]
    lines += [f"{k}: {v}" for k, v in meta.items()]
    return "---\n" + "\n".join(lines) + "\n---\n\n" + textwrap.dedent(body).lstrip("\n")


@dataclass
class NavItem:
    """One entry of a built page's primary (sidebar) navigation."""

    title: str
    href: str | None
    children: list[NavItem] | None  # None for a page; [] for a pruned (collapsed) section
    pruned: bool = False

    def find(self, title: str) -> NavItem:
        for child in self.children or []:
            if child.title == title:
                return child
        raise KeyError(f"{title!r} not among {[c.title for c in self.children or []]}")


def nav_items(html: str) -> NavItem:
    """The primary navigation of a built page as a tree (root title: the site name)."""
    from bs4 import BeautifulSoup

    primary = BeautifulSoup(html, "html.parser").select_one("nav.md-nav--primary")
    assert primary is not None, "no primary navigation in the page"
    return NavItem("", None, _nav_list(primary.find("ul", class_="md-nav__list")))


def _nav_list(ul) -> list[NavItem]:
    items = []
    for li in ul.find_all("li", recursive=False):
        link = li.find(class_="md-nav__link")
        # The current page's entry starts with a <label> that opens its table of contents;
        # its link follows.
        anchor = link if link.name == "a" else link.find("a") or li.find("a", recursive=False)
        # A nested section's own list sits in a child <nav>; the page's table of contents
        # (md-nav--secondary) is not part of the navigation tree.
        sub = li.find("nav", class_="md-nav", recursive=False)
        if sub is not None and "md-nav--secondary" in sub["class"]:
            sub = None
        if sub is not None:
            children = _nav_list(sub.find("ul", class_="md-nav__list"))
        else:  # a collapsed section still has children, just none rendered
            children = [] if "md-nav__item--nested" in li["class"] else None
        items.append(
            NavItem(
                title=" ".join(link.get_text(" ").split()),
                href=anchor.get("href") if anchor is not None else None,
                children=children,
                pruned="md-nav__item--pruned" in li["class"],
            )
        )
    return items


def handbook_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """`handbook ARGS` as a person would run it, from `cwd`, capturing its exit code and text.

    In this process (a new Python costs about 0.3 s per call): the exit code is main()'s, or
    SystemExit's (argparse's usage errors), and an exception that escapes is printed to stderr
    as the interpreter would print it, with exit code 1, so "never a traceback" still holds
    only when the command caught it. `handbook_process` runs a real `python -m handbook`, for
    tests about the process itself.
    """
    import contextlib
    import io
    import traceback

    from handbook.cli import main

    out, err = io.StringIO(), io.StringIO()
    before = Path.cwd()
    try:
        os.chdir(cwd or before)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(list(args))
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
                if not isinstance(exc.code, int | None):
                    print(exc.code, file=sys.stderr)
            except Exception:  # noqa: BLE001 - reported as the interpreter would
                traceback.print_exc()
                code = 1
    finally:
        os.chdir(before)
    cmd = ["handbook", *args]
    return subprocess.CompletedProcess(cmd, code, out.getvalue(), err.getvalue())


def handbook_process(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run `python -m handbook ARGS` in a new process, capturing its text output."""
    return subprocess.run(
        [sys.executable, "-m", "handbook", *args], capture_output=True, text=True, cwd=cwd
    )


def off_host_requests(html: str) -> list[str]:
    """What a browser would fetch from another host: src= anywhere, stylesheets, preloads."""
    found = re.findall(r'\bsrc="((?:https?:)?//[^"]+)"', html)
    found += re.findall(r'<link\b[^>]*\bhref="((?:https?:)?//[^"]+)"[^>]*>', html)
    canonical = re.findall(r'<link rel="canonical" href="([^"]+)"', html)
    return [url for url in found if url not in canonical]


def workflow_step(workflow: Path, job: str, name: str) -> dict:
    """The step of `job` in a GitHub Actions workflow file whose name starts with `name`."""
    import yaml

    steps = yaml.safe_load(workflow.read_text(encoding="utf-8"))["jobs"][job]["steps"]
    return next(s for s in steps if s.get("name", "").startswith(name))
