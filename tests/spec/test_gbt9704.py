"""GB/T 9704-2012 figures and the official font faces."""

from gongwen.spec.gbt9704 import face_family


def test_face_families():
    assert face_family("仿宋_GB2312") == face_family("FangSong") == face_family("华文仿宋") == "仿宋"
    assert face_family("方正小标宋简体") == face_family("方正小标宋_GBK") == "小标宋"
    assert face_family("宋体") == face_family("SimSun") == "宋体"
    assert face_family("楷体_GB2312") == face_family("KaiTi") == "楷体"
    assert face_family("黑体") == face_family("SimHei") == "黑体"
    assert face_family("Times New Roman") is None
