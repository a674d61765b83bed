"""Property-based tests of pipeline.normalize (hypothesis)."""
from __future__ import annotations

from datetime import date, datetime, timedelta

from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from pythainlp.util import num_to_thaiword, thai_strftime

from pipeline.normalize import (add_working_days, dates_tsv, fiscal_year_bounds, fiscal_year_of,
                                is_working_day, month_end, parse_amount, parse_date,
                                parse_duration, parse_month, quarter_bounds,
                                working_days_between)
from pipeline.normalize.months import ABBR, FULL

SETTINGS = settings(max_examples=200, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

# thai_strftime styles a Thai document writes. "%D" is left out: it is the US month-first
# "11/05/53", which Thai documents do not use (parse_date reads numbers day-first).
FULL_YEAR_STYLES = ["%d %B %Y", "%-d %B %Y", "%-d %b %Y", "%d %b %Y", "%A %d %B %Y",
                    "%A, %-d %B %Y", "%-d %B พ.ศ. %Y", "วันที่ %-d %B พ.ศ. %Y", "%e %b %Y",
                    "%x", "%d/%m/%Y", "%-d/%-m/%Y", "%d-%m-%Y", "%F", "%v", "%c",
                    "%d %B %Y %H:%M", "ภายในวันที่ %-d %B %Y"]
TWO_DIGIT_STYLES = ["%d %b %y", "%-d %b %y", "%d/%m/%y", "%-d %B %y"]

days = st.dates(min_value=date(1900, 1, 1), max_value=date(2150, 12, 31))
# Two-digit years are Buddhist Era 2500-2599, i.e. 1957-2056.
days_2digit = st.dates(min_value=date(1957, 1, 1), max_value=date(2056, 12, 31))


@SETTINGS
@given(days, st.sampled_from(FULL_YEAR_STYLES), st.booleans())
def test_thai_strftime_full_year_round_trip(d, style, thaidigit):
    text = thai_strftime(datetime(d.year, d.month, d.day, 10, 30), style, thaidigit)
    v = parse_date(text)
    assert (v.start, v.end, v.granularity, v.status) == (d, d, "day", "ok"), (text, v)


@SETTINGS
@given(days_2digit, st.sampled_from(TWO_DIGIT_STYLES), st.booleans())
def test_thai_strftime_two_digit_year_round_trip(d, style, thaidigit):
    text = thai_strftime(datetime(d.year, d.month, d.day), style, thaidigit)
    v = parse_date(text)
    assert (v.start, v.end, v.status) == (d, d, "ok"), (text, v)


@SETTINGS
@given(days, st.sampled_from(["%B %Y", "%b %Y", "เดือน%B %Y", "%b %y", "ภายในเดือน %B พ.ศ. %Y"]),
       st.booleans())
def test_thai_strftime_month_round_trip(d, style, thaidigit):
    if "%y" in style and not 1957 <= d.year <= 2056:
        d = d.replace(day=1, year=2010)
    text = thai_strftime(datetime(d.year, d.month, 1), style, thaidigit)
    v = parse_date(text)
    assert (v.start, v.end, v.granularity, v.status) == \
        (d.replace(day=1), month_end(d.year, d.month), "month", "ok"), (text, v)


def _spellings(abbr: str) -> list[str]:
    a, b = [p for p in abbr.split(".") if p]
    return [f"{a}.{b}.", f"{a}.{b}", f"{a}{b}", f"{a}. {b}.", f"{a}{b}."]


@SETTINGS
@given(st.integers(1, 12), st.integers(2480, 2620), st.integers(0, 4), st.booleans())
def test_every_abbreviation_spelling(month, be, form, two_digit):
    spelt = _spellings(ABBR[month])[form]
    year = f"{be % 100:02d}" if two_digit else str(be)
    ce = (2500 + be % 100 if two_digit else be) - 543
    v = parse_date(f"{spelt} {year}")
    assert (v.start, v.end, v.status) == (date(ce, month, 1), month_end(ce, month), "ok"), v


@SETTINGS
@given(days, days, st.sampled_from([" - ", " – ", "-", " ถึง ", " to "]),
       st.sampled_from(["%-d %b %Y", "%-d %B %Y", "%d/%m/%Y"]))
def test_day_ranges(a, b, sep, style):
    a, b = min(a, b), max(a, b)
    text = thai_strftime(datetime(a.year, a.month, a.day), style) + sep + \
        thai_strftime(datetime(b.year, b.month, b.day), style)
    v = parse_date(text)
    assert (v.start, v.end, v.granularity, v.status) == (a, b, "range", "ok"), (text, v)


@SETTINGS
@given(st.integers(2480, 2620), st.integers(1, 4), st.integers(1, 4),
       st.sampled_from(["ไตรมาสที่ {a}", "ไตรมาส {a}", "ไตรมาสที่ {a} และ {b}", "ไตรมาสที่ {a}-{b}"]))
def test_quarters(fy, q1, q2, style):
    q1, q2 = min(q1, q2), max(q1, q2)
    v = parse_date(style.format(a=q1, b=q2), fy)
    last = q2 if "{b}" in style else q1
    assert (v.start, v.end) == (quarter_bounds(fy, q1)[0], quarter_bounds(fy, last)[1])
    assert v.status == "ok" and fiscal_year_of(v.start) == fiscal_year_of(v.end) == fy


@SETTINGS
@given(st.integers(2400, 2700), st.sampled_from(["ปีงบประมาณ พ.ศ. {}", "ปีงบประมาณ {}",
                                                   "ภายในปีงบประมาณ พ.ศ.{}", "ปีงบฯ {}"]))
def test_fiscal_years(be, style):
    v = parse_date(style.format(be))
    assert (v.start, v.end, v.granularity) == (*fiscal_year_bounds(be), "year")


@SETTINGS
@given(st.integers(1, 12), st.integers(2500, 2599))
def test_month_without_year_uses_fiscal_year(month, fy):
    v = parse_date(ABBR[month], fy)
    assert v.status == "ok" and fiscal_year_of(v.start) == fy and v.start.month == month
    v = parse_date(FULL[month], fy)
    assert v.status == "ok" and fiscal_year_of(v.start) == fy and v.start.month == month


def _check_granularity(v):
    """The bounds have the shape the granularity says."""
    a, b = v.start, v.end
    if v.granularity == "day":
        assert a == b
    elif v.granularity == "month":
        assert a.day == 1 and b == month_end(a.year, a.month) and (a.year, a.month) == (b.year, b.month)
    elif v.granularity == "quarter":
        assert a.day == 1 and a.month in (1, 4, 7, 10)
        assert b == month_end(a.year, a.month + 2)
    elif v.granularity == "year":
        assert (a.month, a.day, b.month, b.day) in ((1, 1, 12, 31), (10, 1, 9, 30))
        assert b.year - a.year in (0, 1)


# Text that looks like dates, to reach deep paths of the grammar.
DATE_ALPHABET = list("0123456789๐๑๒๓๔๕๖๗๘๙ ./-–,()ม.ค.ก.พ.มี.ค.เม.ย.พ.ค.มิ.ย.ส.ต.ธ.ศ.ร.ฟภฏย") + \
    ["ไตรมาสที่", "ปีงบประมาณ", "พ.ศ.", "ค.ศ.", "และ", "ถึง", "ภายใน", "วันที่", "เดือน",
     "วันทำการ", "มกราคม", "กรกฏาคม", "ตุลาคม", "Sept", "ปี", "FY", "Q", "ำ", "\u0e4d"]
date_like = st.lists(st.sampled_from(DATE_ALPHABET), max_size=14).map("".join)
windows = st.one_of(st.none(), st.tuples(days, days).map(lambda p: (min(p), max(p))))


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(max_size=40), date_like), st.one_of(st.none(), st.integers(0, 3000)),
       windows)
