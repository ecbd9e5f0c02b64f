"""Findings as one self-contained HTML page: each file's text with the findings' spans marked,
the findings beside it grouped by family, each rule's explanation one click away.

    render_page([(source, findings), …]) -> str        # a whole page (<!DOCTYPE html> …)
    render_fragment([(source, findings), …]) -> str    # the same without <html>/<head>/<script>;
                                                       # put STYLE and SCRIPT on the host page

The page loads nothing: its style and script are inline (``report.css``, ``report.js``, package
data), fonts are the reader's own, and a Content-Security-Policy allowing only those two inline
blocks (by hash) stops anything else, even if a draft's text were ever let through unescaped.
Every piece of a draft is escaped; control, format and other invisible characters are shown as
their code point.  Long drafts are bounded (see :data:`FULL_CHARS`, :data:`LINE_CHARS`,
:data:`MAX_SHOWN`) and the page says what it left out.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from importlib import resources
from typing import Dict, List, Optional, Sequence, Tuple

from gongwen import __version__
from gongwen.draft.source import Source
from gongwen.lint.findings import Finding
from gongwen.lint.output import FAMILY_TITLES, SEVERITY_NAMES
from gongwen.lint.registry import FAMILY_TABLE, LAYOUT, Rule, get_rule
from gongwen.textio import split_lines

#: A file of up to this many characters and :data:`FULL_LINES` lines is shown whole; a longer one
#: only around its findings (:data:`CONTEXT` lines before and after each).
FULL_CHARS, FULL_LINES, CONTEXT = 200_000, 5_000, 2
#: A line (paragraph) longer than this is shown only near its findings (:data:`WINDOW` characters
#: either side); a long line without findings, only its first :data:`HEAD` characters.
LINE_CHARS, WINDOW, HEAD = 1_000, 80, 200
#: The most findings listed and marked for one file; the rest are counted.
MAX_SHOWN = 1_000

Span = Tuple[int, int, str, str]  # start, end (0-based, in the shown line), finding id, severity


def _resource(name: str) -> str:
    return resources.files("gongwen.lint").joinpath(name).read_text(encoding="utf-8")


STYLE = _resource("report.css")
SCRIPT = _resource("report.js")


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


CSP = (f"default-src 'none'; style-src '{_sha256(STYLE)}'; script-src '{_sha256(SCRIPT)}'; "
       "img-src 'none'; form-action 'none'; base-uri 'none'")

# --- escaping ---------------------------------------------------------------------------------

#: What is shown as a code point instead of itself: controls (but tab), format characters
#: (zero-width spaces, BOM, bidi overrides), surrogates, private use, noncharacters.
_SPECIAL = re.compile("([\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff"
                      "\ud800-\udfff\ue000-\uf8ff\ufdd0-\ufdef\ufff9-\uffff\U000e0000-\U000e007f])")


def esc(text: str) -> str:
    """``text`` as HTML text (also safe in a quoted attribute); invisible characters made visible."""
    parts = _SPECIAL.split(text)
    out = []
    for i, part in enumerate(parts):
        if i % 2:
            out.append(f'<span class="gw-cp">U+{ord(part):04X}</span>')
        elif part:
            out.append(html.escape(part, quote=True))
    return "".join(out)


def _attr(text: str) -> str:
    """``text`` in a quoted attribute: escaped, invisible characters replaced."""
    return html.escape(_SPECIAL.sub("\ufffd", text), quote=True)


# --- where findings are -----------------------------------------------------------------------

def shown_lines(source: Source) -> Dict[int, str]:
    """The lines findings' line numbers count: a text file's lines, a .docx's paragraphs."""
    if source.text is not None and source.format != "docx":
        return {i: line for i, line in enumerate(split_lines(source.text), 1)}
    return {p.line: p.text for p in source.paras}


