"""Where a form 7.2 names its dimensions other than `7.N`: a `มิติที่` column holding the number
alone (`1` … `4`), rows `ด้านที่ N : …` across the table (a state enterprise's form), a number cell
holding the dimension row under it (`11 ด้านที่ 3 : …`, as a PDF export merges it), and a heading
above each table (one slide per dimension, `มิติที่ 1 (7.1) ด้านประสิทธิผล` in the slide's title),
where a table with no indicator leaves its dimension empty (DIMENSION_EMPTY). Each form is
written as a real TSV, DOCX or PPTX, then read, extracted and validated."""
from __future__ import annotations

import pytest

from extract_helpers import ctx, write_docx
from extractors import extract
from pipeline.readers import read_document
from pipeline.validate import validate
from plan_files import AS_OF, plan_docx, plan_tsv

TITLE = "แบบฟอร์มที่ 7.2 ตัวชี้วัดและเกณฑ์การให้คะแนน ปีงบประมาณ พ.ศ. 2560"
AGENCY = "สำนักงานเขตพื้นที่การศึกษาทดสอบ เขต 1"
LADDER = ["60", "70", "80", "90", "100"]


def _run(path):
    ex = extract(read_document(path), ctx(name=path.name, agency=""))
    kpis = [r for r in ex.records if r.record_type == "kpi"]
    found = sorted((f.code, f.value) for f in validate(ex, AS_OF) if f.code == "DIMENSION_EMPTY")
    return kpis, found, ex


def test_bare_digit_in_the_dimension_column(tmp_path):
    head = ["ที่", "ตัวชี้วัด", "มิติที่", "หน่วยนับ", "ค่าน้ำหนัก", "ระดับที่ 1", "ระดับที่ 2",
            "ระดับที่ 3", "ระดับที่ 4", "ระดับที่ 5"]
    rows = [head] + [[str(i), f"ร้อยละของโรงเรียนที่ผ่านเกณฑ์ด้านที่ {i}", d, "ร้อยละ", "25", *LADDER]
                     for i, d in ((1, "1"), (2, "2"), (3, "๓"), (4, "4"))]
    kpis, empty, _ = _run(plan_tsv(tmp_path / "f72.tsv", [TITLE, AGENCY], rows))
    assert [(k.item_no, k.dimension) for k in kpis] == [("1", "7.1"), ("2", "7.2"), ("3", "7.3"), ("4", "7.4")]
    assert empty == []


def test_a_digit_outside_the_dimension_column_is_no_dimension(tmp_path):
    # a unit column holding `1` (one report) says nothing of the dimension
    head = ["ที่", "ตัวชี้วัด", "หน่วยนับ", "น้ำหนัก", "เป้าหมาย", "1", "2", "3", "4", "5"]
    rows = [head, ["1", "จำนวนรายงานที่เผยแพร่", "1", "20", "1", *LADDER]]
    kpis, _, _ = _run(plan_tsv(tmp_path / "f72.tsv", [TITLE, AGENCY], rows))
    assert [(k.item_no, k.dimension) for k in kpis] == [("1", "")]


def _se_rows():
    head = ["ลำดับ", "ตัวชี้วัด", "หน่วยวัด", "น้ำหนัก", "เป้าหมาย", "1", "2", "3", "4", "5"]
    return [head,
            ["ด้านที่ 1 : ด้านผลการดำเนินงานตามพันธกิจ"] + [""] * 9,
            ["1", "รายได้จากการจำหน่ายผลิตภัณฑ์", "ล้านบาท", "10", "120", "100", "110", "120", "130", "140"],
            ["ด้านที่ 2 : ด้านคุณภาพการให้บริการ"] + [""] * 9,
            ["2", "ร้อยละความพึงพอใจของลูกค้า", "ร้อยละ", "10", "85", "80", "82.5", "85", "87.5", "90"],
            ["ด้านที่ 3 : ด้านประสิทธิภาพ"] + [""] * 9,
            ["ด้านที่ 4 : ด้านการพัฒนาองค์กร"] + [""] * 9,
            ["3", "ร้อยละของบุคลากรที่ได้รับการพัฒนา", "ร้อยละ", "10", "80", *LADDER]]


def test_numbered_side_rows_are_dimensions_not_plans(tmp_path):
    rows = _se_rows()
    merges = [(r, 0, r, 9) for r, row in enumerate(rows) if row[0].startswith("ด้านที่")]
    path = plan_docx(tmp_path / "se.docx", ["แบบฟอร์มที่ 7.2 ตัวชี้วัด ประจำปีบัญชี 2561"], rows, hmerges=merges)
    kpis, empty, ex = _run(path)
    assert [(k.item_no, k.dimension, k.plan) for k in kpis] == [
        ("1", "7.1", ""), ("2", "7.2", ""), ("3", "7.4", "")]
    assert [(d.dimension, d.label) for d in ex.dimensions][:2] == [
        ("7.1", "ด้านผลการดำเนินงานตามพันธกิจ"), ("7.2", "ด้านคุณภาพการให้บริการ")]
    assert empty == [("DIMENSION_EMPTY", "7.3")]


