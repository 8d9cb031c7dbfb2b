"""A handbook's own rules about its content, from data/content_rules.yml.

Rules pick pages by a glob under docs/ and say what each must have (length, headings, tags,
links to its siblings, no forbidden text, no placeholders left from a template) and how many
there must be. Facts are figures that several pages state (a metric's value, a scale, a
currency): a page that states one of them differently is an error at that line, so the pages
cannot drift apart. `handbook check` and the
build run the same rules; without the file there are none.
"""

from __future__ import annotations

import fnmatch
import posixpath
import re
from dataclasses import dataclass, field
from typing import Any

from handbook.core.data import DataSet
from handbook.core.problems import Problem
from handbook.pages.frontmatter import Page, parse_page
from handbook.pages.placeholders import placeholder_problems

FILE = "content_rules.yml"
_WORD = re.compile(r"[A-Za-z0-9][\w'’-]*")
_SIBLING_LINK = re.compile(r"\]\(([A-Za-z0-9_-]+\.md)(?:#[^)]*)?\)")
_CODE = re.compile(r"^(```|~~~).*?^\1", re.M | re.S)


@dataclass(frozen=True)
class Rule:
    id: str
    pages: str
    line: int
    exclude: tuple[str, ...] = ()
    min_pages: int = 0
    min_words: int | None = None
    max_words: int | None = None
    min_tags: int | None = None
    max_tags: int | None = None
    headings: tuple[str, ...] = ()
    sibling_links: int = 0
    forbid: tuple[re.Pattern, ...] = ()
    placeholders: bool = False

    def matches(self, src_uri: str) -> bool:
        if any(fnmatch.fnmatchcase(src_uri, pattern) for pattern in self.exclude):
            return False
        return fnmatch.fnmatchcase(src_uri, self.pages)


@dataclass(frozen=True)
class Fact:
    name: str
    value: str
    pattern: re.Pattern
    line: int


@dataclass
class ContentRules:
    rules: list[Rule] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)


def load_rules(dataset: DataSet) -> ContentRules:
    """The rules in data/content_rules.yml (already schema-checked); none without the file."""
    doc = dataset.get(FILE)
    if doc is None or not isinstance(doc.data, dict):
        return ContentRules()
    rules = []
    for i, raw in enumerate(doc.data.get("rules") or []):
        words: dict[str, Any] = raw.get("words") or {}
        tags: dict[str, Any] = raw.get("tags") or {}
        rules.append(
            Rule(
                id=raw["id"],
                pages=raw["pages"],
                line=doc.line_of(("rules", i)),
                exclude=tuple(raw.get("exclude") or ()),
                min_pages=int(raw.get("min_pages", 0)),
                min_words=words.get("min"),
                max_words=words.get("max"),
                min_tags=tags.get("min"),
                max_tags=tags.get("max"),
                headings=tuple(raw.get("headings") or ()),
                sibling_links=int(raw.get("sibling_links", 0)),
                forbid=tuple(re.compile(p, re.I) for p in raw.get("forbid") or ()),
                placeholders=raw.get("placeholders") is True,
            )
        )
    facts = [
        Fact(
            raw["name"],
            str(raw["value"]),
            re.compile(raw["pattern"], re.I),
            doc.line_of(("facts", i)),
        )
        for i, raw in enumerate(doc.data.get("facts") or [])
    ]
    return ContentRules(rules, facts)


def _line(page: Page, body_offset: int) -> int:
    return page.body_line + page.body.count("\n", 0, body_offset)


