"""gongwen import of the red-header family: what each element becomes in the model, and the
faults that become warnings (with their lines) while the text stays as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from gongwen.content import loader
from gongwen.content.dumper import dump
from gongwen.importer import Line, import_file
from gongwen.importer.outline import import_paragraphs
from gongwen.importer.probe import expected_paragraphs, same_text

DOCUMENTS = Path(__file__).parent / "family"


def imp(text: str, kind=None):
    lines = [Line(i, t) for i, t in enumerate(text.split("\n"), 1)]
    return import_paragraphs(lines, kind=kind, path="t.txt")


def doc_of(name: str):
    return import_file(DOCUMENTS / f"{name}.txt").document


def warned(result, fragment, line=None):
    return any(fragment in w.message and (line is None or w.line == line) for w in result.warnings)


def comes_back(result, text: str) -> bool:
    source = [same_text(t) for t in text.split("\n") if t.strip()]
    return [same_text(t) for t in expected_paragraphs(result.document)] == source


def reloads(result):
    doc = result.document
    again = loader.loads(dump(doc), "t.yaml")
    again.path, again.warnings = doc.path, doc.warnings
    assert again == doc
    return again


def test_a_notice_from_head_to_record():
    doc = doc_of("notice")
    h = doc.head
    assert (doc.kind, h.copy_number, h.secrecy, h.urgency) == ("notice", "000086", "机密★1年", "特急")
    assert (h.issuers, h.mark, h.doc_number) == (["清河县人民政府"], "", "清政发〔2024〕5号")
    assert doc.title == "清河县人民政府关于做好2024年安全生产工作的通知"
    assert doc.recipients == ["各乡镇人民政府，县直各有关单位"]  # written with ，: kept whole
    assert [s.heading for s in doc.sections] == ["总体要求", "重点任务", "保障措施"]
    third = doc.sections[1].points[2]
    assert [i.lead for i in third.series.items] == ["修订完善应急预案", "加强应急队伍建设", "强化应急演练"]
    assert third.after == ["各地要结合汛期特点，提前预置抢险力量和物资，确保一旦发生险情能够快速响应、有效处置。"]
    assert doc.closing == ["特此通知。"]
    assert [a.title for a in doc.attachments] == ["清河县2024年安全生产重点工作任务分工", "清河县重大事故隐患排查整治重点内容"]
    assert [s.heading for s in doc.attachments[1].body.sections] == ["危险化学品", "城镇燃气", "自建房"]
    assert (doc.signature, doc.date, doc.note) == ([], "2024年3月1日", "（此件公开发布）")  # 署名 = issuer: the default
    assert h.cc == ["县委各部门", "县人大常委会办公室", "县政协办公室", "县人武部", "县法院", "县检察院"]
    assert (h.printer, h.printed) == ("清河县人民政府办公室", "2024年3月1日")


def test_upward_documents_have_their_signers():
    request, report = doc_of("request"), doc_of("work_report")
    assert (request.head.doc_number, request.head.signers) == ("清教发〔2024〕15号", ["王建华"])
    assert request.recipients == ["县人民政府"] and request.closing == ["妥否，请批示。"]
    assert request.attachments[0].title == "清河县2024年农村学校校舍维修项目清单"
    assert len(request.attachments[0].body.sections) == 3
    assert request.note == "（联系人：李明，电话：0312-5551234）"
    assert report.kind == "work_report" and report.head.signers == ["赵立新"]


def test_a_letter_and_its_listed_attachment():
    doc = doc_of("letter")
    assert (doc.kind, doc.head.issuers, doc.head.doc_number) == ("letter", ["清河县人民政府办公室"], "清政办函〔2024〕8号")
    assert doc.closing == ["恳请贵局予以支持为盼。"]
    assert [(a.title, bool(a.body)) for a in doc.attachments] == [("清河县乡村振兴示范片区建设方案（2024—2026年）", False)]
    assert doc.head.cc == [] and doc.head.printed == ""


def test_minutes_have_their_mark_issue_number_and_attendance():
    doc = doc_of("minutes")
    assert (doc.head.mark, doc.head.doc_number) == ("清河县人民政府常务会议纪要", "第5期")
    assert doc.attendance == {"present": ["周文博", "李卫东", "王晓燕", "张建国", "陈立平"],
                              "absent": ["刘海峰（外出学习）"],
                              "observers": ["县应急管理局", "县水利局", "县交通运输局", "县住房和城乡建设局主要负责同志"]}
    assert doc.sections[1].series is not None and doc.signature == [] and doc.date == ""


@pytest.mark.parametrize("name,chapters", [("measures", ["总则", "项目决策", "项目实施", "附则"]),
                                           ("rules", ["总则", "审批管理", "监督管理", "附则"]),
                                           ("provisions", [])])
def test_articles_and_chapters(name, chapters):
    doc = doc_of(name)
    assert [c.heading for c in doc.chapters] == chapters
    articles = [a for c in doc.chapters for a in c.articles] or doc.articles
    assert all(not a.text[0].startswith("第") for a in articles)
    with_points = [a for a in articles if a.points]
    assert with_points and with_points[0].points[0].endswith("；") and not with_points[0].points[0].startswith("（")
    if name == "measures":
        assert articles[2].text[1].startswith("县发展和改革局是全县政府投资主管部门")  # a second 款
        assert len(articles) == 11
    if name == "provisions":
        assert doc.signature == ["清河县人民政府办公室"] and doc.date == "2024年2月20日"


def test_replies_cite_the_incoming_document():
    doc = doc_of("approval")
    assert (doc.reply_to.title, doc.reply_to.number) == ("关于县文化馆维修改造项目立项的请示", "清文旅〔2024〕12号")
    assert doc.opening[0] == "经研究，现批复如下：" and doc.opening[1].startswith("一、同意")
    assert doc.closing == ["此复。"] and doc.sections == []


def test_a_citation_with_its_addressee_is_read_whole():
    r = import_file(DOCUMENTS / "reply_letter.txt")
    reply = r.document.reply_to
    assert (reply.addressee, reply.title, reply.number) == ("你单位", "关于农村宅基地审批有关问题的请示", "清镇〔2024〕7号")
    assert r.document.opening[0] == "经研究，现函复如下：" and not warned(r, "来文引用")


def test_any_short_addressee_before_the_citation_comes_back(tmp_path):
    draft = tmp_path / "复函.txt"
    draft.write_text("清河县人民政府办公室关于宅基地审批问题的复函\n\n青石镇人民政府：\n\n"
                     "你单位报来的《关于农村宅基地审批有关问题的请示》收悉。经研究，现函复如下：\n"
                     "一、严格审批程序。\n\n清河县人民政府办公室\n2024年3月1日\n", encoding="utf-8")
    r = import_file(draft)
    assert r.document.reply_to.addressee == "你单位报来的" and not warned(r, "来文引用")


def test_a_plan_and_a_speech_and_a_report():
    plan = doc_of("plan")
    assert plan.kind == "plan" and plan.signature == ["清河县农业农村局"] and plan.head.issuers == []
    speech = doc_of("speech")
    assert speech.subtitle == "在全县2024年农村工作会议上的讲话" and speech.byline == "县委副书记　李卫东"
    assert speech.sections[0].after[0].startswith("在肯定成绩的同时")
    report = doc_of("report")
    assert (report.signature, report.date) == (["县委农办、县农业农村局联合调研组"], "2024年6月18日")
    assert report.closing == ["以上报告，请审阅。"] and report.byline == ""


@pytest.mark.parametrize("title,kind,why", [
    ("关于做好防汛工作的通知", "notice", "“通知”"),
    ("关于申请资金的请示", "request", "“请示”"),
    ("关于同意立项的批复", "approval", "“批复”"),
    ("关于商请支持的函", "letter", "“函”"),
    ("关于有关问题的复函", "reply_letter", "“复函”"),
    ("县政府常务会议纪要", "minutes", "“纪要”"),
    ("关于加快发展的实施意见", "opinion", "“意见”"),
    ("清河县防汛应急工作方案", "plan", "“方案”"),
    ("清河县资金管理办法（试行）", "measures", "“办法”"),
    ("清河县公文处理规定", "provisions", "“规定”"),
    ("清河县道路管理实施细则", "rules", "“实施细则”"),
])
def test_the_kind_comes_from_the_titles_last_words(title, kind, why):
    r = imp(f"{title}\n各乡镇人民政府：\n正文。")
    assert r.document.kind == kind and why in r.kind_reason


def test_a_report_is_a_work_report_only_with_the_familys_elements():
    upward = imp("关于上半年工作情况的报告\n县人民政府：\n一、主要工作\n做了很多工作。")
    assert upward.document.kind == "work_report" and "主送机关" in upward.kind_reason
    survey = imp("关于上半年工作情况的报告\n一、主要成效\n成效明显。\n二、存在问题\n问题不少。")
    assert survey.document.kind == "report"
    assert imp("关于课后服务的调研报告\n县人民政府：\n一、主要成效\n成效明显。").document.kind == "report"


def test_other_kinds_with_a_head_are_laid_out_as_a_notice():
    r = imp("清河县人民政府文件\n清政发〔2024〕3号\n关于表彰先进集体的决定\n各乡镇人民政府：\n正文。")
    assert r.document.kind == "notice" and "“决定”" in r.kind_reason and "按通知" in r.kind_reason
    r = imp("清河县人民政府文件\n清政发〔2024〕3号\n防汛工作安排\n各乡镇人民政府：\n正文。")
    assert r.document.kind == "notice" and "发文机关标志" in r.kind_reason
    assert imp("在全县工作会议上的讲话\n同志们：\n正文。").document.kind == "speech"


# --- faults become warnings; the text stays --------------------------------------------------------


def test_head_forms_gongwen_writes_otherwise():
    text = "清河县人民政府文件\n清政发[2024]05号\n关于做好防汛工作的通知\n各乡镇人民政府：\n正文。\n清河县人民政府\n二〇二四年三月一日"
    r = imp(text)
    doc = r.document
    assert doc.head.doc_number == "清政发〔2024〕5号" and warned(r, "生成时写作“清政发〔2024〕5号”", line=2)
    assert doc.date == "2024年3月1日" and warned(r, "阿拉伯数字", line=7)
    reloads(r)


def test_signers_of_a_downward_document_are_dropped_with_a_warning():
    r = imp("清河县人民政府文件\n清政发〔2024〕5号　签发人：周文博\n关于做好防汛工作的通知\n各乡镇人民政府：\n正文。")
    assert r.document.head.signers == [] and r.document.head.doc_number == "清政发〔2024〕5号"
    assert warned(r, "签发人只用于上行文", line=2)
    reloads(r)


def test_a_record_with_other_labels_and_a_moved_recipient():
    text = ("关于做好防汛工作的通知\n正文。\n清河县人民政府\n2024年3月1日\n主送：各乡镇人民政府，县直各单位。\n"
            "抄报：市人民政府办公室。\n清河县人民政府办公室 2024年3月1日印发")
    r = imp(text)
    doc = r.document
    assert doc.recipients == ["各乡镇人民政府，县直各单位"] and warned(r, "版记中的“主送：”", line=5)
    assert doc.head.cc == ["市人民政府办公室"] and warned(r, "“抄报：”生成时写作“抄送：”", line=6)
    assert (doc.head.printer, doc.head.printed) == ("清河县人民政府办公室", "2024年3月1日")
    reloads(r)


def test_attachment_pages_that_differ_from_the_note():
    text = ("关于做好防汛工作的通知\n各乡镇：\n正文。\n附件：1.防汛责任人名单\n2.物资清单\n清河县人民政府\n2024年3月1日\n"
            "附件1\n防汛责任人名单表\n一、县级\n周文博。\n附件3\n物资清单\n一、县级仓库\n冲锋舟5艘。\n附件4\n抢险队伍\n一、县级\n80人。")
    r = imp(text)
    doc = r.document
    assert [a.title for a in doc.attachments] == ["防汛责任人名单", "物资清单", "抢险队伍"]
    assert warned(r, "与附件说明中的“防汛责任人名单”不同", line=9)
    assert warned(r, "此处应为“附件2”", line=12)
    assert warned(r, "附件说明只列了 2 个附件", line=16)
    assert all(a.body.sections for a in doc.attachments)
    reloads(r)


def test_attachment_pages_without_a_note():
    r = imp("关于做好防汛工作的通知\n各乡镇：\n正文。\n清河县人民政府\n2024年3月1日\n附件\n防汛责任人名单\n周文博、李卫东。")
    doc = r.document
    assert [a.title for a in doc.attachments] == ["防汛责任人名单"] and doc.attachments[0].body.opening
    assert warned(r, "原文没有附件说明", line=6)
    reloads(r)


def test_article_numbers_and_separators():
    text = ("清河县资金管理办法\n第一条 为了规范管理，制定本办法。\n第三条　本办法适用于县直各部门。\n第四条\n"
            "第五条　下列资金适用本办法：\n（一）专项资金；\n(三)补助资金。\n前款所列资金另有规定的，从其规定。")
    r = imp(text)
    doc = r.document
    assert warned(r, "空一字", line=2) and warned(r, "条号不连续", line=3) and warned(r, "之后没有内容", line=4)
    assert warned(r, "序号不连续", line=7) and warned(r, "移到各项之前", line=8)
    assert doc.articles[3].points == ["专项资金；", "补助资金。"]
    assert doc.articles[3].text == ["下列资金适用本办法：", "前款所列资金另有规定的，从其规定。"]
    reloads(r)


def test_chapters_with_articles_before_them_and_text_between():
    text = ("清河县资金管理办法\n第一条　为了规范管理，制定本办法。\n第一章　总则\n本章规定一般事项。\n"
            "第二条　本办法适用于县直各部门。\n第三章　附则\n第三条　本办法自发布之日起施行。")
    r = imp(text)
    doc = r.document
    assert [c.heading for c in doc.chapters] == ["总则", "附则"] and doc.articles == []
    assert len(doc.chapters[0].articles) == 2 and warned(r, "已放入第一章")
    assert warned(r, "章名和第一条之间", line=4) and warned(r, "章号不连续", line=6)
    reloads(r)


def test_articles_in_a_notice_stay_text():
    text = "关于做好防汛工作的通知\n各乡镇：\n第一条　为了规范管理，制定本办法。\n第二条　本办法自发布之日起施行。"
    r = imp(text)
    assert r.document.articles == [] and r.document.opening[0].startswith("第一条")
    assert warned(r, "条款式正文", line=3) and comes_back(r, text)
    reloads(r)


def test_attendance_before_the_body_moves_after_it():
    text = "县政府常务会议纪要\n出席：周文博、李卫东\n一、关于防汛工作\n会议要求做好防汛准备。"
    r = imp(text)
    assert r.document.attendance == {"present": ["周文博", "李卫东"]} and warned(r, "排在正文之后", line=2)
    reloads(r)


def test_a_citation_without_a_number_and_one_with_nothing_after_it():
    r = imp("关于同意立项的批复\n县文旅局：\n《关于立项的请示》收悉。\n同意立项。\n此复。")
    doc = r.document
    assert (doc.reply_to.title, doc.reply_to.number, doc.opening) == ("关于立项的请示", "", ["同意立项。"])
    assert r.warnings == []
    reloads(r)


def test_a_document_with_nothing_but_a_head_still_imports():
    r = imp("清河县人民政府文件\n清政发〔2024〕5号\n关于做好防汛工作的通知")
    assert r.document.opening == ["【待补充】"] and warned(r, "没有正文")
    reloads(r)


def test_markdown_drafts_of_the_family(tmp_path):
    md = tmp_path / "通知.md"
    md.write_text("# 关于做好防汛工作的通知\n\n各乡镇人民政府：\n\n为做好今年防汛工作，\n现通知如下。\n\n"
                  "## 一、总体要求\n\n确保安全度汛。\n\n特此通知。\n\n附件：防汛责任人名单\n\n清河县人民政府\n\n2024年5月6日\n",
                  encoding="utf-8")
    doc = import_file(md).document
    assert (doc.kind, doc.recipients, doc.opening) == ("notice", ["各乡镇人民政府"], ["为做好今年防汛工作，现通知如下。"])
    assert doc.closing == ["特此通知。"] and doc.attachments[0].title == "防汛责任人名单"
    assert (doc.signature, doc.date) == (["清河县人民政府"], "2024年5月6日")


def test_docx_looks_tell_a_red_mark_and_a_title_set_in_lines(tmp_path):
    from tests.tinydocx import make_docx, p

    red = '<w:pPr><w:jc w:val="center"/></w:pPr>'
    centred = '<w:pPr><w:pStyle w:val="T"/><w:jc w:val="center"/></w:pPr>'
    mark = ('<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:color w:val="FF0000"/></w:rPr>'
            '<w:t>清河县人民政府办公室</w:t></w:r></w:p>')
    styles = '<w:style w:type="paragraph" w:styleId="T"><w:name w:val="公文标题"/><w:rPr><w:sz w:val="44"/></w:rPr></w:style>'
    body = (mark + p("清河县人民政府办公室关于开展", centred) + p("安全生产大检查的通知", centred)
            + p("各乡镇人民政府：") + p("现就有关事项通知如下。", red.replace("center", "left")) + p("特此通知。"))
    path = tmp_path / "通知.docx"
    path.write_bytes(make_docx(body, styles=styles))
    r = import_file(path)
    doc = r.document
    assert doc.head.mark == "清河县人民政府办公室" and doc.title == "清河县人民政府办公室关于开展安全生产大检查的通知"
    assert r.warnings == []  # a title set in centred lines of one style is joined without a word


def test_joint_issuers_and_signatures_come_back_from_gongwens_docx(tmp_path):
    from gongwen.builder.pipeline import build_one

    content = tmp_path / "联合.yaml"
    content.write_text("kind: 通知\ntitle: 关于联合开展防汛检查的通知\ndate: 2024-05-06\n"
                       "issuer: [清河县人民政府, 清河县人民武装部]\ndoc_number: 清政发〔2024〕7号\n"
                       "recipients: 各乡镇人民政府\nopening: [现就有关事项通知如下。]\nclosing: [特此通知。]\n"
                       "signature: [清河县人民政府, 清河县人民武装部]\n", encoding="utf-8")
    built = build_one(content, tmp_path / "联合.docx")
    assert built.ok, built.errors
    r = import_file(built.target)
    doc = r.document
    assert doc.head.issuers == ["清河县人民政府", "清河县人民武装部"] and doc.head.mark == ""
    assert doc.signature == [] and r.warnings == []  # the issuers sign: the default
    content.write_text(content.read_text(encoding="utf-8").replace(
        "signature: [清河县人民政府, 清河县人民武装部]", "signature: [清河县人民政府办公室, 清河县人民武装部]"),
        encoding="utf-8")
    built = build_one(content, tmp_path / "联合2.docx")
    assert import_file(built.target).document.signature == ["清河县人民政府办公室", "清河县人民武装部"]


def test_joint_issuers_written_with_wenjian_lose_it_with_a_warning():
    from gongwen.draft.roles import Line as RoleLine, assign

    lines = [Line(1, "清河县人民政府", align="center", red=True), Line(2, "清河县人民武装部文件", align="center", red=True),
             Line(3, "清政发〔2024〕7号"), Line(4, "关于联合开展防汛检查的通知"), Line(5, "各乡镇人民政府："), Line(6, "正文。")]
    assert [r.kind for r in assign([RoleLine(ln.text, align=ln.align, red=ln.red) for ln in lines])][:2] == [
        "issuer", "issuer"]
    r = import_paragraphs(lines, path="t.docx")
    assert r.document.head.issuers == ["清河县人民政府", "清河县人民武装部"] and warned(r, "不加“文件”", line=2)
