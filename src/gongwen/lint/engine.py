"""The lint engine: paragraphs in, findings out.

Everything a rule needs is here: :class:`Para` and :class:`Source` (what the
readers produce), :class:`Finding` and :class:`Fix` (what rules produce), the
:func:`rule` decorator and registry, selection (``--select``/``--ignore`` by
code or prefix), inline suppression, severity overrides and house settings
(``setup.cfg [gongwen.lint]`` or ``gongwen.yaml`` ``lint:``).

Pure Python: importing this module (and linting a ``.txt``) never loads
python-docx or lxml.  Rule modules are imported lazily by :func:`all_rules`.
"""

from __future__ import annotations

import importlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, Iterable, List, Optional, Sequence, Tuple

SEVERITIES = ("error", "warning")
FAMILIES = ("marker", "structure", "series", "punctuation", "number", "leftover", "content", "layout")
#: Rule modules of the text families (GW1xx–GW7xx), imported on first use.
TEXT_RULE_MODULES = (
    "gongwen.lint.rules.marker",
    "gongwen.lint.rules.structure",
    "gongwen.lint.rules.series",
    "gongwen.lint.rules.punctuation",
    "gongwen.lint.rules.number",
    "gongwen.lint.rules.leftover",
    "gongwen.lint.rules.content",
    "gongwen.lint.rules.cycle",  # GW9xx, the annual cycle (issue 4)
)
#: Layout rules (GW8xx) need the .docx itself; imported only when a .docx is linted
#: or the whole catalogue is listed.
LAYOUT_RULE_MODULES = ("gongwen.lint.rules.layout",)
PRACTICE = "practice"


from gongwen.draft.source import Para, Source, source_from_text  # noqa: E402

# --- what rules produce ------------------------------------------------------


@dataclass
class Fix:
    """Replace ``para.text[start:end]`` with ``new``.

    ``para`` is the index of the paragraph in ``source.paras`` (set by the
    engine).  A fix is only offered when it is safe: applying it can only
    make the text more correct, never change its meaning.
    """

    start: int
    end: int
    new: str
    para: int = -1

    def apply(self, text: str) -> str:
        return text[: self.start] + self.new + text[self.end:]


@dataclass
class Finding:
    """One fault at one place.

    Rules usually build findings with :func:`hit` and leave ``code``,
    ``severity``, ``family``, ``path``, ``line`` and ``column`` for the engine
    to fill in; a rule that knows better (layout rules) may set them itself.
    """

    path: str = ""
    line: int = 0
    column: int = 0
    code: str = ""
    severity: str = ""
    family: str = ""
    message: str = ""
    fix: Optional[Fix] = None
    para: Optional[Para] = field(default=None, repr=False, compare=False)
    offset: int = 0  # index into para.text where the fault starts
    name: str = ""  # the rule's kebab-case name

    def to_dict(self) -> dict:
        out = {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "code": self.code,
            "severity": self.severity,
            "family": self.family,
            "message": self.message,
            "fix": None,
        }
        if self.fix is not None and self.para is not None:
            line, column = self.para.position(self.fix.start)
            end_line, end_column = self.para.position(self.fix.end)
            out["fix"] = {
                "line": line,
                "column": column,
                "end_line": end_line,
                "end_column": end_column,
                "old": self.para.text[self.fix.start:self.fix.end],
                "new": self.fix.new,
            }
        return out


def hit(para: Para, start: int = 0, message: str = "", fix: Optional[Fix] = None) -> Finding:
    """A finding at ``para.text[start]``; the engine fills in the rest."""
    return Finding(message=message, fix=fix, para=para, offset=start)


def replace(para: Para, start: int, end: int, new: str, message: str = "") -> Finding:
    """A finding at ``start`` whose fix replaces ``para.text[start:end]`` by ``new``."""
    return Finding(message=message, fix=Fix(start, end, new), para=para, offset=start)


# --- rules and the registry --------------------------------------------------


