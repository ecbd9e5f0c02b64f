"""Template checks: a template restyled in Word, simulated by editing its XML."""

import re
import zipfile

import pytest

from gongwen.builder import templatecheck
from gongwen.errors import TemplateError
from gongwen.builder.render import load_template
from gongwen.builder.templatemaker import KINDS

from tests.paths import ROOT

SPEECH = ROOT / "templates" / "speech.docx"
PARA = re.compile(r"<w:p>.*?</w:p>", re.S)


def _parts(path=SPEECH):
    with zipfile.ZipFile(path) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def make(tmp_path, edit, name="edited.docx", part="word/document.xml", raw=False):
    """A copy of the speech template whose ``part`` went through ``edit``.

    ``edit`` gets the list of body paragraphs of document.xml, or the whole XML
    of another part (or of document.xml with ``raw``).
    """
    parts = _parts()
    xml = parts[part].decode("utf-8")
    if part == "word/document.xml" and not raw:
        paras = PARA.findall(xml)
        head, tail = xml[: xml.index(paras[0])], xml[xml.rindex(paras[-1]) + len(paras[-1]):]
        paras = edit(paras)
        xml = head + "".join(paras) + tail
    else:
        xml = edit(xml)
    parts[part] = xml.encode("utf-8")
    path = tmp_path / name
    with zipfile.ZipFile(path, "w") as zf:
        for key, data in parts.items():
            zf.writestr(key, data)
    return str(path)


def index_of(paras, kind):
    """Index of the ``{%p … p.kind == "kind" %}`` paragraph."""
    return next(i for i, p in enumerate(paras) if f'p.kind == &quot;{kind}&quot;' in p
                or f'p.kind == "{kind}"' in p)


@pytest.mark.parametrize("name", ["speech", "report"])
def test_builtin_templates_are_clean(name):
    assert templatecheck.check(str(ROOT / "templates" / f"{name}.docx")) == []


def test_every_kind_has_a_branch_in_the_builtin_template():
    paras = PARA.findall(_parts()["word/document.xml"].decode("utf-8"))
    for kind in KINDS:
        index_of(paras, kind.name)


def test_split_tag_is_a_warning_naming_the_paragraph(tmp_path):
    def split(paras):
        i = index_of(paras, "h1") + 1
        run = re.search(r"<w:r>(<w:rPr>.*?</w:rPr>)?<w:t xml:space=\"preserve\">\{\{ p.text \}\}</w:t></w:r>",
                        paras[i])
        rpr = run.group(1) or ""
        bold = "<w:rPr><w:b/></w:rPr>"  # a second piece formatted differently
        pieces = (f'<w:r>{rpr}<w:t xml:space="preserve">{{{{ p.te</w:t></w:r>'
                  f'<w:r>{bold}<w:t xml:space="preserve">xt }}}}</w:t></w:r>')
        paras[i] = paras[i].replace(run.group(0), pieces)
        return paras

    path = make(tmp_path, split)
    problems = templatecheck.check(path)
    assert len(problems) == 1
    assert problems[0].startswith("提醒：第 13 段“{{ p.text }}”：标签 {{ p.text }} 被 Word 拆成了 2 段文字")
    # A warning does not stop the build, and render joins the pieces.
    assert templatecheck.ensure(path, {"h1"})[0].startswith(f"{path}: 提醒：第 13 段")
    assert templatecheck.ensure(path, {"h1"}) == []  # once per process
    rendered = load_template(path).render([{"kind": "h1", "text": "一、标题"}], "t", "0")
    assert "一、标题" in rendered["word/document.xml"].decode("utf-8")


def test_renamed_variable_names_paragraph_and_lost_field(tmp_path):
    def rename(paras):
        i = index_of(paras, "h3") + 1
        paras[i] = paras[i].replace("{{ p.text }}", "{{ p.tex }}")
        return paras

    problems = templatecheck.check(make(tmp_path, rename))
    assert len(problems) == 2
    assert problems[1].startswith("第 17 段“{{ p.tex }}”：未知变量 p.tex（可用：")
    assert any("第 16 段“{%p elif p.kind == \"h3\" %}”：后面“三级标题”的示例段落里没有 {{ p.text }}" in p
               for p in problems)


def test_unknown_top_level_variable(tmp_path):
    def add(paras):
        i = index_of(paras, "title") + 1
        paras[i] = paras[i].replace("{{ p.text }}", "{{ p.text }}{{ org }}")
        return paras

    problems = templatecheck.check(make(tmp_path, add))
    assert problems == ["第 3 段“{{ p.text }}{{ org }}”：未知变量 org（模板里只能用 paragraphs 和循环变量，如 p.text）"]