def span_of(f: Finding, lines: Dict[int, str]) -> Tuple[int, int, int]:
    """``(line, start, end)`` of what ``f`` points at, 0-based in that line: the fix's range when it
    has one, else the character it points at; the whole line (paragraph) for a finding on no
    character or on a paragraph's format (the layout family)."""
    if f.para is None:
        text = lines.get(f.line, "")
        if f.column > 1:
            start = min(f.column - 1, len(text))
            return f.line, start, min(start + 1, len(text))
        return f.line, 0, len(text)
    para = f.para
    if f.fix is None and f.family == LAYOUT and not f.offset:  # a paragraph's format: all of it
        line = para.position(0)[0]
        return line, 0, len(lines.get(line, ""))
    start, end = (f.fix.start, f.fix.end) if f.fix is not None else (f.offset, f.offset + 1)
    end_hint = getattr(f, "end", None)  # a finding that knows its extent
    if f.fix is None and isinstance(end_hint, int) and end_hint > start:
        end = end_hint
    end = min(end, len(para.text))
    start = min(start, end)
    line, col = para.position(start)
    end_line, end_col = para.position(end)
    text = lines.get(line, "")
    if not para.exact:
        return line, min(col - 1, len(text)), min(col, len(text))
    s = min(max(col - 1, 0), len(text))
    e = min(max(end_col - 1, s), len(text)) if end_line == line else len(text)
    return line, s, e


# --- the text pane ----------------------------------------------------------------------------

def _windows(length: int, spans: Sequence[Span]) -> List[Tuple[int, int]]:
    if length <= LINE_CHARS:
        return [(0, length)]
    if not spans:
        return [(0, HEAD)]
    out: List[Tuple[int, int]] = []
    for s, e, _, _ in sorted(spans):
        a, b = max(0, s - WINDOW), min(length, max(e, s + 1) + WINDOW)
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _marked(text: str, a: int, b: int, spans: Sequence[Span]) -> str:
    """``text[a:b]`` with every span in it marked; where spans overlap, a piece is marked once
    with all their ids (``data-f``) and the gravest severity."""
    cuts = {a, b}
    for s, e, _, _ in spans:
        cuts.update(x for x in (s, e) if a <= x <= b)
    points = sorted(cuts)
    out = []
    for i, x in enumerate(points):
        for s, e, fid, sev in spans:
            if s == x:
                out.append(f'<a class="gw-a" id="m{fid[1:]}"></a>')
                if e == s:
                    out.append(f'<mark class="gw-caret gw-{sev}" data-f="{fid}" title="此处">\u2038</mark>')
        if i + 1 == len(points):
            break
        y = points[i + 1]
        cover = [(fid, sev) for s, e, fid, sev in spans if s <= x < e]
        piece = esc(text[x:y])
        if cover:
            sev = "error" if any(c[1] == "error" for c in cover) else "warning"
            ids = " ".join(c[0] for c in cover)
            out.append(f'<mark class="gw-{sev}" data-f="{ids}">{piece}</mark>')
        else:
            out.append(piece)
    return "".join(out)


def _line_html(number: int, text: str, spans: Sequence[Span], file_no: int) -> str:
    parts = []
    last = 0
    for a, b in _windows(len(text), spans):
        if a > last:
            parts.append(f'<span class="gw-cut">……（略去 {a - last} 字）……</span>')
        parts.append(_marked(text, a, b, [s for s in spans if s[1] >= a and s[0] <= b]))
        last = b
    if last < len(text):
        parts.append(f'<span class="gw-cut">……（略去 {len(text) - last} 字）……</span>')
    flag = " gw-hit" if spans else ""
    return (f'<div class="gw-line{flag}" id="l{file_no}-{number}"><span class="gw-no">{number}</span>'
            f'<span class="gw-tx">{"".join(parts) or "<br>"}</span></div>')


def _text_pane(lines: Dict[int, str], spans: Dict[int, List[Span]], file_no: int, whole: bool) -> str:
    numbers = sorted(lines)
    if not whole:
        near = set()
        for n in spans:
            near.update(range(n - CONTEXT, n + CONTEXT + 1))
        numbers = [n for n in numbers if n in near]
    out = []
    last = 0
    for n in numbers:
        if n > last + 1:
            out.append(f'<div class="gw-gap">……（略去第 {last + 1}–{n - 1} 行）……</div>')
        out.append(_line_html(n, lines[n], spans.get(n, []), file_no))
        last = n
    end = max(lines) if lines else 0
    if end > last:
        out.append(f'<div class="gw-gap">……（略去第 {last + 1}–{end} 行）……</div>')
    return "".join(out) or '<p class="gw-empty">（空文件）</p>'


