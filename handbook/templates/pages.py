"""What the site shows for templates: the gallery, and one page per template.

Pure: no MkDocs import. The template's source, preview and download link are HTML made from
the file's text and put into the page after markdown has run (`fill_slots`), so nothing in a
template - `{{ x }}`, `{% if %}`, `${VAR}`, `<angle brackets>`, tabs, backtick fences or
`--8<--` lines - is ever read as macros, markdown or HTML on its way to the reader.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable

import markdown
import yaml
from markupsafe import Markup

from handbook.core.jinja_env import environment
from handbook.core.owners import Owner
from handbook.core.registry import GeneratedPage
from handbook.templates.model import Template

_JINJA = environment(trim=False)

SLOTS = ("download", "preview", "source")
_SLOT = re.compile(r'<div data-template-slot="([^"]*)"></div>')
# Extensions that must not run on a template's preview: no file includes, no heading anchors
# (the preview's headings are not part of the page's table of contents).
_PREVIEW_SKIP = {"pymdownx.snippets", "toc"}


def page_uri(template: Template) -> str:
    """Docs-relative path of the generated page for a template."""
    return f"templates/{template.id}.md"


def raw_uri(template: Template) -> str:
    """Site-relative path of the byte-identical copy offered for download."""
    return f"templates/{template.id}/{template.filename}"


def by_category(templates: Iterable[Template]) -> list[tuple[str, list[Template]]]:
    """Templates grouped by category (categories A-Z, templates by title within each)."""
    groups: dict[str, list[Template]] = {}
    for template in templates:
        groups.setdefault(template.category, []).append(template)
    return [
        (category, sorted(items, key=lambda t: t.title.lower()))
        for category, items in sorted(groups.items(), key=lambda item: item[0].lower())
    ]


def gallery_markdown(
    templates: Iterable[Template], owner_names: dict[str, str], from_page: str
) -> str:
    """Material grid cards, one section per category; links are relative to `from_page`."""
    items = list(templates)
    folder = posixpath.dirname(from_page)
    links = {t.id: posixpath.relpath(page_uri(t), folder or ".") for t in items}
    names = {t.id: owner_names.get(t.owner, t.owner) for t in items}
    return _JINJA.get_template("template_gallery.md").render(
        groups=by_category(items), links=links, owner_names=names
    )


def page_markdown(template: Template, owner_name: str) -> str:
    """The generated page: front matter from the template, prose, and three empty slots."""
    meta = {
        # Escaped for the theme with every other page's (handbook.mkdocs.theme.on_env).
        "title": template.title,
        "description": template.description,
        "owner": template.owner,
        "last_reviewed": template.last_reviewed,
        "review_every": template.review_every or None,
    }
    front = yaml.safe_dump(
        {k: v for k, v in meta.items() if v}, sort_keys=False, allow_unicode=True, width=1000
    )
    body = _JINJA.get_template("template_page.md").render(t=template, owner_name=owner_name)
    return f"---\n{front}---\n\n{body}"


def template_page(template: Template, owners: dict[str, Owner]) -> GeneratedPage:
    """The template's generated page; its slots are filled from the file's text later."""
    owner = owners.get(template.owner)
    markdown = page_markdown(template, owner.name if owner else template.owner)
    return GeneratedPage(page_uri(template), markdown, template.title)


def slot_html(
    template: Template, download_href: str, extensions: list, extension_configs: dict
) -> dict[str, str]:
    """What goes into the template page's three slots."""
    return {
        "download": download_html(template, download_href),
        "preview": preview_html(template, extensions, extension_configs),
        "source": source_html(template),
    }


def copy_text(template: Template) -> str:
    """What the copy button copies: the body, without the front matter that describes the
    template (a page made from it needs its own) or the blank lines that follow it."""
    return template.body.lstrip("\r\n")


def source_html(template: Template) -> str:
    """The raw file in a code block; its text content is exactly the file's text.

    Material's copy button copies the `data-copy` text of the nearest element that has one
    (trailing whitespace trimmed): here the body alone. The download is the byte-exact file.
    """
    return _JINJA.get_template("template_source.html").render(
        id=template.id, text=template.text, copy=copy_text(template)
    )


def download_html(template: Template, href: str) -> str:
    return _JINJA.get_template("template_download.html").render(
        id=template.id,
        href=href,
        filename=template.filename,
        size=len(template.text.encode("utf-8")),
        version=template.version,
    )


def preview_html(template: Template, extensions: list, extension_configs: dict) -> str:
    """The template's body rendered as a document made from it would be; raw HTML shown as text."""
    configs = {k: dict(v) for k, v in extension_configs.items() if k not in _PREVIEW_SKIP}
    # Line anchors would repeat the ids of the page's own code blocks.
    if "pymdownx.highlight" in configs:
        configs["pymdownx.highlight"]["anchor_linenums"] = False
    md = markdown.Markdown(
        extensions=[e for e in extensions if e not in _PREVIEW_SKIP], extension_configs=configs
    )
    # A template is text, not markup: `<customer name>` must show, not vanish as an HTML tag.
    for registry, name in ((md.preprocessors, "html_block"), (md.inlinePatterns, "html")):
        if name in registry:
            registry.deregister(name)
    body = Markup(md.convert(template.body))  # noqa: S704 - Markdown escaped the raw HTML
    return _JINJA.get_template("template_preview.html").render(title=template.title, body=body)


def fill_slots(html: str, slots: dict[str, str]) -> str:
    """Put each slot's HTML in place of its marker; every marker and every slot must match."""
    found = _SLOT.findall(html)
    unknown = sorted(set(found) - set(slots))
    if unknown:
        raise ValueError(f"unknown template slot(s): {', '.join(unknown)}")
    missing = sorted(name for name in slots if found.count(name) != 1)
    if missing:
        raise ValueError(f"template slot(s) not found exactly once: {', '.join(missing)}")
    return _SLOT.sub(lambda m: slots[m.group(1)], html)
