"""The glossary page and the abbreviations expanded on every page must agree.

Pure: takes the two files' text, returns plain values. docs/.includes/abbreviations.md holds
`*[ABBR]: Expansion` lines (Python-Markdown's abbr syntax); docs/about/glossary.md is a
definition list whose terms name each abbreviation.
"""

from __future__ import annotations

import re

_ABBR = re.compile(r"^\*\[([^\]]+)\]:\s*(.+?)\s*$")
# A definition-list term: a line followed by a line starting with ":   ".
_TERM_ATTRS = re.compile(r"\s*\{[^}]*\}\s*$")
_ABBR_FORM = re.compile(r"^(\S+) \(([^)]+)\)$")  # "PRD (product requirements document)"
_FULL_FORM = re.compile(r"^(.+) \((\S+)\)$")  # "Definition of done (DoD)"


def parse_abbreviations(text: str) -> dict[str, str]:
    """Abbreviation -> expansion, in file order."""
    found: dict[str, str] = {}
    for line in text.splitlines():
        match = _ABBR.match(line)
        if match:
            found[match.group(1)] = match.group(2)
    return found


def glossary_terms(markdown: str) -> list[str]:
    """The definition-list terms of a page, without their `{ #id }` attributes."""
    lines = markdown.splitlines()
    terms = []
    for line, after in zip(lines, lines[1:], strict=False):
        if after.startswith(":   ") and line.strip() and not line.startswith((" ", ":")):
            terms.append(_TERM_ATTRS.sub("", line).strip())
    return terms


def _term_words(term: str) -> set[str]:
    return set(re.findall(r"[A-Za-z0-9/]+", term))


def check_abbreviations(abbreviations: dict[str, str], terms: list[str]) -> list[str]:
    """Problems: an abbreviation no glossary term names, or a term that expands it differently.

    A plural ("PRDs") is fine when its singular ("PRD") is itself an entry.
    """
    problems = []
    for abbr, expansion in abbreviations.items():
        base = abbr[:-1] if abbr.endswith("s") and abbr[:-1] in abbreviations else abbr
        naming = [t for t in terms if base in _term_words(t)]
        if not naming:
            problems.append(f"{abbr}: no glossary term names it; add one to the glossary")
            continue
        if base != abbr:
            continue
        for term in naming:
            stated = _stated_expansion(term, abbr)
            if stated is not None and stated.lower() != expansion.lower():
                problems.append(
                    f"{abbr}: expanded as {expansion!r} but the glossary term says {stated!r}"
                )
    return problems


def _stated_expansion(term: str, abbr: str) -> str | None:
    """The expansion a term spells out for `abbr`, when it has the form "X (Y)"."""
    short = _ABBR_FORM.match(term)
    if short and short.group(1) == abbr:
        return short.group(2)
    full = _FULL_FORM.match(term)
    if full and full.group(2) == abbr:
        return full.group(1)
    return None


def snippet_glossary(text: str) -> dict[str, str] | None:
    """The abbreviations a snippet file defines, when definitions are all it holds.

    Read by Python-Markdown itself, so each entry means what it meant appended to a page
    (`*[ABBR]: Expansion`, comments such as `[//]: # "..."`, blank lines). None when the file
    renders anything else: then it must stay an appended snippet.
    """
    import markdown

    md = markdown.Markdown(extensions=["abbr"])
    if md.convert(text).strip():
        return None
    return dict(md.treeprocessors["abbr"].abbrs)  # type: ignore[attr-defined]