# --- the findings pane ------------------------------------------------------------------------

def _fix_html(f: Finding) -> str:
    if f.fix is None or f.para is None:
        return ""
    old, new = f.para.text[f.fix.start:f.fix.end], f.fix.new
    if not new:
        what = f"删去“{esc(old)}”"
    elif not old:
        what = f"插入“{esc(new)}”"
    else:
        what = f"“{esc(old)}”改为“{esc(new)}”"
    return f'<div class="gw-fixit">建议：{what}（可用 --fix 自动修正）</div>'


def _finding_html(f: Finding, fid: str, whole_line: bool) -> str:
    sev = "error" if f.severity == "error" else "warning"
    where = f"第 {f.line} 段" if whole_line else f"{f.line}:{f.column}"
    return (f'<li class="gw-f gw-{sev}" id="{fid}">'
            f'<a class="gw-go" href="#m{fid[1:]}"><span class="gw-sev">{SEVERITY_NAMES.get(sev, sev)}</span> '
            f'<code>{esc(f.code)}</code> <span class="gw-loc">{where}</span></a>'
            f'<div class="gw-msg">{esc(f.message)}</div>{_fix_html(f)}'
            f'<a class="gw-why" href="#rule-{_attr(f.code)}" data-rule="{_attr(f.code)}">规则说明</a></li>')


def _findings_pane(items: Sequence[Tuple[Finding, str, bool]]) -> str:
    if not items:
        return '<p class="gw-clean">未发现问题。</p>'
    groups: Dict[str, List[str]] = {}
    for f, fid, whole in items:
        groups.setdefault(f.code[:3], []).append(_finding_html(f, fid, whole))
    out = []
    for fam in FAMILY_TABLE:
        if fam.prefix in groups:
            out.append(f'<details class="gw-family" open><summary>{esc(fam.title)}'
                       f' <span class="gw-count">{len(groups[fam.prefix])}</span></summary>'
                       f'<ol>{"".join(groups[fam.prefix])}</ol></details>')
    others = [h for prefix, hs in groups.items() if prefix not in {f.prefix for f in FAMILY_TABLE} for h in hs]
    if others:
        out.append(f'<details class="gw-family" open><summary>其他 <span class="gw-count">{len(others)}</span>'
                   f'</summary><ol>{"".join(others)}</ol></details>')
    return "".join(out)


def _counts(findings: Sequence[Finding]) -> str:
    errors = sum(f.severity == "error" for f in findings)
    warnings = len(findings) - errors
    return f"{errors} 个错误、{warnings} 个警告" if findings else "未发现问题"


def _file_html(source: Source, findings: Sequence[Finding], file_no: int) -> str:
    lines = shown_lines(source)
    shown = list(findings)[:MAX_SHOWN]
    spans: Dict[int, List[Span]] = {}
    items = []
    for i, f in enumerate(shown, 1):
        fid = f"f{file_no}-{i}"
        line, s, e = span_of(f, lines)
        whole = f.para is None and f.column <= 1
        spans.setdefault(line, []).append((s, e, fid, "error" if f.severity == "error" else "warning"))
        items.append((f, fid, whole))
    for n in spans:
        lines.setdefault(n, "")
    size = sum(len(t) for t in lines.values())
    whole = size <= FULL_CHARS and len(lines) <= FULL_LINES
    notes = []
    if not whole:
        notes.append(f"文稿较长（{size} 字、{len(lines)} 行），只显示有问题的行及其前后各 {CONTEXT} 行。")
    if any(len(t) > LINE_CHARS for t in lines.values()):
        notes.append(f"超过 {LINE_CHARS} 字的段落只显示问题前后各 {WINDOW} 字。")
    if len(findings) > MAX_SHOWN:
        notes.append(f"问题共 {len(findings)} 条，这里列出前 {MAX_SHOWN} 条；完整列表请用 gongwen lint 的文本或 JSON 输出。")
    unit = "段" if source.format == "docx" else "行"
    note = "".join(f'<p class="gw-note">{esc(n)}</p>' for n in notes)
    return (f'<section class="gw-file" id="file-{file_no}" data-path="{_attr(source.path)}" '
            f'aria-labelledby="file-{file_no}-h"><h2 id="file-{file_no}-h">{esc(source.path)}</h2><p class="gw-sum">{_counts(findings)}；左侧为原文'
            f'（行首数字为第几{unit}），右侧为问题，点击问题可定位到原文。</p>{note}'
            f'<div class="gw-cols"><div class="gw-text">{_text_pane(lines, spans, file_no, whole)}</div>'
            f'<div class="gw-side">{_findings_pane(items)}</div></div></section>')


