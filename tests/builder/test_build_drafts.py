"""``gongwen build 草稿.docx|.txt|.md|.doc|.wps``: a draft imported on the fly and laid out.

Each draft (a 通知 and a speech, as a colleague or an assistant would hand
them over) is built in-process, through the API in parallel and once as a
real process; the output is read back and every paragraph of the draft must
be in it.  The refusals: the draft as its own output, a file gongwen did not
make, a ``.doc`` that is no Word file, LibreOffice missing (PATH emptied).
Real .doc and .wps conversions need LibreOffice (slow; skipped without it,
never in CI, where GONGWEN_REQUIRE_PDF=1); a stand-in ``soffice``
(tests/soffice_stub.py) shows failures and the time limit.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

import gongwen
from gongwen.api import draft_importer
from gongwen.builder import drafts, soffice
from gongwen.builder.pipeline import build_one
from gongwen.cli import main
from gongwen.draft.read import read_source
from gongwen.importer.read import markdown_paragraphs

from tests.paths import CONTENT
from tests.processes import run_measured
from tests.soffice_stub import stand_in_soffice

REQUIRED = os.environ.get("GONGWEN_REQUIRE_PDF") == "1"
needs_soffice = pytest.mark.skipif(soffice.find_soffice() is None and not REQUIRED,
                                   reason="LibreOffice (soffice) is not installed")

NOTICE = """\
关于做好2024年汛期安全防范工作的通知

各乡镇人民政府、街道办事处，县政府各部门：

　　当前我县已全面进入主汛期，近期强降雨过程频繁，局地发生山洪和城市内涝的风险明显上升。为切实做好今年汛期安全防范工作，确保人民群众生命财产安全，现就有关事项通知如下。

　　一、压实防汛工作责任

　　各乡镇（街道）、各部门主要负责同志要亲自研究部署本地区、本行业的防汛工作，严格落实以行政首长负责制为核心的各项责任制。县级包保领导要在强降雨期间深入一线督导检查，发现问题当场交办、限时整改。

　　二、加强隐患排查整治

　　（一）全面排查重点部位。对山洪沟道、中小水库、地质灾害隐患点、在建工地和城区低洼地段开展拉网式排查，建立问题清单和整改台账。

　　（二）限期整改到位。能立即整改的要立即整改，一时难以整改的要落实临时防范措施，明确专人盯守，做到整改不完成不撤人。

　　三、做好应急值守和信息报送

　　汛期实行24小时值班和领导带班制度，值班人员要保持通信畅通。遇有险情灾情，要在第一时间向县防汛抗旱指挥部办公室报告，不得迟报、漏报、瞒报。

　　联系人：县应急管理局　王明，电话：0763-5512345。

清远县人民政府办公室
2024年5月20日
"""

SPEECH = """\
# 在全县2024年秋冬季森林防火工作会议上的讲话

县委常委、副县长　陈立华

（2024年10月15日）

同志们：

今天召开全县秋冬季森林防火工作会议，主要任务是贯彻落实省、市森林防火工作会议精神，分析当前森林防火形势，安排部署今冬明春森林防火工作。刚才，县林业局通报了今年以来全县森林防火工作情况，三个乡镇作了表态发言，我都同意。下面，我讲三点意见。

## 一、清醒认识当前森林防火形势

今年入秋以来，我县降水比常年同期偏少四成以上，林区可燃物载量大，森林火险等级持续偏高。随着秋收秋种和冬季农事用火增多，
加上进山旅游、祭祀人员逐年增加，野外火源管控难度明显加大。

我们必须清醒地看到，森林防火工作只有起点、没有终点，任何时候都不能有丝毫松懈。

## 二、全力抓好重点时段防控

**（一）严管野外火源。**在重点林区入口设置检查站，对进山人员逐一登记，严禁携带火种进山。对林区周边的烧荒、烧秸秆等农事用火，实行审批制度，做到有人看管、随烧随灭。

