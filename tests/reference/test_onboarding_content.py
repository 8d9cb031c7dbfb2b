"""The onboarding, glossary, FAQ and about pages as written: structure, data use, front matter."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from handbook.core.context import load_handbook
from handbook.core.roles import roles
from handbook.onboarding.model import checklist_sections
from handbook.pages.frontmatter import parse_page
from handbook.pages.glossary import check_abbreviations, glossary_terms, parse_abbreviations
from tests.helpers import ROOT

DOCS = ROOT / "docs"
ROLES = [
    "product-manager",
    "engineer",
    "designer",
    "qa-engineer",
    "data-analyst",
    "product-ops-manager",
    "go-to-market",
]
PAGES = [f"onboarding/{r}.md" for r in ROLES] + [
    "onboarding/index.md",
    "onboarding/faq.md",
    "about/index.md",
    "about/how-this-handbook-works.md",
    "about/glossary.md",
]
# Words that mark unfinished writing.
PLACEHOLDERS = re.compile(
    r"\b(TODO|TBD|TBC|FIXME|XXX|lorem|ipsum|placeholder|coming soon|fill in|your text)\b",
    re.IGNORECASE,
)
# The only template syntax a playbook may contain: its three macro calls.
ALLOWED_JINJA = {
    "{{ onboarding_checklist() }}",
    "{{ people_to_meet('ROLE') }}",
    "{{ tools_for_role('ROLE') }}",
    # The tool list only while the tool stack feature is on (data/features.yml).
    "{% if features.tools %}",
    "{% endif %}",
}
JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)


@pytest.fixture(scope="module")
def handbook():
    return load_handbook(ROOT, dt.date.today())


def read(uri: str):
    page, problems = parse_page((DOCS / uri).read_text(encoding="utf-8"), uri)
    assert problems == []
    return page


def strip_code(markdown: str) -> str:
    return re.sub(r"^```.*?^```", "", markdown, flags=re.S | re.M)


@pytest.mark.parametrize("role", ROLES)
def test_playbook_has_the_four_checklists_as_task_lists(role):
    sections = checklist_sections(read(f"onboarding/{role}.md").body)
    for section in sections:
        assert len(section.tasks) >= 3, f"{role}: {section.heading} has under 3 tasks"


@pytest.mark.parametrize("role", ROLES)
def test_playbook_uses_data_macros_for_its_own_role(role, handbook):
    page = read(f"onboarding/{role}.md")
    assert page.meta.get("render_macros") is True
    assert role in roles(handbook.dataset)
    calls = JINJA.findall(page.body)
    assert sorted(calls) == sorted(c.replace("ROLE", role) for c in ALLOWED_JINJA), calls
    for heading in ("## People to meet", "## Tools to request access to", "## Templates to know"):
        assert heading in page.body


@pytest.mark.parametrize("role", ROLES)
def test_paste_ready_block_comes_last(role):
    body = read(f"onboarding/{role}.md").body
    assert body.rstrip().endswith("{{ onboarding_checklist() }}")
    assert body.index("## By day 90") < body.index("{{ onboarding_checklist() }}")


def test_a_role_that_does_not_exist_is_caught(handbook):
    # Negative control for the role check above.
    assert "product-owner" not in roles(handbook.dataset)


@pytest.mark.parametrize("uri", PAGES)
def test_front_matter_is_complete_and_current(uri, handbook):
    meta = read(uri).meta
    for key in ("title", "description", "owner", "last_reviewed", "review_every"):
        assert meta.get(key), f"{uri}: {key} missing"
    assert meta["owner"] in handbook.owners
    reviewed = meta["last_reviewed"]
    assert dt.date(2026, 10, 1) <= reviewed <= dt.date.today()
    if uri.removeprefix("onboarding/").removesuffix(".md") in ROLES:
        assert meta["review_every"] == "12 months"


@pytest.mark.parametrize("uri", PAGES)
def test_no_placeholder_words(uri):
    text = (DOCS / uri).read_text(encoding="utf-8")
    assert PLACEHOLDERS.findall(text) == []


def test_placeholder_pattern_catches_unfinished_text():
    assert PLACEHOLDERS.findall("Owner: TBD. Lorem ipsum. TODO: write this.")


# Chosen when collected, so no case passes without asserting (macro pages are Jinja by design).
@pytest.mark.parametrize(
    "uri",
    [
        p
        for p in PAGES
        if "/" in p and not p.endswith("index.md") and not read(p).meta.get("render_macros")
    ],
)
def test_pages_without_macros_have_no_template_syntax_outside_code(uri):
    page = read(uri)
    assert JINJA.findall(strip_code(page.body)) == []


def test_onboarding_index_links_every_playbook():
    body = read("onboarding/index.md").body
    for role in ROLES:
        assert f"]({role}.md)" in body
    assert "](faq.md)" in body


def test_glossary_has_40_terms_in_alphabetical_order():
    terms = glossary_terms(read("about/glossary.md").body)
    assert len(terms) >= 40
    assert terms == sorted(terms, key=str.lower)


def test_every_abbreviation_is_defined_in_the_glossary():
    abbreviations = parse_abbreviations(
        (DOCS / ".includes" / "abbreviations.md").read_text(encoding="utf-8")
    )
    assert len(abbreviations) >= 30
    terms = glossary_terms(read("about/glossary.md").body)
    assert check_abbreviations(abbreviations, terms) == []


def test_faq_answers_at_least_15_questions():
    body = read("onboarding/faq.md").body
    questions = re.findall(r"^### (.+\?)$", body, flags=re.M)
    assert len(questions) >= 15
    # Each question has an answer of more than one sentence's worth before the next heading.
    answers = re.split(r"^###? .+$", body, flags=re.M)[1:]
    assert all(len(a.split()) >= 20 for a in answers if a.strip())


def test_every_page_here_is_in_the_nav():
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\nnav:", 1)[1]
    for uri in PAGES:
        assert f"- {uri}" in nav, uri
