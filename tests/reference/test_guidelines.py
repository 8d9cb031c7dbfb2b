"""Content checks over the real docs/guidelines pages, each with a negative control.

The checks are small pure functions over a parsed page, so each one can be shown to fail on a
bad sample beside the test that runs it on the real pages.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

from handbook.core.data import load_dataset
from handbook.core.durations import add_duration, parse_duration
from handbook.core.owners import owners
from handbook.freshness.model import load_policy, status_of
from handbook.pages.frontmatter import Page, parse_page
from tests.helpers import FIXED_TODAY, ROOT

TODAY = dt.date.fromisoformat(FIXED_TODAY)
POLICY = load_policy(load_dataset(ROOT))
GUIDELINES = ROOT / "docs" / "guidelines"
MIN_WORDS = 350
MAX_WORDS = 1200
MIN_CROSS_LINKS = 2
PLACEHOLDER = re.compile(r"\b(lorem|ipsum|todo|tbd|fixme|xxx)\b|coming soon", re.IGNORECASE)
WORD = re.compile(r"[A-Za-z0-9][\w'’-]*")
DURATION = re.compile(r"^\s*(\d+)\s+(day|week|month|year)s?\s*$")
# A relative link to a sibling guideline: [text](name.md) or [text](name.md#anchor).
SIBLING_LINK = re.compile(r"\]\(([a-z0-9-]+\.md)(?:#[^)]*)?\)")


# ---------------------------------------------------------------------------------------------
# Checks (pure: a page in, a list of problems out)


def review_by(start: dt.date, text: object) -> dt.date | None:
    """The day a review falls due, by the handbook's own duration rules; None if unreadable."""
    try:
        return add_duration(start, parse_duration(text))
    except ValueError:
        return None


def check_front_matter(page: Page, owner_ids: set[str], today: dt.date) -> list[str]:
    meta, problems = page.meta, []
    if meta.get("owner") not in owner_ids:
        problems.append(f"owner {meta.get('owner')!r} is not an owner id")
    description = meta.get("description")
    if not isinstance(description, str) or len(description.split()) < 5:
        problems.append("description missing or shorter than 5 words")
    reviewed = meta.get("last_reviewed")
    if not isinstance(reviewed, dt.date):
        return [*problems, "last_reviewed missing or not a date"]
    if reviewed > today:
        problems.append(f"last_reviewed {reviewed} is in the future")
    due = review_by(reviewed, meta.get("review_every", ""))
    if due is None:
        problems.append(f"review_every {meta.get('review_every')!r} is not a duration")
        return problems
    # The site's own rule: a page inside the warning window is already "due".
    status = status_of(True, reviewed, due, today, POLICY.warning_days)
    if status != "fresh":
        problems.append(f"review is {status}: review by {due}")
    return problems


def check_body(page: Page) -> list[str]:
    problems = []
    words = len(WORD.findall(page.body))
    if not MIN_WORDS <= words <= MAX_WORDS:
        problems.append(f"{words} words; a guideline has {MIN_WORDS} to {MAX_WORDS}")
    for match in PLACEHOLDER.finditer(page.body):
        problems.append(f"placeholder text {match.group(0)!r}")
    return problems


def check_guideline_shape(page: Page, siblings: set[str], allowed_tags: set[str]) -> list[str]:
    """A guideline (not the index) has 2-4 allowed tags, cross links and measurable signals."""
    problems = []
    tags = page.meta.get("tags") or []
    if not 2 <= len(tags) <= 4:
        problems.append(f"{len(tags)} tags; a guideline has 2 to 4")
    problems += [
        f"tag {tag!r} is not in the allowed list" for tag in tags if tag not in allowed_tags
    ]
    own = Path(page.file).name
    linked = {name for name in SIBLING_LINK.findall(page.body) if name != own}
    if len(linked & siblings) < MIN_CROSS_LINKS:
        problems.append(
            f"links to {len(linked & siblings)} other guidelines; needs {MIN_CROSS_LINKS}"
        )
    problems += [f"link to missing guideline {name}" for name in sorted(linked - siblings)]
    if "## How you know it is working" not in page.body:
        problems.append("no 'How you know it is working' section")
    return problems


