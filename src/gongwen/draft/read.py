"""Read a draft (.docx, .txt, .md or standard input) into numbered paragraphs.

``read_source(path)`` gives a :class:`~gongwen.lint.engine.Source` whose
paragraphs carry the positions a reviewer can go to:

* text: a line is a paragraph; ``line`` is 1-based, columns count characters.
  UTF-8 (with or without BOM) and GB18030 are read; anything else (UTF-16,
  binary) is a :class:`ReadError` naming the file.
* .docx: every ``w:p`` of the body in document order, table cells and text
  boxes included, empty ones counted, so paragraph N of a .docx made from a
  text file has the ``line`` N of that file.  Text is what Word shows: runs in
  hyperlinks, insertions, content controls and fields, without deleted text or
  field codes; labels made by Word's automatic numbering are rendered from
  numbering.xml and put in front of the text (``label_len`` says how long).

The .docx path uses zipfile and lxml directly (python-docx is too slow to
import for a linter) through :mod:`gongwen.ooxml.package`, which bounds sizes and
refuses DTDs.  Nothing heavy is imported for text files.
"""

from __future__ import annotations

import os
import sys

from gongwen.errors import GongwenError, Place

__all__ = ["read_source", "read_docx", "decode_text", "decode_text_as", "split_lines", "ReadError", "format_number"]


class ReadError(GongwenError):
    """A file cannot be read at all: missing, not a .docx, undecodable, hostile.

    The CLI reports it with the file's name and exits 2; other files are still linted.
    """

    def __init__(self, path: str, message: str):
        super().__init__(message, Place(path=path or "<标准输入>"))
        self.path = path


STDIN = "-"
#: Largest text file read (bytes); a bigger one is refused rather than read.
MAX_TEXT_SIZE = 256 * 1024 * 1024
DOCX_SUFFIXES = (".docx", ".docm", ".dotx", ".dotm")


def read_bytes(path: str) -> bytes:
    """A file's bytes (at most MAX_TEXT_SIZE + 1), or a ReadError that names it."""
    try:
        with open(path, "rb") as f:
            return f.read(MAX_TEXT_SIZE + 1)
    except FileNotFoundError:
        raise ReadError(path, "文件不存在") from None
    except IsADirectoryError:
        raise ReadError(path, "这是一个文件夹，不是文件") from None
    except PermissionError:
        raise ReadError(path, "没有读取权限") from None
    except OSError as exc:
        raise ReadError(path, f"无法读取：{exc.strerror or exc}") from None


def read_source(path: str):
    """Read ``path`` (or ``-`` for standard input) into a Source of paragraphs."""
    if path == STDIN:
        data = sys.stdin.buffer.read(MAX_TEXT_SIZE + 1)
        return _text_source(STDIN, data, "txt")
    suffix = os.path.splitext(path)[1].lower()
    if suffix in DOCX_SUFFIXES:
        return read_docx(path)
    if os.path.isdir(path):
        raise ReadError(path, "这是一个文件夹，不是文件")
    if suffix in (".doc", ".wps", ".rtf", ".odt", ".pdf") and os.path.exists(path):
        raise ReadError(path, f"不支持 {suffix} 格式，请另存为 .docx（或纯文本 .txt）后再检查")
    data = read_bytes(path)
    if data.startswith(b"PK\x03\x04"):
        raise ReadError(path, "这是一个压缩包（可能是改了扩展名的 .docx），不是文本文件；"
                              "如果是 Word 文件，请把扩展名改回 .docx")
    fmt = {".md": "md", ".markdown": "md", ".yaml": "yaml", ".yml": "yaml"}.get(suffix, "txt")
    return _text_source(path, data, fmt)


# --- text ------------------------------------------------------------------

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


def split_lines(text: str):
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


def _text_source(path: str, data: bytes, fmt: str):
    from gongwen.lint.engine import Para, Source

    text = decode_text(data, path)
    paras = [Para(line=i, text=line) for i, line in enumerate(split_lines(text), 1)]
    return Source(path=path, paras=paras, format=fmt, text=text)


# --- .docx -----------------------------------------------------------------


