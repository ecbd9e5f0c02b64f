"""Faulty drafts for the review tests (comments and tracked changes), and readers of the marks."""

import copy
import io
import zipfile

from lxml import etree

from gongwen.draft.read import read_docx
from gongwen.ooxml.names import W_NS, w
from gongwen.ooxml.runs import accept_all, reject_all

NS = {"w": W_NS}


def _xml(fragment: str):
    return etree.fromstring(f'<root xmlns:w="{W_NS}">{fragment}</root>')[0]


def faulty_draft(path, numbered: bool = True, table: bool = True, marks: bool = True):
    """A 通知 of 清河县 with half-width punctuation, a wrong marker, a placeholder; Word numbering, a
    table, a reviewer's comment and tracked changes (by 李明) when asked."""
    import docx

    d = docx.Document()
    d.add_paragraph("清河县应急管理局关于开展冬季森林防火检查的通知")
    d.add_paragraph("各乡镇人民政府,县直各有关单位:")
    p = d.add_paragraph("为切实做好今冬明春森林防火工作")
    bold = p.add_run(",确保人民群众生命财产安全;")
    bold.bold = True
    p.add_run("现将有关事项通知如下.")
    d.add_paragraph("一.检查范围")
    p = d.add_paragraph("全县各林区、")
    p.add_run("重点景区").italic = True
    p.add_run("和林农交错地带 。")
    d.add_paragraph("(一)、检查时间")
    p = d.add_paragraph("各单位要在2026年11月30号前报送自查报告,联系人:王红。")
    if numbered:
        d.add_paragraph("检查组由县应急管理局牵头,县林业局配合.", style="List Number")
        d.add_paragraph("各乡镇要明确一名分管负责同志", style="List Number")
    if table:
        t = d.add_table(rows=2, cols=2)
        t.cell(0, 0).text = "检查单位"
        t.cell(0, 1).text = "检查内容"
        t.cell(1, 0).text = "县林业局,县应急管理局"
        t.cell(1, 1).text = "火源管控;隐患排查"
    p = d.add_paragraph("请于XXX前将检查情况报县应急管理局")
    if marks:
        run = p.add_run("。")
        d.add_comment([run], text="报送时间请再核实。", author="李明", initials="LM")
        p = d.add_paragraph("各单位要")
        p._p.append(_xml('<w:del w:id="901" w:author="李明" w:date="2026-11-20T09:00:00Z">'
                         '<w:r><w:delText>认真</w:delText></w:r></w:del>'))
        p._p.append(_xml('<w:ins w:id="902" w:author="李明" w:date="2026-11-20T09:00:00Z">'
                         '<w:r><w:t>切实</w:t></w:r></w:ins>'))
        p.add_run("抓好落实,不留死角。")
    d.add_paragraph("清河县应急管理局")
    d.add_paragraph("2026年11月1日")
    d.save(str(path))
    return path


def document_root(path):
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read("word/document.xml"))


def with_document(path, root) -> io.BytesIO:
    """The package at ``path`` with ``root`` as its main part, in memory."""
    out = io.BytesIO()
    with zipfile.ZipFile(path) as z, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as o:
        for info in z.infolist():
            data = z.read(info)
            if info.filename == "word/document.xml":
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            o.writestr(info, data)
    out.seek(0)
    return out


def reject_by(root, author: str) -> None:
    """Reject the tracked changes of ``author`` only."""
    for ins in list(root.iter(w("ins"))):
        if ins.get(w("author")) == author and ins.getparent().tag != w("rPr"):
            ins.getparent().remove(ins)
    for d in list(root.iter(w("del"))):
        if d.get(w("author")) != author or d.getparent().tag == w("rPr"):
            continue
        for t in d.iter(w("delText")):
            t.tag = w("t")
        parent, i = d.getparent(), d.getparent().index(d)
        for k, kid in enumerate(list(d)):
            parent.insert(i + k, kid)
        parent.remove(d)


def source_after(path, change):
    """The Source of ``path`` read after ``change`` (a function of the document root)."""
    root = copy.deepcopy(document_root(path))
    change(root)
    return read_docx(str(path), with_document(path, root))


def accepted(path):
    return source_after(path, accept_all)


def rejected(path):
    return source_after(path, reject_all)


def texts(source):
    return [p.text for p in source.paras]


def comment_ranges(path):
    """``{comment id: shown text between its range marks}`` (text within one paragraph)."""
    from gongwen.ooxml.runs import text_between

    root = document_root(path)
    out = {}
    for start in root.iter(w("commentRangeStart")):
        cid = start.get(w("id"))
        p = next(a for a in start.iterancestors() if a.tag == w("p"))
        out[cid] = text_between(p, cid)
    return out
