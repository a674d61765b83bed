"""A progress report on an activity plan (รายงานผลการดำเนินงาน รอบ 6/9/12 เดือน): beside the budget
received, columns of money disbursed and left, a progress percentage, a status word and the day
each activity was done. The budget is the amount received; the money columns keep their places
when a row leaves its status and completion cells empty; the status column gives the status.
Dates under a period banner split into start and end sub-columns are read one per column."""
import pytest

from extract_helpers import write_csv
from plan_files import U, plan_docx, plan_tsv, plan_xlsx, run_plan

TITLE = ["รายงานผลการดำเนินงานตามแผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. 2569 รอบ 12 เดือน",
         "สำนักงานพัฒนาชุมชนจังหวัดตัวอย่าง"]

HEAD = ["ที่", "โครงการ/กิจกรรม", "วันเริ่มต้น", "วันสิ้นสุด", "งบประมาณที่ได้รับจัดสรร", "เบิกจ่ายแล้ว",
        "คงเหลือ", "ความก้าวหน้า (%)", "สถานะ", "วันที่ดำเนินการแล้วเสร็จ", "หมายเหตุ"]

# groups with their sums; group 2's budget (90,000) is not its items' (25,000 + 50,000)
ROWS = [
    HEAD,
    ["1", "พัฒนาศักยภาพผู้นำชุมชน", "", "", "150,000", "121,500", "28,500", "", "", "", ""],
    ["1.1", "อบรมผู้นำอาสาพัฒนาชุมชน", "พ.ย. 68", "ม.ค. 69", "70,000", "69,500", "500", "100",
     "ดำเนินการแล้วเสร็จ", "20 ม.ค. 69", ""],
    ["1.2", "ศึกษาดูงานหมู่บ้านต้นแบบ", "ก.พ. 69", "พ.ค. 69", "80,000", "52,000", "28,000", "60",
     "อยู่ระหว่างดำเนินการ", "", "รอเบิกค่าพาหนะ"],
    ["2", "ส่งเสริมเศรษฐกิจฐานราก", "", "", "90,000", "8,000", "67,000", "", "", "", ""],
    ["2.1", "จัดตลาดนัดสินค้าชุมชน", "ธ.ค. 68", "ก.ค. 69", "25,000", "8,000", "17,000", "30",
     "อยู่ระหว่างดำเนินการ", "", ""],
    ["2.2", "พัฒนาบรรจุภัณฑ์สินค้า OTOP", "มี.ค. 69", "มิ.ย. 69", "50,000", "0", "50,000", "0",
     "ยังไม่ดำเนินการ", "", ""],
    ["", "รวมทั้งสิ้น", "", "", "240,000", "129,500", "95,500", "", "", "", ""],
]

BUDGETS = {"1": 150000, "1.1": 70000, "1.2": 80000, "2": 90000, "2.1": 25000, "2.2": 50000}
SPENT = {"1": 121500, "1.1": 69500, "1.2": 52000, "2": 8000, "2.1": 8000, "2.2": 0}
STATUS = {"1.1": "done", "1.2": "not_done", "2.1": "not_done", "2.2": "not_done"}


def _csv(path, rows, encoding="utf-8-sig"):
    return write_csv(path, TITLE, rows, encoding=encoding)


WRITERS = [
    ("csv", lambda p, rows: _csv(p, rows, "cp874")),
    ("csv", lambda p, rows: _csv(p, rows)),
    ("xlsx", lambda p, rows: plan_xlsx(p, TITLE, rows)),
    ("docx", lambda p, rows: plan_docx(p, TITLE, rows)),
    ("tsv", lambda p, rows: plan_tsv(p, TITLE, rows)),
]


@pytest.mark.parametrize("ext,writer", WRITERS, ids=["csv-cp874", "csv-utf8", "xlsx", "docx", "tsv"])
def test_the_budget_received_stays_the_budget_of_every_row(tmp_path, ext, writer):
    acts, _ = run_plan(writer(tmp_path / f"report.{ext}", ROWS))
    assert {r.item_no: r.budget_thb for r in acts if r.item_no} == BUDGETS
    assert {r.item_no: r.spent_thb for r in acts if r.item_no} == SPENT


@pytest.mark.parametrize("ext,writer", WRITERS, ids=["csv-cp874", "csv-utf8", "xlsx", "docx", "tsv"])
def test_the_status_column_gives_unfinished_items_their_status(tmp_path, ext, writer):
    acts, findings = run_plan(writer(tmp_path / f"report.{ext}", ROWS))
    by_no = {r.item_no: r for r in acts}
    assert {k: by_no[k].status for k in STATUS} == STATUS
    assert by_no["1.1"].completed == "2026-01-20"
    # an amount is never read as the day an activity was done
    assert not any(r.completed_raw and r.completed_raw[0].isdigit() and "," in r.completed_raw
                   for r in acts)
    for item in ("1.2", "2.1", "2.2"):
        assert (item, "DEADLINE_MISSED") in findings
    assert ("1.1", "DEADLINE_MISSED") not in findings
    assert any(code == "BUDGET_SUM_MISMATCH" for _, code in findings)


