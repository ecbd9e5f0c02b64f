"""Which kind a document's title names: its last words (``关于……的请示`` → 请示).

One table for the importer (which lays an old document out as that kind) and the linter (whose
kind rules check what a 请示, a 报告 or a 函 must carry).  Pure data and one function.
"""

from __future__ import annotations

from gongwen.content.schema import FORMS, KIND_NAMES
from gongwen.spec import lazyre

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Optional

#: Last words of a title that name a kind without being its name (条例 is laid out as a 规定).
_OTHER_WORDS = {"实施细则": "rules", "条例": "provisions"}
#: The last words of a title and the kind they name: each red-header kind's own name (schema.KIND_NAMES;
#: 报告 is told apart by :data:`REPORT_TITLE`) and :data:`_OTHER_WORDS`, longest first, so 复函 is tried
#: before 函 and 实施细则 before 细则.
TITLE_WORDS = tuple(sorted({**{KIND_NAMES[k]: k for k in FORMS if k != "work_report"}, **_OTHER_WORDS}.items(),
                           key=lambda pair: -len(pair[0])))
#: Kinds gongwen does not have, laid out as a 通知 (文件格式, 下行文).
LIKE_NOTICE = ("通报", "决定", "通告", "公告", "决议", "要点", "计划", "规划")
#: A bracketed tail after the kind word: ``办法（试行）``, ``规定（暂行）``.
TAIL = lazyre.compile(r"[（(][^（）()]{1,16}[）)]$")
#: A report's title: ``……的报告``, ``……的调研报告``.
REPORT_TITLE = lazyre.compile(r"(?:调研|调查|考察|专题)?报告$")


def title_kind(title: str) -> Optional[str]:
    """The kind a title's last words name (``request``, ``letter`` …; ``work_report`` for
    ``……的报告``, ``report`` for ``……的调研报告``), or None when they name none of them."""
    bare = TAIL.sub("", (title or "").strip()).rstrip("。，；：、.,;: \u3000")
    m = REPORT_TITLE.search(bare)
    if m:
        return "work_report" if m.group(0) == "报告" else "report"
    for word, kind in TITLE_WORDS:
        if bare.endswith(word):
            return kind
    return None
