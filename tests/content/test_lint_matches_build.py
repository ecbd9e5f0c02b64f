"""``gongwen lint x.yaml`` reports every error ``gongwen build x.yaml`` refuses the content for,
under a code, at the line and column build names — and one finding per fault."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from gongwen.cli import main
from gongwen.content import faults
from gongwen.content.loader import loads
from gongwen.errors import ContentErrors

HEAD = "kind: speech\ntitle: 在全市工作会议上的讲话\n"
SECTION = "  - heading: 总体要求\n    paragraphs:\n      - 成立工作专班，定期研究推进。\n"
BODY = "sections:\n" + SECTION

#: name → (broken content, the codes lint gives, in file order).  Every one is otherwise clean
#: but where :data:`ALSO` says.
BROKEN = {
    "misspelled key": (HEAD + "sectoins:\n" + SECTION, ["GW711"]),
    "misspelled nested key": (HEAD + "sections:\n  - heading: 总体要求\n    paragraph:\n      - 正文。\n",
                              ["GW713", "GW711"]),
    "duplicate key": (HEAD + "title: 在全县工作会议上的讲话\n" + BODY, ["GW712"]),
    "wrong type": (HEAD + "salutation: [同志们：]\n" + BODY, ["GW713"]),
    "not a boolean": (HEAD + "sections:\n  - heading: 总体要求\n    points:\n      - heading: 加强领导\n"
                      "        run_in: 否\n        text: 成立专班。\n      - heading: 明确责任\n        text: 细化分工。\n",
                      ["GW713"]),
    "missing title": ("kind: speech\n" + BODY, ["GW713"]),
    "vars as a list": (HEAD + "vars: [year]\n" + BODY, ["GW713"]),
    "variable name": (HEAD + "vars:\n  1year: 2026\n  org: 全市\n  org: 全县\n" + BODY, ["GW714", "GW712"]),
    "no body": (HEAD + "opening:\n  - 今天召开会议。\n", ["GW713"]),
    "unknown kind": ("kind: 讲话\ntitle: 在全市工作会议上的讲话\n" + BODY, ["GW714"]),
    "date that does not exist": (HEAD + "date: 2026年4月31日\n" + BODY, ["GW714"]),
    "date in another form": (HEAD + "date: 2026/4/30\n" + BODY, ["GW714"]),
    "series style": (HEAD + "sections:\n  - heading: 总体要求\n    series: 其一\n    items:\n      - 加强领导\n"
                     "      - 明确责任\n", ["GW714"]),
    "undefined variable": ("kind: speech\ntitle: 在{{ org }}工作会议上的讲话\nvars:\n  year: 2026\n" + BODY,
                           ["GW715"]),
    "template statement": (HEAD + "vars:\n  year: 2026\nsections:\n  - heading: 总体要求\n    paragraphs:\n"
                           "      - 今年{% if x %}要{% endif %}加强领导。\n", ["GW715", "GW715"]),
    "tab indentation": (HEAD + "sections:\n\t- heading: 总体要求\n", ["GW710"]),
    "unquoted colon": ("kind: speech\ntitle: 讲话: 在全市工作会议上\n" + BODY, ["GW710"]),
    "unclosed bracket": ("kind: speech\ntitle: [在全市工作会议上的讲话\n" + BODY, ["GW710"]),
    "python tag": (HEAD + "sections:\n  - heading: 总体要求\n    paragraphs: !!python/object/apply:os.system [ls]\n",
                   ["GW713", "GW710"]),  # the section has nothing else: both faults, as build says
    "empty paragraph": (HEAD + "sections:\n  - heading: 总体要求\n    paragraphs:\n      - \"\"\n      - 正文。\n",
                        ["GW708"]),
    "empty point text entry": (HEAD + "sections:\n  - heading: 总体要求\n    points:\n      - heading: 加强领导\n"
                               "        text:\n          - 成立专班。\n          - ''\n      - heading: 明确责任\n"
                               "        text: 细化分工。\n", ["GW708"]),
    "typed heading marker": (HEAD + "sections:\n  - heading: 一、总体要求\n    paragraphs: [正文。]\n", ["GW701"]),
    "typed marker before a numeral list": (HEAD + "sections:\n  - heading: 一、二季度工作安排\n"
                                           "    paragraphs: [正文。]\n", ["GW701"]),
    "typed series in a heading": (HEAD + "sections:\n  - heading: 一是加强领导\n    paragraphs: [正文。]\n"
                                  "  - heading: 二是明确责任\n    paragraphs: [正文。]\n", ["GW701", "GW701"]),
    "typed series opener": (HEAD + "sections:\n  - heading: 总体要求\n    items:\n      - 一是加强领导\n"
                            "      - 二是明确责任\n", ["GW702", "GW702"]),
    "title punctuation": ("kind: speech\ntitle: 在全市工作会议上的讲话。\n" + BODY, ["GW210"]),
}
#: Findings of other rules that a broken file also has (the series family reads a typed 一是 in a heading).
ALSO = {"typed series in a heading": {"GW301", "GW302"}}
_PLACE = re.compile(r"^(?P<path>[^:\n]+\.yaml):(?P<line>\d+):(?P<column>\d+): (?P<rest>.*)$", re.M)


@pytest.fixture
def run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no settings file from elsewhere

    def _run(*args):
        return CliRunner().invoke(main, list(args), catch_exceptions=False)

    return _run


def build_errors(result):
    """``[(line, column, message)]`` of a failed build, from its output."""
    return [(int(m["line"]), int(m["column"]), m["rest"]) for m in _PLACE.finditer(result.output)]


def lint_findings(result):
    """``[(line, column, code, message)]`` from lint's text output."""
    out = []
    for m in _PLACE.finditer(result.stdout):
        code, _, message = m["rest"].partition(" ")
        out.append((int(m["line"]), int(m["column"]), code, message))
    return out


