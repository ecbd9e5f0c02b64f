"""PDF previews through LibreOffice: the page as GB/T 9704 wants it, read back from the PDF.

The tests that need LibreOffice and poppler skip cleanly without them (and are
``slow``: one batch of real conversions); the others use a stand-in ``soffice``
script (tests/soffice_stub.py) to exercise batching, naming, timeouts and
errors.  No test measures time.  The command-line side is in tests/cli/test_pdf.py.
"""

import itertools
import os
import re
import shutil
import subprocess
import threading
from collections import Counter
from pathlib import Path

import pytest
import yaml

from gongwen.builder import pdf, pdffonts
from gongwen.builder.pipeline import build_one
from gongwen.builder.templatemaker import MARGINS, PAGE, PAGE_NUMBER_SIZE

from tests.paths import ROOT
from tests.soffice_stub import stand_in_soffice

TWIP = 1 / 20  # points
MM = 72 / 25.4  # points per mm
LEFT = MARGINS["left"] * TWIP  # text block, in points from the page's left edge
RIGHT = (PAGE["w"] - MARGINS["right"]) * TWIP
BOTTOM = (PAGE["h"] - MARGINS["bottom"]) * TWIP  # from the top edge, as pdftotext counts
ONE_CHAR = PAGE_NUMBER_SIZE / 2  # the page number is one 4号 (14 pt) character in from the edge
FOOTER = re.compile(r"^—\s*\d+\s*—$")
HANGING = "。，、；：！？”’）》"  # closing punctuation LibreOffice lets hang into the margin

# Ideographs only: every line of a body-only document is then exactly 28 characters.
POOL = ("安全生产工作事关人民群众生命财产安全事关改革发展稳定大局各级各部门要始终坚持人民至上生命至上"
        "统筹发展和安全牢固树立安全发展理念深入开展重点行业领域专项整治切实提升本质安全水平全力防范化解重大风险")

# CI sets GONGWEN_REQUIRE_PDF=1 after installing LibreOffice: there a missing tool fails, never skips.
REQUIRED = os.environ.get("GONGWEN_REQUIRE_PDF") == "1"
_has_soffice = pytest.mark.skipif(pdf.find_soffice() is None and not REQUIRED,
                                  reason="LibreOffice (soffice) is not installed")


def needs_soffice(test):
    """Real LibreOffice conversions: slow, and skipped where LibreOffice is missing (never in CI)."""
    return pytest.mark.slow(_has_soffice(test))


needs_poppler = pytest.mark.skipif(not (shutil.which("pdftotext") and shutil.which("pdfinfo")) and not REQUIRED,
                                   reason="poppler-utils (pdftotext, pdfinfo) is not installed")


def long_body(paragraphs=14):
    """A document that is all body text: paragraphs of 26 + 5 × 28 characters."""
    chars = itertools.cycle(POOL)
    texts = ["".join(next(chars) for _ in range(26 + 5 * 28 - 1)) + "。" for _ in range(paragraphs)]
    return {"kind": "speech", "title": "正文版式测试", "sections": [{"heading": "正文", "paragraphs": texts}]}, texts


def pages_of(pdf_path):
    """Each page's text lines from ``pdftotext -layout`` (blank lines dropped)."""
    out = subprocess.run(["pdftotext", "-layout", str(pdf_path), "-"], capture_output=True, check=True)
    text = out.stdout.decode("utf-8")  # str: len() counts characters, not UTF-8 bytes
    return [[line for line in page.split("\n") if line.strip()] for page in text.split("\f")[:-1]]


def body_lines(page):
    return [line for line in page if not FOOTER.match(line.strip())]


# --- with LibreOffice ----------------------------------------------------------------


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    """The speech example and a long body-only document, built and converted in one soffice call."""
    if pdf.find_soffice() is None and not REQUIRED:
        pytest.skip("LibreOffice (soffice) is not installed")
    tmp = tmp_path_factory.mktemp("pdf")
    doc, texts = long_body()
    (tmp / "long.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    built = [build_one(ROOT / "content" / "speech.yaml", tmp / "out" / "speech.docx"),
             build_one(tmp / "long.yaml", tmp / "out" / "long.docx")]
    assert all(b.ok for b in built), [b.errors for b in built]
    results = pdf.convert([b.target for b in built], png=True)
    return {"results": results, "texts": texts, "dir": tmp / "out"}


