"""GW001–GW004: what an upward document (请示, 报告) must carry and must not.

《党政机关公文处理工作条例》第十五条: an upward document goes to one superior body and is not
copied to subordinate bodies; a 请示 asks about one matter; a 报告 carries no request.  The kind is
read from the title or the content's ``kind`` (:mod:`.view`): a document whose kind cannot be read
gets none of these rules.
"""

from __future__ import annotations

import re

from gongwen.draft import roles as R
from gongwen.lint.findings import hit
from gongwen.lint.registry import PRACTICE, rule
from gongwen.lint.rules.kind.view import closing, doc_kind, indexes_of, main_body, without_titles
from gongwen.spec import lazyre
from gongwen.spec.chars import BLANKS

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import List, Tuple

_RULES = "《党政机关公文处理工作条例》第十五条"
#: How a 请示 ends: asking for a decision (妥否，请批示 / 当否，请批复 / 请审批 / 恳请……批准 …).
ASKS = lazyre.compile(r"妥否|当否|可否|是否(?:妥当|可行|同意)|请(?:予)?(?:批示|批复|审批|审定|审核|核准|批准|同意|支持|研究|"
                  r"解决|核拨|安排|审示|示复|指示|复示)|恳请.{0,40}?(?:批准|同意|支持|批复|审批|解决|安排)|为盼|盼复|请复")
#: A request for instructions or approval inside a 报告 (not ``申请批准``, ``报请……批准``).
_REPORT_ASKS = lazyre.compile(r"妥否|当否|(?<![申报提呈转])请(?:予)?(?:批示|批复|审批|核准|批准)")
#: Names of bodies below the issuer: ``各乡镇人民政府``, ``所属各单位``, ``下属企业``.
_BELOW = lazyre.compile(r"^各|下属|所属|直属|各(?:中小学|学校|乡镇|村|社区|分局|科室|股室|处室|派出所|站所)")
#: A 乡镇 or 街道 body: below any 县-level issuer (``城关镇人民政府``, ``城东街道办事处``).
_TOWN = lazyre.compile(r"(?:镇|乡|街道)(?:人民政府|党委|办事处|政府)$")
_COUNTY = lazyre.compile(r"[县市区省]")
_NAME_SEP = lazyre.compile(r"[，、,；;]")
_CLOSE_WORDS = "妥否，请批示|当否，请批复|请审批|恳请……批准"


def _names(text: str) -> List[Tuple[int, str]]:
    """``(offset, name)`` of each body named on a 主送 or 抄送 line (after ``抄送：``)."""
    colon = re.match(rf"[{BLANKS}]*(?:抄\s*送|抄\s*报|分\s*送|主\s*送)\s*[：:]", text)
    start = colon.end() if colon else 0
    body = text[start:].rstrip(BLANKS + "。：:.")
    out, pos = [], start
    for part in _NAME_SEP.split(body):
        name = part.strip(BLANKS)
        if name:
            out.append((pos + part.find(name), name))
        pos += len(part) + 1
    return out


def _recipient_paras(ctx):
    if ctx.format == "yaml":
        return [p for p in ctx.paras if p.key.startswith("recipients")]
    return [ctx.paras[i] for i in indexes_of(ctx, R.RECIPIENT)]


def _cc_paras(ctx):
    if ctx.format == "yaml":
        return [p for p in ctx.paras if p.key == "cc" or p.key.startswith("cc[")]
    return [ctx.paras[i] for i in indexes_of(ctx, R.CC)]


@rule("GW001", "request-one-recipient", severity="warning", source=_RULES + "（一）",
      message="请示原则上只主送一个上级机关；需要同时送其他机关的，用抄送。",
      why="《党政机关公文处理工作条例》第十五条（一）：向上级机关行文，原则上主送一个上级机关，根据需要同时抄送"
          "相关上级机关和同级机关。多头主送，请示容易无人负责答复。条例写的是“原则上”，受双重领导等情形可以例外，"
          "故为警告。文种从标题（“关于……的请示”）读出。",
      bad=["关于申请拨付校舍维修资金的请示\n县人民政府、县财政局：\n现将有关事项请示如下。\n妥否，请批示。"],
      good=["关于申请拨付校舍维修资金的请示\n县人民政府：\n现将有关事项请示如下。\n妥否，请批示。"])