def test_deleted_kind_is_missing(tmp_path):
    def delete(paras):
        i = index_of(paras, "h4")
        return paras[:i] + paras[i + 2:]

    path = make(tmp_path, delete)
    problems = templatecheck.check(path)
    assert problems == ['缺少段落类型 h4（四级标题）：模板里没有 {%p elif p.kind == "h4" %} 及其示例段落，'
                        "这类段落会从成稿中丢失"]
    # The build only fails for documents that have level-4 headings.
    assert templatecheck.ensure(path, {"title", "body"}) == []
    with pytest.raises(TemplateError) as info:
        templatecheck.ensure(path, {"title", "h4"})
    assert "缺少段落类型 h4" in str(info.value) and str(info.value).startswith(path)


def test_deleted_example_paragraph_only(tmp_path):
    def delete(paras):
        i = index_of(paras, "closing")
        return paras[: i + 1] + paras[i + 2:]

    problems = templatecheck.check(make(tmp_path, delete))
    assert problems == ['第 30 段“{%p elif p.kind == "closing" %}”：后面缺少“结束语”的示例段落，closing 类段落不会输出']


def test_deleted_endif_points_at_both_places(tmp_path):
    def delete(paras):
        return [p for p in paras if "endif" not in p]

    problems = templatecheck.check(make(tmp_path, delete))
    assert problems == ['第 45 段“{%p endfor %}”：这里是 endfor，但第 2 段“{%p if p.kind == "title" %}”的 if '
                        "还没有用 endif 结束"]


def test_deleted_endfor(tmp_path):
    def delete(paras):
        return [p for p in paras if "endfor" not in p]

    problems = templatecheck.check(make(tmp_path, delete))
    assert problems == ["第 1 段“{%p for p in paragraphs %}”：for 没有对应的 {%p endfor %}（可能在 Word 里连同段落一起删掉了）"]


def test_broken_expression_in_block_tag(tmp_path):
    def broken(paras):
        i = index_of(paras, "h2")
        paras[i] = paras[i].replace("p.kind == &quot;h2&quot;", "p.kind = &quot;h2&quot;").replace(
            'p.kind == "h2"', 'p.kind = "h2"')
        return paras

    problems = templatecheck.check(make(tmp_path, broken))
    assert len(problems) == 1
    assert problems[0].startswith('第 14 段“{%p elif p.kind = "h2" %}”：模板标签有误：')


def test_unclosed_tag(tmp_path):
    def broken(paras):
        i = index_of(paras, "body") + 1
        paras[i] = paras[i].replace("{{ p.text }}", "{{ p.text }")
        return paras

    problems = templatecheck.check(make(tmp_path, broken))
    assert problems == ["第 27 段“{{ p.text }”：标签不完整（有 {{ 却没有与之配对的另一半），可能在 Word 里删掉了一部分"]


def test_para_tag_sharing_a_paragraph(tmp_path):
    def broken(paras):
        i = index_of(paras, "item")
        paras[i] = paras[i].replace("%}</w:t>", "%}说明文字</w:t>")
        return paras

    problems = templatecheck.check(make(tmp_path, broken))
    assert problems[0].startswith('第 28 段“{%p elif p.kind == "item" %}说明文字”：{%p … %} 标签必须独占一段')


def test_unknown_kind_is_a_warning(tmp_path):
    def typo(paras):
        i = index_of(paras, "closing")
        paras[i] = paras[i].replace("closing", "closng")
        return paras

    problems = templatecheck.check(make(tmp_path, typo))
    assert problems[0].startswith('提醒：第 30 段“{%p elif p.kind == "closng" %}”：未知的段落类型“closng”')
    assert problems[1].startswith("缺少段落类型 closing（结束语）")


def test_docxtpl_row_tags_are_not_supported(tmp_path):
    def row(paras):
        i = index_of(paras, "body") + 1
        paras[i] = paras[i].replace("{{ p.text }}", "{%tr for x in y %}{{ p.text }}")
        return paras

    problems = templatecheck.check(make(tmp_path, row))
    assert "不支持 docxtpl 的 {%tr" in problems[0] and problems[0].startswith("第 27 段")


def test_tracked_changes_and_footer_tags_are_warnings(tmp_path):
    def tracked(paras):
        i = index_of(paras, "body") + 1
        paras[i] = paras[i].replace("<w:r>", '<w:ins w:id="1" w:author="办公室"><w:r>', 1).replace(
            "</w:r>", "</w:r></w:ins>", 1)
        return paras

    path = make(tmp_path, tracked)
    problems = templatecheck.check(path)
    assert len(problems) == 1 and problems[0].startswith("提醒：模板中有未接受的修订")

    path = make(tmp_path, lambda xml: xml.replace("— </w:t>", "— {{ org }}</w:t>"),
                name="footer.docx", part="word/footer1.xml")
    assert templatecheck.check(path)[0].startswith("提醒：页脚（word/footer1.xml）里有")


def test_not_a_docx(tmp_path):
    path = tmp_path / "bad.docx"
    path.write_text("not a zip")
    assert templatecheck.check(str(path))[0].startswith("模板无法打开")
    assert templatecheck.check(str(tmp_path / "missing.docx")) == ["找不到模板文件"]