def test_an_amount_under_an_unnamed_money_column_is_no_completion_day(tmp_path):
    # a money column whose header names no spending word: group rows of two amounts outnumber
    # the finished rows, yet their second amount is no day of completion
    rows = [
        ["ลำดับ", "กิจกรรม", "เริ่ม", "สิ้นสุด", "งบประมาณ (บาท)", "ใช้จริง (บาท)", "สถานะ", "วันที่แล้วเสร็จ"],
        ["1", "งานรณรงค์ลดขยะ", "", "", "40,000", "22,000", "", ""],
        ["1.1", "ผลิตสื่อประชาสัมพันธ์", "ต.ค. 68", "ธ.ค. 68", "15,000", "14,000", "ดำเนินการแล้วเสร็จ", "18 ธ.ค. 68"],
        ["1.2", "จัดกิจกรรมคัดแยกขยะในโรงเรียน", "ม.ค. 69", "มี.ค. 69", "25,000", "8,000", "อยู่ระหว่างดำเนินการ", ""],
        ["2", "งานปรับภูมิทัศน์", "", "", "30,000", "12,000", "", ""],
        ["2.1", "ปลูกต้นไม้ริมถนน", "ก.พ. 69", "เม.ย. 69", "30,000", "12,000", "อยู่ระหว่างดำเนินการ", ""],
        ["3", "งานน้ำสะอาด", "", "", "20,000", "20,000", "", ""],
        ["3.1", "ล้างถังเก็บน้ำประปาหมู่บ้าน", "พ.ย. 68", "พ.ย. 68", "20,000", "20,000", "ดำเนินการแล้วเสร็จ", "25 พ.ย. 68"],
        ["", "รวม", "", "", "90,000", "54,000", "", ""],
    ]
    acts, findings = run_plan(plan_xlsx(tmp_path / "report.xlsx", TITLE, rows))
    by_no = {r.item_no: r for r in acts}
    assert {k: by_no[k].budget_thb for k in ("1", "1.1", "1.2", "2", "2.1", "3", "3.1")} == {
        "1": 40000, "1.1": 15000, "1.2": 25000, "2": 30000, "2.1": 30000, "3": 20000, "3.1": 20000}
    assert {k: by_no[k].status for k in ("1.1", "1.2", "2.1", "3.1")} == {
        "1.1": "done", "1.2": "not_done", "2.1": "not_done", "3.1": "done"}
    assert ("1.2", "DEADLINE_MISSED") in findings and ("2.1", "DEADLINE_MISSED") in findings


# ------------------------------------------------------------ period banner over start | end

PERIOD_TITLE = ["รายงานผลการดำเนินงานตามแผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. 2570 รอบ 6 เดือน",
                "โรงเรียนบ้านตัวอย่างวิทยา"]


def _period_rows(banner, start_word, end_word):
    # the money sub-columns outnumber the dates' on the sub-header row: that row names too few
    # roles to be read as a header row of its own
    return [
        ["ที่", "กิจกรรม", banner, "", "งบประมาณ (บาท)", "", "", "สถานะ", "วันที่แล้วเสร็จ"],
        [U, U, start_word, end_word, "ได้รับจัดสรร", "เบิกจ่าย", "คงเหลือ", U, U],
        ["1", "ปรับปรุงห้องสมุด", "พ.ย. 69", "ม.ค. 70", "25,000", "24,000", "1,000",
         "ดำเนินการแล้วเสร็จ", "28 ม.ค. 70"],
        ["2", "ประชุมผู้ปกครองภาคเรียนที่ 2", "ต.ค. 69", "ต.ค. 69", "5,000", "0", "5,000",
         "ยังไม่ดำเนินการ", ""],
        ["3", "ตรวจสุขภาพนักเรียน", "ธ.ค. 69", "ธ.ค. 69", "12,000", "12,000", "0",
         "ดำเนินการแล้วเสร็จ", "15 ธ.ค. 69"],
    ]


@pytest.mark.parametrize("banner,start_word,end_word", [
    ("ระยะเวลาดำเนินการ", "เริ่มต้น", "สิ้นสุด"),
    ("ระยะเวลา", "วันที่เริ่ม", "วันที่สิ้นสุด"),
    ("ห้วงเวลาดำเนินการ", "เริ่ม", "สิ้นสุด"),
])
@pytest.mark.parametrize("ext", ["docx", "xlsx", "tsv"])
def test_start_and_end_sub_columns_under_a_period_banner(tmp_path, ext, banner, start_word, end_word):
    rows = _period_rows(banner, start_word, end_word)
    path = tmp_path / f"report.{ext}"
    if ext == "tsv":
        plan_tsv(path, PERIOD_TITLE, rows)
    else:
        (plan_docx if ext == "docx" else plan_xlsx)(path, PERIOD_TITLE, rows,
                                                    hmerges=[(0, 2, 0, 3), (0, 4, 0, 6)])
    acts, findings = run_plan(path)
    got = {r.item_no: (r.start, r.end, r.deadline) for r in acts}
    assert got == {"1": ("2026-11", "2027-01", "2027-01-31"),
                   "2": ("2026-10", "2026-10", "2026-10-31"),
                   "3": ("2026-12", "2026-12", "2026-12-31")}
    assert {r.item_no: (r.start_raw, r.end_raw) for r in acts}["1"] == ("พ.ย. 69", "ม.ค. 70")
    codes = {code for _, code in findings}
    assert "DATE_CORRECTED" not in codes and "DATE_MISSING" not in codes
    assert ("2", "DEADLINE_MISSED") in findings
    assert {r.item_no: r.budget_thb for r in acts} == {"1": 25000, "2": 5000, "3": 12000}
