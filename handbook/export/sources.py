"""Which files of docs/ an export carries, and how: pages to process, files to copy, drafts
and an off feature's pages to leave out.

The same choices MkDocs and the hooks make: `exclude_docs` (after MkDocs' own `.*` and
`/templates/`), `draft_docs` and `draft: true` pages are not built, nor are the pages in an off
feature's folder. Files MkDocs skips are copied all the same (the snippets extension reads
docs/.includes/); pages are copied only if they are built.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pathspec

from handbook.core import urls
from handbook.core.features import Gate
from handbook.pages.drafts import is_draft

# MkDocs' own exclusions, before exclude_docs.
DEFAULT_EXCLUDE = (".*", "/templates/")


@dataclass(frozen=True)
class DocsFile:
    src_uri: str  # docs-relative, POSIX
    path: Path
    kind: str  # "page" (built), "copy" (copied as it is), "left out"


def _spec(lines: object) -> pathspec.PathSpec | None:
    if not isinstance(lines, str) or not lines.strip():
        return None
    return pathspec.GitIgnoreSpec.from_lines(lines.splitlines())


def walk(docs: Path) -> Iterator[tuple[str, Path]]:
    """Every file under `docs` (symbolic links followed, as MkDocs does), sorted."""
    for folder, dirs, names in os.walk(docs, followlinks=True):
        dirs.sort()
        for name in sorted(names):
            path = Path(folder, name)
            yield path.relative_to(docs).as_posix(), path


def classify(docs: Path, config: dict, gate: Gate) -> list[DocsFile]:
    exclude = pathspec.GitIgnoreSpec.from_lines(
        [*DEFAULT_EXCLUDE, *str(config.get("exclude_docs") or "").splitlines()]
    )
    drafts = _spec(config.get("draft_docs"))
    found = []
    for src_uri, path in walk(docs):
        kind = "copy"
        if src_uri.endswith(urls.MARKDOWN) and not exclude.match_file(src_uri):
            draft = (drafts is not None and drafts.match_file(src_uri)) or is_draft(
                path.read_text(encoding="utf-8")
            )
            kind = "left out" if draft or gate.section_of(src_uri) else "page"
        found.append(DocsFile(src_uri, path, kind))
    return found