**（二）加强巡山护林。**全县378名专职护林员要全部上岗到位，做到每天巡山、每片林子有人管。重点时段和高火险天气，要加密巡查频次，发现火情第一时间报告。

（三）做好扑救准备。县森林消防大队和各乡镇半专业扑火队要备足扑火机具和给养物资，保持24小时待命，确保一旦发生火情，能够快速出动、科学扑救。

## 三、压紧压实各级防火责任

各乡镇、各有关部门要切实把森林防火责任扛在肩上。一是落实领导包片责任，县级领导包乡镇、乡镇领导包村、村干部包山头地块。二是落实护林员网格责任，把每一片山林都划入网格，明确到人。三是落实部门监管责任，林业、应急、公安、气象等部门要各司其职、密切配合。

同志们，森林防火事关人民群众生命财产安全，事关生态文明建设大局。我们要以高度负责的态度，扎实做好今冬明春森林防火各项工作，确保全县不发生重大森林火灾。
"""

TEXTS = {"notice": (NOTICE, ".txt"), "speech": (SPEECH, ".md")}


def paragraphs_of(path) -> list:
    """A document's paragraphs as Word or an editor shows them, without the blanks around them."""
    source = read_source(str(path))
    texts = [p.text for p in source.paras]
    if source.format == "md":
        texts = [ln.text for ln in markdown_paragraphs([(p.line, p.text) for p in source.paras])]
    return [t.strip() for t in texts if t.strip()]


def write_draft(folder: Path, shape: str, suffix: str) -> Path:
    """The draft of ``shape`` as ``.txt``/``.md`` (as typed) or ``.docx`` (written plainly, as an office does)."""
    text, typed = TEXTS[shape]
    folder.mkdir(parents=True, exist_ok=True)
    typed_path = folder / f"{shape}-typed{typed}"
    typed_path.write_text(text, encoding="utf-8")
    if suffix == typed:
        return typed_path.rename(folder / f"{shape}{suffix}")
    document = docx.Document()
    for i, para in enumerate(paragraphs_of(typed_path)):
        p = document.add_paragraph(para)
        if i == 0:
            p.alignment = 1  # centred title
        elif len(para) > 30:
            p.paragraph_format.first_line_indent = docx.shared.Pt(32)
    typed_path.unlink()
    path = folder / f"{shape}{suffix}"
    document.save(str(path))
    return path


def assert_every_paragraph_is_in(draft: Path, built: Path) -> None:
    """Every paragraph of ``draft`` is a paragraph of ``built``.  A draft's date line may come out
    in the brackets a speech prints it in, when the draft was taken for a speech; a long title
    comes out a line a paragraph."""
    lines = paragraphs_of(built)
    out = set(lines) | {"".join(lines[i:i + k]) for k in (2, 3) for i in range(len(lines))}
    missing = [t for t in paragraphs_of(draft) if t not in out and f"（{t}）" not in out]
    assert missing == []
    assert len(paragraphs_of(draft)) >= 12


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture
def no_soffice(tmp_path, monkeypatch):
    """LibreOffice out of reach: an empty PATH (and no GONGWEN_SOFFICE)."""
    empty = tmp_path / "empty-path"
    empty.mkdir()
    monkeypatch.delenv("GONGWEN_SOFFICE", raising=False)
    monkeypatch.setenv("PATH", str(empty))
    if soffice.find_soffice() is not None:
        pytest.skip("LibreOffice is installed outside the PATH here")


@pytest.fixture
def own_temp(tmp_path, monkeypatch):
    """A temporary folder of the test's own, to see that no work folder is left behind."""
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    return temp


# --- laying drafts out ---------------------------------------------------------------


@pytest.mark.parametrize("shape,suffix", [("notice", ".txt"), ("speech", ".md"), ("notice", ".docx"),
                                          ("speech", ".docx")])
