"""A small ZIP writer for the .docx gongwen builds, with members deflated once per template.

``zipfile`` deflates every member it writes; in a batch the same dozen template parts
(styles, fonts, headers, settings …) were deflated again for every document.  Here each
member is written from ``(name, crc, size, deflated bytes)``: :func:`deflated` makes that
triple (cached by the caller for parts that do not change, :class:`Deflated`), and
:func:`write_zip` writes the local headers, the data and the central directory exactly
as ``zipfile.ZipFile.writestr`` writes them for a :class:`zipfile.ZipInfo` with a fixed
date and ``compresslevel=6`` (tests/builder/test_zipout.py compares the bytes).
"""

from __future__ import annotations

import struct
import zlib
from typing import IO, Dict, Iterable, Tuple

_LOCAL = struct.Struct("<4s2B4HL2L2H")
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")
_END = struct.Struct("<4s4H2LH")
DEFLATED = 8
VERSION = 20  # deflate: what zipfile writes as "version made by" and "needed to extract"
UNIX = 3
UTF8 = 0x800
MODE = 0o600 << 16  # rw------- as zipfile records it (the file's own mode is the atomic write's)
LEVEL = 6
#: 2012-07-01 00:00 in MS-DOS form (the date of GB/T 9704-2012): outputs do not change with the clock.
DOS_DATE = ((2012 - 1980) << 9) | (7 << 5) | 1
DOS_TIME = 0
_LIMIT = 0xFFFFFFFF

Member = Tuple[str, int, int, bytes]  # name, CRC-32, uncompressed size, deflated bytes


def deflated(name: str, data: bytes) -> Member:
    """``data`` deflated as zipfile deflates it (raw deflate, level 6)."""
    c = zlib.compressobj(LEVEL, zlib.DEFLATED, -15)
    return name, zlib.crc32(data), len(data), c.compress(data) + c.flush()


class Deflated:
    """Members deflated once: the same bytes object (a template's part) is not deflated twice."""

    def __init__(self):
        self._done: Dict[str, Tuple[bytes, Member]] = {}

    def member(self, name: str, data: bytes, keep: bool) -> Member:
        """``name`` deflated; remembered when ``keep`` (the part is the template's own, unchanged)."""
        done = self._done.get(name)
        if done is not None and done[0] is data:
            return done[1]
        m = deflated(name, data)
        if keep:
            self._done[name] = (data, m)
        return m


def write_zip(fh: IO[bytes], members: Iterable[Member]) -> None:
    """Write a whole ZIP archive of ``members`` (in order) to ``fh``, positioned at 0."""
    central = []
    offset = 0
    for name, crc, size, data in members:
        raw = name.encode("ascii") if name.isascii() else name.encode("utf-8")
        flags = 0 if name.isascii() else UTF8
        if size > _LIMIT or len(data) > _LIMIT or offset > _LIMIT:
            raise ValueError(f"{name}: too large for a ZIP without ZIP64")
        fh.write(_LOCAL.pack(b"PK\x03\x04", VERSION, 0, flags, DEFLATED, DOS_TIME, DOS_DATE, crc, len(data),
                             size, len(raw), 0))
        fh.write(raw)
        fh.write(data)
        central.append(_CENTRAL.pack(b"PK\x01\x02", VERSION, UNIX, VERSION, 0, flags, DEFLATED, DOS_TIME, DOS_DATE,
                                     crc, len(data), size, len(raw), 0, 0, 0, 0, MODE, offset) + raw)
        offset += _LOCAL.size + len(raw) + len(data)
    size = sum(len(c) for c in central)
    fh.write(b"".join(central))
    if len(central) > 0xFFFF or offset > _LIMIT:
        raise ValueError("too many members or too large for a ZIP without ZIP64")
    fh.write(_END.pack(b"PK\x05\x06", 0, 0, len(central), len(central), size, offset, 0))
