"""YAML mistakes and key paths through the real ``gongwen build`` and ``gongwen lint`` processes."""

from __future__ import annotations

from tests.processes import run_measured

SPEECH = """kind: 讲话稿
title: 在清河县防汛工作会议上的讲话
speaker: 副县长 李明
salutation：同志们：
sections:
  - heading: 认清形势
    paragraphs:
      - 今年入汛以来，全县降雨偏多。
"""

REPORT = """kind: 调研报告
title: 关于江州市社区养老服务的调研报告
achievements:
  paragraphs: [全市建成社区养老服务站42个。]
problems:
  points:
    - heading: 护理人员不足
      text:
        - 每站平均只有护理员2名。
        - ""
    - heading: 二、场地偏小
      text: 部分站点不足100平方米。
"""


def test_build_and_lint_explain_a_full_width_colon_at_its_line(tmp_path):
    (tmp_path / "讲话.yaml").write_text(SPEECH, encoding="utf-8")
    want = "讲话.yaml:4:11: YAML 语法错误：键 salutation 后面用了全角冒号“：”：YAML 只认半角冒号。" \
           "请把“salutation：”改为“salutation: ”（半角冒号，后面加一个空格）"
    built = run_measured(["build", "讲话.yaml", "-o", "out"], cwd=tmp_path)
    assert built.returncode != 0 and want in built.output.splitlines(), built.output
    linted = run_measured(["lint", "讲话.yaml"], cwd=tmp_path)
    assert want.replace(":4:11: ", ":4:11: GW710 ") in linted.output.splitlines(), linted.output
    assert "could not find" not in built.output + linted.output


def test_build_and_lint_name_places_as_the_writer_counts(tmp_path):
    (tmp_path / "调研.yaml").write_text(REPORT, encoding="utf-8")
    built = run_measured(["build", "调研.yaml", "-o", "out"], cwd=tmp_path)
    assert "调研.yaml:10:11: “存在的问题”部分（一）的第2段：不能为空" in built.output.splitlines(), built.output
    assert "“存在的问题”部分（二）的标题：标题开头不要手写序号“二、”" in built.output
    linted = run_measured(["lint", "调研.yaml"], cwd=tmp_path)
    assert "调研.yaml:10:11: GW708 “存在的问题”部分（一）的第2段：不能为空" in linted.output.splitlines(), linted.output
    assert "problems.points" not in built.output + linted.output
