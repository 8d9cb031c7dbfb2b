"""Release data at an earlier git revision: which releases a push newly released.

A release is new when it is released now and was not released at the earlier revision (absent,
or still planned). Reading the old files from git, not from a second checkout, lets a workflow
pass the commit a push started from (`github.event.before`) and nothing else.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterable
from pathlib import Path

from handbook.core.paths import data_dir, rel
from handbook.core.yamlload import YamlError, load_yaml
from handbook.releases.model import RELEASES_FOLDER, Release, release_from_doc, sort_releases

# What GitHub passes as the revision before a push that created the branch.
NO_REVISION = re.compile(r"0{7,40}")


class HistoryError(Exception):
    """The earlier revision cannot be read; the message says why and what to do."""


def newly_released(before: Iterable[Release], now: Iterable[Release]) -> list[Release]:
    """Releases released in `now` that were not released in `before`, oldest first (the order
    a channel should read them in)."""
    was_released = {r.version for r in before if r.released}
    new = [r for r in now if r.released and r.version not in was_released]
    return list(reversed(sort_releases(new)))


def _git(root: Path, *args: str, stdin: bytes | None = None) -> bytes:
    try:
        done = subprocess.run(
            ["git", "-C", str(root), *args], input=stdin, capture_output=True, timeout=120
        )
    except FileNotFoundError:
        raise HistoryError(
            "git is not installed; it is needed to read earlier release data"
        ) from None
    if done.returncode:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise HistoryError(f"git {args[0]}: {message[-1] if message else 'failed'}")
    return done.stdout


def _commit(root: Path, rev: str) -> str:
    if rev.startswith("-"):
        raise HistoryError(f"{rev!r} is not a revision")
    try:
        return _git(root, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}").decode().strip()
    except HistoryError:
        raise HistoryError(
            f"{rev} is not a commit in this clone: fetch it (`git fetch origin {rev}`), or pass "
            "another revision to compare with"
        ) from None


def _blobs(root: Path, ids: list[str]) -> list[bytes]:
    """The contents of `ids`, in order, from one `git cat-file --batch`."""
    if not ids:
        return []
    out = _git(root, "cat-file", "--batch", stdin="".join(f"{i}\n" for i in ids).encode())
    found, at = [], 0
    for _ in ids:
        head_end = out.index(b"\n", at)
        size = int(out[at:head_end].split()[2])
        found.append(out[head_end + 1 : head_end + 1 + size])
        at = head_end + 1 + size + 1  # the content, then a newline
    return found


def releases_at(root: Path, rev: str) -> tuple[list[Release], list[str]]:
    """The releases under data/releases/ at `rev` (none when the folder was not there yet),
    and a note for each file there that cannot be read as YAML (it counts as not released)."""
    commit = _commit(root, rev)
    folder = f"{rel(data_dir(root), root)}/{RELEASES_FOLDER}/"
    listing = _git(root, "ls-tree", "-r", "-z", commit, "--", folder).decode("utf-8")
    files: list[tuple[str, str]] = []  # (path, blob id)
    for entry in filter(None, listing.split("\0")):
        meta, path = entry.split("\t", 1)
        mode, kind, blob = meta.split()
        if kind == "blob" and mode.startswith("100") and path.endswith((".yml", ".yaml")):
            files.append((path, blob))
    releases, notes = [], []
    for (path, _), content in zip(files, _blobs(root, [b for _, b in files]), strict=True):
        try:
            doc = load_yaml(content.decode("utf-8"), f"{path} at {rev}")
        except (YamlError, UnicodeDecodeError) as exc:
            notes.append(f"{path} at {rev} is not readable, so counts as not released: {exc}")
            continue
        try:
            release = release_from_doc(doc)
        except (AttributeError, KeyError, TypeError, ValueError) as exc:
            # Data of the past that the schema would refuse now: read as far as it goes, not
            # trusted; its release counts as not released, as an unreadable file does.
            why = f"is not a valid release, so counts as not released: {exc!r}"
            notes.append(f"{path} at {rev} {why}")
            continue
        if release is not None:
            releases.append(release)
    return releases, notes