TOOLS_HEADING = re.compile(r"^## (?:Tools|.*\btools\b.*)$", re.M | re.I)
ITALIC_TEMPLATE = re.compile(r"\*[A-Z][^*\n]*\*\s+template")
TEMPLATE_LINK = re.compile(r"\]\(\.\./templates/([a-z0-9-]+)\.md\)")


def check_tools_and_templates(page: Page, template_ids: set[str]) -> list[str]:
    """Tools sections come from the tool data and templates are linked to their pages."""
    problems = []
    sections = TOOLS_HEADING.split(page.body)[1:]
    for section in sections:
        if "tool_list(" not in section.split("\n## ")[0]:
            problems.append("a tools section without tool_list(...)")
    if "tool_list(" in page.body and page.meta.get("render_macros") is not True:
        problems.append("uses tool_list but has no render_macros: true")
    problems += [
        f"template named in italics: {m.group(0)!r}" for m in ITALIC_TEMPLATE.finditer(page.body)
    ]
    problems += [
        f"link to missing template {name}"
        for name in TEMPLATE_LINK.findall(page.body)
        if name not in template_ids
    ]
    return problems


INDEX_ROW = re.compile(r"^\| \[[^\]]+\]\(([a-z0-9-]+\.md)\) \| (.*?) \|$", re.M)


def index_rows(text: str) -> dict[str, str]:
    """The landing page's table rows: linked page -> its one-line summary."""
    return dict(INDEX_ROW.findall(text))


