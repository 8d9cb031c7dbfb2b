"""The one way the CLI writes a file: inside the handbook, atomically, never replacing a link.

A write goes to a temporary file beside the target and is renamed over it, so a killed command
leaves the old file or the new one, never half of either. A symlink is followed (its target is
written and the link stays) but only when that target is inside the handbook too.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


class UnsafeWrite(ValueError):
    """A write the CLI refuses: outside the handbook, or over something that exists."""


def inside(root: Path, path: Path) -> Path:
    """`path` (absolute, or from the working directory) with symlinks resolved.

    UnsafeWrite when that leaves `root`.
    """
    real_root = root.resolve()
    real = path.resolve()
    if not real.is_relative_to(real_root):
        raise UnsafeWrite(f"{path}: resolves to {real}, outside the handbook {real_root}")
    return real


def write_atomically(root: Path, path: Path, data: bytes, exclusive: bool = False) -> Path:
    """Write `data` to `path`, which must lie within `root`; returns the file written.

    With `exclusive`, an existing file is never replaced (UnsafeWrite instead), checked by the
    rename itself, so two commands racing cannot both win.
    """
    target = inside(root, path)
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
            os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
