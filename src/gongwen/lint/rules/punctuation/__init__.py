"""GW4xx punctuation in Chinese text (GB/T 15834-2011): the family's rules, in two modules.

Every rule reads the masked text (see :mod:`gongwen.lint.textview`), so URLs,
e-mail addresses, file names, code and Markdown syntax are never flagged, and
decides by the neighbours of a mark: a half-width comma between two Chinese
characters is a fault, the one in ``1,000`` or ``Hello, world`` is not.

The submodules register their rules on import; the registry imports them from
:mod:`gongwen.lint.ruleindex` (a text, only those it needs).
"""
