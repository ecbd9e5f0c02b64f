"""PDF previews keep every punctuation mark, inside the text block.

Word lets a closing mark that falls after the 28th character of a line hang past
it; LibreOffice, given the same file, either drops such a mark or draws it a
character's width into the right margin.  The preview converts a private copy
that turns LibreOffice's hanging off (:mod:`gongwen.builder.pdfcopy`).  Measured
here on every example in ``content/`` and on a generated 25-page speech whose
clauses end at every position of the line: the marks of the .docx text and of
the PDF text (``pdftotext``) are the same, mark by mark, and no word of the PDF
(``pdftotext -bbox``) reaches past the text block.

Tolerance: 0.5 pt.  The runs carry −0.25 pt letter spacing (28 characters in
the 156 mm line), so LibreOffice places glyphs 15.75 pt apart while pdftotext
gives the last glyph of a line its full 16 pt advance (0.25 pt past the end of
the line), and LibreOffice rounds positions to twips (0.05 pt).  A mark that
hangs reaches at least half a character (8 pt) past the text block.
"""

import random
import re
import subprocess
import zipfile
from collections import Counter
from pathlib import Path

import pytest
import yaml

from gongwen.builder import pdf, pdfcopy
from gongwen.builder.pipeline import build_one
from tests.builder.test_pdf import LEFT, REQUIRED, RIGHT, needs_poppler, needs_soffice
from tests.paths import ROOT

MARKS = "，、。；：！？“”‘’（）《》"
TOLERANCE = 0.5  # points: see the module docstring

_SUBJECTS = ("各乡镇", "县直各部门", "县应急管理局", "县住房城乡建设局", "县交通运输局", "各类生产经营单位",
             "县市场监管局", "各行业主管部门", "县消防救援大队", "各村（社区）")
_ACTIONS = ("要切实扛起安全生产政治责任", "要认真落实“三管三必须”要求", "要深入开展隐患排查整治",
            "要加强重点时段值班值守", "要严格执行领导带班制度", "要健全完善应急预案体系",
            "要把好项目审批准入关口", "要持续抓好宣传教育培训", "要常态化开展应急演练",
            "要加快补齐基础设施短板", "要强化部门协同联动", "要用好“互联网＋监管”手段")
_OBJECTS = ("道路运输", "建筑施工", "危险化学品", "城镇燃气", "消防安全", "校园安全", "水上交通", "特种设备",
            "食品安全", "农村自建房", "有限空间作业", "汛期防灾")
_ENDS = ("确保各项措施落地见效", "坚决守住不发生重特大事故的底线", "做到早发现、早报告、早处置",
         "切实把风险化解在萌芽状态", "推动形成齐抓共管的工作格局", "真正做到守土有责、守土负责、守土尽责")


def _paragraph(rng):
    """A paragraph of realistic clauses whose marks fall at every position of the line."""
    clauses = []
    for _ in range(rng.randint(3, 6)):
        who, act, obj = rng.choice(_SUBJECTS), rng.choice(_ACTIONS), rng.choice(_OBJECTS)
        clause = rng.choice((f"{who}{act}", f"{who}{act}，聚焦{obj}等重点领域",
                             f"围绕{obj}、{rng.choice(_OBJECTS)}等行业，{who}{act}",
                             f"对{obj}领域，{who}{act}；对问题突出的，要挂牌督办"))
        clauses.append(clause)
    return "，".join(clauses) + "，" + rng.choice(_ENDS) + rng.choice("。。。！")


