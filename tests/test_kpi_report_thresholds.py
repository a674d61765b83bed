"""KPI report thresholds: a step's target written with a lower bound (`อย่างน้อย 3 งานบริการ`,
`ขั้นต่ำ 2 ครั้ง`, `ไม่ต่ำกว่า 1,200 คน`, `at least 4 services`), and how deep in a table the
milestone matrix's step header may sit (title rows or a two-row banner above it in a sheet)
without ordinary tables reading as matrices."""
from __future__ import annotations

import pytest

from extract_helpers import ctx, doc, table

from extractors import document_meta, kpi_report
from pipeline.readers import read_document

NAME = "ระดับความสำเร็จของการพัฒนาระบบบริการประชาชนแบบออนไลน์"


def steps_with(third: str) -> list[str]:
    return ["แต่งตั้งคณะทำงาน ภายในเดือนพฤศจิกายน 2567",
            "จัดทำแผนพัฒนาระบบบริการ ภายในเดือนกุมภาพันธ์ 2568",
            third,
            "ประเมินความพึงพอใจของผู้รับบริการ ภายในเดือนกรกฎาคม 2568",
            "สรุปผลและรายงานผู้บริหาร ภายในเดือนกันยายน 2568"]


def matrix_rows() -> list[list[str]]:
    rows = [["ระดับคะแนน"] + [f"ขั้นตอนที่ {i}" for i in range(1, 6)]]
    return rows + [[str(lv)] + ["✓" if s <= lv else "" for s in range(1, 6)] for lv in range(1, 6)]


def read(*blocks, fmt="docx"):
    d = doc(*blocks, fmt=fmt)
    ex = kpi_report.extract(d, document_meta(d, ctx()))
    return ex, [r for r in ex.records if r.record_type == "milestone"]


# ---------------------------------------------------------------- lower bounds as a step's target

@pytest.mark.parametrize("third,target,unit,raw", [
    ("เปิดให้บริการออนไลน์อย่างน้อย 3 งานบริการ ภายในเดือนเมษายน 2568", 3, "งานบริการ", "อย่างน้อย 3 งานบริการ"),
    ("จัดประชุมชี้แจงขั้นต่ำ 2 ครั้ง ภายในเดือนเมษายน 2568", 2, "ครั้ง", "ขั้นต่ำ 2 ครั้ง"),
    ("มีผู้ใช้บริการไม่ต่ำกว่า 1,200 คน ภายในเดือนเมษายน 2568", 1200, "คน", "ไม่ต่ำกว่า 1,200 คน"),
    ("เปิดจุดบริการไม่น้อยกว่า 50 หมู่บ้านภายในเดือนเมษายน 2568", 50, "หมู่บ้าน", "ไม่น้อยกว่า 50 หมู่บ้าน"),
    ("Launch at least 4 services online ภายในเดือนเมษายน 2568", 4, "services", "at least 4 services"),
    ("ผู้รับบริการพึงพอใจไม่น้อยกว่า 85 เปอร์เซ็นต์ ภายในเดือนเมษายน 2568", 85, "%",
     "ไม่น้อยกว่า 85 เปอร์เซ็นต์"),
    ("ผู้รับบริการพึงพอใจอย่างน้อยร้อยละ ๘๐ ภายในเดือนเมษายน 2568", 80, "%", "อย่างน้อยร้อยละ ๘๐"),
], ids=["at_least_unlisted_unit", "minimum", "not_below_thousands", "not_less_unit_run_on", "english",
        "percent_word", "percent_thai_digits"])
def test_a_lower_bound_is_the_steps_target(third, target, unit, raw):
    _, steps = read(f"ตัวชี้วัดที่ 2 {NAME}", table(matrix_rows()),
                    *[f"ขั้นตอนที่ {i} {s}" for i, s in enumerate(steps_with(third), 1)])
    assert [s.item_no for s in steps] == ["1", "2", "3", "4", "5"]
    s3 = steps[2]
    assert (s3.target, s3.unit, s3.target_raw) == (target, unit, raw)
    assert s3.deadline == "2025-04-30"
    assert all(s.target is None for k, s in enumerate(steps) if k != 2)


@pytest.mark.parametrize("third", [
    "จัดอบรมเจ้าหน้าที่ 3 ครั้ง ภายในเดือนเมษายน 2568",           # a count with no bound
    "ทบทวนแผนไม่เกิน 2 ครั้ง ภายในเดือนเมษายน 2568",              # an upper bound on a count
    "ตอบข้อร้องเรียนภายใน 7 วัน นับแต่วันที่ได้รับ",                # a period
], ids=["no_bound", "upper_bound", "period"])
def test_a_count_without_a_lower_bound_is_no_target(third):
    _, steps = read(f"ตัวชี้วัดที่ 2 {NAME}", table(matrix_rows()),
                    *[f"ขั้นตอนที่ {i} {s}" for i, s in enumerate(steps_with(third), 1)])
    assert len(steps) == 5
    assert (steps[2].target, steps[2].unit) == (None, "")


