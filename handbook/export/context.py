"""What every step of an export reads (the handbook and its settings) and what it makes."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from handbook.core import urls
from handbook.core.context import Handbook
from handbook.core.paths import docs_dir, rel
from handbook.core.site_settings import read_site_settings
from handbook.export import config as cfg
from handbook.markdown_ext import TASKLIST_LABELS


class ExportError(ValueError):
    """The handbook cannot be exported as it is; the message names the file and why."""


@dataclass
class Export:
    """What to write, by path inside the export folder, and what the person should know."""

    files: dict[str, bytes] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)  # a line per stale page
    pages: int = 0

    def add(self, path: str, content: str | bytes) -> None:
        if path in self.files:
            raise ExportError(f"{path}: written twice by the export")
        self.files[path] = content.encode("utf-8") if isinstance(content, str) else content


@dataclass
class Site:
    """The handbook and the mkdocs.yml settings the export works from."""

    root: Path
    handbook: Handbook
    config: dict[str, Any]  # mkdocs.yml as written, tags kept
    docs: Path
    docs_prefix: str  # docs_dir relative to the project, for messages and paths
    site_url: str
    site_name: str
    repo_url: str
    repo_name: str
    edit_uri: str | None
    directory_urls: bool
    extensions: list[str]  # markdown_extensions as the generator loads them
    extension_configs: dict[str, dict]
    generator: str = "mkdocs"  # or "zensical"

    def url(self, src_uri: str) -> str:
        """MkDocs' File.url of a page."""
        return urls.page_url(src_uri, self.directory_urls) or "./"

    def engine_settings(self) -> dict:
        """`extra: handbook:` of mkdocs.yml."""
        extra = self.config.get("extra")
        own = extra.get("handbook") if isinstance(extra, dict) else None
        return dict(own) if isinstance(own, dict) else {}

    def file_href(self, path: str, from_src_uri: str) -> str:
        """An href in raw HTML to a file the theme publishes (not a docs file, so it cannot be
        a markdown link): root-relative under site_url's path, because a generator that
        re-resolves relative links in raw HTML (Zensical) would misread `prd.md` from the
        page at templates/prd/; relative when there is no site_url."""
        if not self.site_url:
            return urls.relative_url(self.url(from_src_uri), path)
        return urlsplit(self.site_url).path.rstrip("/") + "/" + path


def read_site(root: Path, handbook: Handbook, generator: str = "mkdocs") -> Site:
    config = cfg.read_config(root)
    settings = read_site_settings(root)
    docs = docs_dir(root)
    names, options = cfg.extensions(config)
    if "pymdownx.tasklist" in names and TASKLIST_LABELS not in names:
        names.append(TASKLIST_LABELS)  # as the theme hook adds it
    return Site(
        root=root,
        handbook=handbook,
        config=config,
        docs=docs,
        docs_prefix=rel(docs, root),
        site_url=settings.site_url,
        site_name=str(config.get("site_name") or ""),
        repo_url=settings.repo_url,
        repo_name=str(config.get("repo_name") or _repo_name(settings.repo_url)),
        edit_uri=settings.edit_uri,
        directory_urls=settings.use_directory_urls,
        extensions=names,
        extension_configs=cfg.resolve(options, root, docs),
        generator=generator,
    )


def _repo_name(repo_url: str) -> str:
    """MkDocs' own repo_name when mkdocs.yml sets none."""
    host = urlsplit(repo_url).netloc.lower()
    known = {"github.com": "GitHub", "bitbucket.org": "Bitbucket", "gitlab.com": "GitLab"}
    return known.get(host, host.split(".")[0].title() if host else "")
