"""Atomic file writes: a temporary file beside the target, fsync, then rename.

Every file gongwen writes (built .docx, fixed drafts, imported YAML, PDFs) goes
through :func:`replace`, so a process killed at any moment leaves either the
previous file or the complete new one, never half of one.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from typing import IO, Iterator, Optional, Union

PathLike = Union[str, "os.PathLike[str]"]


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def replace(target: PathLike, mode_of: Optional[PathLike] = None) -> Iterator[IO[bytes]]:
    """Yield a binary file; on a clean exit it replaces ``target``, on an error it vanishes.

    ``mode_of``: copy the permission bits of that file (a fixed draft keeps its original's).
    """
    target = os.fspath(target)
    folder = os.path.dirname(os.path.abspath(target))
    os.makedirs(folder, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{os.path.basename(target)}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        # mkstemp makes the file private (0600); give it the mode a plain open() would,
        # or that of the file it stands for.
        with contextlib.suppress(OSError):
            if mode_of is not None:
                os.chmod(tmp, os.stat(mode_of).st_mode & 0o7777)
            elif os.path.exists(target):
                os.chmod(tmp, os.stat(target).st_mode & 0o7777)
            else:
                os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _sweep(folder, os.path.basename(target))


#: A temporary file older than this was left by a process killed while writing.
STALE_SECONDS = 3600


def _sweep(folder: str, name: str) -> None:
    """Remove ``.NAME.*.tmp`` files that a killed writer left beside ``name`` long ago
    (a writer still at work has a fresh one, which is left alone)."""
    import time

    prefix = f".{name}."
    limit = time.time() - STALE_SECONDS
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if entry.name.startswith(prefix) and entry.name.endswith(".tmp"):
                with contextlib.suppress(OSError):
                    if entry.stat().st_mtime < limit:
                        os.unlink(entry.path)
