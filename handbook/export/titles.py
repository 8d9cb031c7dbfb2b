"""Page titles and tables of contents as MkDocs works them out, without MkDocs.

A page's title is, first found: its nav entry's, its front matter's, its first element's when
that is an `h1`, "Home" for the home page, else its file name. The export needs it before the
generator runs: freshness notices and the dashboard name pages, tool pages list the pages
that mention them, and a notice put before a page's heading would hide that heading from the
generator, so the export writes the title into the page's front matter.
"""

from __future__ import annotations

import copy
import posixpath
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from typing import Any

import markdown
from markdown.treeprocessors import Treeprocessor


def markdown_title(text: str) -> str | None:
    """The title MkDocs gives a page before it is rendered (what macros see as page.title):
    its first non-blank line when that is a `# ` heading."""
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = line.strip()
        if not line:
            continue
        return line.lstrip("# ") if line.startswith("# ") else None
    return None


def file_title(src_uri: str) -> str:
    """The title MkDocs makes from a page's file name."""
    stem = posixpath.splitext(posixpath.basename(src_uri))[0]
    title = ("index" if stem == "README" else stem).replace("-", " ").replace("_", " ")
    return title.capitalize() if title.lower() == title else title


def fallback_title(src_uri: str) -> str:
    return "Home" if src_uri == "index.md" else file_title(src_uri)


@dataclass(frozen=True)
class Rendered:
    heading: str | None  # the text of the page's first element, when it is an h1
    toc_empty: bool  # no table of contents beside the page's own h1
    html: str


class _FirstHeading(Treeprocessor):
    """What MkDocs' title treeprocessor reads: the first element, if it is an h1."""

    heading: str | None = None

    def run(self, root: etree.Element) -> None:
        self.heading = None
        for element in root:
            if element.tag == "h1":
                self.heading = _heading_text(element, self.md)
            break


def _heading_text(element: etree.Element, md: Any) -> str:
    """The heading's text as MkDocs takes it: no permalink or footnote marks, image alt texts
    kept, tags stripped, entities left as they are."""
    element = copy.deepcopy(element)
    if len(element) and element[-1].tag == "a" and element[-1].get("class") == "headerlink":
        del element[-1]
    for parent in list(element.iter()):
        _replace_with_text(parent)
    text = md.serializer(element)
    text = text[text.index(">") + 1 : text.rindex("<")].strip()
    for processor in md.postprocessors:
        text = processor.run(text)
    while (start := text.find("<")) != -1 and (end := text.find(">", start)) != -1:
        text = text[:start] + text[end + 1 :]
    return " ".join(text.split())


def _text_for(child: etree.Element) -> str | None:
    if child.tag == "sup" and (child.get("id") or "").startswith("fnref"):
        return ""
    if child.tag == "img" and child.get("alt"):
        return child.get("alt")
    return None


def _replace_with_text(parent: etree.Element) -> None:
    """Footnote marks and images replaced by their text, their tails carried along."""
    carry = ""
    for child in reversed(parent):
        text = _text_for(child)
        if text is not None:
            carry = text + (child.tail or "") + carry
            parent.remove(child)
        elif carry:
            child.tail = (child.tail or "") + carry
            carry = ""
    if carry:
        parent.text = (parent.text or "") + carry


class PageRenderer:
    """Python-Markdown with a handbook's extensions, as its generator runs them."""

    def __init__(self, extensions: list[str], configs: dict[str, dict]) -> None:
        self.extensions = extensions
        self.configs = configs

    def render(self, text: str) -> Rendered:
        md = markdown.Markdown(extensions=self.extensions, extension_configs=self.configs)
        first = _FirstHeading(md)
        md.treeprocessors.register(first, "handbook_first_heading", 1)
        html = md.convert(text)
        tokens = list(getattr(md, "toc_tokens", []))
        # Material leaves the page's own h1 out of the table of contents.
        if len(tokens) == 1 and tokens[0].get("level") == 1:
            tokens = list(tokens[0].get("children") or [])
        return Rendered(first.heading, not tokens, html)
