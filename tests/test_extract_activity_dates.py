"""Activity dates written as a period in one cell, and the deadline an activity's end gives.

`start_raw`/`end_raw` hold the part of a one-cell period that gives the start and the part that
gives the end, as written (a cell that does not divide gives its whole text to both);
`deadline` is the day the end names, the month's last day only when the end gives a month.
Checked on real files (DOCX through `thaiforms run`, a TSV through the reader and extractor).
"""
from __future__ import annotations

import csv
import io
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from extract_helpers import ctx
from extractors import extract
from extractors.activity_plan import _read_date, split_period
from pipeline.cli import main
from pipeline.readers import read_document
from pipeline.validate import validate

AGENCY_LINE = "แผนปฏิบัติการ สำนักงานจังหวัดสตูล ประจำปีงบประมาณ พ.ศ. 2569"
RESP = "กลุ่มงานยุทธศาสตร์และข้อมูลเพื่อการพัฒนาจังหวัด"

# item, period cell as written, start_raw, end_raw, start, end, deadline
ONE_CELL = [
    ("1", "1 ต.ค. 2568 - 30 ธ.ค. 2568", "1 ต.ค. 2568", "30 ธ.ค. 2568",
     "2025-10", "2025-12", "2025-12-30"),
    ("2", "ต.ค. 68 - ธ.ค. 68", "ต.ค. 68", "ธ.ค. 68",                       # month only
     "2025-10", "2025-12", "2025-12-31"),
    ("3", "1 กรกฎาคม 2569 - 15 กันยายน 2569", "1 กรกฎาคม 2569", "15 กันยายน 2569",
     "2026-07", "2026-09", "2026-09-15"),
    ("4", "๑ เม.ย. ๒๕๖๙ - ๓๐ มิ.ย. ๒๕๖๙", "๑ เม.ย. ๒๕๖๙", "๓๐ มิ.ย. ๒๕๖๙",   # Thai digits kept
     "2026-04", "2026-06", "2026-06-30"),
    ("5", "พ.ย. - ธ.ค. 2568", "พ.ย.", "ธ.ค. 2568",                        # year written once
     "2025-11", "2025-12", "2025-12-31"),
    ("6", "ม.ค. 2569", "ม.ค. 2569", "ม.ค. 2569",                          # one month: no split
     "2026-01", "2026-01", "2026-01-31"),
    ("7", "1-15 ต.ค. 68", "1-15 ต.ค. 68", "1-15 ต.ค. 68",                 # days of one month
     "2025-10", "2025-10", "2025-10-15"),
]


def _read_csv(path: Path) -> list[dict]:
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(data[3:].decode("utf-8"), newline="")))


def _docx_plan(path: Path) -> None:
    docx = pytest.importorskip("docx")
    d = docx.Document()
    d.add_paragraph(AGENCY_LINE)
    d.add_paragraph("กิจกรรม/ขั้นตอนการดำเนินงาน")
    rows = [["ที่", "กิจกรรม", "ระยะเวลาดำเนินการ", "งบประมาณ (บาท)", "ผู้รับผิดชอบ"]]
    for no, period, *_ in ONE_CELL:
        rows.append([no, f"กิจกรรมทดสอบที่ {no}", period, "10,000", RESP])
    t = d.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            t.cell(r, c).text = text
    path.parent.mkdir(parents=True, exist_ok=True)
    d.save(path)


def test_docx_period_in_one_cell_gives_raw_start_and_end_and_the_end_day(tmp_path, capsys):
    _docx_plan(tmp_path / "in" / "satun" / "plan.docx")
    rc = main(["run", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--no-progress",
               "--no-cache", "--as-of", "2025-10-15"])
    capsys.readouterr()
    assert rc == 0
    rows = [r for r in _read_csv(tmp_path / "out" / "consolidated.csv")
            if r["record_type"] == "activity"]
    got = [(r["item_no"], r["duration_raw"], r["start_raw"], r["end_raw"], r["start"], r["end"],
            r["deadline"], r["duration_months"]) for r in rows]
    assert got == [(no, period, s_raw, e_raw, s, e, dl, "")
                   for no, period, s_raw, e_raw, s, e, dl in ONE_CELL]
    findings = _read_csv(tmp_path / "out" / "findings.csv")
    assert [f for f in findings if f["severity"] == "error"] == []


TSV = "\n".join([
    AGENCY_LINE,
    "",
    "\t".join(["ที่", "กิจกรรม/ขั้นตอน", "ระยะเวลาดำเนินการ", "เริ่มต้น", "สิ้นสุด", "งบประมาณ (บาท)",
               "ผู้รับผิดชอบ"]),
    "\t".join(["1", "ประชุมชี้แจง", "1 ต.ค. 2568 - 30 ธ.ค. 2568", "", "", "10,000", RESP]),
    "\t".join(["2", "จัดอบรม", "3 เดือน", "1 ต.ค. 2568", "15 ธ.ค. 2568", "20,000", RESP]),
    "\t".join(["3", "ลงพื้นที่", "", "ก.ค. 69 - ก.ย. 69", "", "5,000", RESP]),
    "\t".join(["4", "สรุปผล", "", "ม.ค. 69", "มี.ค. 69", "5,000", RESP]),
    "\t".join(["5", "รายงานผล", "", "1 ก.ค. 2569 ถึง 15 ก.ย. 2569", "", "5,000", RESP]),
]) + "\n"


