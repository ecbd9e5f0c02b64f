"""A red-header document (通知, 请示, 函, 纪要, 办法 …) → numbered paragraphs, laid out to GB/T 9704.

The one place that decides where each element of the 版头, 主体 and 版记 goes (sections 7.2–7.4,
10.1, 10.3): the writer gives data, this module gives positions — the 发文机关标志 35 mm below
the text block's top, the separator 4 mm under the 发文字号, the title two blank lines below it,
署名 and 成文日期 with the seal's room kept, each 附件 on a page of its own, and the 版记 at the
bottom of the last page, which it makes an even page.  Markers of sections and points come from
:mod:`gongwen.builder.numbering`, as for speeches.
"""

from __future__ import annotations

from typing import Dict, List

from gongwen.builder import geometry, numbering, tables, titles
from gongwen.builder.pages import cells, last_page
from gongwen.content.model import Body, Document
from gongwen.content.schema import ATTENDANCE, FORMS, SIGNATURE_STAMP
from gongwen.spec.gbt9704 import (BODY_CHAR, LETTER_BOTTOM_LINE_MM, LETTER_MARK_TOP_MM, LINE_PITCH, MARK_MAX_SIZE,
                                  MARK_TOP_MM, RECORD_CHAR, RECORD_THICK, RECORD_THIN, SEPARATOR_GAP_MM, TEXT_HEIGHT,
                                  TEXT_WIDTH, TWIPS_PER_MM, A4, MARGINS)
from gongwen.spec.numerals import to_chinese

Para = Dict[str, str]

#: Measured (LibreOffice, tests/builder/test_redhead_pdf.py): how far below its line's top a
#: 发文机关标志's glyphs start, per half-point of size; and the separator's distance below the
#: 发文字号 line's bottom edge that puts it 4 mm under the characters (points).
MARK_INK_OFFSET = 0.9
SEPARATOR_SPACE = round(SEPARATOR_GAP_MM * 72 / 25.4) - 5
#: How far the 信函's first double line sits above the 标志's line box plus 4 mm, so that it is 4 mm
#: under the glyphs (twips, measured as above).
LETTER_LINE_RAISE = 160
#: Blank lines between the body and the 署名 when a seal is pressed on it (its top within a line of
#: the body, 署名 and date below its centre), and without a seal (7.3.5).
SEAL_LINES, NO_SEAL_LINES = 2, 1
#: Characters of room kept for a 签发人签名章.
STAMP_CHARS = 4
#: Twips between a 版记 line and the text next to it.
RECORD_PAD = 80


def _twips(mm: float) -> int:
    return round(mm * TWIPS_PER_MM)


def paragraphs(doc: Document, level3: str = ".") -> List[Para]:
    """The whole document, laid out, in reading order: any kind."""
    out = tables.separated(_laid_out(doc, level3))
    for para in out:
        shape = geometry.encode(para)
        if shape:
            para["geometry"] = shape
    return out


def _laid_out(doc: Document, level3: str) -> List[Para]:
    if doc.kind not in FORMS:  # a speech or a survey report; a report's 落款 goes at its end
        return numbering.paragraphs(doc, level3) + (signature(doc, seal=False) if doc.signature else [])
    form = FORMS[doc.kind]
    out: List[Para] = head(doc)
    out.extend({"kind": "title", "text": line} for line in titles.lines(doc.title, doc.title_lines))
    out.append(blank())
    recipients = "、".join(doc.recipients) + "：" if doc.recipients else ""
    moved = recipients and _crowds_page_one(out, recipients)
    if recipients and not moved:
        out.append({"kind": "recipient", "text": recipients})
    out.extend(body(doc.body, level3, cite=_citation(doc)))
    for key, label in ATTENDANCE.items():
        if doc.attendance.get(key):
            out.append(_hanging("attend", "、".join(doc.attendance[key]), label + "：", 2))
    out.extend(attachment_note(doc))
    if doc.seal == SIGNATURE_STAMP:
        out.extend(stamp_signature(doc))
    else:
        out.extend(signature(doc, seal=form.layout != "minutes" if doc.seal is None else doc.seal))
    if doc.note:
        out.append({"kind": "note", "text": doc.note})
    for n, attachment in enumerate(doc.attachments, 1):
        if attachment.body:
            label = "附件" if len(doc.attachments) == 1 else f"附件{n}"
            out += [{"kind": "attachlabel", "text": label}, blank(),
                    *({"kind": "attachtitle", "text": line}
                      for line in titles.lines(attachment.title, attachment.title_lines)), blank()]
            out.extend(body(attachment.body, level3))
    return out + record(doc, out, recipients if moved else "")


