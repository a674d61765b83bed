"""A one-cell period with one side written wrong (`ตั้งแต่ 32 ก.ค. 68 ถึง 31 ส.ค. 68`, `1 ก.ค. 68 -
32 ส.ค. 68`), in a period or duration column, built as real CSV and XLSX files in tmp_path and
read, extracted and validated as a run would: the side written right keeps its date, the other
is reported unparseable (not missing). A cell that is no period stays as it was."""
from __future__ import annotations

import pytest

from extract_helpers import write_csv
from plan_files import plan_xlsx, run_plan

TITLE = "แผนปฏิบัติการประจำปีงบประมาณ พ.ศ. 2568 วิทยาลัยการอาชีพตัวอย่าง"


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
