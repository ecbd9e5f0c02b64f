"""Hostile text through ``gongwen lint``: no crash, no slow-down.

Random bytes, NUL, lone surrogates, zero-width and BOM characters, 10 MB on
one line: no crash, no quadratic slow-down (regexes reviewed for catastrophic
backtracking).

* **No crash**: every input ends in exit 0, 1 or 2 with no traceback, in every
  output format, from a file or standard input.
* **No slow-down**: no assertion is about time.  Each input known to make a
  backtracking regex quadratic (or worse) is linted in a real process with a
  generous timeout: linear work finishes in about a second, quadratic work on
  a megabyte would take hours, so a timeout means a fault, whatever the
  machine.  The review of every regex in ``src/gongwen`` is in docs/bench.md.
  These runs are marked ``slow`` (``make quick`` leaves them out).

That ``--fix`` on a file full of odd bytes changes the reported spans and
nothing else, byte for byte, is in tests/lint/test_fix.py.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys

import pytest
from click.testing import CliRunner

from gongwen.cli import main

from tests.paths import gongwen_env

TIMEOUT = 90  # seconds for about a megabyte; linear lint of 10 MB takes about one here
FORMATS = ["text", "json", "github", "sarif"]


def lint(*args, input=None):
    result = CliRunner().invoke(main, ["lint", *map(str, args)], input=input, catch_exceptions=True)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    return result


def run_lint(*args, timeout=TIMEOUT, stdin=None):
    proc = subprocess.run([sys.executable, "-m", "gongwen", "lint", *map(str, args)], input=stdin,
                          capture_output=True, timeout=timeout, env=gongwen_env())
    out = (proc.stdout + proc.stderr).decode("utf-8", "replace")
    assert "Traceback" not in out, out[-3000:]
    return proc.returncode, out


# --- no crash ---------------------------------------------------------------------------

ODD = {
    "nul": "\x00",
    "controls": "\x01\x07\x08\x0b\x0c\x1b\x1f\x7f",
    "c1": "\x85\x9b",
    "zero-width": "\u200b\u200c\u200d\u2060\ufeff",
    "soft-hyphen": "\u00ad",
    "bidi": "\u202e\u2066\u2069",
    "line-separators": "\u2028\u2029",
    "replacement": "\ufffd",
    "noncharacters": "\ufffe\uffff",
    "astral": "\U0001f600\U00020000\U0010fffd",
    "combining": "a\u0301\u0302\u0303",
    "fullwidth-space": "\u3000\u3000",
    "private-use": "\ue000\uf8ff",
}


def hostile_text(odd: str) -> str:
    lines = ["关于印发工作要点的通知", f"一.总体要求{odd}", f"{odd}（一）{odd}加强领导{odd}。",
             f"第一，{odd}明确目标；第二，抓好落实。", odd * 50, f"1.{odd}", f"{odd}附件：{odd}1.{odd}"]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("name", list(ODD))
@pytest.mark.parametrize("suffix", [".txt", ".md", ".yaml"])
def test_odd_characters_in_every_format(tmp_path, name, suffix):
    path = tmp_path / f"odd{suffix}"
    text = hostile_text(ODD[name])
    if suffix == ".yaml":
        text = "kind: speech\ntitle: 标题\nsections:\n  - heading: 部分\n    paragraphs:\n" + "".join(
            f"      - {json.dumps(line, ensure_ascii=False)}\n" for line in text.splitlines() if line)
    path.write_text(text, encoding="utf-8")
    for fmt in FORMATS:
        result = lint("--format", fmt, path)
        assert result.exit_code in (0, 1, 2), result.output
        if fmt in ("json", "sarif") and result.exit_code != 2:
            json.loads(result.stdout)


@pytest.mark.parametrize("raw", [
    pytest.param(b"\xed\xa0\x80", id="wtf8-high-surrogate"),
    pytest.param(b"\xed\xbf\xbf", id="wtf8-low-surrogate"),
    pytest.param(b"\xed\xa0\x80\xed\xb0\x80", id="wtf8-surrogate-pair"),
    pytest.param(b"\xef\xbb\xbf\xef\xbb\xbf", id="two-boms"),
    pytest.param(b"\x00" * 3, id="a-few-nuls"),
    pytest.param(b"\xc0\xaf", id="overlong-slash"),
    pytest.param(b"\xff\xfe", id="utf16-bom-inside"),
])
def test_odd_bytes_in_a_text_file(tmp_path, raw):
    path = tmp_path / "odd.txt"
    path.write_bytes("一.总体要求".encode() + raw + "尾\n第二行\n".encode())
    for fmt in FORMATS:
        result = lint("--format", fmt, path)
        assert result.exit_code in (0, 1, 2), result.output
        if result.exit_code == 2:
            assert "odd.txt" in result.output


@pytest.mark.parametrize("seed", range(10))
@pytest.mark.parametrize("suffix", [".txt", ".md", ".yaml"])
def test_random_bytes(tmp_path, seed, suffix):
    rng = random.Random(seed)
    data = rng.randbytes(rng.choice((1, 64, 4096, 65536)))
    if seed % 2:  # mostly text, with random bytes sprinkled in
        text = "".join(rng.choice("一二三、。，．.（）()第是\n \u3000abc1234#<>`[]*_-|{}") for _ in range(5000))
        data = bytearray(text.encode("utf-8"))
        for _ in range(20):
            data[rng.randrange(len(data))] = rng.randrange(256)
        data = bytes(data)
    path = tmp_path / f"noise{suffix}"
    path.write_bytes(data)
    result = lint(path)
    assert result.exit_code in (0, 1, 2)
    if result.exit_code == 2:
        assert "noise" in result.output


def test_random_bytes_on_standard_input():
    data = random.Random(1).randbytes(20000)
    result = lint("-", input=data)
    assert result.exit_code in (0, 1, 2)


def test_hostile_text_on_standard_input_in_a_real_process():
    data = "".join(hostile_text(odd) for odd in ODD.values()).encode("utf-8") + b"\xed\xa0\x80\x00"
    code, out = run_lint("--format", "json", "-", stdin=data)
    assert code in (0, 1), out


@pytest.mark.slow
def test_ten_megabytes_on_one_line(tmp_path):
    prose = "全县各级各部门坚持人民至上、生命至上，统筹发展和安全，扎实开展安全生产大检查和专项整治（一）第一，"
    line = prose * (10 * 1024 * 1024 // len(prose.encode("utf-8")) + 1)
    for suffix in (".txt", ".md"):
        path = tmp_path / f"long{suffix}"
        path.write_text(line + "\n", encoding="utf-8")
        assert path.stat().st_size > 10 * 1024 * 1024
        code, out = run_lint(path)
        assert code in (0, 1), out[-2000:]


@pytest.mark.slow
def test_ten_megabytes_of_mixed_characters_on_one_line(tmp_path):
    rng = random.Random(10)
    alphabet = "一二三十是第、。，；：（）()“”《》 \u3000abcXYZ019.-@/#*`[]<>!_~|{}%"
    chunk = "".join(rng.choice(alphabet) for _ in range(100_000))
    path = tmp_path / "mixed.md"
    path.write_text(chunk * 40 + "\n", encoding="utf-8")  # about 10 MB
    code, out = run_lint(path, timeout=TIMEOUT * 2)
    assert code in (0, 1), out[-2000:]


@pytest.mark.slow
def test_many_short_hostile_lines(tmp_path):
    rng = random.Random(11)
    odd = list("".join(ODD.values()))
    lines = ["".join(rng.choice(odd + list("一.（）第是，。")) for _ in range(rng.randrange(0, 40)))
             for _ in range(20000)]
    path = tmp_path / "lines.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    code, out = run_lint("--format", "json", path)
    assert code in (0, 1), out[-2000:]


def test_lint_api_on_unencodable_text():
    """The library API gets Python strings: lone surrogates must not reach an encoder and raise."""
    from gongwen.lint import lint_text

    for fmt in ("txt", "md"):
        lint_text("一.总体要求\ud800\n（一）\udfff加强\n\x00\ufeff", fmt=fmt)


@pytest.mark.parametrize("brk", ["\x85", "\u2028", "\u2029"])
def test_yaml_with_unicode_line_breaks_in_quoted_text(tmp_path, brk):
    path = tmp_path / "breaks.yaml"
    path.write_text("kind: speech\ntitle: 标题\nsections:\n  - heading: 部分\n    paragraphs:\n"
                    f'      - "0{brk}"\n      - "0{brk}"\n', encoding="utf-8")
    result = lint(path)
    assert result.exit_code in (0, 1, 2)


# --- no slow-down: inputs that make backtracking regexes quadratic -----------------------


def textview(regex, why):
    return f"src/gongwen/lint/textview.py {regex}: {why}"


def fixed(where):
    """An input that made ``where`` quadratic or worse until the lint fixes of 79c8f4a; now a
    regression test (what it exercised, and the fix, are in the text)."""
    return ()


MB = 1 << 20
STRAY_SPACE = fixed(
    "src/gongwen/lint/rules/punctuation.py stray_space (GW413): for every run of spaces it slices "
    "mtext[:a] and mtext[b:] to strip them — a copy of the whole line per space, quadratic (1.2 MB of "
    "English on one line: 19 s; 10 MB: about 20 min). Compute first = len(mtext) - len(mtext.lstrip(chars)) "
    "and last = len(mtext.rstrip(chars)) once per paragraph and test a <= first or b >= last.")
SLOW = [
    # (id, file suffix, line builder, marks)
    ("backtick-run", ".md", lambda: "`" * MB, ()),
    ("backtick-run-after-text", ".md", lambda: "a" + "`" * MB, fixed(textview(
        "_MD_CODE_RE (`+)(.+?)\\1", "a run of backticks not at the line start is cubic; "
        "scan backtick runs and pair equal lengths instead (see report)"))),
    ("open-brackets", ".md", lambda: "[" * MB, fixed(textview(
        "_MD_IMAGE_LINK_RE", "([^\\]\\n]*) rescans the line from every '['; use [^\\[\\]\\n]*"))),
    ("link-without-close", ".md", lambda: "[a](" + "b" * MB, fixed(textview(
        "_MD_IMAGE_LINK_RE", "[^()\\s]*(?:\\(…\\))?[^()\\s]* — two adjacent [^()\\s]*; "
        "write [^()\\s]*(?:\\([^()\\s]*\\)[^()\\s]*)?"))),
    ("html-comment-openers-md", ".md", lambda: "<!--" * (MB // 4), fixed(textview(
        "_MD_HTML_RE <!--.*?-->", "every '<!--' scans to the end of the line when none closes; "
        "find '-->' with str.find and stop when there is none"))),
    ("html-comment-openers-txt", ".txt", lambda: "<!--" * (MB // 4), ()),
    ("suppression-comment-openers", ".txt", lambda: "<!--gongwen:" * (MB // 12), fixed(textview(
        "_SUPPRESS_RE <!--\\s*gongwen:.*?-->", "same as _MD_HTML_RE"))),
    ("suppression-with-spaces", ".txt", lambda: "#gongwen:disable=" + " " * MB + "!", fixed(
        "src/gongwen/lint/suppress.py SUPPRESS_RE: \\s*=\\s*(?P<codes>[A-Za-z0-9,\\s]*?)\\s* — three "
        "overlapping whitespace runs, cubic (400 spaces: 0.4 s; 4000: 6 min); codes as "
        "[A-Za-z0-9,]+(?:\\s+[A-Za-z0-9,]+)*")),
    ("spaces-md", ".md", lambda: " " * MB + "x", fixed(textview(
        "_MD_TABLE_SEP_RE", "^[ \\t]*\\|?[ \\t]*… — [ \\t]* twice around an optional '|'; "
        "write ^[ \\t]*(?:\\|[ \\t]*)?… and …(?:\\|[ \\t]*)?$"))),
    ("table-separator-spaces", ".md", lambda: "|---" + " " * MB + "x", fixed(textview(
        "_MD_TABLE_SEP_RE", "as above, at the end of the line"))),
    ("heading-with-spaces", ".md", lambda: "# a" + " " * MB + "x", fixed(textview(
        "_MD_HEADING_TAIL_RE [ \\t]+#+[ \\t]*$ (search)", "every blank restarts the scan; "
        "add (?<![ \\t]) in front"))),
    ("letters", ".txt", lambda: "a" * MB, ()),
    ("letters-then-at", ".txt", lambda: "a" * MB + "@", fixed(textview(
        "_EMAIL_RE", "no left boundary: every letter restarts the scan; "
        "add (?<![A-Za-z0-9._%+-]) in front (same matches)"))),
    ("hyphenated", ".txt", lambda: "a-" * (MB // 2), ()),
    ("hyphenated-then-dot", ".txt", lambda: "a-" * (MB // 2) + ".", fixed(textview(
        "_DOMAIN_RE", "(?<![A-Za-z0-9.]) lets a match start after every '-'; "
        "add '-' to both lookbehinds: (?<![A-Za-z0-9.-])"))),
    ("document-number-spaces", ".txt", lambda: "县发[2023]" + " " * MB + "x号", fixed(
        "src/gongwen/lint/rules/number.py _DOC_NUMBER_RE: (?P<b2>…\\s*)(?P<di>第?\\s*) — two \\s* "
        "when 第 is absent; write (?P<b2>\\s*[]…])(?P<di>\\s*(?:第\\s*)?)")),
    ("range-spaces", ".txt", lambda: "1" + " " * MB + "x-", fixed(
        "src/gongwen/lint/rules/punctuation.py _RANGE_RE: (\\s*(?:年|月|日|时)?\\s*) — two \\s*; "
        "write (\\s*(?:(?:年|月|日|时)\\s*)?)")),
    ("attachment-spaces", ".txt", lambda: "附件" + " " * MB + "x", fixed(
        "src/gongwen/lint/rules/series.py and rules/structure.py _ATTACHMENT_PAGE_RE: "
        "\\s*[0-9０-９]*[ \\t\\u3000]*$ — \\s* and [ \\t\\u3000]* meet when there is no digit; "
        "write 附\\s*件(?:\\s*[0-9０-９]+)?[ \\t\\u3000]*$")),
    ("digits", ".txt", lambda: "1" * MB, ()),
    ("series-openers", ".txt", lambda: "，一是" * (MB // 12), ()),  # a finding per opener: kept smaller
    ("markers-and-junk", ".txt", lambda: "（##a##一）" * (MB // 8), ()),
    ("braces", ".txt", lambda: "{{" * (MB // 2), ()),
    ("urls", ".txt", lambda: "http://" * (MB // 7), ()),
    ("emphasis", ".md", lambda: "**a" * (MB // 3), ()),
    ("underscores", ".md", lambda: "_a" * (MB // 2), ()),
    ("quotes", ".md", lambda: "> " * (MB // 2), ()),
    ("rule-dashes", ".md", lambda: "- " * (MB // 2) + "x", STRAY_SPACE),
    ("english-words", ".txt", lambda: "ab " * (MB // 3), STRAY_SPACE),
    ("spaced-chinese", ".txt", lambda: "中 " * (MB // 4), STRAY_SPACE),
]


@pytest.mark.slow
@pytest.mark.parametrize("suffix,build", [pytest.param(s, b, id=i, marks=m) for i, s, b, m in SLOW])
def test_catastrophic_backtracking_inputs_finish(tmp_path, suffix, build):
    path = tmp_path / f"slow{suffix}"
    path.write_text(build() + "\n", encoding="utf-8")
    code, out = run_lint(path)
    assert code in (0, 1), out[-2000:]
