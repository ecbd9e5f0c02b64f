"""Review copies of a .docx: one Word comment per finding on the finding's characters, fixes as
tracked changes that reject back to the draft and accept to a draft with nothing left to fix."""

import zipfile

import pytest

from gongwen.atomic import WriteError
from gongwen.draft.read import read_source
from gongwen.lint.engine import lint_source
from gongwen.lint.review import span_of, write_review
from gongwen.ooxml.names import w

from tests.lint.review_docs import (accepted, comment_ranges, document_root, faulty_draft, reject_by, rejected,
                                    source_after, texts)

DATE = "2026-12-01T08:00:00Z"


@pytest.fixture
def draft(tmp_path):
    return faulty_draft(tmp_path / "草稿.docx")


def _review(path, **kw):
    src = read_source(str(path))
    found = lint_source(src)
    return src, found, write_review(src, found, date=DATE, **kw)


def _expected_span(f, src):
    span = span_of(f, f.para)
    if span is None:
        para = f.para if f.para is not None else src.paras[f.line - 1]
        return para.text[para.label_len:]
    return f.para.text[span[0]:span[1]]


def test_one_comment_per_finding_on_its_characters(draft):
    before = draft.read_bytes()
    src, found, review = _review(draft)
    assert review.path == str(draft.parent / "草稿.annotated.docx")
    assert draft.read_bytes() == before
    assert review.comments == len(found) > 30
    import docx

    comments = list(docx.Document(review.path).comments)
    ours = [c for c in comments if c.author == "gongwen"]
    assert len(ours) == len(found)
    assert [c.text for c in comments if c.author == "李明"] == ["报送时间请再核实。"]  # the draft's own, kept
    ranges = comment_ranges(review.path)
    for f, c in zip(found, ours):  # comments are written in the order lint reports the findings
        assert c.text.startswith(f"{f.code}（")
        assert f.message in c.text
        assert ranges[str(c.comment_id)] == _expected_span(f, src), f
    # the text did not change: the marks only wrap runs
    assert texts(read_source(review.path)) == texts(src)


def test_spans_follow_the_documented_rule(draft):
    src, found, review = _review(draft)
    ranges = comment_ranges(review.path)
    by_code = {}
    for f, cid in zip(found, sorted((k for k in ranges if int(k) > 900), key=int)):
        by_code.setdefault(f.code, []).append(ranges[cid])
    assert by_code["GW401"][0] == ","  # the fix's range
    assert by_code["GW413"] == [" "]
    assert by_code["GW102"] == ["(一)"]
    assert by_code["GW602"] == ["XXX"]  # no fix: the token
    assert by_code["GW101"] == ["一."]
    assert "县林业局,县应急管理局" not in by_code["GW401"] and "," in by_code["GW401"]  # a table cell
    # Word numbering: findings in the label cover the paragraph the label belongs to (without the label)
    assert "检查组由县应急管理局牵头,县林业局配合." in by_code["GW807"]
    assert by_code["GW801"] == ["清河县应急管理局关于开展冬季森林防火检查的通知"]  # page set-up: first paragraph


def test_runs_are_split_without_changing_their_formatting(draft):
    _, _, review = _review(draft)
    root = document_root(review.path)
    p = [p for p in root.iter(w("p")) if "".join(t.text or "" for t in p.iter(w("t"))).startswith("为切实")][0]
    runs = [r for r in p.iter(w("r")) if r.find(w("t")) is not None]
    bold = ["".join(t.text for t in r.iter(w("t"))) for r in runs if r.find(f"{w('rPr')}/{w('b')}") is not None]
    assert "".join(bold) == ",确保人民群众生命财产安全;"
    assert len(bold) == 3  # "," and ";" cut out of the bold run, each piece still bold


def test_no_overwrite_and_output_dir(draft, tmp_path):
    _review(draft)
    with pytest.raises(WriteError):
        _review(draft)
    _, _, review = _review(draft, output_dir=str(tmp_path / "out"))
    assert review.path == str(tmp_path / "out" / "草稿.annotated.docx")


