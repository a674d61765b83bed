"""KPI reports that share a file with other forms, and the period a report covers.

An indicator's section stays on its own workbook sheet and never takes an activity plan's rows
(a table the activity-plan or form 7.2 reader recognised) as its steps or results, whether the
plan comes before the report (an earlier sheet, or earlier in a Word file) or after it. A report
that states the period it covers (`รอบ 12 เดือน`, `ข้อมูล ณ วันที่ …`) records it on its records
(``reported_as_of``); with the validator's support, a step left blank whose deadline falls before
that day is reported as missed. Documents are built as real DOCX/XLSX files and read back."""
from __future__ import annotations

from datetime import date

import pytest
from openpyxl import Workbook

from extract_helpers import write_docx
from schemas import ExtractContext
from extractors import extract
from pipeline.readers import read_document
from pipeline.validate import validate

AS_OF = date(2026, 11, 22)
TICK = "✓"
STEPS = ["แต่งตั้งคณะทำงาน ภายในวันที่ 31 ตุลาคม 2567",
         "จัดทำแผนพัฒนาคุณภาพบริการ ภายในเดือนธันวาคม 2567",
         "ดำเนินการตามแผนร้อยละ 50 ภายในวันที่ 31 มีนาคม 2568",
         "ดำเนินการตามแผนครบถ้วน ภายในเดือนมิถุนายน 2568",
         "สรุปผลและรายงาน ภายในวันที่ 15 กันยายน 2568"]
PLAN = [["ที่", "กิจกรรม", "ระยะเวลา", "เริ่มต้น", "สิ้นสุด", "งบประมาณ (บาท)", "ผลการดำเนินงาน"]] + [
    [str(i), f"กิจกรรมส่งเสริมอาชีพที่ {i}", "1 เดือน", "ม.ค. 68", "ม.ค. 68", "10,000", "ดำเนินการแล้วเสร็จ"]
    for i in range(1, 8)]


def matrix(n=5):
    return [["ระดับคะแนน"] + [f"ขั้นตอนที่ {i}" for i in range(1, n + 1)]] + \
           [[str(lv)] + [TICK if s <= lv else "" for s in range(1, n + 1)] for lv in range(1, 6)]


def results(res):
    return [["ขั้นตอน", "ผลการดำเนินงาน", "วันที่แล้วเสร็จ"]] + \
           [[f"ขั้นตอนที่ {i}", r, c] for i, (r, c) in enumerate(res, 1)]


DONE2 = [("ดำเนินการแล้วเสร็จ", "15 ต.ค. 2567"), ("ดำเนินการแล้วเสร็จ", "20 ธ.ค. 2567"),
         ("", ""), ("", ""), ("", "")]


def kpi_blocks(no="5", name="ระดับความสำเร็จของการพัฒนาคุณภาพการให้บริการ", n=5, res=DONE2):
    return ([f"ตัวชี้วัดที่ {no} {name}", matrix(n)] +
            [f"ขั้นตอนที่ {i} {s}" for i, s in enumerate(STEPS[:n], 1)] + ["ผลการดำเนินงาน", results(res[:n])])


def write_xlsx(path, sheets):
    """``sheets``: [(title, blocks)]; a paragraph is a row of one cell, a blank row between blocks."""
    wb = Workbook()
    for k, (title, blocks) in enumerate(sheets):
        ws = wb.active if k == 0 else wb.create_sheet()
        ws.title = title
        for b in blocks:
            for row in ([[b]] if isinstance(b, str) else b):
                ws.append(row)
            ws.append([])
    wb.save(path)
    return path


def run(path, fy=None):
    ex = extract(read_document(str(path)), ExtractContext(source_file=path.name, fiscal_year=fy))
    return ex, validate(ex, AS_OF)


def milestones(ex, kpi_no=None):
    return [r for r in ex.records if r.record_type == "milestone" and r.form == "kpi_report"
            and (kpi_no is None or r.kpi_no == kpi_no)]


def missed(findings):
    return sorted((f.item_no, f.value) for f in findings if f.code == "DEADLINE_MISSED")


TITLE = ["รายงานผลการดำเนินงานตามคำรับรองการปฏิบัติราชการ", "จังหวัดอำนาจเจริญ ประจำปีงบประมาณ พ.ศ. 2568"]


# ---------------------------------------------------------------- other forms beside the report

