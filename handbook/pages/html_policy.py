"""What HTML an author may write in a page, a template or the glossary, and what is refused.

The policy, stated once (the README's Security section says the same):

- Refused everywhere: elements that run or load code or restyle the page (`ACTIVE_TAGS`:
  <script>, <iframe>, <object>, <embed>, <style> and their kin), event-handler attributes
  (`on*`), `style` attributes, and `javascript:`, `vbscript:` and `data:` URLs, whether they
  come from raw HTML, an `attr_list` `{ ... }` or a markdown link or image.
- In pages and the glossary, raw HTML may use the harmless tags in `AUTHOR_TAGS` with the
  attributes in `AUTHOR_ATTRIBUTES` (and `aria-*`); an `attr_list` may set `#id`, `.class`
  and the attributes in `AUTHOR_ATTRIBUTES`. Anything else is refused with its line.
- Templates keep `<placeholder text>` and `{placeholder}` (shown as text on the site, never
  as HTML: raw HTML is not rendered in a template's preview), so their markup is held only to
  the refusals that apply everywhere, for the elements in `EXECUTING_TAGS` and for attributes
  that have a value; a page made from a template is then checked as any page.

Pure: no MkDocs import.
"""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Elements that run script, load another document or resource, restyle the page or submit it.
ACTIVE_TAGS = _words(
    "script iframe object embed style link meta base frame frameset applet form noscript"
    " template svg math portal animate set foreignobject"
)
# The subset refused even in templates: a page made from one would run or embed code.
EXECUTING_TAGS = _words("script iframe object embed style frame frameset applet")
# Harmless tags an author may write as raw HTML in a page.
AUTHOR_TAGS = _words(
    "a abbr b blockquote br caption cite code col colgroup dd del details dfn div dl dt em"
    " figcaption figure h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p pre q s samp small"
    " span strong sub summary sup table tbody td tfoot th thead time tr u ul var wbr"
)
# Attributes an author may set, on any of those tags or through an attr_list.
AUTHOR_ATTRIBUTES = _words(
    "id class title lang dir role markdown href hreflang rel target name src alt width"
    " height loading colspan rowspan scope align start type reversed value open datetime"
    " span cite"
)
# Attributes whose value is a URL (HTML, SVG and legacy ones browsers still honour).
URL_ATTRIBUTES = _words(
    "href src action formaction xlink:href poster background cite data srcset ping"
    " codebase longdesc manifest lowsrc dynsrc"
)
ACTIVE_REASON = "is not allowed (it runs or loads code, or restyles the page)"
BAD_SCHEMES = ("javascript", "vbscript", "data")
# Browsers drop these anywhere in a URL before they read its scheme.
URL_NOISE = re.compile(r"[\x00-\x20\x7f]+")


def bad_scheme(url: str) -> str | None:
    """The refused scheme `url` would run as (javascript, vbscript, data), or None."""
    cleaned = URL_NOISE.sub("", url).lower()
    for scheme in BAD_SCHEMES:
        if cleaned.startswith(scheme + ":"):
            return scheme
    return None


def attribute_refusal(name: str, value: str | None, allow_list: bool = True) -> str | None:
    """Why attribute `name="value"` is refused (None when it is allowed).

    With `allow_list` false only the refusals that apply everywhere are made, and only to an
    attribute with a value (a bare word can neither run nor load anything).
    """
    if value is None and not allow_list:
        return None
    name = name.lower()
    if name.startswith("on"):
        return f"`{name}` is an event-handler attribute, which would run script"
    if name == "style":
        return "`style` attributes are not allowed (use a class; the stylesheet is reviewed code)"
    if name == "srcdoc":
        return "`srcdoc` embeds a document"
    scheme = bad_scheme(value or "") if name in URL_ATTRIBUTES or name.endswith(":href") else None
    if scheme:
        return f"`{name}` holds a {scheme}: URL"
    if allow_list and name not in AUTHOR_ATTRIBUTES and not name.startswith("aria-"):
        return f"`{name}` is not an attribute pages may set"
    return None


def tag_refusal(tag: str, allow_list: bool = True) -> str | None:
    """Why raw HTML element `<tag>` is refused (None when it is allowed)."""
    tag = tag.lower()
    if tag in (ACTIVE_TAGS if allow_list else EXECUTING_TAGS):
        return f"<{tag}> {ACTIVE_REASON}"
    if allow_list and tag not in AUTHOR_TAGS:
        return (
            f"<{tag}> is not an HTML tag pages may use (a template's placeholder left in?): "
            f"replace it, or write it in backticks or as &lt;{tag}&gt; to show the brackets; "
            f"allowed tags: {', '.join(sorted(AUTHOR_TAGS))}"
        )
    return None


def with_hint(reasons: list[str]) -> str:
    """Reasons joined; the list of allowed attributes follows once when one was unknown."""
    text = "; ".join(reasons)
    if any(reason.endswith("is not an attribute pages may set") for reason in reasons):
        text += f" (allowed: #id, .class, {', '.join(sorted(AUTHOR_ATTRIBUTES))}, aria-*)"
    return text
