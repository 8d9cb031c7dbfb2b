"""Small release files for tests: valid by default, one argument away from each mistake."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

from handbook.core import schemas
from handbook.core.data import DataSet, load_dataset
from tests.helpers import FIXTURE

TODAY = dt.date(2026, 11, 21)
XSS = "<script>alert(1)</script>"

CHANGE = """\
  - type: {type}
    area: {area}
    audience: {audience}
    description: {description}
"""


def change(
    type: str = "added",  # noqa: A002 - the field's name in the data
    area: str = "boards",
    audience: str = "both",
    description: str = "Swimlanes can be collapsed on planning boards.",
    extra: str = "",
) -> str:
    text = CHANGE.format(type=type, area=area, audience=audience, description=description)
    return text + extra


def release(
    version: str,
    date: str,
    status: str = "released",
    changes: list[str] | None = None,
    title: str = "A release worth reading about",
    summary: str = "What this release means for a customer, in two sentences.",
    last_updated: str | None = None,
) -> str:
    body = "".join(changes or [change()])
    return (
        "# yaml-language-server: $schema=../schema/release.schema.json\n"
        f'version: "{version}"\n'
        f"date: {date}\n"
        f"status: {status}\n"
        f"title: {title}\n"
        f"summary: {summary}\n"
        f"last_updated: {last_updated or min(date, TODAY.isoformat())}\n"
        "changes:\n" + body
    )


def release_file(version: str, date: str) -> str:
    return f"releases/{date}-v{version}.yml"


def data_root(tmp_path: Path, releases: dict[str, str]) -> Path:
    """A project root with the engine's schemas, the fixture handbook's owners and release
    settings, plus `releases`."""
    schema_dir = tmp_path / schemas.SCHEMA_DIR
    schema_dir.mkdir(parents=True, exist_ok=True)
    for name in schemas.names():
        (schema_dir / name).write_text(schemas.text(name), encoding="utf-8")
    for name in ("owners.yml", "release_settings.yml"):
        shutil.copy(FIXTURE / "data" / name, tmp_path / "data" / name)
    # Only the feature under test: no tool stack, onboarding or templates to provide.
    features = "releases: true\ntools: false\nonboarding: false\ntemplates: false\n"
    header = "# yaml-language-server: $schema=schema/features.schema.json\n"
    (tmp_path / "data" / "features.yml").write_text(header + features, encoding="utf-8")
    for name, text in releases.items():
        path = tmp_path / "data" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


def dataset(tmp_path: Path, releases: dict[str, str]) -> DataSet:
    data = load_dataset(data_root(tmp_path, releases))
    assert data.problems == [], [str(p) for p in data.problems]
    return data


# ---------------------------------------------------------------------------------------------
# A git history of release data, for "released since a revision"
# ---------------------------------------------------------------------------------------------

MKDOCS = "site_name: Releases\nsite_url: https://handbook.example.com/\ndocs_dir: docs\n"
INTERNAL = change(type="fixed", area="api", audience="internal", description="Faster endpoint.")


def commit_all(root: Path, message: str) -> str:
    """Commit everything in `root` (a git repository); returns the commit's id."""
    env = dict(
        os.environ,
        GIT_AUTHOR_NAME="Test",
        GIT_AUTHOR_EMAIL="test@example.com",
        GIT_COMMITTER_NAME="Test",
        GIT_COMMITTER_EMAIL="test@example.com",
    )
    git = ["git", "-C", str(root), "-c", "commit.gpgsign=false"]
    subprocess.run([*git, "add", "-A"], check=True, env=env)
    subprocess.run([*git, "commit", "-qm", message], check=True, env=env)
    done = subprocess.run([*git, "rev-parse", "HEAD"], check=True, capture_output=True, text=True)
    return done.stdout.strip()


def release_history(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A handbook in a git repository of three commits, by name: `empty` (no release data),
    `planned` (1.2.0 released, 1.3.0 planned, and a release file that is not YAML) and
    `released` (1.3.0 released, with an internal change and a title holding `<!channel>`;
    1.4.0 planned)."""
    root = data_root(tmp_path, {})
    (root / "mkdocs.yml").write_text(MKDOCS, encoding="utf-8")
    (root / "docs").mkdir()
    (root / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    commits = {"empty": commit_all(root, "no releases yet")}
    data = root / "data"
    data.joinpath("releases").mkdir()
    data.joinpath(release_file("1.2.0", "2026-10-14")).write_text(
        release("1.2.0", "2026-10-14"), encoding="utf-8"
    )
    planned_130 = release("1.3.0", "2026-11-18", status="planned")
    data.joinpath(release_file("1.3.0", "2026-11-18")).write_text(planned_130, encoding="utf-8")
    data.joinpath("releases/broken.yml").write_text("version: [1.3\n", encoding="utf-8")
    # YAML, but no release the schema allows: a change must be a mapping of known keys.
    odd = "version: 1.9.0\ndate: 2026-11-01\nstatus: released\nchanges: [{rollout: soon}]\n"
    data.joinpath("releases/odd.yml").write_text(odd, encoding="utf-8")
    commits["planned"] = commit_all(root, "1.3.0 planned")
    data.joinpath("releases/broken.yml").unlink()
    data.joinpath("releases/odd.yml").unlink()
    changes = [change(description="A capacity bar."), INTERNAL]
    released_130 = release("1.3.0", "2026-11-18", title="Capacity <!channel>", changes=changes)
    data.joinpath(release_file("1.3.0", "2026-11-18")).write_text(released_130, encoding="utf-8")
    data.joinpath(release_file("1.4.0", "2026-12-16")).write_text(
        release("1.4.0", "2026-12-16", status="planned"), encoding="utf-8"
    )
    commits["released"] = commit_all(root, "1.3.0 released")
    return root, commits
