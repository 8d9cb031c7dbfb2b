"""Tool management is told once: the guideline is the overview, the tool-stack pages the detail.

docs/guidelines/tool-management.md names each lifecycle step in one sentence and links to the
page that owns it; the numbers and deadlines live only on that page. The checks are pure
functions over page text, each with a negative control on a sample that breaks it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from handbook.pages.frontmatter import parse_page
from tests.helpers import ROOT

DOCS = ROOT / "docs"
GUIDELINE = "guidelines/tool-management.md"


@dataclass(frozen=True)
class Fact:
    name: str
    pattern: str
    owner: str  # the one page (under docs/) allowed to state it


# Concrete facts of the process, each owned by one detail page.
FACTS = [
    Fact("trial length", r"\bat most (?:six|6) months\b", "tools/evaluation.md"),
    Fact("months of the stack review", r"\bJanuary and July\b", "tools/evaluation.md"),
    Fact(
        "answer time for a new-tool request",
        r"\banswers within a week\b",
        "tools/requesting-a-tool.md",
    ),
    Fact("renewal confirmation notice", r"\bat least 30 days before\b", "tools/renewals.md"),
]

# Lifecycle step -> the link the guideline's step must carry.
STEPS = {
    "Request": "../tools/requesting-a-tool.md",
    "Evaluate": "../tools/evaluation.md#assess-is-it-worth-a-trial",
    "Trial": "../tools/evaluation.md#trial-does-it-work-for-us",
    "Adopt": "../tools/evaluation.md#adopt-it-is-the-standard",
    "Review": "../tools/evaluation.md#review-of-the-whole-stack",
    "Retire": "../tools/retirement.md",
}

NUMBER_WORD = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|once|twice)"
# Any length of time or money amount is a detail: a trial length, a notice period, a deadline,
# a review cadence, a budget threshold.
DETAIL = re.compile(
    rf"\b{NUMBER_WORD}[ -](?:working |calendar )?(?:day|week|month|quarter|year)s?\b"
    r"|€ ?\d|\b\d+ ?(?:k|%) a year\b",
    re.IGNORECASE,
)
# A numbered item of the lifecycle list, up to the next item or the blank line after the list.
STEP_ITEM = re.compile(
    r"^\d+\. \*\*(?P<step>[^*.]+)\.\*\*(?P<text>.*?)(?=\n\d+\. |\n\s*\n|\Z)", re.M | re.S
)
LINK = re.compile(r"\]\(([^)\s]+)\)")


def body(uri: str) -> str:
    page, problems = parse_page((DOCS / uri).read_text(encoding="utf-8"), uri)
    assert problems == []
    return page.body


def section(markdown: str, heading: str) -> str:
    """The text under `## heading`, up to the next `## `."""
    match = re.search(rf"^## {re.escape(heading)}\n(.*?)(?=^## |\Z)", markdown, re.M | re.S)
    return match.group(1) if match else ""


def slug(heading: str) -> str:
    """The anchor MkDocs gives a heading (the default toc slugify)."""
    text = re.sub(r"[^\w\s-]", "", heading.strip().lower())
    return re.sub(r"[\s]+", "-", text)


# ---------------------------------------------------------------------------------------------
# Checks


def flat(text: str) -> str:
    """Text with every run of whitespace (line breaks included) as one space."""
    return " ".join(text.split())


def restated_details(text: str, facts: list[Fact] = FACTS) -> list[str]:
    """Details an overview must link to instead of stating."""
    text = flat(text)
    problems = [f"states the {f.name}" for f in facts if re.search(f.pattern, text, re.I)]
    problems += [f"states a detail: {m.group(0)!r}" for m in DETAIL.finditer(text)]
    return problems


def fact_placement(pages: dict[str, str], fact: Fact) -> list[str]:
    """The fact is stated on its owner page and on no other."""
    found = sorted(uri for uri, text in pages.items() if re.search(fact.pattern, flat(text), re.I))
    if found != [fact.owner]:
        return [f"{fact.name}: stated on {found or 'no page'}, expected only on {fact.owner}"]
    return []


def step_links(markdown: str, steps: dict[str, str] = STEPS) -> list[str]:
    """Each lifecycle step, in order, is one sentence ending in a link to its detail page."""
    items = [(m["step"], m["text"]) for m in STEP_ITEM.finditer(section(markdown, "The lifecycle"))]
    problems = []
    if [name for name, _ in items] != list(steps):
        problems.append(f"steps are {[name for name, _ in items]}, expected {list(steps)}")
    for name, text in items:
        target = steps.get(name)
        if target not in LINK.findall(text):
            problems.append(f"step {name} does not link to {target}")
        sentences = re.findall(r"[.!?](?:\s|$)", LINK.sub("]", text).strip())
        if len(sentences) != 1:
            problems.append(f"step {name} has {len(sentences)} sentences, expected 1")
    return problems


def missing_anchors(steps: dict[str, str] = STEPS) -> list[str]:
    problems = []
    for target in steps.values():
        path, _, anchor = target.partition("#")
        uri = path.removeprefix("../")
        headings = re.findall(r"^#{1,6} (.+)$", body(uri), re.M)
        if anchor and anchor not in {slug(h) for h in headings}:
            problems.append(f"{uri} has no heading for #{anchor}")
    return problems


def process_pages() -> dict[str, str]:
    """The guideline and every hand-written page of the tool stack section."""
    uris = [GUIDELINE] + sorted(
        p.relative_to(DOCS).as_posix() for p in (DOCS / "tools").glob("*.md")
    )
    return {uri: body(uri) for uri in uris}


# ---------------------------------------------------------------------------------------------
# The real pages


def test_guideline_restates_no_detail_of_a_detail_page():
    assert restated_details(body(GUIDELINE)) == []


@pytest.mark.parametrize("fact", FACTS, ids=lambda f: f.name)
def test_each_fact_is_stated_on_exactly_one_page(fact):
    assert fact_placement(process_pages(), fact) == []


def test_each_lifecycle_step_is_one_sentence_linking_its_detail_page():
    assert step_links(body(GUIDELINE)) == []


def test_step_links_point_at_existing_headings():
    assert missing_anchors() == []


# ---------------------------------------------------------------------------------------------
# Negative controls: the same checks fail on text that breaks them

RESTATING = """\
## The lifecycle

