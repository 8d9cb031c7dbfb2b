"""What the engine's hooks share during one build, in one typed object on that build's config.

`mkdocs serve` makes a new config for every rebuild, so the state starts empty each time and
nothing goes stale; hook modules themselves stay loaded and must keep no build data.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from handbook.core.context import Handbook
from handbook.core.features import Gate
from handbook.core.problems import Problem
from handbook.freshness.model import PageFreshness, Policy
from handbook.freshness.render import Renderer
from handbook.pages.checks import PageRules
from handbook.pages.frontmatter import Page as FrontMatterPage

_KEY = "_handbook_build_state"


@dataclass(frozen=True)
class Slot:
    """Where a generated page goes in the nav: sub-sections of its folder's section, and order."""

    group: tuple[str, ...]
    order: str


@dataclass
class FreshnessState:
    policy: Policy
    fail_on_stale: bool
    renderer: Renderer = field(default_factory=Renderer)
    pages: dict[str, PageFreshness] = field(default_factory=dict)
    edit_links: dict[str, str] = field(default_factory=dict)  # MkDocs' page.edit_url
    generated: dict[str, PageFreshness] | None = None  # generated pages' records, made once


@dataclass
class BuildState:
    handbook: Handbook | None = None
    page_errors: list[object] = field(default_factory=list)  # stop the build in on_env
    generated: dict[str, Slot] = field(default_factory=dict)  # generated src_uri -> nav slot
    docs_prefix: str = "docs"  # docs_dir relative to the project, for file:line messages
    draft_urls: frozenset[str] = frozenset()
    tool_pages: dict[str, str] = field(default_factory=dict)  # generated src_uri -> tool id
    tool_mentions: dict[str, list[Page]] = field(default_factory=dict)  # tool id -> pages
    freshness: FreshnessState | None = None
    # Content rule id -> file names of the written pages it picks (for sibling_links).
    content_siblings: dict[str, set[str]] = field(default_factory=dict)
    gate: Gate = field(default_factory=Gate)  # what the feature switches leave out
    rules: PageRules = field(default_factory=PageRules)  # what every page check knows
    left_out: frozenset[str] = frozenset()  # URLs of pages in an off feature's folder
    # Written pages' front matter, parsed once with the handbook's limits: src_uri -> result.
    front_matter: dict[str, tuple[FrontMatterPage, list[Problem]]] = field(default_factory=dict)
    # Markdown extension settings before the paths hook moved the glossary into abbr's own.
    mdx_configs_as_written: dict | None = None
    search: str = "material"  # or "pagefind" (extra.handbook.search in mkdocs.yml)
    searchable: set[str] = field(default_factory=set)  # src_uris Pagefind indexes


def build_state(config: MkDocsConfig) -> BuildState:
    """This build's state, created on first use."""
    state = config.get(_KEY)
    if state is None:
        state = BuildState()
        config[_KEY] = state
    return state
