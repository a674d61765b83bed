"""Amounts, durations, months, fiscal calendar and working days of pipeline.normalize."""
from __future__ import annotations

from datetime import date

import pytest
from pythainlp.util import thai_digit_to_arabic_digit

from pipeline.normalize import (add_working_days, clean, fiscal_year_bounds, fiscal_year_of,
                                is_working_day, parse_amount, parse_duration, parse_month,
                                parse_working_day_deadline, quarter_bounds, thai_digits,
                                working_days_between)

# --------------------------------------------------------------------------------------------
# Amounts: (text, value, unit); value None = not an amount.
AMOUNTS = [
    ("50,000", 50000, ""),
    ("150,000 บาท", 150000, "บาท"),
    ("150,000บาท", 150000, "บาท"),
    ("150,000.00 บาท", 150000, "บาท"),
    ("50,000.-", 50000, ""),
    ("50,000.- บาท", 50000, "บาท"),
    ("1,500,000", 1500000, ""),
    ("1.5 ล้านบาท", 1500000, "บาท"),
    ("1.5 ล้าน", 1500000, "บาท"),
    ("2 แสนบาท", 200000, "บาท"),
    ("5 หมื่นบาท", 50000, "บาท"),
    ("๕๐,๐๐๐", 50000, ""),
    ("๑๕๐,๐๐๐ บาท", 150000, "บาท"),
    ("ห้าหมื่นบาท", 50000, "บาท"),
    ("ห้าหมื่นบาทถ้วน", 50000, "บาท"),
    ("หนึ่งแสนห้าหมื่นบาท", 150000, "บาท"),
    ("สามหมื่น", 30000, ""),
    ("ร้อยละ 60", 60, "%"),
    ("ร้อยละ60", 60, "%"),
    ("ร้อยละ ๘๕", 85, "%"),
    ("60%", 60, "%"),
    ("60 %", 60, "%"),
    ("100%", 100, "%"),
    ("12.5%", 12.5, "%"),
    ("60 เปอร์เซ็นต์", 60, "%"),
    ("ไม่น้อยกว่าร้อยละ 60", 60, "%"),
    ("ไม่ต่ำกว่าร้อยละ 85", 85, "%"),
    ("≥ 80%", 80, "%"),
    ("0.5", 0.5, ""),
    ("1", 1, ""),
    ("1 คะแนน", 1, "คะแนน"),
    ("0.01 คะแนน", 0.01, "คะแนน"),
    ("ระดับ 5", 5, "ระดับ"),
    ("5 ระดับ", 5, "ระดับ"),
    ("1 แห่ง", 1, "แห่ง"),
    ("(30,000)", 30000, ""),
    (" 20,000 ", 20000, ""),
    ("ในม.", None, ""),
    ("งบปกติ", None, ""),
    ("-", None, ""),
    ("–", None, ""),
    ('"', None, ""),
    ("”", None, ""),
    ("〃", None, ""),
    ("-\"-", None, ""),
    ("", None, ""),
    ("ไม่มี", None, ""),
    ("ไม่ใช้งบประมาณ", None, ""),
    ("กลุ่มงานยุทธศาสตร์", None, ""),
    ("50,000 / 30,000", None, ""),
    ("150,000 บาท (หนึ่งแสนห้าหมื่นบาทถ้วน)", 150000, "บาท"),
    ("50,000 (งบปกติ)", 50000, ""),
    ("1.5 ลบ.", 1500000, "บาท"),
    ("1,000 บ.", 1000, "บาท"),
    ("เป็นเงิน 50,000 บาท", 50000, "บาท"),
    ("รวมเป็นเงิน 150,000 บาท", 150000, "บาท"),
    ("งบประมาณ : 20,000 บาท", 20000, "บาท"),
    ("(น้ำหนัก ร้อยละ 10)", 10, "%"),
    ("น้ำหนักร้อยละ 10", 10, "%"),
    ("รวม 10", 10, ""),
    ("๑.๕ ล้านบาท", 1500000, "บาท"),
    ("(ในม.)", None, ""),
    ("60 - 80%", None, ""),
    ("ปรับปรุงแผน", None, ""),
    ("5 แสนคน", 500000, "คน"),
    ("9" * 400, None, ""),                    # beyond a float: not an amount
]


@pytest.mark.parametrize("text,value,unit", AMOUNTS)
def test_parse_amount(text, value, unit):
    a = parse_amount(text)
    assert a.text == text
    if value is None:
        assert a.value is None and not a.ok
    else:
        assert a.value == pytest.approx(value) and a.unit == unit and a.ok


