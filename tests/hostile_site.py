"""A copy of the fixture handbook (every kind of page the engine makes) in which every text
field of data and front matter is hostile.

An attacker is anyone who can open a pull request; each payload below is one way text could
turn into markup: a script tag, an event handler, a `javascript:` markdown link and a quote
that would end an HTML attribute.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

from tests.helpers import BuildResult, build, fixture_site

# At most 80 characters: a release title is capped there by its schema.
PAYLOAD = '"><img src=x onerror=alert(1)>[x](javascript:alert(2))<script>alert(3)</script>'
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
TEMPLATE_KEYS = ("title", "description", "category", "use_when")
PAGE_KEYS = ("title", "description")
# Pages whose own front matter gets the payload too.
HOSTILE_PAGES = ("index.md", "guidelines/index.md")


def _poison(value: object) -> object:
    if isinstance(value, dict):
        return {
            k: (PAYLOAD if k in TEXT_KEYS and isinstance(v, str) else _poison(v))
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [_poison(v) for v in value]
    return value


def _poison_front_matter(path: Path, keys: tuple[str, ...]) -> None:
    text = path.read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    meta = yaml.safe_load(front)
    meta.update({key: PAYLOAD for key in keys})
    dumped = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1000)
    path.write_text(f"---\n{dumped}---\n{body}", encoding="utf-8")


def make_hostile_project(work: Path) -> Path:
    project = fixture_site(work)
    data = project / "data"
    for path in [*data.glob("*.yml"), *data.glob("releases/*.yml")]:
        text = path.read_text(encoding="utf-8")
        schema_line = text.splitlines()[0]  # the build refuses a file that declares none
        poisoned = yaml.safe_dump(
            _poison(yaml.safe_load(text)), sort_keys=False, allow_unicode=True, width=1000
        )
        path.write_text(f"{schema_line}\n{poisoned}", encoding="utf-8")
    for path in (project / "templates").glob("*.md"):
        _poison_front_matter(path, TEMPLATE_KEYS)
    for name in HOSTILE_PAGES:
        _poison_front_matter(project / "docs" / name, PAGE_KEYS)
    return project


def build_hostile_site(work: Path) -> BuildResult:
    return build(make_hostile_project(work), work / "site")


def live_markup(html: str) -> list[str]:
    """Every element or attribute in `html` that a payload could have made live."""
    soup = BeautifulSoup(html, "html.parser")
    found = [f"<{el.name} onerror>" for el in soup.find_all(attrs={"onerror": True})]
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
