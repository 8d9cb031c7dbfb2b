"""A handbook's own rules about its content, from data/content_rules.yml.

Rules pick pages by a glob under docs/ and say what each must have (length, headings, tags,
links to its siblings, no forbidden text, no placeholders left from a template) and how many
there must be. Facts are figures that several pages state (a metric's value, a scale, a
currency): a page that states one of them differently is an error at that line, so the pages
cannot drift apart. `handbook check` and the
build run the same rules; without the file there are none.

Patterns are written by anyone who opens a pull request, so they run on the `regex` engine
with a time limit: a pattern that backtracks without end (`(a+)+$`) is stopped after
MATCH_SECONDS on a page and refused at its own line in data/content_rules.yml, and never run
again in that check or build. A pattern that does not compile, or a fact pattern with no
group to read the figure from, is refused at its line too.
"""

from __future__ import annotations

import fnmatch
import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import regex

from handbook.core.data import DataSet
from handbook.core.problems import Problem, key_path
from handbook.pages.frontmatter import Page, parse_page
from handbook.pages.placeholders import placeholder_problems

FILE = "content_rules.yml"
# How long one pattern may look through one page.
MATCH_SECONDS = 1.0
_WORD = re.compile(r"[A-Za-z0-9][\w'’-]*")
_SIBLING_LINK = re.compile(r"\]\(([A-Za-z0-9_-]+\.md)(?:#[^)]*)?\)")
_CODE = re.compile(r"^(```|~~~).*?^\1", re.M | re.S)


@dataclass(frozen=True)
class Pattern:
    """A compiled pattern and where it is written (file line and key, for its problems)."""

    compiled: Any  # a regex.Pattern
    line: int
    key: str

    def finditer(self, text: str, slow: set[str]) -> Iterator[Any]:
        """Matches in `text`; none once the pattern has overrun its time on any page."""
        if self.key in slow:
            return iter(())
        try:
            return iter(list(self.compiled.finditer(text, timeout=MATCH_SECONDS)))
        except TimeoutError:
            slow.add(self.key)
            return iter(())


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
    forbid: tuple[Pattern, ...] = ()
    placeholders: bool = False

    def matches(self, src_uri: str) -> bool:
        if any(fnmatch.fnmatchcase(src_uri, pattern) for pattern in self.exclude):
            return False
        return fnmatch.fnmatchcase(src_uri, self.pages)


@dataclass(frozen=True)
class Fact:
    name: str
    value: str
    pattern: Pattern
    line: int


@dataclass
class ContentRules:
    rules: list[Rule] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    # Patterns refused when loaded (they do not compile, or read no figure).
    problems: list[Problem] = field(default_factory=list)
    # Keys of the patterns that overran MATCH_SECONDS; reported by `slow_problems`.
    slow: set[str] = field(default_factory=set)


def load_rules(dataset: DataSet) -> ContentRules:
    """The rules in data/content_rules.yml (already schema-checked); none without the file."""
    doc = dataset.get(FILE)
    if doc is None or not isinstance(doc.data, dict):
        return ContentRules()
    if any(p.file == doc.file and p.severity == "error" for p in dataset.problems):
        return ContentRules()  # its schema problems are reported; no rule is half-read
    found = ContentRules()

    def compiled(text: object, path: tuple) -> Pattern | None:
        key = key_path(path)
        line = doc.line_of(path)
        try:
            return Pattern(regex.compile(str(text), regex.I | regex.V0), line, key)
        except (regex.error, ValueError, OverflowError) as exc:
            message = f"{text!r} is not a regular expression ({exc})"
            found.problems.append(Problem(f"data/{FILE}", line, message, key))
            return None

    for i, raw in enumerate(doc.data.get("rules") or []):
        words: dict[str, Any] = raw.get("words") or {}
        tags: dict[str, Any] = raw.get("tags") or {}
        forbid = [
            compiled(p, ("rules", i, "forbid", j)) for j, p in enumerate(raw.get("forbid") or ())
        ]
        found.rules.append(
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
                forbid=tuple(p for p in forbid if p is not None),
                placeholders=raw.get("placeholders") is True,
            )
        )
    for i, raw in enumerate(doc.data.get("facts") or []):
        pattern = compiled(raw["pattern"], ("facts", i, "pattern"))
        if pattern is None:
            continue
        if "value" not in pattern.compiled.groupindex and pattern.compiled.groups < 1:
            message = "has no group to read the figure from; name it (?P<value>...)"
            found.problems.append(Problem(f"data/{FILE}", pattern.line, message, pattern.key))
            continue
        found.facts.append(Fact(raw["name"], str(raw["value"]), pattern, doc.line_of(("facts", i))))
    return found


def slow_problems(rules: ContentRules) -> list[Problem]:
    """The patterns that overran their time on some page, each at its own line."""
    patterns = [p for rule in rules.rules for p in rule.forbid] + [f.pattern for f in rules.facts]
    return [
        Problem(
            f"data/{FILE}",
            p.line,
            f"took longer than {MATCH_SECONDS:g} s on a page, so it was stopped: rewrite it "
            "(a repeat inside a repeat, like (a+)+, can backtrack without end)",
            p.key,
        )
        for p in patterns
        if p.key in rules.slow
    ]


def _line(page: Page, body_offset: int) -> int:
    return page.body_line + page.body.count("\n", 0, body_offset)


def _check_rule(
    rule: Rule, src_uri: str, page: Page, siblings: set[str], slow: set[str]
) -> list[Problem]:
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
        for match in pattern.finditer(prose, slow):
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


def _check_facts(facts: list[Fact], page: Page, slow: set[str]) -> list[Problem]:
    found = []
    body = page.body
    for fact in facts:
        named = "value" in fact.pattern.compiled.groupindex
        for match in fact.pattern.finditer(body, slow):
            stated = match.group("value") if named else match.group(1)
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
            problems.extend(_check_rule(rule, src_uri, page, siblings[rule.id], rules.slow))
    return problems + _check_facts(rules.facts, page, rules.slow)


def check_content(rules: ContentRules, pages: dict[str, Page]) -> list[Problem]:
    """Every rule and fact over every page (docs-relative path -> parsed page)."""
    src_uris = sorted(pages)
    siblings = siblings_of(rules, src_uris)
    problems = rules.problems + site_problems(rules, src_uris)
    for src_uri in src_uris:
        problems.extend(page_problems(rules, src_uri, pages[src_uri], siblings))
    return sorted(problems + slow_problems(rules))


def pages_of(texts: dict[str, str], prefix: str = "docs") -> dict[str, Page]:
    """Parsed pages from docs-relative path -> text; pages whose front matter is broken are
    left to the front matter checks, which report them."""
    pages = {}
    for src_uri, text in sorted(texts.items()):
        page, problems = parse_page(text, f"{prefix}/{src_uri}")
        if not problems:
            pages[src_uri] = page
    return pages
