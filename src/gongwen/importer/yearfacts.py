"""Which numbers of last year's text are facts of that year, and which are not.

``gongwen new --from`` wraps last year's figures in ``【核实：…】`` so that the writer updates
them (:mod:`gongwen.importer.newdoc`).  A number in a 公文 is often no figure of the year at all:

* a **name** — ``“7·12”特大暴雨``, ``“3·15”``, ``“12345”热线``, ``“1+N”``, ``5G``, ``4A级``;
* a **code** — a cited 发文字号 ``清政发〔2024〕12号``, a phone number, a postcode, an account;
* a **reference** — ``第五条``, ``第3款``, ``第2次全体会议``, ``3号楼``, a plan's period
  ``“十四五”规划（2021—2025年）``;
* a **rule** — how long, how often, from what age: ``24小时值班``, ``3个工作日内``, ``每周1次``,
  ``每年6月``, ``提前2小时``, ``有效期3年``, ``年满18周岁``.

Those stay as written.  Amounts, counts, percentages, years, dates of events and rankings
(``排名第3位``) are marked.  When a rule's words come with a count (``累计值班720小时``,
``办理时限压缩至3个工作日内``: what the year achieved) the number is marked after all.

:func:`kept_spans` names each span kept and why (``tests/importer/test_cycle_facts.py``
measures precision and recall on a corpus of phrases).  Pure Python.
"""

from __future__ import annotations

import re
from typing import Callable, List, Optional, Tuple

_D = r"\d+(?:[.．]\d+)?"
#: A length of time (``3个月``, not ``5月``, which is a month: a date).
_TIME_UNIT = r"(?:个(?:工作日|自然日|小时|月|星期)|工作日|自然日|小时|分钟|天|日|周|星期|年)"
#: Words just before a rule-like number that make it a count of what was done (marked after all).
_COUNTED = re.compile(r"(?:累计|共计|总计|合计|共|达到|达|完成|实现|超过|新增|增加|减少|缩短|压缩|压减|提速|"
                      r"缩减|降低|提高|减至|降至|缩至|压至)[至到为了]?\s*$")
_DUTY = (r"(?:值班|值守|在线|服务|监测|监控|巡查|巡逻|不间断|轮班|轮岗|运行|运转|开放|营业|待命|响应|畅通|受理|"
         r"专人|全天候|无休|热线)")
_QUOTED_NAME = re.compile(r"[“\"「『‘]([^“”\"「」『』‘’\n]{1,12})[”\"」』’]")
_FIGURE_WORDS = re.compile(r"[%％‰]|万|亿|元|增长|下降")

#: (why, pattern, guard): a span matching ``pattern`` (and ``guard``, when given) is not a figure
#: of the year.  ``guard(text, match)`` sees the whole text.
Kept = Tuple[str, "re.Pattern[str]", Optional[Callable[[str, "re.Match[str]"], bool]]]


def _not_counted(text: str, m: "re.Match[str]") -> bool:
    return not _COUNTED.search(text[max(0, m.start() - 8):m.start()])


def _quoted_name(text: str, m: "re.Match[str]") -> bool:
    return not _FIGURE_WORDS.search(m.group(1))


def _not_date(text: str, m: "re.Match[str]") -> bool:
    return not re.search(r"[月年]\s*$", text[max(0, m.start() - 2):m.start()])


