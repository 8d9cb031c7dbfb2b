"""Feature switches: data/features.yml turns any feature of the registry on or off in one place.

An off feature makes no pages, feeds, nav entries, macros or checks; its docs folder is left
out of the site, and a page that calls one of its macros is refused (unless the call sits
inside `{% if features.<name> %}`). Without the file every feature is on.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field

from handbook.core.data import DataSet
from handbook.core.problems import Problem
from handbook.core.registry import Feature, macro_names, registry

FILE = "features.yml"


@dataclass(frozen=True)
class Features:
    """The switches as written in data/features.yml; a feature left out is on."""

    switches: dict[str, bool] = field(default_factory=dict)

    def on(self, name: str) -> bool:
        return self.switches.get(name, True)

    def names_on(self) -> list[str]:
        return [f.name for f in registry() if self.on(f.name)]

    def as_dict(self) -> dict[str, bool]:
        """Every feature's switch, for pages: `{% if features.tools %}`."""
        return {f.name: self.on(f.name) for f in registry()}


def load_features(dataset: DataSet) -> Features:
    """The switches in data/features.yml (already schema-checked); all on without the file."""
    doc = dataset.get(FILE)
    if doc is None or not isinstance(doc.data, dict):
        return Features()
    return Features({str(k): bool(v) for k, v in doc.data.items() if isinstance(v, bool)})


def check_features(dataset: DataSet) -> list[Problem]:
    """Each key of data/features.yml names a feature the engine has."""
    doc = dataset.get(FILE)
    if doc is None or not isinstance(doc.data, dict):
        return []
    known = [f.name for f in registry()]
    return [
        Problem(
            doc.file,
            doc.line_of((key,)),
            f"no feature is called {key!r}; features: {', '.join(known)}",
            key=str(key),
        )
        for key in doc.data
        if key not in known
    ]


@dataclass(frozen=True)
class Gate:
    """What the switches leave out: each off feature's macros and docs folder."""

    macros: dict[str, str] = field(default_factory=dict)  # macro name -> its off feature
    sections: dict[str, str] = field(default_factory=dict)  # docs folder -> its off feature

    def section_of(self, src_uri: str) -> str | None:
        """The off feature whose folder holds `src_uri` (docs-relative), or None."""
        folder = posixpath.dirname(src_uri)
        while folder:
            if folder in self.sections:
                return self.sections[folder]
            folder = posixpath.dirname(folder)
        return None


def gate(features: Features, every: tuple[Feature, ...] | None = None) -> Gate:
    macros: dict[str, str] = {}
    sections: dict[str, str] = {}
    for feature in every if every is not None else registry():
        if features.on(feature.name):
            continue
        macros.update(dict.fromkeys(macro_names(feature), feature.name))
        if feature.section:
            sections[feature.section] = feature.name
    return Gate(macros, sections)
