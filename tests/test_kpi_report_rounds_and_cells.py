"""KPI reports: results of two rounds, steps listed inside one cell, completion days in English
or in a remarks column, a steps table on a sheet of its own, and matrix columns headed
`ขั้นตอน N` (no ที่).

- A report giving the 6-month and the 12-month results in separate tables: the later round's
  table replaces the earlier one's result for the same step (whichever order they are written
  in), and the report stands at the later round's end.
- Steps written as numbered lines in one table cell (`1) …` / `2) …`) are the steps.
- `Completed 15 December 2025` is a completion day; so is `แล้วเสร็จ 5 เม.ย. 69` in a
  `หมายเหตุ` column (a remark that does not say the step was done gives none).
- A workbook sheet with no indicator heading holding a steps table continues the indicator of
  the sheet before it.
Documents are built as real DOCX/XLSX/CSV files and read back through the readers."""
from __future__ import annotations

import csv
from datetime import date

from openpyxl import Workbook

from extract_helpers import write_docx
from schemas import ExtractContext
from extractors import extract
from pipeline.readers import read_document
from pipeline.validate import validate

AS_OF = date(2026, 11, 22)
STD = [set(range(1, i + 1)) for i in range(1, 6)]


def matrix(head=lambda i: f"ขั้นตอนที่ {i}", mark="●"):
    return [["ระดับคะแนน"] + [head(i) for i in range(1, 6)]] + \
           [[str(lv)] + [mark if i in STD[lv - 1] else "" for i in range(1, 6)] for lv in range(1, 6)]


def run(path, fy=None):
    ex = extract(read_document(str(path)), ExtractContext(source_file=path.name, fiscal_year=fy))
    return ex, validate(ex, AS_OF)


def milestones(ex):
    return [r for r in ex.records if r.record_type == "milestone" and r.form == "kpi_report"]


def codes(findings, code):
    return sorted(f.item_no for f in findings if f.code == code)


STEPS = [["ขั้นตอนที่", "รายละเอียด", "กำหนดแล้วเสร็จ"]] + [
    [str(i), f"ขั้นตอนการพัฒนาระบบงานที่ {i}", d] for i, d in
    enumerate(["31 ธ.ค. 68", "31 มี.ค. 69", "30 มิ.ย. 69", "31 ส.ค. 69", "30 ก.ย. 69"], 1)]
R6 = [["ขั้นตอนที่", "ผลการดำเนินงาน", "วันที่แล้วเสร็จ"], ["1", "ดำเนินการแล้ว", "20 ธ.ค. 68"],
      ["2", "ดำเนินการแล้ว", "15 มี.ค. 69"], ["3", "อยู่ระหว่างดำเนินการ", "-"], ["4", "ยังไม่ดำเนินการ", "-"],
      ["5", "ยังไม่ดำเนินการ", "-"]]
R12 = R6[:3] + [["3", "ดำเนินการแล้ว", "25 มิ.ย. 69"], ["4", "ดำเนินการแล้ว", "20 ส.ค. 69"],
                ["5", "ดำเนินการแล้ว", "25 ก.ย. 69"]]
HEAD = ["รายงานผลการดำเนินงาน ปีงบประมาณ พ.ศ. 2569", "สำนักงานพัฒนาระบบราชการจังหวัด",
        "ตัวชี้วัดที่ 3 ระดับความสำเร็จของการพัฒนาระบบงาน", "น้ำหนัก : ร้อยละ 20"]


# ---------------------------------------------------------------- two rounds of results

def test_twelve_month_round_replaces_the_six_month_results(tmp_path):
    path = write_docx(tmp_path / "rounds.docx", HEAD + [matrix(), STEPS, "ผลการดำเนินงาน รอบ 6 เดือน", R6,
                                                       "ผลการดำเนินงาน รอบ 12 เดือน", R12])
    ex, findings = run(path)
    steps = milestones(ex)
    assert [s.status for s in steps] == ["done"] * 5
    assert [s.completed for s in steps] == ["2025-12-20", "2026-03-15", "2026-06-25", "2026-08-20", "2026-09-25"]
    assert codes(findings, "DEADLINE_MISSED") == []
    # the report stands at the end of its later round
    assert {s.reported_as_of for s in steps} == {"2026-09-30"}


def test_earlier_round_written_after_the_later_one_does_not_win(tmp_path):
    path = write_docx(tmp_path / "rounds_rev.docx", HEAD + [matrix(), STEPS, "ผลการดำเนินงาน รอบ 12 เดือน", R12,
                                                           "ผลการดำเนินงาน รอบ 6 เดือน", R6])
    ex, _ = run(path)
    assert [s.status for s in milestones(ex)] == ["done"] * 5


def test_a_single_results_table_is_read_as_before(tmp_path):
    path = write_docx(tmp_path / "one_round.docx", HEAD + [matrix(), STEPS, "ผลการดำเนินงาน รอบ 6 เดือน", R6])
    ex, _ = run(path)
    assert [s.status for s in milestones(ex)] == ["done", "done", "not_done", "not_done", "not_done"]


# ---------------------------------------------------------------- steps inside one cell

def test_steps_listed_in_one_cell_are_the_steps(tmp_path):
    listed = "\n".join(f"{i}) จัดทำขั้นตอนการพัฒนาเมืองที่ {i} (ภายใน ก.ย. 66)" for i in range(1, 6))
    path = write_docx(tmp_path / "cell.docx", ["รายงานผลการดำเนินงานตามตัวชี้วัด ประจำปีงบประมาณ พ.ศ. 2566",
                                               "ตัวชี้วัดที่ 6 ระดับความสำเร็จของการพัฒนาเมือง", matrix(),
                                               [["ขั้นตอนการดำเนินงาน"], [listed]]])
    ex, findings = run(path)
    steps = milestones(ex)
    assert [s.item_no for s in steps] == ["1", "2", "3", "4", "5"]
    assert steps[2].name == "จัดทำขั้นตอนการพัฒนาเมืองที่ 3 (ภายใน ก.ย. 66)"
    assert [s.level for s in steps] == [1, 2, 3, 4, 5]
    assert {s.deadline for s in steps} == {"2023-09-30"}
    assert codes(findings, "MILESTONE_MISSING") == []


