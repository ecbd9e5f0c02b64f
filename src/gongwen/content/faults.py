"""What kind of fault a :class:`~gongwen.errors.ContentError` is: the lint code it is reported under.

``gongwen build`` refuses content for these faults; ``gongwen lint`` reports
the very same errors (it runs the loader) as findings under these codes, so a
file lints clean exactly when it builds.  Most are the content family's
(GW71x); a fault an older rule already names keeps that rule's code, so one
fault gives one finding (the rule's own check may also offer a fix).
"""

#: The YAML cannot be read as content: syntax, Tab indentation, tags, aliases expanding too far.
YAML_SYNTAX = "GW710"
#: A key the content schema does not have (often misspelled).
UNKNOWN_KEY = "GW711"
#: A key written twice in one mapping (YAML would keep the last silently), or a variable twice.
DUPLICATE_KEY = "GW712"
#: A value of the wrong shape, or a required field or part missing or empty.
WRONG_TYPE = "GW713"
#: A value of the right shape that is not allowed: kind, date, series style, level, variable name.
INVALID_VALUE = "GW714"
#: ``{{ name }}`` not declared in ``vars``, or template syntax that is not a variable.
UNDEFINED_VARIABLE = "GW715"

#: A heading (or the title) that begins with a typed marker: the content family's own rule.
TYPED_HEADING_MARKER = "GW701"
#: An item that begins with a typed ``一是`` / ``第一，``.
TYPED_SERIES_OPENER = "GW702"
#: An empty entry in a list of paragraphs or items.
EMPTY_TEXT = "GW708"
#: The document title ends with punctuation (the structure family's title rule).
TITLE_PUNCTUATION = "GW210"

#: The codes only the loader checks (their lint rules report the loader's errors as they are).
LOADER_CODES = (YAML_SYNTAX, UNKNOWN_KEY, DUPLICATE_KEY, WRONG_TYPE, INVALID_VALUE, UNDEFINED_VARIABLE)
#: Codes of rules with checks of their own that the loader's errors complete.
SHARED_CODES = (TYPED_HEADING_MARKER, TYPED_SERIES_OPENER, EMPTY_TEXT, TITLE_PUNCTUATION)
