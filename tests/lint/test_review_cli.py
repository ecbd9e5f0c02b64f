"""``gongwen lint --annotate / --fix`` on a .docx from the command line, and on a built 通知 with its 版记."""

import re
import subprocess
import zipfile

import pytest
from click.testing import CliRunner

from gongwen import api
from gongwen.cli import main
from gongwen.draft.read import read_source
from gongwen.lint.engine import lint_source

from tests.lint.review_docs import accepted, comment_ranges, faulty_draft, reject_by, source_after, texts
from tests.paths import ROOT, gongwen_env
from tests.processes import gongwen_command


@pytest.fixture
def run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)

    def _run(*args):
        return CliRunner().invoke(main, ["lint", *args], catch_exceptions=False)

    return _run


def _comments(path):
    import docx

    return list(docx.Document(str(path)).comments)


def test_annotate_from_the_command_line(run, tmp_path):
    faulty_draft(tmp_path / "草稿.docx")
    plain = run("草稿.docx")
    r = run("--annotate", "--author", "县政府办审核", "草稿.docx")
    assert r.exit_code == plain.exit_code == 1
    assert r.stdout == plain.stdout  # the same findings are reported
    reported = len(re.findall(r"^草稿\.docx:\d+:\d+: GW", plain.stdout, re.M))
    ours = [c for c in _comments(tmp_path / "草稿.annotated.docx") if c.author == "县政府办审核"]
    assert len(ours) == reported
    assert "批注副本已写到" in r.stderr and "原文件未改动" in r.stderr
    again = run("--annotate", "草稿.docx")
    assert again.exit_code == 2 and "已存在" in again.stderr


def test_annotate_uses_the_same_selection(run, tmp_path):
    faulty_draft(tmp_path / "草稿.docx")
    run("--annotate", "--select", "GW4", "--ignore", "GW402", "草稿.docx")
    codes = {c.text[:5] for c in _comments(tmp_path / "草稿.annotated.docx") if c.author == "gongwen"}
    assert codes == {"GW401", "GW413"}


def test_fix_writes_tracked_changes_unless_told_not_to(run, tmp_path):
    faulty_draft(tmp_path / "草稿.docx", marks=False)
    r = run("--fix", "--select", "GW4", "草稿.docx")
    assert "已修正：“,”→“，”" in r.stdout
    xml = zipfile.ZipFile(tmp_path / "草稿.fixed.docx").read("word/document.xml").decode()
    assert 'w:author="gongwen"' in xml and "<w:delText>,</w:delText>" in xml
    (tmp_path / "草稿.fixed.docx").unlink()
    run("--fix", "--no-track-changes", "--select", "GW4", "草稿.docx")
    xml = zipfile.ZipFile(tmp_path / "草稿.fixed.docx").read("word/document.xml").decode()
    assert "w:delText" not in xml and "县直各有关单位" in xml
    r = run("--fix", "--annotate", "--output-dir", "审核", "草稿.docx")
    out = tmp_path / "审核" / "草稿.annotated.docx"
    assert out.exists() and not (tmp_path / "草稿.annotated.docx").exists()
    assert any("已作修订" in c.text for c in _comments(out))


def test_annotate_refuses_text_files(run, tmp_path):
    (tmp_path / "讲话稿.txt").write_text("一.总体要求\n各单位要高度重视,抓好落实。\n", encoding="utf-8")
    r = run("--annotate", "讲话稿.txt")
    assert r.exit_code == 2
    assert "--format html" in r.stderr and ".docx" in r.stderr
    assert (tmp_path / "讲话稿.txt").read_text(encoding="utf-8").startswith("一.总体要求")


def test_annotated_copies_are_skipped_in_folders(run, tmp_path):
    faulty_draft(tmp_path / "草稿.docx")
    run("--annotate", "草稿.docx")
    r = run(".")
    assert "annotated" not in r.stdout


def test_annotate_and_fix_in_a_real_process(tmp_path):
    faulty_draft(tmp_path / "草稿.docx")
    out = subprocess.run(gongwen_command() + ["lint", "--annotate", "--fix", "草稿.docx"], cwd=tmp_path,
                         env=gongwen_env(), capture_output=True, text=True, timeout=120)
    assert out.returncode == 1, out.stderr
    path = tmp_path / "草稿.annotated.docx"
    assert "批注副本已写到" in out.stderr
    # a line per fix made, a line per finding left: a comment each
    assert len([c for c in _comments(path) if c.author == "gongwen"]) == len(re.findall(r"^草稿\.docx:", out.stdout, re.M))
    assert texts(source_after(path, lambda r: reject_by(r, "gongwen"))) == texts(read_source(str(tmp_path / "草稿.docx")))


def test_a_built_notice_with_its_record_keeps_every_other_part(tmp_path):
    api.build([str(ROOT / "content" / "notice.yaml")], str(tmp_path / "built"))
    built = next((tmp_path / "built").glob("*.docx"))
    assert not lint_source(read_source(str(built)))  # gongwen's own output is clean: nothing to mark
    spoilt = tmp_path / "通知.docx"
    with zipfile.ZipFile(built) as a, zipfile.ZipFile(spoilt, "w", zipfile.ZIP_DEFLATED) as b:
        for info in a.infolist():
            data = a.read(info)
            if info.filename == "word/document.xml":
                text = data.decode()
                first = text.index("，", text.index("<w:body>") + 2000)
                data = (text[:first] + "," + text[first + 1:]).encode()
            b.writestr(info, data)
    src = read_source(str(spoilt))
    found = lint_source(src)
    assert [f.code for f in found] == ["GW401"]
    r = CliRunner().invoke(main, ["lint", "--annotate", "--fix", str(spoilt)], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    out = tmp_path / "通知.annotated.docx"
    assert list(comment_ranges(out).values()) == ["，"]  # read with the change accepted
    assert texts(accepted(out)) == texts(read_source(str(built)))
    record = [p.text for p in read_source(str(out)).paras if p.text.startswith("抄送")]
    assert record  # the 版记 is still there
    with zipfile.ZipFile(spoilt) as a, zipfile.ZipFile(out) as b:
        for name in a.namelist():
            if name.startswith(("word/header", "word/footer", "word/footnotes", "word/styles", "word/media")):
                assert a.read(name) == b.read(name), name
