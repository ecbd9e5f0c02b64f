"""``gongwen rule``: explain a lint rule, or print every rule's documentation."""

from __future__ import annotations

import sys
from typing import Optional

import click

from gongwen.lint.registry import all_rules, get_rule

RULE_HELP = """解释一条检查规则：问题、原因、错误示例和正确示例，以及级别、依据和适用的文件格式。

\b
示例：
  gongwen rule GW101
  gongwen rule --docs > docs/rules.md    生成全部规则的说明文档
"""


@click.command("rule", help=RULE_HELP, context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("code", required=False, metavar="[规则代码]")
@click.option("--docs", is_flag=True, help="输出全部规则的 Markdown 文档（docs/rules.md）")
def rule(code: Optional[str], docs: bool):
    from gongwen.lint.output import explain_rule, rule_line, rules_markdown

    if docs:
        click.echo(rules_markdown(all_rules()), nl=False)
        return
    if not code:
        for r in all_rules():
            click.echo(rule_line(r))
        return
    r = get_rule(code)
    if r is None and code.strip().isdigit():  # ``gongwen rule 401``: the GW left out
        r = get_rule("GW" + code.strip().zfill(3))
    if r is None:
        click.echo(f"没有规则 {code.upper()}；gongwen lint --list-rules 列出全部规则。", err=True)
        sys.exit(2)
    click.echo(explain_rule(r), nl=False)
