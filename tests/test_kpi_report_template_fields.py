"""An indicator template's fields after its name (`คำนิยาม :`, `เกณฑ์เป้าหมาย :`,
`ประชากรกลุ่มเป้าหมาย :`, `สูตรคำนวณตัวชี้วัด :` …, a health office's KPI Template) end the name:
they are no part of it, and the milestones under `เกณฑ์การประเมิน` are read as before."""
import pytest

from extract_helpers import extract_file, write_csv, write_docx

NAME = "ระดับความสำเร็จของการพัฒนาระบบส่งต่อผู้ป่วยฉุกเฉิน"
LINES = [
    "สำนักงานสาธารณสุขอำเภอตัวอย่าง",
    "Template ตัวชี้วัด ปีงบประมาณ พ.ศ. 2570",
    f"ชื่อตัวชี้วัดที่ 3 : {NAME}",
    "คำนิยาม : ระบบส่งต่อ หมายถึง การประสานงานระหว่างหน่วยบริการเพื่อส่งผู้ป่วยอย่างปลอดภัย",
    "เกณฑ์เป้าหมาย : ระดับ 5",
    "ประชากรกลุ่มเป้าหมาย : ผู้ป่วยฉุกเฉินในเขตอำเภอ",
    "แหล่งข้อมูล : ระบบรายงานของโรงพยาบาลชุมชน",
    "รายการข้อมูล 1 : A = จำนวนผู้ป่วยที่ส่งต่อตามเกณฑ์",
    "สูตรคำนวณตัวชี้วัด : (A/B) x 100",
    "ระยะเวลาประเมินผล : รอบ 6 เดือน และ 12 เดือน",
    "เกณฑ์การประเมิน :",
    "ระดับ 1 : แต่งตั้งคณะทำงานพัฒนาระบบส่งต่อ ภายในเดือนพฤศจิกายน 2569",
    "ระดับ 2 : จัดทำแนวทางการส่งต่อ ภายในเดือนมกราคม 2570",
    "ระดับ 3 : อบรมเจ้าหน้าที่ทุกหน่วยบริการ ภายในเดือนมีนาคม 2570",
    "ระดับ 4 : ซ้อมแผนการส่งต่อ ภายในเดือนมิถุนายน 2570",
    "ระดับ 5 : ประเมินผลและสรุปบทเรียน ภายในเดือนสิงหาคม 2570",
]


@pytest.mark.parametrize("fmt", ["docx", "csv"])
def test_template_fields_end_the_indicator_name(tmp_path, fmt):
    path = tmp_path / f"template.{fmt}"
    write_docx(path, LINES) if fmt == "docx" else write_csv(path, LINES)
    ex, _ = extract_file(path)
    kpis = [r for r in ex.records if r.record_type == "kpi"]
    assert [(r.item_no, r.name) for r in kpis] == [("3", NAME)]
    assert [(r.level, r.deadline) for r in ex.records if r.record_type == "milestone"] == [
        (1, "2026-11-30"), (2, "2027-01-31"), (3, "2027-03-31"), (4, "2027-06-30"), (5, "2027-08-31")]