def check_index(rows: dict[str, str], descriptions: dict[str, str]) -> list[str]:
    """Each guideline has a row whose summary is its front matter description."""
    problems = []
    for name, description in sorted(descriptions.items()):
        if name not in rows:
            problems.append(f"{name} is not listed in the index")
        elif rows[name] != description:
            problems.append(f"{name}: index summary differs from its description")
    return problems


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without MkDocs: !ENV and python tags load as None."""


_ConfigLoader.add_multi_constructor("!", lambda _loader, _suffix, _node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda _l, _s, _n: None)


def load_config(text: str) -> dict:
    return yaml.load(text, Loader=_ConfigLoader)  # noqa: S506 - a SafeLoader subclass


def nav_paths(nav: object) -> set[str]:
    """Every .md path named anywhere in a nav tree."""
    if isinstance(nav, str):
        return {nav} if nav.endswith(".md") else set()
    if isinstance(nav, list):
        return set().union(*(nav_paths(item) for item in nav)) if nav else set()
    if isinstance(nav, dict):
        return set().union(*(nav_paths(value) for value in nav.values())) if nav else set()
    return set()


def missing_from_nav(pages: list[str], config: dict) -> list[str]:
    listed = nav_paths(config.get("nav"))
    return [page for page in pages if page not in listed]


def allowed_tags(config: dict) -> set[str]:
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "tags" in plugin:
            return set((plugin["tags"] or {}).get("tags_allowed") or [])
    return set()


# ---------------------------------------------------------------------------------------------
# Fixtures and helpers


def parse(text: str, name: str = "docs/guidelines/sample.md") -> Page:
    page, problems = parse_page(text, name)
    assert problems == []
    return page


def real_pages() -> list[Page]:
    return [parse(path.read_text(encoding="utf-8"), str(path)) for path in guideline_files()]


def guideline_files() -> list[Path]:
    return sorted(GUIDELINES.glob("*.md"))


@pytest.fixture(scope="module")
def owner_ids() -> set[str]:
    return set(owners(load_dataset(ROOT)))


@pytest.fixture(scope="module")
def config() -> dict:
    return load_config((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))


def good_body(words: int = 400) -> str:
    return "## How you know it is working\n\n" + " ".join(["signal"] * words) + "\n"


GOOD_META = """---
owner: product-ops
description: How a sample routine runs from start to end.
last_reviewed: 2026-11-01
review_every: 6 months
---
"""


# ---------------------------------------------------------------------------------------------
# The real pages


def test_there_are_at_least_18_guidelines():
    assert len([p for p in guideline_files() if p.name != "index.md"]) >= 18


@pytest.mark.parametrize("path", guideline_files(), ids=lambda p: p.name)
def test_real_guideline_front_matter(path: Path, owner_ids: set[str]):
    # Against the real date; a review falling due is the freshness notices' job, not an error.
    page = parse(path.read_text(encoding="utf-8"), str(path))
    found = check_front_matter(page, owner_ids, dt.date.today())
    assert [p for p in found if not p.startswith("review is ")] == []


@pytest.mark.parametrize("path", guideline_files(), ids=lambda p: p.name)
def test_real_guideline_body(path: Path):
    assert check_body(parse(path.read_text(encoding="utf-8"), str(path))) == []


@pytest.mark.parametrize(
    "path", [p for p in guideline_files() if p.name != "index.md"], ids=lambda p: p.name
)
def test_real_guideline_shape(path: Path, config: dict):
    siblings = {p.name for p in guideline_files()}
    page = parse(path.read_text(encoding="utf-8"), str(path))
    assert check_guideline_shape(page, siblings, allowed_tags(config)) == []


TEMPLATE_IDS = {p.stem for p in (ROOT / "templates").glob("*.md")}


@pytest.mark.parametrize("path", guideline_files(), ids=lambda p: p.name)
def test_real_guideline_tools_and_templates(path: Path):
    page = parse(path.read_text(encoding="utf-8"), str(path))
    assert check_tools_and_templates(page, TEMPLATE_IDS) == []


def test_every_guideline_is_in_the_nav(config: dict):
    pages = [f"guidelines/{p.name}" for p in guideline_files()]
    assert missing_from_nav(pages, config) == []


def test_index_lists_every_guideline_with_its_description():
    pages = {p.name: p for p in guideline_files() if p.name != "index.md"}
    descriptions = {
        name: parse(path.read_text(encoding="utf-8")).meta["description"]
        for name, path in pages.items()
    }
    rows = index_rows((GUIDELINES / "index.md").read_text(encoding="utf-8"))
    assert check_index(rows, descriptions) == []


# ---------------------------------------------------------------------------------------------
# Negative controls: each check fails on a bad sample


def test_front_matter_check_passes_a_good_sample(owner_ids: set[str]):
    assert check_front_matter(parse(GOOD_META + good_body()), owner_ids, TODAY) == []


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("owner: product-ops", "owner: nobody"), "owner 'nobody'"),
        (("owner: product-ops\n", ""), "owner None"),
        (("description: How a sample routine runs from start to end.\n", ""), "description"),
        (("last_reviewed: 2026-11-01", "last_reviewed: 2026-12-01"), "in the future"),
        (("last_reviewed: 2026-11-01", "last_reviewed: 2026-04-30"), "stale: review by 2026-10-30"),
        (("review_every: 6 months", "review_every: soon"), "not a duration"),
        (("last_reviewed: 2026-11-01\n", ""), "last_reviewed missing"),
    ],
)
def test_front_matter_check_catches(change, expected, owner_ids: set[str]):
    page = parse(GOOD_META.replace(*change) + good_body())
    problems = check_front_matter(page, owner_ids, TODAY)
    assert any(expected in problem for problem in problems), problems


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (good_body(100), "106 words"),  # 100 plus the heading
        (good_body(1500), "words; a guideline"),
        (good_body() + "Lorem ipsum dolor sit amet.", "'Lorem'"),
        (good_body() + "Owner: TBD.", "'TBD'"),
        (good_body() + "<!-- TODO: write this -->", "'TODO'"),
        (good_body() + "Fixme later", "'Fixme'"),
        (good_body() + "Examples coming soon.", "'coming soon'"),
    ],
)
def test_body_check_catches(body: str, expected: str):
    problems = check_body(parse(GOOD_META + body))
    assert any(expected in problem for problem in problems), problems


def test_body_check_passes_a_good_sample():
    assert check_body(parse(GOOD_META + good_body())) == []


def test_shape_check():
    siblings = {"a.md", "b.md", "sample.md"}
    tags = "tags:\n  - data\n  - quality\n"
    good = GOOD_META.replace("---\n", "---\n" + tags, 1) + "See [a](a.md) and [b](b.md#x).\n"
    assert check_guideline_shape(parse(good + good_body()), siblings, {"data", "quality"}) == []

    bad = GOOD_META.replace("---\n", "---\ntags:\n  - dta\n", 1) + "[s](sample.md) [z](z.md)\n"
    problems = check_guideline_shape(parse(bad), siblings, {"data", "quality"})
    assert "1 tags; a guideline has 2 to 4" in problems
    assert "tag 'dta' is not in the allowed list" in problems
    assert "links to 0 other guidelines; needs 2" in problems
    assert "link to missing guideline z.md" in problems
    assert "no 'How you know it is working' section" in problems


def test_tools_and_templates_check():
    good = (
        "---\nowner: product-ops\nrender_macros: true\n---\n"
        "Use the [PRD template](../templates/prd.md).\n\n"
        "## Tools\n\n{{ tool_list(['jira']) }}\n\n## Next\n"
    )
    assert check_tools_and_templates(parse(good), {"prd"}) == []

    bad = (
        "---\nowner: product-ops\n---\nUse the *PRD* template and the "
        "[old one](../templates/old.md).\n\n## Tools\n\nJira.\n\n"
        "## Template and tools\n\n{{ tool_list(['jira']) }}\n"
    )
    problems = check_tools_and_templates(parse(bad), {"prd"})
    assert problems == [
        "a tools section without tool_list(...)",
        "uses tool_list but has no render_macros: true",
        "template named in italics: '*PRD* template'",
        "link to missing template old",
    ]


def test_front_matter_check_uses_the_sites_warning_window():
    meta = "owner: product-ops\ndescription: Five words make a description.\n"
    page = parse(f"---\n{meta}last_reviewed: 2026-05-30\nreview_every: 6 months\n---\n")
    owners_ok = {"product-ops"}
    # Due on 2026-11-30: inside the 14-day window on the fixed day, so already due.
    assert check_front_matter(page, owners_ok, TODAY) == ["review is due: review by 2026-11-30"]
    # Negative control: reviewed three weeks later, it is fresh.
    later = parse(f"---\n{meta}last_reviewed: 2026-06-20\nreview_every: 6 months\n---\n")
    assert check_front_matter(later, owners_ok, TODAY) == []
    unreadable = parse(f"---\n{meta}last_reviewed: 2026-06-20\nreview_every: soon\n---\n")
    expected = ["review_every 'soon' is not a duration"]
    assert check_front_matter(unreadable, owners_ok, TODAY) == expected


def test_nav_check_catches_a_page_left_out():
    config = load_config(
        "site_url: !ENV [X, 'https://x/']\n"
        "nav:\n  - Home: index.md\n  - Guidelines:\n      - guidelines/index.md\n"
        "      - Quality:\n          - Triage: guidelines/bug-triage.md\n"
    )
    pages = ["guidelines/index.md", "guidelines/bug-triage.md", "guidelines/orphan.md"]
    assert missing_from_nav(pages, config) == ["guidelines/orphan.md"]


def test_index_check_catches_missing_and_stale_rows():
    rows = index_rows("| [A](a.md) | Old summary. |\n| [B](b.md) | Summary of B. |\n")
    assert rows == {"a.md": "Old summary.", "b.md": "Summary of B."}
    descriptions = {"a.md": "New summary.", "b.md": "Summary of B.", "c.md": "C."}
    assert check_index(rows, descriptions) == [
        "a.md: index summary differs from its description",
        "c.md is not listed in the index",
    ]


def test_config_loader_reads_the_real_tags_list(config: dict):
    # Negative control for allowed_tags: a config without the plugin allows nothing.
    assert "quality" in allowed_tags(config)
    assert allowed_tags({"plugins": ["search"]}) == set()
