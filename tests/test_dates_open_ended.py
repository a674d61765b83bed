"""Open-ended periods (`ต.ค. 67 - ปัจจุบัน`, `Oct 2024 - present`): the start as written, no end,
status ambiguous with a note, so that an activity gets no end rather than its start month; and
`Oct '24` (an apostrophe year after an English month) read as the Common Era."""
from datetime import date

import pytest

from pipeline.normalize import dates_tsv, parse_date
from pipeline.normalize.dates import open_end


@pytest.mark.parametrize("text,start,word", [
    ("ต.ค. 67 - ปัจจุบัน", date(2024, 10, 1), "ปัจจุบัน"),
    ("ต.ค. 2567 – ปัจจุบัน", date(2024, 10, 1), "ปัจจุบัน"),
    ("ต.ค.67-ปัจจุบัน", date(2024, 10, 1), "ปัจจุบัน"),
    ("1 ต.ค. 67 ถึงปัจจุบัน", date(2024, 10, 1), "ปัจจุบัน"),
    ("15 พ.ย. 2567 จนถึงปัจจุบัน", date(2024, 11, 15), "ปัจจุบัน"),
    ("ตั้งแต่ ต.ค. 67 เป็นต้นไป", date(2024, 10, 1), "เป็นต้นไป"),
    ("ตั้งแต่เดือนมกราคม 2568 เป็นต้นไป", date(2025, 1, 1), "เป็นต้นไป"),
    ("ต.ค. 67 - ต่อเนื่อง", date(2024, 10, 1), "ต่อเนื่อง"),
    ("ต.ค. 67 - จนกว่าจะแล้วเสร็จ", date(2024, 10, 1), "จนกว่าจะแล้วเสร็จ"),
    ("Oct 2024 - present", date(2024, 10, 1), "present"),
    ("Oct 2024 – Present", date(2024, 10, 1), "Present"),
    ("October 2024 to date", date(2024, 10, 1), "to date"),
    ("from Oct 2024 onwards", date(2024, 10, 1), "onwards"),
    ("1 Oct 2024 - ongoing", date(2024, 10, 1), "ongoing"),
    ("๑ ต.ค. ๖๗ - ปัจจุบัน", date(2024, 10, 1), "ปัจจุบัน"),
])
def test_open_ended(text, start, word):
    v = parse_date(text)
    assert (v.start, v.end, v.granularity, v.status) == (start, None, "range", "ambiguous"), v
    assert f"open-ended ({word})" in v.note and "no end date" in v.note
    assert v.ok and not v.alternatives
    assert open_end(text) == word


def test_open_start_uses_fiscal_year():
    v = parse_date("ธ.ค. - ปัจจุบัน", 2568)
    assert (v.start, v.end, v.status) == (date(2024, 12, 1), None, "ambiguous")


def test_misspelt_start_keeps_its_note():
    v = parse_date("พฤศจิกาบน 67 - ปัจจุบัน")
    assert (v.start, v.end, v.status) == (date(2024, 11, 1), None, "ambiguous")
    assert v.note == "พฤศจิกาบน -> พฤศจิกายน; open-ended (ปัจจุบัน): no end date"
    assert v.fixed == "พฤศจิกายน 67 - ปัจจุบัน"


def test_ambiguous_start_gives_other_starts():
    v = parse_date("มิ.ค. 68 - ปัจจุบัน")
    assert (v.start, v.end, v.status) == (date(2025, 3, 1), None, "ambiguous")
    assert v.note == "มิ.ค. -> มี.ค. or มิ.ย.; other start: 2025-06-01; open-ended (ปัจจุบัน): no end date"


@pytest.mark.parametrize("text", ["ปัจจุบัน", "- ปัจจุบัน", "present", "ณ ปัจจุบัน"])
def test_open_end_alone_has_no_date(text):
    v = parse_date(text)
    assert (v.start, v.end, v.status) == (None, None, "invalid")
    assert v.note.startswith("open-ended (")
    assert open_end(text)


def test_range_that_goes_on_keeps_its_end():
    v = parse_date("ต.ค. 67 – ก.ย. 68 และต่อเนื่อง")
    assert (v.start, v.end, v.status) == (date(2024, 10, 1), date(2025, 9, 30), "ambiguous")
    assert "goes on after 2025-09-30" in v.note


@pytest.mark.parametrize("text,start,end", [
    ("ภายในปีงบประมาณ 2558 เป็นต้นไป", date(2014, 10, 1), date(2015, 9, 30)),   # a deadline
    ("ภายใน ต.ค. 67 เป็นต้นไป", date(2024, 10, 1), date(2024, 10, 31)),
    ("ต.ค. 67 เป็นต้นไป", date(2024, 10, 1), date(2024, 10, 31)),    # no ตั้งแต่: as before
])
def test_not_open_ended(text, start, end):
    v = parse_date(text)
    assert (v.start, v.end, v.status) == (start, end, "ok"), v
    assert open_end(text) == ""


@pytest.mark.parametrize("text", ["ข้อมูล ณ ปัจจุบัน", "ต.ค. 67", "1 ต.ค. 67 - 30 ก.ย. 68", ""])
def test_open_end_word_absent(text):
    assert open_end(text) == ""


def test_cli_prints_empty_end():
    lines = list(dates_tsv(["ต.ค. 67 - ปัจจุบัน", "Oct 2024 - present", "ปัจจุบัน"]))
    assert lines[1].split("\t") == ["ต.ค. 67 - ปัจจุบัน", "2024-10-01", "", "range", "ambiguous",
                                    "open-ended (ปัจจุบัน): no end date"]
    assert lines[2].split("\t")[1:5] == ["2024-10-01", "", "range", "ambiguous"]
    assert lines[3].split("\t")[1:5] == ["", "", "", "invalid"]


@pytest.mark.parametrize("text,start,end", [
    ("Oct '24", date(2024, 10, 1), date(2024, 10, 31)),
    ("Oct’24 - Mar’25", date(2024, 10, 1), date(2025, 3, 31)),
    ("15 Oct '24", date(2024, 10, 15), date(2024, 10, 15)),
    ("Oct-24", date(2024, 10, 1), date(2024, 10, 31)),          # Excel mmm-yy, unchanged
    ("Oct 67", date(2024, 10, 1), date(2024, 10, 31)),          # BE, unchanged
])
def test_english_month_years(text, start, end):
    v = parse_date(text)
    assert (v.start, v.end, v.status) == (start, end, "ok"), v
