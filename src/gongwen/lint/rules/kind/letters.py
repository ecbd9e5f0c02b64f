"""GW005–GW006: a 函 closes as a letter; a 批复 or 复函 cites the document it answers.

The kind is read from the title or the content's ``kind`` (:mod:`.view`).  Both are office
practice (《党政机关公文处理工作条例》第八条 names the kinds, not their closings): warnings.
"""

from __future__ import annotations

from gongwen.spec import lazyre

from gongwen.lint.findings import hit
from gongwen.lint.registry import PRACTICE, rule
from gongwen.lint.rules.kind.view import DOC_NUMBER, closing, doc_kind, main_body

#: A letter's customary closing: 特此函告 / 特此函复 / 请予函复 / 盼复 / ……为盼 / 此复 …
_LETTER_CLOSES = lazyre.compile(r"特此|此复|此函|专此|函告|函复|函达|函询|盼复|为盼|为荷|是荷|为感|请复|请予|敬请|恳请|"
                            r"望.{0,8}(?:支持|复|协助|配合)|请.{0,12}(?:支持|协助|配合|回复|答复|复函|研究)")
#: Where a reply names what it answers: ``……收悉``, ``来函``, ``来文``.
_RECEIVED = lazyre.compile(r"收悉|来函|来文|来电|你.{0,6}(?:请示|报告|函)")
_CITED_TITLE = lazyre.compile(r"《[^《》]{2,80}》")
_NUMBER_AFTER = lazyre.compile(r"\s*[（(]?\s*" + DOC_NUMBER.pattern)  # without brackets: GW007


@rule("GW005", "letter-closing", severity="warning", source=PRACTICE,
      message="函的结尾应有函的结语，如“特此函告。”“请予函复。”“盼复。”“……为盼。”。",
      why="函用于不相隶属机关之间商洽工作、询问和答复问题、请求批准（《党政机关公文处理工作条例》第八条），"
          "按惯例以“特此函告”“请予函复”“盼复”“特此函复”等结束，对方才知道是告知还是要回复。"
          "只在正文最后三段里找这些结语；写法各有习惯，故为警告。",
      bad=["关于商请支持乡村振兴示范片区建设的函\n市农业农村局：\n我县拟建设乡村振兴示范片区，涉及3个乡镇。\n"
           "以上情况请知悉。"],
      good=["关于商请支持乡村振兴示范片区建设的函\n市农业农村局：\n我县拟建设乡村振兴示范片区，涉及3个乡镇。\n"
            "恳请贵局予以支持为盼。"])
def letter_closing(ctx):
    if doc_kind(ctx) not in ("letter", "reply_letter"):
        return
    last = closing(ctx)
    if not last or any(_LETTER_CLOSES.search(ctx.paras[i].text) for i in last):
        return
    yield hit(ctx.paras[last[-1]], 0, "函的结尾没有函的结语：应以“特此函告。”“请予函复。”“盼复。”"
                                      "（复函用“特此函复。”“此复。”）等结束。")


@rule("GW006", "reply-cites-incoming", severity="warning", source=PRACTICE,
      message="批复、复函的开头应引述来文：先标题，后发文字号，如“你局《关于……的请示》（清农〔2024〕31号）收悉。”。",
      why="批复答复下级机关的请示，复函答复来函（《党政机关公文处理工作条例》第八条），开头引述来文的标题和发文字号，"
          "才能让人知道答复的是哪一份文件。只看正文前两段；来文没有发文字号（如来电）时无从引述，故为警告。",
      bad=["清河县人民政府关于同意县文化馆维修改造项目立项的批复\n县文化广电和旅游局：\n你局的请示收悉。经研究，现批复如下。\n"
           "同意县文化馆维修改造项目立项。\n此复。",
           "关于农村宅基地审批有关问题的复函\n清河镇人民政府：\n你单位《关于农村宅基地审批有关问题的请示》收悉。"
           "经研究，现函复如下。\n特此函复。"],
      good=["清河县人民政府关于同意县文化馆维修改造项目立项的批复\n县文化广电和旅游局：\n"
            "你局《关于县文化馆维修改造项目立项的请示》（清文旅〔2024〕12号）收悉。经研究，现批复如下。\n"
            "同意县文化馆维修改造项目立项。\n此复。"])
def reply_cites_incoming(ctx):
    if ctx.format == "yaml" or doc_kind(ctx) not in ("approval", "reply_letter"):
        return  # YAML content: reply_to makes the citation
    first = main_body(ctx)[:2]
    if not first:
        return
    for i in first:
        text = ctx.paras[i].text
        m = _CITED_TITLE.search(text)
        if m:
            if not _NUMBER_AFTER.match(text, m.end()) and not DOC_NUMBER.search(text[:m.start()]):
                yield hit(ctx.paras[i], m.end(), "引述来文时，标题之后应加圆括号注明发文字号，"
                                                 "如“《关于……的请示》（清农〔2024〕31号）收悉”。")
            return
    para = ctx.paras[first[0]]
    m = _RECEIVED.search(para.text)
    yield hit(para, m.start() if m else 0, "批复、复函的开头没有引述来文的标题和发文字号："
                                           "应写作“你局《关于……的请示》（清农〔2024〕31号）收悉。”。")
