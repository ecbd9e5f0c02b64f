"""Rules and standards that no longer apply, and what replaced them: the facts GW008 reads.

Each entry says what replaced the old text, from when, and by which document, so a message
can name the current one and a reader can check the fact.  Pure data.
"""

from __future__ import annotations

from collections import namedtuple

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Tuple


class Repealed(namedtuple("Repealed", "title replaced_by since by aliases", defaults=((),))):
    """``title`` (as cited, inside 《》), ``replaced_by`` (the current text, as cited), ``since`` (when
    the old text stopped applying), ``by`` (the document that says so), ``aliases`` (other ways the
    old title is cited)."""

    __slots__ = ()


REPEALED: Tuple[Repealed, ...] = (
    Repealed("国家行政机关公文处理办法", "党政机关公文处理工作条例", "2012年7月1日",
             "《党政机关公文处理工作条例》（中办发〔2012〕14号）第四十二条"),
    Repealed("中国共产党机关公文处理条例", "党政机关公文处理工作条例", "2012年7月1日",
             "《党政机关公文处理工作条例》（中办发〔2012〕14号）第四十二条"),
    Repealed("国家行政机关公文格式", "党政机关公文格式", "2012年7月1日",
             "GB/T 9704-2012《党政机关公文格式》代替 GB/T 9704-1999"),
    Repealed("中华人民共和国合同法", "中华人民共和国民法典", "2021年1月1日",
             "《中华人民共和国民法典》第一千二百六十条", ("合同法",)),
    Repealed("中华人民共和国物权法", "中华人民共和国民法典", "2021年1月1日",
             "《中华人民共和国民法典》第一千二百六十条", ("物权法",)),
    Repealed("中华人民共和国担保法", "中华人民共和国民法典", "2021年1月1日",
             "《中华人民共和国民法典》第一千二百六十条", ("担保法",)),
    Repealed("中华人民共和国婚姻法", "中华人民共和国民法典", "2021年1月1日",
             "《中华人民共和国民法典》第一千二百六十条", ("婚姻法",)),
    Repealed("中华人民共和国继承法", "中华人民共和国民法典", "2021年1月1日",
             "《中华人民共和国民法典》第一千二百六十条", ("继承法",)),
    Repealed("中华人民共和国侵权责任法", "中华人民共和国民法典", "2021年1月1日",
             "《中华人民共和国民法典》第一千二百六十条", ("侵权责任法",)),
    Repealed("中华人民共和国民法通则", "中华人民共和国民法典", "2021年1月1日",
             "《中华人民共和国民法典》第一千二百六十条", ("民法通则",)),
    Repealed("中华人民共和国民法总则", "中华人民共和国民法典", "2021年1月1日",
             "《中华人民共和国民法典》第一千二百六十条", ("民法总则",)),
)

#: Every cited form of a repealed title → its entry.
BY_TITLE = {name: entry for entry in REPEALED for name in (entry.title, *entry.aliases)}
