"""Load and validate data/ once per build, check page front matter, and place generated pages.

Thin adapter: the decisions live in handbook.core.context and handbook.pages.checks.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from handbook.core.context import Handbook
from handbook.core.features import gate
from handbook.core.paths import rel
from handbook.core.problems import Problem
from handbook.core.registry import registry
from handbook.core.yamlload import limit_problem
from handbook.mkdocs.adapter import (
    add_made_page,
    get_handbook,
    log,
    nav_section_limit,
    project_root,
    prune_nav,
    report_error,
    slot_generated_pages,
    split_long_sections,
    stop_on_reported_errors,
)
from handbook.mkdocs.state import build_state
from handbook.pages.checks import PageRules, check_page
from handbook.pages.content_rules import (
    ContentRules,
    load_rules,
    page_problems,
    siblings_of,
    site_problems,
    slow_problems,
)
from handbook.pages.frontmatter import parse_page, split
from handbook.pages.includes import check_includes
from handbook.pages.links import unlink, unlink_markdown
from handbook.pages.macro_args import argument_checks
from handbook.pages.nav_hint import missing_nav_pages
from handbook.pages.placeholders import template_placeholders
from handbook.pages.theme_keys import statuses
from handbook.templates.model import build_templates

__all__ = ["on_config", "on_env", "on_files", "on_nav", "on_page_content", "on_page_markdown"]


# Run before every other plugin, so data errors stop the build before anything renders.
@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    handbook = get_handbook(config)
    state = build_state(config)
    # Resolved once per build, not once per page (resolve() costs a syscall per path part).
    state.docs_prefix = rel(Path(config.docs_dir), project_root(config))
    state.gate = gate(handbook.features)
    state.rules = PageRules(
        gate=state.gate,
        arguments=argument_checks(handbook),
        templates=template_placeholders(build_templates(handbook)),
        statuses=statuses(config.extra.get("status")),
        root=project_root(config),
    )
    return config


# First, before other hooks add generated pages: the content rules are about written ones.
@event_priority(100)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    state = build_state(config)
    if state.gate.sections:
        # An off feature's own folder is left out of the site, as if it were not there.
        left_out = [f for f in files.documentation_pages() if state.gate.section_of(f.src_uri)]
        for file in left_out:
            file.inclusion = InclusionLevel.EXCLUDED
        state.left_out = frozenset(f.url for f in left_out)
    _read_front_matter(files, config)
    auto_append = config.mdx_configs.get("pymdownx.snippets", {}).get("auto_append") or ()
    for problem in check_includes(project_root(config), Path(config.docs_dir), auto_append):
        report_error(config, problem)
    rules = _content_rules(config)
    for problem in rules.problems:
        report_error(config, problem)
    if rules.rules:
        written = [f.src_uri for f in files.documentation_pages()]
        state.content_siblings = siblings_of(rules, written)
        for problem in site_problems(rules, written):
            report_error(config, problem)
    handbook = get_handbook(config)
    for feature in registry():
        if feature.pages is not None and handbook.features.on(feature.name):
            for made in feature.pages(handbook):
                add_made_page(files, config, made)
    return files


@event_priority(-100)
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    # Every page exists by now, generated ones included.
    gate = build_state(config).gate
    for problem in missing_nav_pages(
        Path(config.config_file_path).read_text(encoding="utf-8"),
        lambda uri: files.get_file_from_path(uri) is not None,
        lambda uri: gate.section_of(uri) is not None,
    ):
        report_error(config, problem)
    if build_state(config).left_out:
        prune_nav(nav, lambda page: page.file.inclusion.is_excluded())
    nav = slot_generated_pages(nav, config, files)
    # Last, with the generated pages in: no section lists hundreds of links on each page.
    return split_long_sections(nav, nav_section_limit(config))


# Links into an off feature's folder that raw HTML or a macro wrote become their text.
@event_priority(-100)
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    left_out = build_state(config).left_out
    return unlink(html, page.file.url, left_out) if left_out else html


@event_priority(100)
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    gate = build_state(config).gate
    if gate.sections:
        # Links into an off feature's folder become their text before MkDocs checks them.
        markdown = unlink_markdown(
            markdown, page.file.src_uri, lambda uri: gate.section_of(uri) is not None
        )
    if page.file.generated_by:
        return markdown
    handbook = get_handbook(config)
    name = f"{build_state(config).docs_prefix}/{page.file.src_uri}"
    found = build_state(config).front_matter.get(page.file.src_uri)
    parsed, problems = found or parse_page(page.file.content_string, name)
    if not problems:
        problems = check_page(
            parsed, handbook.owners, handbook.today, build_state(config).rules, page.file.src_uri
        )
        siblings = build_state(config).content_siblings
        problems += page_problems(_content_rules(config), page.file.src_uri, parsed, siblings)
    unsafe = [p for p in problems if p.key in ("macros", "snippet")]
    if unsafe:
        # Now, before mkdocs-macros renders the page (and reports the same with a traceback),
        # or the snippets extension reads a file from outside the handbook.
        raise PluginError("\n".join(str(p) for p in unsafe))
    for problem in problems:
        report_error(config, problem)
    return markdown


def _read_front_matter(files: Files, config: MkDocsConfig) -> None:
    """Every written page's front matter, parsed once with the handbook's limits, before
    MkDocs reads it with none: YAML nested 100,000 deep crashed the build process before any
    hook ran. Front matter over a limit stops the build here; other problems are reported with
    the page's other checks (on_page_markdown)."""
    state = build_state(config)
    over = []
    for file in files.documentation_pages():
        if file.generated_by:
            continue
        name = f"{state.docs_prefix}/{file.src_uri}"
        try:
            text = file.content_string
        except (OSError, UnicodeDecodeError) as exc:
            over.append(Problem(name, 0, f"cannot read file: {exc}"))
            continue
        parsed, problems = parse_page(text, name)
        state.front_matter[file.src_uri] = (parsed, problems)
        raw, _ = split(text)
        if problems and raw is not None and (limit := limit_problem(raw, name, 1)):
            over.append(limit)
    if over:
        for problem in over:
            log.error(str(problem))
        raise PluginError(f"{len(over)} page(s) MkDocs cannot safely read; see the messages above")


def _content_rules(config: MkDocsConfig) -> ContentRules:
    handbook = get_handbook(config)
    return handbook.derived(_load_rules)


def _load_rules(handbook: Handbook) -> ContentRules:
    return load_rules(handbook.dataset)


# Last, after every hook has read every page: nothing is published half-broken.
@event_priority(-100)
def on_env(env, config: MkDocsConfig, files: Files):
    for problem in slow_problems(_content_rules(config)):
        report_error(config, problem)
    stop_on_reported_errors(config)
    return env
