"""XLSX layouts offices send: a plan kept as an Excel Table (Insert > Table) and
filtered, whose filtered-out rows are data out of view like a sheet AutoFilter's; title and
caption lines typed straight above a table without a blank row, which are paragraphs, not the
table's first row."""
from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from openpyxl.worksheet.filters import AutoFilter, FilterColumn, Filters
from openpyxl.worksheet.table import Table as XlTable

from extractors import extract
from pipeline.readers import read_document
from pipeline.readers import xlsx as xlsx_reader
from schemas import ExtractContext
from schemas.document import Paragraph, Table

PLAN = [["ลำดับ", "กิจกรรม", "เริ่มต้น", "สิ้นสุด", "งบประมาณ", "ผู้รับผิดชอบ"],
        ["1", "สำรวจแหล่งท่องเที่ยว", "ต.ค. 67", "พ.ย. 67", 40000, "กลุ่มงานยุทธศาสตร์"],
        ["2", "จัดทำแผนที่ท่องเที่ยว", "ธ.ค. 67", "ก.พ. 68", 80000, "กลุ่มงานข้อมูล"],
        ["3", "ประชาสัมพันธ์", "มี.ค. 68", "พ.ค. 68", 60000, "กลุ่มงานยุทธศาสตร์"],
        ["4", "ประเมินผล", "ส.ค. 68", "ก.ย. 68", 10000, "กลุ่มงานข้อมูล"]]


@pytest.fixture(params=["whole", "streamed"])
def part_mode(request, monkeypatch):
    if request.param == "streamed":
        monkeypatch.setattr(xlsx_reader, "_WHOLE_PART", 0)
    return request.param


def _records(path):
    ctx = ExtractContext(source_file=path.name, agency_fallback="chumphon")
    return extract(read_document(path), ctx).records


def _tables(doc) -> list[Table]:
    return [b for b in doc.blocks() if isinstance(b, Table)]


