"""A completion-date column in an activity plan (`วันที่แล้วเสร็จจริง`, `วันที่แล้วเสร็จ`) beside the
plan's own end (an end column, its months): each activity's day of completion, done that day,
and flagged when it falls after the deadline."""
import pytest

from plan_files import U, plan_docx, plan_tsv, plan_xlsx, run_plan

TITLE = ["แผนปฏิบัติการและผลการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2569", "สำนักงานเขตตัวอย่าง"]


def _by_item(acts):
    return {r.item_no: (r.status, r.completed) for r in acts}


@pytest.mark.parametrize("writer", [plan_xlsx, plan_docx])
def test_a_completion_column_beside_start_and_end_gives_the_day_done(tmp_path, writer):
    rows = [
        ["ลำดับ", "โครงการ/กิจกรรม", "ระยะเวลา", "", "วันที่แล้วเสร็จจริง", "งบประมาณ (บาท)", "สถานะ", "ผู้รับผิดชอบ"],
        [U, U, "วันเริ่มต้น", "วันสิ้นสุด", U, U, U, U],
        ["1", "สำรวจจุดเสี่ยงในพื้นที่", "1 ต.ค. 2568", "30 พ.ย. 2568", "28 พ.ย. 2568", "20,000", "แล้วเสร็จ", "ฝ่ายโยธา"],
        ["2", "ลอกท่อระบายน้ำสายหลัก", "01/12/2568", "31/03/2569", "20/04/2569", "350,000", "แล้วเสร็จ", "ฝ่ายโยธา"],
        ["3", "ซ้อมแผนเผชิญเหตุ", "1 ก.ค. 2569", "31 ส.ค. 2569", "", "45,000", "ยังไม่ดำเนินการ", "ฝ่ายปกครอง"],
    ]
    ext = "xlsx" if writer is plan_xlsx else "docx"
    path = writer(tmp_path / f"plan.{ext}", TITLE, rows, hmerges=[(0, 2, 0, 3)])
    acts, finds = run_plan(path)
    assert _by_item(acts) == {"1": ("done", "2025-11-28"), "2": ("done", "2026-04-20"),
                              "3": ("not_done", "")}
    assert [f for f in finds if f[1] == "DEADLINE_MISSED"] == [("2", "DEADLINE_MISSED"),
                                                               ("3", "DEADLINE_MISSED")]


def test_a_completion_column_beside_quarter_ticks_is_the_only_result(tmp_path):
    rows = [
        ["ที่", "กิจกรรม", "ปีงบประมาณ 2569", "", "", "", "วันที่แล้วเสร็จ", "งบประมาณ (บาท)"],
        ["", "", "ไตรมาส 1", "ไตรมาส 2", "ไตรมาส 3", "ไตรมาส 4", "", ""],
        ["1", "ซ่อมท่อจ่ายน้ำรั่ว", "X", "X", "", "", "15 มี.ค. 2569", "450,000"],
        ["2", "เปลี่ยนมาตรวัดน้ำที่ชำรุด", "", "X", "", "", "10 เม.ย. 2569", "120,000"],
        ["3", "ปรับปรุงระบบกรองน้ำ", "", "", "X", "X", "", "1,200,000"],
    ]
    acts, finds = run_plan(plan_tsv(tmp_path / "plan.tsv", TITLE, rows))
    got = {r.item_no: (r.status, r.completed, r.deadline) for r in acts}
    assert got["1"] == ("done", "2026-03-15", "2026-03-31")
    assert got["2"] == ("done", "2026-04-10", "2026-03-31")
    assert got["3"][:2] == ("", "")
    assert ("2", "DEADLINE_MISSED") in finds and ("1", "DEADLINE_MISSED") not in finds


def test_a_plan_whose_only_end_like_column_is_headed_as_done_reads_no_completion(tmp_path):
    rows = [
        ["ลำดับ", "กิจกรรม", "วันที่เริ่มต้น", "วันที่แล้วเสร็จ", "งบประมาณ (บาท)", "ผู้รับผิดชอบ"],
        ["1", "ประชุมชี้แจงโครงการ", "1 ต.ค. 2568", "31 ธ.ค. 2568", "10,000", "กลุ่มงานแผน"],
        ["2", "อบรมเชิงปฏิบัติการ", "1 ม.ค. 2569", "28 ก.พ. 2569", "50,000", "กลุ่มงานแผน"],
    ]
    acts, _ = run_plan(plan_xlsx(tmp_path / "plan.xlsx", TITLE, rows))
    # (its planned end, not the day it was done)
    assert {r.item_no: (r.status, r.completed) for r in acts} == {"1": ("", ""), "2": ("", "")}


def test_a_planned_completion_column_beside_the_months_is_no_completion(tmp_path):
    rows = [
        ["ที่", "กิจกรรม", "ปีงบประมาณ 2569", "", "", "", "กำหนดแล้วเสร็จ", "งบประมาณ (บาท)"],
        ["", "", "ไตรมาส 1", "ไตรมาส 2", "ไตรมาส 3", "ไตรมาส 4", "", ""],
        ["1", "ซ่อมท่อจ่ายน้ำรั่ว", "X", "X", "", "", "31 มี.ค. 2569", "450,000"],
    ]
    acts, _ = run_plan(plan_tsv(tmp_path / "plan.tsv", TITLE, rows))
    assert [(r.status, r.completed) for r in acts] == [("", "")]
