"""What rules produce: a :class:`Finding` at a place, maybe with a safe :class:`Fix`."""

from __future__ import annotations

from gongwen.draft.source import Para
from gongwen.spec.record import dataclass, field

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Optional


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