def _check_rule(rule: Rule, src_uri: str, page: Page, siblings: set[str]) -> list[Problem]:
    body, where = page.body, page.file
    found: list[Problem] = []

    def problem(line: int, message: str) -> None:
        found.append(Problem(where, line, f"{message} (content rule {rule.id})"))

    # Code blocks are not prose: blanked, with their line breaks kept for the line numbers.
    prose = _CODE.sub(lambda m: "\n" * m.group(0).count("\n"), body)
    words = len(_WORD.findall(prose))
    low, high = rule.min_words, rule.max_words
    if (low is not None and words < low) or (high is not None and words > high):
        problem(
            page.body_line,
            f"{words} words; pages under {rule.pages} have {low or 0} to {high or 'any'}",
        )
    tags = page.meta.get("tags") or []
    count = len(tags) if isinstance(tags, list) else 0
    if (rule.min_tags is not None and count < rule.min_tags) or (
        rule.max_tags is not None and count > rule.max_tags
    ):
        problem(page.line_of("tags"), f"{count} tags; {rule.min_tags} to {rule.max_tags} wanted")
    for heading in rule.headings:
        if not re.search(rf"^#{{2,6}} {re.escape(heading)}\s*$", body, re.M):
            problem(page.body_line, f"no '{heading}' section")
    if rule.sibling_links:
        own = posixpath.basename(src_uri)
        linked = {name for name in _SIBLING_LINK.findall(body) if name != own} & siblings
        if len(linked) < rule.sibling_links:
            problem(
                page.body_line,
                f"links to {len(linked)} sibling pages; at least {rule.sibling_links} wanted",
            )
    for pattern in rule.forbid:
        for match in pattern.finditer(prose):
            problem(_line(page, match.start()), f"forbidden text {match.group(0)!r}")
    # A page made from a template is checked against its template's own placeholders instead
    # (handbook.pages.checks); a draft is left alone until it is published.
    if rule.placeholders and page.meta.get("draft") is not True and not _from_template(page):
        what = f"replace it with real text (content rule {rule.id})"
        found += placeholder_problems(page.file, page.body, page.body_line, what)
    return found


def _from_template(page: Page) -> bool:
    from handbook.templates.model import parse_ref

    return parse_ref(page.meta.get("template")) is not None


def _check_facts(facts: list[Fact], page: Page) -> list[Problem]:
    found = []
    body = page.body
    for fact in facts:
        for match in fact.pattern.finditer(body):
            stated = match.group("value") if "value" in fact.pattern.groupindex else match.group(1)
            if stated != fact.value:
                message = (
                    f"states {fact.name} as {stated}; the handbook's figure is {fact.value} "
                    f"(data/{FILE}:{fact.line}): use it, or say why this is a different figure"
                )
                found.append(Problem(page.file, _line(page, match.start()), message))
    return found


def site_problems(rules: ContentRules, src_uris: list[str]) -> list[Problem]:
    """Rules with too few pages, reported against the rule's line in data/content_rules.yml."""
    problems = []
    for rule in rules.rules:
        count = sum(1 for src_uri in src_uris if rule.matches(src_uri))
        if count < rule.min_pages:
            message = (
                f"content rule {rule.id}: {count} pages match {rule.pages}; "
                f"at least {rule.min_pages} wanted"
            )
            problems.append(Problem(f"data/{FILE}", rule.line, message))
    return problems


def siblings_of(rules: ContentRules, src_uris: list[str]) -> dict[str, set[str]]:
    """For each rule, the file names of the pages it picks (what `sibling_links` counts)."""
    names: dict[str, set[str]] = {rule.id: set() for rule in rules.rules}
    for src_uri in src_uris:
        for rule in rules.rules:
            if rule.matches(src_uri):
                names[rule.id].add(posixpath.basename(src_uri))
    return names


def page_problems(
    rules: ContentRules, src_uri: str, page: Page, siblings: dict[str, set[str]]
) -> list[Problem]:
    """Every rule that picks this page, and every fact, on one parsed page."""
    problems = []
    for rule in rules.rules:
        if rule.matches(src_uri):
            problems.extend(_check_rule(rule, src_uri, page, siblings[rule.id]))
    return problems + _check_facts(rules.facts, page)


def check_content(rules: ContentRules, pages: dict[str, Page]) -> list[Problem]:
    """Every rule and fact over every page (docs-relative path -> parsed page)."""
    src_uris = sorted(pages)
    siblings = siblings_of(rules, src_uris)
    problems = site_problems(rules, src_uris)
    for src_uri in src_uris:
        problems.extend(page_problems(rules, src_uri, pages[src_uri], siblings))
    return sorted(problems)


def pages_of(texts: dict[str, str], prefix: str = "docs") -> dict[str, Page]:
    """Parsed pages from docs-relative path -> text; pages whose front matter is broken are
    left to the front matter checks, which report them."""
    pages = {}
    for src_uri, text in sorted(texts.items()):
        page, problems = parse_page(text, f"{prefix}/{src_uri}")
        if not problems:
            pages[src_uri] = page
    return pages
