"""Problems found in data and pages, reported as `file:line: path: message`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# A notice is advisory: `handbook check` lists it, a build logs it at INFO, nothing fails.
Severity = Literal["error", "warning", "notice"]


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    message: str
    key: str = ""
    severity: Severity = "error"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        key = f" {self.key}:" if self.key else ""
        return f"{where}:{key} {self.message}"


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]


def warnings(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "warning"]


def key_path(parts: tuple[str | int, ...]) -> str:
    """Render ('tools', 3, 'owner') as 'tools[3].owner'."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out
