"""parse_date over the hand-checked case table tests/data/dates_cases.tsv, plus dates_tsv."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pipeline.normalize import DATES_HEADER, dates_tsv, parse_date

CASES_FILE = Path(__file__).parent / "data" / "dates_cases.tsv"
COLUMNS = ["text", "fiscal_year", "prefer", "start", "end", "granularity", "status", "note"]


def load_cases() -> list[dict]:
    rows = []
    lines = CASES_FILE.read_text(encoding="utf-8").split("\n")
    assert lines[2].startswith("#") and lines[3].split("\t") == COLUMNS
    for no, line in enumerate(lines[4:], start=5):
        if not line or line.startswith("#"):
            continue
        cells = line.split("\t")
        assert len(cells) == len(COLUMNS), f"line {no}: {len(cells)} cells"
        row = dict(zip(COLUMNS, cells))
        row["line"] = no
        rows.append(row)
    return rows


CASES = load_cases()


def _day(s: str):
    return date.fromisoformat(s) if s else None


def test_case_table_is_large_and_varied():
    assert len(CASES) >= 200
    statuses = {c["status"] for c in CASES}
    grans = {c["granularity"] for c in CASES if c["granularity"]}
    assert statuses == {"ok", "corrected", "ambiguous", "invalid"}
    assert grans == {"day", "month", "quarter", "year", "range"}


@pytest.mark.parametrize("case", CASES, ids=[f"L{c['line']}:{c['text']}" for c in CASES])
def test_case(case):
    fy = int(case["fiscal_year"]) if case["fiscal_year"] else None
    prefer = None
    if case["prefer"]:
        a, b = case["prefer"].split("..")
        prefer = (date.fromisoformat(a), date.fromisoformat(b))
    v = parse_date(case["text"], fy, prefer=prefer)
    got = (v.start, v.end, v.granularity if v.start else "", v.status)
    want = (_day(case["start"]), _day(case["end"]), case["granularity"], case["status"])
    assert got == want, v
    assert case["note"] in v.note, v
    if v.status == "invalid":
        assert v.start is None and v.end is None and v.note
    else:
        assert v.start <= v.end
    if v.status == "corrected":
        assert v.note
    if v.status == "ambiguous":
        assert v.alternatives and "other reading" in v.note
    if v.status == "corrected" and v.fixed:
        # The repaired spelling reads as the same period with nothing left to repair.
        again = parse_date(v.fixed, fy, prefer=prefer)
        assert (again.start, again.end, again.status) == (v.start, v.end, "ok"), (v, again)
    if v.status == "corrected" and "->" in v.note:
        assert v.fixed and v.fixed != v.text


FIXED = [
    ("31 เม.ย. 2553", None, None, "30 เม.ย. 2553"),
    ("11/25/2553", None, None, "25/11/2553"),
    ("31 มิ.ค. 53", None, None, "31 มี.ค. 53"),
    ("กรกฏาคม 2553", None, None, "กรกฎาคม 2553"),
    ("ค.ค. 52", None, None, "ต.ค. 52"),
    ("พ.ม.", 2553, None, "พ.ย."),
    ("Septmber 2015", None, None, "September 2015"),
    ("ม.ย. 53 - พ.ค. 53", None, None, "เม.ย. 53 - พ.ค. 53"),
    ("มิ.ค. 53", None, (date(2010, 6, 1), date(2010, 7, 31)), "มิ.ย. 53"),
    ("มิ.ค. 53", None, None, "มี.ค. 53"),                 # ambiguous: the best reading's spelling
    ("๓๑ เม.ย. ๒๕๕๓", None, None, "30 เม.ย. 2553"),
]


@pytest.mark.parametrize("text,fy,prefer,fixed", FIXED)
def test_fixed_spelling(text, fy, prefer, fixed):
    v = parse_date(text, fy, prefer=prefer)
    assert v.fixed == fixed, v


def test_ambiguous_month_lists_both_readings():
    v = parse_date("มิ.ค. 53")
    assert v.status == "ambiguous"
    assert (v.start, v.end) == (date(2010, 3, 1), date(2010, 3, 31))
    assert v.alternatives == [(date(2010, 6, 1), date(2010, 6, 30))]
    assert v.fixed == "มี.ค. 53"


def test_prefer_settles_seed_004_rows():
    # (3) 2 เดือน ก.พ. 53 -> มิ.ค. 53: two months from February ends in March.
    v = parse_date("มิ.ค. 53", prefer=(date(2010, 2, 1), date(2010, 3, 31)))
    assert (v.start, v.status, v.fixed) == (date(2010, 3, 1), "corrected", "มี.ค. 53")
    assert "มิ.ค. -> มี.ค." in v.note
    # (6) 2 เดือน ม.ย. 53 -> พ.ค. 53: starts in April.
    v = parse_date("ม.ย. 53", prefer=(date(2010, 4, 1), date(2010, 5, 31)))
    assert (v.start, v.status, v.fixed) == (date(2010, 4, 1), "corrected", "เม.ย. 53")


def test_prefer_accepts_datetimes_lists_and_reversed_windows():
    from datetime import datetime
    want = (date(2010, 3, 1), "corrected")
    for window in [(datetime(2010, 2, 1), datetime(2010, 3, 31, 12)),
                   [date(2010, 2, 1), date(2010, 3, 31)],
                   (date(2010, 3, 31), date(2010, 2, 1))]:
        v = parse_date("มิ.ค. 53", prefer=window)
        assert (v.start, v.status) == want, window


def test_result_objects_are_independent():
    a = parse_date("มิ.ค. 53")
    a.alternatives.append((date(2000, 1, 1), date(2000, 1, 1)))
    a.note = "changed"
    b = parse_date("มิ.ค. 53")
    assert len(b.alternatives) == 1 and b.note != "changed"


def test_dates_tsv_contract():
    lines = ["พ.ค. 53", "มิ.ค. 53", "ไตรมาสที่ 3", "xyz", "a\tb", ""]
    out = list(dates_tsv(lines, 2553))
    assert out[0] == DATES_HEADER == "text\tstart\tend\tgranularity\tstatus\tnote"
    assert len(out) == len(lines) + 1
    assert all(row.count("\t") == 5 for row in out)
    assert out[1] == "พ.ค. 53\t2010-05-01\t2010-05-31\tmonth\tok\t"
    assert out[2].startswith("มิ.ค. 53\t2010-03-01\t2010-03-31\tmonth\tambiguous\t")
    assert out[3] == "ไตรมาสที่ 3\t2010-04-01\t2010-06-30\tquarter\tok\t"
    text, start, end, gran, status, note = out[4].split("\t")
    assert (text, start, end, gran, status) == ("xyz", "", "", "", "invalid") and note
    assert out[5].split("\t")[0] == "a b"


def test_dates_tsv_strips_line_endings():
    out = list(dates_tsv(["ต.ค. 57\r\n", "ก.ย. 58\n"], None))
    assert out[1].split("\t")[:3] == ["ต.ค. 57", "2014-10-01", "2014-10-31"]
    assert out[2].split("\t")[:3] == ["ก.ย. 58", "2015-09-01", "2015-09-30"]


def test_fiscal_year_given_as_text():
    assert parse_date("พ.ค.", "2553").start == date(2010, 5, 1)
    assert parse_date("ต.ค.", "๒๕๕๓").start == date(2009, 10, 1)
    assert parse_date("พ.ค.", "not a year").status == "invalid"


# Invisible and look-alike characters from Word and PDF text, kept out of the TSV table so that
# it stays readable.
INVISIBLE = [
    ("พ.ค.\u00a053", date(2010, 5, 1), date(2010, 5, 31)),            # no-break space
    ("พ.ค.\u200b 53", date(2010, 5, 1), date(2010, 5, 31)),           # zero-width space
    ("\ufeffต.ค. 57", date(2014, 10, 1), date(2014, 10, 31)),          # BOM
    ("ม.ค.\u2013มี.ค. 58", date(2015, 1, 1), date(2015, 3, 31)),       # en dash
    ("ม.ค. \u2212 มี.ค. 58", date(2015, 1, 1), date(2015, 3, 31)),     # minus sign
    ("ม.ค.\u2014มี.ค.58", date(2015, 1, 1), date(2015, 3, 31)),        # em dash
    ("31\u00a0มีนาคม\u00a0พ.ศ.\u00a02549", date(2006, 3, 31), date(2006, 3, 31)),
    ("พ.ค.\t53", date(2010, 5, 1), date(2010, 5, 31)),                 # tab inside a cell
    ("พ.ค.\n53", date(2010, 5, 1), date(2010, 5, 31)),                 # wrapped cell
    ("ก\u0e4d\u0e32หนดส่ง 15 ม.ค. 58", date(2015, 1, 15), date(2015, 1, 15)),  # decomposed ำ
    ("ไตรมาสที ่ 3", date(2010, 4, 1), date(2010, 6, 30)),              # tone mark split off
]


@pytest.mark.parametrize("text,start,end", INVISIBLE)
def test_invisible_characters(text, start, end):
    v = parse_date(text, 2553)
    assert (v.start, v.end, v.status) == (start, end, "ok"), v
