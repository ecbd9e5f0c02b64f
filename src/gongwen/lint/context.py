"""What a rule receives: the source, the settings it is linted with, and shared analyses.

Rules never reach for hidden state: everything they may read is here.
Analyses that several rules share (masked text, the outline, paragraph roles,
the .docx layout) are computed once per source on first use and kept in the
context, so a source read once can be linted many times with other settings.
"""

from __future__ import annotations

from gongwen.draft.source import Para, Source
from gongwen.settings import LintSettings

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Dict, List, Optional


class Context:
    """One source being linted.  ``paras``, ``format``, ``path``, ``text``, ``docx`` and ``yaml``
    are the source's own fields, repeated here because every rule reads them."""

    __slots__ = ("source", "settings", "_shared", "only")

    def __init__(self, source: Source, settings: Optional[LintSettings] = None):
        self.source = source
        self.settings = settings or LintSettings()
        self._shared: Dict[str, Any] = {}
        #: The paragraphs (indices) the running rule can fire in, or None for all: set by the
        #: engine from the rule's ``triggers`` and honoured by :func:`gongwen.lint.textview.items`.
        self.only: Optional[List[int]] = None

    @property
    def paras(self) -> List[Para]:
        return self.source.paras

    @property
    def format(self) -> str:
        return self.source.format

    @property
    def path(self) -> str:
        return self.source.path

    @property
    def text(self) -> Optional[str]:
        return self.source.text

    @property
    def docx(self):
        return self.source.docx

    @property
    def yaml(self):
        return self.source.yaml

    def shared(self, name: str, compute: Callable[["Context"], Any]) -> Any:
        """The analysis ``name`` of this source, computed by ``compute(ctx)`` on first use."""
        if name not in self._shared:
            only, self.only = self.only, None  # a shared analysis always reads every paragraph
            try:
                self._shared[name] = compute(self)
            finally:
                self.only = only
        return self._shared[name]
