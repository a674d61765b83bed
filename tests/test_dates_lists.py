"""Lists of months or days in one date cell (`ต.ค. 67, พ.ย. 67`, `ต.ค. 67 / พ.ย. 67`,
`ต.ค., ธ.ค. 67 และ ก.พ. 68`, `1, 15 ต.ค. 67`, `ต.ค. พ.ย. ธ.ค. 67`) read as the period from the first
item to the last, and parts of a year (`ปลายปีงบประมาณ 2568`, `ปลายปี 2568`)."""
from datetime import date

import pytest

from pipeline.normalize.dates import parse_date

D = date.fromisoformat


@pytest.mark.parametrize("text,start,end", [
    ("ต.ค. 67, พ.ย. 67", "2024-10-01", "2024-11-30"),
    ("ต.ค. 67 / พ.ย. 67", "2024-10-01", "2024-11-30"),
    ("ต.ค./พ.ย. 67", "2024-10-01", "2024-11-30"),
    ("ต.ค.67,พ.ย.67", "2024-10-01", "2024-11-30"),
    ("ม.ค., ก.พ., มี.ค. 68", "2025-01-01", "2025-03-31"),
    ("ม.ค. และ ก.พ. และ มี.ค. 68", "2025-01-01", "2025-03-31"),
    ("ต.ค. พ.ย. ธ.ค. 67", "2024-10-01", "2024-12-31"),
    ("ต.ค. 67; พ.ย. 67", "2024-10-01", "2024-11-30"),
    ("Oct, Nov 2024", "2024-10-01", "2024-11-30"),
    ("พ.ย., ธ.ค. และ ม.ค. 68", "2024-11-01", "2025-01-31"),      # the year runs back over ม.ค.
    ("1, 2, 3 ต.ค. 67", "2024-10-01", "2024-10-03"),
])
def test_consecutive_items_are_their_period(text, start, end):
    v = parse_date(text)
    assert (v.start, v.end, v.granularity, v.status) == (D(start), D(end), "range", "ok"), v


@pytest.mark.parametrize("text,start,end,named", [
    ("ต.ค., ธ.ค. 67 และ ก.พ. 68", "2024-10-01", "2025-02-28", "2024-10, 2024-12, 2025-02"),
    ("1, 15 ต.ค. 67", "2024-10-01", "2024-10-15", "2024-10-01, 2024-10-15"),
    ("ต.ค.67/ธ.ค.67/ก.พ.68", "2024-10-01", "2025-02-28", "2024-10, 2024-12, 2025-02"),
    ("มกราคม, เมษายน, กรกฎาคม 2568", "2025-01-01", "2025-07-31", "2025-01, 2025-04, 2025-07"),
    ("15 ต.ค. 67, 15 พ.ย. 67", "2024-10-15", "2024-11-15", "2024-10-15, 2024-11-15"),
])
def test_items_with_gaps_are_ambiguous_and_named(text, start, end, named):
    v = parse_date(text)
    assert (v.start, v.end, v.granularity, v.status) == (D(start), D(end), "range", "ambiguous"), v
    assert f"a list ({named})" in v.note and "only the listed" in v.note
    assert v.fixed and " - " in v.fixed


@pytest.mark.parametrize("text,want", [
    ("1/10/2567", ("2024-10-01", "2024-10-01", "day")),       # a slash inside a date
    ("10/2567", ("2024-10-01", "2024-10-31", "month")),
    ("วันอังคาร, 02 สิงหาคม 2559", ("2016-08-02", "2016-08-02", "day")),
    ("ต.ค. 67 - พ.ย. 67", ("2024-10-01", "2024-11-30", "range")),
    ("มิ.ย. และ ก.ย. 53", ("2010-06-01", "2010-09-30", "range")),   # two items by และ: a range
])
def test_dates_that_are_not_lists_keep_their_reading(text, want):
    v = parse_date(text)
    assert (v.start.isoformat(), v.end.isoformat(), v.granularity) == want
    assert v.status == "ok" and "a list" not in v.note


@pytest.mark.parametrize("text", ["1,000", "1,2 ธ.ค. 57", "2567, 2568", "ธ.ค. 67, พ.ย. 67",
                                  "30, 1 ต.ค. 67", "ม.ค.-มี.ค.58 และ ก.ค.-ก.ย.58", "ก, ข"])
def test_not_a_list_of_dates(text):
    assert parse_date(text).status == "invalid"


def test_list_with_the_plans_fiscal_year():
    v = parse_date("ต.ค., พ.ย.", 2568)
    assert (v.start, v.end, v.status) == (D("2024-10-01"), D("2024-11-30"), "ok")


