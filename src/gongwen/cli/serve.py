"""``gongwen serve``: the local web app (an optional part: ``pip install gongwen[serve]``)."""

from __future__ import annotations

import click

HELP = """在浏览器中编辑内容、实时预览版面、检查草稿（只在本机访问）。

文件夹是内容所在的文件夹（默认当前文件夹）。页面列出其中的内容 YAML 和草稿（含子文件夹）；
打开一份内容，左边编辑 YAML（补全键名和文种，标出问题），右边即时显示按 GB/T 9704
排出的页面；可生成 .docx 和 PDF 并下载。把草稿（.docx .txt .md）拖到页面上，
即可看到检查报告，下载加批注的副本和修订副本，或直接排成标准公文。

服务只监听 127.0.0.1，拒绝其他主机名和其他网站的请求，每次会话有随机令牌，
只读写这个文件夹之内的文件；生成的文件放在临时文件夹，下载后即可使用。

\b
示例：
  gongwen serve content/
  gongwen serve --port 8765 --no-browser
"""


@click.command("serve", help=HELP)
@click.argument("folder", type=click.Path(exists=True, file_okay=False), default=".")
@click.option("--port", type=click.IntRange(0, 65535), default=0, help="端口（默认自动选择空闲端口）")
@click.option("--no-browser", is_flag=True, help="不自动打开浏览器")
def serve(folder, port, no_browser):
    try:
        from gongwen.serve.app import serve as run
    except ImportError as exc:
        raise click.ClickException(f"gongwen serve 需要可选组件：pip install 'gongwen[serve]'（{exc.name} 未安装）")
    run(folder, port=port, open_browser=not no_browser)
