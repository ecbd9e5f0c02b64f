"""GW007–GW008: how a document cites another: the title first, then its 发文字号 in round brackets;
and not a rule that no longer applies.

The repealed rules are data (:mod:`gongwen.spec.repealed`), each with what replaced it and the
document that says so.
"""

from __future__ import annotations

from gongwen.spec import lazyre

from gongwen.lint.findings import hit
from gongwen.lint.registry import PRACTICE, rule
from gongwen.lint.rules.kind.view import DOC_NUMBER
from gongwen.lint.textview import items
from gongwen.spec.chars import BLANKS
from gongwen.spec.repealed import BY_TITLE

_BEFORE_TITLE = lazyre.compile(DOC_NUMBER.pattern + rf"[{BLANKS}]*(?:文件)?[{BLANKS}]*(?=《)")
#: ``》清政发〔2024〕3号``: a number right after the title (not ``》和清政发……``, two documents).
_AFTER_TITLE = lazyre.compile(rf"》[{BLANKS}]*(?![和及与、等的并或以在为是中第])(?P<num>{DOC_NUMBER.pattern})")
_CITED = lazyre.compile(r"《(?P<title>[^《》]{2,80})》")
#: Words around a citation that place it in the past: ``《合同法》实施前``, ``原《合同法》``.
_PAST_AFTER = lazyre.compile(r"[）)]?(?:实施|施行|生效|废止|有效)?(?:以前|之前|前|期间|时期|时)|已(?:被)?(?:废止|停止)|"
                         r"停止执行|同时废止|废止")
_PAST_BEFORE = lazyre.compile(r"(?:原|已废止的|已失效的|废止|代替|取代|替代|根据当时的?|依照当时的?|按照当时的?)$")


@rule("GW007", "citation-order", triggers="《", severity="error", source=PRACTICE,
      message="引用公文应先引标题，后引发文字号，发文字号加圆括号：“《关于……的通知》（清政发〔2024〕3号）”。",
      why="引用公文先引标题、后引发文字号，是《国家行政机关公文处理办法》第二十三条的规定，现行各地公文处理实施办法"
          "沿用，公文写作普遍遵循：标题说明是什么文件，发文字号用于查找。“清政发〔2024〕3号《关于……》”次序颠倒，"
          "“《关于……》清政发〔2024〕3号”缺圆括号。单独提到发文字号（“国发〔2024〕1号文件”）不报告。",
      bad=["根据清政发〔2024〕3号《关于做好2024年安全生产工作的通知》要求，现将有关事项通知如下。",
           "根据《关于做好2024年安全生产工作的通知》清政发〔2024〕3号要求，现将有关事项通知如下。"],
      good=["根据《关于做好2024年安全生产工作的通知》（清政发〔2024〕3号）要求，现将有关事项通知如下。",
            "国发〔2024〕1号文件已印发。"])
def citation_order(ctx):
    for _, para, mtext in items(ctx):
        if "号" not in mtext or "《" not in mtext:
            continue
        for m in _BEFORE_TITLE.finditer(mtext):
            yield hit(para, m.end(), "引用公文时发文字号写在了标题之前：应先引标题，后引发文字号，"
                                   "写作“《标题》（发文字号）”。")
        for m in _AFTER_TITLE.finditer(mtext):
            yield hit(para, m.start("num"), "标题之后的发文字号应加圆括号，写作“《标题》（发文字号）”。")


@rule("GW008", "repealed-citation", triggers="《", severity="warning", source=PRACTICE,
      message="引用了已经废止或停止执行的规定（如《国家行政机关公文处理办法》），应引用现行规定。",
      why="《国家行政机关公文处理办法》自2012年7月1日起停止执行，由《党政机关公文处理工作条例》代替；《中华人民共和国合同法》"
          "等自2021年1月1日起废止，由《中华人民共和国民法典》代替。依据失效的规定行文，依据就不成立。"
          "回顾历史时可以提到旧规定（“原《合同法》”“《合同法》实施前”），这些不报告，其余按名称判断，故为警告。",
      bad=["按照《国家行政机关公文处理办法》的规定，请示应当一文一事。"],
      good=["按照《党政机关公文处理工作条例》的规定，请示应当一文一事。",
            "对《中华人民共和国合同法》实施前签订的合同，按当时的规定处理。"])
def repealed_citation(ctx):
    for _, para, mtext in items(ctx):
        if "《" not in mtext:
            continue
        text = para.text
        for m in _CITED.finditer(text):
            entry = BY_TITLE.get(m.group("title").strip(BLANKS))
            if entry is None:
                continue
            if _PAST_AFTER.match(text, m.end()) or _PAST_BEFORE.search(text[max(0, m.start() - 8):m.start()]):
                continue
            yield hit(para, m.start(), f"《{m.group('title')}》已于{entry.since}停止执行（{entry.by}），"
                                       f"应引用《{entry.replaced_by}》。")