@pytest.mark.parametrize("name", BROKEN)
def test_lint_reports_what_build_refuses_at_the_same_place(run, tmp_path, name):
    text, codes = BROKEN[name]
    (tmp_path / "c.yaml").write_text(text, encoding="utf-8")
    built = run("build", "c.yaml", "-o", "out")
    assert built.exit_code == 1, built.output
    refused = build_errors(built)
    assert refused, built.output
    linted = run("lint", "c.yaml")
    assert linted.exit_code == 1, linted.output
    found = [f for f in lint_findings(linted) if f[2] not in ALSO.get(name, ())]
    assert [code for _, _, code, _ in found] == codes, found
    # one finding per fault, at the place build names it: the loader's own errors exactly, in its
    # words; a rule with a check of its own (GW701, GW210 …) may point into the line, at the mark
    assert len(found) == len(refused)
    for (line, column, message), (lint_line, lint_column, code, lint_message) in zip(sorted(refused), found):
        assert lint_line == line
        if code in faults.LOADER_CODES:
            assert (lint_column, lint_message) == (column, message)


@pytest.mark.parametrize("name", BROKEN)
def test_every_content_error_has_a_lint_code(name):
    text, codes = BROKEN[name]
    try:
        doc = loads(text, "c.yaml")
    except ContentErrors as exc:
        found = [e.code for e in exc.errors]
    else:
        from gongwen.content import variables

        with pytest.raises(ContentErrors) as info:
            variables.substitute(doc, text=text)
        found = [e.code for e in info.value.errors]
    assert found and set(found) <= set(faults.LOADER_CODES + faults.SHARED_CODES)
    assert set(found) == set(codes)


def test_typed_marker_is_one_finding_with_its_fix(run, tmp_path):
    (tmp_path / "c.yaml").write_text(HEAD + "sections:\n  - heading: 一、总体要求\n    paragraphs: [正文。]\n",
                                     encoding="utf-8")
    linted = run("lint", "--format", "json", "c.yaml")
    import json

    found = json.loads(linted.stdout)
    assert [(f["code"], f["line"], f["column"]) for f in found] == [("GW701", 4, 14)]
    assert found[0]["fix"] is not None  # the rule's finding (with a fix), not a copy of the loader's
    assert run("lint", "--fix", "c.yaml").exit_code == 0
    assert run("build", "c.yaml", "-o", "out").exit_code == 0


def test_a_clean_file_builds_and_lints_clean(run, tmp_path):
    (tmp_path / "c.yaml").write_text(HEAD + "date: 2026-04-30\nvars:\n  org: 全市\n" + BODY, encoding="utf-8")
    assert run("build", "c.yaml", "-o", "out").exit_code == 0
    linted = run("lint", "c.yaml")
    assert linted.exit_code == 0 and linted.stdout == "", linted.output