def test_dimension_row_merged_into_the_number_cell_above_it(tmp_path):
    # a PDF export writes the dimension row under indicator 2 into indicator 2's number cell
    rows = _se_rows()
    rows[4][0] = "2 ด้านที่ 3 : ด้านประสิทธิภาพ"
    del rows[5]
    rows.insert(5, ["3", "อัตรากำไรสุทธิ", "ร้อยละ", "10", "4", "3", "3.5", "4", "4.5", "5"])
    rows[-1][0] = "4"
    kpis, empty, _ = _run(plan_tsv(tmp_path / "se.tsv", [TITLE, AGENCY], rows))
    assert [(k.item_no, k.name, k.dimension) for k in kpis] == [
        ("1", "รายได้จากการจำหน่ายผลิตภัณฑ์", "7.1"), ("2", "ร้อยละความพึงพอใจของลูกค้า", "7.2"),
        ("3", "อัตรากำไรสุทธิ", "7.3"), ("4", "ร้อยละของบุคลากรที่ได้รับการพัฒนา", "7.4")]
    assert empty == []


SLIDES = [("มิติที่ 1 (7.1) ด้านประสิทธิผล", [["1", "ร้อยละความสำเร็จของการจัดทำข้อมูลสถิติ", "ร้อยละ", "30", "100", "80", "85", "90", "95", "100"],
                                              ["2", "จำนวนชุดข้อมูลที่เผยแพร่", "ชุดข้อมูล", "20", "50", "30", "35", "40", "45", "50"]]),
          ("มิติที่ 2 (7.2) ด้านคุณภาพการให้บริการ", [["3", "ร้อยละความพึงพอใจของผู้ใช้ข้อมูล", "ร้อยละ", "20", "88", "80", "82", "84", "86", "88"]]),
          ("มิติที่ 3 (7.3) ด้านประสิทธิภาพ", [["4", "ร้อยละของการเบิกจ่ายงบประมาณ", "ร้อยละ", "30", "100", "92", "94", "96", "98", "100"]]),
          ("มิติที่ 4 (7.4) ด้านการพัฒนาองค์การ", [["-", "- ไม่มีตัวชี้วัด -", "", "", "", "", "", "", "", ""]])]
SLIDE_HEAD = ["ที่", "ตัวชี้วัด", "หน่วยนับ", "น้ำหนัก", "เป้าหมาย", "1", "2", "3", "4", "5"]


def _pptx(path):
    from pptx import Presentation
    from pptx.util import Pt
    prs = Presentation()
    cover = prs.slides.add_slide(prs.slide_layouts[5])
    cover.shapes.title.text = "ตัวชี้วัดตามคำรับรองการปฏิบัติราชการ (แบบฟอร์มที่ 7.2)"
    box = cover.shapes.add_textbox(Pt(40), Pt(200), Pt(600), Pt(60))
    box.text_frame.text = "สำนักงานสถิติจังหวัดทดสอบ"
    box.text_frame.add_paragraph().text = "ประจำปีงบประมาณ พ.ศ. 2572"
    for title, body in SLIDES:
        s = prs.slides.add_slide(prs.slide_layouts[5])
        s.shapes.title.text = title
        rows = [SLIDE_HEAD] + body
        t = s.shapes.add_table(len(rows), len(SLIDE_HEAD), Pt(20), Pt(150), Pt(680), Pt(40 * len(rows))).table
        for i, row in enumerate(rows):
            for j, x in enumerate(row):
                t.cell(i, j).text = x
    prs.save(path)
    return path


def _docx(path):
    blocks = ["ตัวชี้วัดตามคำรับรองการปฏิบัติราชการ (แบบฟอร์มที่ 7.2)",
              "สำนักงานสถิติจังหวัดทดสอบ ประจำปีงบประมาณ พ.ศ. 2572"]
    for title, body in SLIDES:
        blocks += [title, [SLIDE_HEAD] + body]
    return write_docx(path, blocks)


@pytest.mark.parametrize("write", [_pptx, _docx], ids=["pptx", "docx"])
def test_dimension_heading_above_each_table(tmp_path, write):
    kpis, empty, _ = _run(write(tmp_path / ("nso." + write.__name__[1:])))
    assert [(k.item_no, k.dimension) for k in kpis] == [("1", "7.1"), ("2", "7.1"), ("3", "7.2"), ("4", "7.3")]
    assert empty == [("DIMENSION_EMPTY", "7.4")]


def test_heading_above_a_table_with_its_own_dimension_rows_is_not_an_empty_dimension(tmp_path):
    rows = [SLIDE_HEAD, ["7.1 ด้านประสิทธิผล"] + [""] * 9, SLIDES[0][1][0],
            ["7.2 ด้านคุณภาพการให้บริการ"] + [""] * 9, SLIDES[1][1][0]]
    path = plan_docx(tmp_path / "f72.docx", [TITLE, AGENCY, "มิติที่ 1 ด้านประสิทธิผล"], rows)
    kpis, empty, ex = _run(path)
    assert [(k.item_no, k.dimension) for k in kpis] == [("1", "7.1"), ("3", "7.2")]
    assert [d.dimension for d in ex.dimensions] == ["7.1", "7.2"]
    assert empty == []


def test_form_title_numbered_7_2_is_no_dimension_heading(tmp_path):
    rows = [SLIDE_HEAD] + SLIDES[0][1]
    path = plan_docx(tmp_path / "f72.docx", [AGENCY, "7.2 ตัวชี้วัดและเกณฑ์การให้คะแนน ปีงบประมาณ พ.ศ. 2560"], rows)
    kpis, empty, _ = _run(path)
    assert [(k.item_no, k.dimension) for k in kpis] == [("1", ""), ("2", "")]
    assert empty == []
