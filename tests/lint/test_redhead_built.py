"""What gongwen builds for the red-header family lints clean under the red-header rules
(GW816–GW825), and the same files, spoilt the way hand edits spoil them, do not."""

import glob
import io
import os
import re
import zipfile

import pytest
import yaml

from gongwen import api
from gongwen.content.schema import FAMILY
from gongwen.draft.read import read_source
from gongwen.lint.engine import lint_source
from gongwen.lint.registry import all_rules

from tests.paths import ROOT

RED = [r for r in all_rules() if "GW816" <= r.code <= "GW825"]
LONG = ("全县各级各部门要坚持人民至上、生命至上，把森林防火工作摆在更加突出的位置，"
        "层层压实责任，扎实做好火源管控、隐患排查和应急准备各项工作。")
BODY = [{"heading": "压实防火责任", "paragraphs": [LONG] * 3}, {"heading": "严控野外火源", "paragraphs": [LONG] * 4}]
RECORD = {"cc": ["县委办公室", "县人大常委会办公室", "县政协办公室"], "printer": "清河县人民政府办公室",
          "printed": "2024-03-05"}

DOCS = {
    "notice": {"kind": "通知", "title": "清河县人民政府关于做好2024年春季森林防火工作的通知",
               "issuer": "清河县人民政府", "doc_number": "清政发〔2024〕5号", "copy_number": "000086",
               "urgency": "特急", "recipients": ["各乡镇人民政府", "县直各有关单位"], "sections": BODY,
               "closing": "特此通知。", "date": "2024-03-05",
               "attachments": [{"title": "清河县2024年春季森林防火重点区域", "opening": [LONG]},
                               {"title": "清河县森林防火值班安排表", "opening": [LONG]}], **RECORD},
    "request": {"kind": "请示", "title": "关于申请拨付森林防火专项经费的请示", "issuer": "清河县应急管理局",
                "doc_number": "清应急〔2024〕9号", "signers": ["王立新", "刘敏", "赵红"],
                "recipients": "清河县人民政府", "opening": [LONG], "closing": "妥否，请批示。", "date": "2024-03-01",
                "note": "联系人：刘敏，电话：5512306", "cc": ["县财政局"], "printer": "清河县应急管理局办公室",
                "printed": "2024-03-01"},
    "letter": {"kind": "函", "title": "关于商请支持清河县森林防火物资储备库建设的函", "issuer": "清河县人民政府办公室",
               "doc_number": "清政办函〔2024〕8号", "recipients": "江州市应急管理局", "opening": [LONG],
               "closing": "妥否，请函复。", "date": "2024-03-08", "cc": ["县应急管理局"]},
    "minutes": {"kind": "纪要", "title": "清河县人民政府常务会议纪要", "issuer": "清河县人民政府",
                "opening": ["2024年3月4日，县长周文博主持召开县政府第25次常务会议。现纪要如下。"], "sections": BODY,
                "present": ["周文博", "李国强", "张海燕"], "absent": ["王立新"], "date": "2024-03-04", **RECORD},
    "measures": {"kind": "办法", "title": "清河县森林防火管理办法", "issuer": "清河县人民政府",
                 "doc_number": "清政发〔2024〕2号",
                 "chapters": [{"heading": "总则", "articles": ["为了加强森林防火工作，制定本办法。", LONG]},
                              {"heading": "附则", "articles": ["本办法自2024年4月1日起施行。"]}],
                 "date": "2024-03-01", **RECORD},
    "approval": {"kind": "批复", "title": "清河县人民政府关于同意设立马坊乡森林防火物资储备库的批复",
                 "issuer": "清河县人民政府", "doc_number": "清政函〔2024〕11号", "recipients": "县应急管理局",
                 "reply_to": {"title": "关于设立马坊乡森林防火物资储备库的请示", "number": "清应急〔2024〕10号"},
                 "opening": ["经研究，同意你局在马坊乡设立森林防火物资储备库。"], "date": "2024-03-12", **RECORD},
}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("family")
    sources = []
    for name, doc in DOCS.items():
        path = folder / f"{name}.yaml"
        path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
        sources.append(str(path))
    results = api.build(sources, str(folder / "out"))
    assert all(r.ok for r in results), [r.errors for r in results]
    return {os.path.basename(r.target)[:-5]: r.target for r in results}


def red_findings(path):
    return [(f.line, f.code, f.message) for f in lint_source(read_source(str(path)), rules=RED)]


def _family_examples():
    out = []
    for path in sorted(glob.glob(os.path.join(ROOT, "content", "**", "*.yaml"), recursive=True)):
        try:
            if api.load(path).kind in FAMILY:
                out.append(path)
        except Exception:  # noqa: BLE001 — a broken example is the content tests' business
            continue
    return out


@pytest.mark.parametrize("path", _family_examples(), ids=os.path.basename)
def test_every_family_example_in_content_builds_and_lints_clean(path, tmp_path):
    results = api.build([path], str(tmp_path))
    assert results[0].ok, results[0].errors
    assert red_findings(results[0].target) == []


@pytest.mark.parametrize("name", list(DOCS))
def test_built_family_documents_lint_clean(built, name):
    assert red_findings(built[name]) == []


def test_the_built_documents_are_read_as_red_header_documents(built):
    from gongwen.lint.context import Context
    from gongwen.lint.redview import red_of

    for name, path in built.items():
        view = red_of(Context(read_source(path)))
        assert view.is_redhead and view.issuers, name
        assert (view.number is not None) == ("doc_number" in DOCS[name]), name
        assert view.record, name
    notice = red_of(Context(read_source(built["notice"])))
    assert [notice.texts[i] for i in notice.labels] == ["附件1", "附件2"]
    assert notice.texts[notice.date] == "2024年3月5日" and notice.texts[notice.signature] == "清河县人民政府"


def _spoil(path, fn, tmp_path):
    out = io.BytesIO()
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "word/document.xml":
                data = fn(data.decode("utf-8")).encode("utf-8")
            zout.writestr(info, data)
    spoilt = tmp_path / "spoilt.docx"
    spoilt.write_bytes(out.getvalue())
    return spoilt


SPOILT = [
    ("black separator", lambda x: x.replace('w:color="FF0000"', 'w:color="000000"'), "GW818"),
    ("thin 版记 lines", lambda x: x.replace('a:ln w="12700"', 'a:ln w="6350"'), "GW822"),
    ("a 版记 line deleted", lambda x: re.sub(r'<w:p>(?:(?!<w:p>).)*?name="版记线".*?</w:p>', "", x, count=1,
                                            flags=re.S), "GW822"),
    ("附件 without its page break", lambda x: x.replace("<w:pageBreakBefore/>", ""), "GW821"),
    ("版记 frame hung high", lambda x: re.sub(r'(<w:framePr[^>]*w:vAnchor="margin"[^>]*w:y=")\d+', r"\g<1>3000", x),
     "GW823"),
]


@pytest.mark.parametrize("name, fn, code", SPOILT, ids=[s[0] for s in SPOILT])
def test_built_notice_spoilt_by_hand_gives_the_finding(built, name, fn, code, tmp_path):
    found = {c for _, c, _ in red_findings(_spoil(built["notice"], fn, tmp_path))}
    assert code in found, found
