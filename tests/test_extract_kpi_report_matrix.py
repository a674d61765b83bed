"""KPI report milestone matrices whose step columns sit under a banner: `คะแนน` beside
`ขั้นตอนที่` merged over a second header row of bare numbers `1 2 3 4 5` / `๑ ๒ ๓ ๔ ๕`, and
the MILESTONE_MISSING wording for a level row that is present with nothing ticked."""
from __future__ import annotations

from datetime import date

import pytest

from extract_helpers import ctx, doc, table

from extractors import document_meta, extract, kpi_report
from pipeline.readers import read_document
from pipeline.validate import validate

L, U = "<<", "^^"
TH = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
NAME = "ระดับความสำเร็จของการจัดทำฐานข้อมูลผู้สูงอายุของจังหวัด"
STEPS = ["แต่งตั้งคณะทำงาน ภายในวันที่ 15 ตุลาคม 2568",
         "สำรวจข้อมูลผู้สูงอายุ ภายในไตรมาสที่ 2 ของปีงบประมาณ พ.ศ. 2569",
         "บันทึกข้อมูลเข้าระบบไม่น้อยกว่าร้อยละ 80 ภายใน 30 มิ.ย. 69",
         "ตรวจสอบความถูกต้องของข้อมูล ภายในเดือนสิงหาคม 2569",
         "รายงานผลต่อผู้ว่าราชการจังหวัด ภายใน 30 ก.ย. 69"]
DEADLINES = ["2025-10-15", "2026-03-31", "2026-06-30", "2026-08-31", "2026-09-30"]
STAIRS = {1: [1], 2: [1, 2], 3: [1, 2, 3], 4: [1, 2, 3, 4], 5: [1, 2, 3, 4, 5]}
AS_OF = date(2025, 10, 15)


def _num(thai: bool):
    return (lambda n: str(n).translate(TH)) if thai else str


def banner_rows(thai: bool, level_head: str = "คะแนน", tick: str = "●",
                empty_levels: tuple = ()) -> list[list[str]]:
    """The matrix as written on paper, `<<` / `^^` for merged positions."""
    n = _num(thai)
    rows = [[level_head, "ขั้นตอนที่", L, L, L, L], [U] + [n(i) for i in range(1, 6)]]
    for lv in range(1, 6):
        rows.append([n(lv)] + [tick if s <= lv and lv not in empty_levels else ""
                               for s in range(1, 6)])
    return rows


def merged_table(rows: list[list[str]], index: int = 1):
    """extract_helpers.table from rows with `<<` / `^^` markers (a DOCX or XLSX reading)."""
    merges, plain = {}, [[("" if x in (L, U) else x) for x in r] for r in rows]
    for r, row in enumerate(rows):
        for c, x in enumerate(row):
            if x in (L, U):
                continue
            cs = 1
            while c + cs < len(row) and row[c + cs] == L:
                cs += 1
            rs = 1
            while r + rs < len(rows) and rows[r + rs][c] == U:
                rs += 1
            if (rs, cs) != (1, 1):
                merges[(r, c)] = (rs, cs)
    return table(plain, merges, index=index)


def report_blocks(matrix, thai: bool = False):
    n = _num(thai)
    return ["รายงานผลการปฏิบัติราชการ จังหวัดนครศรีธรรมราช ประจำปีงบประมาณ พ.ศ. 2569",
            "มิติที่ 4 ด้านการพัฒนาองค์การ", f"ตัวชี้วัดที่ {n(12)} {NAME}", matrix,
            *[f"ขั้นตอนที่ {n(i)} {s}" for i, s in enumerate(STEPS, 1)]]


def read_report(d):
    """kpi_report's own reading of a document (the matrix reader, without recognition)."""
    ex = kpi_report.extract(d, document_meta(d, ctx()))
    return ex


def assert_banner_report(ex):
    kpis = [r for r in ex.records if r.record_type == "kpi"]
    steps = [r for r in ex.records if r.record_type == "milestone"]
    assert [(k.item_no, k.dimension, k.name) for k in kpis] == [("12", "4", NAME)]
    assert len(ex.matrices) == 1
    assert ex.matrices[0].levels == STAIRS
    assert [(s.item_no, s.level, s.deadline) for s in steps] == [
        (str(i), i, d) for i, d in enumerate(DEADLINES, 1)]
    assert steps[2].target == 80 and steps[2].unit == "%"


# ---------------------------------------------------------------- the matrix reader

@pytest.mark.parametrize("thai", [False, True], ids=["arabic", "thai"])
@pytest.mark.parametrize("level_head,tick", [("คะแนน", "●"), ("ระดับคะแนน", "✓")])
def test_banner_over_step_numbers_read_from_a_docx_layout(thai, level_head, tick):
    ex = read_report(doc(*report_blocks(merged_table(banner_rows(thai, level_head, tick)), thai)))
    assert_banner_report(ex)


@pytest.mark.parametrize("thai", [False, True], ids=["arabic", "thai"])
def test_banner_whose_merge_a_pdf_lost(thai):
    """A PDF keeps no merges: the banner is one cell with empty cells after it, `คะแนน` sits in
    the top row with an empty cell under it."""
    rows = [[x if x not in (L, U) else "" for x in r] for r in banner_rows(thai)]
    ex = read_report(doc(*report_blocks(table(rows), thai), fmt="pdf"))
    assert_banner_report(ex)


