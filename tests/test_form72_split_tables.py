"""Form 7.2 tables split at an empty row, level headings `ระดับที่ N`, a target header over a unit
and a number column, and title metadata (a two-digit fiscal year, an agency glued to the title's
word): real files built here, read and extracted as a run reads them."""
from __future__ import annotations

import pytest

from extractors import extract
from extract_helpers import ctx
from pipeline.readers import read_document
from pipeline.validate import validate
from plan_files import AS_OF, U, plan_docx, plan_tsv, plan_xlsx

L = U
TITLE = ["แบบฟอร์มที่ 7.2 ตัวชี้วัดตามแผนพัฒนาองค์การ มหาวิทยาลัยราชภัฏเพชรบุรี ประจำปีงบประมาณ พ.ศ. 2570"]
HEAD = ["ที่", "ตัวชี้วัด", "หน่วยนับ", "น้ำหนัก", "ค่าเป้าหมาย", "ระดับ 1", "ระดับ 2", "ระดับ 3", "ระดับ 4", "ระดับ 5"]
K1 = ["1", "ร้อยละของหลักสูตรที่ผ่านการประเมินคุณภาพ", "ร้อยละ", "30", "100", "80", "85", "90", "95", "100"]
K2 = ["2", "ร้อยละความพึงพอใจของผู้รับบริการ", "ร้อยละ", "30", "90", "70", "75", "80", "85", "90"]
K3 = ["3", "ร้อยละการเบิกจ่ายงบประมาณ", "ร้อยละ", "40", "96", "88", "90", "92", "94", "96"]
BLANK = [""] * 10
LADDERS = [("1", [80, 85, 90, 95, 100]), ("2", [70, 75, 80, 85, 90]), ("3", [88, 90, 92, 94, 96])]


def run(path, agency=""):
    ex = extract(read_document(path), ctx(name=path.name, agency=agency))
    return ex, sorted((f.item_no, f.code) for f in validate(ex, AS_OF))


def ladders(ex):
    return [(r.item_no, [getattr(r, f"level_{i}") for i in range(1, 6)])
            for r in ex.records if r.record_type == "kpi"]


def as_csv(path):
    path.write_text(path.read_text(encoding="utf-8").replace("\t", ","), encoding="utf-8")
    return path


# ---------------------------------------------------------------- a table split at an empty row


def test_xlsx_empty_row_between_indicators_keeps_the_level_columns(tmp_path):
    """The reader splits the sheet's table at the empty row; the part below has no header of its
    own and takes the level columns the header above named."""
    ex, found = run(plan_xlsx(tmp_path / "f.xlsx", TITLE, [HEAD, K1, BLANK, K2, K3]))
    assert ladders(ex) == LADDERS
    assert not [c for _, c in found if c == "LADDER_INCOMPLETE"]


def test_csv_empty_row_under_the_header_keeps_the_level_columns(tmp_path):
    ex, found = run(as_csv(plan_tsv(tmp_path / "f.csv", TITLE, [HEAD, BLANK, K1, K2, K3])))
    assert ladders(ex) == LADDERS
    assert [r.target for r in ex.records] == [100, 90, 96]
    assert not [c for _, c in found if c == "LADDER_INCOMPLETE"]


def test_continued_part_first_row_with_small_thresholds_is_an_indicator(tmp_path):
    """A falling ladder `6 5 4 3 2` in the first row of the part below the empty row: figures in
    the level columns, not the level headings again; the indicator is kept."""
    k = ["2", "ระยะเวลาเฉลี่ยในการตรวจปล่อยสินค้าขาเข้า", "ชั่วโมง", "30", "2", "6", "5", "4", "3", "2"]
    ex, _ = run(plan_tsv(tmp_path / "f.tsv", TITLE, [HEAD, K1, BLANK, k]))
    assert ladders(ex) == [("1", [80, 85, 90, 95, 100]), ("2", [6, 5, 4, 3, 2])]


# ---------------------------------------------------------------- level headings `ระดับที่ N`


def test_level_headings_with_thi(tmp_path):
    head = HEAD[:5] + [f"ระดับที่ {i}" for i in range(1, 6)]
    ex, found = run(plan_tsv(tmp_path / "f.tsv", TITLE, [head, K1, K2, K3]))
    assert ladders(ex) == LADDERS
    assert not [c for _, c in found if c == "LADDER_INCOMPLETE"]


# ---------------------------------------------------------------- target over unit | number