def blank() -> Para:
    return {"kind": "blank", "text": ""}


def head(doc: Document) -> List[Para]:
    """The 版头: 份号, 密级, 紧急程度, 发文机关标志, 发文字号 / 签发人, the red separator."""
    form, h = FORMS[doc.kind], doc.head
    out: List[Para] = []
    letter = form.layout == "letter"
    mark = h.mark or ("".join(h.issuers) + form.mark_suffix if len(h.issuers) == 1 else "")
    marks = [mark] if mark else list(h.issuers)
    if letter and marks:
        size = _mark_size(marks[0])
        line_y = _twips(LETTER_MARK_TOP_MM) + size * 10 + _twips(SEPARATOR_GAP_MM) - LETTER_LINE_RAISE
        out.append({"kind": "lettermark", "text": marks[0], "size": str(size), "height": str(size * 10),
                    "y": str(_twips(LETTER_MARK_TOP_MM))})
        out.append({"kind": "letterline", "y": str(line_y), "style": "thickThinSmallGap"})
        out.append({"kind": "letterline", "y": str(A4[1] - _twips(LETTER_BOTTOM_LINE_MM) - 80),
                    "style": "thinThickSmallGap"})
        out.append({"kind": "spacer", "height": str(max(line_y + 240 - MARGINS["top"], 20))})
    for key, kind in (("copy_number", "copyno"), ("secrecy", "secrecy"), ("urgency", "urgency")):
        if getattr(h, key):
            out.append({"kind": kind, "text": getattr(h, key)})
    if letter:
        if h.doc_number:
            out.append({"kind": "docnoright", "text": h.doc_number})
        return out + [blank()] if marks or out else out
    if not marks:
        return out + ([{"kind": "docno", "text": h.doc_number, "gap": str(SEPARATOR_SPACE)}, blank(), blank()]
                      if h.doc_number else [])
    above = len(out) * LINE_PITCH
    size = min(_mark_size(text) for text in marks)
    # Joint issuers (7.2.4): the names stacked, the lead first, spread to one width.
    side = (TEXT_WIDTH - round(max(cells(t) for t in marks) * size * 10)) // 2 if len(marks) > 1 else 0
    for i, text in enumerate(marks):
        top = _twips(MARK_TOP_MM) - above - round(size * MARK_INK_OFFSET) if i == 0 else 0
        if top > 0:
            out.append({"kind": "spacer", "height": str(top)})
        out.append({"kind": "mark", "text": text, "size": str(size), "height": str(size * 10 + 120),
                    "align": "distribute" if side else "center", "side": str(max(side, 0))})
    out += [blank(), blank()]
    gap = str(SEPARATOR_SPACE)
    if form.upward and h.signers:
        pairs = ["　".join(h.signers[i:i + 2]) for i in range(0, len(h.signers), 2)]
        for i, names in enumerate(pairs[:-1]):
            out.append({"kind": "signer", "label": "签发人：" if i == 0 else "", "text": names})
        out.append({"kind": "docnoup", "text": h.doc_number, "label": "签发人：" if len(pairs) == 1 else "",
                    "names": pairs[-1], "gap": gap})
    elif h.doc_number:
        out.append({"kind": "docno", "text": h.doc_number, "gap": gap})
    else:
        out.append({"kind": "rule", "height": str(LINE_PITCH), "gap": gap})
    return out + [blank(), blank()]


