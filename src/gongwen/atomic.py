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
        if mode_of is not None:
            with contextlib.suppress(OSError):
                os.chmod(tmp, os.stat(mode_of).st_mode & 0o7777)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
