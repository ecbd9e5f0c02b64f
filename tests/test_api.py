"""The library API (``gongwen.build``, ``gongwen.api``): usable without click."""

import gongwen

GOOD = "kind: speech\ntitle: 讲话\nsections:\n  - heading: 甲\n    paragraphs: 乙。\n"


def test_library_api_without_click(tmp_path, write):
    write("a.yaml", GOOD)
    results = gongwen.build(tmp_path / "a.yaml", tmp_path / "out")
    assert [r.ok for r in results] == [True]
