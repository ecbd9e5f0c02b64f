"""``gongwen new --from`` on content that shares text through YAML anchors (``&p`` … ``*p``).

An alias is the very node its anchor made, so a walk over the content meets the
anchored text once per use; it must still be edited once, in the one place it is
written, and every use then reads the marked text.
"""

from __future__ import annotations

from gongwen.content import loader

from tests.limited import no_traceback, run_limited

SHARED = """\
kind: speech
title: 2023年工作会议上的讲话
date: 2023-02-16
opening:
  - &p 今年财政收入12亿元。
  - *p
sections:
  - heading: 总体情况
    paragraphs: &ps
      - 上年增长8%。
      - *p
  - heading: 下一步
    paragraphs: *ps
    points:
      - &point
        heading: 抓好2023年的重点
        text: 投入3000万元。
      - *point
closing:
  - "引用：*p 不是别名，2023年。"
"""


def test_each_shared_span_is_marked_once(tmp_path):
    last = tmp_path / "2023.yaml"
    last.write_text(SHARED, encoding="utf-8")
    out = tmp_path / "2024.yaml"
    ran = run_limited(["new", "speech", "--from", last, "-o", out], timeout=60)
    no_traceback(ran)
    assert ran.returncode == 0, ran.output
    text = out.read_text(encoding="utf-8")
    # the anchors and aliases stay as the writer wrote them, each anchor's text marked once
    assert "  - &p 【核实：今年】财政收入【核实：12亿元】。\n  - *p\n" in text
    assert "      - 【核实：上年】增长【核实：8%】。\n      - *p\n" in text
    assert "    paragraphs: *ps\n" in text
    assert "        heading: 抓好【核实：2023年】的重点\n        text: 投入【核实：3000万元】。\n      - *point\n" in text
    # below the header: title, 今年, 12亿元, 上年, 8%, 2023年, 3000万元 and the closing's 2023年
    assert text.split("\n", 1)[1].count("【核实：") == 8
    assert "8 处数字、日期已标为" in ran.stderr
    doc = loader.load(out)
    shared = "【核实：今年】财政收入【核实：12亿元】。"
    assert doc.opening == [shared, shared]
    assert doc.sections[0].paragraphs == doc.sections[1].paragraphs == ["【核实：上年】增长【核实：8%】。", shared]
    assert [p.heading for p in doc.sections[1].points] == ["抓好【核实：2023年】的重点"] * 2
