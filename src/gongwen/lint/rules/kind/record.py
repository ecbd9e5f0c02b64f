"""GW014–GW018: the 版头's 签发人, the 主送, and the 版记 (抄送, 印发) as GB/T 9704 sets them.

The parts come from the roles (:mod:`gongwen.draft.roles`).  The .docx layout of the 抄送 line
(its size, indents and final 。 in a red-header document) is GW824's; here the text.
"""

from __future__ import annotations

import re

from gongwen.content.schema import FORMS
from gongwen.draft import roles as R
from gongwen.draft.phrases import ISSUER_END
from gongwen.lint.findings import hit, replace
from gongwen.lint.registry import rule
from gongwen.lint.rules.kind.view import doc_kind, has_head, indexes_of, kind_name, title_index, yaml_top
from gongwen.lint.textview import roles
from gongwen.spec import dates
from gongwen.spec import lazyre
from gongwen.spec.chars import BLANKS

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import List, Optional

_PRINTED_DATE = lazyre.compile(dates.ARABIC + r"\s*印\s*发")
_RECORD_LINE = lazyre.compile(rf"[{BLANKS}]*(?P<word>抄\s*送|抄\s*报|分\s*送|主\s*送)\s*[：:]")
#: How one body's name ends (a 主送 line without its colon is a list of these).
_BODY_END = lazyre.compile(r"(?:政府|委员会|局|厅|办公室|办|部|委|党委|党组|中心|公司|院|校|会|处|科|所|站|队|单位|部门|机关|"
                       r"乡镇|街道|社区|村|镇|乡|县|区|市|省|组|团|室|馆|行|社)$")
_TRAILING = "，,；;、.．。"
#: Kinds that always have a 主送: a name alone under their title is one.
_ADDRESSED = ("request", "work_report", "letter", "approval", "reply_letter")


def _date(text: str):
    m = _PRINTED_DATE.search(text)
    return dates.make(int(m.group("y")), int(m.group("m")), int(m.group("d"))) if m else None


@rule("GW014", "printed-before-issued", severity="error", source="GB/T 9704-2012 7.3.5、7.4.3",
      message="印发日期早于成文日期：公文先成文（签发），后付印，印发日期不能早于成文日期。",
      why="GB/T 9704-2012 7.3.5：成文日期署会议通过或者发文机关负责人签发的日期；7.4.3：印发日期以公文付印的日期为准。"
          "公文签发之后才能付印，印发日期早于成文日期，说明其中一个日期写错了。",
      bad=["关于做好防汛工作的通知\n各乡镇人民政府：\n现将有关事项通知如下。\n特此通知。\n清河县人民政府\n2024年5月6日\n"
           "清河县人民政府办公室　　2024年5月3日印发"],
      good=["关于做好防汛工作的通知\n各乡镇人民政府：\n现将有关事项通知如下。\n特此通知。\n清河县人民政府\n2024年5月6日\n"
            "清河县人民政府办公室　　2024年5月6日印发"])
def printed_before_issued(ctx):
    if ctx.format == "yaml":
        return  # YAML content: date and printed are checked when built
    issued = next((dates.date_line(ctx.paras[i].text) for i in indexes_of(ctx, R.ISSUE_DATE)), None)
    if issued is None:
        return
    for i in indexes_of(ctx, R.PRINTED):
        printed = _date(ctx.paras[i].text)
        if printed is not None and printed < issued:
            m = _PRINTED_DATE.search(ctx.paras[i].text)
            yield hit(ctx.paras[i], m.start(), f"印发日期（{dates.written(printed)}）早于成文日期"
                                               f"（{dates.written(issued)}）：请核对两个日期。")


@rule("GW015", "signer-missing", severity="warning", source="《党政机关公文处理工作条例》第九条（六）",
      message="上行文（请示、报告）的版头应标注签发人：在发文字号同一行居右写“签发人：姓名”。",
      why="《党政机关公文处理工作条例》第九条（六）：上行文应当标注签发人姓名；GB/T 9704-2012 7.2.5 规定其位置。"
          "只检查标题为请示、报告且有版头（发文机关标志或发文字号）的文档；报告也可能不是上行文，故为警告。",
      bad=["清河县教育局文件\n清教发〔2024〕15号\n关于申请拨付校舍维修资金的请示\n县人民政府：\n现将有关事项请示如下。\n"
           "妥否，请批示。"],
      good=["清河县教育局文件\n清教发〔2024〕15号　　　　签发人：王建华\n关于申请拨付校舍维修资金的请示\n县人民政府：\n"
            "现将有关事项请示如下。\n妥否，请批示。"])
def signer_missing(ctx):
    kind = doc_kind(ctx)
    if kind not in ("request", "work_report") or not has_head(ctx):
        return
    if ctx.format == "yaml":
        if yaml_top(ctx, "signers") is None and not any(p.key.startswith("signers") for p in ctx.paras):
            issuer = next((p for p in ctx.paras if p.key == "issuer"), None)
            if issuer is not None:
                yield hit(issuer, 0, f"{kind_name(kind)}是上行文，应写 signers（签发人）。")
        return
    if indexes_of(ctx, R.SIGNER):
        return
    at = (indexes_of(ctx, R.DOC_NUMBER) or indexes_of(ctx, R.ISSUER))[0]
    yield hit(ctx.paras[at], 0, f"{kind_name(kind)}是上行文，版头应标注签发人（“签发人：姓名”）。")