def test_the_office_org_counts_for_lint_as_for_build(run, tmp_path):
    text = "kind: speech\ntitle: 在{{ org }}工作会议上的讲话\nvars:\n  year: 2026\n" + BODY
    (tmp_path / "c.yaml").write_text(text, encoding="utf-8")
    assert run("build", "c.yaml", "-o", "out").exit_code == 1
    assert [code for _, _, code, _ in lint_findings(run("lint", "c.yaml"))] == ["GW715"]
    (tmp_path / "gongwen.yaml").write_text("org: 清河县总工会\n", encoding="utf-8")
    assert run("build", "c.yaml", "-o", "out").exit_code == 0
    linted = run("lint", "c.yaml")
    assert linted.exit_code == 0, linted.output


def test_build_errors_cannot_be_made_warnings(run, tmp_path):
    (tmp_path / "c.yaml").write_text(HEAD + "sectoins:\n" + SECTION, encoding="utf-8")
    linted = run("lint", "--severity", "GW711=warning", "c.yaml")
    assert linted.exit_code == 1
    assert "级别不能调整" in linted.stderr


def test_findings_can_be_suppressed_in_the_file(run, tmp_path):
    (tmp_path / "c.yaml").write_text(HEAD + "extra: 1  # gongwen: disable=GW711\n" + BODY, encoding="utf-8")
    assert run("lint", "c.yaml").exit_code == 0


def test_library_check_reports_them_too(tmp_path):
    import gongwen

    path = tmp_path / "c.yaml"
    path.write_text(HEAD + "date: 2026年4月31日\n" + BODY, encoding="utf-8")
    result = gongwen.check(path)
    assert [(f.code, f.line, f.column) for f in result.findings] == [("GW714", 3, 7)]
    assert result.errors == 1


# --- encodings: GB18030 with CRLF, UTF-8 with BOM -----------------------------------------

LAST_YEAR = ("kind: speech\ntitle: 在全市2023年工作会议上的讲话\ndate: 2023-03-01\nsections:\n"
             "  - heading: 总体要求\n    paragraphs:\n      - 今年完成投资86.5万元。\n")
ENCODINGS = {
    "gb18030-crlf": lambda text: text.replace("\n", "\r\n").encode("gb18030"),
    "utf-8-bom": lambda text: b"\xef\xbb\xbf" + text.encode("utf-8"),
}


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_build_lint_and_new_read_every_encoding(run, tmp_path, encoding):
    (tmp_path / "last.yaml").write_bytes(ENCODINGS[encoding](LAST_YEAR))
    assert run("build", "last.yaml", "-o", "out").exit_code == 0
    linted = run("lint", "last.yaml")
    assert linted.exit_code == 0 and linted.stdout == "", linted.output
    made = run("new", "speech", "--from", "last.yaml", "-o", "this.yaml")
    assert made.exit_code == 0, made.output
    data = (tmp_path / "this.yaml").read_bytes()
    text = data.decode("utf-8")  # always written as UTF-8, without BOM
    assert not data.startswith(b"\xef\xbb\xbf")
    assert "在全市【核实：2023年】工作会议上的讲话" in text and "date: 2024-03-01" in text
    assert ("\r\n" in text) == (encoding == "gb18030-crlf")  # the file's own line ends are kept
    assert ("GB18030 编码" in made.stderr) == (encoding == "gb18030-crlf")
    assert "UTF-8" in made.stderr or encoding == "utf-8-bom"
    assert run("build", "this.yaml", "-o", "out").exit_code == 0


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_faults_are_placed_alike_in_every_encoding(run, tmp_path, encoding):
    text = "kind: speech\ntitle: 在{{ org }}工作会议上的讲话\nvars:\n  year: 2026\n" + BODY
    (tmp_path / "c.yaml").write_bytes(ENCODINGS[encoding](text))
    refused = build_errors(run("build", "c.yaml", "-o", "out"))
    found = lint_findings(run("lint", "c.yaml"))
    assert [(ln, col) for ln, col, _ in refused] == [(2, 9)]  # the variable's place, GB18030 or not
    assert [(ln, col, code) for ln, col, code, _ in found] == [(2, 9, "GW715")]


def test_new_from_names_an_unreadable_file(run, tmp_path):
    (tmp_path / "last.yaml").write_bytes("kind: speech\n".encode("utf-16"))
    made = run("new", "speech", "--from", "last.yaml")
    assert made.exit_code == 1
    assert "last.yaml" in made.output and "UTF-16" in made.output