def test_a_cell_not_opening_a_numbered_list_is_not_split(tmp_path):
    # a description cell mentioning numbers is no list of steps
    text = "ตัวชี้วัดนี้วัดผลการพัฒนา\n1) หมายถึงการพัฒนาระบบ\n2) หมายถึงการติดตามผล"
    path = write_docx(tmp_path / "desc.docx", ["ตัวชี้วัดที่ 6 ระดับความสำเร็จของการพัฒนาเมือง", matrix(),
                                               [["คำอธิบาย"], [text]]])
    ex, _ = run(path, fy=2566)
    assert milestones(ex) == []


# ---------------------------------------------------------------- completion days

def test_completion_in_english_and_in_a_remarks_column(tmp_path):
    rows = [["ขั้นตอน", "รายละเอียด", "กำหนดเสร็จ", "ผลการดำเนินงาน", "หมายเหตุ"],
            ["1", "ขั้นตอนการพัฒนาระบบงานที่ 1", "31 December 2025", "Completed 15 December 2025", ""],
            ["2", "ขั้นตอนการพัฒนาระบบงานที่ 2", "31 มี.ค. 69", "✓", "แล้วเสร็จ 5 เม.ย. 69"],
            ["3", "ขั้นตอนการพัฒนาระบบงานที่ 3", "30 มิ.ย. 69", "✓", "ประชุมคณะทำงาน 20 มิ.ย. 69"],
            ["4", "ขั้นตอนการพัฒนาระบบงานที่ 4", "31 ส.ค. 69", "✓", "แล้วเสร็จ 20 ส.ค. 69"],
            ["5", "ขั้นตอนการพัฒนาระบบงานที่ 5", "30 ก.ย. 69", "", "แล้วเสร็จ 20 ก.ย. 69"]]
    path = tmp_path / "report.csv"
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        for r in [["รายงานผลการดำเนินงานตามตัวชี้วัด ปีงบประมาณ 2569"], ["ตัวชี้วัดที่ 2 ระดับความสำเร็จของการทดสอบ"],
                  ["น้ำหนัก 30"], []] + matrix() + [[]] + rows:
            w.writerow(r)
    ex, findings = run(path)
    steps = milestones(ex)
    assert [s.completed for s in steps] == ["2025-12-15", "2026-04-05", "", "2026-08-20", "2026-09-20"]
    assert steps[0].completed_raw == "15 December 2025"
    assert [s.status for s in steps] == ["done"] * 5
    assert codes(findings, "DEADLINE_MISSED") == ["2"]


# ---------------------------------------------------------------- a steps table on its own sheet

def write_xlsx(path, sheets):
    wb = Workbook()
    for k, (title, rows) in enumerate(sheets):
        ws = wb.active if k == 0 else wb.create_sheet()
        ws.title = title
        for row in rows:
            ws.append(row)
    wb.save(path)
    return path


def test_steps_table_on_a_second_sheet_continues_the_indicator(tmp_path):
    steps = [["ขั้นตอนที่", "รายละเอียด", "กำหนดแล้วเสร็จ"]] + [
        [str(i), f"ขั้นตอนการจัดหางานที่ {i}", "ก.ย. 72"] for i in range(1, 6)]
    path = write_xlsx(tmp_path / "two_sheets.xlsx", [
        ("เกณฑ์", [["รายละเอียดตัวชี้วัด ประจำปีงบประมาณ พ.ศ. 2572"], ["กรมการจัดหางาน"],
                   ["ตัวชี้วัดที่ 1 ระดับความสำเร็จของการจัดหางาน"], []] + matrix(mark="✔")),
        ("รายละเอียด", steps)])
    ex, findings = run(path)
    ms = milestones(ex)
    assert [s.name for s in ms] == [f"ขั้นตอนการจัดหางานที่ {i}" for i in range(1, 6)]
    assert {s.kpi_no for s in ms} == {"1"}
    assert {s.deadline for s in ms} == {"2029-09-30"}
    assert codes(findings, "MILESTONE_MISSING") == []


# ---------------------------------------------------------------- `ขั้นตอน N` column heads

def test_matrix_columns_headed_without_thi(tmp_path):
    path = write_docx(tmp_path / "no_thi.docx", [
        "รายงานผลการดำเนินงานตามตัวชี้วัด ประจำปีงบประมาณ พ.ศ. 2566", "เทศบาลนครเชียงราย",
        "ตัวชี้วัดที่ 6 ระดับความสำเร็จของการพัฒนาเมือง", "น้ำหนัก : ร้อยละ 10",
        matrix(head=lambda i: f"ขั้นตอน {i}")] +
        [f"{i}) ขั้นตอนทดสอบการพัฒนาที่ {i} (ภายใน ก.ย. 66)" for i in range(1, 6)])
    ex, findings = run(path)
    kpi = [r for r in ex.records if r.record_type == "kpi"]
    assert [(k.item_no, k.weight) for k in kpi] == [("6", 10)]
    assert kpi[0].required_steps == [sorted(s) for s in STD]
    assert [s.level for s in milestones(ex)] == [1, 2, 3, 4, 5]
    assert codes(findings, "MILESTONE_MISSING") == []
