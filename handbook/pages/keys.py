"""The front matter keys the engine reads: on pages under docs/, and on templates/*.md.

One declared list, with what each key means and the values it takes. The reference docs
(engine-docs/reference.md) are written from it, and a test fails when the engine reads a key
that is not declared here.
"""

from __future__ import annotations

from dataclasses import dataclass

from handbook.freshness.review_fields import LAST_REVIEWED_KEYS, REVIEW_EVERY_KEYS


@dataclass(frozen=True)
class Key:
    name: str
    meaning: str
    allowed: str
    aliases: tuple[str, ...] = ()  # other names the engine accepts for it (GOV.UK Tech Docs')
    required: bool = False


PAGE_KEYS: tuple[Key, ...] = (
    Key(
        "title",
        "The page's title in the nav, the browser tab, search and the freshness dashboard; "
        "without it the page's first `#` heading is used. Shown as text, never as HTML.",
        "text",
    ),
    Key(
        "description",
        "A one-line summary for search engines and link previews "
        '(`<meta name="description">`). Shown as text, never as HTML.',
        "text",
    ),
    Key(
        "owner",
        "Who keeps the page right: named in its review notice and on the freshness dashboard, "
        "sent its reminders, and written into CODEOWNERS by `handbook codeowners`.",
        "an owner `id` from data/owners.yml",
    ),
    Key(
        "owner_slack",
        "GOV.UK Tech Docs' contact field, for pages moved over unchanged: when `owner` is "
        "absent, the owner whose `contact` equals it owns the page.",
        'a channel or handle in quotes, e.g. "#product-ops"',
    ),
    Key(
        LAST_REVIEWED_KEYS[0],
        "When the owner last checked that the page is right; with the review interval it "
        "gives the review-by date. `handbook review PAGE` sets it to today.",
        "a date YYYY-MM-DD, not after today",
        aliases=LAST_REVIEWED_KEYS[1:],
    ),
    Key(
        REVIEW_EVERY_KEYS[0],
        "How often the page is reviewed; wins over its `page_type`'s and its folder's "
        "interval in data/freshness.yml.",
        'a period: "90 days", "6 weeks", "6 months" or "1 year"',
        aliases=REVIEW_EVERY_KEYS[1:],
    ),
    Key(
        "page_type",
        "Gives the page the review interval of its type, from `page_types` in "
        "data/freshness.yml (when the page sets no `review_every`).",
        "a key of `page_types` in data/freshness.yml; other values are ignored",
    ),
    Key(
        "template",
        "The document template and version the page was made from; `handbook new` writes it. "
        "The freshness dashboard lists pages made from an older version of their template, "
        "and the template's placeholders left on the page are errors.",
        "`<template-id>@<MAJOR.MINOR.PATCH>`, e.g. prd@1.2.0",
    ),
    Key(
        "render_macros",
        "Opts the page into macros (`{{ ... }}`, `{% ... %}`); without it, braces are text.",
        "true or false",
    ),
    Key(
        "draft",
        "A draft is shown by `mkdocs serve` with a banner and left out of the built site.",
        "true or false",
    ),
    Key(
        "tags",
        "Tags for the tags index; when mkdocs.yml sets the tags plugin's `tags_allowed`, each "
        "tag must be one of them.",
        "a list of tags",
    ),
    Key(
        "icon",
        "Material's icon beside the page's title in the nav, by name; anything that is not an "
        "icon name is refused at its line.",
        "an icon name, e.g. material/book-open-variant",
    ),
    Key(
        "hide",
        "Material's list of page parts to hide (`navigation`, `toc`, `footer`). A page that "
        "draws a tool chart gets `toc` added, so the picture uses the table of contents' width.",
        "a list of part names",
    ),
    Key(
        "status",
        "Material for MkDocs' badge beside the page in the nav. The engine sets `stale` on a "
        "page past its review-by date, unless the page sets a status of its own.",
        "`new`, `deprecated` or an identifier under `extra.status` in mkdocs.yml",
    ),
)

# The front matter of a document template (templates/*.md): it describes the template, and a
# page made from it does not inherit it (the page gets owner, review_every and template).
TEMPLATE_KEYS: tuple[Key, ...] = (
    Key(
        "id",
        "The template's id: its page is `templates/<id>/` and pages made from it record "
        "`template: <id>@<version>`.",
        "lowercase letters, digits and dashes; the file name without `.md`",
        required=True,
    ),
    Key("title", "The template's name in the gallery and on its page.", "text", required=True),
    Key(
        "description",
        "What the document is, in a sentence; shown on its card and page.",
        "text",
        required=True,
    ),
    Key(
        "category",
        "The gallery section the template's card sits in.",
        "text",
        required=True,
    ),
    Key(
        "version",
        "The template's version; raise it when its skeleton changes, so pages made from an "
        "older version show on the freshness dashboard.",
        'MAJOR.MINOR.PATCH in quotes, e.g. "1.2.0"',
        required=True,
    ),
    Key(
        "owner",
        "Who keeps the template right; shown on its page.",
        "an owner `id` from data/owners.yml",
        required=True,
    ),
    Key(
        "last_reviewed",
        "When the owner last checked the template.",
        "a date YYYY-MM-DD, not after today",
        required=True,
    ),
    Key(
        "review_every",
        "How often the template is reviewed; `handbook new` copies it into the page it makes.",
        'a period: "90 days", "6 weeks", "6 months" or "1 year"',
        required=True,
    ),
    Key(
        "use_when",
        'When to reach for the template; shown after "Use it when" on its page.',
        "text (optional)",
    ),
)