def test_messages_never_show_xml(tmp_path):
    def mess(paras):
        i = index_of(paras, "h3") + 1
        paras[i] = paras[i].replace("{{ p.text }}", "{{ p.tex }} {{ p.text }")
        return [p for p in paras if "endif" not in p]

    for problem in templatecheck.check(make(tmp_path, mess)):
        assert "<w:" not in problem and "w:t" not in problem


def test_misspelt_end_tag_is_named(tmp_path):
    def typo(paras):
        return [p.replace("{%p endif %}", "{%p endiff %}") for p in paras]

    assert templatecheck.check(make(tmp_path, typo)) == [
        "第 45 段“{%p endiff %}”：未知的标签 endiff（常用的有 for、endfor、if、elif、else、endif）"]


def test_unknown_filter_and_inline_block(tmp_path):
    def edit(paras):
        i = index_of(paras, "body") + 1
        paras[i] = paras[i].replace("{{ p.text }}", "{{ p.text | nosuchfilter }}")
        j = index_of(paras, "closing") + 1
        paras[j] = paras[j].replace("{{ p.text }}", "{% if p.text %}{{ p.text }}")
        return paras

    problems = templatecheck.check(make(tmp_path, edit))
    # No filter at all is in the tag language (tags.py), known to Jinja or not.
    assert problems[0] == ("第 27 段“{{ p.text | nosuchfilter }}”：标签 {{ p.text | nosuchfilter }} "
                           "不是 gongwen 模板的写法：不能用过滤器（| …）")
    assert problems[1].startswith("第 31 段“{% if p.text %}{{ p.text }}”：段内的 {% … %} 块没有在同一段内结束")


def test_inline_block_closed_in_its_paragraph_is_fine(tmp_path):
    def edit(paras):
        i = index_of(paras, "body") + 1
        paras[i] = paras[i].replace("{{ p.text }}", "{% if p.text %}{{ p.text }}{% endif %}")
        return paras

    assert templatecheck.check(make(tmp_path, edit)) == []


def test_template_with_doctype_is_refused(tmp_path):
    path = make(tmp_path, lambda xml: xml.replace("?>", '?><!DOCTYPE w:document [<!ENTITY x "实体">]>', 1),
                raw=True)
    assert templatecheck.check(path)[0].startswith("模板正文（document.xml）带有文档类型声明")


def test_curly_quotes_from_word_autoformat(tmp_path):
    def curly(paras):
        i = index_of(paras, "h3")
        paras[i] = paras[i].replace("&quot;h3&quot;", "“h3”").replace('"h3"', "“h3”")
        return paras

    problems = templatecheck.check(make(tmp_path, curly))
    assert problems == ['第 16 段“{%p elif p.kind == “h3” %}”：标签 {%p elif p.kind == “h3” %} 里的引号被 Word 自动改成了'
                        '中文引号，请改回英文引号 "（或关闭 Word 的“自动套用格式 → 直引号替换为弯引号”）']


def test_theme_fonts_are_warned_about(tmp_path):
    def theme(paras):
        i = index_of(paras, "h1") + 1
        paras[i] = paras[i].replace('<w:r><w:t xml:space="preserve">{{ p.text }}',
                                    '<w:r><w:rPr><w:rFonts w:eastAsia="黑体" w:eastAsiaTheme="minorEastAsia"/></w:rPr>'
                                    '<w:t xml:space="preserve">{{ p.text }}')
        return paras

    path = make(tmp_path, theme)
    problems = templatecheck.check(path)
    assert problems == ["提醒：第 13 段“{{ p.text }}”：用了主题字体（如“+中文正文”），在 Word、WPS 中会盖过写明的字体；"
                        "请改选具体字体名（仿宋_GB2312、黑体……）"]
    styled = make(tmp_path, lambda xml: xml.replace('w:eastAsia="黑体"', 'w:eastAsiaTheme="minorEastAsia"'),
                  name="styled.docx", part="word/styles.xml")
    assert templatecheck.check(styled) == ["提醒：样式“一级标题”“表题”“表格表头”用了主题字体（如“+中文正文”），在 Word、WPS 中会盖过写明的字体；"
                                           "请在“修改样式”里改选具体字体名"]


def test_underscore_attributes_are_refused(tmp_path):
    def reach(paras):
        i = index_of(paras, "body") + 1
        paras[i] = paras[i].replace("{{ p.text }}", "{{ p.text }}{{ paragraphs.__class__.__mro__ }}")
        return paras

    problems = templatecheck.check(make(tmp_path, reach))
    assert problems == ["第 27 段“{{ p.text }}{{ paragraphs.__class__.__m…”：标签 {{ paragraphs.__class__.__mro__ }} "
                        "不是 gongwen 模板的写法：不允许访问以下划线开头的属性 __class__"]