# --------------------------------------------------------------------------------------------
# Durations: (text, months, days, working_days)
DURATIONS = [
    ("1 เดือน", 1, None, False),
    ("2 เดือน", 2, None, False),
    ("2เดือน", 2, None, False),
    ("๒ เดือน", 2, None, False),
    ("12 เดือน", 12, None, False),
    ("1 ปี", 12, None, False),
    ("15 วัน", 0.5, 15, False),
    ("30 วัน", 1, 30, False),
    ("2 สัปดาห์", 0.47, 14, False),
    ("1 เดือน 15 วัน", 1.5, None, False),
    ("ครึ่งเดือน", 0.5, None, False),
    ("สองเดือน", 2, None, False),
    ("ไตรมาสที่ 3 และ 4", 6, None, False),
    ("ไตรมาส 3 และ 4", 6, None, False),
    ("ไตรมาสที่ 1", 3, None, False),
    ("ไตรมาสที่ 1-4", 12, None, False),
    ("ไตรมาสที่ 2, 3 และ 4", 9, None, False),
    ("2 ไตรมาส", 6, None, False),
    ("Q3-Q4", 6, None, False),
    ("Q1", 3, None, False),
    ("ตลอดปี", 12, None, False),
    ("ตลอดปีงบประมาณ", 12, None, False),
    ("ระยะเวลา 3 เดือน", 3, None, False),
    ("7 วันทำการ", None, 7, True),
    ("ภายใน 7 วันทำการ", None, 7, True),
    ("10 วัน ทำการ", None, 10, True),
    ("ภายใน 7 วัน ทำการ นับตั้งแต่ วันได้รับ แจ้งผล", None, 7, True),
    ("ภายใน 10 วัน ทำการนับ ถัดจาก วันที่ สกก. เวียนแจ้ง", None, 10, True),
    ("7 วันทำการ นับจาก วันที่คณะ กรรมการ ฯ มีมติ", None, 7, True),
    ("7 วันทำการ หลังจากได้รับหนังสือ", None, 7, True),
    ("1 ปี 6 เดือน", 18, None, False),
    ("60 วัน", 2, 60, False),
    ("1-2 เดือน", None, None, False),
    ("1 เดือน 1 เดือน", None, None, False),
    ("15 วัน 1 เดือน", None, None, False),
    ("-", None, None, False),
    ("", None, None, False),
    ("มิ.ย. 53", None, None, False),
    ("ต.ค. 57 - ก.ย. 58", None, None, False),
    ("ไตรมาสที่ 5", None, None, False),
    ("เดือน", None, None, False),
    ("หลายเดือน", None, None, False),
]


@pytest.mark.parametrize("text,months,days,working", DURATIONS)
def test_parse_duration(text, months, days, working):
    d = parse_duration(text)
    assert d.text == text
    if months is None:
        assert d.months is None
    else:
        assert d.months == pytest.approx(months, abs=0.01)
    assert d.days == days
    assert d.working_days is working
    assert d.ok == (months is not None or days is not None)


# --------------------------------------------------------------------------------------------
# Month header cells

MONTH_CELLS = [
    ("ต.ค.", (10,), "ok"), ("พ.ย.", (11,), "ok"), ("ธ.ค.", (12,), "ok"), ("ม.ค.", (1,), "ok"),
    ("ก.พ.", (2,), "ok"), ("มี.ค.", (3,), "ok"), ("เม.ย.", (4,), "ok"), ("พ.ค.", (5,), "ok"),
    ("มิ.ย.", (6,), "ok"), ("ก.ค.", (7,), "ok"), ("ส.ค.", (8,), "ok"), ("ก.ย.", (9,), "ok"),
    ("ต.ค", (10,), "ok"), ("ตค", (10,), "ok"), ("ต. ค.", (10,), "ok"), (" ต.ค. ", (10,), "ok"),
    ("ตุลาคม", (10,), "ok"), ("Oct", (10,), "ok"), ("ต.ค. 52", (10,), "ok"),
    ("ค.ค.", (10,), "corrected"), ("พ.ม.", (11,), "corrected"),
    ("มิ.ค.", (3, 6), "ambiguous"), ("ม.ย.", (4, 6), "ambiguous"),
    ("กรกฏาคม", (7,), "corrected"),
    # Excel's mmm-yy in a Thai locale: the dash joins the month to its year
    ("ต.ค.-66", (10,), "ok"), ("ก.ย.-67", (9,), "ok"),
]


@pytest.mark.parametrize("text,months,status", MONTH_CELLS)
def test_parse_month(text, months, status):
    r = parse_month(text)
    assert (r.months, r.status) == (months, status)
    assert r.month == months[0]
    if status != "ok":
        assert r.note.startswith(text.strip()) and r.fixed


def test_month_with_a_dashed_year_keeps_its_year_and_a_range_is_no_month():
    assert parse_month("ต.ค.-66").year == 2023
    assert parse_month("ต.ค. - พ.ย.").months == ()