def request_one_recipient(ctx):
    if doc_kind(ctx) != "request":
        return
    paras = _recipient_paras(ctx)
    names = [(p, off, name) for p in paras for off, name in _names(p.text)]
    if len(names) > 1:
        para, off, name = names[1]
        yield hit(para, off, f"请示主送了{len(names)}个机关：原则上只主送一个上级机关，"
                             f"“{name}”等其他机关可用抄送。")


@rule("GW002", "request-cc-subordinate", severity="warning", source=_RULES + "（一）",
      message="请示不抄送下级机关（如“各乡镇人民政府”“所属各单位”）。",
      why="《党政机关公文处理工作条例》第十五条（一）：向上级机关行文，根据需要抄送相关上级机关和同级机关，不抄送下级机关。"
          "请示尚待上级批准，抄给下级会造成工作被动。只报告以“各”开头或含“下属”“所属”的名称，以及县级以上机关"
          "抄给乡镇、街道的，"
          "按名称判断上下级难免有误，故为警告。",
      bad=["关于申请拨付校舍维修资金的请示\n县人民政府：\n现将有关事项请示如下。\n妥否，请批示。\n"
           "抄送：县财政局，各乡镇人民政府。"],
      good=["关于申请拨付校舍维修资金的请示\n县人民政府：\n现将有关事项请示如下。\n妥否，请批示。\n"
            "抄送：县财政局，县住房和城乡建设局。"])
def request_cc_subordinate(ctx):
    if doc_kind(ctx) != "request":
        return
    issuer = "".join(ctx.paras[i].text for i in indexes_of(ctx, R.SIGNATURE, R.ISSUER)).strip(BLANKS)
    county = bool(_COUNTY.search(issuer)) and not re.search(r"镇|乡(?!村)|街道", issuer)
    for para in _cc_paras(ctx):
        for off, name in _names(para.text):
            if _BELOW.search(name) or (county and _TOWN.search(name)):
                yield hit(para, off, f"请示不抄送下级机关：“{name}”是下级机关，应从抄送中删去。")


@rule("GW003", "request-closing", severity="warning", source=PRACTICE,
      message="请示的结尾应明确提出请求，如“妥否，请批示。”“当否，请批复。”“以上请示，请予审批。”。",
      why="请示是请求上级指示、批准的文种（《党政机关公文处理工作条例》第八条），结尾写明请求事项和“妥否，请批示”"
          "一类结语，上级才知道要答复什么。只在正文最后三段里找“妥否”“当否”“请批示”“请批复”“请审批”“恳请……批准”等；"
          "写法各有习惯，故为警告。",
      bad=["关于申请拨付校舍维修资金的请示\n县人民政府：\n我局拟维修农村学校校舍12所，需资金286万元。\n"
           "以上情况，特此报告。"],
      good=["关于申请拨付校舍维修资金的请示\n县人民政府：\n我局拟维修农村学校校舍12所，需资金286万元。\n"
            "妥否，请批示。"])
def request_closing(ctx):
    if doc_kind(ctx) != "request":
        return
    last = closing(ctx)
    if not last or any(ASKS.search(ctx.paras[i].text) for i in last):
        return
    para = ctx.paras[last[-1]]
    yield hit(para, 0, "请示的结尾没有提出请求：应以“妥否，请批示。”“当否，请批复。”“以上请示，请予审批。”等结束。")


@rule("GW004", "report-with-request", severity="error", source=_RULES + "（四）",
      message="报告中不得夹带请示事项：“以上报告，妥否，请批示”应改为“特此报告。”，需要批准的事项另行请示。",
      why="《党政机关公文处理工作条例》第十五条（四）：请示应当一文一事，不得在报告等非请示性公文中夹带请示事项。"
          "报告不需要上级答复，夹带的请示往往得不到批复。只报告“妥否”“当否”“请批示”“请批复”“请审批”“请批准”，"
          "“申请批准”“报请……批准”是叙述，不报告；书名号中的文件名不算。",
      bad=["关于2024年上半年安全生产工作情况的报告\n县人民政府：\n上半年全县未发生较大事故。\n以上报告，妥否，请批示。"],
      good=["关于2024年上半年安全生产工作情况的报告\n县人民政府：\n上半年全县未发生较大事故。\n特此报告。"])
def report_with_request(ctx):
    if doc_kind(ctx) not in ("work_report", "report"):
        return
    for i in main_body(ctx):
        para = ctx.paras[i]
        m = _REPORT_ASKS.search(without_titles(para.text))
        if m:
            yield hit(para, m.start(), f"报告中夹带了请示（“{m.group(0)}”）：报告不要求上级答复，"
                                       "应以“特此报告。”等结束；需要批准的事项另行请示。")