def test_a_prose_level_opening_with_a_lower_bound_is_a_threshold_not_a_step():
    """`ระดับ 3 : ขั้นต่ำ 3 ครั้ง` is a ladder's threshold: prose lines of such levels are no
    milestones (they are not read as steps)."""
    _, steps = read(f"ตัวชี้วัดที่ 2 {NAME}", "เกณฑ์การให้คะแนน",
                    *[f"ระดับ {lv} : ขั้นต่ำ {lv} ครั้ง" for lv in range(1, 6)])
    assert steps == []


# ---------------------------------------------------------------- the matrix below the top rows

def sheet(above: list[list[str]], banner: bool = True) -> list[list[str]]:
    """One sheet read as one table: ``above`` rows, then the matrix (under a two-row banner or
    one header row), then the steps table."""
    if banner:
        head = [["ระดับคะแนน", "ระดับขั้นของความสำเร็จ (Milestone)", "", "", "", ""],
                [""] + [f"ขั้นตอนที่ {i}" for i in range(1, 6)]]
    else:
        head = [matrix_rows()[0]]
    body = [[str(lv)] + ["✓" if s <= lv else "" for s in range(1, 6)] for lv in range(1, 6)]
    steps = [["ขั้นตอนที่", "รายละเอียด", "กำหนดแล้วเสร็จ", "ผลการดำเนินงาน", "", ""]]
    steps += [[str(i), s.split(" ภายใน")[0], "30 ก.ย. 2568", "แล้วเสร็จ", "", ""]
              for i, s in enumerate(steps_with("ทดสอบระบบ ภายในเดือนเมษายน 2568"), 1)]
    return [r + [""] * (6 - len(r)) for r in above] + head + body + steps


TITLES = [["รายงานผลการปฏิบัติราชการ องค์การบริหารส่วนจังหวัดตาก ประจำปีงบประมาณ พ.ศ. 2568"],
          ["มิติที่ 2 ด้านคุณภาพการให้บริการ"],
          [f"ตัวชี้วัดที่ 2 {NAME}"],
          ["ผู้กำกับดูแลตัวชี้วัด : นายสมชาย ใจดี", "", "", "โทรศัพท์ : 0 5551 1234"]]


@pytest.mark.parametrize("banner", [True, False], ids=["two_row_banner", "one_row"])
def test_matrix_under_title_rows_in_the_same_table(banner):
    t = table(sheet(TITLES, banner))
    hdr = len(TITLES) + (1 if banner else 0)
    assert kpi_report.matrix_header(t) == (hdr, {1: 1, 2: 2, 3: 3, 4: 4, 5: 5})
    ex, steps = read(t, fmt="xlsx")
    assert len(ex.matrices) == 1
    assert ex.matrices[0].levels == {lv: list(range(1, lv + 1)) for lv in range(1, 6)}
    assert [(s.item_no, s.level) for s in steps] == [(str(i), i) for i in range(1, 6)]


def test_matrix_under_merged_titles_in_an_xlsx(tmp_path):
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    for r, row in enumerate(sheet(TITLES), 1):
        for c, v in enumerate(row, 1):
            if v:
                ws.cell(r, c, v)
    for r in range(1, 4):
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=6)
    ws.merge_cells(start_row=5, start_column=2, end_row=5, end_column=6)
    ws.merge_cells(start_row=5, start_column=1, end_row=6, end_column=1)
    p = tmp_path / "tak_kpi_report_2568.xlsx"
    wb.save(p)
    d = read_document(p)
    ex = kpi_report.extract(d, document_meta(d, ctx("tak/" + p.name)))
    kpis = [r for r in ex.records if r.record_type == "kpi"]
    steps = [r for r in ex.records if r.record_type == "milestone"]
    assert [(k.item_no, k.name) for k in kpis] == [("2", NAME)]
    assert len(ex.matrices) == 1 and ex.matrices[0].levels[5] == [1, 2, 3, 4, 5]
    assert [(s.item_no, s.level) for s in steps] == [(str(i), i) for i in range(1, 6)]


def test_two_step_cells_deep_in_an_ordinary_table_are_no_matrix():
    """Below the top rows a row naming steps heads a matrix only over level rows with marks:
    a list of steps with their results is no matrix."""
    rows = [["ที่", "รายการ", "ผล"]] + [[str(i), f"กิจกรรมที่ {i}", "แล้วเสร็จ"] for i in range(1, 6)]
    rows += [["", "ขั้นตอนที่ 1", "ขั้นตอนที่ 2"], ["1", "ดำเนินการแล้ว", "อยู่ระหว่างดำเนินการ"],
             ["2", "ดำเนินการแล้ว", ""], ["3", "", ""]]
    assert kpi_report.matrix_header(table(rows)) is None


def test_a_step_header_past_the_bound_is_not_looked_for():
    """Twelve rows down is past where a matrix's header sits (a long table's rows)."""
    above = [[f"{i}. รายการที่ {i}", "100"] for i in range(1, 13)]
    assert kpi_report.matrix_header(table(sheet(above, banner=False))) is None
    assert kpi_report.matrix_header(table(sheet(above[:6], banner=False)))[0] == 6