def _mark_size(text: str) -> int:
    """Half-points of a 发文机关标志: 小初 at most, and never wider than the text block."""
    fit = int(TEXT_WIDTH * 0.96 / max(cells(text), 1) / 10)
    return max(min(MARK_MAX_SIZE, fit), 32)


def _citation(doc: Document) -> str:
    """``《关于……的请示》（清农〔2024〕5号）收悉。``: what a 批复 or 复函 answers, title first."""
    if doc.reply_to is None:
        return ""
    number = f"（{doc.reply_to.number}）" if doc.reply_to.number else ""
    title = doc.reply_to.title.replace("《", "〈").replace("》", "〉")  # a title inside a title: 〈〉
    return f"{doc.reply_to.addressee}《{title}》{number}收悉。"


def body(part: Body, level3: str, cite: str = "") -> List[Para]:
    """Opening, sections or articles (in chapters or not), closing."""
    opening = list(part.opening)
    if cite:  # the citation opens the first paragraph (a table comes after it)
        first = opening[0] if opening and isinstance(opening[0], str) else ""
        opening = [cite + first] + opening[1 if first else 0:]
    out: List[Para] = numbering.body_paragraphs(opening)
    for n, section in enumerate(part.sections, 1):
        out.extend(numbering.section_paragraphs(section, n, level3))
    count = 0
    for c, chapter in enumerate(part.chapters, 1):
        out.append({"kind": "chapter", "text": f"第{to_chinese(c)}章　{chapter.heading}"})
        for article in chapter.articles:
            count += 1
            out.extend(_article(article, count))
    for article in part.articles:
        count += 1
        out.extend(_article(article, count))
    out.extend({"kind": "closing", "text": t} for t in part.closing)
    return out


def _article(article, n: int) -> List[Para]:
    out = [{"kind": "article", "heading": f"第{to_chinese(n)}条　", "text": article.text[0]}]
    out.extend({"kind": "body", "text": t} for t in article.text[1:])
    out.extend({"kind": "body", "text": f"（{to_chinese(i)}）{t}"} for i, t in enumerate(article.points, 1))
    return out


def _hanging(kind: str, text: str, label: str, indent_chars: int, char: int = BODY_CHAR) -> Para:
    """A paragraph whose wrapped lines align after ``label`` (附件说明, 出席：, 抄送：)."""
    label_width = round(cells(label) * char)
    left = indent_chars * char + label_width
    para = {"kind": kind, "left": str(left), "hanging": str(label_width)}
    if kind == "attend":
        para.update(label=label, text=text)
    else:
        para["text"] = label + text
    return para


def attachment_note(doc: Document) -> List[Para]:
    """``附件：1.名称`` under the body, one blank line above, two characters in (7.3.4)."""
    titles = [a.title for a in doc.attachments]
    if not titles:
        return []
    if len(titles) == 1:
        return [blank(), _hanging("attachnote", titles[0], "附件：", 2)]
    out = [blank()]
    for n, title in enumerate(titles, 1):
        marker = f"{n}."
        if n == 1:
            para = _hanging("attachnote", title, "附件：" + marker, 2)
        else:
            para = _hanging("attachnote", title, marker, 2 + 3)
            para["left"] = out[1]["left"]
            para["hanging"] = str(int(para["left"]) - 5 * BODY_CHAR)
        out.append(para)
    return out


def signature(doc: Document, seal: bool) -> List[Para]:
    """署名 over 成文日期 (7.3.5): centred over the date four characters in with a seal; without one,
    the name two characters in and the date two characters further right."""
    names = doc.signature or (doc.head.issuers if FORMS[doc.kind].layout != "minutes" else [])
    if not names and not doc.date:
        return []
    date_width = cells(doc.date)
    out: List[Para] = [blank() for _ in range(SEAL_LINES if seal else NO_SEAL_LINES)]
    widest = max((cells(n) for n in names), default=0)
    for name in names:
        width = widest if not seal else cells(name)  # several names without a seal: one right edge
        if seal:
            right = 4 + max((date_width - width) / 2, -4)
        else:
            right = 2 if date_width <= width - 2 else date_width - width + 4
        out.append({"kind": "signature", "text": name, "right": str(round(right * BODY_CHAR))})
    if doc.date:
        if seal or not names:
            right = 4 if seal else 2
        else:
            sig = widest
            right = max(2, sig - date_width) if date_width <= sig - 2 else 2
        out.append({"kind": "issuedate", "text": doc.date, "right": str(round(right * BODY_CHAR))})
    return out