def _plan_table(tmp_path, criteria: bool, name="plan.xlsx"):
    """The plan as an Excel Table on A3:F7, rows 5 and 7 hidden (by its filter on the
    responsible unit when ``criteria``, else by hand), a note hidden by hand under it."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "แผนงาน"
    ws["A1"] = "แผนปฏิบัติการ สำนักงานจังหวัดชุมพร ประจำปีงบประมาณ พ.ศ. 2568"
    for r, row in enumerate(PLAN, 3):
        for k, v in enumerate(row, 1):
            ws.cell(row=r, column=k, value=v)
    t = XlTable(displayName="แผน2568", ref="A3:F7")
    t.autoFilter = AutoFilter(ref="A3:F7")
    if criteria:
        t.autoFilter.filterColumn.append(
            FilterColumn(colId=5, filters=Filters(filter=["กลุ่มงานยุทธศาสตร์"])))
    ws.add_table(t)
    ws["A9"] = "หมายเหตุ: ร่างเดิม"
    for r in (5, 7, 9):
        ws.row_dimensions[r].hidden = True
    p = tmp_path / name
    wb.save(p)
    return p


def test_rows_hidden_by_a_table_filter_are_read(tmp_path, part_mode):
    p = _plan_table(tmp_path, criteria=True)
    doc = read_document(p)
    (t,) = _tables(doc)
    assert [row[0] for row in t.grid()] == ["ลำดับ", "1", "2", "3", "4"]
    assert any("'แผนงาน' is filtered (table 'แผน2568')" in w
               and "2 row(s) the filter hides" in w for w in doc.warnings)
    # a row hidden by hand outside the table is still left out
    assert not any(isinstance(b, Paragraph) and "ร่างเดิม" in b.text for b in doc.blocks())
    assert any("1 hidden row(s) not read (row 9)" in w for w in doc.warnings)
    recs = _records(p)
    assert [(r.item_no, r.start, r.end, r.budget_thb) for r in recs] == [
        ("1", "2024-10", "2024-11", 40000), ("2", "2024-12", "2025-02", 80000),
        ("3", "2025-03", "2025-05", 60000), ("4", "2025-08", "2025-09", 10000)]


def test_table_filter_buttons_without_criteria_keep_hand_hidden_rows_out(tmp_path):
    # the Table's filter buttons are there, no column filtered: rows 5 and 7 were hidden by hand
    p = _plan_table(tmp_path, criteria=False)
    doc = read_document(p)
    (t,) = _tables(doc)
    assert [row[0] for row in t.grid()] == ["ลำดับ", "1", "3"]
    assert not any("filtered" in w for w in doc.warnings)
    assert any("3 hidden row(s) not read (rows 5, 7, 9)" in w for w in doc.warnings)


def test_damaged_table_part_counts_as_unfiltered(tmp_path):
    import zipfile
    p = _plan_table(tmp_path, criteria=True, name="in.xlsx")
    q = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(p) as src, zipfile.ZipFile(q, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename.startswith("xl/tables/"):
                data = b"<table"                      # not well-formed
            dst.writestr(info, data)
    doc = read_document(q)
    assert [row[0] for row in _tables(doc)[0].grid()] == ["ลำดับ", "1", "3"]


def test_title_lines_straight_above_tables_are_paragraphs(tmp_path, part_mode):
    # a KPI report typed in Excel: captions directly above the matrix and the results table
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = "รายงานผลการดำเนินงานตามคำรับรองการปฏิบัติราชการ รอบ 12 เดือน"
    ws["A2"] = "สำนักงานจังหวัดร้อยเอ็ด ประจำปีงบประมาณ พ.ศ. 2568"
    ws["A4"] = "มิติที่ 2 ด้านคุณภาพการให้บริการ"
    ws["A5"] = "ตัวชี้วัดที่ 5 ระดับความสำเร็จของการพัฒนาคุณภาพการให้บริการ"
    ws["A7"] = "เกณฑ์การให้คะแนน :"
    ws["A8"], ws["B8"] = "ระดับคะแนน", "ขั้นตอนที่"
    ws.merge_cells("B8:F8")
    ws.merge_cells("A8:A9")
    for s in range(1, 6):
        ws.cell(row=9, column=1 + s, value=s)
    for lv in range(1, 6):
        ws.cell(row=9 + lv, column=1, value=lv)
        for s in range(1, lv + 1):
            ws.cell(row=9 + lv, column=1 + s, value="✓")
    steps = ["แต่งตั้งคณะทำงาน ภายในวันที่ 31 ตุลาคม 2567",
             "จัดทำแผนพัฒนาคุณภาพบริการ ภายในเดือนธันวาคม 2567",
             "ดำเนินการตามแผนร้อยละ 50 ภายในวันที่ 31 มีนาคม 2568",
             "ดำเนินการตามแผนครบถ้วน ภายในเดือนมิถุนายน 2568",
             "สรุปผลและรายงาน ภายในวันที่ 15 กันยายน 2568"]
    for i, st in enumerate(steps, 1):
        ws.cell(row=16 + i, column=1, value=f"ขั้นตอนที่ {i} {st}")
    ws["A23"] = "ผลการดำเนินงาน"
    ws["A24"], ws["B24"], ws["C24"] = "ขั้นตอน", "ผลการดำเนินงาน", "วันที่แล้วเสร็จ"
    for i in range(1, 6):
        ws.cell(row=24 + i, column=1, value=f"ขั้นตอนที่ {i}")
        ws.cell(row=24 + i, column=2,
                value="ดำเนินการแล้วเสร็จ" if i <= 3 else "อยู่ระหว่างดำเนินการ")
        if i <= 3:
            ws.cell(row=24 + i, column=3, value=f"{10 + i} ธ.ค. 2567")
    # a banner over later columns directly above a header is the header's, not a title
    ws["E32"] = "ระยะเวลาดำเนินการ"
    ws.merge_cells("E32:F32")
    for k, v in enumerate(["ที่", "กิจกรรม", "เริ่มต้น", "สิ้นสุด", "ต.ค.", "พ.ย."], 1):
        ws.cell(row=33, column=k, value=v)
    p = tmp_path / "report.xlsx"
    wb.save(p)
    doc = read_document(p)
    paras = [b.text for b in doc.blocks() if isinstance(b, Paragraph)]
    assert "เกณฑ์การให้คะแนน :" in paras and "ผลการดำเนินงาน" in paras
    matrix, results, banner = _tables(doc)
    assert matrix.grid()[0][:2] == ["ระดับคะแนน", "ขั้นตอนที่"] and matrix.n_rows == 7
    assert results.grid()[0] == ["ขั้นตอน", "ผลการดำเนินงาน", "วันที่แล้วเสร็จ"]
    assert banner.n_rows == 2 and banner.grid()[0][4] == "ระยะเวลาดำเนินการ"
    recs = _records(p)
    steps_out = [r for r in recs if r.record_type == "milestone"]
    assert [r.name for r in steps_out] == steps
    assert [r.status for r in steps_out] == ["done"] * 3 + ["not_done"] * 2
    assert [r.completed for r in steps_out][:3] == ["2024-12-11", "2024-12-12", "2024-12-13"]


def test_merged_title_is_a_paragraph_and_single_row_band_paragraphs(tmp_path):
    # a title merged across the table straight above its header is a paragraph (the title
    # rules are in test_readers_xlsx_titles.py); a band whose rows all hold one cell is
    # paragraphs as before
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = "แผนปฏิบัติการ"
    ws.merge_cells("A1:C1")
    ws["A2"], ws["B2"], ws["C2"] = "ที่", "กิจกรรม", "งบประมาณ"
    ws["A3"], ws["B3"], ws["C3"] = "1", "อบรม", dt.date(2024, 10, 1)
    ws["A5"] = "หมายเหตุ"
    ws["A6"] = "ลงชื่อ"
    p = tmp_path / "merged.xlsx"
    wb.save(p)
    doc = read_document(p)
    (t,) = _tables(doc)
    assert t.grid()[0][0] == "ที่" and t.n_rows == 2
    assert [b.text for b in doc.blocks() if isinstance(b, Paragraph)] == \
        ["แผนปฏิบัติการ", "หมายเหตุ", "ลงชื่อ"]
