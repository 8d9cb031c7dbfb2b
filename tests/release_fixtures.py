"""Small release files for tests: valid by default, one argument away from each mistake."""

from __future__ import annotations

import datetime as dt
import shutil
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