def test_target_header_over_unit_and_number_columns(tmp_path):
    rows = [["ที่", "ตัวชี้วัด", "น้ำหนัก (ร้อยละ)", "ค่าเป้าหมาย", L, "ระดับ 1", "ระดับ 2", "ระดับ 3", "ระดับ 4", "ระดับ 5"],
            [U, U, U, "หน่วยนับ", "จำนวน", U, U, U, U, U],
            ["1", "จำนวนชุมชนที่ผ่านเกณฑ์ชุมชนน่าอยู่", "30", "ชุมชน", "8", "4", "5", "6", "7", "8"],
            ["2", "ร้อยละของครัวเรือนที่คัดแยกขยะ", "70", "ร้อยละ", "60", "40", "45", "50", "55", "60"]]
    ex, _ = run(plan_docx(tmp_path / "f.docx", ["แบบฟอร์มที่ 7.2 ตัวชี้วัดตามแผนพัฒนาท้องถิ่น ประจำปีงบประมาณ พ.ศ. 2568",
                                                 "เทศบาลนครหาดใหญ่"], rows, hmerges=[(0, 3, 0, 4)]))
    got = [(r.item_no, r.unit, r.target, r.weight) for r in ex.records]
    assert got == [("1", "ชุมชน", 8, 30), ("2", "%", 60, 70)]


# ---------------------------------------------------------------- title metadata


def test_two_digit_fiscal_year_and_agency_glued_after_the_title_word(tmp_path):
    ex, _ = run(plan_tsv(tmp_path / "f.tsv", ["แบบฟอร์มที่ 7.2 ตัวชี้วัดของกรมศุลกากร ปีงบประมาณ 70"], [HEAD, K1]))
    assert [(r.agency, r.fiscal_year) for r in ex.records] == [("กรมศุลกากร", 2570)]


def test_agency_glued_without_khong(tmp_path):
    ex, _ = run(plan_tsv(tmp_path / "f.tsv", ["แบบฟอร์มที่ 7.2 ตัวชี้วัดกรมประมง ปีงบประมาณ พ.ศ. ๖๙"], [HEAD, K1]))
    assert [(r.agency, r.fiscal_year) for r in ex.records] == [("กรมประมง", 2569)]


def test_two_digit_figure_after_budget_word_outside_title_is_no_year(tmp_path):
    """Only the title's `ปีงบประมาณ NN` is a year cut short; an amount (`70 ล้านบาท`) is not."""
    ex, _ = run(plan_tsv(tmp_path / "f.tsv", ["แบบฟอร์มที่ 7.2 ตัวชี้วัดของกรมประมง",
                                              "วงเงินปีงบประมาณ 70 ล้านบาท"], [HEAD, K1]))
    assert [r.fiscal_year for r in ex.records] == [None]


def test_workbook_table_from_column_b_with_a_filled_header_and_an_empty_row(tmp_path):
    """A sheet whose table starts in column B, its header row filled from column A (an empty
    coloured cell) and an empty row under the header: the rows below the empty row are read with
    the header's columns, not one column off."""
    openpyxl = pytest.importorskip("openpyxl")
    from openpyxl.styles import PatternFill
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = "มหาวิทยาลัยราชภัฏเพชรบุรี"
    ws["A2"] = "แบบฟอร์มที่ 7.2 ตัวชี้วัดตามแผนพัฒนาองค์การ ประจำปีงบประมาณ พ.ศ. 2570"
    head = ["ที่", "ตัวชี้วัด", "มิติ", "หน่วย", "น้ำหนัก", "เป้าหมาย", "ระดับ 1", "ระดับ 2", "ระดับ 3",
            "ระดับ 4", "ระดับ 5"]
    fill = PatternFill("solid", fgColor="DDEBF7")
    ws.cell(4, 1).fill = fill                       # the header's fill starts a column early
    for c, v in enumerate(head, 2):
        ws.cell(4, c, v).fill = fill
    data = [["1", "ร้อยละของหลักสูตรที่ผ่านการประเมินคุณภาพ", "7.1", "ร้อยละ", "30", "100",
             "80", "85", "90", "95", "100"],
            ["2", "ร้อยละความพึงพอใจของนักศึกษาต่อการให้บริการ", "7.2", "ร้อยละ", "", "90",
             "70", "75", "80", "85", "90"],
            ["3", "ร้อยละของบุคลากรสายวิชาการที่มีตำแหน่งทางวิชาการ", "7.4", "ร้อยละ", "40", "85",
             "70", "75", "80", "78", "85"]]
    for r, row in enumerate(data, 6):                # row 5 left empty
        for c, v in enumerate(row, 2):
            if v:
                ws.cell(r, c, v)
    path = tmp_path / "pbru.xlsx"
    wb.save(path)
    ex = extract(read_document(path), ctx(name="pbru/pbru.xlsx"))
    kpis = [r for r in ex.records if r.record_type == "kpi"]
    assert [(k.item_no, k.dimension, k.weight, k.level_1, k.level_5) for k in kpis] == [
        ("1", "7.1", 30, 80, 100), ("2", "7.2", None, 70, 90), ("3", "7.4", 40, 70, 85)]
    assert sorted((f.code, f.item_no) for f in validate(ex, AS_OF)) == [
        ("LADDER_NOT_MONOTONIC", "3"), ("WEIGHT_MISSING", "2")]