def test_workbook_plan_sheet_before_the_report_gives_no_steps(tmp_path):
    path = write_xlsx(tmp_path / "multi.xlsx", [
        ("แผนปฏิบัติการ", ["แผนปฏิบัติการ จังหวัดอำนาจเจริญ ประจำปีงบประมาณ พ.ศ. 2568", PLAN[:3]]),
        ("รายงานผล", TITLE + kpi_blocks())])
    ex, _ = run(path)
    steps = milestones(ex)
    assert [s.name for s in steps] == STEPS
    assert [s.status for s in steps] == ["done", "done", "unknown", "unknown", "unknown"]
    assert [r.name for r in ex.records if r.record_type == "activity"][:2] == [
        "กิจกรรมส่งเสริมอาชีพที่ 1", "กิจกรรมส่งเสริมอาชีพที่ 2"]


def test_word_file_plan_before_the_report_gives_no_steps(tmp_path):
    path = write_docx(tmp_path / "plan_kpi.docx",
                      ["แผนปฏิบัติการ จังหวัดอำนาจเจริญ ประจำปีงบประมาณ พ.ศ. 2568", PLAN[:3]] + TITLE + kpi_blocks())
    ex, _ = run(path)
    assert [s.name for s in milestones(ex)] == STEPS


def test_plan_after_a_complete_indicator_adds_no_steps_and_no_results(tmp_path):
    # three steps, step 2 and 3 blank; then an activity plan whose seven rows all report `done`
    path = write_docx(tmp_path / "kpi_plan.docx",
                      TITLE + kpi_blocks(n=3) + ["แผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. 2568", PLAN])
    ex, _ = run(path)
    steps = milestones(ex)
    assert [s.item_no for s in steps] == ["1", "2", "3"]
    assert [s.status for s in steps] == ["done", "done", "unknown"]


def test_plan_sheet_after_the_report_adds_no_steps(tmp_path):
    path = write_xlsx(tmp_path / "kpi_plan.xlsx", [
        ("รายงานผล", TITLE + kpi_blocks(n=2)), ("แผนปฏิบัติการ", ["แผนปฏิบัติการ", PLAN])])
    ex, _ = run(path)
    assert [s.item_no for s in milestones(ex)] == ["1", "2"]


def test_one_indicator_per_sheet_with_steps_tables(tmp_path):
    sheets = []
    for no in ("3", "4"):
        sheets.append((f"KPI {no}", [f"ตัวชี้วัดที่ {no} ระดับความสำเร็จของการพัฒนาเมืองสมุนไพร", matrix(),
                                     [["ที่", "ขั้นตอนการดำเนินงาน", "กำหนดแล้วเสร็จ", "ผลการดำเนินงาน"]] +
                                     [[str(i), f"ขั้นที่ {i} ของตัวชี้วัด {no}", "ก.ย. 68", ""] for i in range(1, 6)]]))
    ex, _ = run(write_xlsx(tmp_path / "per_sheet.xlsx", sheets))
    assert [(s.kpi_no, s.name) for s in milestones(ex)] == [
        (no, f"ขั้นที่ {i} ของตัวชี้วัด {no}") for no in ("3", "4") for i in range(1, 6)]


def test_steps_table_the_plan_reader_also_takes_still_gives_the_steps(tmp_path):
    # `ที่ | ขั้นตอนการดำเนินงาน | กำหนดแล้วเสร็จ | ผลการดำเนินงาน` is recognised as an activity plan;
    # the indicator has no other steps, so the table is its steps table
    steps_table = [["ที่", "ขั้นตอนการดำเนินงาน", "กำหนดแล้วเสร็จ", "ผลการดำเนินงาน"]] + [
        [str(i), f"ขั้นที่ {i} พัฒนาเส้นทางท่องเที่ยว", "28 ก.พ. 68", "ดำเนินการแล้วเสร็จ 20 ก.พ. 2568" if i == 1 else ""]
        for i in range(1, 6)]
    path = write_docx(tmp_path / "loei.docx", ["แผนปฏิบัติการ", PLAN[:3]] + TITLE + [
        "ตัวชี้วัดที่ 2 ระดับความสำเร็จของการพัฒนาการท่องเที่ยว", matrix(), steps_table])
    ex, _ = run(path)
    steps = milestones(ex)
    assert [s.name for s in steps] == [f"ขั้นที่ {i} พัฒนาเส้นทางท่องเที่ยว" for i in range(1, 6)]
    assert (steps[0].status, steps[0].completed) == ("done", "2025-02-20")


# ---------------------------------------------------------------- the period a report covers

