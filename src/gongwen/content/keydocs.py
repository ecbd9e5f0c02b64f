"""What each content key means, in a line of Chinese: the descriptions of the JSON Schema
(:mod:`gongwen.content.jsonschema`), shown by editors when a writer completes or hovers a key.

One table, keyed like :func:`gongwen.content.schema.all_keys`; a test checks that every key has
its line.  Pure data.
"""

from __future__ import annotations

from typing import Dict

KEY_DOCS: Dict[str, str] = {
    # every document
    "kind": "文种：讲话稿、调研报告、通知、请示、报告、函、纪要、意见、方案、办法、规定、细则、批复、复函（中文或英文名均可）",
    "title": "标题：一行文字；要自己断行时写成列表，每行一项",
    "template": "模板：内置模板名或 .docx 模板文件的路径（一般不写）",
    "date": "日期：如 2024年3月15日 或 2024-03-15",
    "vars": "变量：在正文中用 {{ 名称 }} 引用的值",
    # speech and report
    "subtitle": "副标题：如“在全县安全生产工作会议上的讲话”",
    "speaker": "讲话人：职务和姓名",
    "salutation": "称谓：如“同志们：”",
    "opening": "开头：正文前的段落（一段一项）",
    "sections": "正文各部分（一、二、三……），每项有 heading 和 paragraphs 等",
    "closing": "结束语：正文后的段落",
    "author": "作者（调研报告的署名行）",
    "intro": "引言：报告开头的段落",
    "achievements": "主要做法及成效（调研报告的一部分）",
    "problems": "存在的问题（调研报告的一部分）",
    "recommendations": "意见和建议（调研报告的一部分）",
    "signature": "署名：发文机关或单位名称（多个机关写成列表）",
    # 版头
    "copy_number": "份号：如 000001",
    "secrecy": "密级和保密期限：如“秘密★1年”",
    "urgency": "紧急程度：特急 或 加急",
    "issuer": "发文机关：一个机关写文字，联合行文写成列表",
    "mark": "发文机关标志：默认为发文机关名称加“文件”",
    "doc_number": "发文字号：如“清政办发〔2024〕21号”，或分开写 code、year、serial",
    "signers": "签发人（上行文）：一人写文字，多人写成列表",
    "recipients": "主送机关：一个写文字，多个写成列表",
    "reply_to": "来文（批复、复函所答复的文件）：addressee、title、number",
    # body parts
    "articles": "条款：第一条、第二条……（每条一项）",
    "chapters": "章：第一章、第二章……，每章有 heading 和 articles",
    "present": "出席人员（纪要）",
    "absent": "请假人员（纪要）",
    "observers": "列席人员（纪要）",
    "attachments": "附件：每项是附件名称，或带正文的附件（title 及其正文）",
    "seal": "印章：true 加盖印章、false 不加盖，或“签名章”",
    "note": "附注：如“（联系人：张明，电话：1234567）”",
    # 版记
    "cc": "抄送机关：一个写文字，多个写成列表",
    "printer": "印发机关：如“清河县人民政府办公室”",
    "printed": "印发日期：如 2024年3月15日 或 2024-03-15",
    # sections, points, series
    "heading": "标题：本部分、本层次或本章的标题",
    "paragraphs": "段落：一段一项（也可以放表格）",
    "points": "下一层次的各项（（一）（二）……或 1. 2. ……）",
    "text": "正文：本项的段落或条文",
    "run_in": "标题与正文同段（true）或标题单独成段（false）",
    "items": "分项：“一是……二是……”，每项是文字或 lead 加 text",
    "inline": "分项接排在同一段中（true）或各自成段（false）",
    "series": "分项的序号写法：一是 或 第一",
    "lead_in": "分项前的引导语",
    "after": "分项后的段落",
    "lead": "分项的引领句（如“紧盯道路交通安全”）",
    # reply_to, doc_number
    "addressee": "来文机关",
    "number": "来文的发文字号",
    "code": "机关代字：如 清政办发",
    "year": "年份：四位数字",
    "serial": "序号：如 21",
    # tables
    "table": "表格：caption、header、rows、notes、align",
    "caption": "表题",
    "header": "表头：每列一项",
    "rows": "表格各行：每行是一个列表，每格一项",
    "notes": "表注：表格下的注释、资料来源",
    "align": "各列对齐：left/左、center/居中、right/右，每列一项",
}
