"""A one-cell period with one side written wrong (`ตั้งแต่ 32 ก.ค. 68 ถึง 31 ส.ค. 68`, `1 ก.ค. 68 -
32 ส.ค. 68`), in a period or duration column, built as real CSV and XLSX files in tmp_path and
read, extracted and validated as a run would: the side written right keeps its date, the other
is reported unparseable (not missing). A cell that is no period stays as it was."""
from __future__ import annotations

import pytest

from extract_helpers import write_csv
from plan_files import U, plan_docx, plan_xlsx, run_plan

TITLE = "แผนปฏิบัติการประจำปีงบประมาณ พ.ศ. 2568 วิทยาลัยการอาชีพตัวอย่าง"
TITLE_67 = "แผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. 2567 สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดตาก"


def _csv(path, rows):
    return write_csv(path, [TITLE], rows)


def _save(tmp_path, fmt, rows):
    if fmt == "csv":
        return _csv(tmp_path / "plan.csv", rows)
    return plan_xlsx(tmp_path / "plan.xlsx", [TITLE], rows)


ONE_COLUMN = ["ลำดับที่", "กิจกรรม", "ระยะเวลาดำเนินการ", "งบประมาณ"]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_an_impossible_start_day_keeps_the_end(tmp_path, fmt):
    rows = [ONE_COLUMN, ["1", "ประชุมวางแผน", "ตั้งแต่ ต.ค. 67 ถึง พ.ย. 67", "2,000"],
            ["2", "ติดตามผู้สำเร็จการฝึกอบรม", "ตั้งแต่ 32 ก.ค. 68 ถึง 31 ส.ค. 68", "3,000"]]
    acts, codes = run_plan(_save(tmp_path, fmt, rows))
    a = acts[1]
    assert (a.start, a.end, a.start_raw, a.end_raw) == ("", "2025-08", "ตั้งแต่ 32 ก.ค. 68", "31 ส.ค. 68")
    assert ("2", "DATE_UNPARSEABLE") in codes
    assert ("2", "DATE_MISSING") not in codes
    assert (acts[0].start, acts[0].end) == ("2024-10", "2024-11")


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_an_impossible_end_day_keeps_the_start(tmp_path, fmt):
    rows = [ONE_COLUMN, ["1", "ติดตามผู้สำเร็จการฝึกอบรม", "1 ก.ค. 68 - 32 ส.ค. 68", "3,000"]]
    acts, codes = run_plan(_save(tmp_path, fmt, rows))
    assert (acts[0].start, acts[0].end) == ("2025-07", "")
    assert ("1", "DATE_UNPARSEABLE") in codes


def test_a_period_beside_a_duration_keeps_its_good_side(tmp_path):
    head = ["ลำดับที่", "กิจกรรม", "ระยะเวลา", "ช่วงเวลาดำเนินการ", "งบประมาณ"]
    rows = [head, ["1", "ประชุมวางแผน", "2 เดือน", "ต.ค. 67 - พ.ย. 67", "2,000"],
            ["2", "ติดตามผู้สำเร็จการฝึกอบรม", "2 เดือน", "ตั้งแต่ 32 ก.ค. 68 ถึง 31 ส.ค. 68", "3,000"]]
    acts, codes = run_plan(_csv(tmp_path / "plan.csv", rows))
    assert (acts[0].start, acts[0].end) == ("2024-10", "2024-11")
    assert (acts[1].start, acts[1].end) == ("", "2025-08")
    assert ("2", "DATE_UNPARSEABLE") in codes


def test_a_cell_that_is_no_period_is_not_unparseable(tmp_path):
    rows = [ONE_COLUMN, ["1", "ประชุมวางแผน", "ต.ค. 67 - พ.ย. 67", "2,000"],
            ["2", "ติดตามผล", "ดำเนินการต่อเนื่อง - ตามความเหมาะสม", "3,000"]]
    acts, codes = run_plan(_csv(tmp_path / "plan.csv", rows))
    assert (acts[1].start, acts[1].end) == ("", "")
    assert ("2", "DATE_UNPARSEABLE") not in codes


MONTHS = ["ต.ค.", "พ.ย.", "ธ.ค.", "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย."]


@pytest.mark.parametrize("writer", [plan_xlsx, plan_docx])
def test_start_and_end_under_a_banner_beside_a_duration_column(tmp_path, writer):
    """`ระยะเวลา` (months) beside a `ระยะเวลาดำเนินการ` banner over `เริ่มต้น | สิ้นสุด`: the dates
    are read from their columns (one outside the plan's months, unshaded), the duration from its
    own column."""
    head = ["ลำดับ", "กิจกรรม", "ระยะเวลา", "ระยะเวลาดำเนินการ", "", "งบประมาณ (บาท)",
            "ปีงบประมาณ พ.ศ. 2567"] + [""] * 11 + ["ผู้รับผิดชอบ"]
    sub = [U, U, U, "เริ่มต้น", "สิ้นสุด", U] + MONTHS + [U]
    rows = [head, sub,
            ["1", "สำรวจข้อมูลผู้สูงอายุ", "2 เดือน", "ต.ค. 66", "พ.ย. 66", "20,000"] + ["✓", "✓"] + [""] * 10
            + ["กลุ่มการพัฒนาสังคม"],
            ["2", "อบรมอาสาสมัคร", "2 เดือน", "ม.ค. 67", "พ.ค. 67", "100,000"] + [""] * 3 + ["✓"] * 5
            + [""] * 4 + ['"'],
            ["3", "ติดตามและประเมินผล", "1 เดือน", "ต.ค. 67", "ต.ค. 67", "10,000"] + [""] * 12 + ['"']]
    path = writer(tmp_path / ("plan.xlsx" if writer is plan_xlsx else "plan.docx"), [TITLE_67], rows,
                  hmerges=[(0, 3, 0, 4), (0, 6, 0, 17)])
    acts, codes = run_plan(path)
    got = [(a.item_no, a.start, a.end, a.start_raw, a.end_raw, a.duration_months) for a in acts]
    assert got == [("1", "2023-10", "2023-11", "ต.ค. 66", "พ.ย. 66", 2),
                   ("2", "2024-01", "2024-05", "ม.ค. 67", "พ.ค. 67", 2),
                   ("3", "2024-10", "2024-10", "ต.ค. 67", "ต.ค. 67", 1)]
    assert ("2", "DURATION_MISMATCH") in codes and ("3", "OUTSIDE_FISCAL_YEAR") in codes
    assert ("3", "DATE_MISSING") not in codes