@pytest.mark.parametrize("line, fy, expected", [
    ("ประจำปีงบประมาณ พ.ศ. 2566 (รอบ 12 เดือน)", None, "2023-09-30"),
    ("รายงานผลการดำเนินงาน รอบ 6 เดือน", 2568, "2025-03-31"),
    ("รายงานผลการดำเนินงาน รอบ ๙ เดือน", 2568, "2025-06-30"),
    ("รอบการประเมิน 3 เดือน", 2568, "2024-12-31"),
    ("(ข้อมูล ณ วันที่ 30 ก.ย. 2566)", 2566, "2023-09-30"),
    ("ผลการดำเนินงาน ณ 31 มี.ค. 68", 2568, "2025-03-31"),
    ("ข้อมูล ณ สิ้นเดือนกุมภาพันธ์ 2568", 2568, "2025-02-28"),
    ("☐ รอบ 6 เดือน   ☑ รอบ 9 เดือน   ☐ รอบ 12 เดือน", 2568, "2025-06-30"),
    ("รอบ 6 เดือน / รอบ 12 เดือน", 2568, ""),          # a choice, nothing chosen
    ("ประชุมคณะทำงาน ณ ห้องประชุมศาลากลางจังหวัด", 2568, ""),
])
def test_reported_as_of(tmp_path, line, fy, expected):
    path = write_docx(tmp_path / "r.docx", [TITLE[0], line] + kpi_blocks())
    ex, _ = run(path, fy=fy or 2568)
    assert {getattr(r, "reported_as_of", "") for r in ex.records} == {expected}


def test_a_day_in_a_step_text_is_not_the_report_date(tmp_path):
    blocks = TITLE + kpi_blocks()
    blocks[4] = "ขั้นตอนที่ 1 รายงานผลการประชุม ณ วันที่ 15 ต.ค. 2567 ภายในวันที่ 31 ตุลาคม 2567"
    ex, _ = run(write_docx(tmp_path / "r.docx", blocks))
    assert {getattr(r, "reported_as_of", "") for r in ex.records} == {""}


def test_each_indicator_on_its_own_sheet_takes_the_workbook_period(tmp_path):
    sheets = [("KPI 1", ["รายงานผล ประจำปีงบประมาณ พ.ศ. 2568 รอบ 12 เดือน"] + kpi_blocks(no="1")),
              ("KPI 2", kpi_blocks(no="2"))]
    ex, _ = run(write_xlsx(tmp_path / "two.xlsx", sheets))
    assert [(r.kpi_no or r.item_no, getattr(r, "reported_as_of", "")) for r in ex.records
            if r.record_type == "kpi"] == [("1", "2025-09-30"), ("2", "2025-09-30")]


@pytest.mark.parametrize("period, expected", [
    ("รอบ 12 เดือน", [("3", "2025-03-31"), ("4", "2025-06-30"), ("5", "2025-09-15")]),
    ("รอบ 9 เดือน", [("3", "2025-03-31")]),            # step 4 is due on 30 June itself
    ("รอบ 6 เดือน", []),                               # step 3 is due on 31 March itself
    ("ข้อมูล ณ วันที่ 1 ก.ค. 2568", [("3", "2025-03-31"), ("4", "2025-06-30")]),
    ("", []),                                          # no period stated: nothing to judge by
])
def test_blank_step_due_before_the_period_end_is_missed(tmp_path, period, expected):
    blocks = [TITLE[0], TITLE[1] + (" " + period if period else "")] + kpi_blocks()
    _, findings = run(write_docx(tmp_path / "p.docx", blocks))
    assert missed(findings) == expected


def test_a_report_with_no_result_at_all_is_not_judged_by_its_period(tmp_path):
    blank = [("", "")] * 5
    blocks = [TITLE[0], TITLE[1] + " รอบ 12 เดือน"] + kpi_blocks(res=blank)
    _, findings = run(write_docx(tmp_path / "template.docx", blocks))
    assert missed(findings) == []


def test_steps_table_run_into_the_matrix_above_it(tmp_path):
    # a PDF reader may join the matrix and the steps table under it into one table
    from extract_helpers import ctx, doc, table
    rows = [r + [""] * (6 - len(r)) for r in matrix()] + [
        ["ที่", "ขั้นตอนการดำเนินงาน", "กำหนดแล้วเสร็จ", "ผลการดำเนินงาน", "", ""]] + [
        [str(i), f"ขั้นที่ {i} พัฒนาเส้นทางท่องเที่ยว", "28 ก.พ. 68", "✓ 20 ก.พ. 2568" if i == 1 else "", "", ""]
        for i in range(1, 6)]
    ex = extract(doc(*TITLE, "ตัวชี้วัดที่ 2 ระดับความสำเร็จของการพัฒนาการท่องเที่ยว", table(rows), fmt="pdf"),
                 ctx(fiscal_year=2568))
    steps = milestones(ex)
    assert [s.name for s in steps] == [f"ขั้นที่ {i} พัฒนาเส้นทางท่องเที่ยว" for i in range(1, 6)]
    assert [s.level for s in steps] == [1, 2, 3, 4, 5]
    assert (steps[0].status, steps[0].completed) == ("done", "2025-02-20")
