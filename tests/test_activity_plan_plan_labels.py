"""The plan line over an activity table written as a label and its value (`แผนงาน : X`,
`แผนงาน: X`, `โครงการ : X`, `Project: X`, also the `key: value` lines a system export opens
with): the plan is `X`, the label left out, the same for Thai and English labels
(extractors.activity_plan.plan_heading); a plan word that begins the name (`โครงการพัฒนา…`,
`แผนงานพัฒนา…`, `โครงการที่ 1 …`) stays in it. Built as real DOCX, CSV and XLSX files in
tmp_path and read as a run would."""
from __future__ import annotations

import pytest

from plan_files import PLAN_HEAD, plan_docx, plan_xlsx, run_plan

ROWS = [PLAN_HEAD,
        ["1", "อบรมเจ้าหน้าที่", "1 เดือน", "ต.ค. 67", "ต.ค. 67", "10,000", "กองแผนงาน"],
        ["2", "ติดตามประเมินผล", "1 เดือน", "พ.ย. 67", "พ.ย. 67", "20,000", "กองแผนงาน"]]
TITLE = "แผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. 2568"
NAME = "ส่งเสริมสุขภาพผู้สูงอายุ"

LINES = {
    "แผนงาน : ": NAME,
    "แผนงาน: ": NAME,
    "แผนงาน：": NAME,
    "โครงการ : ": NAME,
    "โครงการ: ": NAME,
    "Project: ": NAME,
    "โครงการ": "โครงการ" + NAME,
    "แผนงาน": "แผนงาน" + NAME,
    "โครงการที่ 1 ": "โครงการที่ 1 " + NAME,
}


@pytest.mark.parametrize("label", sorted(LINES))
def test_the_plan_line_gives_the_plan_without_its_label(tmp_path, label):
    acts, _ = run_plan(plan_docx(tmp_path / "plan.docx", [TITLE, label + NAME], ROWS))
    assert [a.plan for a in acts] == [LINES[label]] * 2


def test_a_system_export_with_key_value_lines(tmp_path):
    lines = ["หน่วยงาน: โรงพยาบาลตัวอย่าง", "แผนงาน: แผนปฏิบัติการพัฒนาบริการสุขภาพ", "ปีงบประมาณ: 2568",
             "ข้อมูล ณ: 2025-09-30", "",
             "ลำดับที่,กิจกรรม,วันที่เริ่ม,วันที่สิ้นสุด,งบประมาณ (บาท),หน่วยงานรับผิดชอบ",
             "1,อบรมการช่วยชีวิตขั้นสูง,2024-10-01 00:00:00,2024-12-31 00:00:00,85000.00,กลุ่มงานพยาบาล",
             "2,ประเมินความพึงพอใจผู้รับบริการ,2025-01-01 00:00:00,2025-03-31 00:00:00,20000.00,กลุ่มงานพัฒนาคุณภาพ"]
    path = tmp_path / "export.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    acts, _ = run_plan(path)
    assert [a.plan for a in acts] == ["แผนปฏิบัติการพัฒนาบริการสุขภาพ"] * 2


def test_a_label_alone_takes_the_next_line(tmp_path):
    acts, _ = run_plan(plan_xlsx(tmp_path / "plan.xlsx", [TITLE, "โครงการ :", NAME], ROWS))
    assert [a.plan for a in acts] == [NAME] * 2
