"""Lint settings: which rules run and how, from the ``lint:`` part of an office's settings
(``[gongwen.lint]`` in setup.cfg) and from the command line.

Read through :mod:`gongwen.settings` (the one lookup); every value is checked
(:mod:`gongwen.settingvalues`), and a wrong one is a problem reported by lint,
never a reason to stop.
"""

from __future__ import annotations

import re

from gongwen import settingvalues
from gongwen.spec.record import dataclass, field, replace

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Dict, List, Optional, Sequence

SEVERITIES = ("error", "warning")
LINT_KEYS = ("select", "ignore", "extend-ignore", "severity", "year", "level3", "strict")


@dataclass
class LintSettings:
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
    org: str = ""  # from the office profile: the value of {{ org }} in YAML content, as build uses it
    strict: bool = False
    origin: str = ""  # the file the settings came from
    problems: List[str] = field(default_factory=list)  # messages about the settings themselves
    explicit_level3: bool = False  # set in the lint settings (else the office profile decides)

    def rule_enabled(self, code: str) -> bool:
        return is_selected(code, self.select, self.ignore)

    def severity_of(self, r) -> str:
        """The severity of rule ``r`` here (a registry Rule: ``code``, ``severity``, ``is_practice``)."""
        if not r.is_practice:
            return r.severity
        best = None
        for prefix, sev in self.severity.items():
            if r.code.startswith(prefix) and (best is None or len(prefix) > len(best[0])):
                best = (prefix, sev)
        return best[1] if best else r.severity


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
        if settingvalues.code_problem(k):
            problems.append(f"{origin}: severity 中{settingvalues.code_problem(k)}")
            continue
        if v not in SEVERITIES:
            problems.append(f"{origin}: {k} 的级别 {v!r} 无效，应为 error 或 warning")
            continue
        out[k] = v
    return out


def _checked_codes(value, problems: List[str], origin: str) -> List[str]:
    """The rule codes in ``value`` (:func:`split_codes`); one that is not a code is reported and dropped."""
    codes = []
    for code in split_codes(value):
        problem = settingvalues.code_problem(code)
        if problem:
            problems.append(f"{origin}: {problem}")
        else:
            codes.append(code)
    return codes


def lint_settings_from(data: dict, origin: str) -> LintSettings:
    cfg = LintSettings(origin=origin)
    for key in data:
        if str(key).replace("_", "-") not in LINT_KEYS:
            cfg.problems.append(f"{origin}: 未知的设置项 {key!r}（可用：{'、'.join(LINT_KEYS)}）")
    get = lambda k: data.get(k, data.get(k.replace("-", "_")))  # noqa: E731
    if get("select") is not None:
        cfg.select = _checked_codes(get("select"), cfg.problems, origin)
    cfg.ignore = _checked_codes(get("ignore"), cfg.problems, origin) + _checked_codes(
        get("extend-ignore"), cfg.problems, origin)
    cfg.severity = _parse_severity(get("severity"), cfg.problems, origin)
    year = get("year")
    if year not in (None, ""):
        problem = settingvalues.year_problem(year)
        if problem:
            cfg.problems.append(f"{origin}: {problem}")
        else:
            cfg.year = int(str(year).strip())
    level3 = get("level3")
    if level3 not in (None, ""):
        level3 = str(level3).strip()
        if level3 not in (".", "．", "1.", "1．"):
            cfg.problems.append(f"{origin}: level3 应为 \"1.\" 或 \"1．\"")
        else:
            cfg.level3 = level3[-1]
            cfg.explicit_level3 = True
    strict = get("strict")
    if strict not in (None, ""):
        cfg.strict = str(strict).strip().lower() in ("1", "true", "yes", "on")
    return cfg



@dataclass
class LintOverrides:
    """What the command line says on top of the settings file (``--select`` and the like)."""

    select: Optional[List[str]] = None
    ignore: List[str] = field(default_factory=list)
    severity: Dict[str, str] = field(default_factory=dict)
    year: Optional[int] = None
    strict: bool = False

    def apply(self, base: LintSettings) -> LintSettings:
        out = replace(base, select=list(self.select) if self.select else list(base.select),
                                  ignore=list(base.ignore) + list(self.ignore),
                                  severity={**base.severity, **self.severity}, problems=list(base.problems))
        if self.year is not None:
            out.year = self.year
        if self.strict:
            out.strict = True
        return out


def split_codes(value) -> List[str]:
    """Rule codes or prefixes from a list or a comma/space separated string, upper-cased."""
    if value is None:
        return []
    if isinstance(value, str):
        value = re.split(r"[,，\s]+", value)
    return [str(v).strip().upper() for v in value if v is not None and str(v).strip()]


def is_selected(code: str, select: Sequence[str], ignore: Sequence[str]) -> bool:
    """Longest matching prefix wins; on a tie, ignore wins (``--ignore GW4 --select GW401``
    keeps GW401)."""
    best_select = max((len(p) for p in select if code.startswith(p)), default=-1)
    best_ignore = max((len(p) for p in ignore if code.startswith(p)), default=-1)
    return best_select > best_ignore
