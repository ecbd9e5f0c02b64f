"""Which files gongwen finds by itself may be trusted, and how far up it looks for them.

Settings (``gongwen.yaml``) and an office's templates (``templates/NAME.docx``
beside them) are found by searching the folders above a file.  A file found
that way changes what is built, so, as git (``safe.directory``) and ssh
(``StrictModes``) do, one that someone else could have put there or changed
is refused rather than used:

* the file must belong to you or to root, and not be writable by everyone;
* every folder above it (up to your home folder, or ``/``) must belong to you
  or to root, and not be writable by everyone — unless it has the sticky bit
  (``/tmp``, mode 1777), where others cannot rename or delete what is yours
  (what they put there themselves belongs to them, and is refused).

Group write permission is taken as its owner's choice to share with that
group, as git takes it.  The search stops at sensible boundaries
(:func:`search_folders`): your home folder, the root of a filesystem (a mount
point), and a repository root (a folder with ``.git`` that is yours or root's).

POSIX only: on other systems nothing is refused and the search goes up to the
root of the drive, as before.  A file the user names (``--template x.docx``)
is the user's choice and is not checked.
"""

from __future__ import annotations

import os
import stat

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Iterator, Optional

#: Whether the checks apply here (owners and modes mean something).
ENFORCED = os.name == "posix"


def _trusted_owner(uid: int) -> bool:
    return uid in (os.geteuid(), 0)


def _who(uid: int) -> str:
    try:
        import pwd

        return f"其他用户 {pwd.getpwuid(uid).pw_name}（uid {uid}）"
    except (ImportError, KeyError):
        return f"其他用户（uid {uid}）"


def _home() -> Optional[Path]:
    name = _home_name()
    if name is None:
        return None
    from pathlib import Path

    return Path(name)


def _home_name() -> Optional[str]:
    """The home folder, resolved (as ``Path.home()``: None when it cannot be told)."""
    try:
        home = os.path.expanduser("~")
        return None if home.startswith("~") else os.path.realpath(home)
    except (KeyError, RuntimeError, OSError):
        return None


def untrusted(path) -> Optional[str]:
    """Why ``path`` cannot be trusted (a Chinese phrase: ``属于其他用户 bob（uid 1001）``),
    or None when it can (or cannot be looked at: reading it will say why)."""
    if not ENFORCED:
        return None
    from pathlib import Path

    real = Path(os.path.realpath(path))
    try:
        st = os.stat(real)
    except OSError:
        return None
    if not _trusted_owner(st.st_uid):
        return f"属于{_who(st.st_uid)}"
    if st.st_mode & stat.S_IWOTH:
        return f"任何人都可以修改（权限 {stat.S_IMODE(st.st_mode):04o}）"
    home = _home()
    for folder in real.parents:
        try:
            st = os.stat(folder)
        except OSError:
            return f"所在文件夹 {folder} 无法查看"
        if not _trusted_owner(st.st_uid):
            return f"所在文件夹 {folder} 属于{_who(st.st_uid)}"
        if st.st_mode & stat.S_IWOTH and not st.st_mode & stat.S_ISVTX:
            return f"所在文件夹 {folder} 任何人都可以写入（权限 {stat.S_IMODE(st.st_mode):04o}，没有粘滞位）"
        if folder == home:
            break
    return None


def search_folders(start: Path) -> Iterator[Path]:
    """``start`` (a resolved folder) and the folders above it where settings are looked for.

    The search stops after your home folder, after a repository root (``.git``
    owned by you or root: a project carries its own settings, and nothing outside
    the checkout changes its build), and before it would cross into another
    filesystem (``start``'s mount point is the last folder).
    """
    from pathlib import Path

    for name in search_folder_names(str(start)):
        yield Path(name)


def search_folder_names(start: str) -> Iterator[str]:
    """:func:`search_folders` as strings, with :mod:`os.path` alone."""
    yield start
    folder = start
    home = _home_name() if ENFORCED else None
    while True:
        if ENFORCED and (folder == home or _is_repository_root(folder)):
            return
        parent = os.path.dirname(folder)
        if parent == folder:
            return
        if ENFORCED:
            try:
                if os.stat(parent).st_dev != os.stat(folder).st_dev:
                    return
            except OSError:
                return
        folder = parent
        yield folder


def _is_repository_root(folder) -> bool:
    try:
        st = os.lstat(os.path.join(folder, ".git"))
    except OSError:
        return False
    return _trusted_owner(st.st_uid)
