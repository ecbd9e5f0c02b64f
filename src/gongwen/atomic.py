"""Atomic file writes: a temporary file beside the target, fsync, then rename.

Every file gongwen writes (built .docx, fixed drafts, imported YAML, PDFs) goes
through :func:`replace`, so a process killed at any moment leaves either the
previous file or the complete new one, never half of one.
"""

from __future__ import annotations

import contextlib
import os
import signal
import tempfile
from typing import IO, Iterator, Optional, Union

PathLike = Union[str, "os.PathLike[str]"]

#: Signals a Python program turns into exceptions: SIGINT (KeyboardInterrupt) always, the
#: others when a handler is installed (a service's SIGTERM, a timeout's SIGALRM, …).
_ASYNC = frozenset(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP", "SIGQUIT", "SIGALRM",
                                                      "SIGUSR1", "SIGUSR2") if hasattr(signal, name))


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Hold the signals in :data:`_ASYNC` (Ctrl-C's SIGINT among them) for the statements inside.

    A signal that arrives meanwhile stays pending; its handler (for SIGINT the one
    raising KeyboardInterrupt) runs as soon as the block ends, so it cannot fall
    between two statements that must go together.  Where the platform cannot hold
    signals (Windows), this does nothing.
    """
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    held = signal.pthread_sigmask(signal.SIG_BLOCK, _ASYNC)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


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
    fd = tmp = fh = None
    try:
        # The temporary file comes into being inside the try, and with signals held: a
        # Ctrl-C can land before it exists or after ``tmp`` and ``fh`` name it, never
        # in between (inside mkstemp, or between mkstemp and the try).
        with _signals_held():
            fd, tmp = tempfile.mkstemp(prefix=f".{os.path.basename(target)}.", suffix=".tmp", dir=folder)
            fh = os.fdopen(fd, "wb")
        yield fh
        fh.flush()
        os.fsync(fh.fileno())
        fh.close()
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
        with _signals_held():  # a second Ctrl-C does not cut the cleaning short
            with contextlib.suppress(OSError):
                if fh is not None:
                    fh.close()
                elif fd is not None:
                    os.close(fd)
            if tmp is not None:
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
