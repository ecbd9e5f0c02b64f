"""Writes the .docx files of the corpus and prints their part of faults.yaml.

The documents are kept as .docx in this folder; this script is how they were made and how
to remake them after an edit: ``python -m tests.lint.corpus.make_docx``.  Each starts from
the well-formed A4 page of :mod:`tests.lint.redhead_docs` (margins, styles, page numbers)
and sets its body the way offices do by hand: a red 版头 in paragraphs, the 版记 as a
table or bordered paragraphs, Word auto-numbering from numbering.xml, tables.

A paragraph's text may carry a fault tag ``⟪CODE|CODE|说明⟫``: the tag is dropped from the
document and the paragraph's line (its index among all body paragraphs, as ``gongwen lint``
counts them) is printed with it as a manifest entry.
"""

from __future__ import annotations

import io
import json
import os
import re
import sys
import zipfile

from tests.lint.redhead_docs import (FANG, HEI, border, docx as make_docx, issuer, label, p, record_paragraphs,
                                     record_table, right_text, run, section_break, title)

HERE = os.path.dirname(os.path.abspath(__file__))
KAI = "楷体_GB2312"
MM35 = 1984
TAG = re.compile(r"⟪([^⟫]*)⟫")
IND = '<w:ind w:firstLine="640"/>'
_tags = []  # (clean paragraph text, tags) of the document being made


def t(text):
    """``text`` without its fault tags; the tags are remembered for the manifest."""
    tags = TAG.findall(text)
    clean = TAG.sub("", text)
    if tags:
        _tags.append((clean, tags))
    return clean


def body(text):
    return p(t(text), "both", IND)


def h1(text):
    return p(run(t(text), HEI), "both", IND)


def h2(text):
    return p(run(t(text), KAI), "both", IND)


def run_in(head, text, font=KAI):
    """A run-in heading: ``（一）标题。`` in 楷体, the body after it in the same paragraph."""
    return p(run(t(head), font) + run(t(text)), "both", IND)


def plain(text, jc="left", ppr=""):
    return p(t(text), jc, ppr)


def red_head(mark, number, signer=""):
    """WPS style: blank lines push the 标志 down; a red bottom border under the 发文字号."""
    line = f"{number}\t签发人：{signer}" if signer else number
    if signer:
        num = p(run(t(line)), "left", '<w:ind w:left="320"/><w:tabs><w:tab w:val="right" w:pos="8525"/></w:tabs>'
                f'<w:pBdr>{border("bottom", 12, "FF0000")}</w:pBdr>')
    else:
        num = p(t(line), "center", f'<w:pBdr>{border("bottom", 12, "FF0000")}</w:pBdr>')
    return p() + p() + issuer(mark, before=MM35 - 2 * 579) + p() + num + p()


def closing(issuer_name, date):
    return p() + right_text(t(issuer_name)) + right_text(t(date))


def record(cc, printed):
    return p() + p() + record_table(t(cc), t(printed)) + p()


def table(rows, widths):
    """A plain grid table, each cell one paragraph in 仿宋 四号 (as offices fill them)."""
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    borders = "".join(border(s, 4) for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
    out = (f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>'
           f'<w:tblBorders>{borders}</w:tblBorders></w:tblPr><w:tblGrid>{grid}</w:tblGrid>')
    for row in rows:
        out += "<w:tr>"
        for w, cell in zip(widths, row):
            out += (f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr>'
                    f'{p(run(t(cell), FANG, 28, spacing=0), "center", line=SINGLE_LINE)}</w:tc>')
        out += "</w:tr>"
    return out + "</w:tbl>"


SINGLE_LINE = '<w:spacing w:line="240" w:lineRule="auto"/>'

# --- Word auto-numbering: 一、 and （一） from numbering.xml --------------------------------

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NUMBERING = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="{W}">'
    '<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/>'
    '<w:lvlText w:val="%1、"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="640"/></w:pPr>'
    f'<w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="{HEI}"/></w:rPr></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/>'
    '<w:lvlText w:val="（%2）"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="640"/></w:pPr>'
    f'<w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="{KAI}"/></w:rPr></w:lvl>'
    '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    '<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="1"><w:startOverride w:val="1"/>'
    '</w:lvlOverride></w:num></w:numbering>')


def numbered(text, level, num_id=1, font=None):
    """A paragraph numbered by Word (``w:numPr``), the label not typed."""
    font = font or (HEI if level == 0 else KAI)
    numpr = f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'
    return p(run(t(text), font), "both", numpr + IND)


def numbered_run_in(head, text, num_id=1):
    numpr = f'<w:numPr><w:ilvl w:val="1"/><w:numId w:val="{num_id}"/></w:numPr>'
    return p(run(t(head), KAI) + run(t(text)), "both", numpr + IND)


def with_numbering(data: bytes) -> bytes:
    """Adds numbering.xml (and its relationship and content type) to a .docx."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            text = zin.read(info).decode("utf-8")
            if info.filename == "word/_rels/document.xml.rels":
                text = text.replace("</Relationships>", '<Relationship Id="rIdN" Type="http://schemas.openxmlformats.'
                                    'org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>'
                                    "</Relationships>")
            elif info.filename == "[Content_Types].xml":
                text = text.replace("</Types>", '<Override PartName="/word/numbering.xml" ContentType="application/'
                                    'vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>')
            zout.writestr(info, text)
        zout.writestr("word/numbering.xml", NUMBERING)
    return out.getvalue()


def stable(data: bytes) -> bytes:
    """The same bytes for the same document: every part stamped 1980-01-01, as Word leaves them."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(zipfile.ZipInfo(info.filename, (1980, 1, 1, 0, 0, 0)), zin.read(info),
                          compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def line_of(paras, text):
    """The line of the one paragraph that holds ``text``."""
    found = [para.line for para in paras if text in para.text]
    if len(found) != 1:
        raise SystemExit(f"cannot place {text!r}: {found}")
    return found[0]


def main(out_dir=HERE):
    from gongwen.draft.read import read_source
    from tests.lint.corpus import make_docx as this  # the module docx_docs fills, not __main__
    from tests.lint.corpus.docx_docs import DOCUMENTS, NUMBERED

    tags = this._tags
    out = []
    for name, make in DOCUMENTS.items():
        tags.clear()
        data = make_docx(make())
        if name in NUMBERED:
            data = with_numbering(data)
        path = os.path.join(out_dir, name)
        with open(path, "wb") as f:
            f.write(stable(data))
        paras = read_source(path).paras
        out.append(f"{name}:" + ("" if tags else " []"))
        for text, found in tags:
            codes, whats = [], []
            for tag in found:
                parts = tag.split("|")
                codes += parts[:-1]
                whats.append(parts[-1])
            out.append(f"  - {{line: {line_of(paras, text)}, code: \"{'|'.join(codes)}\", what: {json.dumps('；'.join(whats), ensure_ascii=False)}}}")
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
