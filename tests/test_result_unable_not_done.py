"""A result written `ไม่สามารถดำเนินการได้` (could not be carried out) reports the step or
activity as not done, so that its deadline rules apply."""
from __future__ import annotations

from extract_helpers import extract_file, write_docx
from extractors.activity_plan import read_result

MATRIX = [["ระดับ", "ขั้นตอนที่ 1", "ขั้นตอนที่ 2", "ขั้นตอนที่ 3", "ขั้นตอนที่ 4", "ขั้นตอนที่ 5"]] + [
    [f"ระดับ {lvl}"] + ["✓" if s <= lvl else "" for s in range(1, 6)] for lvl in range(1, 6)]


def test_kpi_step_that_could_not_be_carried_out_is_not_done(tmp_path):
    path = write_docx(tmp_path / "disaster_kpi_report.docx", [
        "รายงานผลการดำเนินงานตามตัวชี้วัด ปีงบประมาณ 2569",
        "ตัวชี้วัดที่ 1 ระดับความสำเร็จของการเตรียมความพร้อมรับมือสาธารณภัย (น้ำหนัก 25)", MATRIX,
        [["ขั้นตอนที่", "รายละเอียด", "กำหนดแล้วเสร็จ", "ผลการดำเนินงาน"],
         ["1", "จัดทำแผนเผชิญเหตุ", "31 ธ.ค. 2568", "ดำเนินการแล้วเสร็จ เมื่อวันที่ 18 พ.ย. 2568"],
         ["2", "ฝึกอบรมอาสาสมัคร", "31 ม.ค. 2569", "ดำเนินการแล้วเสร็จ เมื่อวันที่ 25 ม.ค. 2569"],
         ["3", "ฝึกซ้อมแผน", "31 มี.ค. 2569", "ดำเนินการแล้วเสร็จ เมื่อวันที่ 20 มี.ค. 2569"],
         ["4", "จัดตั้งศูนย์แจ้งเตือนภัย", "30 มิ.ย. 2569", "ไม่สามารถดำเนินการได้"],
         ["5", "ประเมินผลความพร้อม", "31 ส.ค. 2569", "ยังไม่ได้ดำเนินการ"]]])
    ex, findings = extract_file(path)
    steps = [r for r in ex.records if r.record_type == "milestone"]
    assert [s.status for s in steps] == ["done", "done", "done", "not_done", "not_done"]
    assert [no for no, code in findings if code == "DEADLINE_MISSED"] == ["4", "5"]


def test_activity_result_that_could_not_be_held_is_not_done():
    assert read_result("ไม่สามารถจัดกิจกรรมได้ เนื่องจากสถานการณ์น้ำท่วม", 2569) == ("not_done", "")
    assert read_result("ไม่สามารถดำเนินการได้", 2569) == ("not_done", "")