@example("มิ.ค.", 2553, None)
@example("31/13/99999999999999999999", None, None)
@example("ไตรมาสที่ 9999999999999999", 2553, None)
@example("ปีงบประมาณ 9999", None, None)
@example("1-2-3-4-5-6", None, None)
def test_arbitrary_text_never_raises(text, fy, prefer):
    v = parse_date(text, fy, prefer=prefer)
    assert v.text == text
    assert v.status in ("ok", "corrected", "ambiguous", "invalid")
    if v.status == "invalid":
        assert v.start is None and v.end is None and v.note
    else:
        assert v.start <= v.end
        assert v.granularity in ("day", "month", "quarter", "year", "range")
        for a, b in v.alternatives:
            assert a <= b
        _check_granularity(v)
    if v.status in ("corrected", "ambiguous"):
        assert v.note
    m = parse_month(text)
    assert m.status in ("ok", "corrected", "ambiguous", "invalid")
    assert all(1 <= x <= 12 for x in m.months)
    parse_duration(text)
    rows = list(dates_tsv([text], fy))
    assert len(rows) == 2 and rows[1].count("\t") == 5


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(max_size=30), st.lists(st.sampled_from(
    list("0123456789๐๕,.-% ") + ["บาท", "ล้าน", "แสน", "หมื่น", "ร้อยละ", "คะแนน", "ห้า", "สิบ",
                                 "ถ้วน", "ไม่น้อยกว่า"]), max_size=10).map("".join)))
