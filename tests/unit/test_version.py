"""The engine's version: one number, printed by the CLI and documented in CHANGELOG.md."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import metadata, version
from pathlib import Path

import keepachangelog

import handbook

ROOT = Path(__file__).resolve().parents[2]


def test_cli_prints_the_installed_version() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "handbook", "--version"], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == f"handbook {handbook.__version__}"
    assert version("product-ops-handbook") == handbook.__version__


def test_changelog_has_a_section_for_this_version(tmp_path) -> None:
    changes = keepachangelog.to_dict(str(ROOT / "CHANGELOG.md"))
    assert handbook.__version__ in changes
    assert "99.0.0" not in changes
    # Negative control: the same changelog without this version's section fails the check.
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    without = text.replace(f"## [{handbook.__version__}]", "## [0.0.1]")
    (tmp_path / "CHANGELOG.md").write_text(without, encoding="utf-8")
    assert handbook.__version__ not in keepachangelog.to_dict(str(tmp_path / "CHANGELOG.md"))


def test_license_file_is_shipped() -> None:
    assert "MIT License" in (ROOT / "LICENSE").read_text(encoding="utf-8")
    # The installed package declares the same license as the file says.
    assert metadata("product-ops-handbook")["License-Expression"] == "MIT"