def _tsv_records(tmp_path: Path):
    p = tmp_path / "satun" / "plan.tsv"
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(TSV, encoding="utf-8-sig")
    ex = extract(read_document(p), ctx("satun/plan.tsv"))
    assert ex.forms == ["activity_plan"]
    return ex


def test_tsv_one_cell_periods_and_end_dates_with_and_without_a_day(tmp_path):
    ex = _tsv_records(tmp_path)
    got = [(r.item_no, r.duration_raw, r.start_raw, r.end_raw, r.start, r.end, r.deadline)
           for r in ex.records]
    assert got == [
        # the period in the duration column: split, duration_raw kept as written
        ("1", "1 ต.ค. 2568 - 30 ธ.ค. 2568", "1 ต.ค. 2568", "30 ธ.ค. 2568",
         "2025-10", "2025-12", "2025-12-30"),
        # start and end in their own columns: the end's day is the deadline
        ("2", "3 เดือน", "1 ต.ค. 2568", "15 ธ.ค. 2568", "2025-10", "2025-12", "2025-12-15"),
        # a period in the start column alone: split too; month only -> last day of the month
        ("3", "", "ก.ค. 69", "ก.ย. 69", "2026-07", "2026-09", "2026-09-30"),
        ("4", "", "ม.ค. 69", "มี.ค. 69", "2026-01", "2026-03", "2026-03-31"),
        ("5", "", "1 ก.ค. 2569", "15 ก.ย. 2569", "2026-07", "2026-09", "2026-09-15"),
    ]


def test_deadline_missed_judged_on_the_end_day(tmp_path):
    ex = _tsv_records(tmp_path)
    by = {r.item_no: r for r in ex.records}
    by["1"].completed = "2025-12-31"       # a day after 30 ธ.ค. 2568: late
    by["4"].completed = "2026-03-31"       # month-only end: due the month's last day, on time
    by["5"].completed = "2026-09-20"       # after 15 ก.ย. 2569, before the month's end: late
    missed = [(f.item_no, f.value) for f in validate(ex, date(2025, 10, 15))
              if f.code == "DEADLINE_MISSED"]
    assert missed == [("1", "2025-12-30 -> 2025-12-31"), ("5", "2026-09-15 -> 2026-09-20")]


@pytest.mark.parametrize("text, fy, parts", [
    ("1 ต.ค. 2568 - 30 ธ.ค. 2568", 2569, ("1 ต.ค. 2568", "30 ธ.ค. 2568")),
    ("ต.ค.68-ธ.ค.68", 2569, ("ต.ค.68", "ธ.ค.68")),
    ("ธันวาคม 2568 – มีนาคม 2569", 2569, ("ธันวาคม 2568", "มีนาคม 2569")),
    ("ม.ค. 2569 จนถึง มี.ค. 2569", 2569, ("ม.ค. 2569", "มี.ค. 2569")),
    ("1 ต.ค. 2568 ถึงวันที่ 30 ธ.ค. 2568", 2569, ("1 ต.ค. 2568", "30 ธ.ค. 2568")),
    ("1-10-2568 - 30-12-2568", 2569, ("1-10-2568", "30-12-2568")),
    ("15 ม.ค. - 31 มี.ค. 2569", 2569, ("15 ม.ค.", "31 มี.ค. 2569")),
    ("มิ.ค. 53 - ก.ย. 53", 2553, ("มิ.ค. 53", "ก.ย. 53")),           # misspelt, kept as written
    # no start part and end part that read as the period's own ends: the whole text in both
    ("ไตรมาสที่ 1-2", 2569, ("ไตรมาสที่ 1-2", "ไตรมาสที่ 1-2")),
    ("1-15 ต.ค. 68", 2569, ("1-15 ต.ค. 68", "1-15 ต.ค. 68")),
    ("ก.ย. 2565", 2565, ("ก.ย. 2565", "ก.ย. 2565")),
])
def test_split_period(text, fy, parts):
    assert split_period(text, _read_date(text, fy)) == parts


def test_split_period_ditto_mark_stays_as_written():
    assert split_period("〃", _read_date("ต.ค. 68 - ธ.ค. 68", 2569)) == ("〃", "〃")


_MONTHS_ABBR = ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.",
                "ต.ค.", "พ.ย.", "ธ.ค."]


@given(st.dates(date(2015, 10, 1), date(2030, 9, 30)), st.integers(0, 200),
       st.sampled_from([" - ", "-", " – ", " ถึง ", " จนถึง "]), st.booleans())
def test_split_period_gives_back_the_two_dates_as_written(start, days, mark, thai_digits):
    """Any day-to-day period written in one cell divides into exactly its two dates as
    written, whatever the range mark and digits."""
    end = min(start + timedelta(days=days), date(2030, 9, 30))

    def written(d: date) -> str:
        t = f"{d.day} {_MONTHS_ABBR[d.month - 1]} {d.year + 543}"
        return t.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")) if thai_digits else t

    text = written(start) + mark + written(end)
    fy = (end.year + 543) + (1 if end.month >= 10 else 0)
    assert split_period(text, _read_date(text, fy)) == (written(start), written(end))


@given(st.text(alphabet="0123456789๐๑๒๓ -–ต.คธมกพยถึง", max_size=30))
def test_split_period_parts_are_the_cell_text(text):
    """Whatever the cell holds, its parts come from it as written: the whole text, or a start
    and an end that appear in it in that order."""
    left, right = split_period(text, _read_date(text, 2569))
    clean = " ".join(text.split())
    if (left, right) != (clean, clean):
        assert clean.startswith(left) and clean.endswith(right) and left and right
