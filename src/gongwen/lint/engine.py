"""The lint engine: a source in, findings out — selected, suppressed, deduplicated (one cause, one
finding: :mod:`gongwen.lint.precedence`), sorted.

    source ─rules_for(settings)→ rules ─check(Context)→ findings ─finish→ place, severity, safe fix

Pure Python: linting a ``.txt`` never loads python-docx or lxml (the layout
family is imported only for a .docx).
"""

from __future__ import annotations

from gongwen.draft.source import Source, source_from_text
from gongwen.lint.context import Context
from gongwen.lint.findings import Finding
from gongwen.lint.precedence import one_cause
from gongwen.lint.registry import Rule, all_rules, text_rules
from gongwen.lint.suppress import source_suppressions
from gongwen.settings import LintSettings

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Dict, List, Optional, Sequence


def rules_for(source: Source, config: Optional[LintSettings] = None) -> List[Rule]:
    config = config or LintSettings()
    return [r for r in all_rules(layout=source.format == "docx")
            if source.format in r.formats and config.rule_enabled(r.code)]


def rules_to_run(source: Source, config: LintSettings) -> List[Rule]:
    """:func:`rules_for` less the rules whose triggers occur nowhere in the source's text (the
    prefilter would skip them), without importing their modules."""
    return text_rules(source.format, "\n".join(p.text for p in source.paras), config.rule_enabled)


def finish(f: Finding, r: Rule, source: Source, index: Dict[int, int], config: LintSettings) -> Finding:
    """Fill in what a rule left out, and drop unsafe fixes."""
    f.code = f.code or r.code
    f.name = f.name or r.name
    f.family = f.family or r.family
    f.severity = config.severity_of(r) if not f.severity or f.severity == r.severity else f.severity
    f.message = f.message or r.message
    f.path = f.path or source.path
    if f.para is not None:
        if not f.line:
            f.line, f.column = f.para.position(f.offset)
        if f.fix is not None:
            f.fix.para = index.get(id(f.para), -1)
            if (f.fix.start < f.para.label_len or f.fix.para < 0 or not f.para.exact
                    or not 0 <= f.fix.start <= f.fix.end <= len(f.para.text)):
                f.fix = None
    f.column = f.column or 1
    f.line = f.line or 1
    return f


#: The most findings one rule lists for one file; the rest are counted in one last finding.
MAX_PER_RULE = 500


def run_rules(ctx: Context, rules: Sequence[Rule], prefilter: bool = True):
    """``(rule, finding)`` of every rule, each run only on the paragraphs its triggers allow."""
    from gongwen.lint.prefilter import Prefilter

    narrow = Prefilter(ctx) if prefilter and any(r.triggers for r in rules) else None
    for r in rules:
        only = narrow.paragraphs(r.triggers) if narrow is not None else None
        if only is not None and not only:
            continue  # no paragraph can hold what this rule looks for
        ctx.only = only
        try:
            found = list(r.check(ctx) or ())
        finally:
            ctx.only = None
        for f in found:
            yield r, f


def lint_source(source: Source, config: Optional[LintSettings] = None,
                rules: Optional[Sequence[Rule]] = None, prefilter: bool = True) -> List[Finding]:
    """All findings for one source, selected, suppressed and sorted.  ``prefilter=False`` runs
    every rule on every paragraph (what the triggers must never change)."""
    config = config or LintSettings()
    if rules is None:
        rules = rules_to_run(source, config) if prefilter else rules_for(source, config)
    ctx = Context(source, config)
    index = {id(p): i for i, p in enumerate(source.paras)}
    sup = source_suppressions(source)
    out: List[Finding] = []
    seen = set()
    listed: Dict[str, int] = {}
    unlisted: Dict[str, Finding] = {}
    more: Dict[str, int] = {}
    for r, f in run_rules(ctx, rules, prefilter):
        f = finish(f, r, source, index, config)
        if not config.rule_enabled(f.code) or sup.suppressed(f.line, f.code):
            continue
        if listed.get(f.code, 0) >= MAX_PER_RULE:  # memory stays bounded on any input
            more[f.code] = more.get(f.code, 0) + 1
            unlisted.setdefault(f.code, f)
            continue
        key = (f.line, f.column, f.code, f.message)
        if key in seen:
            continue
        seen.add(key)
        listed[f.code] = listed.get(f.code, 0) + 1
        out.append(f)
    for code, first in unlisted.items():
        first.fix = None
        first.message = (f"此类问题在本文件中还有约 {more[code]} 处（自此处起），未逐一列出："
                         f"每条规则在一个文件中最多列出 {MAX_PER_RULE} 处。")
        out.append(first)
    out = one_cause(out)
    out.sort(key=lambda f: (f.line, f.column, f.code))
    return out


def lint_text(text: str, fmt: str = "txt", config: Optional[LintSettings] = None,
              select: Optional[Sequence[str]] = None, path: str = "<text>") -> List[Finding]:
    """Lint a string (a paragraph per line); ``fmt='yaml'`` reads it as YAML content."""
    if fmt == "yaml":
        from gongwen.draft.yamlsource import yaml_source

        source = yaml_source(text, path)
    else:
        source = source_from_text(text, path, fmt)
    config = config or LintSettings()
    if select is not None:
        config = LintSettings(select=list(select), ignore=[], severity=config.severity, year=config.year,
                              level3=config.level3)
    return lint_source(source, config)