def test_parse_month_details():
    r = parse_month("ค.ค.")
    assert (r.fixed, r.note) == ("ต.ค.", "ค.ค. -> ต.ค.")
    assert parse_month("พ.ม.").fixed == "พ.ย."
    # A valid month standing in the wrong column (seed 004: ก.ค. over October): the one-letter
    # neighbours let the extractor accept it as ต.ค. from the column order.
    assert 10 in parse_month("ก.ค.").near
    assert 11 in parse_month("พ.ค.").near
    assert parse_month("ต.ค. 52").year == 2009
    for text in ["", "xyz", "ผลผลิต", "2553", "-", "ปีงบประมาณ 2553", "ต.ค. - ธ.ค.", "ก.พ.ร."]:
        r = parse_month(text)
        assert r.status == "invalid" and r.months == () and r.month is None, text


def test_seed_004_header_rows():
    header = "ค.ค.	พ.ย.	ธ.ค.	ม.ค.	ก.พ.	มี.ค.	เม.ย.	พ.ค.	มิ.ย.	ก.ค.	ส.ค.	ก.ย.".split("\t")
    assert [parse_month(c).month for c in header] == [10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8, 9]
    header = "ค.ค.	พ.ม.	ธ.ค.	ม.ค.	ก.พ.	มี.ค.	เม.ย.	พ.ค.	มิ.ย.	ก.ค.	ก.ย.".split("\t")
    assert [parse_month(c).month for c in header] == [10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 9]


# --------------------------------------------------------------------------------------------
# Fiscal calendar


def test_fiscal_year_bounds():
    assert fiscal_year_bounds(2558) == (date(2014, 10, 1), date(2015, 9, 30))
    assert fiscal_year_bounds(2553) == (date(2009, 10, 1), date(2010, 9, 30))
    assert fiscal_year_bounds(2549) == (date(2005, 10, 1), date(2006, 9, 30))


@pytest.mark.parametrize("d,fy", [
    (date(2014, 10, 1), 2558), (date(2015, 9, 30), 2558), (date(2014, 9, 30), 2557),
    (date(2010, 5, 15), 2553), (date(2009, 12, 31), 2553), (date(2024, 10, 1), 2568),
])
def test_fiscal_year_of(d, fy):
    assert fiscal_year_of(d) == fy
    a, b = fiscal_year_bounds(fy)
    assert a <= d <= b


def test_quarter_bounds():
    assert quarter_bounds(2553, 1) == (date(2009, 10, 1), date(2009, 12, 31))
    assert quarter_bounds(2553, 2) == (date(2010, 1, 1), date(2010, 3, 31))
    assert quarter_bounds(2553, 3) == (date(2010, 4, 1), date(2010, 6, 30))
    assert quarter_bounds(2553, 4) == (date(2010, 7, 1), date(2010, 9, 30))
    for fy in (2549, 2558, 2563):
        a, b = fiscal_year_bounds(fy)
        assert quarter_bounds(fy, 1)[0] == a and quarter_bounds(fy, 4)[1] == b
    with pytest.raises(ValueError):
        quarter_bounds(2553, 5)


# --------------------------------------------------------------------------------------------
# Working days (holidays' Thailand calendar, public + government categories)


def test_fiscal_year_2558_has_242_working_days():
    a, b = fiscal_year_bounds(2558)
    assert working_days_between(a, b) == 242


def test_seven_working_days_after_9_april_2015():
    # Songkran (13-15 April 2015) and the weekends are skipped.
    assert add_working_days(date(2015, 4, 9), 7) == date(2015, 4, 23)


def test_working_day_arithmetic():
    assert not is_working_day(date(2015, 4, 13))          # Songkran
    assert not is_working_day(date(2015, 5, 13))          # Royal Ploughing Ceremony (government)
    assert not is_working_day(date(2015, 4, 11))          # Saturday
    assert is_working_day(date(2015, 4, 9))
    assert add_working_days(date(2015, 4, 9), 0) == date(2015, 4, 9)
    assert add_working_days(date(2015, 4, 23), -7) == date(2015, 4, 9)
    assert working_days_between(date(2015, 4, 10), date(2015, 4, 23)) == 7
    assert working_days_between(date(2015, 4, 23), date(2015, 4, 10)) == 0


