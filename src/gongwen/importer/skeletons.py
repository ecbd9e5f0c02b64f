"""``gongwen new KIND``: a skeleton of every kind to fill in.

Each lists the keys of its kind with ``【待补充：…】`` placeholders and a comment on each key:
it builds at once (so a writer sees the layout) and ``gongwen lint`` flags every placeholder
until it is filled.  Speeches and reports are written out here; the red-header family's are
made from one outline (:mod:`gongwen.importer.familyskeleton`).
"""

from __future__ import annotations

import datetime
import json
from typing import Optional

import yaml

from gongwen.content.schema import FORMS, KIND_CHOICES
from gongwen.errors import GongwenError
from gongwen.importer.familyskeleton import family_skeleton

_SPEECH = """\
# 讲话稿骨架（gongwen new 讲话稿）。把每个【待补充】换成实际内容，不需要的键可以删去；
# gongwen lint 会列出还没填的地方。序号（一、（一）1.（1）一是）由 gongwen 自动生成，不要手写。
# 文中的 {{{{ year }}}}、{{{{ org }}}} 在生成时换成下面 vars 中的值，明年改一处即可。
kind: 讲话稿
title: 在{{{{ org }}}}{{{{ year }}}}年【待补充：会议名称】上的讲话
template: speech                    # 内置模板 speech，或本单位模板 .docx 的路径
speaker: 【待补充：职务】　【待补充：姓名】
date: {date}                    # 讲话日期，请改为实际日期
vars:
  year: {year}
  org: {org}
salutation: 同志们：

opening:
  - 今天召开{{{{ org }}}}{{{{ year }}}}年【待补充：会议名称】，主要任务是【待补充：会议任务】。
  - 【待补充：对会议议程的简要评价】下面，我讲几点意见。

sections:
  - heading: 【待补充：第一部分标题】
    paragraphs:
      - 【待补充：这一部分的导语】
    points:                         # 二级要点（一）（二）……
      - heading: 【待补充：要点标题】
        text: 【待补充：要点正文，与标题同段】
      - heading: 【待补充：要点标题】
        run_in: false               # 标题单独成行
        text: 【待补充：要点正文】
        points:                     # 三级要点 1. 2. ……，其下还可有四级（1）（2）
          - heading: 【待补充：三级要点标题】
            text: 【待补充：三级要点正文】
          - heading: 【待补充：三级要点标题】
            text: 【待补充：三级要点正文】
  - heading: 【待补充：第二部分标题】
    paragraphs:
      - 【待补充：这一部分的导语】
    series: 一是                    # 一是……二是……；或写 第一（第一，……第二，……）
    items:                          # 每项一段
      - lead: 【待补充：第一项的要点】
        text: 【待补充：第一项正文】
      - lead: 【待补充：第二项的要点】
        text: 【待补充：第二项正文】
  - heading: 【待补充：第三部分标题】
    paragraphs:
      - 【待补充：这一部分的导语】
    inline: true                    # 各项写在同一段：“引导语一是……；二是……。”
    lead_in: 【待补充：引导语】：
    items:
      - 【待补充：第一项】
      - 【待补充：第二项】

closing:
  - 同志们，【待补充：结束语】
"""

_REPORT = """\
# 调研报告骨架（gongwen new 调研报告）。把每个【待补充】换成实际内容，不需要的键可以删去；
# gongwen lint 会列出还没填的地方。序号（一、（一）1.（1）一是）由 gongwen 自动生成，不要手写。
# 文中的 {{{{ year }}}}、{{{{ org }}}} 在生成时换成下面 vars 中的值，明年改一处即可。
kind: 调研报告
title: 关于【待补充：调研题目】情况的调研报告
template: report                    # 内置模板 report，或本单位模板 .docx 的路径
author: "{{{{ org }}}}调研组"
date: {date}                    # 成文日期，请改为实际日期
vars:
  year: {year}
  org: {org}

intro:
  - 为【待补充：调研目的】，{{{{ year }}}}年【待补充：时间】，{{{{ org }}}}组成调研组，采取【待补充：调研方式】等方式，深入了解【待补充：调研内容】。
  - 【待补充：基本情况和主要数据】现将调研情况报告如下。

achievements:                       # 一、主要做法及成效（heading 可改）
  heading: 主要做法及成效
  paragraphs:
    - 【待补充：总体评价】
  points:
    - heading: 【待补充：做法或成效】
      text: 【待补充：具体情况和数据】
    - heading: 【待补充：做法或成效】
      text: 【待补充：具体情况和数据】
      inline: true                  # 各项写在同一段
      lead_in: 主要做法有：
      items:
        - 【待补充：第一项】
        - 【待补充：第二项】

problems:                           # 二、存在的问题
  heading: 存在的问题
  paragraphs:
    - 【待补充：总体判断】
  points:
    - heading: 【待补充：问题】
      text: 【待补充：表现和原因】
      series: 一是                  # 或 第一
      items:                        # 每项一段
        - lead: 【待补充：第一方面】    # 生成“一是第一方面。具体表现……”
          text: 【待补充：具体表现】
        - 【待补充：第二方面，也可以只写一句】
    - heading: 【待补充：问题】
      text: 【待补充：表现和原因】

recommendations:                    # 三、意见和建议
  heading: 意见和建议
  paragraphs:
    - 【待补充：总体思路】
  points:
    - heading: 【待补充：建议】
      run_in: false                 # 标题单独成行
      text: 【待补充：建议的具体内容】
      points:                       # 三级要点 1. 2. ……
        - heading: 【待补充：具体措施】
          text: 【待补充：措施内容】
        - heading: 【待补充：具体措施】
          text: 【待补充：措施内容】
    - heading: 【待补充：建议】
      text: 【待补充：建议的具体内容】

# 需要时可在三个部分之后再加部分（编为 四、五、……）：
# sections:
#   - heading: 下一步工作打算
#     paragraphs:
#       - 【待补充】
"""

SKELETONS = {"speech": _SPEECH, "report": _REPORT}


def skeleton(kind: str, year: Optional[int] = None, org: str = "", today: Optional[datetime.date] = None) -> str:
    """The YAML skeleton of ``kind`` (an ASCII kind name) for ``year`` (default: this year);
    ``org`` is the office's name (its settings' ``org``), a placeholder when empty."""
    if kind not in SKELETONS and kind not in FORMS:
        raise GongwenError(f"未知的类型 {kind}：只能是 {KIND_CHOICES}")
    today = today or datetime.date.today()
    year = year or today.year
    date = today if today.year == year else datetime.date(year, 1, 1)
    iso = f"{date.year}-{date.month:02d}-{date.day:02d}"
    if kind in FORMS:
        return family_skeleton(kind, year, org, iso, quoted)
    org_value = org or "【待补充：单位名称】"
    return SKELETONS[kind].format(year=year, org=quoted(org_value), date=iso)


def quoted(value: str) -> str:
    """``value`` as a YAML scalar: plain when it reads back as itself, else a quoted string."""
    try:
        plain = yaml.safe_load(f"k: {value}") == {"k": value}
    except yaml.YAMLError:
        plain = False
    return value if plain else json.dumps(value, ensure_ascii=False)
