"""PDF previews show the official faces apart: a free 楷, 仿宋, 黑 and title face for each.

With the free fonts installed (CI installs them: fonts-arphic-ukai, FandolFang from
texlive-lang-chinese, fonts-noto-cjk), a speech's level-2 heading and speaker line (楷体),
body (仿宋), level-1 heading (黑体) and title (方正小标宋简体, its digits included) come out in
four different fonts.  Read back with ``pdftohtml -xml``, which names the font of every run of text.
Without those fonts the LibreOffice test skips (never under GONGWEN_REQUIRE_PDF=1).
"""

import re
import shutil
import subprocess

import pytest
import yaml

from gongwen.builder import pdf, pdffonts
from gongwen.builder.pipeline import build_one
from tests.builder.test_pdf import REQUIRED, needs_soffice
from tests.paths import ROOT

KAI = ("FandolKai", "AR PL UKai", "LXGW WenKai", "AR PL KaitiM GB")
FANG = ("FandolFang", "Zhuque Fangsong")


def _planned():
    return {face: (family, bold) for face, family, bold in pdffonts.font_plan()[0]}


def _free_faces_installed():
    plan = _planned()
    return (plan.get("楷体_GB2312", ("",))[0].startswith(KAI) and plan.get("仿宋_GB2312", ("",))[0].startswith(FANG)
            and "黑体" in plan and "方正小标宋简体" in plan and bool(shutil.which("pdftohtml")))


needs_free_faces = pytest.mark.skipif(not REQUIRED and not _free_faces_installed(),
                                      reason="free 楷/仿宋 fonts (fonts-arphic-ukai, FandolFang) or pdftohtml missing")


def runs(pdf_path):
    """[(text, font family without the subset tag, bold)] for every run of text, in page order."""
    xml = subprocess.run(["pdftohtml", "-xml", "-i", "-stdout", str(pdf_path)], capture_output=True,
                         check=True).stdout.decode("utf-8")
    fonts = dict(re.findall(r'<fontspec id="(\d+)" size="[^"]*" family="(?:[A-Z]{6}\+)?([^"]*)"', xml))
    out = []
    for font, body in re.findall(r'<text [^>]*font="(\d+)"[^>]*>(.*?)</text>', xml):
        out.append((re.sub(r"<[^>]+>", "", body), fonts[font], "<b>" in body))
    return out


def font_of(found, start):
    hits = [(family, bold) for text, family, bold in found if text.startswith(start)]
    assert hits, start
    return hits[0]


@needs_soffice
@needs_free_faces
def test_speech_roles_come_out_in_four_distinct_free_faces(tmp_path):
    doc = yaml.safe_load((ROOT / "content" / "speech.yaml").read_text(encoding="utf-8"))
    doc["title"] = "在全县2023年安全生产工作会议上的讲话"
    (tmp_path / "speech.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    built = build_one(tmp_path / "speech.yaml", tmp_path / "speech.docx")
    assert built.ok, built.errors
    result, = pdf.convert([built.target])
    assert result.ok, result.error
    found = runs(result.pdf)
    title = font_of(found, "在全县 2023 年安全生产工作会议上的讲话")  # digits in the same run: the same face
    speaker = font_of(found, doc["speaker"])
    body = font_of(found, "同志们")
    level1 = font_of(found, "一、" + doc["sections"][0]["heading"])
    level2 = font_of(found, "（一）" + doc["sections"][0]["points"][0]["heading"][:6])
    assert speaker == level2
    assert len({title, speaker, body, level1}) == 4, (title, speaker, body, level1)
    assert title[1] and not body[1]  # the title face is a bold serif
    assert re.search("Kai", speaker[0]) and re.search("Fang", body[0]), (speaker, body)
    assert re.search("Sans|Hei", level1[0]), level1
    subs = dict(result.substitutions)
    for face in ("方正小标宋简体", "楷体_GB2312", "仿宋_GB2312", "黑体"):
        assert face in subs


# --- the font map, without LibreOffice -----------------------------------------------------------


@pytest.mark.parametrize("face, kind", [
    ("方正黑体_GBK", pdffonts._HEI), ("方正黑体简体", pdffonts._HEI), ("微软雅黑", pdffonts._HEI),
    ("方正仿宋_GBK", pdffonts._FANG), ("华文仿宋", pdffonts._FANG), ("方正仿宋_GB18030", pdffonts._FANG),
    ("方正楷体_GBK", pdffonts._KAI), ("汉仪楷体简", pdffonts._KAI), ("STKaiti", pdffonts._KAI),
    ("方正小标宋_GBK", pdffonts._XIAOBIAOSONG), ("华文中宋", pdffonts._XIAOBIAOSONG),
    ("方正书宋_GBK", pdffonts._SONG), ("宋体", pdffonts._SONG), ("Times New Roman", pdffonts._TIMES),
])
def test_office_faces_are_recognised(face, kind):
    assert pdffonts.candidates(face) is kind
    assert pdffonts.is_title_face(face) == (kind is pdffonts._XIAOBIAOSONG)


def test_every_face_a_document_uses_is_planned_or_named(monkeypatch):
    families = ("AR PL UKai CN", "FandolFang", "Noto Sans CJK SC", "Noto Serif CJK SC", "Liberation Serif",
                "DejaVu Sans")
    monkeypatch.setattr(pdffonts, "_probe", lambda: (families, ()))
    used = ["方正黑体_GBK", "方正仿宋_GBK", "汉仪楷体简", "方正小标宋_GBK", "Calibri", "DejaVu Sans"]
    plan = {face: (family, bold) for face, family, bold in pdffonts.font_plan(used)[0]}
    assert plan["方正黑体_GBK"] == ("Noto Sans CJK SC", False)
    assert plan["方正仿宋_GBK"] == ("FandolFang", False)
    assert plan["汉仪楷体简"] == ("AR PL UKai CN", False)
    assert plan["方正小标宋_GBK"] == ("Noto Serif CJK SC", True)
    assert pdffonts.missing(used) == ["Calibri"]  # installed faces are not substitutions


def test_install_hint_names_the_free_fonts():
    for package in ("libreoffice-writer-nogui", "fonts-noto-cjk", "fonts-arphic-ukai", "texlive-lang-chinese"):
        assert package in pdf.INSTALL_HINT
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    for package in ("fonts-noto-cjk", "fonts-arphic-ukai", "fonts-liberation2", "texlive-lang-chinese",
                    "FandolFang-Regular.otf"):
        assert package in ci
