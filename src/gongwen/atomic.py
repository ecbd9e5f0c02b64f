"""Atomic file writes: a temporary file beside the target, fsync, then rename.

Every file gongwen writes (built .docx, fixed drafts, imported YAML, PDFs) goes
through :func:`replace`, so a process killed at any moment leaves either the
previous file or the complete new one, never half of one.

A file that is replaced stays the same file to the people who use it:

* a **symbolic link** is followed, as ``open()`` follows it: the file it points
  to is replaced and the link stays.  Like the kernel's ``protected_symlinks``, a
  link in a folder anyone may write to (sticky, like ``/tmp``) made by another
  user is not followed;
* the new file gets the old one's **owner, group, permission bits** and extended
  attributes (ACLs) before the rename.  Where it cannot (another user's file, and
  gongwen is not run by root) or where the file has **other hard links**, the new
  bytes are instead copied into the file itself, as editors do: written whole to
  the temporary file first (a full disk fails there, the file untouched), room
  reserved, then copied and synced with signals held;
* a **read-only** file (no write permission in its mode bits, whoever runs
  gongwen, root included) is never replaced: :class:`WriteError`.

Every failure to write is a :class:`WriteError` whose message says why in
Chinese (:func:`reason`: 磁盘已满, 没有写入权限, …); what was there is left as it was.
Temporary names are short (``.gongwen-XXXXXXXX.tmp``) whatever the target's name,
and each folder is swept of stale ones once per process.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import signal
import stat
from typing import IO, Iterator, Optional, Set, Union

from gongwen.errors import GongwenError, Place

PathLike = Union[str, "os.PathLike[str]"]

#: Inside :func:`gongwen.batchwrite.batch`, the finished writes whose sync and rename wait for the
#: batch's end: (temporary file, target, name shown, whether it existed).  None outside a batch.
deferred: Optional[list] = None

#: Temporary files are ``.gongwen-XXXXXXXX.tmp`` (21 bytes): a name near the 255-byte limit
#: (80 Chinese characters) still has room beside it.
TEMP_PREFIX, TEMP_SUFFIX = ".gongwen-", ".tmp"

#: Signals a Python program turns into exceptions: SIGINT (KeyboardInterrupt) always, the
#: others when a handler is installed (a service's SIGTERM, a timeout's SIGALRM, …).
_ASYNC = frozenset(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP", "SIGQUIT", "SIGALRM",
                                                      "SIGUSR1", "SIGUSR2") if hasattr(signal, name))

#: What an operating system error means to a writer, by errno.
_REASONS = {
    "ENOSPC": "磁盘已满", "EDQUOT": "超出磁盘配额", "EFBIG": "文件超过文件系统允许的大小",
    "EACCES": "没有写入权限", "EPERM": "没有写入权限", "EROFS": "只读文件系统",
    "ENAMETOOLONG": "文件名太长（一段名称最多 255 字节，约 85 个汉字）",
    "ENOENT": "文件夹不存在", "ENOTDIR": "路径中有一段不是文件夹", "EISDIR": "这是一个文件夹",
    "ELOOP": "符号链接层数太多（或成环）", "EIO": "磁盘读写出错", "EBUSY": "文件正在被使用",
    "ETXTBSY": "文件正在被使用", "EMFILE": "打开的文件太多", "ENFILE": "打开的文件太多",
    "EXDEV": "不能跨文件系统改名", "EINVAL": "文件名或参数无效",
}
_REASON_BY_ERRNO = {getattr(errno, name): text for name, text in _REASONS.items() if hasattr(errno, name)}


class WriteError(GongwenError):
    """A file could not be written; what was there before is untouched.

    Commands report it with the file's name and go on with the other files (exit 2).
    """

    def __init__(self, path: str, message: str):
        super().__init__(message, Place(path=path))
        self.path = path


def reason(exc: OSError) -> str:
    """Why ``exc`` happened, in Chinese (never the system's English text)."""
    known = _REASON_BY_ERRNO.get(exc.errno)
    if known:
        return known
    name = errno.errorcode.get(exc.errno) if exc.errno is not None else None
    return f"系统错误 {name}" if name else "系统错误"


def _failure(shown: str, exc: OSError, existed: bool) -> WriteError:
    where = exc.filename if isinstance(exc.filename, str) else ""
    if os.path.basename(where).startswith(TEMP_PREFIX):
        where = os.path.dirname(where)  # the temporary file stands for its folder
    if where and os.path.abspath(where) != os.path.abspath(shown):
        detail = f"无法写入（{reason(exc)}：{where}）"
    else:
        detail = f"无法写入（{reason(exc)}）"
    return WriteError(shown, detail + ("，原文件未改动" if existed else "，未生成文件"))


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


class _TempFile(io.FileIO):
    """The temporary file.  Every write is whole (a short write is continued, never dropped),
    and a failed one is a :class:`WriteError` naming the file being written."""

    shown = ""
    existed = False

    def write(self, data) -> int:
        view = memoryview(data).cast("B")
        done = 0
        while done < len(view):
            try:
                n = super().write(view[done:])
            except OSError as exc:
                raise _failure(self.shown, exc, self.existed) from None
            if not n:
                raise _failure(self.shown, OSError(errno.ENOSPC, "", None), self.existed)
            done += n
        return done


@contextlib.contextmanager
def replace(target: PathLike, mode_of: Union[PathLike, int, None] = None) -> Iterator[IO[bytes]]:
    """Yield a binary file; on a clean exit it replaces ``target``, on an error it vanishes.

    ``mode_of``: the permission bits of a new file, or a file to copy them from (a fixed
    draft's copy has its original's); a file that exists keeps its own.
    """
    shown = os.fspath(target)
    existed = False
    try:
        path = _follow(shown)
        folder = os.path.dirname(os.path.abspath(path))
        before = _existing(shown, path)
        existed = before is not None
        if path == shown:
            os.makedirs(folder, exist_ok=True)
    except OSError as exc:
        raise _failure(shown, exc, existed) from None
    fd = tmp = fh = None
    in_body = False
    try:
        # The temporary file comes into being inside the try, and with signals held: a
        # Ctrl-C can land before it exists or after ``tmp`` and ``fh`` name it, never
        # in between (inside _temporary, or between it and the try).
        with _signals_held():
            fd, tmp = _temporary(folder)
            fh = _TempFile(fd, "wb")
            fh.shown, fh.existed = shown, existed
        in_body = True
        yield fh
        in_body = False
        queue = deferred
        if queue is None:
            os.fsync(fh.fileno())
        fh.close()
        if before is None or _takes_identity(tmp, path, before):
            if before is None:
                # the temporary file is private (0600); give it the mode a plain open() would.
                os.chmod(tmp, _new_mode(mode_of))
            if queue is None:
                os.replace(tmp, path)
            else:
                with _signals_held():  # the batch owns the file from here: it syncs, renames or removes it
                    queue.append((tmp, path, shown, existed))
                    tmp = None
        else:
            with _signals_held():  # copied whole: a Ctrl-C waits until the file is complete
                _copy_into(tmp, path, before)
                os.unlink(tmp)
    except BaseException as exc:
        with _signals_held():  # a second Ctrl-C does not cut the cleaning short
            with contextlib.suppress(Exception):
                if fh is not None:
                    fh.close()
                elif fd is not None:
                    os.close(fd)
            if tmp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
        # An OSError of the caller's own code (reading its input, say) is the caller's to report;
        # a failed write to the file is already a WriteError.
        if isinstance(exc, OSError) and not in_body:
            raise _failure(shown, exc, existed) from None
        raise
    _sweep(folder)


def _temporary(folder: str) -> tuple:
    """``(fd, path)`` of a new private file ``.gongwen-XXXXXXXX.tmp`` in ``folder``, made as
    :func:`tempfile.mkstemp` makes one (exclusive, not following a link, mode 0600), without
    importing :mod:`tempfile` (5 ms: ``shutil``, ``random``)."""
    flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    for _ in range(1000):
        path = os.path.join(folder, TEMP_PREFIX + os.urandom(4).hex() + TEMP_SUFFIX)
        try:
            return os.open(path, flags, 0o600), path
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "找不到可用的临时文件名", folder)


