"""Document templates: one plain markdown file each under templates/, the single source."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from handbook.frontmatter import parse_page
from handbook.paths import rel
from handbook.problems import Problem


@dataclass(frozen=True)
class Template:
    id: str
    title: str
    description: str
    category: str
    version: str
    owner: str
    path: Path
    text: str  # the exact bytes of the file, decoded as UTF-8


def load_templates(root: Path) -> tuple[list[Template], list[Problem]]:
    """Every templates/*.md, sorted by id; problems for unreadable or incomplete ones."""
    found: list[Template] = []
    problems: list[Problem] = []
    for path in sorted((root / "templates").glob("*.md")):
        name = rel(path, root)
        text = path.read_bytes().decode("utf-8")
        page, parse_problems = parse_page(text, name)
        problems.extend(parse_problems)
        meta = page.meta
        missing = [k for k in ("id", "title", "version") if not meta.get(k)]
        if missing:
            problems.append(Problem(name, 1, f"template front matter lacks {', '.join(missing)}"))
            continue
        found.append(
            Template(
                id=str(meta["id"]),
                title=str(meta["title"]),
                description=str(meta.get("description", "")),
                category=str(meta.get("category", "general")),
                version=str(meta["version"]),
                owner=str(meta.get("owner", "")),
                path=path,
                text=text,
            )
        )
    return sorted(found, key=lambda t: t.id), problems


def template_versions(root: Path) -> dict[str, str]:
    """Template id -> current version, for template drift checks."""
    templates, _ = load_templates(root)
    return {t.id: t.version for t in templates}
