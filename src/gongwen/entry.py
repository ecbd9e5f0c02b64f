"""The console entry point: ``gongwen --version`` and ``gongwen --help`` without click.

Importing click alone costs four times a bare Python start-up, and these two
answers are all some callers (scripts, pre-commit, shell completion checks)
ever ask for.  They are answered from plain data here; everything else goes to
the click group in cli.py.  ``tests/test_entry.py`` checks that this text is
exactly what click prints, so the two never drift apart.
"""

import sys

HELP = '用法：gongwen [选项] 命令 [参数]...\n\n  gongwen：按 GB/T 9704-2012 生成和检查公文。\n\n  示例：\n    gongwen build content/                 生成 content/ 下全部文档到 out/\n    gongwen build content/speech.yaml -o 成稿/\n    gongwen build 草稿.docx                 直接把草稿排成标准公文\n    gongwen new 通知 -o content/通知.yaml    新建一份通知（各文种均可）\n    gongwen lint 草稿.docx 报告.txt         检查草稿\n    gongwen lint --fix 草稿.txt             自动修正可安全修正的问题\n    gongwen new speech -o content/2024/speech.yaml --from content/2023/speech.yaml\n    gongwen import 去年讲话.docx -o content/speech.yaml\n\n选项：\n  -V, --version  显示版本号并退出\n  -h, --help     显示帮助并退出\n\n命令：\n  build      把 YAML 内容或现成草稿排成符合 GB/T 9704 的 .docx 公文\n  lint       检查公文草稿（.docx .txt .md .yaml）的格式与标点\n  rule       解释一条检查规则\n  import     把已有公文（.docx .txt .md）转成 YAML 内容\n  new        新建内容：空白骨架，或从去年的内容开始\n  templates  列出、复制、检查模板\n  schema     输出内容 YAML 的 JSON Schema（编辑器补全用）\n  serve      在浏览器中编辑内容、实时预览版面、检查草稿（本机网页）\n'


def main(argv=None):
    args = sys.argv[1:] if argv is None else list(argv)
    if args in (["--version"], ["-V"]):
        from gongwen import __version__

        sys.stdout.write(f"gongwen {__version__}\n")
        return 0
    if args in (["--help"], ["-h"]):
        sys.stdout.write(HELP)
        return 0
    if args[:1] == ["lint"]:
        from gongwen.cli.lintfast import fast

        code = fast(args[1:])
        if code is not None:
            return code
    if args[:1] == ["build"]:
        from gongwen.cli.buildfast import fast as build_fast

        code = build_fast(args[1:])
        if code is not None:
            return code
    from gongwen.cli import main as click_main

    return click_main(args, prog_name="gongwen")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