@needs_soffice
def test_pdfs_and_pictures_are_written_beside_the_docx(rendered):
    for result in rendered["results"]:
        assert result.ok and not result.error, result.error
        assert Path(result.pdf).parent == rendered["dir"]
        assert Path(result.pdf).read_bytes()[:5] == b"%PDF-"
        png = Path(result.png)
        assert png == Path(result.pdf).with_suffix(".png")
        head = png.read_bytes()[:24]
        assert head[:8] == b"\x89PNG\r\n\x1a\n"
        width = int.from_bytes(head[16:20], "big")
        assert 480 <= width <= 510  # A4 at 60 dpi: 210 mm ≈ 496 px
    assert sorted(p.name for p in rendered["dir"].iterdir()) == [
        "long.docx", "long.pdf", "long.png", "speech.docx", "speech.pdf", "speech.png"]


@needs_soffice
@needs_poppler
def test_page_size_is_a4(rendered):
    for result in rendered["results"]:
        info = subprocess.run(["pdfinfo", result.pdf], capture_output=True, check=True).stdout.decode()
        w, h = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info).groups())
        assert abs(w - 595.3) < 1 and abs(h - 841.9) < 1, info


@needs_soffice
@needs_poppler
def test_full_body_page_is_22_lines_of_28_characters(rendered):
    long_pdf = rendered["results"][1].pdf
    pages = pages_of(long_pdf)
    assert len(pages) >= 4
    firsts = {t[:26] for t in rendered["texts"]}  # first lines: 2-character indent, then 26 characters
    for page in pages[1:-1]:  # every page between the title page and the last is full
        lines = body_lines(page)
        assert len(lines) == 22, [line.strip() for line in lines]
        for line in lines:
            text = line.strip()
            if text in firsts:
                assert len(text) == 26
            else:
                assert len(text) == 28, text
        assert sum(len(line.strip()) == 28 for line in lines) >= 18


@needs_soffice
@needs_poppler
def test_speech_example_keeps_the_grid(rendered):
    pages = pages_of(rendered["results"][0].pdf)
    counts = [len(body_lines(page)) for page in pages]
    # 22 lines a page; widow/orphan control and headings kept with their text may end a page early.
    assert max(counts) == 22 and all(20 <= n <= 22 for n in counts[1:-1]), counts
    lengths = Counter()
    for page in pages:
        for line in body_lines(page):
            text = line.strip()
            if re.search(r"[\x00-\x7f]", text):
                continue  # half-width digits and Latin are narrower: not a grid measure
            # 28 characters in the text block; one closing mark may hang into the margin.
            core = text[:-1] if len(text) == 29 and text[-1] in HANGING else text
            assert len(core) <= 28, text
            lengths[len(core)] += 1
    assert lengths.most_common(1)[0][0] == 28, lengths


