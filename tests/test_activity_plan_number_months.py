"""Activity plans whose month columns are headed by bare numbers, and English plan headers,
built as real files in tmp_path and read through the readers:

- a header row of six or more bare numbers running in the fiscal month cycle across the
  year's turn (`10 11 12 1 2 … 9`, Arabic or Thai digits), under `พ.ศ.` banners or a `เดือน`
  banner, is the Gantt: ticks give start/end (years from the banners, else the fiscal year)
  and no DATE_MISSING; a column-number row (`1 2 3 4 …`, no turn from 12 to 1) is no Gantt
  and no activity (`(1) (2) (3) …` under the header numbers the columns);
- a duration column headed `Duration (months)` holds months as bare numbers, as
  `ระยะเวลา (เดือน)` does (DURATION_MISMATCH is judged on them);
- an English total row (`Total`, `Grand Total (THB)`) is no activity.
"""
from __future__ import annotations

import pytest

from plan_files import U, marks, run_plan
from plan_files import plan_docx, plan_tsv, plan_xlsx

NUMS = ["10", "11", "12", "1", "2", "3", "4", "5", "6", "7", "8", "9"]
THAI_NUMS = ["๑๐", "๑๑", "๑๒", "๑", "๒", "๓", "๔", "๕", "๖", "๗", "๘", "๙"]
FORMATS = ["docx", "xlsx", "txt"]


def _save(tmp_path, fmt, paras, rows, hm=()):
    path = tmp_path / f"plan.{fmt}"
    if fmt == "txt":
        return plan_tsv(path, paras, rows)
    return (plan_docx if fmt == "docx" else plan_xlsx)(path, paras, rows, hm)


def _dates(acts):
    return [(a.item_no, a.start, a.end) for a in acts]


# ---------------------------------------------------------------- bare-number month headers

@pytest.mark.parametrize("fmt", FORMATS)
def test_number_months_under_two_year_banners(tmp_path, fmt):
    """`พ.ศ. 2569` over 10-12, `พ.ศ. 2570` over 1-9 (a hospital's xlsx layout)."""
    paras = ["แผนปฏิบัติการ โครงการพัฒนาระบบบริการ", "โรงพยาบาลตัวอย่าง ประจำปีงบประมาณ พ.ศ. 2570"]
    h1 = ["ที่", "กิจกรรม", "งบประมาณ (บาท)", "พ.ศ. 2569", "", "", "พ.ศ. 2570"] + [""] * 8 + ["ผู้รับผิดชอบ"]
    h2 = [U, U, U] + NUMS + [U]
    rows = [h1, h2,
            ["1", "อบรมพยาบาลเฉพาะทาง", "120,000"] + marks({0, 1, 2}, "■") + ["งานการพยาบาล"],
            ["2", "ศึกษาดูงานหอผู้ป่วยต้นแบบ", "65,000"] + marks({3, 4}, "■") + ["งานการพยาบาล"],
            ["3", "สรุปผลโครงการ", "-"] + marks({11}, "■") + ["งานพัฒนาคุณภาพ"]]
    acts, codes = run_plan(_save(tmp_path, fmt, paras, rows, [(0, 3, 0, 5), (0, 6, 0, 14)]))
    assert _dates(acts) == [("1", "2026-10", "2026-12"), ("2", "2027-01", "2027-02"),
                            ("3", "2027-09", "2027-09")]
    assert [a.budget_thb for a in acts] == [120000, 65000, None]
    assert not [c for c in codes if c[1] == "DATE_MISSING"]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("nums", [NUMS, THAI_NUMS], ids=["arabic", "thai"])