def _follow(path: str) -> str:
    """The file a write to ``path`` lands in: symbolic links followed, as ``open()`` does."""
    for _ in range(40):
        try:
            if not stat.S_ISLNK(os.lstat(path).st_mode):
                return path
        except FileNotFoundError:
            return path
        _refuse_foreign_link(path)
        path = os.path.join(os.path.dirname(path), os.readlink(path))
    raise OSError(errno.ELOOP, "", path)


def _refuse_foreign_link(link: str) -> None:
    """The kernel's ``protected_symlinks`` rule: in a sticky folder anyone may write to, follow
    only a link made by this user or by the folder's owner."""
    if not hasattr(os, "geteuid"):
        return
    folder = os.stat(os.path.dirname(os.path.abspath(link)))
    owner = os.lstat(link).st_uid
    if folder.st_mode & stat.S_ISVTX and folder.st_mode & stat.S_IWOTH \
            and owner not in (os.geteuid(), folder.st_uid):
        raise WriteError(link, "这是他人在公共可写文件夹中建立的符号链接，为安全起见不跟随，未写入")


def _existing(shown: str, path: str) -> Optional[os.stat_result]:
    """The file about to be replaced (None when there is none); refuses what must not be."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    if stat.S_ISDIR(st.st_mode):
        raise WriteError(shown, "这是一个文件夹，未写入；请给出文件名")
    if not stat.S_ISREG(st.st_mode):
        raise WriteError(shown, "不是普通文件（是设备、管道或套接字），未写入")
    if _read_only(path, st):
        raise WriteError(shown, f"文件是只读的（权限 {stat.filemode(st.st_mode)[1:]}），gongwen 不修改只读文件，"
                                "原文件未改动；确需修改请先设为可写（如 chmod u+w）")
    return st


def _read_only(path: str, st: os.stat_result) -> bool:
    """Is ``path`` read-only to whoever runs gongwen?  By its mode bits, since replacing a file
    needs no permission on the file itself: a file nobody may write (``chmod 444``) is one its
    owner means to keep as it is, even when root runs gongwen.  An ACL granting more is honoured."""
    if not st.st_mode & 0o222:
        return True
    if not hasattr(os, "geteuid") or os.geteuid() == 0 or os.access(path, os.W_OK):
        return False
    uid = os.geteuid()
    if st.st_uid == uid:
        return not st.st_mode & stat.S_IWUSR
    if st.st_gid in (os.getegid(), *os.getgroups()):
        return not st.st_mode & stat.S_IWGRP
    return not st.st_mode & stat.S_IWOTH


def _new_mode(mode_of: Union[PathLike, int, None]) -> int:
    if isinstance(mode_of, int):
        return mode_of & 0o7777
    if mode_of is not None:
        with contextlib.suppress(OSError):
            return os.stat(mode_of).st_mode & 0o7777
    return 0o666 & ~_umask()


def _takes_identity(tmp: str, path: str, before: os.stat_result) -> bool:
    """Give ``tmp`` the owner, group, mode and extended attributes of ``path``; False when it
    cannot be made the same file that way (another user's file, or other hard links)."""
    if before.st_nlink > 1:
        return False
    try:
        mine = os.stat(tmp)
        if (mine.st_uid, mine.st_gid) != (before.st_uid, before.st_gid):
            os.chown(tmp, before.st_uid, before.st_gid)
        for name in _xattrs(path):  # ACLs among them
            os.setxattr(tmp, name, os.getxattr(path, name))
        os.chmod(tmp, before.st_mode & 0o7777)  # after chown, which clears set-id bits
    except (OSError, AttributeError):  # AttributeError: no chown (Windows)
        return False
    return True


def _xattrs(path: str) -> list:
    try:
        return os.listxattr(path)
    except (AttributeError, OSError):  # no extended attributes here
        return []


def _copy_into(tmp: str, path: str, before: os.stat_result) -> None:
    """Copy the complete new bytes of ``tmp`` into ``path`` itself (same inode: owner, mode and
    links kept); room is reserved first, so a full disk fails before anything is overwritten."""
    size = os.stat(tmp).st_size
    fd = os.open(path, os.O_WRONLY | getattr(os, "O_CLOEXEC", 0))
    try:
        if size > before.st_size and hasattr(os, "posix_fallocate"):
            try:
                os.posix_fallocate(fd, before.st_size, size - before.st_size)
            except OSError as exc:
                os.ftruncate(fd, before.st_size)  # as it was
                if exc.errno not in (errno.EINVAL, errno.EOPNOTSUPP, getattr(errno, "ENOTSUP", -1)):
                    raise
        with open(tmp, "rb") as src:
            for chunk in iter(lambda: src.read(1024 * 1024), b""):
                view = memoryview(chunk)
                while view:
                    view = view[os.write(fd, view):]
        os.ftruncate(fd, size)
        os.fsync(fd)
    finally:
        os.close(fd)


#: A temporary file older than this was left by a process killed while writing.
STALE_SECONDS = 3600

#: Folders already swept by this process: a batch of N documents into one folder sweeps it once,
#: not N times (each sweep reads the whole folder).
_swept: Set[str] = set()


def _sweep(folder: str) -> None:
    """Remove ``.gongwen-*.tmp`` files that a killed writer left in ``folder`` long ago (a writer
    still at work has a fresh one, which is left alone); once per folder per process."""
    import time

    if folder in _swept:
        return
    _swept.add(folder)
    limit = time.time() - STALE_SECONDS
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if entry.name.startswith(TEMP_PREFIX) and entry.name.endswith(TEMP_SUFFIX):
                with contextlib.suppress(OSError):
                    if entry.stat(follow_symlinks=False).st_mtime < limit:
                        os.unlink(entry.path)
