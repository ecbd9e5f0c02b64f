"""GW0xx the document's kind and what refers to what: a 请示 asks, a 报告 does not, a 函 closes as
a letter; citations give the title before the 发文字号; the 附件说明, the 附件 pages and the
references in the text agree; the 版记 and the 主送 are written as GB/T 9704 sets them.

The kind comes from the title's last words or the content's ``kind`` (:mod:`.view`).

The submodules register their rules on import; the registry imports them from
:mod:`gongwen.lint.ruleindex` (a text, only those it needs).
"""