def read_docx(path: str, fileobj=None):
    """Read a .docx into a Source whose ``docx`` is a :class:`~gongwen.ooxml.package.DocxParts`."""
    from gongwen.ooxml import package as docxsafe
    from gongwen.lint.engine import Para, Source

    parts = docxsafe.load_parts(path, fileobj)
    paras = []
    for line, (text, label_len, where) in enumerate(paragraph_texts(parts), 1):
        paras.append(Para(line=line, text=text, label_len=label_len, kind="text" if where == "body" else where))
    return Source(path=path, paras=paras, format="docx", docx=parts)


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
P, R, T, TAB, PTAB, BR, CR = (_W + t for t in ("p", "r", "t", "tab", "ptab", "br", "cr"))
NOBREAKHYPHEN, TXBX, TBL = _W + "noBreakHyphen", _W + "txbxContent", _W + "tbl"
ALT, CHOICE = _MC + "AlternateContent", _MC + "Choice"
VAL, TYPE = _W + "val", _W + "type"
#: Containers of paragraphs, walked into (block level).
_BLOCK = {_W + t for t in ("tbl", "tr", "tc", "sdt", "sdtContent", "customXml", "txbxContent", "ins", "moveTo")}
#: Containers of runs inside a paragraph, walked into.
_INLINE = {_W + t for t in ("hyperlink", "smartTag", "customXml", "ins", "moveTo", "sdt", "sdtContent",
                            "fldSimple", "bdo", "dir", "ruby", "rubyBase")}
#: Run children that hold text boxes (paragraphs of their own).
_OBJECTS = {_W + "drawing", _W + "pict", _W + "object", ALT}


def paragraph_texts(parts):
    """``(text, label_len, where)`` for every paragraph, in document order.

    Fills ``parts.elements`` and ``parts.where`` in the same order.
    """
    numbering = Numbering(parts)
    out = []
    if parts.body is not None:
        _walk_blocks(parts.body, "body", parts, numbering, out)
    return out


def _walk_blocks(container, where, parts, numbering, out) -> None:
    for el in container:
        tag = el.tag
        if tag == P:
            _paragraph(el, where, parts, numbering, out)
        elif tag in _BLOCK:
            _walk_blocks(el, "table" if tag == TBL else where, parts, numbering, out)
        elif tag == ALT:
            choice = el.find(CHOICE)
            if choice is not None:
                _walk_blocks(choice, where, parts, numbering, out)


def _paragraph(p, where, parts, numbering, out) -> None:
    slot = len(out)
    out.append(None)
    parts.elements.append(p)
    parts.where.append(where)
    buf, boxes = [], []
    _inline(p, buf, boxes)
    text = "".join(buf)
    label = numbering.label(p)
    out[slot] = (label + text, len(label), where)
    for box in boxes:
        _walk_blocks(box, "textbox", parts, numbering, out)


def _inline(el, buf, boxes, nodes=None) -> None:
    """Append the shown text of ``el`` to ``buf`` (text boxes to ``boxes``).

    With ``nodes``, also append for each piece the ``w:t`` element it came
    from (``None`` for a tab or break), so a fix can be mapped back onto runs.
    """
    for c in el:
        tag = c.tag
        if tag == R:
            for x in c:
                xt = x.tag
                piece = None
                if xt == T:
                    if x.text:
                        piece = x.text
                elif xt == TAB or xt == PTAB:
                    piece = "\t"
                elif xt == BR:
                    if x.get(TYPE) in (None, "textWrapping"):
                        piece = "\n"
                elif xt == CR:
                    piece = "\n"
                elif xt == NOBREAKHYPHEN:
                    piece = "-"
                elif xt in _OBJECTS:
                    _text_boxes(x, boxes)
                if piece is not None:
                    buf.append(piece)
                    if nodes is not None:
                        nodes.append(x if xt == T else None)
        elif tag in _INLINE:
            _inline(c, buf, boxes, nodes)
        elif tag == ALT:
            choice = c.find(CHOICE)
            if choice is not None:
                _inline(choice, buf, boxes, nodes)
        # w:del, w:moveFrom (deleted text), w:pPr, bookmarks, math: not shown text


def text_nodes(p):
    """``(pieces, nodes)`` of paragraph ``p``: its shown text in pieces and, for each,
    the ``w:t`` element holding it (``None`` for tabs and breaks)."""
    buf, nodes = [], []
    _inline(p, buf, [], nodes)
    return buf, nodes


def _text_boxes(obj, boxes) -> None:
    """Outermost ``w:txbxContent`` under ``obj``, skipping ``mc:Fallback`` copies."""
    if obj.tag == ALT:
        obj = obj.find(CHOICE)
        if obj is None:
            return
    for box in obj.iter(TXBX):
        anc = box.getparent()
        nested = False
        while anc is not None and anc is not obj:
            if anc.tag == TXBX or anc.tag == _MC + "Fallback":
                nested = True
                break
            anc = anc.getparent()
        if not nested:
            boxes.append(box)


