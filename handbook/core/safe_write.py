"""The one way the CLI writes a file: inside the handbook, atomically, never replacing a link.

A write goes to a temporary file beside the target and is renamed over it, so a killed command
leaves the old file or the new one, never half of either. A symbolic link on the way (the file
itself or a folder above it) is followed only to a file the command owns, which the caller
names with `owned` (`handbook review`: a page or a template): a pull request that turns
hooks/data.py or .github/CODEOWNERS into a link to mkdocs.yml must not make `handbook upgrade`
or `handbook codeowners` rewrite mkdocs.yml. The link itself stays a link.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path


class UnsafeWrite(ValueError):
    """A write the CLI refuses: outside the handbook, or over something that exists."""


class ChangedMeanwhile(UnsafeWrite):
    """The file changed after the command read it; writing would lose that change."""


def inside(root: Path, path: Path) -> Path:
    """`path` (absolute, or from the working directory) with symlinks resolved.

    UnsafeWrite when that leaves `root`.
    """
    real_root = root.resolve()
    real = path.resolve()
    if not real.is_relative_to(real_root):
        raise UnsafeWrite(f"{path}: resolves to {real}, outside the handbook {real_root}")
    return real


def through_link(root: Path, path: Path) -> bool:
    """Whether a symbolic link inside `root` redirects `path` (the file or a folder on the way)."""
    try:
        plain = Path(os.path.abspath(path)).relative_to(os.path.abspath(root))
        real = Path(os.path.realpath(path)).relative_to(os.path.realpath(root))
    except ValueError:
        return True  # named from outside the handbook, or leading out of it
    return plain != real


def write_atomically(
    root: Path,
    path: Path,
    data: bytes,
    exclusive: bool = False,
    owned: Callable[[Path], bool] | None = None,
    read: bytes | None = None,
) -> Path:
    """Write `data` to `path`, which must lie within `root`; returns the file written.

    With `exclusive`, an existing file is never replaced (UnsafeWrite instead), checked by the
    rename itself, so two commands racing cannot both win. A symbolic link on the way is
    followed only when `owned(target)` says the file it leads to is the command's to write.
    With `read` (the bytes the command read and changed), the file must still hold them just
    before it is replaced (ChangedMeanwhile otherwise): an editor's save in between is kept.
    """
    target = inside(root, path)
    if through_link(root, path) and (owned is None or not owned(target)):
        raise UnsafeWrite(
            f"{path}: leads through a symbolic link to {rel_to(target, root)}, a file this "
            "command does not write; not written"
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    mode = target.stat().st_mode & 0o7777 if target.exists() else 0o666 & ~_umask()
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        if exclusive:
            try:
                os.link(tmp, target)  # fails if the target exists, unlike rename
            except FileExistsError:
                raise UnsafeWrite(f"{path}: exists; not overwritten") from None
            os.unlink(tmp)
        else:
            if read is not None and target.read_bytes() != read:
                raise ChangedMeanwhile(f"{path}: changed while this command ran; not written")
            os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def rel_to(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
