"""The registry: one table of families (code prefix → family → module) and the rules in it.

A rule is data plus a small check function that receives a
:class:`~gongwen.lint.context.Context` (as ruff's rules receive a Checker).
Its family is its code's prefix: ``GW0xx`` kind, ``GW1xx`` marker … ``GW9xx`` cycle, so
``--select GW9`` selects a family.  Rule modules are imported on first use,
the layout family (which reads .docx styles) only when a .docx is linted or
the whole catalogue is listed.  No rule module imports another: what two
families share lives in :mod:`gongwen.lint.textview` or the draft layer.
"""

from __future__ import annotations

from collections import namedtuple

from gongwen.spec.record import dataclass, field

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Callable, Dict, Iterable, List, Optional, Sequence, Tuple

SEVERITIES = ("error", "warning")
PRACTICE = "practice"
#: The source of rules that report what ``gongwen build`` refuses in YAML content: their
#: severity is not a house's choice (a build that fails is not a warning).
CONTENT_FORMAT = "gongwen 内容格式（docs/content-model.md），gongwen build 不接受"
ALL_FORMATS = ("txt", "md", "docx", "yaml")


class Family(namedtuple("Family", "prefix name title module")):
    """A family of rules: code prefix, name, title (shown in docs/rules.md and ``gongwen rule``), module."""

    __slots__ = ()


FAMILY_TABLE = (
    Family("GW0", "kind", "文种与前后照应（GW0xx）", "gongwen.lint.rules.kind"),
    Family("GW1", "marker", "标题序号的写法（GW1xx）", "gongwen.lint.rules.marker"),
    Family("GW2", "structure", "全文的层次与序号（GW2xx）", "gongwen.lint.rules.structure"),
    Family("GW3", "series", "“一是……二是……”序列（GW3xx）", "gongwen.lint.rules.series"),
    Family("GW4", "punctuation", "标点符号（GW4xx）", "gongwen.lint.rules.punctuation"),
    Family("GW5", "number", "数字与日期（GW5xx）", "gongwen.lint.rules.number"),
    Family("GW6", "leftover", "草稿残留（GW6xx）", "gongwen.lint.rules.leftover"),
    Family("GW7", "content", "YAML 内容的结构（GW7xx）", "gongwen.lint.rules.content"),
    Family("GW8", "layout", ".docx 版式（GW8xx）", "gongwen.lint.rules.layout"),
    Family("GW9", "cycle", "沿用旧稿（GW9xx）", "gongwen.lint.rules.cycle"),
)
FAMILIES = tuple(f.name for f in FAMILY_TABLE)
_BY_PREFIX = {f.prefix: f for f in FAMILY_TABLE}
LAYOUT = "layout"


def family_of(code: str) -> Family:
    return _BY_PREFIX[code[:3]]


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
    check: Callable[..., Iterable]
    formats: Tuple[str, ...] = ALL_FORMATS
    example_format: str = "txt"  # how bad/good examples are read: 'txt', 'md', 'yaml' or 'docx'
    fixable: bool = False
    why: str = ""
    example_config: Dict[str, object] = field(default_factory=dict)  # house settings the examples assume
    #: Characters one of which must occur in a paragraph's masked text for the rule to find
    #: anything there (None: the rule reads the whole document).  See :mod:`gongwen.lint.prefilter`.
    triggers: Optional[str] = None

    @property
    def is_practice(self) -> bool:
        return self.source == PRACTICE

    @property
    def source_text(self) -> str:
        return "办公实践（单位可按习惯关闭或调整级别）" if self.is_practice else self.source


_REGISTRY: Dict[str, Rule] = {}
_loaded = set()



def _valid_code(code: str) -> bool:
    """``GW`` and three digits."""
    return len(code) == 5 and code.startswith("GW") and code[2:].isascii() and code[2:].isdigit()


def _valid_name(name: str) -> bool:
    """Lower-case ASCII letters and digits in words joined by ``-``."""
    return all(w and w.isascii() and w.isalnum() and w == w.lower() for w in name.split("-"))


def rule(code: str, name: str, *, severity: str, message: str, source: str, bad: Sequence[str],
         good: Sequence[str], formats: Sequence[str] = ALL_FORMATS, example_format: str = "txt",
         fixable: bool = False, why: str = "", example_config=None, triggers: Optional[str] = None):
    """Register a check function ``check(ctx) -> iterable of Finding`` as rule ``code``.

    ``message`` is the Chinese default message (问题: what is wrong and what is
    right); ``why`` the reason (原因); ``bad`` and ``good`` are example
    documents (示例, a paragraph per line) that tests run, every one of them.
    ``triggers`` are the characters one of which a paragraph must hold for the rule to
    find anything in it: the engine runs the rule only on those paragraphs (and not at
    all when none has one); tests check the findings are the same without that filter.
    """
    if not _valid_code(code) or code[:3] not in _BY_PREFIX:
        raise ValueError(f"bad rule code {code!r}")
    if not _valid_name(name):
        raise ValueError(f"bad rule name {name!r}")
    if severity not in SEVERITIES:
        raise ValueError(f"{code}: bad severity")

    def register(check):
        if code in _REGISTRY and _REGISTRY[code].check.__qualname__ != check.__qualname__:
            raise ValueError(f"rule code {code} registered twice")
        _REGISTRY[code] = Rule(code, name, family_of(code).name, severity, message, source, tuple(bad),
                               tuple(good), check, tuple(formats), example_format, fixable, why,
                               dict(example_config or {}), triggers or None)
        return check

    return register


def _import(module: str) -> None:
    if module not in _loaded:
        __import__(module)  # as importlib.import_module, without importing importlib
        _loaded.add(module)


def _load(layout: bool) -> None:
    from gongwen.lint.ruleindex import MODULES

    for module, _ in MODULES:
        _import(module)
    for fam in FAMILY_TABLE:
        if fam.name != LAYOUT or layout:
            _import(fam.module)


def text_rules(fmt: str, text: str, enabled: Callable[[str], bool]) -> List[Rule]:
    """The rules for a source of format ``fmt`` that can fire in ``text`` (its paragraphs'
    text), importing only their modules (:mod:`gongwen.lint.ruleindex`).  A rule left out
    has a trigger list none of whose characters occurs in ``text``, so the prefilter would
    not run it (:mod:`gongwen.lint.prefilter`): the findings are the same.  For a .docx the
    layout family (not in the index, no triggers) is added whole."""
    from gongwen.lint.ruleindex import MODULES

    codes = []
    if fmt == "docx":
        _import(next(f.module for f in FAMILY_TABLE if f.name == LAYOUT))
        codes = [c for c, r in _REGISTRY.items() if r.family == LAYOUT and fmt in r.formats and enabled(c)]
    for module, rules in MODULES:
        wanted = [code for code, formats, triggers in rules
                  if fmt in formats.split() and enabled(code)
                  and (triggers is None or any(c in text for c in triggers))]
        if wanted:
            _import(module)
            codes.extend(wanted)
    return [_REGISTRY[c] for c in sorted(codes)]


def all_rules(layout: bool = True) -> List[Rule]:
    """Every registered rule, by code.  ``layout=False`` leaves out the .docx layout family
    (so linting text never imports what it needs)."""
    _load(layout)
    return [_REGISTRY[c] for c in sorted(_REGISTRY) if layout or _REGISTRY[c].family != LAYOUT]


def get_rule(code: str) -> Optional[Rule]:
    code = code.strip().upper()
    if code[:3] not in _BY_PREFIX:
        return None
    all_rules(layout=family_of(code).name == LAYOUT)
    return _REGISTRY.get(code)
