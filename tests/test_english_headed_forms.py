"""English-headed and bilingual forms: form 7.2's `Development Plan` column with plans numbered
`Plan 1: …`, `Plan 2: …`; a KPI report's `KPI Supervisor :` / `Data Collector :` / `Scoring
Criteria:` lines and a ladder heading's `Weight : 10` are fields, not part of the indicator's
name; a university's own college and a state enterprise's office named in the title are the
agency."""
import pytest

from extract_helpers import extract_file, write_docx
from plan_files import extract_titled_plan

LEVELS = ["Level 1", "Level 2", "Level 3", "Level 4", "Level 5"]
FORM72 = [["Development Plan", "Dimension", "No.", "Performance Indicator", "Unit", "Target",
           "Weight (%)", "Scoring Criteria", "", "", "", ""],
          ["", "", "", "", "", "", ""] + LEVELS,
          ["Plan 1: Digital services (แผนพัฒนาองค์การด้านดิจิทัล)", "7.1", "1",
           "ร้อยละของคำขอที่ยื่นผ่านระบบออนไลน์", "%", "60", "10", "40", "45", "50", "55", "60"],
          ["", "7.2", "2", "Customer satisfaction (ความพึงพอใจของผู้รับบริการ)", "%", "85", "10",
           "75", "78", "80", "83", "85"],
          ["Plan 2: Good governance (แผนพัฒนาองค์การด้านธรรมาภิบาล)", "7.4", "3",
           "ร้อยละของบุคลากรที่ผ่านการอบรมจริยธรรม", "%", "90", "5", "70", "75", "80", "85", "90"]]


def test_plans_numbered_in_english_under_a_development_plan_column(tmp_path):
    path = write_docx(tmp_path / "form72.docx", [
        "Form 7.2: Performance Indicators of the Organisational Development Plan, FY2027",
        "วิทยาลัยนานาชาติ มหาวิทยาลัยเชียงใหม่", FORM72])
    ex, _ = extract_file(path)
    assert [(r.item_no, r.plan) for r in ex.records] == [
        ("1", "Plan 1: Digital services (แผนพัฒนาองค์การด้านดิจิทัล)"),
        ("2", "Plan 1: Digital services (แผนพัฒนาองค์การด้านดิจิทัล)"),
        ("3", "Plan 2: Good governance (แผนพัฒนาองค์การด้านธรรมาภิบาล)")]
    assert {r.agency for r in ex.records} == {"วิทยาลัยนานาชาติ มหาวิทยาลัยเชียงใหม่"}


def test_english_field_lines_end_a_reports_indicator_name(tmp_path):
    steps = [["Level", "Step 1", "Step 2", "Step 3", "Step 4", "Step 5"]] + [
        [str(n)] + ["✓" if k < n else "" for k in range(5)] for n in range(1, 6)]
    path = write_docx(tmp_path / "kpi.docx", [
        "KPI Report, Fiscal Year 2026 (ประจำปีงบประมาณ พ.ศ. 2569)",
        "ตัวชี้วัดที่ 4 : ระดับความสำเร็จของการพัฒนาหลักสูตรนานาชาติ (Curriculum development)",
        "KPI Supervisor : รองศาสตราจารย์ ดร.สมชาย ใจดี",
        "Data Collector : นางสาวสุดา แก้วดี Tel. 0-5394-0000",
        "Scoring Criteria: Milestone, 5 levels",
        steps,
        "Step 1 : แต่งตั้งคณะกรรมการ ภายใน 31 ธ.ค. 2568",
        "Step 2 : ยกร่างหลักสูตร ภายใน 31 มี.ค. 2569",
        "Step 3 : วิพากษ์หลักสูตร ภายใน 30 มิ.ย. 2569",
        "Step 4 : เสนอสภามหาวิทยาลัย ภายใน 31 ก.ค. 2569",
        "Step 5 : เปิดรับนักศึกษา ภายใน 30 ก.ย. 2569"])
    ex, _ = extract_file(path)
    kpi = [r for r in ex.records if r.record_type == "kpi"]
    assert [r.name for r in kpi] == ["ระดับความสำเร็จของการพัฒนาหลักสูตรนานาชาติ (Curriculum development)"]


def test_an_english_weight_in_a_ladder_heading(tmp_path):
    ladder = [["No.", "Sub-indicator", "Weight (%)"],
              ["2.1", "Average clearance time (นาที)", "5"], ["2.2", "ร้อยละความพึงพอใจ", "5"],
              ["Total", "", "10"]]
    path = write_docx(tmp_path / "sla.docx", [
        "Service Level Agreement (SLA), Fiscal Year 2027",
        "ตัวชี้วัดที่ 2 : Service quality at the checkpoint (คุณภาพการให้บริการ) Weight : 10", ladder])
    ex, _ = extract_file(path)
    top = next(r for r in ex.records if r.item_no == "2")
    assert (top.name, top.weight) == ("Service quality at the checkpoint (คุณภาพการให้บริการ)", 10)


@pytest.mark.parametrize("title,agency", [
    ("การท่องเที่ยวแห่งประเทศไทย สำนักงานน่าน\nแผนปฏิบัติการ ปีงบประมาณ 2570",
     "การท่องเที่ยวแห่งประเทศไทย สำนักงานน่าน"),
    ("การเคหะแห่งชาติ สาขาอุดรธานี\nแผนปฏิบัติการ ปีงบประมาณ 2570", "การเคหะแห่งชาติ สาขาอุดรธานี"),
    ("การยางแห่งประเทศไทย สำนักงานใหญ่\nแผนปฏิบัติการ ปีงบประมาณ 2570", "การยางแห่งประเทศไทย"),
    ("วิทยาลัยนวัตกรรมสื่อสารสังคม มหาวิทยาลัยศรีนครินทรวิโรฒ\nแผนปฏิบัติการ ปีงบประมาณ 2570",
     "วิทยาลัยนวัตกรรมสื่อสารสังคม มหาวิทยาลัยศรีนครินทรวิโรฒ"),
])
def test_offices_and_colleges_named_with_their_parent(tmp_path, title, agency):
    ex = extract_titled_plan(tmp_path, title.split("\n"), [("ประชุมคณะทำงาน", "ฝ่ายแผนงาน"),
                                                          ("จัดทำรายงานผล", "ฝ่ายแผนงาน")])
    assert {r.agency for r in ex.records} == {agency}


def test_a_ladder_down_a_table_in_english_minutes_has_its_unit(tmp_path):
    ladder = [["Level", "Average waiting time"], ["1", "≤ 60 min"], ["2", "≤ 50 min"],
              ["3", "≤ 40 min"], ["4", "≤ 30 min"], ["5", "≤ 20 min"]]
    path = write_docx(tmp_path / "sla.docx", [
        "Service Level Agreement (SLA), Fiscal Year 2027", "โรงพยาบาลตัวอย่าง",
        "ตัวชี้วัดที่ 1 : ระยะเวลารอคอยเฉลี่ยที่แผนกผู้ป่วยนอก (Average OPD waiting time)", ladder])
    ex, _ = extract_file(path)
    kpi = next(r for r in ex.records if r.item_no == "1")
    assert (kpi.unit, kpi.level_1, kpi.level_5, kpi.direction) == ("min", 60, 20, "lower")