1. **Request.** Product Operations answers within a week: [r](../tools/requesting-a-tool.md).
2. **Evaluate.** Check it: [assess](../tools/evaluation.md#assess-is-it-worth-a-trial).
3. **Trial.** At most six months. Then: [t](../tools/evaluation.md#trial-does-it-work-for-us).
4. **Adopt.** The standard: [adopt](../tools/evaluation.md#adopt-it-is-the-standard).
5. **Retire.** Cancel 90 days before the renewal: [retiring a tool](../tools/evaluation.md).

The stack is reviewed in January and July; contracts above €10k a year go to Finance.
"""


def test_restated_details_fails_on_text_that_restates_facts():
    problems = restated_details(RESTATING)
    assert "states the trial length" in problems
    assert "states the months of the stack review" in problems
    assert any("90 days" in p for p in problems)
    assert any("€1" in p for p in problems)
    assert restated_details("A time-boxed pilot: [trial](../tools/evaluation.md).") == []


def test_fact_placement_fails_when_a_fact_is_on_two_pages_or_none():
    fact = FACTS[0]
    both = {fact.owner: "A trial lasts at most six months.", GUIDELINE: "At most 6 months."}
    assert fact_placement(both, fact) != []
    assert fact_placement({fact.owner: "A trial is time-boxed."}, fact) != []
    assert fact_placement({fact.owner: "At most six months.", GUIDELINE: "Short."}, fact) == []


def test_step_links_fails_on_a_missing_step_a_wrong_link_and_two_sentences():
    problems = step_links(RESTATING)
    assert any(p.startswith("steps are") for p in problems)  # Review is missing
    assert "step Retire does not link to ../tools/retirement.md" in problems
    assert "step Trial has 2 sentences, expected 1" in problems
