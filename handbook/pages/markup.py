"""Raw HTML, attribute lists and link URLs in markdown, checked against the HTML policy.

`markup_problems` reads a page body (or a template's, or the glossary) the way Python-Markdown
will: code in fences and backticks is text, so it is skipped; raw HTML is read the way a
browser reads it (html.parser), `{ ... }` the way the attr_list extension does, and the URL
of every markdown link, image and reference definition is checked. Each problem names the
file and line. The build checks the HTML Markdown actually made as well
(handbook.pages.published_html), so markup that hides from this reading still fails there.
Pure: no MkDocs import.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from html.parser import HTMLParser

from markdown.extensions.attr_list import get_attrs_and_remainder
from markdown.util import BLOCK_LEVEL_ELEMENTS

from handbook.core.problems import Problem
from handbook.pages.frontmatter import Page
from handbook.pages.html_policy import attribute_refusal, bad_scheme, tag_refusal, with_hint

KEY = "html"
# Fenced code (pymdownx.superfences: any indentation, in lists, quotes and admonitions).
_FENCE_OPEN = re.compile(r"^(?P<lead>[ \t>]*)(?P<fence>`{3,}|~{3,})")
# Python-Markdown's own code span pattern (markdown.inlinepatterns.BACKTICK_RE), after a
# lookahead for the character either branch starts with: the same matches, found five times
# faster, as the two lookbehinds are then tried only there instead of at every character.
_CODE_SPAN = re.compile(
    r"(?=[\\`])(?:(?<!\\)((?:\\{2})+)(?=`+)|(?<!\\)(`+)(.+?)(?<!`)\2(?!`))", re.S
)
# A line that starts a raw HTML block, and md_in_html's attribute that makes it markdown.
_BLOCK_START = re.compile(r"^ {0,3}<([A-Za-z][A-Za-z0-9-]*)([^>]*)")
_MARKDOWN_ATTR = re.compile(r"\bmarkdown\b")
# Python-Markdown's autolinks and automatic mail links: links, not HTML.
_AUTOLINK = re.compile(r"<(?:[Ff]|[Hh][Tt])[Tt][Pp][Ss]?://[^<>]*>|<[^<> !]+@[^@<> ]+>")
# mkdocs-macros' Jinja in a page that renders macros (checked by handbook.pages.sandbox).
_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
# The attr_list extension's own pattern: `{` with an optional `:`, up to the line's last `}`.
_ATTR_LIST = re.compile(r"\{\:?[ ]*([^\}\n ][^\n]*)\}")
# Where attr_list applies one: alone on its line, at the end of a line (headings, list items,
# definition terms), before a table cell's `|`, or right after inline markup.
_INLINE_END = set(")]*_~=^>`")
# The abbr extension's definitions: the expansion becomes an escaped title attribute.
_ABBREVIATION = re.compile(r"^\*\[[^\]]+\]:.*$", re.M)
# Markdown links and images `[text](url)`, and reference definitions `[id]: url`.
_LINK = re.compile(r"\]\(\s*<?([^\s)>]*)")
_REFERENCE = re.compile(r"^[ ]{0,3}\[[^\]]+\]:[ \t]*<?(\S+?)>?(?:\s|$)", re.M)


def _blank(text: str) -> str:
    """`text` with every character but line breaks replaced by a space (lines stay put)."""
    return re.sub(r"[^\n]", " ", text)


def mask_code(text: str) -> str:
    """`text` with fenced code blocks and code spans blanked out, line numbers kept.

    Backticks inside a raw HTML block are not code (Markdown leaves the block as it is), so
    those lines keep their backticks and whatever they hold is checked as HTML.
    """
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        match = _FENCE_OPEN.match(lines[i])
        close = _closing_fence(lines, i, match.group("fence")) if match else None
        if close is None:
            out.append(lines[i])
            i += 1
            continue
        out.extend(_blank(line) for line in lines[i : close + 1])
        i = close + 1
    raw = _raw_html_lines(out)
    masked: list[str] = []
    run: list[str] = []
    for number, line in enumerate(out):
        if number in raw:
            masked.extend(_mask_spans(run))
            run = []
            masked.append(line)
        else:
            run.append(line)
    masked.extend(_mask_spans(run))
    return "\n".join(masked)


def _mask_spans(lines: list[str]) -> list[str]:
    if not lines:
        return []
    return _CODE_SPAN.sub(lambda m: _blank(m.group()), "\n".join(lines)).split("\n")


def _raw_html_lines(lines: list[str]) -> set[int]:
    """Lines Python-Markdown passes through as a raw HTML block: from a line that starts with
    a block-level tag (without md_in_html's `markdown` attribute) to the line that closes it."""
    raw: set[int] = set()
    i = 0
    while i < len(lines):
        match = _BLOCK_START.match(lines[i])
        if not match or match.group(1).lower() not in BLOCK_LEVEL_ELEMENTS:
            i += 1
            continue
        tag = match.group(1).lower()
        if _MARKDOWN_ATTR.search(match.group(2) or ""):
            i += 1
            continue
        opens = re.compile(rf"<{tag}\b", re.I)
        closes = re.compile(rf"</{tag}\s*>", re.I)
        depth = 0
        j = i
        while j < len(lines):
            depth += len(opens.findall(lines[j])) - len(closes.findall(lines[j]))
            raw.add(j)
            if depth <= 0:
                break
            j += 1
        i = j + 1
    return raw


def _closing_fence(lines: list[str], start: int, fence: str) -> int | None:
    """The line that closes the fence opened on `start` (None: unclosed, so no fence)."""
    closing = re.compile(rf"^[ \t>]*{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
    for j in range(start + 1, len(lines)):
        if closing.match(lines[j]):
            return j
    return None


class _Tags(HTMLParser):
    """Every start tag with its attributes and line, as a browser would read them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((self.getpos()[0], tag, attrs))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)


def markup_problems(
    text: str,
    file: str,
    first_line: int = 1,
    *,
    placeholders: bool = False,
    jinja: bool = False,
) -> list[Problem]:
    """Problems with the raw HTML, attribute lists and link URLs of markdown `text`, whose
    first line is line `first_line` of `file`.

    `placeholders`: a template, whose `<text in angle brackets>` is a placeholder; only the
    refusals that apply everywhere are made to its raw HTML. `jinja`: a page that renders
    macros, whose `{{ ... }}` and `{% ... %}` are not attribute lists.
    """
    masked = mask_code(text)
    if jinja:
        masked = _JINJA.sub(lambda m: _blank(m.group()), masked)
    masked = _AUTOLINK.sub(lambda m: _blank(m.group()), masked)
    masked = _ABBREVIATION.sub(lambda m: _blank(m.group()), masked)
    found: list[tuple[int, str]] = []
    found += _raw_html(masked, placeholders)
    found += _attr_lists(masked, placeholders)
    found += _link_urls(masked)
    return sorted({Problem(file, first_line + line - 1, message, KEY) for line, message in found})


def _raw_html(masked: str, placeholders: bool) -> list[tuple[int, str]]:
    parser = _Tags()
    parser.feed(masked)
    parser.close()
    found = []
    for line, tag, attrs in parser.found:
        refusal = tag_refusal(tag, allow_list=not placeholders)
        if refusal:
            found.append((line, refusal))
            continue
        reasons = [
            why
            for name, value in attrs
            if (why := attribute_refusal(name, value, not placeholders))
        ]
        if reasons:
            found.append((line, f"<{tag}>: {with_hint(reasons)}"))
    return found


def _attr_lists(masked: str, placeholders: bool) -> list[tuple[int, str]]:
    found = []
    for match in _ATTR_LIST.finditer(masked):
        attrs, _ = get_attrs_and_remainder(match.group(1))
        # A harmless unknown word is refused only where attr_list would apply it.
        jinja_like = match.group(1).startswith(("{", "%", "#"))
        strict = not (placeholders or jinja_like) and _applies(masked, match.start(), match.end())
        reasons = [
            why
            for key, value in attrs
            if key not in (".", "id") and (why := attribute_refusal(key, value, strict))
        ]
        if reasons:
            line = masked.count("\n", 0, match.start()) + 1
            shown = match.group(1).strip()
            found.append((line, f"attribute list {{ {shown} }}: {with_hint(reasons)}"))
    return found


def _applies(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    before = text[line_start:start]
    after = text[end : len(text) if line_end == -1 else line_end]
    if not after.strip() and (not before.strip() or before.endswith((" ", "\t"))):
        return True
    if after.lstrip().startswith("|"):
        return True
    return bool(before) and before[-1] in _INLINE_END


def _link_urls(masked: str) -> list[tuple[int, str]]:
    found = []
    for pattern, what in ((_LINK, "link"), (_REFERENCE, "link reference")):
        for match in pattern.finditer(masked):
            scheme = bad_scheme(html.unescape(match.group(1)))
            if scheme:
                line = masked.count("\n", 0, match.start(1)) + 1
                found.append((line, f"{what} to a {scheme}: URL is not allowed"))
    return found


def check_page_markup(page: Page, _owners: dict, _today: dt.date) -> list[Problem]:
    """A page check: its body's markup, against the HTML policy."""
    jinja = page.meta.get("render_macros") is True
    return markup_problems(page.body, page.file, page.body_line, jinja=jinja)