KEPT: Tuple[Kept, ...] = (
    # names
    ("以日期为名", re.compile(r"(?<!\d)\d{1,2}\s*[·•・‧]\s*\d{1,2}(?!\d)"), None),
    ("引号中的名称", _QUOTED_NAME, _quoted_name),
    ("字母数字名称", re.compile(r"(?<![\d.．])\d{1,2}\s*[GDKAＧＤＫＡ](?:级)?(?![A-Za-z])|[A-Za-z]+[-－]?\d+"), None),
    ("热线号码", re.compile(r"(?<!\d)\d{3,6}(?=\s*(?:政务服务|便民服务|服务)?(?:热线|报警|急救|火警|平台))"
                        r"|(?<=拨打|火警|报警|急救|热线|专线)\d{3,12}"), None),
    # codes
    ("发文字号", re.compile(r"[\[［【﹝〖(（〔]\s*(?:19|20)\d\d\s*[\]］】﹞〗)）〕]\s*(?:第\s*)?\d{1,5}\s*号"), None),
    ("电话号码", re.compile(r"(?<!\d)0\d{2,3}\s*[-－—–]\s*\d{7,8}(?!\d)|(?<!\d)1[3-9]\d{9}(?!\d)"
                        r"|(?:电话|传真|手机|联系方式|号码)[：:\s为是]{0,3}[\d\-－—–、，, ]{3,40}\d"), None),
    ("邮政编码", re.compile(r"(?:邮编|邮政编码)[：:\s]{0,2}\d{6}"), None),
    ("账号或代码", re.compile(r"(?<![\d.．])\d{9,}(?![\d.．%％])"), None),
    # references
    ("条款或序次", re.compile(r"第\s*\d+\s*(?:条|款|项|章|节|编|目|号|届|部分|卷|册|页|段|批|期|轮|次|季度|阶段|"
                         r"个五年|标段|号)"), None),
    ("门牌或编号", re.compile(r"(?<![\d.．])\d+\s*(?:号楼|号院|号线|号|室)(?![\d])"), _not_date),
    ("规划期", re.compile(r"(?<=[划要五”])\s*[（(]\s*(?:19|20)\d\d\s*[—–\-～~至到]\s*(?:19|20)\d\d\s*年?\s*[）)]"), None),
    # rules: how long, how often, from what age
    ("频次", re.compile(r"每\s*(?:\d+\s*)?(?:个)?(?:周|月|季度|季|年|天|日|半年|两周|旬|学期|小时|分钟|工作日)"
                     r"[^，。；！？\n\d]{0,6}?\d+\s*(?:次|回|遍|轮)"), _not_counted),
    ("每隔时长", re.compile(rf"每(?:隔)?\s*\d+\s*{_TIME_UNIT}"), None),
    ("每年固定日期", re.compile(r"每(?:年|月)\s*(?:\d{1,2}\s*月)?\s*(?:\d{1,2}\s*[日号])?(?:[—–\-至到]\s*\d{1,2}\s*[日号])?"),
     None),
    ("时限", re.compile(rf"(?<![\d.．月])\d{{1,3}}\s*{_TIME_UNIT}\s*(?:内|以内|之内)"), _not_counted),
    ("提前或事后时长", re.compile(rf"(?:提前|会前|会后|事前|事后|发生后|届满前|到期前|期满前)\s*\d{{1,3}}\s*{_TIME_UNIT}"),
     None),
    ("值守时长", re.compile(rf"(?:7\s*[×xX*＊]\s*)?(?<![\d.．])\d{{1,3}}\s*(?:小时|分钟)\s*{_DUTY}"), _not_counted),
    ("期限", re.compile(rf"(?:期限|有效期|试用期|保质期|任期|服务期|保修期|为期|期满|时限)\s*(?:为|是|不超过|不少于|一般为)?"
                     rf"\s*\d{{1,3}}\s*{_TIME_UNIT}"), _not_counted),
    ("年龄界限", re.compile(r"(?:年满|未满|满)?\s*\d{1,3}\s*(?:周岁|岁\s*(?:以上|以下|及以上|及以下|至|—|-))"), None),
)


def kept_spans(text: str, marked: Tuple[str, ...] = ()) -> List[Tuple[int, int, str]]:
    """``(start, end, why)`` of each span of ``text`` whose numbers are not figures of the year
    (``marked``: the classes, by ``why``, that are figures in this field after all)."""
    spans = []
    for why, pattern, guard in KEPT:
        if why in marked:
            continue
        for m in pattern.finditer(text):
            if m.end() > m.start() and (guard is None or guard(text, m)):
                spans.append((m.start(), m.end(), why))
    return sorted(spans)


def why_kept(text: str, start: int, end: int, spans: Optional[List[Tuple[int, int, str]]] = None) -> str:
    """Why the number at ``text[start:end]`` is no figure of the year (``""`` when it is one)."""
    for a, b, why in (kept_spans(text) if spans is None else spans):
        if a < end and start < b:
            return why
    return ""
