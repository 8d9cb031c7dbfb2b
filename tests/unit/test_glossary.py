"""Glossary terms and the site-wide abbreviations agree."""

from handbook.pages.glossary import (
    check_abbreviations,
    glossary_terms,
    parse_abbreviations,
    snippet_glossary,
)

GLOSSARY = """
# Glossary

## D

Definition of done (DoD) { #dod }
:   The checklist every story meets.

## P

PRD (product requirements document) { #prd }
:   The document that states the problem.

## S

SLI, SLO (service level indicator, objective) { #slo }
:   A measurement and its target.
"""


def test_terms_are_read_without_attributes():
    assert glossary_terms(GLOSSARY) == [
        "Definition of done (DoD)",
        "PRD (product requirements document)",
        "SLI, SLO (service level indicator, objective)",
    ]


def test_abbreviations_are_parsed_and_other_lines_skipped():
    text = '[//]: # "a comment"\n*[PRD]: Product requirements document\nprose *[x]\n'
    assert parse_abbreviations(text) == {"PRD": "Product requirements document"}


def test_consistent_entries_pass():
    abbreviations = {
        "DoD": "Definition of done",
        "PRD": "Product requirements document",
        "PRDs": "Product requirements documents",
        "SLO": "Service level objective",
    }
    assert check_abbreviations(abbreviations, glossary_terms(GLOSSARY)) == []


def test_abbreviation_without_a_term_is_reported():
    problems = check_abbreviations({"RICE": "Reach, Impact, Confidence, Effort"}, [])
    assert problems == ["RICE: no glossary term names it; add one to the glossary"]


def test_plural_without_its_singular_is_reported():
    problems = check_abbreviations({"OKRs": "Objectives and key results"}, [])
    assert len(problems) == 1 and problems[0].startswith("OKRs:")


def test_different_expansion_is_reported():
    problems = check_abbreviations(
        {"PRD": "Press release draft", "DoD": "Department of defence"}, glossary_terms(GLOSSARY)
    )
    assert len(problems) == 2
    assert "'Press release draft'" in problems[0] and "product requirements document" in problems[0]


def test_a_snippet_of_definitions_and_comments_is_a_glossary():
    text = (
        '[//]: # "A comment."\n*[PRD]: Product requirements document\n\n*[RICE]:  Reach, Impact\n'
    )
    assert snippet_glossary(text) == {
        "PRD": "Product requirements document",
        "RICE": "Reach, Impact",
    }
    assert snippet_glossary("") == {}


def test_a_snippet_with_anything_else_is_not_a_glossary():
    # Negative controls: text, a heading or a nested snippet must still be appended to pages.
    assert snippet_glossary("*[PRD]: Product requirements document\n\nAsk in chat.\n") is None
    assert snippet_glossary("# Glossary\n*[PRD]: Product requirements document\n") is None
    assert snippet_glossary('--8<-- "other.md"\n') is None
