"""Generate a synthetic handbook of N pages for the build benchmark (scripts/bench.py).

The project gets the real mkdocs.yml (hooks, macros, extensions) with a generated nav, the
project's data scaled to the page count, and realistic pages: front matter, headings, tables,
task lists, admonitions, code blocks and links between pages. A share of pages opt into macros.
`write_plain_variant` then adds `mkdocs-plain.yml`: plain Material (same theme, features and
markdown extensions; no hooks, macros, extra CSS or theme overrides) building the same pages in
the same nav, every page as static markdown exported by one full build, macros rendered and the
pages our hooks generate filled in (scripts/bench_export.py), and `mkdocs-zensical.yml`, the
same config for Zensical.
Everything is deterministic (seeded), so two runs build the same bytes.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import random
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import bench_export
import yaml

ROOT = Path(__file__).resolve().parent.parent
# The day the benchmark runs on: this handbook's pages carry real review dates, and one
# reviewed today must not be "after today".
TODAY = dt.date.today().isoformat()
MACRO_SHARE = 0.2  # one page in five opts into macros
EXPORT_CONFIG = "mkdocs-export.yml"  # the full config plus the export hook
PLAIN_CONFIG = "mkdocs-plain.yml"  # plain Material over the same pages
ZENSICAL_CONFIG = "mkdocs-zensical.yml"  # the plain config in the form Zensical reads
ZENSICAL_SITE = "site-zensical"  # Zensical's build has no --site-dir option
# Data that does not grow with a handbook: owners are scaled on their own, release settings
# are closed vocabularies (change types, areas, audiences).
FIXED_DATA = {"owners.yml", "release_settings.yml"}

AREAS = {
    "guidelines": "Guidelines",
    "playbooks": "Playbooks",
    "rituals": "Rituals",
    "onboarding": "Onboarding",
    "tools": "Tool notes",
    "releases": "Release practice",
}
TEAMS = [
    "growth",
    "payments",
    "mobile",
    "platform",
    "enterprise",
    "self-serve",
    "search",
    "messaging",
    "billing",
    "identity",
    "analytics",
    "integrations",
    "admin-console",
    "marketplace",
]
SUBJECTS = [
    "Discovery interviews",
    "Roadmap review",
    "Pricing change",
    "Beta programme",
    "Incident follow-up",
    "Feature flag clean-up",
    "Quarterly planning",
    "Customer advisory board",
    "Churn analysis",
    "Launch readiness",
    "Experiment design",
    "Support escalation",
    "Data request",
    "Design critique",
    "Spec review",
    "Deprecation notice",
    "Access request",
    "Vendor evaluation",
    "Retrospective",
    "Release notes",
]
KINDS = ["checklist", "guide", "playbook", "policy", "runbook", "FAQ", "decision record"]
ROLES = ["Product manager", "Engineering lead", "Designer", "QA engineer", "Data analyst"]
REVIEW_EVERY = ["3 months", "6 months", "12 months"]
FIRST = ["Amara", "Jonas", "Priya", "Tomasz", "Lena", "Kofi", "Ines", "Ravi", "Sofia", "Hiro"]
LAST = ["Haddad", "Lindqvist", "Mensah", "Novak", "Okoro", "Petrov", "Silva", "Tanaka", "Weber"]

SENTENCES = [
    "Use this page when the {team} team starts a {subject_l} and needs the same steps every time.",
    "The {subject_l} for {team} runs on a fixed cadence so nobody has to remember to start it.",
    "Write down the decision and who made it; a {subject_l} that lives only in chat is lost.",
    "Ask the owner before changing the process: other teams copy this page for their own work.",
    "Keep the scope to one quarter; anything longer goes to the roadmap review instead.",
    "Link the ticket, the spec and the dashboard, so a reader can follow the trail in one click.",
    "If a step does not apply, say why in the ticket rather than skipping it silently.",
    "Customer-facing wording goes through support and sales before it is published.",
    "Data that backs the decision must come from the shared dashboards, not a personal sheet.",
    "The {team} product manager is accountable; the rest of the trio contributes and reviews.",
    "Book thirty minutes at the end to agree on the next step and who owns it.",
    "Flag a risk early in the team channel; late surprises cost more than early questions.",
]
STEPS = [
    ("Collect the inputs", "the week before"),
    ("Share the draft with the trio", "two days before"),
    ("Run the session", "on the day"),
    ("Record the decision", "the same day"),
    ("Tell the affected teams", "within two days"),
    ("Check the outcome", "after four weeks"),
]
TASKS = [
    "Ticket linked in the tracker",
    "Owner named in the page front matter",
    "Dashboard link checked",
    "Support and sales told about customer-facing changes",
    "Decision recorded with its date",
    "Follow-up booked in the calendar",
]


@dataclass(frozen=True)
class MacroCall:
    """A macro a generated page may call; used only when the tree defines `name`.

    `needs` names context values (ids from the scaled data) that the call fills in; a call
    whose needs are not in the context is skipped, so features can be listed before they land.
    """

    name: str
    text: str
    needs: tuple[str, ...] = ()


# Add other features' macros here by name; a context value such as "tool" comes from
# `data_context`.
MACRO_CALLS = [
    MacroCall("owner_name", "This page is kept by {{{{ owner_name('{owner}') }}}}.", ("owner",)),
    MacroCall("handbook_today", "Built on {{{{ handbook_today }}}}."),
    MacroCall("tool_card", "{{{{ tool_card('{tool}') }}}}", ("tool",)),
]


@dataclass
class PageSpec:
    src: str  # docs-relative path
    title: str
    owner: str
    macros: bool


@dataclass
class GeneratedHandbook:
    root: Path
    pages: list[PageSpec]


# ---------------------------------------------------------------------------------------------
# Data
# ---------------------------------------------------------------------------------------------


class _PlainDumper(yaml.SafeDumper):
    """Writes a value shared by several records out in full each time: PyYAML's default
    would write an anchor and aliases (`&id001`, `*id001`), which the engine refuses."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _dump(data: Any) -> str:
    return yaml.dump(data, Dumper=_PlainDumper, sort_keys=False, allow_unicode=True)