# --- Word automatic numbering -------------------------------------------------


class _Level:
    __slots__ = ("start", "fmt", "text", "restart", "legal", "pstyle")

    def __init__(self, lvl):
        def val(tag, default=None):
            child = lvl.find(_W + tag)
            return default if child is None else child.get(VAL, default)

        self.start = _int(val("start"), 1)
        self.fmt = val("numFmt", "decimal")
        self.text = val("lvlText", "") or ""
        restart = val("lvlRestart")
        self.restart = None if restart is None else _int(restart, None)
        legal = lvl.find(_W + "isLgl")
        self.legal = legal is not None and legal.get(VAL, "1") not in ("0", "false", "off")
        self.pstyle = val("pStyle")


def _int(value, default):
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


class Numbering:
    """Renders the labels Word's automatic numbering puts before paragraphs.

    Counters are kept per ``w:num`` instance and level; numbering a level
    restarts the levels below it (``w:lvlRestart`` may say otherwise);
    ``w:lvlOverride`` replaces a level or its start value.
    """

    def __init__(self, parts):
        self.parts = parts
        self.abstract = {}   # abstractNumId -> (levels {ilvl: _Level}, numStyleLink)
        self.nums = {}       # numId -> (abstractNumId, overrides {ilvl: (start, _Level|None)})
        self.counters = {}   # numId -> {ilvl: current value}
        self._levels = {}    # numId -> {ilvl: (_Level, start)}
        root = parts.numbering
        if root is None:
            return
        for absn in root.iterfind(_W + "abstractNum"):
            levels = {}
            for lvl in absn.iterfind(_W + "lvl"):
                levels.setdefault(_int(lvl.get(_W + "ilvl"), 0), _Level(lvl))
            link = absn.find(_W + "numStyleLink")
            self.abstract[absn.get(_W + "abstractNumId")] = (levels, None if link is None else link.get(VAL))
        for num in root.iterfind(_W + "num"):
            absid = num.find(_W + "abstractNumId")
            overrides = {}
            for ov in num.iterfind(_W + "lvlOverride"):
                ilvl = _int(ov.get(_W + "ilvl"), 0)
                so = ov.find(_W + "startOverride")
                lvl = ov.find(_W + "lvl")
                overrides[ilvl] = (None if so is None else _int(so.get(VAL), None),
                                   None if lvl is None else _Level(lvl))
            self.nums[num.get(_W + "numId")] = (None if absid is None else absid.get(VAL), overrides)

    def levels(self, num_id):
        """``{ilvl: (_Level, start)}`` in effect for ``num_id`` (cached)."""
        if num_id in self._levels:
            return self._levels[num_id]
        levels = {}
        entry = self.nums.get(num_id)
        if entry is not None:
            absid, overrides = entry
            base = self._abstract_levels(absid)
            for ilvl, lvl in base.items():
                levels[ilvl] = (lvl, lvl.start)
            for ilvl, (start, lvl) in overrides.items():
                lvl = lvl or (levels[ilvl][0] if ilvl in levels else None)
                if lvl is not None:
                    levels[ilvl] = (lvl, lvl.start if start is None else start)
        self._levels[num_id] = levels
        return levels

    def _abstract_levels(self, absid, depth: int = 0):
        levels, link = self.abstract.get(absid, ({}, None))
        if link and depth < 4:
            # numStyleLink: the levels live in the abstractNum the numbering style points at.
            num_id, _ = self._style_numpr(self.parts.style_chain(link, "numbering"))
            entry = self.nums.get(num_id)
            if entry and entry[0] != absid:
                return self._abstract_levels(entry[0], depth + 1)
        return levels

    @staticmethod
    def _style_numpr(chain):
        num_id = ilvl = None
        for st in chain:
            numpr = st.find(_W + "pPr/" + _W + "numPr")
            if numpr is None:
                continue
            if num_id is None:
                el = numpr.find(_W + "numId")
                num_id = None if el is None else el.get(VAL)
            if ilvl is None:
                el = numpr.find(_W + "ilvl")
                ilvl = None if el is None else _int(el.get(VAL), None)
            if num_id is not None and ilvl is not None:
                break
        return num_id, ilvl

    def label(self, p) -> str:
        """The label of paragraph ``p`` (advancing the counters), or ``""``."""
        if not self.nums:
            return ""
        ppr = p.find(_W + "pPr")
        num_id = ilvl = None
        style_id = None
        if ppr is not None:
            numpr = ppr.find(_W + "numPr")
            if numpr is not None:
                el = numpr.find(_W + "numId")
                num_id = None if el is None else el.get(VAL)
                el = numpr.find(_W + "ilvl")
                ilvl = None if el is None else _int(el.get(VAL), None)
            pstyle = ppr.find(_W + "pStyle")
            style_id = None if pstyle is None else pstyle.get(VAL)
        if num_id is None or ilvl is None:
            s_num, s_ilvl = self._style_numpr(self.parts.style_chain(style_id))
            if num_id is None:
                num_id = s_num
            if ilvl is None and num_id == s_num and s_num is not None:
                ilvl = s_ilvl
                if ilvl is None:  # the level that names this style, else 0
                    sid = style_id or self.parts.default_style()
                    for i, (lvl, _) in self.levels(num_id).items():
                        if lvl.pstyle and lvl.pstyle == sid:
                            ilvl = i
                            break
        if num_id is None or num_id == "0" or num_id not in self.nums:
            return ""
        ilvl = ilvl or 0
        levels = self.levels(num_id)
        if ilvl not in levels:
            return ""
        lvl, start = levels[ilvl]
        counters = self.counters.setdefault(num_id, {})
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else start
        for k, (other, _) in levels.items():
            if k > ilvl and k in counters:
                restart = other.restart
                if restart is None or (restart != 0 and ilvl < restart):
                    del counters[k]
        if lvl.fmt in ("bullet", "none") and "%" not in lvl.text:
            return "" if lvl.fmt == "bullet" else lvl.text
        return _render(lvl, levels, counters)


