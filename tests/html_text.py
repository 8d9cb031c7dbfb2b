"""Text of HTML elements as a browser's textContent gives it (what Material's copy button reads)."""

from __future__ import annotations

from html.parser import HTMLParser

_VOID = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


class _TextOf(HTMLParser):
    """Collects the text of every `tag` element inside an element whose class has `marker`."""

    def __init__(self, marker: str, tag: str):
        super().__init__(convert_charrefs=True)
        self.marker, self.tag = marker, tag
        self.depth = 0  # open elements since the marked container opened (0: outside)
        self.in_tag = 0
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in _VOID:
            return
        classes = (dict(attrs).get("class") or "").split()
        if self.depth:
            self.depth += 1
        elif self.marker in classes:
            self.depth = 1
        if self.depth and tag == self.tag:
            self.in_tag += 1
            if self.in_tag == 1:
                self.found.append("")

    def handle_startendtag(self, tag, attrs):
        pass  # <x />: opens and closes nothing that holds text

    def handle_endtag(self, tag):
        if tag in _VOID:
            return
        if self.depth and tag == self.tag and self.in_tag:
            self.in_tag -= 1
        if self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.in_tag:
            self.found[-1] += data


def texts(html: str, marker: str, tag: str = "code") -> list[str]:
    """textContent of each `tag` inside elements with class `marker`."""
    parser = _TextOf(marker, tag)
    parser.feed(html)
    parser.close()
    return parser.found


class _Attrs(HTMLParser):
    def __init__(self, name: str):
        super().__init__(convert_charrefs=True)
        self.name = name
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        for key, value in attrs:
            if key == self.name and value is not None:
                self.found.append(value)


def attribute_values(html: str, name: str) -> list[str]:
    """Every value of attribute `name` in `html`, unescaped as a browser reads it."""
    parser = _Attrs(name)
    parser.feed(html)
    parser.close()
    return parser.found
