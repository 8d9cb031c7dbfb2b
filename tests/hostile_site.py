"""A copy of the fixture handbook (every kind of page the engine makes) in which every text
field of data and front matter is hostile.

An attacker is anyone who can open a pull request; each payload below is one way text could
turn into markup: a script tag, an event handler, a `javascript:` markdown link and a quote
that would end an HTML attribute. BRACED starts with `{{`, which makes mkdocs-macros render a
title as a template (and set it on the page, past the escaping of front matter).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from xml.etree import ElementTree

import yaml
from bs4 import BeautifulSoup

from tests.helpers import BuildResult, build, fixture_site

# At most 80 characters: a release title is capped there by its schema.
PAYLOAD = '"><img src=x onerror=alert(1)>[x](javascript:alert(2))<script>alert(3)</script>'
BRACED = '{{ "<img src=x onerror=alert(4)>" }}"><img src=x onerror=alert(5)>'
# Keys whose values are free text in data files (ids, dates, URLs and enums are checked by
# the schemas and are not text; change-type headings are an enum).
TEXT_KEYS = {
    "name",
    "description",
    "purpose",
    "notes",
    "note",
    "role",
    "contact",
    "title",
    "summary",
    "internal_note",
    "sales",
    "support",
    "marketing",
    "customer_success",
    "product",
}
# Data keys that get BRACED instead, in the file named: a tool's name is the title of its
# page and of its nav and footer links.
BRACED_FILE = "tools.yml"
BRACED_KEYS = {"name"}
TEMPLATE_KEYS = ("title", "description", "category", "use_when")
# Every front matter key Material prints as text (handbook.pages.theme_keys.TEXT_KEYS).
PAGE_KEYS = ("title", "subtitle", "description", "author")
# Pages whose own front matter gets the payload too.
HOSTILE_PAGES = ("index.md", "guidelines/index.md")
# A tagged page (listed on the tags index) and a template whose titles are BRACED.
BRACED_PAGE = "guidelines/decision-making.md"
BRACED_TEMPLATE = "retrospective.md"


def _hostile(key: object, value: object, braced: bool) -> object:
    if key in TEXT_KEYS and isinstance(value, str):
        return BRACED if braced and key in BRACED_KEYS else PAYLOAD
    return _poison(value, braced)


def _poison(value: object, braced: bool = False) -> object:
    if isinstance(value, dict):
        return {k: _hostile(k, v, braced) for k, v in value.items()}
    if isinstance(value, list):
        return [_poison(v, braced) for v in value]
    return value


def _poison_front_matter(path: Path, keys: tuple[str, ...], title: str = PAYLOAD) -> None:
    text = path.read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    meta = yaml.safe_load(front)
    meta.update({key: PAYLOAD for key in keys})
    meta["title"] = title
    dumped = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1000)
    path.write_text(f"---\n{dumped}---\n{body}", encoding="utf-8")


def make_hostile_project(work: Path) -> Path:
    project = fixture_site(work)
    data = project / "data"
    for path in [*data.glob("*.yml"), *data.glob("releases/*.yml")]:
        text = path.read_text(encoding="utf-8")
        schema_line = text.splitlines()[0]  # the build refuses a file that declares none
        poisoned = yaml.safe_dump(
            _poison(yaml.safe_load(text), path.name == BRACED_FILE),
            sort_keys=False,
            allow_unicode=True,
            width=1000,
        )
        path.write_text(f"{schema_line}\n{poisoned}", encoding="utf-8")
    for path in (project / "templates").glob("*.md"):
        _poison_front_matter(
            path, TEMPLATE_KEYS, BRACED if path.name == BRACED_TEMPLATE else PAYLOAD
        )
    for name in HOSTILE_PAGES:
        _poison_front_matter(project / "docs" / name, PAGE_KEYS)
    _poison_front_matter(project / "docs" / BRACED_PAGE, PAGE_KEYS, BRACED)
    # Every glossary expansion, which the snippets extension appends to every page.
    glossary = project / "docs" / ".includes" / "abbreviations.md"
    lines = glossary.read_text(encoding="utf-8").splitlines()
    hostile = [
        line.split(":", 1)[0] + ": " + PAYLOAD if line.startswith("*[") else line for line in lines
    ]
    glossary.write_text("\n".join(hostile) + "\n", encoding="utf-8")
    return project


def build_hostile_site(work: Path) -> BuildResult:
    return build(make_hostile_project(work), work / "site")


def live_markup(html: str) -> list[str]:
    """Every element or attribute in `html` that a payload could have made live."""
    soup = BeautifulSoup(html, "html.parser")
    found = [
        f"<{el.name} {name}>"
        for el in soup.find_all(True)
        for name in el.attrs
        if name.lower().startswith("on")
    ]
    found += [f"<{el.name} src=x>" for el in soup.find_all(src="x")]
    found += [
        f"<{el.name} href={el['href']}>"
        for el in soup.find_all(href=re.compile(r"^\s*javascript:", re.I))
    ]
    found += [
        f"<script>{s.string}" for s in soup.find_all("script") if "alert(" in (s.string or "")
    ]
    # An attribute the `">` ended early leaves the rest of the payload as a stray attribute.
    found += [
        f"<{el.name} {name}>" for el in soup.find_all(True) for name in el.attrs if "alert" in name
    ]
    return found


def _search_texts(path: Path) -> list[str]:
    """What Material's search shows as HTML: each entry's title, text and tags."""
    index = json.loads(path.read_text(encoding="utf-8"))
    texts = []
    for doc in index["docs"]:
        texts += [doc.get("title", ""), doc.get("text", ""), *doc.get("tags", [])]
    return texts


def _tags_texts(path: Path) -> list[str]:
    """The tags plugin's export: each page's title and tags."""
    mappings = json.loads(path.read_text(encoding="utf-8"))["mappings"]
    return [text for m in mappings for text in (m["item"]["title"], *m["tags"])]


def _feed_texts(path: Path) -> list[str]:
    """A feed item's description is HTML that feed readers render; its title is text."""
    root = ElementTree.parse(path).getroot()
    return [item.findtext("description") or "" for item in root.iter("item")]


def site_findings(site: Path) -> dict[str, list[str]]:
    """Live markup anywhere a reader's browser (or feed reader) treats site/ text as HTML:
    every page, the search index, the tags export and the release feed, by file."""
    found: dict[str, list[str]] = {}
    readers = {
        "*.html": lambda p: [p.read_text(encoding="utf-8")],
        "search_index.json": _search_texts,
        "tags.json": _tags_texts,
        "feed.xml": _feed_texts,
    }
    for pattern, read in readers.items():
        for path in sorted(site.rglob(pattern)):
            hits = [hit for text in read(path) for hit in live_markup(text)]
            if hits:
                found[str(path.relative_to(site))] = hits
    return found
