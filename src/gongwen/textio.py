"""Reading files and decoding text: the one way every command reads bytes and text.

UTF-8 (with or without BOM) and GB18030 are read; anything else (UTF-16,
binary) is a :class:`~gongwen.errors.ReadError` naming the file.  Sizes are
bounded: a file over :data:`MAX_TEXT_SIZE` is refused, never read whole; only
regular files are opened (a FIFO or a device is refused, never read).
"""

from __future__ import annotations

import os
import stat
import sys

from gongwen.errors import ReadError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import List, Tuple

STDIN = "-"
#: Largest text file read (bytes); a bigger one is refused rather than read.
MAX_TEXT_SIZE = 256 * 1024 * 1024
#: Most paragraphs read from one file: a draft's lines or its .docx paragraphs, a content
#: file's paragraphs.  A 300-page report has about 10,000; each costs some hundreds of bytes
#: and a pass of every rule, and 10 million empty ones fit in a 250 kB .docx.
MAX_PARAGRAPHS = 100_000
#: Opening without blocking: a FIFO with no writer would block ``open`` itself.
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)


def open_binary(path: str, what: str = "文件"):
    """``path`` opened for reading bytes, or a ReadError that names it (``what`` it should be).

    Only a regular file is opened: a FIFO, a device or a socket named like a
    draft would block a read forever (or never end), so it is refused before
    anything is read.  The file is looked at (``os.stat``) before it is opened,
    and opened without blocking (``O_NONBLOCK``) and looked at again, so a FIFO
    put in its place in between cannot block either.
    """
    try:
        _require_regular(path, os.stat(path).st_mode, what)
        fd = os.open(path, os.O_RDONLY | _NONBLOCK | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise ReadError(path, "文件不存在") from None
    except IsADirectoryError:
        raise ReadError(path, f"这是一个文件夹，不是{what}") from None
    except PermissionError:
        raise ReadError(path, "没有读取权限") from None
    except OSError as exc:
        raise ReadError(path, f"无法读取：{exc.strerror or exc}") from None
    try:
        _require_regular(path, os.fstat(fd).st_mode, what)
        if _NONBLOCK:
            os.set_blocking(fd, True)  # clears O_NONBLOCK (fcntl F_SETFL) without importing fcntl
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _require_regular(path: str, mode: int, what: str) -> None:
    """Refuse anything but a regular file, saying what it is instead."""
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        raise ReadError(path, f"这是一个文件夹，不是{what}")
    if stat.S_ISFIFO(mode):
        raise ReadError(path, "这是一个命名管道（FIFO），不是普通文件，拒绝读取（读取它可能永远等不到结尾）；"
                              "要从管道读取文字，请用 - 表示标准输入")
    kind = ("设备文件" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
            else "套接字（socket）" if stat.S_ISSOCK(mode) else "特殊文件")
    raise ReadError(path, f"这是一个{kind}，不是普通文件，拒绝读取")


def check_paragraphs(count: int, path: str) -> None:
    """Refuse a file of more than :data:`MAX_PARAGRAPHS` paragraphs: a ReadError that names it."""
    if count > MAX_PARAGRAPHS:
        raise ReadError(path, f"段落超过 {MAX_PARAGRAPHS} 个（一份 300 页的报告约 1 万段），远超真实公文所需，"
                              "拒绝读取；如确是这样长的文档，请分成几个文件")


def read_bytes(path: str) -> bytes:
    """A file's bytes (at most MAX_TEXT_SIZE + 1), or a ReadError that names it."""
    with open_binary(path) as f:
        try:
            return f.read(MAX_TEXT_SIZE + 1)
        except OSError as exc:
            raise ReadError(path, f"无法读取：{exc.strerror or exc}") from None


def read_stdin() -> bytes:
    """Standard input's bytes (at most MAX_TEXT_SIZE + 1)."""
    return sys.stdin.buffer.read(MAX_TEXT_SIZE + 1)


def read_text(path: str) -> Tuple[str, str]:
    """``(text, encoding)`` of a text file (``-``: standard input), BOM removed."""
    data = read_stdin() if path == STDIN else read_bytes(path)
    return decode_text_as(data, path)


_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_UTF32_BOMS = (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")


def decode_text(data: bytes, path: str) -> str:
    """Decode UTF-8 (BOM or not) or GB18030; anything else is a ReadError.

    UTF-8 that encodes lone surrogates (as some Windows tools write) is read
    with each surrogate replaced by U+FFFD, so no later step can choke on it.
    """
    return decode_text_as(data, path)[0]


def decode_text_as(data: bytes, path: str):
    """:func:`decode_text`, and the encoding it read: ``(text, "utf-8" or "gb18030")``.

    A BOM is not part of the text (``data`` starts with it or not).  The text
    does not always encode back to the same bytes (a surrogate became U+FFFD):
    whoever writes the file back must check.
    """
    if len(data) > MAX_TEXT_SIZE:
        raise ReadError(path, f"文件超过 {MAX_TEXT_SIZE // (1024 * 1024)} MB，拒绝读取")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text = _utf8_with_surrogates(data)
            if text is None:
                raise ReadError(path, "文件标明是 UTF-8 编码（有 BOM），但内容不是合法的 UTF-8") from None
            return text, "utf-8"
    if data.startswith(_UTF32_BOMS) or data.startswith(_UTF16_BOMS):
        raise ReadError(path, "文件是 UTF-16/UTF-32 编码，无法检查；请另存为 UTF-8 编码的文本")
    if data.count(b"\x00") * 10 > len(data) > 0:
        raise ReadError(path, "文件含大量 NUL 字节，像是 UTF-16 编码或二进制文件；请另存为 UTF-8 编码的文本")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    text = _utf8_with_surrogates(data)
    if text is not None:
        return text, "utf-8"
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = None
    if text is not None and _plausible_gb(text):
        return text, "gb18030"
    raise ReadError(path, "无法识别文件编码：不是 UTF-8，也不是 GB18030/GBK（可能是 UTF-16 或二进制文件）；"
                          "请另存为 UTF-8 编码的文本")


def _utf8_with_surrogates(data: bytes):
    """UTF-8 in which only surrogates are wrong; surrogates become U+FFFD."""
    try:
        text = data.decode("utf-8", "surrogatepass")
    except UnicodeDecodeError:
        return None
    if not _has_surrogate(text):
        return text
    import re

    return re.sub("[\ud800-\udfff]", "\ufffd", text)


def _has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _plausible_gb(text: str, sample: int = 4000) -> bool:
    """Is this GB18030 decode real Chinese rather than mojibake?

    Any byte string of the right shape decodes as GB18030; UTF-16 without a
    BOM, for one, turns into rare ideographs.  Real Simplified Chinese text is
    overwhelmingly made of GB2312 characters, mojibake is not.
    """
    wide = [c for c in text[: sample * 4] if ord(c) > 0x7F][:sample]
    if not wide:
        return True
    common = 0
    for c in wide:
        try:
            c.encode("gb2312")
            common += 1
        except UnicodeEncodeError:
            pass
    return common * 2 >= len(wide)


def split_lines(text: str) -> List[str]:
    """The lines of ``text``: split on LF (CRLF and a lone CR too), keeping empty ones.

    ``str.splitlines`` would also split on U+2028, form feeds and the like,
    which editors do not show as new lines: the numbers would drift.
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines
