"""Paragraphs of a draft: 1-based lines and columns, also for text pieced from several lines."""

from __future__ import annotations

from gongwen.draft.source import Para


def test_para_positions_with_segments():
    p = Para(3, "第一行 第二行", 5, segments=((0, 3, 5), (4, 4, 7)))
    assert p.position(0) == (3, 5)
    assert p.position(2) == (3, 7)
    assert p.position(4) == (4, 7)
    assert p.position(6) == (4, 9)
    assert Para(2, "有\t转义", 7, exact=False).position(3) == (2, 7)
