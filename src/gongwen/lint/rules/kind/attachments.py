"""GW010–GW013: the 附件说明, the 附件 pages and the references in the text agree.

GB/T 9704-2012 7.3.4: the 附件说明 numbers several attachments ``1.`` ``2.``, one to a line;
8: each attachment page carries ``附件2`` and its title, which agree with the 附件说明.  The parts
come from the roles (:mod:`gongwen.draft.roles`): ATTACHMENT_NOTE/ITEM, ATTACHMENT_LABEL/TITLE.
A document with no 附件说明 and no 附件 page gets none of these rules (its attachments may travel
as files of their own).
"""

from __future__ import annotations

import re
from collections import namedtuple

from gongwen.draft import roles as R
from gongwen.lint.findings import hit
from gongwen.lint.registry import rule
from gongwen.lint.rules.kind.view import END_ROLES, TEXT_ROLES
from gongwen.lint.textview import roles
from gongwen.spec import lazyre
from gongwen.spec.chars import BLANKS

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Dict, List, Optional

_SOURCE = "GB/T 9704-2012"
_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
#: An item number in a 附件说明: at its start, or after blanks or a mark (several on one line).
_ITEM = lazyre.compile(rf"(?:^|(?<=[{BLANKS}；;，,。：:]))(?P<num>[0-9０-９]{{1,2}})[{BLANKS}]*[.．、](?![0-9０-９])")
_NOTE = lazyre.compile(rf"[{BLANKS}]*附\s*件\s*[：:][{BLANKS}]*")
_LABEL_NUM = lazyre.compile(r"[0-9０-９]+")
#: ``见附件2``, ``详见附件3``, ``（附件1）``: a reference to an attachment by its number.
_REF = lazyre.compile(r"附件\s*(?P<num>[0-9０-９]{1,2})(?![0-9０-９.．])")


class Item(namedtuple("Item", "number title index offset")):
    """``number`` (None: a single attachment, not numbered), ``title``, ``index`` (the paragraph),
    ``offset`` (where its number, or title, starts)."""

    __slots__ = ()


class Page(namedtuple("Page", "number title index title_index")):
    """``number``, ``title``, ``index`` (the label's paragraph), ``title_index``."""

    __slots__ = ()


def _norm(title: str) -> str:
    return re.sub(rf"[{BLANKS}《》]", "", title).rstrip("。；;，,、.．")


def note_items(ctx) -> List[Item]:
    """The attachments the 附件说明 lists, in order."""
    return ctx.shared("kind.note_items", _note_items)


def _note_items(ctx) -> List[Item]:
    out: List[Item] = []
    for i, role in enumerate(roles(ctx)):
        if role.kind not in (R.ATTACHMENT_NOTE, R.ATTACHMENT_ITEM):
            continue
        text = ctx.paras[i].text
        start = _NOTE.match(text).end() if role.kind == R.ATTACHMENT_NOTE and _NOTE.match(text) else 0
        marks = list(_ITEM.finditer(text, start))
        if role.kind == R.ATTACHMENT_NOTE and (not marks or marks[0].start() != start):
            if text[start:].strip(BLANKS):
                out.append(Item(None, text[start:].strip(BLANKS), i, start))
            continue
        for k, m in enumerate(marks):
            end = marks[k + 1].start() if k + 1 < len(marks) else len(text)
            out.append(Item(int(m.group("num").translate(_DIGITS)), text[m.end():end].strip(BLANKS), i, m.start()))
    return out


def pages(ctx) -> List[Page]:
    """The attachment pages: each label (``附件2``) and the title under it."""
    return ctx.shared("kind.pages", _pages)


def _pages(ctx) -> List[Page]:
    kinds = roles(ctx)
    out: List[Page] = []
    for i, role in enumerate(kinds):
        if role.kind != R.ATTACHMENT_LABEL:
            continue
        m = _LABEL_NUM.search(ctx.paras[i].text)
        number = int(m.group(0).translate(_DIGITS)) if m else None
        parts, first = [], None
        for j in range(i + 1, len(kinds)):
            if kinds[j].kind == R.BLANK:
                continue
            if kinds[j].kind != R.ATTACHMENT_TITLE:
                break
            first = j if first is None else first
            parts.append(ctx.paras[j].text.strip(BLANKS))
        out.append(Page(number, "".join(parts), i, first))
    return out


@rule("GW010", "attachment-numbers", severity="error", source=_SOURCE + " 7.3.4、8",
      message="附件页的顺序号与附件说明不一致：附件说明列了哪些附件，附件页就标“附件1”“附件2”……，一一对应。",
      why="GB/T 9704-2012 7.3.4：公文如有附件，在正文之后注明附件说明，多个附件用阿拉伯数字标注顺序号；第8章："
          "附件顺序号和附件标题应当与附件说明的表述一致。附件页标了“附件3”而附件说明只有两项，或有附件页却没有附件说明，"
          "读者就对不上。只有附件说明、没有附件页的（附件另行装订或作为单独文件），不报告。",
      bad=["关于做好防汛工作的通知\n各乡镇人民政府：\n现将有关事项通知如下。\n特此通知。\n附件：1.防汛责任分工\n"
           "2.防汛物资清单\n清河县人民政府\n2024年5月6日\n附件1\n防汛责任分工\n各乡镇负责本辖区防汛工作。\n附件3\n"
           "防汛物资清单\n县应急管理局负责储备物资。"],
      good=["关于做好防汛工作的通知\n各乡镇人民政府：\n现将有关事项通知如下。\n特此通知。\n附件：1.防汛责任分工\n"
            "2.防汛物资清单\n清河县人民政府\n2024年5月6日\n附件1\n防汛责任分工\n各乡镇负责本辖区防汛工作。\n附件2\n"
            "防汛物资清单\n县应急管理局负责储备物资。"])
