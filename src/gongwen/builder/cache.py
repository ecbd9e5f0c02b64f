"""An on-disk cache for work that depends only on a template's bytes.

Checking a template and reading its body into a program takes longer than
building a document from it (lxml and Jinja are needed only for that), and
offices build from the same few templates all day.  Entries are keyed by the
template's SHA-256 and the versions of gongwen, Jinja and Python, so a changed
template or upgrade never meets a stale entry.  The cache is an optimisation
only: any failure to read or write it is ignored.

Entries are data (a template body's program, :mod:`gongwen.builder.tagrender`;
the template check's findings; flags), read back as data and checked, never
executed.  An entry still decides what a document says, so only entries nobody
else could have written are read: the folder and the entry must belong to the user running gongwen (or root)
and be writable by nobody else; the folder is created private (0700).  Anything
else is ignored, as if the cache were empty.

Location: ``$GONGWEN_CACHE``, else ``$XDG_CACHE_HOME/gongwen``, else
``~/.cache/gongwen``; ``GONGWEN_CACHE=off`` turns it off.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
import tempfile
from typing import Optional


def directory() -> Optional[str]:
    configured = os.environ.get("GONGWEN_CACHE", "")
    if configured.lower() in ("off", "0", "no", "false"):
        return None
    if configured:
        return configured
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "gongwen")


def key(data: bytes, *extra: str) -> str:
    """A key for ``data`` under this gongwen, Python and ``extra`` versions."""
    from gongwen import __version__

    h = hashlib.sha256(data)
    for part in (__version__, sys.version, *extra):
        h.update(b"\0" + part.encode("utf-8"))
    return h.hexdigest()[:32]


def _ours(st) -> bool:
    """Written by this user (or root) and writable by no one else."""
    return st.st_uid in (os.geteuid(), 0) and not st.st_mode & 0o022


def get(name: str) -> Optional[bytes]:
    folder = directory()
    if not folder:
        return None
    try:
        if os.name == "posix" and not _ours(os.stat(folder)):
            return None  # a folder others can write: its entries could be anyone's
        fd = os.open(os.path.join(folder, name), os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        with os.fdopen(fd, "rb") as fh:
            if os.name == "posix" and not _ours(os.fstat(fh.fileno())):
                return None
            return fh.read()
    except OSError:
        return None


def put(name: str, data: bytes) -> None:
    """Store ``data`` atomically (a reader never sees half an entry)."""
    folder = directory()
    if not folder:
        return
    tmp = None
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, os.path.join(folder, name))
        tmp = None
    except OSError:
        pass
    finally:
        if tmp is not None:  # a failed or interrupted write leaves nothing behind
            with contextlib.suppress(OSError):
                os.unlink(tmp)