def test_a_draft_is_laid_out_with_every_paragraph(tmp_path, shape, suffix):
    draft = write_draft(tmp_path / "drafts", shape, suffix)
    before = sorted(os.listdir(draft.parent))
    result = run("build", draft, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    built = tmp_path / "out" / f"{shape}.docx"
    assert f"已生成 {built}" in result.output and "共 1 份：成功 1 份" in result.output
    assert f"{draft}: 按" in result.output and "排版" in result.output  # the kind, and why
    assert_every_paragraph_is_in(draft, built)
    assert sorted(os.listdir(draft.parent)) == before  # nothing written beside the draft


def test_the_api_builds_drafts_and_content_in_parallel(tmp_path):
    paths = [write_draft(tmp_path / "d", "notice", ".txt"), write_draft(tmp_path / "d", "speech", ".docx"),
             CONTENT / "report.yaml"]
    results = gongwen.build(paths, tmp_path / "out", jobs=2)
    assert [r.ok for r in results] == [True, True, True], [r.errors for r in results]
    assert "依据" in results[0].notes[0] and results[2].notes == []
    assert_every_paragraph_is_in(paths[1], tmp_path / "out" / "speech.docx")


def test_a_gongwen_process_builds_drafts(tmp_path):
    drafts_ = [write_draft(tmp_path / "d", "notice", ".docx"), write_draft(tmp_path / "d", "speech", ".md")]
    done = run_measured(["build", *drafts_, "-o", tmp_path / "out"])
    assert done.returncode == 0, done.output
    assert "共 2 份：成功 2 份" in done.stdout and "按讲话稿（speech）排版，依据：有称呼“同志们：”" in done.stderr
    for draft in drafts_:
        assert_every_paragraph_is_in(draft, tmp_path / "out" / (draft.stem + ".docx"))


def test_import_warnings_name_the_draft_and_line(tmp_path, write):
    draft = write("节约用电.txt", "关于加强机关节约用电的通知\n\n各科室：\n\n一、空调温度\n\n夏季空调温度不低于26摄氏度。\n\n"
                                "三、下班关灯\n\n下班时关闭照明和电脑。\n")
    result = run("build", draft, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert f"警告 {draft}:9: 序号不连续" in result.output
    assert "二、下班关灯" in paragraphs_of(tmp_path / "out" / "节约用电.docx")  # renumbered, as import says


def test_kind_can_be_given(tmp_path):
    draft = write_draft(tmp_path / "d", "speech", ".md")
    result = run("build", draft, "--kind", "讲话稿", "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert f"{draft}: 按讲话稿（speech）排版（类型已指定）" in result.output
    with pytest.raises(gongwen.GongwenError, match="没有这种文档类型"):
        gongwen.build(draft, tmp_path / "out", kind="演讲")


def test_load_takes_a_draft_as_build_does(tmp_path):
    doc = gongwen.load(write_draft(tmp_path, "speech", ".docx"))
    assert doc.kind == "speech" and doc.title == "在全县2024年秋冬季森林防火工作会议上的讲话"
    assert doc.salutation == "同志们：" and len(doc.sections) == 3


def test_the_builder_alone_says_a_draft_needs_the_importer(tmp_path):
    result = build_one(write_draft(tmp_path, "notice", ".txt"), tmp_path / "out" / "notice.docx")
    assert not result.ok and "这是草稿，不是 YAML 内容" in result.errors[0]


def test_a_folder_builds_its_yaml_only(tmp_path, write):
    write("c/a.yaml", "kind: speech\ntitle: 讲话\nsections:\n  - heading: 甲\n    paragraphs: 乙。\n")
    write_draft(tmp_path / "c", "notice", ".txt")
    write_draft(tmp_path / "c", "speech", ".docx")
    result = run("build", tmp_path / "c", "-o", tmp_path / "out")
    assert result.exit_code == 0 and "共 1 份：成功 1 份" in result.output
    assert sorted(os.listdir(tmp_path / "out")) == ["a.docx"]
    (tmp_path / "c" / "a.yaml").unlink()
    only_drafts = run("build", tmp_path / "c", "-o", tmp_path / "out")
    assert only_drafts.exit_code == 2 and "草稿/*.docx" in only_drafts.output


# --- what is never written over ------------------------------------------------------------


@pytest.mark.parametrize("force", [False, True])
def test_the_draft_is_never_its_own_output(tmp_path, force):
    draft = write_draft(tmp_path, "speech", ".docx")
    before = draft.read_bytes()
    result = run("build", draft, "-o", tmp_path, *(["--force"] if force else []))
    assert result.exit_code == 1
    assert f"输出文件 {draft} 就是草稿本身，为免覆盖草稿，未生成" in result.output
    assert draft.read_bytes() == before


@pytest.mark.skipif(not hasattr(os, "link"), reason="no hard links")
def test_nor_the_same_file_by_another_name(tmp_path):
    draft = write_draft(tmp_path / "d", "speech", ".docx")
    (tmp_path / "out").mkdir()
    os.link(draft, tmp_path / "out" / "speech.docx")
    before = draft.read_bytes()
    result = run("build", draft, "-o", tmp_path / "out", "--force")
    assert result.exit_code == 1 and "就是草稿本身" in result.output
    assert draft.read_bytes() == before


def test_nor_a_file_gongwen_did_not_make(tmp_path):
    draft = write_draft(tmp_path / "d", "notice", ".txt")
    (tmp_path / "out").mkdir()
    theirs = tmp_path / "out" / "notice.docx"
    shutil.copyfile(write_draft(tmp_path / "x", "speech", ".docx"), theirs)
    before = theirs.read_bytes()
    result = run("build", draft, "-o", tmp_path / "out")
    assert result.exit_code == 1 and "不是 gongwen 生成的" in result.output
    assert theirs.read_bytes() == before
    assert run("build", draft, "-o", tmp_path / "out", "--force").exit_code == 0
    assert run("build", draft, "-o", tmp_path / "out").exit_code == 0  # now gongwen's own


# --- .doc and .wps ---------------------------------------------------------------------------


@pytest.mark.parametrize("name,data,says", [
    ("纯文本.doc", "关于召开安全生产例会的通知\n各科室：\n定于周五召开例会。\n".encode("gb18030"), "看起来是纯文本"),
    ("网页.doc", "<html><head><meta charset=utf-8></head><body><p>通知</p></body></html>".encode(), "网页或 XML"),
    ("乱码.wps", b"\x00\x13garbage\xff\xfe" * 20, "文件开头没有 Word、WPS 文档的标志"),
    ("空.doc", b"", "文件是空的"),
])
def test_a_doc_that_is_no_word_file_is_refused(tmp_path, no_soffice, name, data, says):
    (tmp_path / name).write_bytes(data)
    result = run("build", tmp_path / name, "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert f"{tmp_path / name}: 这不是 Word 或 WPS 文档" in result.output or "文件是空的" in result.output
    assert says in result.output and "未找到 LibreOffice" not in result.output
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("name", ["大.doc", "大.docx", "大.txt"])
def test_an_oversized_draft_is_refused(tmp_path, monkeypatch, name):
    monkeypatch.setattr(drafts, "MAX_TEXT_SIZE", 1000)
    (tmp_path / name).write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 2000)
    result = run("build", tmp_path / name, "-o", tmp_path / "out")
    assert result.exit_code == 1 and f"{tmp_path / name}: 文件超过" in result.output and "拒绝读取" in result.output


def test_without_libreoffice_a_doc_gets_the_install_hint(tmp_path, no_soffice):
    doc = tmp_path / "旧稿.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))  # a compound file's header
    result = run("build", doc, "-o", tmp_path / "out")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert f"{doc}: 未找到 LibreOffice（soffice），无法读取 .doc、.wps 草稿" in result.output
    assert "sudo apt install libreoffice-writer-nogui" in result.output and "另存为 .docx" in result.output


def test_a_docx_named_doc_needs_no_libreoffice(tmp_path, no_soffice, own_temp):
    source = write_draft(tmp_path, "speech", ".docx")
    doc = tmp_path / "讲话.doc"
    shutil.copyfile(source, doc)
    result = run("build", doc, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert_every_paragraph_is_in(source, tmp_path / "out" / "讲话.docx")
    assert list(own_temp.iterdir()) == []


def test_a_broken_docx_named_doc_is_named_in_the_error(tmp_path, no_soffice, own_temp):
    doc = tmp_path / "坏.doc"
    doc.write_bytes(b"PK\x03\x04" + bytes(100))
    result = run("build", doc, "-o", tmp_path / "out")
    assert result.exit_code == 1 and f"{doc}: 不是有效的 .docx 文件" in result.output
    assert soffice.PROFILE_PREFIX not in result.output and list(own_temp.iterdir()) == []


@pytest.mark.parametrize("behaviour,says", [("fail", "LibreOffice 没能把它转换为 .docx：LibreOffice 出错（退出码 1）"),
                                            ("ok", "LibreOffice 转换出的 .docx 无法读取：不是有效的 .docx")])
def test_conversion_failures_name_the_draft(tmp_path, monkeypatch, own_temp, behaviour, says):
    stand_in_soffice(tmp_path, monkeypatch)  # "ok" writes a .docx that is no .docx
    monkeypatch.setenv("FAKE_SOFFICE", behaviour)
    doc = tmp_path / "旧稿.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    result = build_one(doc, tmp_path / "out" / "旧稿.docx", importer=draft_importer())
    assert not result.ok and result.errors[0].startswith(f"{doc}: ") and says in result.errors[0]
    assert soffice.PROFILE_PREFIX not in result.errors[0]
    assert list(own_temp.iterdir()) == []  # the work folder is gone


@pytest.mark.slow
def test_a_conversion_is_bounded_in_time(tmp_path, monkeypatch, own_temp):
    stand_in_soffice(tmp_path, monkeypatch)
    monkeypatch.setenv("FAKE_SOFFICE", "hang")  # sleeps a minute: the 1 s limit always strikes first
    monkeypatch.setattr(drafts, "CONVERT_TIMEOUT", 1)
    doc = tmp_path / "旧稿.wps"
    doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    result = build_one(doc, tmp_path / "out" / "旧稿.docx", importer=draft_importer())
    assert not result.ok and "LibreOffice 超过 1 秒仍未完成，已中止" in result.errors[0]
    assert list(own_temp.iterdir()) == []


@pytest.mark.slow
@needs_soffice
def test_doc_and_wps_drafts_through_libreoffice(tmp_path, own_temp):
    source = write_draft(tmp_path / "d", "speech", ".docx")
    with soffice.workspace() as (work, env):  # a Word 97 .doc made of the draft, as Word would save it
        problem = soffice.convert_to(soffice.find_soffice(), work, env, [source], "doc:MS Word 97", work / "doc", 120)
        assert problem == ""
        doc = tmp_path / "旧稿.doc"
        shutil.copyfile(work / "doc" / "speech.doc", doc)
    assert doc.read_bytes().startswith(b"\xd0\xcf\x11\xe0")
    wps = tmp_path / "讲话.wps"
    shutil.copyfile(doc, wps)  # WPS 文字 saves the same compound file
    result = run("build", doc, wps, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert f"{doc}: 按讲话稿（speech）排版" in result.output
    for built in ("旧稿.docx", "讲话.docx"):
        assert_every_paragraph_is_in(source, tmp_path / "out" / built)
    assert list(own_temp.iterdir()) == []
