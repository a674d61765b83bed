"""XLSX titles merged and centred across a table's width straight above its header (the usual
layout of a workbook an office types): paragraphs, as the same title is in a Word document, so
the document's title, agency and year are read from them. Rows merged across the table below
its header (a dimension or project row) and at the top of a part of the table carried on after
a blank row stay rows of the table."""
from __future__ import annotations

import openpyxl
from openpyxl.styles import Alignment, PatternFill

from extractors import extract
from extract_helpers import ctx
from pipeline.readers import read_document
from plan_files import run_plan
from schemas.document import Paragraph, Table

TITLE = "แบบฟอร์มที่ 7.2 ตัวชี้วัดและเกณฑ์การประเมินผลการปฏิบัติราชการ"
AGENCY_LINE = "องค์การบริหารส่วนจังหวัดนครราชสีมา ประจำปีงบประมาณ พ.ศ. 2571"
HEAD = ["ที่", "ตัวชี้วัด", "หน่วยนับ", "น้ำหนัก", "เป้าหมาย",
        "ระดับ 1", "ระดับ 2", "ระดับ 3", "ระดับ 4", "ระดับ 5"]
KPI1 = ["1", "ร้อยละของถนนที่ได้รับการบำรุงรักษา", "ร้อยละ", "60", "90", "70", "75", "80", "85", "90"]
KPI2 = ["2", "ร้อยละความพึงพอใจของประชาชน", "ร้อยละ", "40", "85", "65", "70", "75", "80", "85"]


def _put(ws, row, values):
    for k, v in enumerate(values, 1):
        ws.cell(row=row, column=k, value=v)


def _merged(ws, row, text, first=1, last=10, rows=1):
    ws.cell(row=row, column=first, value=text).alignment = Alignment(horizontal="center")
    ws.merge_cells(start_row=row, start_column=first, end_row=row + rows - 1, end_column=last)


def _blocks(doc):
    return [b for b in doc.blocks()]


def _paragraphs(doc):
    return [b.text for b in doc.blocks() if isinstance(b, Paragraph)]


def _tables(doc):
    return [b for b in doc.blocks() if isinstance(b, Table)]


def _kpis(ex):
    return [r for r in ex.records if r.record_type == "kpi"]