def test_parse_amount_never_raises(text):
    a = parse_amount(text)
    assert a.text == text
    assert a.value is None or isinstance(a.value, float)


@SETTINGS
@given(st.integers(0, 10**12), st.booleans(), st.sampled_from(["", " บาท", "บาท"]))
def test_amount_integers_round_trip(n, commas, unit):
    text = (f"{n:,}" if commas else str(n)) + unit
    a = parse_amount(text)
    assert a.value == n and a.unit == unit.strip()


@SETTINGS
@given(st.integers(1, 10**9))
def test_amount_thai_words_round_trip(n):
    a = parse_amount(num_to_thaiword(n) + "บาท")
    assert (a.value, a.unit) == (n, "บาท")


@SETTINGS
@given(st.integers(0, 1000).map(lambda x: x / 4), st.sampled_from(["ร้อยละ {}", "{}%", "{} %"]))
def test_amount_percentages(x, style):
    a = parse_amount(style.format(x))
    assert (a.value, a.unit) == (x, "%")


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=date(2005, 1, 1), max_value=date(2030, 12, 31)), st.integers(1, 60))
def test_working_days_round_trip(d, n):
    end = add_working_days(d, n)
    assert is_working_day(end)
    assert working_days_between(d + timedelta(days=1), end) == n
    assert add_working_days(end, -n) <= d


# The fast path for common cells must agree with the full grammar wherever it answers.
from pipeline.normalize import clean  # noqa: E402
from pipeline.normalize.dates import _fast, _parse_slow  # noqa: E402

from test_normalize_dates import CASES  # noqa: E402

FAST_SHAPES = ["%-d %b %y", "%d %B %Y", "%b %y", "%B %Y", "%-d %B พ.ศ.%Y", "%d/%m/%Y", "%d-%m-%y",
               "ภายในวันที่ %-d %B พ.ศ. %Y", "(ภายในเดือน %b %Y)", "วันที่%-d%b%y", "%b"]


def _agree(text: str, fy):
    t = clean(text)
    fast = _fast(t, fy)
    if fast is not None:
        assert fast == _parse_slow(t, fy, None), text
    return fast is not None


def test_fast_path_agrees_on_case_table():
    answered = sum(_agree(c["text"], int(c["fiscal_year"]) if c["fiscal_year"] else None)
                   for c in CASES)
    assert answered > 50            # the fast path is really used
    assert _fast(clean("ต.ค. 57 - ก.ย. 58"), None) is not None


@SETTINGS
@given(st.dates(min_value=date(1850, 1, 1), max_value=date(2150, 12, 31)),
       st.sampled_from(FAST_SHAPES), st.booleans(), st.one_of(st.none(), st.integers(2400, 2700)),
       st.integers(0, 40))
def test_fast_path_agrees_on_generated_dates(d, style, thaidigit, fy, day_shift):
    text = thai_strftime(datetime(d.year, d.month, d.day), style, thaidigit)
    _agree(text, fy)
    # Impossible days (31 เม.ย.) must not be answered by the fast path.
    _agree(text.replace(thai_strftime(datetime(d.year, d.month, d.day), "%-d", thaidigit),
                        str(day_shift), 1), fy)


@SETTINGS
@given(st.integers(1, 12), st.integers(1, 12), st.one_of(st.none(), st.integers(2400, 2700)),
       st.one_of(st.none(), st.integers(2400, 2700)), st.booleans(), st.booleans(),
       st.sampled_from([" - ", "-", " ถึง ", "ถึง", " – "]), st.one_of(st.none(), st.integers(2400, 2700)))
def test_fast_path_agrees_on_month_ranges(m1, m2, y1, y2, full1, two_digit, sep, fy):
    def write(m, y, full):
        name = FULL[m] if full else ABBR[m]
        if y is None:
            return name
        return f"{name} {y % 100:02d}" if two_digit else f"{name} พ.ศ. {y}"
    _agree(write(m1, y1, full1) + sep + write(m2, y2, not full1), fy)