@dataclass
class Rule:
    """A rule is data plus a small check function (see :func:`rule`)."""

    code: str
    name: str
    family: str
    severity: str
    message: str
    source: str
    bad: Sequence[str]
    good: Sequence[str]
    check: Callable[[Source], Iterable[Finding]]
    formats: Tuple[str, ...] = ("txt", "md", "docx", "yaml")
    example_format: str = "txt"  # how bad/good examples are read: 'txt', 'md', 'yaml' or 'docx'
    fixable: bool = False
    why: str = ""
    example_config: Dict[str, object] = field(default_factory=dict)  # house settings the examples assume

    @property
    def is_practice(self) -> bool:
        return self.source == PRACTICE

    @property
    def source_text(self) -> str:
        return "办公实践（单位可按习惯关闭或调整级别）" if self.is_practice else self.source


_REGISTRY: Dict[str, Rule] = {}
_loaded_text = False
_loaded_layout = False

_CODE_RE = re.compile(r"^GW[1-9][0-9]{2}$")
_NAME_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def rule(code: str, name: str, *, family: str, severity: str, message: str, source: str,
         bad: Sequence[str], good: Sequence[str], formats: Sequence[str] = ("txt", "md", "docx", "yaml"),
         example_format: str = "txt", fixable: bool = False, why: str = "", example_config=None):
    """Register a check function as rule ``code``.

    ``message`` is the Chinese default message (what is wrong and what is
    right); a finding may carry a more specific one.  ``bad`` and ``good`` are
    example documents (a paragraph per line); tests run every one of them.
    """
    if not _CODE_RE.match(code):
        raise ValueError(f"bad rule code {code!r}")
    if not _NAME_RE.match(name):
        raise ValueError(f"bad rule name {name!r}")
    if family not in FAMILIES or severity not in SEVERITIES:
        raise ValueError(f"{code}: bad family or severity")

    def register(check):
        if code in _REGISTRY and _REGISTRY[code].check.__qualname__ != check.__qualname__:
            raise ValueError(f"rule code {code} registered twice")
        _REGISTRY[code] = Rule(code, name, family, severity, message, source, tuple(bad), tuple(good),
                               check, tuple(formats), example_format, fixable, why,
                               dict(example_config or {}))
        return check

    return register


def _import_all(modules) -> None:
    for module in modules:
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:  # a real import error inside the module
                raise


def all_rules(layout: bool = True) -> List[Rule]:
    """Every registered rule, by code.  ``layout=False`` skips the .docx layout rules
    (so linting text never imports their dependencies)."""
    global _loaded_text, _loaded_layout
    if not _loaded_text:
        _import_all(TEXT_RULE_MODULES)
        _loaded_text = True
    if layout and not _loaded_layout:
        _import_all(LAYOUT_RULE_MODULES)
        _loaded_layout = True
    return [_REGISTRY[c] for c in sorted(_REGISTRY) if layout or not _is_layout(_REGISTRY[c])]


def _is_layout(r: Rule) -> bool:
    return r.family == "layout" or r.code.startswith("GW8")


def get_rule(code: str) -> Optional[Rule]:
    code = code.strip().upper()
    for r in all_rules(layout=code.startswith("GW8")):
        if r.code == code:
            return r
    return None


# --- selection ---------------------------------------------------------------