class RefusedData(SystemExit):
    """A scaled data file the engine refuses: the benchmark stops instead of measuring less."""


def _schema_line(path: Path) -> str:
    return path.read_text(encoding="utf-8").splitlines()[0]


def _person(k: int, team: str) -> dict[str, Any]:
    first, last = FIRST[k % len(FIRST)], LAST[(k // len(FIRST)) % len(LAST)]
    handle = f"{first[0]}{last}{k}".lower()
    return {
        "id": f"{first}-{last}-{k}".lower(),
        "name": f"{first} {last}",
        "kind": "person",
        "team": team,
        "role": f"Product manager, {TEAMS[k % len(TEAMS)]}",
        "contact": f"{handle}@example.com",
        "review_handle": f"@{handle}",
    }


def scale_owners(src: Path, dest: Path, pages: int) -> list[str]:
    """The project's owners plus one generated person per 25 pages; returns every owner id."""
    data = yaml.safe_load(src.read_text(encoding="utf-8"))
    owners = list(data["owners"])
    team = owners[0]["id"]
    owners += [_person(k, team) for k in range(max(1, pages // 25))]
    body = _dump({"owners": owners})
    dest.write_text(_schema_line(src) + "\n" + body, encoding="utf-8")
    return [o["id"] for o in owners]


def _copies(item: dict, k: int) -> dict:
    clone = dict(item)
    for key in ("id", "slug", "version"):
        if isinstance(clone.get(key), str):
            clone[key] = f"{clone[key]}-{k}"
    if isinstance(clone.get("name"), str):
        clone["name"] = f"{clone['name']} {k}"
    return clone


def scale_records(src: Path, dest: Path, factor: int) -> None:
    """Repeat each list of records with an `id` in a data file `factor` times, ids suffixed."""
    data = yaml.safe_load(src.read_text(encoding="utf-8"))
    if isinstance(data, dict):
        for key, value in data.items():
            records = isinstance(value, list) and value and all(isinstance(v, dict) for v in value)
            if records and all("id" in v for v in value):
                data[key] = value + [_copies(v, k) for k in range(2, factor + 1) for v in value]
    body = _dump(data)
    dest.write_text(_schema_line(src) + "\n" + body, encoding="utf-8")


def _shift_dates(value: Any, days: int) -> Any:
    if isinstance(value, dt.date):
        return value - dt.timedelta(days=days)
    if isinstance(value, dict):
        return {k: _shift_dates(v, days) for k, v in value.items()}
    if isinstance(value, list):
        return [_shift_dates(v, days) for v in value]
    return value


def scale_releases(source: Path, dest: Path, factor: int) -> list[Path]:
    """Copies of each released release, one set per earlier year, for `factor` times as many.

    Copy k moves every date k years back and numbers versions 2.<minor + 100 * (factor - k)>,
    so versions still rise with dates, and all stay below the real 3.x releases. Returns the
    files written.
    """
    written = []
    for path in sorted(source.glob("*.yml")):
        release = yaml.safe_load(path.read_text(encoding="utf-8"))
        if release.get("status") != "released":
            continue
        _major, minor, patch = release["version"].split(".")
        for k in range(1, factor):
            copy = _shift_dates(release, 365 * k)
            copy["version"] = f"2.{int(minor) + 100 * (factor - k)}.{patch}"
            target = dest / f"{copy['date'].isoformat()}-v{copy['version']}.yml"
            body = _dump(copy)
            target.write_text(_schema_line(path) + "\n" + body, encoding="utf-8")
            written.append(target)
    return written


def scale_data(source: Path, project: Path, pages: int) -> list[str]:
    """Copy data/ (with its schemas), scaled to `pages`; returns the owner ids.

    Raises RefusedData, naming each file and line, when the engine refuses any scaled or added
    file (a warning, such as a renewal date that has passed, is fine): a benchmark that quietly
    fell back to the original data would measure a smaller handbook than it says.
    """
    data = project / "data"
    # The source's content rules are about its own pages, not the generated ones.
    shutil.copytree(source / "data", data, ignore=shutil.ignore_patterns("content_rules.yml"))
    factor = max(1, pages // 250)
    owner_ids = scale_owners(source / "data" / "owners.yml", data / "owners.yml", pages)
    releases = data / "releases"
    if releases.is_dir() and factor > 1:
        scale_releases(source / "data" / "releases", releases, factor)
    for path in sorted(data.rglob("*.yml")):
        rel = path.relative_to(data)
        skip = rel.parts[0] in ("schema", "releases") or rel.as_posix() in FIXED_DATA
        if skip or factor == 1:
            continue
        scale_records(source / "data" / rel, path, factor)
    check_data(project)
    return owner_ids


def check_data(project: Path) -> None:
    """Raise RefusedData when the engine's loader finds an error in the project's data."""
    from handbook.core.context import load_handbook
    from handbook.core.problems import errors

    bad = errors(load_handbook(project, TODAY).problems)
    if bad:
        listed = "\n".join(f"  {problem}" for problem in bad)
        raise RefusedData(f"bench: the engine refuses the scaled data in {project}:\n{listed}")


def data_context(project: Path, owners: list[str]) -> dict[str, list[str]]:
    """Ids a macro call can use, by kind: owners always; tools/releases when their data exists."""
    context = {"owner": owners}
    tools = project / "data" / "tools.yml"
    if tools.is_file():
        data = yaml.safe_load(tools.read_text(encoding="utf-8")) or {}
        ids = [t["id"] for t in data.get("tools", []) if isinstance(t, dict) and "id" in t]
        if ids:
            context["tool"] = ids
    return context


# ---------------------------------------------------------------------------------------------
# Pages
# ---------------------------------------------------------------------------------------------


def slugify(text: str) -> str:
    out = "".join(c if c.isalnum() else "-" for c in text.lower())
    return "-".join(part for part in out.split("-") if part)


def plan_pages(count: int, owners: list[str], seed: int = 7) -> list[PageSpec]:
    """`count` pages spread over area/team folders, each with a unique title."""
    rng = random.Random(seed)
    areas = list(AREAS)
    pages = []
    for i in range(count):
        area = areas[i % len(areas)]
        team = TEAMS[(i // len(areas)) % len(TEAMS)]
        combo = i // (len(areas) * len(TEAMS))
        subject = SUBJECTS[combo % len(SUBJECTS)]
        kind = KINDS[(combo // len(SUBJECTS) + i) % len(KINDS)]
        title = f"{subject} {kind} for {team.replace('-', ' ')}"
        if combo >= len(SUBJECTS):
            title += f" ({combo // len(SUBJECTS) + 1})"
        src = f"{area}/{team}/{slugify(title)}.md"
        pages.append(PageSpec(src, title, rng.choice(owners), rng.random() < MACRO_SHARE))
    return pages


def _link(src: str, target: str) -> str:
    return posixpath.relpath(target, posixpath.dirname(src))


def _front_matter(spec: PageSpec, rng: random.Random) -> str:
    reviewed = dt.date(2026, 10, 1) + dt.timedelta(days=rng.randrange(52))
    lines = [
        f"owner: {spec.owner}",
        f"last_reviewed: {reviewed.isoformat()}",
        f"review_every: {rng.choice(REVIEW_EVERY)}",
    ]
    if spec.macros:
        lines.append("render_macros: true")
    return "---\n" + "\n".join(lines) + "\n---\n"


def _macro_lines(spec: PageSpec, calls: list[MacroCall], context: dict, rng) -> list[str]:
    values = {kind: rng.choice(ids) for kind, ids in context.items()}
    values["owner"] = spec.owner
    return [call.text.format(**values) for call in calls if set(call.needs) <= set(values)]


def render_page(spec: PageSpec, others: list[PageSpec], calls: list[MacroCall], context, rng):
    team = spec.src.split("/")[1].replace("-", " ")
    words = {"team": team, "subject_l": spec.title.split(" for ")[0].lower()}
    para = lambda n: " ".join(s.format(**words) for s in rng.sample(SENTENCES, n))  # noqa: E731
    related = rng.sample(others, min(3, len(others)))
    out = [_front_matter(spec, rng), f"# {spec.title}", "", para(3), ""]
    if spec.macros:
        out += [" ".join(_macro_lines(spec, calls, context, rng)), ""]
    out += ["## When to use this", "", para(4), "", "## Steps", ""]
    out += ["| Step | Who | When |", "| --- | --- | --- |"]
    out += [f"| {s} | {rng.choice(ROLES)} | {w} |" for s, w in STEPS[: rng.randint(4, 6)]]
    out += ["", para(2), "", "## Checklist", ""]
    out += [f"- [{'x' if rng.random() < 0.4 else ' '}] {t}" for t in rng.sample(TASKS, 4)]
    out += ["", '!!! tip "Keep it short"', "", f"    {para(2)}", ""]
    if rng.random() < 0.3:
        out += ["## Ticket fields", "", "```yaml", f"team: {team}", "priority: P2"]
        out += [f"owner: {spec.owner}", "```", ""]
    out += ["## Related pages", ""]
    out += [f"- [{r.title}]({_link(spec.src, r.src)})" for r in related]
    out += ["- [Back to the steps](#steps)", ""]
    return "\n".join(out)


def area_index(area: str, specs: list[PageSpec]) -> str:
    teams = sorted({s.src.split("/")[1] for s in specs})
    lines = [
        "---\nowner: product-ops\nlast_reviewed: 2026-11-02\nreview_every: 6 months\n---\n",
        f"# {AREAS[area]}",
        "",
        f"{len(specs)} pages for {len(teams)} teams.",
        "",
    ]
    lines += [f"- [{t.replace('-', ' ').capitalize()}]({t}/index.md)" for t in teams]
    return "\n".join(lines) + "\n"


def team_index(area: str, team: str, specs: list[PageSpec]) -> str:
    lines = [
        "---\nowner: product-ops\nlast_reviewed: 2026-11-02\nreview_every: 6 months\n---\n",
        f"# {AREAS[area]} for {team.replace('-', ' ')}",
        "",
    ]
    lines += [f"- [{s.title}]({posixpath.basename(s.src)})" for s in specs]
    return "\n".join(lines) + "\n"


def nav_yaml(specs: list[PageSpec]) -> str:
    """An explicit nav: area tabs, a section per team, pages in order."""
    nav: list = [{"Home": "index.md"}]
    for area, label in AREAS.items():
        in_area = [s for s in specs if s.src.startswith(f"{area}/")]
        if not in_area:
            continue
        sections: list = [f"{area}/index.md"]
        for team in TEAMS:
            pages = [s.src for s in in_area if s.src.startswith(f"{area}/{team}/")]
            if pages:
                name = team.replace("-", " ").capitalize()
                sections.append({name: [f"{area}/{team}/index.md", *pages]})
        nav.append({label: sections})
    return yaml.safe_dump({"nav": nav}, sort_keys=False)


def write_docs(docs: Path, specs: list[PageSpec], calls: list[MacroCall], context: dict) -> None:
    rng = random.Random(11)
    for spec in specs:
        path = docs / spec.src
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render_page(spec, specs, calls, context, rng), encoding="utf-8")
    for area in AREAS:
        in_area = [s for s in specs if s.src.startswith(f"{area}/")]
        if not in_area:
            continue
        (docs / area / "index.md").write_text(area_index(area, in_area), encoding="utf-8")
        for team in {s.src.split("/")[1] for s in in_area}:
            in_team = [s for s in in_area if s.src.startswith(f"{area}/{team}/")]
            index = team_index(area, team, in_team)
            (docs / area / team / "index.md").write_text(index, encoding="utf-8")
    home = "---\nowner: product-ops\nlast_reviewed: 2026-11-02\nreview_every: 6 months\n---\n\n"
    home += "# Product Ops Handbook\n\n" + "\n".join(
        f"- [{label}]({area}/index.md)" for area, label in AREAS.items() if (docs / area).is_dir()
    )
    (docs / "index.md").write_text(home + "\n", encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# Configs
# ---------------------------------------------------------------------------------------------


class _KeepTags(yaml.SafeLoader):
    """Reads mkdocs.yml: !ENV [NAME, default] as its default; other tags kept for dumping."""


class _Dumper(yaml.SafeDumper):
    pass


@dataclass(frozen=True)
class _Tagged:
    """A scalar with a tag such as `!relative $config_dir`, written back unchanged."""

    tag: str
    value: str


def _env_default(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)[-1]
    return None


def _keep_tag(loader: yaml.SafeLoader, _suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return _Tagged(node.tag, loader.construct_scalar(node))
    raise ValueError(f"mkdocs.yml: cannot carry the tag {node.tag} into the plain config")


_KeepTags.add_constructor("!ENV", _env_default)
_KeepTags.add_multi_constructor("!", _keep_tag)
_KeepTags.add_multi_constructor("tag:yaml.org,2002:python/", lambda *_: None)
_Dumper.add_representer(_Tagged, lambda dumper, t: dumper.represent_scalar(t.tag, t.value))


def full_config(source: Path, nav: str) -> str:
    """The project's mkdocs.yml with its nav block (kept last in the file) replaced."""
    text = (source / "mkdocs.yml").read_text(encoding="utf-8")
    return text[: text.index("\nnav:")] + "\n" + nav


# Plugins that are ours (or only render our data); the plain build runs without them.
OUR_PLUGINS = {"macros"}
# Config keys that only carry our code or styling.
OUR_KEYS = {"hooks", "extra_css", "extra_javascript", "watch", "nav"}


def plain_config(source: Path, nav: str, docs_dir: str = "docs") -> str:
    """Plain Material: the same theme, features and extensions; no hooks, macros or overrides."""
    config = yaml.load((source / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_KeepTags)
    plain = {k: v for k, v in config.items() if k not in OUR_KEYS}
    plain["docs_dir"] = docs_dir
    # Our hooks publish files that are not pages (the release feed, CHANGELOG.md), which
    # generated pages link to, and mark generated pages that no nav section takes as not in the
    # nav. Plain Material knows neither, so those two checks only inform here.
    validation = {**plain.get("validation", {}), "not_found": "info", "omitted_files": "info"}
    plain["validation"] = validation
    plugins = []
    for plugin in config.get("plugins", []):
        name = plugin if isinstance(plugin, str) else next(iter(plugin))
        if name not in OUR_PLUGINS:
            plugins.append(plugin)
    plain["plugins"] = plugins
    theme = dict(plain["theme"])
    theme.pop("custom_dir", None)
    plain["theme"] = theme
    return yaml.dump(plain, Dumper=_Dumper, sort_keys=False) + nav


def _relative_path(value: str, docs_dir: str) -> str:
    """`!relative $config_dir/x` as a path from the config's folder, where Zensical runs."""
    head, _, rest = value.partition("/")
    base = {"$config_dir": ".", "$docs_dir": docs_dir}.get(head)
    if base is None:
        raise ValueError(
            f"!relative {value!r}: Zensical has no form for this path (only $config_dir or "
            "$docs_dir and a path under it can be written for it)"
        )
    return posixpath.normpath(posixpath.join(base, rest))


def zensical_config(plain: str, site_dir: str) -> str:
    """The plain Material config as Zensical reads it: each `!relative` path, a tag Zensical's
    YAML loader refuses, written as the path it stands for; the site goes to `site_dir`."""
    config = yaml.load(plain, Loader=_KeepTags)
    docs_dir = str(config.get("docs_dir", "docs"))

    def untag(value: Any) -> Any:
        if isinstance(value, _Tagged) and value.tag == "!relative":
            return _relative_path(value.value, docs_dir)
        if isinstance(value, dict):
            return {k: untag(v) for k, v in value.items()}
        if isinstance(value, list):
            return [untag(v) for v in value]
        return value

    zensical = untag(config)
    zensical["site_dir"] = site_dir
    return yaml.dump(zensical, Dumper=_Dumper, sort_keys=False)


# ---------------------------------------------------------------------------------------------
# Entry point
# ---------------------------------------------------------------------------------------------


def generate(dest: Path, pages: int, macros: set[str] | None = None, source: Path = ROOT):
    """Write a handbook of `pages` content pages into `dest` (created); returns what it wrote.

    `macros` is the set of macro names the tree defines (see bench.defined_macros); calls to
    others are left out. Area and team index pages come on top of `pages`.
    """
    dest.mkdir(parents=True)
    for folder in ("hooks", "templates"):
        if (source / folder).is_dir():
            shutil.copytree(source / folder, dest / folder)
    # mkdocs.yml watches these under `serve`; they must exist for the config to load.
    for folder in ("templates", "docs/.includes"):
        (dest / folder).mkdir(parents=True, exist_ok=True)
    # Snippets auto-appended to every page (e.g. glossary abbreviations) belong to the markdown.
    includes = source / "docs" / ".includes"
    if includes.is_dir():
        shutil.copytree(includes, dest / "docs" / ".includes", dirs_exist_ok=True)
    if (source / "overrides").is_dir():
        shutil.copytree(source / "overrides", dest / "overrides")
    assets = source / "docs" / "assets"
    if assets.is_dir():
        shutil.copytree(assets, dest / "docs" / "assets")
    owners = scale_data(source, dest, pages)
    calls = [c for c in MACRO_CALLS if macros is None or c.name in macros]
    specs = plan_pages(pages, owners)
    write_docs(dest / "docs", specs, calls, data_context(dest, owners))
    full = full_config(source, nav_yaml(specs))
    (dest / "mkdocs.yml").write_text(full, encoding="utf-8")
    shutil.copyfile(Path(__file__).with_name("bench_export.py"), dest / "hooks" / "bench_export.py")
    export = full.replace("\nhooks:\n", "\nhooks:\n  - hooks/bench_export.py\n", 1)
    (dest / EXPORT_CONFIG).write_text(export, encoding="utf-8")
    return GeneratedHandbook(dest, specs)


def write_plain_variant(project: Path, source: Path = ROOT) -> None:
    """Write `mkdocs-plain.yml` over docs-plain/ (docs/, each page replaced by its exported
    markdown) and its Zensical form, `mkdocs-zensical.yml`.

    Needs one build of EXPORT_CONFIG first (it writes generated/ and generated-nav.yml).
    """
    plain_docs = project / "docs-plain"
    shutil.rmtree(plain_docs, ignore_errors=True)
    shutil.copytree(project / "docs", plain_docs)
    shutil.copytree(project / bench_export.OUT, plain_docs, dirs_exist_ok=True)
    nav = (project / bench_export.NAV).read_text(encoding="utf-8")
    config = plain_config(source, nav, docs_dir="docs-plain")
    (project / PLAIN_CONFIG).write_text(config, encoding="utf-8")
    zensical = zensical_config(config, site_dir=ZENSICAL_SITE)
    (project / ZENSICAL_CONFIG).write_text(zensical, encoding="utf-8")
