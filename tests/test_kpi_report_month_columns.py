"""A milestone KPI report whose steps table gives each step a planned month and a result month
(`ขั้นตอน | รายละเอียด | แผน (เดือน) | ผล (เดือน)`), as local-government reports do: the planned
month is the step's deadline (its last day), a month in the result column says the step was done
in that month, and a month reported after the planned one is a missed deadline. The same holds
for a result written `แล้วเสร็จ พ.ค. 69` under `กำหนดแล้วเสร็จ | ผลการดำเนินงาน`. Built as DOCX
and CSV, read by the real readers."""
from __future__ import annotations

import pytest

from extract_helpers import extract_file, write_csv, write_docx

NAME = "ระดับความสำเร็จของการจัดการขยะมูลฝอยชุมชนแบบมีส่วนร่วม"
PARAS = ["รายงานผลการดำเนินงานตามตัวชี้วัด ปีงบประมาณ พ.ศ. 2569", "เทศบาลเมืองลำพูน",
         f"ตัวชี้วัดที่ 3 {NAME}", "น้ำหนัก ร้อยละ 10", "เกณฑ์การให้คะแนน"]
MATRIX = [["ระดับคะแนน"] + [f"ขั้นตอนที่ {s}" for s in range(1, 6)]] + \
    [[str(lvl)] + ["✓" if s <= lvl else "" for s in range(1, 6)] for lvl in range(1, 6)]
TEXTS = ["แต่งตั้งคณะทำงานและสำรวจข้อมูลปริมาณขยะ", "จัดทำแผนการจัดการขยะร่วมกับชุมชน",
         "อบรมแกนนำชุมชนคัดแยกขยะ", "จัดตั้งธนาคารขยะในชุมชนนำร่อง", "ประเมินผลและถอดบทเรียน"]
PLAN = ["ธ.ค. 68", "ก.พ. 69", "เม.ย. 69", "มิ.ย. 69", "ส.ค. 69"]
DEADLINES = ["2025-12-31", "2026-02-28", "2026-04-30", "2026-06-30", "2026-08-31"]


def steps(plan_head, result_head, results):
    return [["ขั้นตอน", "รายละเอียด", plan_head, result_head]] + \
        [[str(i), t, p, r] for i, (t, p, r) in enumerate(zip(TEXTS, PLAN, results), 1)]


def write_report_csv(path, rows):
    return write_csv(path, PARAS, MATRIX, rows)


WRITERS = {"docx": lambda path, rows: write_docx(path, PARAS + [MATRIX, rows]), "csv": write_report_csv}


def milestones(ex):
    assert {r.form for r in ex.records} == {"kpi_report"}
    return [r for r in ex.records if r.record_type == "milestone"]


@pytest.mark.parametrize("fmt", ["docx", "csv"])
def test_plan_and_result_months(tmp_path, fmt):
    rows = steps("แผน (เดือน)", "ผล (เดือน)", ["ธ.ค. 68", "ก.พ. 69", "พ.ค. 69", "-", "-"])
    ex, findings = extract_file(WRITERS[fmt](tmp_path / f"kpi.{fmt}", rows))
    ms = milestones(ex)
    assert [r.name for r in ms] == TEXTS
    assert [r.deadline for r in ms] == DEADLINES
    assert [r.status for r in ms] == ["done"] * 3 + ["not_done"] * 2
    # a month stands for its first day: done within the planned month is on time
    assert [r.completed for r in ms[:3]] == ["2025-12-01", "2026-02-01", "2026-05-01"]
    assert [r.score for r in ex.records if r.record_type == "kpi"] == [3]
    assert findings == [("3", "DEADLINE_MISSED"), ("4", "DEADLINE_MISSED"), ("5", "DEADLINE_MISSED")]


@pytest.mark.parametrize("head", ["แผน", "แผน (วันที่)"])
def test_plan_column_without_months_head(tmp_path, head):
    rows = steps(head, "ผลการดำเนินงาน", ["แล้วเสร็จ 20 ธ.ค. 68"] + ["ยังไม่ดำเนินการ"] * 4)
    ex, _ = extract_file(write_report_csv(tmp_path / "kpi.csv", rows))
    assert [r.deadline for r in milestones(ex)] == DEADLINES


def test_completion_month_after_deadline_month(tmp_path):
    # `แล้วเสร็จ พ.ค. 69` against a deadline in February: done, and late
    rows = steps("กำหนดแล้วเสร็จ", "ผลการดำเนินงาน",
                 ["แล้วเสร็จ ธ.ค. 68", "แล้วเสร็จ พ.ค. 69", "แล้วเสร็จ เม.ย. 69", "ยังไม่ดำเนินการ", "ยังไม่ดำเนินการ"])
    ex, findings = extract_file(write_docx(tmp_path / "kpi.docx", PARAS + [MATRIX, rows]))
    ms = milestones(ex)
    assert [r.status for r in ms] == ["done"] * 3 + ["not_done"] * 2
    assert ms[1].completed == "2026-05-01"
    assert findings == [("2", "DEADLINE_MISSED"), ("4", "DEADLINE_MISSED"), ("5", "DEADLINE_MISSED")]


def test_planned_month_in_result_is_no_completion(tmp_path):
    # a month after `กำหนด` / `คาดว่า` in the result column is a plan: no completion day
    rows = steps("กำหนดแล้วเสร็จ", "ผลการดำเนินงาน",
                 ["แล้วเสร็จ ธ.ค. 68", "กำหนดเสร็จ ก.ย. 69", "คาดว่าจะแล้วเสร็จ ก.ย. 69", "", ""])
    ex, _ = extract_file(write_report_csv(tmp_path / "kpi.csv", rows))
    ms = milestones(ex)
    assert ms[0].completed == "2025-12-01"
    assert [r.completed for r in ms[1:]] == [""] * 4
    assert ms[2].status == "not_done"
