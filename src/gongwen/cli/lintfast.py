"""``gongwen lint FILE...`` and ``gongwen lint --help`` without click.

Importing click costs several times a bare Python start-up, more than linting a
short file.  When the arguments are only paths (no option, no ``-`` for stdin)
and every path exists, :func:`fast` runs :func:`gongwen.cli.lintrun.run` with the
default settings, as the click command would; anything else returns ``None``
and goes to click.  ``tests/cli/test_lintfast.py`` checks that the help here is
exactly what click prints and that both paths print the same findings.
"""

import os

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import List, Optional

HELP = '用法：gongwen lint [选项] 路径...\n\n  检查公文草稿（.docx .txt .md，YAML 内容）的序号、层次、标点、数字日期、草稿\n  残留和版式。\n\n  路径可以是文件、文件夹（递归查找 .docx .txt .md .yaml），或 - 表示从标准输入\n  读取文本。输出格式为“文件:行:列: 代码 说明”；.docx 的“行”是段落序号（含\n  空段、表格内段落）。\n\n  示例：\n    gongwen lint 草稿.docx                 检查一份 Word 草稿\n    gongwen lint content/ 草稿/            检查整个文件夹\n    gongwen lint --fix 讲话稿.txt           就地修正可安全修正的问题，并列出改动\n    gongwen lint --diff 讲话稿.md           只显示将要做的修正，不改文件\n    gongwen lint --annotate 草稿.docx       另存一份带 Word 批注的副本（草稿.annotated.docx）\n    gongwen lint --annotate --fix 草稿.docx 批注之外，修正也以修订标出，可逐条接受或拒绝\n    gongwen lint --select GW4,GW5 草稿.txt  只查标点和数字\n    gongwen lint --ignore GW413 草稿.txt    不查某条规则\n    gongwen lint --format json 草稿.docx    输出 JSON（也可 github、sarif）\n    gongwen lint --format html -o 报告.html 草稿/  生成网页报告：原文标出问题，点击查看规则说明\n    cat 草稿.txt | gongwen lint -          检查标准输入\n\n  设置：每个文件所在文件夹或上级文件夹中最近的 gongwen.yaml / gongwen.yml\n  （lint: 一节）或 setup.cfg（[gongwen.lint] 一节），与 gongwen build 读取的是\n  同一个文件；可写 select、ignore、severity（如 GW413=error，只能调整“办公实\n  践”类规则）、year、level3、strict。\n\n  行内关闭某条规则（与文字同行只管这一行；单独一行则管到文件末尾或 enable\n  处）：\n\n    .md 中写        <!-- gongwen: disable=GW201 -->\n    .txt/.yaml 中写  # gongwen: disable=GW201\n\n  退出码：0 没有错误（只有警告也是 0，除非 --strict）；1 发现错误；2 有文件无\n  法读取，或 --fix 无法写回。\n\n选项：\n  --format [text|json|github|sarif|html]\n                                  输出格式（默认：text）\n  -o, --output 文件               把检查结果写入此文件（各种格式均可；不覆盖被\n                                  检查的文件或其他内容的文件）\n  --select 代码                   只用这些规则（代码或前缀，逗号分隔，如\n                                  GW4,GW501）\n  --ignore 代码                   不用这些规则（代码或前缀）\n  --severity 代码=级别            调整“办公实践”类规则的级别，如 GW413=error\n  --year 年份                     本年度（用于发现沿用旧稿留下的往年年份）\n  --fix                           就地修正可安全修正的问题（.docx 另存为\n                                  名称.fixed.docx，改动以修订标出）\n  --diff                          显示将要做的修正，不改文件\n  --strict                        有警告也以退出码 1 结束\n  --list-rules                    列出全部规则（代码、级别、名称）\n  --annotate                      每个问题写成一条 Word 批注，另存为\n                                  名称.annotated.docx（只用于 .docx）\n  --author 名字                   批注和修订的作者（默认：gongwen）\n  --no-track-changes              --fix 修正 .docx 时直接改动，不以修订标出\n  --output-dir 文件夹             批注副本和修正后的副本写到这个文件夹（默认与\n                                  原文件同一文件夹）\n  -h, --help                      显示帮助并退出\n'


def simple_paths(args: "List[str]") -> bool:
    return bool(args) and all(a and not a.startswith("-") and os.path.exists(a) for a in args)


def fast(args: "List[str]") -> "Optional[int]":
    """The exit code of ``gongwen lint ARGS``, or ``None`` when click must parse them."""
    if args in (["--help"], ["-h"]):
        import sys

        sys.stdout.write(HELP)
        return 0
    if not simple_paths(args):
        return None
    from gongwen.cli.lintrun import run
    from gongwen.settings import LintOverrides

    return run(args, LintOverrides(select=None, ignore=[], year=None, strict=False))
