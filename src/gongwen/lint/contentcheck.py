"""What ``gongwen build`` would refuse in YAML content, as findings: the loader's own checks.

``gongwen build`` loads content (:mod:`gongwen.content.loader`), then fills
in ``{{ variables }}`` (:mod:`gongwen.content.variables`) with the office's
``org`` as a default; every fault is a :class:`~gongwen.errors.ContentError`
with a place and a lint code (:mod:`gongwen.content.faults`).  Here the same
two steps run on the linted text, once per source, and each error becomes a
finding under its code at the line and column build names — so ``gongwen lint``
reports exactly what build refuses, with no second copy of the checks.

Rules whose own check already finds a fault (GW701 typed markers, GW702 typed
series openers, GW708 empty entries, GW210 title punctuation — they may also
offer a fix) add only the loader's errors they did not find themselves
(:func:`complete`): one fault, one finding.
"""

from __future__ import annotations

from gongwen.errors import ContentError, ContentErrors
from gongwen.lint.findings import Finding
from gongwen.spec import lazyre

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Iterable, Iterator, List

_ITEM_PART = lazyre.compile(r"(\.items\[\d+\])\.(?:lead|text)$")


def build_errors(ctx) -> List[ContentError]:
    """The errors ``gongwen build`` reports for this YAML content (none for other formats)."""
    return ctx.shared("content.build_errors", _build_errors)


def _build_errors(ctx) -> List[ContentError]:
    if ctx.format != "yaml" or ctx.text is None:
        return []  # (linting text never imports YAML)
    from gongwen.content import loader, variables
    from gongwen.draft.yamlsource import is_content

    if not is_content(ctx.source):
        return []
    try:
        # the node tree the source was read into is the one the loader would compose from its text
        doc = loader.validate(ctx.yaml, ctx.path) if ctx.yaml is not None else loader.loads(ctx.text, ctx.path)
        org = ctx.settings.org
        variables.substitute(doc, defaults={"org": org} if org else None, text=ctx.text)
    except ContentErrors as exc:
        return list(exc.errors)
    return []


def findings(ctx, code: str) -> Iterator[Finding]:
    """A finding for each build error with lint code ``code``, at build's line and column."""
    for error in build_errors(ctx):
        if error.code == code:
            yield as_finding(ctx, error)


def complete(ctx, code: str, own: Iterable[Finding]) -> Iterator[Finding]:
    """``own`` (a rule's findings), then the build errors of ``code`` that ``own`` did not find.

    A build error is found when a finding of ``own`` is on the same YAML key
    (an item's ``lead`` or ``text`` counts as the item) or at the same place.
    """
    own = list(own)
    yield from own
    keys = {_item_key(f.para.key) for f in own if f.para is not None and f.para.key}
    places = {(f.line, f.column) for f in own if f.para is None}
    for error in build_errors(ctx):
        if error.code != code:
            continue
        place = error.place
        if _item_key(place.key) in keys or (place.line, place.column) in places:
            continue
        yield as_finding(ctx, error)


def as_finding(ctx, error: ContentError) -> Finding:
    """The finding for one build error: its code, place and message (``key：message``, as build)."""
    place = error.place
    message = f"{place.named}：{error.message}" if place.named else error.message
    return Finding(path=ctx.path, line=place.line or 1, column=place.column or 1, code=error.code,
                   message=message)


def _item_key(key: str) -> str:
    return _ITEM_PART.sub(r"\1", key or "")
