"""Form 7.2 indicators numbered on three levels (1 / 1.1 / 1.1.1) with a weight at every level,
written as real TSV and DOCX files, read, extracted and validated as a run would: a parent's
weight is checked against its direct sub-indicators only, an indicator at any level whose
sub-indicators carry the ladders needs none of its own, and scores roll up level by level."""
from __future__ import annotations

from datetime import date

from extract_helpers import ctx
from plan_files import plan_docx, plan_tsv

from extractors import extract
from pipeline.readers import read_document
from pipeline.validate import validate

AS_OF = date(2026, 11, 22)
TITLE = ["แบบฟอร์มที่ 7.2 ตัวชี้วัดและเกณฑ์การให้คะแนน",
         "สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาเลย ปีงบประมาณ พ.ศ. 2563"]
HEAD = ["ที่", "ตัวชี้วัด", "หน่วยนับ", "น้ำหนัก", "ระดับ 1", "ระดับ 2", "ระดับ 3", "ระดับ 4",
        "ระดับ 5"]
LADDER = ["60", "70", "80", "90", "100"]


def _rows(w111="6", w112="4"):
    """Indicator 1 (40) over 1.1 (10) and 1.2 (30), each over two ladder sub-indicators, then
    a plain indicator 2 (60)."""
    return [HEAD,
            ["1", "คุณภาพการจัดการศึกษา", "", "40", "", "", "", "", ""],
            ["1.1", "ผลสัมฤทธิ์ทางการเรียน", "", "10", "", "", "", "", ""],
            ["1.1.1", "ร้อยละของนักเรียนชั้น ม.3 ที่มีผลการเรียนระดับดีขึ้นไป", "ร้อยละ", w111,
             *LADDER],
            ["1.1.2", "ร้อยละของนักเรียนชั้น ม.6 ที่มีผลการเรียนระดับดีขึ้นไป", "ร้อยละ", w112,
             *LADDER],
            ["1.2", "การพัฒนาครู", "", "30", "", "", "", "", ""],
            ["1.2.1", "ร้อยละของครูที่ได้รับการพัฒนาตามหลักสูตร", "ร้อยละ", "15", *LADDER],
            ["1.2.2", "ร้อยละของครูที่นำผลการพัฒนาไปใช้ในการสอน", "ร้อยละ", "15", *LADDER],
            ["2", "ร้อยละความพึงพอใจของสถานศึกษาต่อการให้บริการ", "ร้อยละ", "60", *LADDER]]


def _run(path):
    ex = extract(read_document(path), ctx(name=path.name, agency=""))
    assert ex.forms == ["form72"]
    kpis = {r.item_no: r for r in ex.records if r.record_type == "kpi"}
    assert list(kpis) == ["1", "1.1", "1.1.1", "1.1.2", "1.2", "1.2.1", "1.2.2", "2"]
    return ex, kpis, sorted((f.item_no, f.code) for f in validate(ex, AS_OF))


def test_three_level_tsv_checks_each_parent_against_its_direct_sub_indicators(tmp_path):
    # 1.1.1 + 1.1.2 = 5 + 4 under 10; 1.1 + 1.2 = 10 + 30 = 40 as stated
    _, kpis, found = _run(plan_tsv(tmp_path / "form72.tsv", TITLE, _rows("5", "4")))
    assert found == [("1.1", "WEIGHT_SUM_MISMATCH")]
    assert kpis["1.1"].flags == "WEIGHT_SUM_MISMATCH"
    assert kpis["1"].flags == "" and kpis["1.2"].flags == ""


def test_three_level_docx_whose_weights_add_up_has_no_finding(tmp_path):
    # 1.1 and 1.2 carry no ladder of their own: their sub-indicators do
    ex, kpis, found = _run(plan_docx(tmp_path / "form72.docx", TITLE, _rows()))
    assert found == []
    assert all(not r.flags for r in kpis.values())


def test_three_level_weight_sum_message_adds_direct_sub_indicators(tmp_path):
    ex, _, _ = _run(plan_docx(tmp_path / "form72.docx", TITLE, _rows("5", "4")))
    (f,) = validate(ex, AS_OF)
    assert (f.code, f.item_no, f.value) == ("WEIGHT_SUM_MISMATCH", "1.1", "5 + 4 = 9 ≠ 10")


def test_three_level_scores_roll_up_level_by_level(tmp_path):
    head = HEAD[:4] + ["ผลการดำเนินงาน"] + HEAD[4:]
    rows = [head] + [r[:4] + [a] + r[4:] for r, a in zip(
        _rows()[1:], ["", "", "100", "80", "", "90", "70", "60"])]
    ex, kpis, found = _run(plan_tsv(tmp_path / "form72.tsv", TITLE, rows))
    assert found == []
    assert [kpis[n].score for n in ("1.1.1", "1.1.2", "1.2.1", "1.2.2", "2")] == [5, 3, 4, 2, 1]
    # 1.1 = (6×5 + 4×3) / 10; 1.2 = (15×4 + 15×2) / 30; 1 = (10×4.2 + 30×3) / 40
    assert kpis["1.1"].score == 4.2
    assert kpis["1.2"].score == 3
    assert kpis["1"].score == 3.3


def test_three_level_kpi_ladder_table_checks_and_scores_each_level(tmp_path):
    # a ministry's results table (kpi_ladder): the same rules as form 7.2, whatever parent the
    # extractor gave 1.1.1 (1.1, or the indicator 1 above both)
    head = ["ที่", "ตัวชี้วัด", "หน่วยนับ", "ค่าน้ำหนัก", "เกณฑ์การให้คะแนน", "", "", "", "",
            "ผลการดำเนินงาน"]
    levels = ["", "", "", "", "1", "2", "3", "4", "5", ""]
    rows = [head, levels] + [r[:4] + r[4:] + [a] for r, a in zip(
        _rows("5", "4")[1:], ["", "", "100", "80", "", "90", "70", "60"])]
    path = plan_docx(tmp_path / "ladder.docx",
                     ["ผลการดำเนินงานตามตัวชี้วัดระดับกระทรวง",
                      "กระทรวงแรงงาน ประจำปีงบประมาณ พ.ศ. 2566"], rows, hmerges=[(0, 4, 0, 8)])
    ex = extract(read_document(path), ctx(name=path.name, agency=""))
    assert ex.forms == ["kpi_ladder"]
    kpis = {r.item_no: r for r in ex.records if r.record_type == "kpi"}
    found = sorted((f.item_no, f.code, f.value) for f in validate(ex, AS_OF))
    assert found == [("1.1", "WEIGHT_SUM_MISMATCH", "5 + 4 = 9 ≠ 10")]
    # 1.1 from 1.1.1 (5) and 1.1.2 (3) weighted 5 and 4; 1.2 = 3; 1 from 1.1 and 1.2
    assert kpis["1.1"].score == round((5 * 5 + 4 * 3) / 9, 4)
    assert kpis["1.2"].score == 3
    assert kpis["1"].score == 3.2778