def stamp_signature(doc: Document) -> List[Para]:
    """签发人签名章 (7.3.5.3): two lines under the body, four characters in from the right, the
    signer's office two characters left of the stamp's room; the date a line below, four in."""
    four = str(4 * BODY_CHAR)
    out: List[Para] = [blank(), blank()]
    out.extend({"kind": "signature", "text": title + "　" * (2 + STAMP_CHARS), "right": four}
               for title in (doc.signature or doc.head.signers))
    if doc.date:
        out += [blank(), {"kind": "issuedate", "text": doc.date, "right": four}]
    return out


def _crowds_page_one(so_far: List[Para], recipients: str) -> bool:
    """True when the 主送 would leave page 1 without a line of body text: it moves to the 版记."""
    page, used = last_page(so_far + [{"kind": "recipient", "text": recipients}])
    return page > 1 or used + LINE_PITCH > TEXT_HEIGHT


def record(doc: Document, before: List[Para], recipients: str) -> List[Para]:
    """The 版记 at the bottom of the last page, which is made an even page (7.4, 7.5)."""
    h, letter = doc.head, FORMS[doc.kind].layout == "letter"
    rows: List[Para] = []
    if recipients:
        rows.append(_hanging("record", recipients[:-1] + "。", "主送：", 1, RECORD_CHAR))
    if h.cc:
        rows.append(_hanging("record", "，".join(h.cc) + "。", "抄送：", 1, RECORD_CHAR))
    if (h.printer or h.printed) and not letter:
        rows.append({"kind": "printed", "text": h.printer, "date": f"{h.printed}印发" if h.printed else ""})
    if not rows:
        return []
    lines = sum(_record_lines(r) for r in rows)
    top = TEXT_HEIGHT - lines * LINE_PITCH - RECORD_PAD
    frame = {"h": str(lines * LINE_PITCH), "y": str(top)}
    for row in rows:
        row.update(frame)
    rules: List[Para] = []
    if not letter:  # 信函格式: no lines (10.1)
        edges, y = [top - RECORD_PAD], top
        for row in rows[:-1]:
            y += _record_lines(row) * LINE_PITCH
            edges.append(y + RECORD_PAD // 2)
        edges.append(TEXT_HEIGHT)
        for i, edge in enumerate(edges):
            thick = i in (0, len(edges) - 1)
            rules.append({"kind": "recordline", "y": str(edge * 635), "id": str(9000 + i),
                          "weight": str(round((RECORD_THICK if thick else RECORD_THIN) / 8 * 12700))})
    rows = rules + rows
    page, used = last_page(before)
    room = TEXT_HEIGHT - used - (lines + 1) * LINE_PITCH
    if page % 2 == 0 and room >= 0:
        return rows
    if page % 2 == 1:
        return [{"kind": "pagebreak", "text": ""}] + rows
    # An even page without room: a blank page, then the 版记 page; neither is numbered (7.5.1).
    return ([{"kind": "endnumbered", "text": ""}, blank(), {"kind": "pagebreak", "text": ""}] + rows
            + [{"kind": "endunnumbered", "text": ""}])


def _record_lines(row: Para) -> int:
    per_line = (TEXT_WIDTH - 2 * RECORD_CHAR) // RECORD_CHAR
    if row["kind"] == "printed":
        return 1
    width = cells(row["text"])
    rest = per_line - int(row["hanging"]) // RECORD_CHAR
    return 1 if width <= per_line else 1 + -(-int(width - per_line) // max(rest, 1))