@SETTINGS
@given(st.one_of(st.text(max_size=30), date_like), st.one_of(st.none(), st.integers(2400, 2700)))
def test_fast_path_agrees_on_arbitrary_text(text, fy):
    _agree(text, fy)


# One letter of an abbreviation misread as a look-alike: never read silently as another month.
from pipeline.normalize.months import _VOCAB  # noqa: E402

_LOOKALIKE = {a: group for group in _VOCAB["lookalikes"] for a in group}
_VALID_ABBRS = {a.replace(".", "") for a in ABBR.values()}


@SETTINGS
@given(st.integers(1, 12), st.data(), st.sampled_from(["{} 53", "{}", "5 {} 2553"]))
def test_lookalike_slips_are_never_silent(month, data, style):
    abbr = ABBR[month]
    positions = [i for i, ch in enumerate(abbr) if ch in _LOOKALIKE]
    i = data.draw(st.sampled_from(positions))
    repl = data.draw(st.sampled_from([c for c in _LOOKALIKE[abbr[i]] if c != abbr[i]]))
    slipped = abbr[:i] + repl + abbr[i + 1:]
    assume(slipped not in ("พ.ศ.", "ค.ศ.", "ร.ศ."))      # a slip into an era marker reads as one
    v = parse_date(style.format(slipped), 2553)
    if v.status == "ok":
        # Only when the slip spells another real month (ก.ค. for ต.ค.) can it read as ok.
        assert slipped.replace(".", "") in _VALID_ABBRS, (slipped, v)
    elif v.status in ("corrected", "ambiguous"):
        # The repair is said: the note names the slipped spelling and what it became.
        assert v.note.startswith(slipped) and "->" in v.note, (slipped, v)
        assert v.fixed and slipped not in v.fixed
        again = parse_date(v.fixed, 2553)
        assert (again.start, again.end, again.status) == (v.start, v.end, "ok"), (v, again)


# Cells composed from the ways officers write each part, with the reading known in advance.
from pipeline.normalize.months import MONTHS  # noqa: E402

_TH_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


def _month_forms(m: int) -> list[str]:
    v = MONTHS[m]
    a, b = [p for p in v["abbr"].split(".") if p]
    return [f"{a}.{b}.", f"{a}.{b}", f"{a}{b}", f"{a}. {b}.", v["full"], *v["short"],
            *(e.capitalize() for e in v["en"])]


@st.composite
def written_dates(draw):
    d = draw(st.dates(min_value=date(1957, 1, 1), max_value=date(2056, 12, 31)))
    with_day = draw(st.booleans())
    month = draw(st.sampled_from(_month_forms(d.month)))
    be = d.year + 543
    year = draw(st.sampled_from([f"{be % 100:02d}", str(be), f"พ.ศ. {be}", f"พ.ศ.{be}",
                                 f"พ. ศ. {be}", str(d.year), f"ค.ศ. {d.year}"]))
    lead = draw(st.sampled_from(["", "ภายใน ", "ณ ", "( ", "ประมาณ "] +
                                (["วันที่ ", "ภายในวันที่ ", "ลงวันที่ "] if with_day else
                                 ["เดือน", "ภายในเดือน ", "เดือน "])))
    day = f"{d.day:0{draw(st.sampled_from([1, 2]))}d} " if with_day else ""
    text = f"{lead}{day}{month} {year}"
    if lead == "( ":
        text += ")"
    if draw(st.booleans()):
        text = text.translate(_TH_DIGITS)
    bounds = (d, d) if with_day else (d.replace(day=1), month_end(d.year, d.month))
    return text, bounds, "day" if with_day else "month"


@settings(max_examples=400, deadline=None)
@given(written_dates())
def test_written_dates(case):
    text, bounds, gran = case
    v = parse_date(text)
    assert ((v.start, v.end), v.granularity, v.status) == (bounds, gran, "ok"), (text, v)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(written_dates(), written_dates(), st.sampled_from([" - ", " – ", "-", " ถึง ", " จนถึง "]))
def test_written_ranges(a, b, sep):
    (ta, ba, _), (tb, bb, _) = sorted([a, b], key=lambda c: c[1])
    assume(ba[1] < bb[0] and "(" not in ta + tb)
    assume(not ta.endswith(("-",)) and "ภายใน" not in tb)
    v = parse_date(ta + sep + tb)
    assert ((v.start, v.end), v.granularity, v.status) == ((ba[0], bb[1]), "range", "ok"), (ta + sep + tb, v)