def _render(lvl, levels, counters) -> str:
    text = lvl.text
    if "%" not in text:
        return text
    out, i = [], 0
    while i < len(text):
        c = text[i]
        if c == "%" and i + 1 < len(text) and text[i + 1] in "123456789":
            k = int(text[i + 1]) - 1
            ref, start = levels.get(k, (None, 1))
            value = counters.get(k, start)
            fmt = "decimal" if lvl.legal and ref is not lvl else (ref.fmt if ref else "decimal")
            out.append(format_number(value, fmt))
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_PAREN = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
_FULLSTOP = "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_DIZHI = "子丑寅卯辰巳午未申酉戌亥"
_LEGAL_SIMPLIFIED = str.maketrans("零一二三四五六七八九十百千", "零壹贰叁肆伍陆柒捌玖拾佰仟")
_LEGAL_TRADITIONAL = str.maketrans("零一二三四五六七八九十百千", "零壹貳參肆伍陸柒捌玖拾佰仟")
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def format_number(n: int, fmt: str) -> str:
    """``n`` written in the ``w:numFmt`` ``fmt`` as Word shows it (decimal when unknown)."""
    from gongwen.spec.markers import to_chinese

    if fmt in ("none", "bullet"):
        return ""
    if n < 1:
        return str(n) if fmt != "decimalZero" else f"{n:02d}"
    if fmt in ("chineseCounting", "chineseCountingThousand", "taiwaneseCounting",
               "taiwaneseCountingThousand", "japaneseCounting", "koreanCounting") and n <= 9999:
        return to_chinese(n)
    if fmt in ("chineseLegalSimplified", "ideographLegalTraditional", "japaneseLegal") and n <= 9999:
        table = _LEGAL_SIMPLIFIED if fmt == "chineseLegalSimplified" else _LEGAL_TRADITIONAL
        return to_chinese(n).translate(table)
    if fmt in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return "".join("〇一二三四五六七八九"[int(d)] for d in str(n))
    if fmt == "ideographTraditional":
        return _TIANGAN[(n - 1) % 10]
    if fmt == "ideographZodiac":
        return _DIZHI[(n - 1) % 12]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle") and n <= 20:
        return _CIRCLED[n - 1]
    if fmt == "decimalEnclosedParen" and n <= 20:
        return _PAREN[n - 1]
    if fmt == "decimalEnclosedFullstop" and n <= 20:
        return _FULLSTOP[n - 1]
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("upperRoman", "lowerRoman") and n < 4000:
        out, rest = [], n
        for value, numeral in _ROMAN:
            while rest >= value:
                out.append(numeral)
                rest -= value
        roman = "".join(out)
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt in ("upperLetter", "lowerLetter"):
        letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    return str(n)