# --- the rules --------------------------------------------------------------------------------

def _examples(title: str, examples: Sequence[str]) -> str:
    return f'<dt>{title}</dt>' + "".join(f"<dd><pre>{esc(x)}</pre></dd>" for x in examples)


def rule_html(r: Rule) -> str:
    """What ``gongwen rule CODE`` prints, as a <details> element."""
    level = SEVERITY_NAMES.get(r.severity, r.severity) + ("；可自动修正（--fix）" if r.fixable else "")
    note = "（对一份正确的单页 .docx 所做的改动）" if r.example_format == "docx" else ""
    return (f'<details class="gw-rule" id="rule-{_attr(r.code)}"><summary><code>{esc(r.code)}</code> '
            f'{esc(FAMILY_TITLES.get(r.family, r.family))}</summary><dl>'
            f'<dt>级别</dt><dd>{esc(level)}</dd><dt>依据</dt><dd>{esc(r.source_text)}</dd>'
            f'<dt>适用</dt><dd>{esc("、".join(r.formats))}</dd>'
            f'<dt>问题</dt><dd>{esc(r.message)}</dd><dt>原因</dt><dd>{esc(r.why or "（未说明）")}</dd>'
            f'{_examples("错误示例" + note, r.bad)}{_examples("正确示例" + note, r.good)}</dl></details>')


def _rules_html(codes: Sequence[str]) -> str:
    parts = []
    for code in codes:
        r = get_rule(code)
        if r is not None:
            parts.append(rule_html(r))
        else:
            parts.append(f'<details class="gw-rule" id="rule-{_attr(code)}"><summary><code>{esc(code)}</code>'
                         f'</summary><p>没有这条规则的说明。</p></details>')
    if not parts:
        return ""
    return (f'<section class="gw-rules" id="rules"><h2>规则说明</h2><p>本报告中出现的规则，'
            f'与 gongwen rule 代码 的输出相同。</p>{"".join(parts)}</section>')


# --- the page ---------------------------------------------------------------------------------

def render_fragment(reports: Sequence[Tuple[Source, Sequence[Finding]]], title: str = "公文检查报告") -> str:
    """The report as one ``<div class="gw-report">``: headline, one section per file, the rules
    that fired, and the (empty) dialog the script shows a rule in."""
    reports = list(reports)
    every = [f for _, fs in reports for f in fs]
    nav = "".join(f'<li><a href="#file-{i}">{esc(s.path)}</a>（{_counts(fs)}）</li>'
                  for i, (s, fs) in enumerate(reports, 1))
    codes = sorted({f.code for _, fs in reports for f in list(fs)[:MAX_SHOWN]})
    return (f'<div class="gw-report"><header class="gw-head"><h1>{esc(title)}</h1>'
            f'<p>检查了 {len(reports)} 个文件：{_counts(every)}。</p>'
            + (f'<ol class="gw-nav">{nav}</ol>' if len(reports) > 1 else "")
            + "</header>"
            + "".join(_file_html(s, fs, i) for i, (s, fs) in enumerate(reports, 1))
            + _rules_html(codes)
            + '<dialog class="gw-dialog" id="gw-dialog">'
              '<button type="button" class="gw-close">关闭</button><div class="gw-dialog-body"></div></dialog></div>')


def render_page(reports: Sequence[Tuple[Source, Sequence[Finding]]], title: str = "公文检查报告",
                generator: Optional[str] = None) -> str:
    """A whole HTML5 page, self-contained (see the module's docstring)."""
    return ("<!DOCTYPE html>\n"
            f'<html lang="zh-CN"><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<meta name="generator" content="{_attr(generator or "gongwen " + __version__)}">'
            f"<title>{esc(title)}</title><style>{STYLE}</style></head>\n<body>"
            + render_fragment(reports, title)
            + f"<script>{SCRIPT}</script></body></html>\n")

