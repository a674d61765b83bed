"""A milestone KPI report written as one table: a row per step (`ขั้นตอนที่ | รายละเอียด`, the
step's number and text in columns of their own), its ticks under `ระดับคะแนน` merged over
`1 2 3 4 5` (the levels that need the step), then a deadline and a result column. The file is a
KPI report; each step's level is the lowest level ticking it, its deadline and status come from
its own columns, and the indicator's score from the steps done. Built as DOCX and XLSX (real
merged cells) and as a text export (merged cells blank), read by the real readers."""
from __future__ import annotations

from datetime import date

import pytest

from extract_helpers import extract_file
from plan_files import U, plan_docx, plan_tsv, plan_xlsx

AS_OF = date(2026, 11, 22)
NAME = "ระดับความสำเร็จของการพัฒนาระบบบริการการแพทย์ฉุกเฉินระดับจังหวัด"
# (text, deadline as written, result, deadline, completed)
STEPS = [("แต่งตั้งคณะกรรมการพัฒนาระบบการแพทย์ฉุกเฉิน", "๓๑ ต.ค. ๖๘", "เสร็จ 20 ต.ค. 68", "2025-10-31", "2025-10-20"),
         ("จัดทำแผนพัฒนาระบบบริการ", "31 ธ.ค. 2568", "เสร็จ 5 ม.ค. 69", "2025-12-31", "2026-01-05"),
         ("อบรมอาสาสมัครกู้ชีพระดับตำบล", "มีนาคม 69", "เสร็จ 20 มี.ค. 69", "2026-03-31", "2026-03-20"),
         ("ประเมินเวลาตอบสนองของหน่วยปฏิบัติการ", "มิถุนายน ๒๕๖๙", "เสร็จ 15 มิ.ย. 69", "2026-06-30", "2026-06-15"),
         ("สรุปผลและรายงานต่อคณะกรรมการ", "30/9/69", "อยู่ระหว่างดำเนินการ", "2026-09-30", "")]
PARAS = ["รายงานผลการดำเนินงานตามตัวชี้วัด รอบ 12 เดือน ประจำปีงบประมาณ พ.ศ. 2569",
         "สำนักงานสาธารณสุขจังหวัดมหาสารคาม", f"ตัวชี้วัดที่ 3.1 {NAME} น้ำหนัก : ร้อยละ 20"]
# the `ระดับคะแนน` banner merged across the five level columns (row 0, columns 2-6)
BANNER = [(0, 2, 0, 6)]


def rows(mark="✓"):
    head = [["ขั้นตอนที่", "รายละเอียดการดำเนินงาน", "ระดับคะแนน", "", "", "", "", "กำหนดแล้วเสร็จ",
             "ผลการดำเนินงาน"],
            [U, U, "1", "2", "3", "4", "5", U, U]]
    # level N needs steps 1..N: step i is ticked under levels i..5
    return head + [[str(i), text] + [mark if lvl >= i else "" for lvl in range(1, 6)] + [due, result]
                   for i, (text, due, result, _, _) in enumerate(STEPS, 1)]


def run(path):
    return extract_file(path, AS_OF)


def check(ex, findings):
    assert {r.form for r in ex.records} == {"kpi_report"}
    kpis = [r for r in ex.records if r.record_type == "kpi"]
    assert [(k.item_no, k.name, k.weight) for k in kpis] == [("3.1", NAME, 20)]
    steps = sorted((r for r in ex.records if r.record_type == "milestone"), key=lambda r: int(r.item_no))
    assert [(r.item_no, r.name) for r in steps] == [(str(i), s[0]) for i, s in enumerate(STEPS, 1)]
    # the lowest level ticking each step, not the highest
    assert [r.level for r in steps] == [1, 2, 3, 4, 5]
    assert [r.deadline for r in steps] == [s[3] for s in STEPS]
    assert [r.status for r in steps] == ["done"] * 4 + ["not_done"]
    assert [r.completed for r in steps] == [s[4] for s in STEPS]
    assert kpis[0].score == 4
    codes = sorted((code, no) for no, code in findings)
    assert [no for c, no in codes if c == "DEADLINE_MISSED"] == ["2", "5"]
    assert not any(c in ("MILESTONE_MISSING", "STATUS_UNKNOWN") for c, _ in codes)


@pytest.mark.parametrize("mark", ["✓", "●", "/"])
def test_step_ticks_table_docx(tmp_path, mark):
    check(*run(plan_docx(tmp_path / "report.docx", PARAS, rows(mark), hmerges=BANNER)))


def test_step_ticks_table_xlsx(tmp_path):
    check(*run(plan_xlsx(tmp_path / "report.xlsx", PARAS, rows(), hmerges=BANNER)))


def test_step_ticks_table_text_export(tmp_path):
    check(*run(plan_tsv(tmp_path / "report.tsv", PARAS, rows())))