def long_speech(paragraphs=90):
    """A speech of about 25 pages (seeded: the same every run)."""
    rng = random.Random(12)
    sections, per = [], 15
    for n in range(paragraphs // per):
        sections.append({"heading": f"扎实做好第{'一二三四五六七八九十'[n]}方面重点工作",
                         "paragraphs": [_paragraph(rng) for _ in range(per)]})
    return {"kind": "speech", "title": "在全县安全生产暨防灾减灾工作会议上的讲话", "speaker": "县长　周文博",
            "date": "2023年3月2日", "sections": sections}


def docx_text(path):
    with zipfile.ZipFile(path) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    return "".join(re.findall(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>", xml))


def pdf_words(path):
    out = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, check=True).stdout
    return [(float(a), float(b), t) for a, b, t in re.findall(
        r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">(.*?)</word>', out.decode("utf-8"))]


@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    if pdf.find_soffice() is None and not REQUIRED:
        pytest.skip("LibreOffice (soffice) is not installed")
    tmp = tmp_path_factory.mktemp("marks")
    (tmp / "long.yaml").write_text(yaml.safe_dump(long_speech(), allow_unicode=True), encoding="utf-8")
    sources = sorted((ROOT / "content").glob("*.yaml")) + [tmp / "long.yaml"]
    built = [build_one(s, tmp / "out" / (s.stem + ".docx")) for s in sources]
    assert all(b.ok for b in built), [b.errors for b in built if not b.ok]
    before = {b.target: Path(b.target).read_bytes() for b in built}
    results = pdf.convert([b.target for b in built])
    assert all(r.ok for r in results), [r.error for r in results if not r.ok]
    return results, before


@needs_soffice
@needs_poppler
def test_every_mark_of_the_docx_is_in_the_pdf(converted):
    results, _ = converted
    lost = {}
    for result in results:
        want = Counter(c for c in docx_text(result.docx) if c in MARKS)
        text = subprocess.run(["pdftotext", result.pdf, "-"], capture_output=True, check=True).stdout
        got = Counter(c for c in text.decode("utf-8") if c in MARKS)
        if want != got:
            lost[Path(result.docx).name] = (dict(want - got), dict(got - want))
    assert not lost, lost  # name: (marks missing from the PDF, marks the PDF has beyond the .docx)


@needs_soffice
@needs_poppler
def test_nothing_reaches_past_the_text_block(converted):
    results, _ = converted
    outside = {}
    for result in results:
        words = pdf_words(result.pdf)
        assert words, result.pdf
        bad = [w for w in words if w[1] > RIGHT + TOLERANCE or w[0] < LEFT - TOLERANCE]
        if bad:
            outside[Path(result.docx).name] = bad[:5]
    assert not outside, outside


@needs_soffice
@needs_poppler
def test_the_long_document_has_25_pages_or_more(converted):
    results, _ = converted
    info = subprocess.run(["pdfinfo", results[-1].pdf], capture_output=True, check=True).stdout.decode()
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert pages >= 25, pages


@needs_soffice
def test_the_writers_docx_is_not_changed(converted):
    _, before = converted
    for path, data in before.items():
        assert Path(path).read_bytes() == data
        assert b"overflowPunct" not in zipfile.ZipFile(path).read("word/styles.xml")


# --- the private copy, without LibreOffice -----------------------------------------------------


STYLES = ('<w:styles xmlns:w="w"><w:docDefaults><w:rPrDefault><w:rPr/></w:rPrDefault>{}</w:docDefaults>'
          '<w:style w:styleId="a"><w:pPr><w:overflowPunct w:val="0"/></w:pPr></w:style></w:styles>')


@pytest.mark.parametrize("defaults", [
    '<w:pPrDefault><w:pPr><w:jc w:val="both"/></w:pPr></w:pPrDefault>',
    "<w:pPrDefault><w:pPr/></w:pPrDefault>",
    "<w:pPrDefault/>",
    "",
])
def test_copy_turns_hanging_off_for_libreoffice(defaults):
    out = pdfcopy.adjust("word/styles.xml", STYLES.format(defaults).encode()).decode()
    default = re.search(r"<w:pPrDefault>(.*?)</w:pPrDefault>", out).group(1)
    assert '<w:overflowPunct w:val="1"/>' in default
    assert 'w:val="0"' not in out and out.count("<w:pPrDefault>") == 1
    assert out.count("overflowPunct") == 2  # the default and the style's, both "1"


def test_copy_adds_defaults_to_styles_without_them():
    out = pdfcopy.adjust("word/styles.xml", b'<w:styles xmlns:w="w"><w:style/></w:styles>')
    assert out.startswith(b'<w:styles xmlns:w="w"><w:docDefaults><w:pPrDefault><w:pPr>'
                          b'<w:overflowPunct w:val="1"/>')


def test_copy_gives_title_runs_the_title_face_for_digits():
    run = ('<w:rFonts w:ascii="Times New Roman" w:hAnsiTheme="minorHAnsi" w:eastAsia="方正小标宋简体"/>'
           '<w:rFonts w:ascii="Times New Roman" w:eastAsia="仿宋_GB2312"/>')
    out = pdfcopy.adjust("word/document.xml", run.encode(), {"方正小标宋简体".encode()}).decode()
    assert out == ('<w:rFonts w:ascii="方正小标宋简体" w:eastAsia="方正小标宋简体" w:hAnsi="方正小标宋简体"/>'
                   '<w:rFonts w:ascii="Times New Roman" w:eastAsia="仿宋_GB2312"/>')
    assert pdfcopy.adjust("word/document.xml", run.encode()) == run.encode()  # title face not substituted


def test_a_file_the_reader_refuses_is_copied_as_it_is(tmp_path):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a zip")
    pdfcopy.stage(bad, tmp_path / "copy.docx")
    assert (tmp_path / "copy.docx").read_bytes() == b"not a zip"
