"""GW4xx punctuation in Chinese text (GB/T 15834-2011): the family's rules, in two modules.

Every rule reads the masked text (see :mod:`gongwen.lint.textview`), so URLs,
e-mail addresses, file names, code and Markdown syntax are never flagged, and
decides by the neighbours of a mark: a half-width comma between two Chinese
characters is a fault, the one in ``1,000`` or ``Hello, world`` is not.
"""

from gongwen.lint.rules.punctuation import brackets, marks, pairs  # noqa: F401  (registers the rules)