def _split_codes(value) -> List[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = re.split(r"[,\s]+", value)
    return [v.strip().upper() for v in value if v and str(v).strip()]


def is_selected(code: str, select: Sequence[str], ignore: Sequence[str]) -> bool:
    """Longest matching prefix wins; on a tie, ignore wins (``--ignore GW4 --select GW401``
    keeps GW401)."""
    best_select = max((len(p) for p in select if code.startswith(p)), default=-1)
    best_ignore = max((len(p) for p in ignore if code.startswith(p)), default=-1)
    return best_select > best_ignore


# --- settings ----------------------------------------------------------------


@dataclass
class LintConfig:
    """House settings: which rules run, at what severity, and a few facts.

    ``severity`` maps a code (or prefix) to 'error' or 'warning' and applies to
    practice rules only: a standard's requirement stays an error.
    ``year`` is the office's current year (for stale-year checks); ``level3``
    the level-3 marker a house uses (``.`` by default, or ``．``).
    """

    select: List[str] = field(default_factory=lambda: ["GW"])
    ignore: List[str] = field(default_factory=list)
    severity: Dict[str, str] = field(default_factory=dict)
    year: Optional[int] = None
    level3: str = "."
    page_numbers: str = "outer"  # from the office profile: outer (GB/T 9704) | center
    strict: bool = False
    origin: str = ""  # the file the settings came from
    problems: List[str] = field(default_factory=list)  # messages about the settings themselves
    explicit_level3: bool = False  # set in the lint settings (else the office profile decides)

    def rule_enabled(self, code: str) -> bool:
        return is_selected(code, self.select, self.ignore)

    def severity_of(self, r: Rule) -> str:
        if not r.is_practice:
            return r.severity
        best = None
        for prefix, sev in self.severity.items():
            if r.code.startswith(prefix) and (best is None or len(prefix) > len(best[0])):
                best = (prefix, sev)
        return best[1] if best else r.severity


CONFIG_KEYS = ("select", "ignore", "extend-ignore", "severity", "year", "level3", "strict")


def _parse_severity(value, problems: List[str], origin: str) -> Dict[str, str]:
    out: Dict[str, str] = {}
    if isinstance(value, dict):
        items = list(value.items())
    else:
        items = []
        for part in re.split(r"[,\n]+", str(value or "")):
            part = part.strip()
            if not part:
                continue
            if "=" in part or ":" in part:
                k, v = re.split(r"[=:]", part, maxsplit=1)
                items.append((k, v))
            else:
                problems.append(f"{origin}: severity 项 {part!r} 应写作 代码=error 或 代码=warning")
    for k, v in items:
        k, v = str(k).strip().upper(), str(v).strip().lower()
        if v not in SEVERITIES:
            problems.append(f"{origin}: {k} 的级别 {v!r} 无效，应为 error 或 warning")
            continue
        out[k] = v
    return out


def config_from_mapping(data: dict, origin: str) -> LintConfig:
    cfg = LintConfig(origin=origin)
    for key in data:
        if str(key).replace("_", "-") not in CONFIG_KEYS:
            cfg.problems.append(f"{origin}: 未知的设置项 {key!r}（可用：{'、'.join(CONFIG_KEYS)}）")
    get = lambda k: data.get(k, data.get(k.replace("-", "_")))  # noqa: E731
    if get("select") is not None:
        cfg.select = _split_codes(get("select"))
    cfg.ignore = _split_codes(get("ignore")) + _split_codes(get("extend-ignore"))
    cfg.severity = _parse_severity(get("severity"), cfg.problems, origin)
    year = get("year")
    if year not in (None, ""):
        try:
            cfg.year = int(str(year).strip())
        except ValueError:
            cfg.problems.append(f"{origin}: year 应为年份数字，如 2024")
    level3 = get("level3")
    if level3 not in (None, ""):
        level3 = str(level3).strip()
        if level3 not in (".", "．"):
            cfg.problems.append(f"{origin}: level3 应为 . 或 ．")
        else:
            cfg.level3 = level3
            cfg.explicit_level3 = True
    strict = get("strict")
    if strict not in (None, ""):
        cfg.strict = str(strict).strip().lower() in ("1", "true", "yes", "on")
    return cfg


def find_config(start: Optional[str] = None) -> LintConfig:
    """Settings from ``gongwen.yaml`` (``lint:``) or ``setup.cfg`` (``[gongwen.lint]``) in
    ``start`` (default: the current directory) or the nearest parent that has one, plus
    the house style of the office profile (``level3``, ``page_numbers``; see profile.py),
    which build reads too, so that what gongwen builds for an office lints clean."""
    here = os.path.abspath(start or os.getcwd())
    cfg = None
    while cfg is None:
        cfg = _config_in(here)
        parent = os.path.dirname(here)
        if parent == here:
            break
        here = parent
    cfg = cfg or LintConfig()
    _apply_profile(cfg, os.path.abspath(start or os.getcwd()))
    return cfg


def _apply_profile(cfg: LintConfig, start: str) -> None:
    from gongwen import settings as profile
    from gongwen.errors import GongwenError

    try:
        house = profile.load(Path(start))
    except GongwenError as exc:
        cfg.problems.append(str(exc))
        return
    if not cfg.explicit_level3:
        cfg.level3 = house.level3
    cfg.page_numbers = house.page_numbers


def _config_in(folder: str) -> Optional[LintConfig]:
    yaml_path = os.path.join(folder, "gongwen.yaml")
    if os.path.isfile(yaml_path):
        import yaml

        try:
            with open(yaml_path, encoding="utf-8-sig") as fh:
                data = yaml.safe_load(fh) or {}
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
            cfg = LintConfig(origin=yaml_path)
            cfg.problems.append(f"{yaml_path}: 无法读取设置（{exc.__class__.__name__}），使用默认设置")
            return cfg
        if isinstance(data, dict) and isinstance(data.get("lint"), dict):
            return config_from_mapping(data["lint"], yaml_path)
    cfg_path = os.path.join(folder, "setup.cfg")
    if os.path.isfile(cfg_path):
        import configparser

        parser = configparser.ConfigParser()
        try:
            with open(cfg_path, encoding="utf-8-sig") as fh:
                parser.read_file(fh)
        except (OSError, UnicodeDecodeError, configparser.Error):
            return None
        if parser.has_section("gongwen.lint"):
            return config_from_mapping(dict(parser.items("gongwen.lint")), cfg_path)
    return None


# --- inline suppression ------------------------------------------------------

#: ``gongwen: disable=GW201,GW4`` / ``gongwen: enable=…`` / ``gongwen: disable`` (all rules),
#: inside ``<!-- … -->`` (Markdown, text) or after ``#`` (YAML, text).
#: The codes are words separated by blanks, so no two runs of blanks can trade characters
#: (``\s*…[\s]*?\s*`` backtracked cubically on a long run of spaces); ``codes`` is None for
#: ``disable=`` with nothing after it.
SUPPRESS_RE = re.compile(
    r"(?:<!--\s*|#\s*)gongwen:\s*(?P<verb>disable|enable)"
    r"(?:\s*=(?:\s*(?P<codes>[A-Za-z0-9,]+(?:\s+[A-Za-z0-9,]+)*))?)?\s*(?:-->|$)"
)


@dataclass
class Suppressions:
    """Which codes are switched off on which lines.

    A directive sharing its line with text applies to that line only; a
    directive alone on its line applies from there on, until ``enable``.
    """

    line_only: Dict[int, List[str]] = field(default_factory=dict)
    ranges: List[Tuple[int, int, List[str]]] = field(default_factory=list)  # (from, to, prefixes)

    def suppressed(self, line: int, code: str) -> bool:
        def match(prefixes):
            return not prefixes or any(code.startswith(p) for p in prefixes)

        if line in self.line_only and match(self.line_only[line]):
            return True
        return any(a <= line <= b and match(p) for a, b, p in self.ranges)


def parse_suppressions(lines: Sequence[str], comment_only: Callable[[str, re.Match], bool] = None) -> Suppressions:
    """Read suppression directives from the raw lines of a file (1-based)."""
    sup = Suppressions()
    open_: Dict[Tuple[str, ...], int] = {}
    for number, text in enumerate(lines, 1):
        if "gongwen:" not in text:
            continue
        for m in SUPPRESS_RE.finditer(text):
            codes = tuple(_split_codes(m.group("codes")))
            alone = not text[: m.start()].strip() and not text[m.end():].strip()
            if not alone:
                if m.group("verb") == "disable":
                    sup.line_only.setdefault(number, []).extend(codes)
                    if not codes:
                        sup.line_only[number] = []
                continue
            if m.group("verb") == "disable":
                open_.setdefault(codes, number)
            else:
                for key in list(open_):
                    if not codes or key == codes or set(key) <= set(codes):
                        sup.ranges.append((open_.pop(key), number, list(key)))
    for key, start in open_.items():
        sup.ranges.append((start, 10**9, list(key)))
    return sup


def source_suppressions(source: Source) -> Suppressions:
    if source.format == "docx":
        return Suppressions()
    if source.text is not None:
        lines = source.text.replace("\r\n", "\n").split("\n")
    else:
        lines = []
        for p in source.paras:
            while len(lines) < p.line:
                lines.append("")
            lines[p.line - 1] = p.text
    return parse_suppressions(lines)


# --- running -----------------------------------------------------------------


def rules_for(source: Source, config: Optional[LintConfig] = None) -> List[Rule]:
    config = config or LintConfig()
    return [r for r in all_rules(layout=source.format == "docx")
            if source.format in r.formats and config.rule_enabled(r.code)]


def finish(f: Finding, r: Rule, source: Source, index: Dict[int, int], config: LintConfig) -> Finding:
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


def lint_source(source: Source, config: Optional[LintConfig] = None,
                rules: Optional[Sequence[Rule]] = None) -> List[Finding]:
    """All findings for one source, selected, suppressed and sorted."""
    config = config or LintConfig()
    rules = rules_for(source, config) if rules is None else rules
    source.__dict__["_gw_config"] = config
    index = {id(p): i for i, p in enumerate(source.paras)}
    sup = source_suppressions(source)
    out: List[Finding] = []
    seen = set()
    for r in rules:
        for f in r.check(source) or ():
            f = finish(f, r, source, index, config)
            if not config.rule_enabled(f.code) or sup.suppressed(f.line, f.code):
                continue
            key = (f.line, f.column, f.code, f.message)
            if key in seen:
                continue
            seen.add(key)
            out.append(f)
    out.sort(key=lambda f: (f.line, f.column, f.code))
    return out


def config_of(source: Source) -> LintConfig:
    """The settings a source is being linted with (for rules that depend on house style)."""
    return source.__dict__.get("_gw_config") or LintConfig()



def lint_text(text: str, fmt: str = "txt", config: Optional[LintConfig] = None,
              select: Optional[Sequence[str]] = None, path: str = "<text>") -> List[Finding]:
    """Lint a string (a paragraph per line); ``fmt='yaml'`` reads it as YAML content."""
    if fmt == "yaml":
        from gongwen.draft.yamlsource import yaml_source

        source = yaml_source(text, path)
    else:
        source = source_from_text(text, path, fmt)
    config = config or LintConfig()
    if select is not None:
        config = LintConfig(select=list(select), ignore=[], severity=config.severity, year=config.year,
                            level3=config.level3)
    return lint_source(source, config)


# --- files -------------------------------------------------------------------

LINTABLE = (".docx", ".txt", ".md", ".markdown", ".yaml", ".yml")
_SKIP_NAMES = ("gongwen.yaml", ".pre-commit-hooks.yaml", ".pre-commit-config.yaml")


def expand_paths(paths: Sequence[str]) -> List[Tuple[str, bool]]:
    """Files to lint, in order: ``(path, explicit)``; folders are searched recursively for
    .docx/.txt/.md/.yaml files (hidden ones, Word lock files and ``*.fixed.docx`` skipped)."""
    out: List[Tuple[str, bool]] = []
    for path in paths:
        if path != "-" and os.path.isdir(path):
            found = []
            for folder, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in ("__pycache__", "node_modules"))
                for name in sorted(files):
                    low = name.lower()
                    if (name.startswith((".", "~$")) or low.endswith(".fixed.docx") or name in _SKIP_NAMES
                            or not low.endswith(LINTABLE)):
                        continue
                    found.append((os.path.join(folder, name), False))
            out.extend(found)
        else:
            out.append((path, True))
    return out


def format_of(path: str) -> str:
    low = path.lower()
    if low.endswith((".yaml", ".yml")):
        return "yaml"
    if low.endswith((".md", ".markdown")):
        return "md"
    if low.endswith((".docx", ".docm", ".dotx", ".dotm")):
        return "docx"
    return "txt"


def load_source(path: str) -> Source:
    """Read one file for linting.  Text and .docx go through :func:`gongwen.draft.read.read_source`;
    YAML content is parsed here with positions.  Raises a ``GongwenError`` that names the file."""
    from gongwen.draft.read import read_source

    return read_source(path)


def lint_paths(paths: Sequence[str], config: Optional[LintConfig] = None):
    """Lint files and folders: ``(findings, problems)`` where problems are the ``GongwenError``
    of files that could not be read.  The library entry point behind ``gongwen lint``."""
    from gongwen.errors import GongwenError

    config = config or LintConfig()
    findings: List[Finding] = []
    problems = []
    for path, explicit in expand_paths(paths):
        try:
            source = load_source(path)
        except GongwenError as exc:
            problems.append(exc)
            continue
        if source.format == "yaml":
            from gongwen.draft.yamlsource import is_content

            if not is_content(source):
                continue
        findings.extend(lint_source(source, config))
    return findings, problems