def test_number_months_under_month_banner_take_the_fiscal_year(tmp_path, fmt, nums):
    """No year over the months: the plan's fiscal year places them (Oct-Dec the year before)."""
    paras = ["แผนปฏิบัติการประจำปีงบประมาณ พ.ศ. 2567", "มหาวิทยาลัยตัวอย่าง"]
    h1 = ["ลำดับ", "กิจกรรม", "เดือน"] + [""] * 11 + ["ผู้รับผิดชอบ"]
    h2 = [U, U] + nums + [U]
    rows = [h1, h2,
            ["1", "สำรวจปริมาณขยะ"] + marks({1}, "■") + ["กองอาคาร"],
            ["2", "รณรงค์ลดการใช้พลาสติก"] + marks({2, 3, 4, 5}, "■") + ["กองกิจการนักศึกษา"]]
    acts, codes = run_plan(_save(tmp_path, fmt, paras, rows, [(0, 2, 0, 13)]))
    assert _dates(acts) == [("1", "2023-11", "2023-11"), ("2", "2023-12", "2024-03")]
    assert codes == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_half_year_of_number_months(tmp_path, fmt):
    """Six month columns `10 11 12 1 2 3` (a half-year plan) still turn the year: a Gantt."""
    paras = ["แผนปฏิบัติการประจำปีงบประมาณ พ.ศ. 2568", "สำนักงานตัวอย่าง"]
    h1 = ["ที่", "กิจกรรม", "ระยะเวลาดำเนินการ"] + [""] * 5 + ["ผู้รับผิดชอบ"]
    h2 = [U, U] + NUMS[:6] + [U]
    rows = [h1, h2,
            ["1", "ประชุมชี้แจง", "■", "", "", "", "", "", "ฝ่ายแผน"],
            ["2", "จัดอบรม", "", "", "■", "■", "", "", "ฝ่ายแผน"],
            ["3", "ประเมินผล", "", "", "", "", "", "■", "ฝ่ายแผน"]]
    acts, codes = run_plan(_save(tmp_path, fmt, paras, rows, [(0, 2, 0, 7)]))
    assert _dates(acts) == [("1", "2024-10", "2024-10"), ("2", "2024-12", "2025-01"),
                            ("3", "2025-03", "2025-03")]
    assert not [c for c in codes if c[1] == "DATE_MISSING"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_column_number_row_is_no_gantt(tmp_path, fmt):
    """Guard: a column-number row `1 2 3 … 8` never turns from 12 to 1, so it gives no months."""
    paras = ["แผนปฏิบัติการประจำปีงบประมาณ พ.ศ. 2568", "สำนักงานตัวอย่าง"]
    head = ["ที่", "กิจกรรม", "ระยะเวลา", "งบประมาณ (บาท)", "ผู้รับผิดชอบ", "ผลผลิต", "หมายเหตุ", "ผู้ประสานงาน"]
    numbering = [str(k) for k in range(1, 9)]
    rows = [head, numbering,
            ["1", "ประชุมชี้แจง", "", "10,000", "ฝ่ายแผน", "1 ครั้ง", "", "นายก"]]
    acts, codes = run_plan(_save(tmp_path, fmt, paras, rows))
    assert [(a.item_no, a.name, a.start, a.end, a.planned_months, a.budget_thb) for a in acts] == [
        ("1", "ประชุมชี้แจง", "", "", "", 10000)]
    assert codes == [("1", "DATE_MISSING")]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("style", ["{}", "({})", "thai"], ids=["bare", "bracketed", "thai"])
def test_column_number_row_under_month_header_is_no_activity(tmp_path, fmt, style):
    """`(1) (2) … (17)` under a month-name header numbers the columns: no activity of its own."""
    paras = ["แผนปฏิบัติการประจำปีงบประมาณ พ.ศ. 2568", "สำนักงานตัวอย่าง"]
    months = ["ต.ค.", "พ.ย.", "ธ.ค.", "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย."]
    head = ["ที่", "กิจกรรม", "งบประมาณ (บาท)"] + months + ["ผู้รับผิดชอบ", "หมายเหตุ"]
    thai = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
    numbering = [str(k).translate(thai) if style == "thai" else style.format(k) for k in range(1, len(head) + 1)]
    rows = [head, numbering,
            ["1", "ประชุมชี้แจง", "10,000"] + marks({0}) + ["ฝ่ายแผน", ""],
            ["2", "จัดอบรม", "20,000"] + marks({2, 3}) + ["ฝ่ายแผน", ""]]
    acts, codes = run_plan(_save(tmp_path, fmt, paras, rows))
    assert [(a.item_no, a.name, a.start, a.end) for a in acts] == [
        ("1", "ประชุมชี้แจง", "2024-10", "2024-10"), ("2", "จัดอบรม", "2024-12", "2025-01")]
    assert codes == []


# ---------------------------------------------------------------- English headers

ENGLISH_HEAD = ["No.", "Activity", "Budget (THB)", "Start", "End", "Duration (months)", "Responsible"]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("total", ["Total", "Grand Total (THB)", "TOTAL"])
def test_english_duration_in_months_and_total_row(tmp_path, fmt, total):
    paras = ["การท่าเรือตัวอย่าง", "แผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. 2571 (Action Plan FY2571)"]
    rows = [ENGLISH_HEAD,
            ["1", "ติดตั้งระบบผลิตไฟฟ้าพลังงานแสงอาทิตย์", "12,500,000.00", "ต.ค. 70", "มี.ค. 71", "6", "ฝ่ายวิศวกรรม"],
            ["2", "เปลี่ยนรถยกเป็นระบบไฟฟ้า", "48,750,000.00", "ม.ค. 71", "ส.ค. 71", "5", "ฝ่ายบริหารท่าเรือ"],
            ["", total, "61,250,000.00", "", "", "", ""]]
    acts, codes = run_plan(_save(tmp_path, fmt, paras, rows))
    assert [(a.item_no, a.name, a.duration_months, a.start, a.end, a.budget_thb) for a in acts] == [
        ("1", "ติดตั้งระบบผลิตไฟฟ้าพลังงานแสงอาทิตย์", 6, "2027-10", "2028-03", 12500000),
        ("2", "เปลี่ยนรถยกเป็นระบบไฟฟ้า", 5, "2028-01", "2028-08", 48750000)]
    # item 2 runs 8 months but states 5; no finding about the total row
    assert codes == [("2", "DURATION_MISMATCH")]
