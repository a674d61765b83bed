"""A milestone KPI report whose steps table numbers its rows in a `ที่` (or `ลำดับ`) column and
heads the steps' text `ขั้นตอน` (`ที่ | ขั้นตอน | กำหนดแล้วเสร็จ | สถานะ`): `ขั้นตอน` there is the
steps' text, not a second number column. The levels cite the steps they need (`คะแนน 3 |
ขั้นตอนที่ 1, 2, 3`). Built as CSV, XLSX and DOCX, read by the real readers."""
from __future__ import annotations

from datetime import date

import pytest

from extract_helpers import extract_file, write_csv, write_docx

AS_OF = date(2026, 11, 22)
NAME = "ระดับความสำเร็จของการส่งเสริมวัดให้เป็นศูนย์กลางชุมชน"
MATRIX = [["คะแนน", "ขั้นตอนที่ต้องดำเนินการ"]] + \
    [[f"คะแนน {i}", "ขั้นตอนที่ " + ", ".join(str(k) for k in range(1, i + 1))] for i in range(1, 6)]
STEPS = [("ประชุมชี้แจงเจ้าอาวาสและคณะกรรมการวัด", "30 พ.ย. 2568", "เสร็จแล้ว"),
         ("คัดเลือกวัดนำร่องในแต่ละอำเภอ", "31 ม.ค. 2569", "เสร็จแล้ว"),
         ("จัดกิจกรรมส่งเสริมวัดร่วมกับชุมชน", "31 พ.ค. 2569", "เสร็จแล้ว"),
         ("ประเมินวัดตามเกณฑ์มาตรฐาน", "31 ก.ค. 2569", "ยังไม่เสร็จ"),
         ("รายงานผลต่อสำนักงานพระพุทธศาสนาแห่งชาติ", "15 ก.ย. 2569", "ยังไม่เสร็จ")]
PARAS = ["รายงานผลตัวชี้วัด ปีงบประมาณ พ.ศ. 2569", "สำนักงานพระพุทธศาสนาจังหวัดชัยนาท", f"ตัวชี้วัดที่ 3 {NAME}"]


def steps_rows(no_head="ที่", text_head="ขั้นตอน"):
    return [[no_head, text_head, "กำหนดแล้วเสร็จ", "สถานะ"]] + [[str(i), *s] for i, s in enumerate(STEPS, 1)]


def write_report_csv(path, steps):
    return write_csv(path, PARAS, MATRIX, steps, encoding="utf-8")


def write_xlsx(path, steps):
    from openpyxl import Workbook
    wb = Workbook()
    ws = wb.active
    r = 1
    for p in PARAS:
        ws.cell(row=r, column=1, value=p)
        r += 1
    for block in (MATRIX, steps):
        r += 1
        for row in block:
            for c, v in enumerate(row, 1):
                ws.cell(row=r, column=c, value=v)
            r += 1
    wb.save(path)
    return path


def run(path):
    return extract_file(path, AS_OF)


def check(ex, findings):
    assert {r.form for r in ex.records} == {"kpi_report"}
    steps = [r for r in ex.records if r.record_type == "milestone"]
    assert [(r.item_no, r.name, r.level) for r in steps] == [(str(i), s[0], i) for i, s in enumerate(STEPS, 1)]
    assert [r.deadline for r in steps] == ["2025-11-30", "2026-01-31", "2026-05-31", "2026-07-31", "2026-09-15"]
    assert [r.status for r in steps] == ["done"] * 3 + ["not_done"] * 2
    assert [r.score for r in ex.records if r.record_type == "kpi"] == [3]
    assert findings == [("4", "DEADLINE_MISSED"), ("5", "DEADLINE_MISSED")]


@pytest.mark.parametrize("no_head", ["ที่", "ลำดับ", "ลำดับที่"])
def test_csv_numbers_then_steps(tmp_path, no_head):
    check(*run(write_report_csv(tmp_path / "kpi.csv", steps_rows(no_head))))


def test_xlsx_numbers_then_steps(tmp_path):
    check(*run(write_xlsx(tmp_path / "kpi.xlsx", steps_rows())))


def test_docx_numbers_then_steps(tmp_path):
    check(*run(write_docx(tmp_path / "kpi.docx", PARAS + [MATRIX, steps_rows()])))


def test_numbered_step_column_then_details_still_reads(tmp_path):
    """`ขั้นตอนที่ | รายละเอียด`: the number column is the step column, as before."""
    check(*run(write_report_csv(tmp_path / "kpi.csv", steps_rows("ขั้นตอนที่", "รายละเอียด"))))
