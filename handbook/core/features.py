"""Feature switches: data/features.yml turns the releases, tool stack, onboarding and templates
features on or off in one place. An off feature makes no pages, feeds, nav entries, macros or
checks; without the file every feature is on.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from handbook.core.data import DataSet

FILE = "features.yml"


@dataclass(frozen=True)
class Features:
    releases: bool = True  # data/releases/: release pages, changelog, feed
    tools: bool = True  # data/tools.yml: tool pages, radar, spend, renewals
    onboarding: bool = True  # data/roles.yml: role checklists, people to meet
    templates: bool = True  # templates/: gallery, template pages, downloads

    def names_on(self) -> list[str]:
        return [f.name for f in fields(self) if getattr(self, f.name)]


def load_features(dataset: DataSet) -> Features:
    """The switches in data/features.yml (already schema-checked); all on without the file."""
    doc = dataset.get(FILE)
    if doc is None or not isinstance(doc.data, dict):
        return Features()
    known = {f.name for f in fields(Features)}
    return Features(**{k: bool(v) for k, v in doc.data.items() if k in known})