def test_tracked_fixes_reject_to_the_draft_and_accept_clean(draft):
    src, found, review = _review(draft, annotate=False, fix=True)
    assert review.path.endswith("草稿.fixed.docx")
    assert len(review.applied) == sum(1 for f in found if f.fix) and not review.skipped
    # rejecting gongwen's changes gives the draft's text; rejecting all gives the draft with its own rejected
    assert texts(source_after(review.path, lambda r: reject_by(r, "gongwen"))) == texts(src)
    assert texts(rejected(review.path)) == texts(rejected(draft))
    after = accepted(review.path)
    assert not [f for f in lint_source(after) if f.fix]
    assert after.paras[1].text == "各乡镇人民政府，县直各有关单位："
    assert after.paras[7].text == "1.检查组由县应急管理局牵头，县林业局配合。"  # the label is left alone
    root = document_root(review.path)
    marks = [el for el in root.iter(w("ins"), w("del")) if el.get(w("author")) == "gongwen"]
    assert marks and all(el.get(w("date")) == DATE for el in marks)
    ids = [el.get(w("id")) for el in root.iter() if el.get(w("id")) is not None and el.tag in (
        w("ins"), w("del"), w("commentRangeStart"))]
    assert len(ids) == len(set(ids))
    # the parts no fix touches are copied byte for byte
    with zipfile.ZipFile(draft) as a, zipfile.ZipFile(review.path) as b:
        assert sorted(a.namelist()) == sorted(b.namelist())
        for name in a.namelist():
            if name != "word/document.xml":
                assert a.read(name) == b.read(name), name


def test_annotate_and_fix_explain_each_change(draft):
    src, found, review = _review(draft, annotate=True, fix=True)
    assert review.path.endswith("草稿.annotated.docx")
    import docx

    ours = [c for c in docx.Document(review.path).comments if c.author == "gongwen"]
    assert len(ours) == len(found)
    tracked = [c for c in ours if "已作修订" in c.text]
    assert len(tracked) == len(review.applied) == sum(1 for f in found if f.fix)
    assert any("“,”改为“，”" in c.text for c in tracked)
    assert texts(source_after(review.path, lambda r: reject_by(r, "gongwen"))) == texts(src)
    assert not [f for f in lint_source(accepted(review.path)) if f.fix]


def test_fixes_that_need_two_passes_converge(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("关于做好冬季森林防火工作的通知")
    d.add_paragraph("一.、总体要求")
    d.add_paragraph("各单位要在2026年11月30号 ,前报送方案。")
    path = tmp_path / "两遍.docx"
    d.save(str(path))
    src, found, review = _review(path, fix=True)
    assert review.passes == 2
    after = accepted(review.path)
    assert texts(after)[1:] == ["一、总体要求", "各单位要在2026年11月30日，前报送方案。"]
    assert not [f for f in lint_source(after) if f.fix]
    assert texts(source_after(review.path, lambda r: reject_by(r, "gongwen"))) == texts(src)
    ranges = comment_ranges(review.path)
    assert len(ranges) == review.comments > len(found)  # the second pass's fixes have comments too


def test_silent_fixes_with_annotate(draft):
    src, found, review = _review(draft, annotate=True, fix=True, track=False)
    root = document_root(review.path)
    assert not [el for el in root.iter(w("ins"), w("del")) if el.get(w("author")) == "gongwen"]
    assert not [f for f in lint_source(read_source(review.path)) if f.fix]


def test_a_clean_draft_gets_no_comment_part(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("")
    path = tmp_path / "空.docx"
    d.save(str(path))
    src = read_source(str(path))
    review = write_review(src, [], date=DATE)
    assert review.comments == 0
    with zipfile.ZipFile(review.path) as z:
        assert "word/comments.xml" not in z.namelist()
