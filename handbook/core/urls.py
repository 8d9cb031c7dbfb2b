"""The one place that turns docs paths into site URLs, and URLs into links between pages.

MkDocs serves guidelines/x.md at guidelines/x/ with `use_directory_urls: true` (the default)
and at guidelines/x.html without it; every link the engine builds itself goes through here,
so both settings give working links.
"""

from __future__ import annotations

import posixpath

# The file name endings MkDocs builds as pages (mkdocs.utils.markdown_extensions).
MARKDOWN = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")


def page_url(src_uri: str, directory_urls: bool = True) -> str:
    """The site-relative URL of a docs page, as MkDocs computes File.url (a README page is
    its folder's index)."""
    folder, name = posixpath.split(src_uri)
    base, suffix = posixpath.splitext(name)
    name = base if suffix in MARKDOWN else name
    name = "index" if name == "README" else name
    stem = posixpath.join(folder, name)
    if not directory_urls:
        return f"{stem}.html"
    if name == "index":
        return stem[: -len("index")]
    return f"{stem}/"


def site_path(file_url: str) -> str:
    """MkDocs' File.url as a site path: the home page's "./" becomes ""."""
    return "" if file_url in ("./", ".") else file_url


def relative_url(from_url: str, to_url: str) -> str:
    """A link from the page at site URL `from_url` to `to_url` (both site-relative)."""
    start = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url)
    target = posixpath.relpath(to_url or ".", start.rstrip("/") or ".")
    if to_url.endswith("/") or not to_url:
        return "./" if target == "." else target.rstrip("/") + "/"
    return target


def absolute_url(site_url: str | None, path: str) -> str:
    """`path` under site_url (which may have a sub-path); relative when there is no site_url."""
    if not site_url:
        return path
    return site_url.rstrip("/") + "/" + path.lstrip("/")