def footer_words(pdf_path):
    """Per page: the (xMin, yMin, xMax, yMax) of the words below the text block."""
    out = subprocess.run(["pdftotext", "-bbox", str(pdf_path), "-"], capture_output=True, check=True)
    html = out.stdout.decode("utf-8")
    pages = []
    for page in re.findall(r"<page .*?</page>", html, re.S):
        words = [tuple(map(float, m[:4])) + (m[4],) for m in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', page)]
        pages.append([w for w in words if w[1] > BOTTOM])
    return pages


@needs_soffice
@needs_poppler
@pytest.mark.parametrize("which", [0, 1])
def test_page_numbers_odd_right_even_left_one_character_in(rendered, which):
    pages = footer_words(rendered["results"][which].pdf)
    assert len(pages) >= 3
    for number, words in enumerate(pages, 1):
        assert "".join(w[4] for w in words) == f"—{number}—", words
        left, right = min(w[0] for w in words), max(w[2] for w in words)
        if number % 2:  # odd: right-aligned, one character in from the right edge of the text block
            assert abs(right - (RIGHT - ONE_CHAR)) < 2, (number, right)
        else:  # even: left-aligned, one character in from the left edge
            assert abs(left - (LEFT + ONE_CHAR)) < 2, (number, left)
        middle = (min(w[1] for w in words) + max(w[3] for w in words)) / 2
        assert 5 * MM < middle - BOTTOM < 9 * MM  # the dash line about 7 mm below the text block


@needs_soffice
def test_substitutions_name_free_fonts_for_missing_official_faces(rendered):
    result = rendered["results"][0]
    faces = dict(result.substitutions)
    plan = {face: family for face, family, _ in pdffonts.font_plan()[0]}
    for face in ("仿宋_GB2312", "黑体", "方正小标宋简体", "楷体_GB2312", "宋体"):
        if face in plan:
            assert faces[face].startswith(plan[face])
    if "方正小标宋简体" in faces:
        assert faces["方正小标宋简体"].endswith(" Bold")
    assert pdf.substitutions(rendered["results"]) == list(dict.fromkeys(
        pair for r in rendered["results"] for pair in r.substitutions))


@needs_soffice
def test_concurrent_conversions_use_their_own_profiles(rendered, tmp_path):
    docx = Path(rendered["results"][1].docx)
    outcome = {}

    def convert(name):
        outcome[name] = pdf.convert([docx], tmp_path / name)

    threads = [threading.Thread(target=convert, args=(n,)) for n in ("a", "b")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for name in ("a", "b"):
        assert outcome[name][0].ok, outcome[name][0].error
        assert (tmp_path / name / "long.pdf").is_file()


# --- the fontconfig file ------------------------------------------------------------------


def test_fontconfig_file_maps_official_names():
    text = pdffonts.fontconfig_text([("仿宋_GB2312", "Noto Serif CJK SC", False),
                                ("方正小标宋简体", "Noto Serif CJK SC", True),
                                ("A&B", "C<D", False)], ["/usr/share/fonts/fandol"])
    assert '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>' in text
    assert "<dir>/usr/share/fonts/fandol</dir>" in text
    assert re.search(r"<string>仿宋_GB2312</string></test>\s*<edit name=\"family\" mode=\"assign\" "
                     r"binding=\"strong\"><string>Noto Serif CJK SC</string>", text)
    bold = text[text.index("方正小标宋简体"):]
    assert "<const>bold</const>" in bold[: bold.index("</match>")]
    assert "A&amp;B" in text and "C&lt;D" in text
    from lxml import etree

    etree.fromstring(text.split("\n", 2)[2].encode())  # well-formed after the DOCTYPE


def test_installed_family_matching():
    families = ["AR PL UKai CN", "Noto Serif CJK SC", "Noto Serif CJK SC Bold", "FandolFang"]
    assert pdffonts._installed("AR PL UKai", families) == "AR PL UKai CN"
    assert pdffonts._installed("noto serif cjk sc", families) == "Noto Serif CJK SC"
    assert pdffonts._installed("Noto Sans CJK SC", families) is None
    assert pdffonts._installed("Fandol", families) is None  # a prefix must end at a word


def test_faces_used_reads_the_docx(tmp_path):
    built = build_one(ROOT / "content" / "speech.yaml", tmp_path / "speech.docx")
    assert built.ok
    faces = pdffonts.faces_used(built.target)
    for face in ("方正小标宋简体", "黑体", "楷体_GB2312", "仿宋_GB2312", "宋体", "Times New Roman"):
        assert face in faces


# --- without LibreOffice, and with a stand-in soffice ----------------------------------------


@pytest.fixture
def fake(tmp_path, monkeypatch):
    return stand_in_soffice(tmp_path, monkeypatch)


def docs(tmp_path, *names):
    paths = []
    for name in names:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(name.encode())
        paths.append(path)
    return paths


def test_several_documents_per_call_same_names_in_different_folders(fake, tmp_path):
    a, b = docs(tmp_path, "out/2022/speech.docx", "out/2023/speech.docx")
    results = pdf.convert([a, b])
    assert len(fake()) == 1  # one soffice call for both
    assert [r.ok for r in results] == [True, True]
    assert (tmp_path / "out/2022/speech.pdf").read_bytes().endswith(b"out/2022/speech.docx")
    assert (tmp_path / "out/2023/speech.pdf").read_bytes().endswith(b"out/2023/speech.docx")
    assert not list(tmp_path.glob("out/*/.*.tmp"))


def test_batches_and_out_dir(fake, tmp_path):
    paths = docs(tmp_path, *[f"d{i}.docx" for i in range(5)])
    results = pdf.convert(paths, tmp_path / "pdf", batch=2)
    assert len(fake()) == 3
    assert all(r.ok for r in results)
    assert sorted(p.name for p in (tmp_path / "pdf").iterdir()) == [f"d{i}.pdf" for i in range(5)]


def test_every_call_gets_a_fresh_private_profile(fake, tmp_path):
    paths = docs(tmp_path, "a.docx")
    pdf.convert(paths)
    pdf.convert(paths)
    profiles = [next(a for a in call if a.startswith("-env:UserInstallation=")) for call in fake()]
    assert len(set(profiles)) == 2
    for p in profiles:  # a temporary folder, removed afterwards
        folder = Path(p.split("file://", 1)[1])
        assert folder.name == "profile" and folder.parent.name.startswith(pdf.PROFILE_PREFIX)
        assert not folder.parent.exists()


def test_same_target_twice_and_missing_file(fake, tmp_path):
    a, = docs(tmp_path, "x/a.docx")
    b, = docs(tmp_path, "y/a.docx")
    results = pdf.convert([a, b, tmp_path / "missing.docx"], tmp_path / "pdf")
    assert results[0].ok
    assert not results[1].ok and "重名" in results[1].error
    assert not results[2].ok and "找不到文件" in results[2].error


def test_a_document_libreoffice_skips_is_reported(fake, tmp_path, monkeypatch):
    monkeypatch.setenv("FAKE_SOFFICE", "skip-second")
    results = pdf.convert(docs(tmp_path, "a.docx", "b.docx"))
    assert [r.ok for r in results] == [True, False]
    assert results[1].error == f"{tmp_path / 'b.docx'}: LibreOffice 没有生成 PDF"


def test_libreoffice_failure_is_reported(fake, tmp_path, monkeypatch):
    monkeypatch.setenv("FAKE_SOFFICE", "fail")
    result, = pdf.convert(docs(tmp_path, "a.docx"))
    assert not result.ok
    assert "LibreOffice 出错（退出码 1）：Error: source file could not be loaded" in result.error


@pytest.mark.slow
def test_timeout_kills_libreoffice_and_reports(fake, tmp_path, monkeypatch):
    monkeypatch.setenv("FAKE_SOFFICE", "hang")  # sleeps a minute: the 1 s limit always strikes first
    made = []
    mkdtemp = pdf.tempfile.mkdtemp

    def recorded(*args, **kwargs):
        made.append(mkdtemp(*args, **kwargs))
        return made[-1]

    # The work folder is known from here, not from the stand-in's log: on a loaded machine the
    # stand-in may be killed before it has written anything.
    monkeypatch.setattr(pdf.tempfile, "mkdtemp", recorded)
    result, = pdf.convert(docs(tmp_path, "a.docx"), timeout=1)
    assert not result.ok and "超过 1 秒仍未完成" in result.error
    work = [Path(m) for m in made if Path(m).name.startswith(pdf.PROFILE_PREFIX)]
    assert len(work) == 1 and not work[0].exists()


def test_png_falls_back_to_libreoffice_without_pdftoppm(fake, tmp_path):
    result, = pdf.convert(docs(tmp_path, "a.docx"), png=True)
    assert result.ok and result.png == str(tmp_path / "a.png")
    assert (tmp_path / "a.png").read_bytes().startswith(b"\x89PNG")
    assert [c[c.index("--convert-to") + 1] for c in fake()] == ["pdf:writer_pdf_Export", "png"]


def test_stale_profiles_of_dead_runs_are_swept(tmp_path, monkeypatch):
    monkeypatch.setattr(pdf.tempfile, "gettempdir", lambda: str(tmp_path))
    dead = tmp_path / (pdf.PROFILE_PREFIX + "dead")
    alive = tmp_path / (pdf.PROFILE_PREFIX + "alive")
    fresh = tmp_path / (pdf.PROFILE_PREFIX + "fresh")
    for folder, pid in ((dead, 2 ** 22 + 12345), (alive, os.getpid()), (fresh, 2 ** 22 + 12345)):
        (folder / "profile" / "user").mkdir(parents=True)
        (folder / "owner").write_text(str(pid))
    old = pdf.time.time() - 2 * pdf.STALE_AFTER
    for folder in (dead, alive):
        os.utime(folder, (old, old))
    pdf._sweep_stale()
    assert not dead.exists() and alive.exists() and fresh.exists()
