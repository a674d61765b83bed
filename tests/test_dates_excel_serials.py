"""Date cells exported as Excel day numbers (a cell formatted General, a sheet saved as CSV)."""
import csv
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from pipeline.normalize import parse_date
from plan_files import plan_xlsx, run_plan


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2049, 12, 31)),
       st.sampled_from(["", ".0", ".5", ".999988"]))
def test_a_day_number_is_its_date(day, fraction):
    serial = (day - date(1899, 12, 30)).days
    v = parse_date(f"{serial}{fraction}")
    assert (v.start, v.end, v.granularity, v.status) == (day, day, "day", "ok")
    assert str(serial) in v.note


def test_known_day_numbers():
    assert parse_date("45658").start == date(2025, 1, 1)
    assert parse_date(" 46022 ").start == date(2025, 12, 31)
    assert parse_date("36526").start == date(2000, 1, 1)


def test_other_numbers_are_no_date():
    for text in ("36525", "54790", "12345", "460230", "4602", "46023-1", "46,023"):
        assert not parse_date(text).ok, text


def test_a_plan_exported_with_day_numbers_and_a_named_activity_column(tmp_path):
    head = ["ลำดับที่", "ชื่อกิจกรรม", "วันที่เริ่ม", "วันที่สิ้นสุด", "งบประมาณ (บาท)", "หน่วยงานรับผิดชอบ"]
    rows = [head,
            ["1", "จัดซื้อเครื่องวัดความดันโลหิต", "2025-10-01 00:00:00", "2025-12-31 00:00:00", "120000.00",
             "กลุ่มงานพยาบาล"],
            ["2", "พัฒนาระบบคิวออนไลน์", "45962", "46142", "350000.00", "กลุ่มงานสารสนเทศ"],
            ["3", "อบรมการช่วยชีวิตขั้นสูง", "46174", "46112", "85000.00", "กลุ่มงานพยาบาล"]]
    path = tmp_path / "plan.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        f.write("แผนปฏิบัติการพัฒนาบริการสุขภาพ ปีงบประมาณ 2569 โรงพยาบาลศรีสะเกษ\n")
        csv.writer(f).writerows(rows)
    acts, findings = run_plan(path)
    assert [(a.item_no, a.name) for a in acts] == [("1", "จัดซื้อเครื่องวัดความดันโลหิต"),
                                                   ("2", "พัฒนาระบบคิวออนไลน์"),
                                                   ("3", "อบรมการช่วยชีวิตขั้นสูง")]
    assert [(a.start, a.end) for a in acts] == [("2025-10", "2025-12"), ("2025-11", "2026-04"),
                                               ("2026-06", "2026-03")]
    assert acts[1].start_raw == "45962"          # the raw text kept beside the date
    assert ("3", "START_AFTER_END") in findings
    assert not any(code == "DATE_UNPARSEABLE" for _, code in findings)


def test_a_spreadsheet_with_day_numbers_in_general_cells(tmp_path):
    from openpyxl import load_workbook
    rows = [["ลำดับ", "กิจกรรม", "เริ่มต้น", "สิ้นสุด", "งบประมาณ (บาท)", "ผู้รับผิดชอบ"],
            ["1", "สำรวจความต้องการ", "", "", "10,000", "กลุ่มงานแผน"]]
    path = plan_xlsx(tmp_path / "plan.xlsx", ["แผนปฏิบัติการ ประจำปีงบประมาณ 2569 โรงพยาบาลยโสธร"], rows)
    wb = load_workbook(path)
    ws = wb.active
    start = date(2025, 11, 3)
    ws.cell(row=4, column=3, value=(start - date(1899, 12, 30)).days)          # numbers, not dates
    ws.cell(row=4, column=4, value=(start + timedelta(days=60) - date(1899, 12, 30)).days)
    wb.save(path)
    acts, findings = run_plan(path)
    assert [(a.start, a.end) for a in acts] == [("2025-11", "2026-01")]
    assert not any(code in ("DATE_UNPARSEABLE", "DATE_MISSING") for _, code in findings)
