"""The HTML a page publishes, checked for anything that runs script or loads a document.

The page check (handbook.pages.markup) reads markdown source and names the line; this reads
what Markdown, the extensions, mkdocs-macros and the engine's hooks actually made, so markup
that reaches the page another way (an HTML block hiding a code span, a snippet, a macro
joining strings) is refused as well. Only the refusals that apply everywhere are made here
(handbook.pages.html_policy): the engine's own HTML uses tags and attributes authors may not,
such as <svg> charts and style attributes. Pure: no MkDocs import.
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

from handbook.core.problems import Problem
from handbook.pages.html_policy import (
    ACTIVE_REASON,
    ACTIVE_TAGS,
    BAD_SCHEMES,
    URL_NOISE,
    attribute_refusal,
    with_hint,
)
from handbook.pages.markup import KEY

# The engine draws its charts (tool radar, freshness) as inline SVG with style attributes.
ENGINE_MARKUP = frozenset({"svg", "math"})
_PUBLISHED_ACTIVE = ACTIVE_TAGS - ENGINE_MARKUP

# What the parser could refuse leaves a trace in the raw text, so most pages need no parse (a
# parse of every page was 7% of a large build). Each pattern matches more than the parser
# would refuse, never less: an active tag's name after `<`; an `on*` name where the parser
# starts an attribute name (after a quote, a space or a slash) and followed by `=`; `srcdoc`.
# Three searches, not one alternation: each then starts from its literal, which is faster.
_RAW_TRACES = [
    re.compile(rf"<(?:{'|'.join(sorted(_PUBLISHED_ACTIVE))})", re.I),
    re.compile(r"['\"\s/]on[^\s/=>]*\s*=", re.I),
    re.compile("srcdoc", re.I),
]
# A refused URL starts with its scheme once entities are decoded and noise is dropped; a value
# is a contiguous part of the page, so the scheme, noise and all, is in the decoded page too.
# Searched in the reversed text, where each match starts at a `:` (rare in a page) instead of
# at a letter: dropping the noise from the whole page first was most of the screen's time.
_NOISE = URL_NOISE.pattern.removesuffix("+") + "*"
_REVERSED_SCHEMES = re.compile(
    "|".join(":" + _NOISE + _NOISE.join(reversed(scheme)) for scheme in BAD_SCHEMES), re.I
)


def may_refuse(html: str) -> bool:
    """False when `published_problems` could find nothing in `html`, without parsing it."""
    if any(trace.search(html) for trace in _RAW_TRACES):
        return True
    return bool(_REVERSED_SCHEMES.search(unescape(html)[::-1]))


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []  # (what to look for in the source, why)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _PUBLISHED_ACTIVE:
            self.found.append((rf"<{tag}\b", f"<{tag}> {ACTIVE_REASON}"))
        refused = [
            (name, why)
            for name, value in attrs
            if name != "style" and (why := attribute_refusal(name, value, allow_list=False))
        ]
        if refused:
            reasons = [why for _, why in refused]
            needle = rf"\b{re.escape(refused[0][0])}\s*="
            self.found.append((needle, f"<{tag}>: {with_hint(reasons)}"))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)


def published_problems(html: str, file: str, source: str) -> list[Problem]:
    """Problems with the HTML a page publishes. The n-th finding of a kind is put on the line
    of the n-th place in `source` (the page's file) that writes it, or on line 1 when the
    source does not (a macro or a snippet made it)."""
    if not may_refuse(html):
        return []
    parser = _Tags()
    parser.feed(html)
    parser.close()
    seen: dict[str, int] = {}
    problems = set()
    for needle, why in parser.found:
        lines = [source.count("\n", 0, m.start()) + 1 for m in re.finditer(needle, source, re.I)]
        nth = seen.get(needle, 0)
        seen[needle] = nth + 1
        line = lines[min(nth, len(lines) - 1)] if lines else 1
        problems.add(Problem(file, line, f"{why} (in the HTML the page publishes)", KEY))
    return sorted(problems)
