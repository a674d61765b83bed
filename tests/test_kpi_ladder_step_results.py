"""A Best Service indicator's steps table numbered under `ขั้นตอนที่`, with a deadline column
(`กำหนดแล้วเสร็จ`) and the results reported beside the steps: milestone records of the
indicator with their status and completion day, late or missed steps DEADLINE_MISSED, a misspelt
month in a deadline DATE_CORRECTED."""
from __future__ import annotations

import pytest

from extract_helpers import extract_file, write_docx
from plan_files import plan_xlsx

TITLE = ["ตัวชี้วัดการให้บริการที่ดีที่สุด (Best Service) ประจำปีงบประมาณ พ.ศ. 2569",
         "สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดตัวอย่าง",
         "ตัวชี้วัดที่ 4 ร้อยละความสำเร็จของโครงการให้บริการที่ดีที่สุด",
         "น้ำหนัก : ร้อยละ 10"]
LADDER = [["ระดับคะแนน", "1", "2", "3", "4", "5"],
          ["ร้อยละความสำเร็จ", "60", "70", "80", "90", "100"]]
STEPS = [["ขั้นตอนที่", "การดำเนินการ", "กำหนดแล้วเสร็จ", "เกณฑ์การหักคะแนน", "ผลการดำเนินงาน"],
         ["1", "แต่งตั้งคณะทำงานโครงการ", "ภายใน 30 พ.ย. 2568", "หัก 0.5 คะแนน",
          "ดำเนินการแล้วเสร็จ 14/11/2568"],
         ["2", "จัดทำแผนปรับปรุงการให้บริการ", "ภายใน 31 ม.ค. 2569", "หัก 0.5 คะแนน",
          "ดำเนินการแล้วเสร็จ 9 ก.พ. 2569"],
         ["3", "เปิดให้บริการตามแผน", "ภายใน 30 เมษยน 2569", "-", "ดำเนินการแล้ว (28 เม.ย. 2569)"],
         ["4", "สรุปผลและรายงานจังหวัด", "ภายใน 31 ส.ค. 2569", "หัก 0.25 คะแนน",
          "อยู่ระหว่างดำเนินการ"],
         ["5", "เผยแพร่ผลการดำเนินงาน", "ภายใน 30 ก.ย. 2569", "หัก 0.25 คะแนน", ""]]
EXPECTED = [("1", "แต่งตั้งคณะทำงานโครงการ", "2025-11-30", "done", "2025-11-14"),
            ("2", "จัดทำแผนปรับปรุงการให้บริการ", "2026-01-31", "done", "2026-02-09"),
            ("3", "เปิดให้บริการตามแผน", "2026-04-30", "done", "2026-04-28"),
            ("4", "สรุปผลและรายงานจังหวัด", "2026-08-31", "not_done", ""),
            ("5", "เผยแพร่ผลการดำเนินงาน", "2026-09-30", "unknown", "")]


def _milestones(ex):
    return [(r.item_no, r.name, r.deadline, r.status, r.completed)
            for r in ex.records if r.record_type == "milestone"]


@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
def test_steps_with_results_and_deadlines(tmp_path, fmt):
    path = tmp_path / f"best_service.{fmt}"
    if fmt == "docx":
        write_docx(path, TITLE + [LADDER, "ขั้นตอนการดำเนินงานและเกณฑ์การหักคะแนน", STEPS])
    else:
        plan_xlsx(path, TITLE, LADDER + [[""], ["ขั้นตอนการดำเนินงาน"]] + STEPS)
    ex, findings = extract_file(path)
    assert _milestones(ex) == EXPECTED
    assert {r.kpi_no for r in ex.records if r.record_type == "milestone"} == {"4"}
    assert ("2", "DEADLINE_MISSED") in findings and ("4", "DEADLINE_MISSED") in findings
    assert ("1", "DEADLINE_MISSED") not in findings and ("3", "DEADLINE_MISSED") not in findings
    assert ("3", "DATE_CORRECTED") in findings
