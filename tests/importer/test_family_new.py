"""``gongwen new`` for every kind: skeletons that load, build and that lint flags until filled;
``new --from`` a document of every kind; ``gongwen import`` saying which kind it chose and why."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from gongwen.builder.pipeline import build_one
from gongwen.cli import main
from gongwen.content import loader
from gongwen.content.schema import FAMILY, FORMS, KIND_NAMES, KINDS
from gongwen.draft.yamlsource import yaml_source
from gongwen.importer.newdoc import from_last
from gongwen.importer.skeletons import skeleton
from gongwen.lint.engine import lint_source

DOCUMENTS = Path(__file__).parent / "family"
TODAY = datetime.date(2024, 3, 5)


def run(*args):
    return CliRunner().invoke(main, list(args))


@pytest.mark.parametrize("kind", FAMILY)
def test_a_skeleton_of_every_kind_loads_and_builds(kind, tmp_path):
    text = skeleton(kind, today=TODAY, org="清河县人民政府")
    assert text.startswith(f"# {KIND_NAMES[kind]}骨架") and f"\nkind: {KIND_NAMES[kind]}\n" in text
    path = tmp_path / f"{kind}.yaml"
    path.write_text(text, encoding="utf-8")
    doc = loader.load(path)
    form = FORMS[kind]
    assert doc.kind == kind and doc.date == "2024年3月5日" and doc.title
    assert bool(doc.head.signers) == form.upward and (doc.reply_to is not None) == form.reply
    assert bool(doc.attendance) == (form.layout == "minutes")
    assert bool(doc.articles or doc.chapters) == form.articles and bool(doc.sections) != form.articles
    assert (doc.head.issuers == ["清河县人民政府"]) == (form.layout != "minutes")
    assert bool(doc.head.printed) == (form.layout != "letter")
    for key in ("copy_number", "secrecy", "urgency", "seal" if form.layout != "minutes" else "present"):
        assert f"{key}:" in text, key  # optional keys are there, as comments at least
    assert text.count("【待补充") >= 8
    result = build_one(path, tmp_path / f"{kind}.docx")
    assert result.ok, result.errors


@pytest.mark.parametrize("kind", FAMILY)
def test_lint_flags_a_family_skeleton_until_filled(kind):
    text = skeleton(kind, today=TODAY)
    findings = lint_source(yaml_source(text, "s.yaml"))
    assert {f.code for f in findings} == {"GW603"}, [(f.code, f.message) for f in findings]
    in_text = [line.split("#")[0] for line in text.splitlines() if not line.lstrip().startswith("#")]
    assert len(findings) == sum(line.count("【待补充") for line in in_text)


def test_without_an_office_name_the_issuer_is_a_placeholder_too():
    doc = loader.loads(skeleton("notice", today=TODAY))
    assert doc.head.issuers == ["【待补充：发文机关】"] and doc.head.printer == "【待补充：印发机关】"
    assert loader.loads(skeleton("minutes", today=TODAY, org="清河县人民政府")).head.mark == "清河县人民政府常务会议纪要"


@pytest.mark.parametrize("path", sorted(DOCUMENTS.glob("*.txt")), ids=lambda p: p.stem)
def test_next_year_from_a_document_of_every_kind(path, tmp_path):
    made = from_last(path)
    assert (made.kind, made.old_year, made.new_year) == (path.stem, 2024, 2025)
    doc = loader.loads(made.text)
    assert made.marks > 0 and "【核实：" in made.text
    if doc.head.doc_number.endswith("号"):
        assert "〔2025〕" in doc.head.doc_number and any("发文字号的年份" in n for n in made.notes)
    assert doc.date.startswith("2025年") or not doc.date
    assert doc.head.printed.startswith("2025年") or not doc.head.printed
    out = tmp_path / "next.yaml"
    out.write_text(made.text, encoding="utf-8")
    assert build_one(out, tmp_path / "next.docx").ok


def test_articles_attachments_and_a_citation_are_marked_too():
    made = from_last(DOCUMENTS / "measures.txt")
    articles = [a for c in loader.loads(made.text).chapters for a in c.articles]
    assert articles[-1].text == ["本办法自【核实：2024年5月1日】起施行。"]
    notice = loader.loads(from_last(DOCUMENTS / "notice.txt").text)
    assert notice.head.copy_number == "000086" and notice.head.secrecy == "机密★1年"  # forms, not figures
    assert notice.attachments[0].title == "清河县【核实：2024年】安全生产重点工作任务分工"
    approval = loader.loads(from_last(DOCUMENTS / "approval.txt").text)
    assert approval.reply_to.number == "清文旅〔【核实：2024】〕【核实：12】号"


@pytest.mark.parametrize("kind", KINDS)
def test_cli_new_takes_chinese_and_ascii_names(kind, tmp_path):
    for name in (KIND_NAMES[kind], kind):
        out = tmp_path / f"{name}.yaml"
        r = run("new", name, "--year", "2024", "-o", str(out))
        assert r.exit_code == 0, r.stderr
        assert loader.load(out).kind == kind


def test_cli_new_from_a_docx_of_the_family(tmp_path):
    from tests.importer.test_family_roundtrip import bench

    office = bench.office_docx(DOCUMENTS / "request.txt", tmp_path / "请示.docx")
    out = tmp_path / "2025" / "请示.yaml"
    r = run("new", "请示", "--from", str(office), "-o", str(out))
    assert r.exit_code == 0, r.stderr
    assert "从 2024 年的内容新建 2025 年的内容" in r.stderr and "发文字号的年份已改为 2025" in r.stderr
    assert loader.load(out).head.doc_number == "清教发〔2025〕15号"
    r = run("new", "通知", "--from", str(out))  # last year's YAML is a 请示
    assert r.exit_code == 1 and "不符" in r.stderr
    r = run("new", "通知", "--from", str(office))  # a document is imported as the kind asked for
    assert r.exit_code == 0 and "kind: 通知" in r.stdout


def test_cli_import_says_which_kind_it_chose_and_why(tmp_path):
    out = tmp_path / "通知.yaml"
    r = run("import", str(DOCUMENTS / "notice.txt"), "-o", str(out))
    assert r.exit_code == 0, r.stderr
    assert "类型：通知（notice），依据：标题以“通知”结尾" in r.stderr
    assert "3 个部分，2 个附件，0 处警告" in r.stderr
    assert out.read_text(encoding="utf-8").startswith("# 由 gongwen import") and loader.load(out).kind == "notice"
    r = run("import", str(DOCUMENTS / "measures.txt"))
    assert "4 章 11 条" in r.stderr and "kind: 办法" in r.stdout
    r = run("import", str(DOCUMENTS / "work_report.txt"), "--kind", "报告")
    assert r.exit_code == 0 and "类型：" not in r.stderr and "kind: 报告" in r.stdout