def test_matrix_header_names_the_step_columns():
    t = merged_table(banner_rows(True))
    assert kpi_report.matrix_header(t) == (1, {1: 1, 2: 2, 3: 3, 4: 4, 5: 5})
    one_row = table([["ระดับคะแนน"] + [f"ขั้นตอนที่ {i}" for i in range(1, 6)], ["1", "✓"]])
    assert kpi_report.matrix_header(one_row) == (0, {1: 1, 2: 2, 3: 3, 4: 4, 5: 5})


def test_numbers_beside_a_step_column_are_not_a_step_header():
    """`ขั้นตอนการดำเนินงาน` merged down beside a month banner numbered 1…12 is an activity
    plan's Gantt, not a milestone matrix: the numbers are not under the step cell."""
    rows = [["ที่", "ขั้นตอนการดำเนินงาน", "เดือน"] + [L] * 11,
            [U, U] + [str(m) for m in range(1, 13)],
            ["1", "ประชุมคณะทำงาน", "✓"] + [""] * 11]
    assert kpi_report.matrix_header(merged_table(rows)) is None


def _docx_file(path, thai: bool):
    import docx
    d = docx.Document()
    for b in report_blocks(None, thai):
        if b is None:
            rows = banner_rows(thai)
            t = d.add_table(rows=len(rows), cols=len(rows[0]))
            t.cell(0, 1).merge(t.cell(0, 5))
            t.cell(0, 0).merge(t.cell(1, 0))
            for r, row in enumerate(rows):
                for c, x in enumerate(row):
                    if x not in (L, U):
                        t.cell(r, c).text = x
        else:
            d.add_paragraph(b)
    d.save(path)


def _xlsx_file(path, thai: bool):
    from openpyxl import Workbook
    wb = Workbook()
    ws = wb.active
    r0 = 1
    for b in report_blocks(None, thai):
        if b is None:
            rows = banner_rows(thai)
            for r, row in enumerate(rows):
                for c, x in enumerate(row):
                    if x not in (L, U) and x:
                        ws.cell(row=r0 + r, column=1 + c, value=x)
            ws.merge_cells(start_row=r0, start_column=2, end_row=r0, end_column=6)
            ws.merge_cells(start_row=r0, start_column=1, end_row=r0 + 1, end_column=1)
            r0 += len(rows) + 1
        else:
            ws.cell(row=r0, column=1, value=b)
            r0 += 1
    wb.save(path)


@pytest.mark.parametrize("thai", [False, True], ids=["arabic", "thai"])
@pytest.mark.parametrize("fmt,write", [("docx", _docx_file), ("xlsx", _xlsx_file)])
def test_banner_matrix_in_real_files(tmp_path, fmt, write, thai):
    path = tmp_path / f"nakhonsi_kpi_report_2569.{fmt}"
    write(path, thai)
    assert_banner_report(read_report(read_document(path)))


# ---------------------------------------------------------------- recognition

@pytest.mark.parametrize("thai", [False, True], ids=["arabic", "thai"])
def test_banner_matrix_recognised_as_a_kpi_report(thai):
    ex = extract(doc(*report_blocks(merged_table(banner_rows(thai)), thai)), ctx())
    assert ex.forms == ["kpi_report"]
    assert_banner_report(ex)


# ---------------------------------------------------------------- MILESTONE_MISSING wording

def _one_row_report(levels: dict[int, list[int]]):
    rows = [["ระดับคะแนน"] + [f"ขั้นตอนที่ {i}" for i in range(1, 6)]]
    for lv, steps in levels.items():
        rows.append([str(lv)] + ["✓" if s in steps else "" for s in range(1, 6)])
    return extract(doc(*report_blocks(table(rows))), ctx())


def test_level_row_present_with_nothing_ticked():
    ex = _one_row_report({**STAIRS, 4: []})
    assert ex.matrices[0].levels[4] == []
    (f,) = [f for f in validate(ex, AS_OF) if f.code == "MILESTONE_MISSING"]
    assert (f.record_type, f.item_no, f.severity) == ("kpi", "12", "error")
    assert f.value == "ระดับ 4: มีแถวแต่ไม่ได้ทำเครื่องหมายขั้นตอนใด"
    assert "level 4 is in the matrix but marks no step" in f.message
    assert "ไม่มี)" not in f.message and "absent" not in f.message


def test_level_row_absent():
    ex = _one_row_report({lv: st for lv, st in STAIRS.items() if lv != 4})
    assert 4 not in ex.matrices[0].levels
    (f,) = [f for f in validate(ex, AS_OF) if f.code == "MILESTONE_MISSING"]
    assert f.value == "ระดับ 4: ไม่มี"
    assert "level 4 is absent" in f.message


def test_banner_matrix_with_an_empty_level_row():
    d = doc(*report_blocks(merged_table(banner_rows(True, empty_levels=(3,))), True))
    ex = read_report(d)
    assert ex.matrices[0].levels == {**STAIRS, 3: []}
    steps = [r for r in ex.records if r.record_type == "milestone"]
    assert [s.level for s in steps] == [1, 2, 4, 4, 5]
    (f,) = [f for f in validate(ex, AS_OF) if f.code == "MILESTONE_MISSING"]
    assert f.value == "ระดับ 3: มีแถวแต่ไม่ได้ทำเครื่องหมายขั้นตอนใด"