def test_titles_merged_across_the_table_are_paragraphs(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    _merged(ws, 1, TITLE)
    _merged(ws, 2, AGENCY_LINE)
    _put(ws, 3, HEAD)
    _merged(ws, 4, "7.1 มิติด้านประสิทธิผล")          # a dimension row inside the table
    _put(ws, 5, KPI1)
    _merged(ws, 6, "7.2 มิติด้านคุณภาพการให้บริการ")
    _put(ws, 7, KPI2)
    p = tmp_path / "form72.xlsx"
    wb.save(p)
    doc = read_document(p)
    assert _paragraphs(doc) == [TITLE, AGENCY_LINE]
    (t,) = _tables(doc)
    grid = t.grid()
    assert grid[0] == HEAD and t.n_rows == 5 and t.n_cols == 10
    assert grid[1][0] == "7.1 มิติด้านประสิทธิผล" and grid[3][0] == "7.2 มิติด้านคุณภาพการให้บริการ"
    assert {(c.row, c.colspan) for c in t.cells if c.colspan > 1} == {(1, 10), (3, 10)}
    ex = extract(doc, ctx(name=p.name, agency=""))
    assert ex.agency == "องค์การบริหารส่วนจังหวัดนครราชสีมา"
    kpis = _kpis(ex)
    assert [(r.item_no, r.dimension, r.fiscal_year) for r in kpis] == \
        [("1", "7.1", 2571), ("2", "7.2", 2571)]
    assert all(r.agency == "องค์การบริหารส่วนจังหวัดนครราชสีมา" for r in kpis)


def test_nearly_full_width_two_row_and_shaded_titles(tmp_path):
    # merged over B:J of a table A:J, over two rows, filled: titles all the same; a caption
    # merged over a few columns only stays the table's top row, as before
    wb = openpyxl.Workbook()
    ws = wb.active
    _merged(ws, 1, TITLE, first=2)
    _merged(ws, 2, AGENCY_LINE, rows=2)
    ws["A2"].fill = PatternFill("solid", fgColor="DDEBF7")
    _put(ws, 4, HEAD)
    _put(ws, 5, KPI1)
    _merged(ws, 8, "เกณฑ์การให้คะแนน", first=1, last=3)
    _put(ws, 9, HEAD)
    _put(ws, 10, KPI2)
    p = tmp_path / "titles.xlsx"
    wb.save(p)
    doc = read_document(p)
    assert _paragraphs(doc) == [TITLE, AGENCY_LINE]
    first, second = _tables(doc)
    assert first.grid()[0] == HEAD and first.n_rows == 2
    assert second.grid()[0][0] == "เกณฑ์การให้คะแนน" and second.grid()[1] == HEAD
    assert extract(doc, ctx(name=p.name, agency="")).agency == "องค์การบริหารส่วนจังหวัดนครราชสีมา"


def test_section_row_after_a_blank_row_stays_in_the_table(tmp_path):
    # the table carried on below a blank row, its part starting with a dimension row merged
    # across: that row is the table's, not a title over a new table
    wb = openpyxl.Workbook()
    ws = wb.active
    _merged(ws, 1, TITLE)
    _merged(ws, 2, AGENCY_LINE)
    _put(ws, 3, HEAD)
    _merged(ws, 4, "7.1 มิติด้านประสิทธิผล")
    _put(ws, 5, KPI1)
    _merged(ws, 7, "7.2 มิติด้านคุณภาพการให้บริการ")
    _put(ws, 8, KPI2)
    p = tmp_path / "split.xlsx"
    wb.save(p)
    doc = read_document(p)
    assert _paragraphs(doc) == [TITLE, AGENCY_LINE]
    first, second = _tables(doc)
    assert first.grid()[0] == HEAD and first.n_rows == 3
    assert second.grid()[0][0] == "7.2 มิติด้านคุณภาพการให้บริการ" and second.n_rows == 2
    kpis = _kpis(extract(doc, ctx(name=p.name, agency="")))
    assert [(r.item_no, r.dimension) for r in kpis] == [("1", "7.1"), ("2", "7.2")]


def test_second_table_on_a_sheet_takes_its_own_merged_title(tmp_path):
    # a table of other columns below a blank row, with a title merged across it
    wb = openpyxl.Workbook()
    ws = wb.active
    _put(ws, 1, HEAD)
    _put(ws, 2, KPI1)
    _merged(ws, 4, "ผลการดำเนินงาน", last=4)
    _put(ws, 5, ["ขั้นตอน", "ผลการดำเนินงาน", "วันที่แล้วเสร็จ", "หมายเหตุ"])
    _put(ws, 6, ["ขั้นตอนที่ 1", "ดำเนินการแล้วเสร็จ", "11 ธ.ค. 2567", ""])
    p = tmp_path / "two.xlsx"
    wb.save(p)
    doc = read_document(p)
    blocks = _blocks(doc)
    assert [type(b).__name__ for b in blocks] == ["Table", "Paragraph", "Table"]
    assert blocks[1].text == "ผลการดำเนินงาน"
    assert blocks[2].grid()[0] == ["ขั้นตอน", "ผลการดำเนินงาน", "วันที่แล้วเสร็จ", "หมายเหตุ"]


def test_activity_plan_project_rows_stay_in_the_table(tmp_path):
    head = ["ที่", "กิจกรรม", "ระยะเวลา", "เริ่มต้น", "สิ้นสุด", "งบประมาณ (บาท)", "ผู้รับผิดชอบ"]
    wb = openpyxl.Workbook()
    ws = wb.active
    _merged(ws, 1, "แผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. 2568 เทศบาลนครขอนแก่น", last=7)
    _put(ws, 2, head)
    _merged(ws, 3, "โครงการที่ 1 โครงการพัฒนาระบบบริการประชาชน", last=7)
    _put(ws, 4, ["1", "ประชุมคณะทำงาน", "1 เดือน", "ต.ค. 67", "ต.ค. 67", "10,000", "สำนักปลัด"])
    _put(ws, 5, ["2", "พัฒนาระบบจองคิวออนไลน์", "3 เดือน", "พ.ย. 67", "ม.ค. 68", "50,000", "กองคลัง"])
    _merged(ws, 6, "โครงการที่ 2 โครงการส่งเสริมสุขภาพผู้สูงอายุ", last=7)
    _put(ws, 7, ["1", "คัดกรองสุขภาพผู้สูงอายุ", "2 เดือน", "ก.พ. 68", "มี.ค. 68", "30,000", "กองสาธารณสุข"])
    p = tmp_path / "plan.xlsx"
    wb.save(p)
    doc = read_document(p)
    assert _paragraphs(doc) == ["แผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. 2568 เทศบาลนครขอนแก่น"]
    (t,) = _tables(doc)
    grid = t.grid()
    assert grid[0] == head and grid[1][0].startswith("โครงการที่ 1") and \
        grid[4][0].startswith("โครงการที่ 2")
    acts, _ = run_plan(p)
    assert [(a.name, a.plan) for a in acts] == [
        ("ประชุมคณะทำงาน", "โครงการที่ 1 โครงการพัฒนาระบบบริการประชาชน"),
        ("พัฒนาระบบจองคิวออนไลน์", "โครงการที่ 1 โครงการพัฒนาระบบบริการประชาชน"),
        ("คัดกรองสุขภาพผู้สูงอายุ", "โครงการที่ 2 โครงการส่งเสริมสุขภาพผู้สูงอายุ")]
    assert all(a.fiscal_year == 2568 for a in acts)