def _unmarked_recipient(ctx) -> Optional[int]:
    """The paragraph under the title that names bodies but lacks its colon (``县人民政府`` alone)."""
    titled = title_index(ctx)
    if not titled:
        return None
    kinds = roles(ctx)
    k = next((j for j in range(titled[-1] + 1, len(kinds)) if kinds[j].kind != R.BLANK), None)
    if k is None or kinds[k].kind not in (R.BODY, R.BYLINE):
        return None
    nxt = next((j for j in range(k + 1, len(kinds)) if kinds[j].kind != R.BLANK), None)
    if nxt is None or kinds[nxt].kind not in (R.BODY, R.HEADING, R.SERIES):
        return None
    text = ctx.paras[k].text.strip(BLANKS)
    bare = text.rstrip(_TRAILING)
    if not bare or len(bare) > 80 or re.search(r"[。；！？：:;!?（）()“”《》]", bare):
        return None
    names = [n.strip(BLANKS) for n in re.split(r"[，、,]", bare)]
    if not all(2 <= len(n) <= 25 and _BODY_END.search(n) for n in names):
        return None
    if len(names) == 1 and not ISSUER_END.search(names[0]) and not names[0].startswith("各"):
        return None
    if kinds[k].kind == R.BYLINE and not (len(names) > 1 or text != bare or names[0].startswith("各")
                                          or doc_kind(ctx) in _ADDRESSED):
        return None  # an author's name under the title (a 方案 by its office), not a 主送
    return k


@rule("GW016", "recipient-colon-missing", severity="error", fixable=True, source="GB/T 9704-2012 7.3.3",
      message="主送机关后应标全角冒号：“县人民政府”应写作“县人民政府：”。",
      why="GB/T 9704-2012 7.3.3：主送机关编排于标题下空一行位置，居左顶格，最后一个机关名称后标全角冒号。"
          "只检查标题下紧接的一行：它只由机关名称组成（以“政府”“局”“办公室”“单位”等结尾），下一段是正文。",
      bad=["关于做好防汛工作的通知\n各乡镇人民政府，县直各有关单位\n现将有关事项通知如下。",
           "关于申请拨付校舍维修资金的请示\n县人民政府，\n现将有关事项请示如下。"],
      good=["关于做好防汛工作的通知\n各乡镇人民政府，县直各有关单位：\n现将有关事项通知如下。"])
def recipient_colon_missing(ctx):
    if ctx.format == "yaml" or doc_kind(ctx) not in FORMS:
        return
    k = _unmarked_recipient(ctx)
    if k is None:
        return
    para = ctx.paras[k]
    end = len(para.text.rstrip(BLANKS))
    start = len(para.text[:end].rstrip(_TRAILING))
    yield replace(para, start, end, "：", "主送机关后应标全角冒号“：”。")


def _record_lines(ctx) -> List[int]:
    return [i for i, role in enumerate(roles(ctx)) if role.kind in (R.CC, R.RECIPIENT)
            and _RECORD_LINE.match(ctx.paras[i].text)]


@rule("GW017", "cc-period", severity="error", fixable=True, source="GB/T 9704-2012 7.4.2", formats=("txt", "md"),
      message="抄送机关的最后一个名称后标句号：“抄送：县财政局，县审计局。”。",
      why="GB/T 9704-2012 7.4.2：“抄送”二字后加全角冒号和抄送机关名称，最后一个抄送机关名称后标句号；"
          "主送机关移至版记时写法相同。.docx 红头文件的抄送行由 GW824 一并检查。",
      bad=["关于做好防汛工作的通知\n各乡镇人民政府：\n现将有关事项通知如下。\n抄送：县委办公室，县人大常委会办公室"],
      good=["关于做好防汛工作的通知\n各乡镇人民政府：\n现将有关事项通知如下。\n抄送：县委办公室，县人大常委会办公室。"])
def cc_period(ctx):
    for i in _record_lines(ctx):
        para = ctx.paras[i]
        end = len(para.text.rstrip(BLANKS))
        if para.text[:end].endswith("。"):
            continue
        start = len(para.text[:end].rstrip(_TRAILING))
        word = _RECORD_LINE.match(para.text).group("word").replace(" ", "")
        yield replace(para, start, end, "。", f"{word}机关的最后一个名称后应标句号“。”。")


@rule("GW018", "cc-separator", severity="error", fixable=True, source="GB/T 15834-2011 4.4、4.5",
      formats=("txt", "md", "docx"),
      message="抄送（主送）机关名称之间用逗号或顿号隔开，不用空格或分号。",
      why="并列的机关名称之间用顿号或逗号（GB/T 15834-2011 4.5、4.4；习惯上同类机关之间用顿号，不同类机关之间用逗号），"
          "空格不是标点，分号用于分句之间。GB/T 9704-2012 7.4.2 的示例中抄送机关之间用逗号。",
      bad=["关于做好防汛工作的通知\n各乡镇人民政府：\n现将有关事项通知如下。\n抄送：县委办公室　县人大常委会办公室。",
           "关于做好防汛工作的通知\n各乡镇人民政府：\n现将有关事项通知如下。\n抄送：县委办公室；县人大常委会办公室。"],
      good=["关于做好防汛工作的通知\n各乡镇人民政府：\n现将有关事项通知如下。\n抄送：县委办公室，县人大常委会办公室。",
            "关于做好防汛工作的通知\n各乡镇人民政府：\n现将有关事项通知如下。\n抄送：县委各部门、县人大常委会办公室。"])
def cc_separator(ctx):
    for i in _record_lines(ctx):
        para = ctx.paras[i]
        head = _RECORD_LINE.match(para.text).end()
        for m in re.finditer(rf"(?<=[\u4e00-\u9fff）])(?:[{BLANKS}]+|[{BLANKS}]*[；;][{BLANKS}]*)(?=[\u4e00-\u9fff（])",
                             para.text[head:]):
            yield replace(para, head + m.start(), head + m.end(), "，", "机关名称之间应用逗号“，”（同类机关之间可用顿号）隔开。")