@pytest.mark.parametrize("text,fy,start,end,status,note", [
    ("ปลายปีงบประมาณ 2568", None, "2025-07-01", "2025-09-30", "ok", "last quarter of fiscal year 2568"),
    ("ต้นปีงบประมาณ 2568", None, "2024-10-01", "2024-12-31", "ok", "first quarter of fiscal year 2568"),
    ("กลางปีงบประมาณ พ.ศ. 2568", None, "2025-01-01", "2025-06-30", "ok", "middle two quarters"),
    ("สิ้นปีงบประมาณ 2568", None, "2025-09-01", "2025-09-30", "ok", "last month of fiscal year"),
    ("ปลายปีงบ 68", None, "2025-07-01", "2025-09-30", "ok", ""),
    # without งบประมาณ: the calendar year's, the fiscal year's as the other reading
    ("ปลายปี 2568", None, "2025-10-01", "2025-12-31", "ambiguous", "other reading: 2025-07-01..2025-09-30"),
    ("ต้นปี 2568", None, "2025-01-01", "2025-03-31", "ambiguous", "other reading: 2024-10-01..2024-12-31"),
    ("ช่วงปลายปี 2567", None, "2024-10-01", "2024-12-31", "ambiguous", "fiscal year 2567"),
    # the plan's fiscal year holds only one of the readings
    ("ปลายปี 2568", 2568, "2025-07-01", "2025-09-30", "ok", "the calendar year's would be 2025-10-01..2025-12-31"),
    ("ปลายปี", 2568, "2025-07-01", "2025-09-30", "ok", "fiscal year 2568"),
])
def test_part_of_a_year(text, fy, start, end, status, note):
    v = parse_date(text, fy)
    assert (v.start, v.end, v.status) == (D(start), D(end), status), v
    assert note in v.note


def test_part_of_a_year_without_a_year_is_unread():
    v = parse_date("ปลายปี")
    assert v.status == "invalid" and "without a year" in v.note


def test_prefer_settles_part_of_a_year():
    v = parse_date("ปลายปี 2568", prefer=(D("2024-10-01"), D("2025-09-30")))
    assert (v.start, v.end, v.status) == (D("2025-07-01"), D("2025-09-30"), "ok")


def _plan(path, rows):
    import docx
    d = docx.Document()
    d.add_paragraph("แผนปฏิบัติราชการ กรมส่งเสริมการเกษตร ประจำปีงบประมาณ พ.ศ. 2568")
    head = ["ลำดับ", "กิจกรรม/ขั้นตอนการดำเนินงาน", "ระยะเวลา", "เริ่มต้น", "สิ้นสุด", "งบประมาณ (บาท)", "ผู้รับผิดชอบ"]
    t = d.add_table(rows=len(rows) + 1, cols=len(head))
    for c, v in enumerate(head):
        t.cell(0, c).text = v
    for r, row in enumerate(rows, 1):
        for c, v in enumerate(row):
            t.cell(r, c).text = v
    d.save(path)


def test_lists_in_a_built_plan_are_read_not_unparseable(tmp_path):
    from pipeline.api import read_folder
    _plan(tmp_path / "plan.docx", [
        ["1", "ประชุมคณะทำงาน", "2 เดือน", "ต.ค. 67, พ.ย. 67", "พ.ย. 67", "10,000", "กองแผนงาน"],
        ["2", "อบรมเชิงปฏิบัติการ", "5 เดือน", "ต.ค., ธ.ค. 67 และ ก.พ. 68", "ก.พ. 68", "20,000", "กองแผนงาน"],
        ["3", "ลงพื้นที่ติดตาม", "1 เดือน", "1, 15 ต.ค. 67", "15 ต.ค. 67", "5,000", "กองแผนงาน"],
        ["4", "เผยแพร่", "3 เดือน", "ต.ค. พ.ย. ธ.ค. 67", "ธ.ค. 67", "1,000", "กองแผนงาน"],
        ["5", "สรุปผล", "3 เดือน", "ปลายปี 2568", "ปลายปีงบประมาณ 2568", "5,000", "กองแผนงาน"],
    ])
    records, findings, _ = read_folder(tmp_path, as_of="2026-11-22")
    got = {r["item_no"]: (r["start"], r["end"]) for r in records.to_dict("records")}
    assert got == {"1": ("2024-10", "2024-11"), "2": ("2024-10", "2025-02"), "3": ("2024-10", "2024-10"),
                   "4": ("2024-10", "2024-12"), "5": ("2025-07", "2025-09")}
    codes = {(f["item_no"], f["code"]) for f in findings.to_dict("records")}
    assert not any(code == "DATE_UNPARSEABLE" for _, code in codes)
    # a list with gaps is reported with what it was read as
    msgs = [f["value"] for f in findings.to_dict("records") if f["code"] == "DATE_CORRECTED"]
    assert "ต.ค., ธ.ค. 67 และ ก.พ. 68 -> ต.ค. 67 - ก.พ. 68" in msgs
