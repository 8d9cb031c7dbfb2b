"""Template placeholders left on a page: `[placeholder text]`, and `<placeholder text>` in older
templates.

A page made from a template and published with its placeholders still in it reads as
unfinished, and an `<angle bracket>` one is worse: markdown reads it as an HTML tag, so the
browser shows nothing where the text should be. These functions find them in a page's markdown,
leaving alone what only looks alike: links `[text](url)`, reference links `[text][ref]` and
`[text]` with a `[text]: url` definition, task list boxes `[ ]` / `[x]`, footnotes `[^1]`,
abbreviation definitions `*[API]: ...`, text without a letter (`[1]`, `[...]`), HTML tags,
autolinks `<https://...>`, and anything in code, an HTML comment or a macro call.

Pure: markdown in, placeholders out. `handbook check` and the build report them: on a page with
`template:` the placeholders of that template (handbook.pages.checks), and on the pages a
content rule with `placeholders: true` picks, any (handbook.pages.content_rules).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from handbook.core.problems import Problem
from handbook.pages.frontmatter import Page


@dataclass(frozen=True)
class Placeholder:
    text: str  # as written, brackets included
    offset: int  # where it starts in the markdown it was found in


# Element names people write as HTML in a markdown page; `<anything else>` is a placeholder.
# Left out on purpose: names that read as placeholders in prose and never belong in a page's
# body (`<title>`, `<link>`, `<name>`, `<data>`, `<area>`, `<label>` ...).
HTML_ELEMENTS = frozenset(
    (
        "a",
        "abbr",
        "article",
        "aside",
        "audio",
        "b",
        "blockquote",
        "br",
        "button",
        "caption",
        "center",
        "cite",
        "code",
        "col",
        "colgroup",
        "dd",
        "del",
        "details",
        "dfn",
        "div",
        "dl",
        "dt",
        "em",
        "embed",
        "figcaption",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "i",
        "iframe",
        "img",
        "input",
        "ins",
        "kbd",
        "li",
        "main",
        "mark",
        "nav",
        "ol",
        "p",
        "picture",
        "pre",
        "q",
        "s",
        "samp",
        "script",
        "section",
        "small",
        "source",
        "span",
        "strong",
        "style",
        "sub",
        "summary",
        "sup",
        "svg",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "track",
        "u",
        "ul",
        "var",
        "video",
        "wbr",
        "path",
        "g",
        "circle",
        "rect",
        "line",
        "polyline",
        "polygon",
        "text",
        "tspan",
        "defs",
        "use",
        "symbol",
    )
)

_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.S)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_MACRO = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
_DEFINITION = re.compile(r"^[ \t]{0,3}\[(?!\^)([^\]\n]+)\]:[ \t]*\S.*$", re.M)
_ABBREVIATION = re.compile(r"^[ \t]*\*\[[^\]\n]+\]:.*$", re.M)
_DESTINATION = re.compile(r"\]\([^)\n]*\)")
_SQUARE = re.compile(r"\[([^\[\]\n]+)\]")
# `<text>`, allowing one nested `<...>` inside (`<superseded by <link>>`), on one line.
_ANGLE = re.compile(r"<(?=[A-Za-z0-9._…])([^<>\n]*(?:<[^<>\n]*>[^<>\n]*)*)>")
_TAG = re.compile(
    r"""^([A-Za-z][A-Za-z0-9]*)(?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*"""
    r"""\s*/?$"""
)
_AUTOLINK = re.compile(r"^(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[^\s@<>]+@[^\s@<>]+)$")
_LETTER = re.compile(r"[^\W\d_]")


def _blank(text: str, start: int, end: int) -> str:
    """`text` with [start, end) replaced by spaces, line breaks kept (offsets stay put)."""
    return text[:start] + re.sub(r"[^\n]", " ", text[start:end]) + text[end:]


def _blank_all(text: str, pattern: re.Pattern) -> str:
    return pattern.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def _without_fences(markdown: str) -> str:
    lines = markdown.splitlines(keepends=True)
    out = []
    fence: str | None = None
    for line in lines:
        opener = _FENCE.match(line)
        if fence is not None:
            if opener and opener.group(1)[0] == fence[0] and len(opener.group(1)) >= len(fence):
                fence = None
            out.append(re.sub(r"[^\n]", " ", line))
            continue
        if opener:
            fence = opener.group(1)
            out.append(re.sub(r"[^\n]", " ", line))
            continue
        out.append(line)
    return "".join(out)


def _label(text: str) -> str:
    return " ".join(text.split()).casefold()


def prose(markdown: str) -> tuple[str, set[str]]:
    """`markdown` with everything that is not prose blanked out, and its reference labels."""
    labels = {_label(m.group(1)) for m in _DEFINITION.finditer(markdown)}
    text = _without_fences(markdown)
    for pattern in (_COMMENT, _MACRO, _CODE_SPAN, _DEFINITION, _ABBREVIATION, _DESTINATION):
        text = _blank_all(text, pattern)
    return text, labels


def _square(text: str, start: int, end: int, inner: str, labels: set[str]) -> bool:
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    if before in ("\\", "]", "[") or after in ("(", "[", "]", ":"):
        return False  # escaped, a link, a reference link or its label, a wiki link
    if inner.strip() in ("", "x", "X") or inner.startswith(("^", "=")) or inner == "TOC":
        return False  # a task box, a footnote, a progress bar, the table of contents marker
    if _label(inner) in labels:
        return False  # a shortcut reference link: [text] with a [text]: url definition
    return bool(_LETTER.search(inner))


def _angle(inner: str) -> bool:
    tag = _TAG.match(inner)
    if tag and tag.group(1).lower() in HTML_ELEMENTS:
        return False
    if _AUTOLINK.match(inner):
        return False
    return bool(_LETTER.search(inner)) or inner.strip(".… ") == ""


def find_placeholders(markdown: str) -> list[Placeholder]:
    """Every placeholder in the prose of `markdown`, in order."""
    text, labels = prose(markdown)
    found = []
    for match in _SQUARE.finditer(text):
        if _square(text, match.start(), match.end(), match.group(1), labels):
            found.append(Placeholder(markdown[match.start() : match.end()], match.start()))
    for match in _ANGLE.finditer(text):
        if _angle(match.group(1)):
            found.append(Placeholder(markdown[match.start() : match.end()], match.start()))
    return sorted(found, key=lambda p: p.offset)


def placeholder_problems(
    file: str,
    body: str,
    body_line: int,
    what: str,
    keep: frozenset[str] | None = None,
) -> list[Problem]:
    """One problem per line of `body` that holds placeholders (only those in `keep`, if given).

    `what` ends the message: where the placeholders come from and what to do.
    """
    lines: dict[int, list[str]] = {}
    for placeholder in find_placeholders(body):
        if keep is not None and placeholder.text not in keep:
            continue
        line = body_line + body.count("\n", 0, placeholder.offset)
        shown = lines.setdefault(line, [])
        if placeholder.text not in shown:
            shown.append(placeholder.text)
    return [
        Problem(
            file,
            line,
            f"placeholder{'s' if len(texts) > 1 else ''} {', '.join(texts)} still on the page; "
            f"{what}",
            key="placeholder",
        )
        for line, texts in sorted(lines.items())
    ]


# ---------------------------------------------------------------------------------------------
# Pages made from a template (`template: id@version`)
# ---------------------------------------------------------------------------------------------


def template_placeholders(templates: Iterable[Any]) -> dict[str, frozenset[str]]:
    """Template id -> the placeholders in its body (each a handbook.templates Template)."""
    return {t.id: frozenset(p.text for p in find_placeholders(t.body)) for t in templates}


def check_template_placeholders(
    page: Page, templates: Mapping[str, frozenset[str]]
) -> list[Problem]:
    """The placeholders of the page's template (`template: id@version`) still on the page.

    A draft is left alone until it is published. A page whose template is gone from
    templates/ is checked for any placeholder.
    """
    from handbook.templates.model import parse_ref

    ref = parse_ref(page.meta.get("template"))
    if ref is None or page.meta.get("draft") is True:
        return []
    template_id = ref[0]
    what = f"it comes from template {template_id}: replace it with this page's own text"
    return placeholder_problems(
        page.file, page.body, page.body_line, what, templates.get(template_id)
    )