def test_working_day_deadlines():
    v = parse_working_day_deadline("ภายใน 7 วันทำการ", date(2015, 4, 9))
    assert (v.start, v.end, v.status, v.granularity) == (date(2015, 4, 23), date(2015, 4, 23), "ok", "day")
    v = parse_working_day_deadline("ภายใน 7 วัน ทำการ นับตั้งแต่ วันได้รับ แจ้งผล", date(2015, 4, 9))
    assert v.start == date(2015, 4, 23)
    # The text's own date is the anchor: 5 Nov 2014 (Wed) + 10 working days = 19 Nov 2014.
    v = parse_working_day_deadline("10 วันทำการ นับถัดจากวันที่ 5 พ.ย. 2557", None)
    assert v.start == date(2014, 11, 19) and "2014-11-05" in v.note
    for text in ["ภายใน 7 วันทำการ หลังจากวันที่ 9 เม.ย. 2558", "7 วันทำการ ถัดจากวันที่ 9 เมษายน 2558",
                 "๗ วันทำการ นับจากวันที่ ๙ เม.ย. ๒๕๕๘"]:
        assert parse_working_day_deadline(text, None).start == date(2015, 4, 23), text
    v = parse_working_day_deadline("ภายใน 10 วัน ทำการนับ ถัดจาก วันที่ สกก. เวียนแจ้ง", None)
    assert v.status == "invalid" and v.start is None
    v = parse_working_day_deadline("ภายใน ตุลาคม 2558", date(2015, 4, 9))
    assert v.status == "invalid"


# --------------------------------------------------------------------------------------------
# Text


def test_thai_digits_matches_pythainlp():
    for text in ["๐๑๒๓๔๕๖๗๘๙", "๕๐,๐๐๐ บาท", "พ.ค. ๕๓", "no digits", "๓๑/๐๓/๒๕๔๙"]:
        assert thai_digits(text) == thai_digit_to_arabic_digit(text)


def test_clean_keeps_sara_am_and_tone_marks():
    assert clean("กำหนด") == "กำหนด"
    assert clean("ก\u0e4d\u0e32หนด") == "กำหนด"           # decomposed sara am from a PDF
    assert clean("ไตรมาสที่ ๓ และ ๔") == "ไตรมาสที่ 3 และ 4"
    assert clean("ม.ค. \u2013 มี.ค.\u00a0 2558") == "ม.ค. - มี.ค. 2558"
    assert clean("พ.ค.\u200b 53") == "พ.ค. 53"
    assert "่" in clean("กุมภาพันธ์ ก่อน")              # tone marks survive


# --------------------------------------------------------------------------------------------
# Long and repetitive inputs (a whole document pasted into a cell) must stay linear: each of
# these took seconds when a pattern was searched at every position.

LONG_INPUTS = ["(" * 50000 + "x", "(a" * 30000 + ")", "1-" * 30000, "ก." * 30000, "ที่ 1 " * 20000,
               "ร้อยละ " * 20000, "1 เดือน " * 10000, "ไตรมาสที่ 9 และ " * 5000]


@pytest.mark.parametrize("text", LONG_INPUTS, ids=lambda t: t[:10])
def test_long_inputs(text):
    from pipeline.normalize import parse_date
    assert parse_date(text, 2553).status == "invalid"
    assert parse_amount(text).value is None
    assert parse_duration(text).months is None
    assert parse_month(text).months == ()


def test_long_repeated_quarter():
    # "ไตรมาสที่ 1 และ ไตรมาสที่ 1 ..." names one quarter, however often.
    from pipeline.normalize import parse_date
    v = parse_date("ไตรมาสที่ 1 และ " * 5000, 2553)
    assert (v.start, v.end, v.granularity) == (date(2009, 10, 1), date(2009, 12, 31), "quarter")
    assert parse_duration("ไตรมาสที่ 1 และ " * 5000).months is None


def test_every_vocabulary_form_reads_as_its_month():
    from pipeline.normalize import parse_date
    from pipeline.normalize.months import MONTHS
    for m, v in MONTHS.items():
        for form in [v["abbr"], v["full"], *v["short"], *v["en"]]:
            r = parse_month(form)
            assert (r.months, r.status) == ((m,), "ok"), form
            d = parse_date(form, 2553)
            assert (d.start.month, d.status) == (m, "ok"), form
        for form in v["misspellings"]:
            r = parse_month(form)
            assert (r.months, r.status) == ((m,), "corrected"), form
            assert parse_date(form + " 2553").start.month == m, form


def test_parse_month_year_in_thai_digits():
    r = parse_month("ต.ค. ๕๒")
    assert (r.month, r.year) == (10, 2009)
    assert parse_month("ก.ย.๒๕๕๓").year == 2010


def test_spreadsheet_values():
    # openpyxl hands over numbers and dates as Python values, not text.
    from datetime import datetime
    from pipeline.normalize import parse_date
    assert parse_amount(50000).value == 50000 and parse_amount(0.5).value == 0.5
    assert parse_amount(float("nan")).value is None
    v = parse_date(datetime(2010, 5, 31, 0, 0))
    assert (v.start, v.end, v.granularity, v.status) == (date(2010, 5, 31), date(2010, 5, 31), "day", "ok")
    assert parse_date(date(2015, 4, 9)).start == date(2015, 4, 9)
