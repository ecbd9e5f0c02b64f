"""One cause, one finding: which rule speaks when several read the same typed text.

Some faults are seen by more than one rule.  A ``五是`` typed into an ``items`` entry of YAML
content is a typed series opener (GW702: gongwen generates the openers), and the series rules,
reading the same text, would also call it a series of one item (GW301) starting at 五 (GW302);
``一是，`` typed there would add GW305 for its comma.  ``三、 保障措施`` is a space after a
heading marker (GW110), which the stray-space rule (GW413) would report again.  The writer has
made one mistake and should read one finding, with the fix that removes the cause.

:data:`OUTRANKS` names, for a rule that owns such a cause, the rules that stand down when they
report inside its span (the owner's fix span, or its position when it has no fix) in the same
paragraph.  Rules of different causes at one place (a marker of the wrong form that also skips
a level) both speak.
"""

from __future__ import annotations

from gongwen.lint.findings import Finding

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Dict, FrozenSet, List

#: Owner → the rules that stand down for a finding inside the owner's span (a code, or a family's
#: prefix: ``GW1`` the marker rules, ``GW2`` the outline rules).
OUTRANKS: Dict[str, FrozenSet[str]] = {
    # a typed 一是/第一， in YAML items: the series rules read the marker gongwen will generate anyway
    "GW702": frozenset({"GW301", "GW302", "GW303", "GW304", "GW305", "GW306"}),
    # a typed heading marker in YAML: the marker and outline rules read a marker gongwen generates
    "GW701": frozenset({"GW1", "GW2", "GW413"}),
    # the space after a heading marker is the marker rule's
    "GW110": frozenset({"GW413"}),
}


def outranks(owner: str, code: str) -> bool:
    """Does a finding of ``owner`` make one of ``code`` in its span stand down?"""
    ranked = OUTRANKS.get(owner, ())
    return code in ranked or code[:3] in ranked


def _span(f: Finding):
    if f.fix is not None:
        return f.fix.start, max(f.fix.end, f.fix.start + 1)
    return f.offset, f.offset + 1


def one_cause(findings: List[Finding]) -> List[Finding]:
    """``findings`` without those an owner's finding in the same paragraph already covers."""
    owners = [f for f in findings if f.code in OUTRANKS and f.para is not None]
    if not owners:
        return findings
    by_para: Dict[int, List[Finding]] = {}
    for f in owners:
        by_para.setdefault(id(f.para), []).append(f)
    kept = []
    for f in findings:
        if f.para is not None and id(f.para) in by_para:
            covered = False
            for owner in by_para[id(f.para)]:
                a, b = _span(owner)
                if owner is not f and outranks(owner.code, f.code) and a <= f.offset < b:
                    covered = True
                    break
            if covered:
                continue
        kept.append(f)
    return kept