def attachment_numbers(ctx):
    if ctx.format == "yaml":
        return
    listed, found = note_items(ctx), pages(ctx)
    if not found:
        return
    if not listed:
        yield hit(ctx.paras[found[0].index], 0, "有附件页，正文之后却没有附件说明：应在成文日期之前写“附件：……”。")
        return
    numbers = {it.number for it in listed}
    for page in found:
        label = ctx.paras[page.index]
        if page.number is None and len(listed) > 1:
            yield hit(label, 0, f"附件说明列了{len(listed)}个附件，附件页应标顺序号，如“附件1”。")
        elif page.number is not None and None not in numbers and page.number not in numbers:
            yield hit(label, 0, f"附件说明中没有第{page.number}个附件：附件页的顺序号应与附件说明一致。")


@rule("GW011", "attachment-title-mismatch", severity="error", source=_SOURCE + " 8",
      message="附件页的标题与附件说明中的名称不一致。",
      why="GB/T 9704-2012 第8章：附件顺序号和附件标题应当与附件说明的表述一致。改了附件标题而忘了改附件说明（或反过来），"
          "就会出现两个名称。比较时不计空格和书名号；一个名称是另一个的开头（附件说明回行、只写了前半）时不报告。",
      bad=["关于做好防汛工作的通知\n各乡镇人民政府：\n现将有关事项通知如下。\n特此通知。\n附件：防汛责任分工\n"
           "清河县人民政府\n2024年5月6日\n附件\n防汛物资储备清单\n县应急管理局负责储备物资。"],
      good=["关于做好防汛工作的通知\n各乡镇人民政府：\n现将有关事项通知如下。\n特此通知。\n附件：防汛物资储备清单\n"
            "清河县人民政府\n2024年5月6日\n附件\n防汛物资储备清单\n县应急管理局负责储备物资。"])
def attachment_title_mismatch(ctx):
    if ctx.format == "yaml":
        return
    listed = note_items(ctx)
    by_number: Dict[Optional[int], Item] = {it.number: it for it in listed}
    for page in pages(ctx):
        if page.title_index is None or not page.title:
            continue
        item = by_number.get(page.number) if len(listed) > 1 or page.number is not None else (
            listed[0] if listed else None)
        if item is None and len(listed) == 1 and page.number in (None, 1):
            item = listed[0]
        if item is None or not item.title:
            continue
        a, b = _norm(item.title), _norm(page.title)
        if a and b and not a.startswith(b) and not b.startswith(a):
            yield hit(ctx.paras[item.index], item.offset, f"附件说明中的“{item.title}”与附件页标题“{page.title}”"
                                                          "不一致：两处应写同一个名称。")


@rule("GW012", "attachment-reference", severity="error", source=_SOURCE + " 7.3.4",
      message="正文提到的附件（如“见附件3”）在附件说明中没有。",
      why="GB/T 9704-2012 7.3.4：附件说明注明附件的顺序号和名称。正文写“详见附件3”而附件只有两个，多半是删改附件后"
          "没有改正文。只在有附件说明或附件页时检查；“详见附件”不带顺序号的不检查。",
      bad=["关于做好防汛工作的通知\n各乡镇人民政府：\n各乡镇防汛责任人名单见附件3。\n特此通知。\n附件：1.防汛责任分工\n"
           "2.防汛物资清单\n清河县人民政府\n2024年5月6日"],
      good=["关于做好防汛工作的通知\n各乡镇人民政府：\n各乡镇防汛责任人名单见附件2。\n特此通知。\n附件：1.防汛责任分工\n"
            "2.防汛物资清单\n清河县人民政府\n2024年5月6日"])
def attachment_reference(ctx):
    if ctx.format == "yaml":
        return
    listed, found = note_items(ctx), pages(ctx)
    if not listed and not found:
        return
    numbers = {it.number for it in listed} | {p.number for p in found}
    count = max(len(listed), len(found))
    for i, role in enumerate(roles(ctx)):
        if role.kind not in TEXT_ROLES or role.kind in END_ROLES:
            continue
        para = ctx.paras[i]
        for m in _REF.finditer(para.text):
            n = int(m.group("num").translate(_DIGITS))
            if n in numbers or (n == 1 and count == 1):
                continue
            yield hit(para, m.start(), f"正文提到“{m.group(0)}”，附件说明和附件页中没有这个附件，请核对顺序号。")


@rule("GW013", "attachments-one-line", severity="error", source=_SOURCE + " 7.3.4",
      message="多个附件应分行排列，每行一个：“附件：1.……”下一行“2.……”，不要写在同一行。",
      why="GB/T 9704-2012 7.3.4：有多个附件时，使用阿拉伯数字标注附件顺序号，附件名称回行时与上一行附件名称的首字对齐，"
          "即每个附件占一行、序号上下对齐。写在一行里，序号和名称就无法对齐，也不便查找。",
      bad=["附件：1.防汛责任分工 2.防汛物资清单 3.防汛值班表"],
      good=["附件：1.防汛责任分工\n2.防汛物资清单\n3.防汛值班表"])
def attachments_one_line(ctx):
    if ctx.format == "yaml":
        return
    listed = note_items(ctx)
    for k in range(1, len(listed)):
        prev, it = listed[k - 1], listed[k]
        if it.index == prev.index and it.number is not None and prev.number is not None and it.number == prev.number + 1:
            yield hit(ctx.paras[it.index], it.offset, f"附件“{it.number}.”与上一个附件写在同一行：每个附件应单独一行。")
