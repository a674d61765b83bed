"""parse_date, parse_month and the ``thaiforms dates`` TSV.

A text is cleaned (pipeline.normalize.text.clean), cut into tokens by one compiled regex, and the
token sequence is read by a small grammar: day / month / year / numeric date on each side of an
optional range separator, or a quarter, or a fiscal year. A misspelt month yields one or more
candidate months; every combination is evaluated, impossible ones (a range ending before it
starts) are dropped, and ``prefer`` settles what remains. Never pythainlp.util.thai_strptime:
it reads "5 11 2565" as January.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from itertools import product
from typing import Iterable, Iterator, NamedTuple, Optional

from pipeline import patterns
from schemas.rules import load
from schemas.values import AMBIGUOUS, CORRECTED, INVALID, OK, DateValue

from .calendar import BE_OFFSET, fiscal_year_bounds, fiscal_year_of, month_end, quarter_bounds
from .months import (ABBR, FULL, MONTHS, MonthMatch, MonthReading, lookup_month, month_key,
                     near_months, spelling)
from .text import clean, thai_digits

# ---------------------------------------------------------------------------------------------
# Tokeniser


def _trie(words: list[str]) -> str:
    """An alternation of literal words as a prefix tree: Python's re tries alternatives one by
    one, so ~100 month spellings in a flat list cost ~100 tries at every position."""
    tree: dict = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        end = "" in node
        branches = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and len(branches[0]) == 1 else \
            "(?:" + "|".join(sorted(branches, key=len, reverse=True)) + ")"
        return f"(?:{body})?" if end else body
    return emit(tree)


def _month_regexes() -> tuple[str, str]:
    """(Thai month pattern, English month pattern)."""
    dotted, bare, long_forms, english = [], [], [], []
    for v in MONTHS.values():
        a, b = [p for p in v["abbr"].split(".") if p]
        # Dotted: พ.ค., พ.ค, พ. ค., พค. -- bare (พค, พ ค) must stand alone: two letters inside
        # a Thai word are not a month.
        dotted.append(rf"{a}(?:\s?\.\s?{b}\.?|{b}\.)")
        bare += [a + b, a + " " + b]
        long_forms += [v["full"], *v["short"], *v["misspellings"]]
        english += v["en"]
    # An abbreviation followed by another "X." is an agency's initials (ก.พ.ร.), not a month;
    # a following era marker (ต.ค.พ.ศ.2557) is fine.
    # A mark on its last letter (ต.คุ.: a scan's speck read as sara u) makes it no month as
    # spelt: the abbreviation token below repairs it, and says so.
    abbr = rf"(?<![ก-ฮ]\.)(?:{'|'.join(dotted)})(?![\u0e31\u0e34-\u0e3a\u0e47-\u0e4e])" \
        rf"(?!\.?(?![พคร]\.?\s?ศ)[ก-ฮ]\.)"
    thai = rf"{abbr}|(?:(?<![ก-๛])|(?<=เดือน)){_trie(bare)}(?![ก-๛])|{_trie(long_forms)}"
    return thai, rf"(?<![a-z])(?:{_trie(english)})\.?(?![a-z])"


_MONTH_TH, _MONTH_EN = _month_regexes()
# A scanned abbreviation whose dot OCR read as a vowel under the letter before it (พ.ย. ->
# พุย, ก.ย. -> กุย.): month letters only, standing alone; repaired, and said, by lookup.
_SPECKED_ABBR = "(?<![ก-๛])(?:" + "|".join(sorted(
    rf"{a}[ุู]\.?\s?{b}[ุู]?\.?" for a, b in
    ([p for p in v["abbr"].split(".") if p] for v in MONTHS.values()))) + ")(?![ก-๛])"
_STOP_TH = "(?:" + _trie(
    ["ภายใน", "วันที่", "ตั้งแต่", "แล้วเสร็จ", "ระหว่าง", "เริ่ม", "ก่อน", "กำหนด", "สิ้นสุด", "ถึง",
     "และ", "เดือน", "ปีงบ", "งบประมาณ", "ไตรมาส", "วันทำการ", "ครึ่งปี", "รอบ", "ตลอด", "ทั้งปี",
     "ปัจจุบัน", "เป็นต้นไป"]
    + [f for v in MONTHS.values() for f in (v["full"], *v["short"], *v["misspellings"])]) + ")"

# One pattern, dispatched on the first character class so that each position only tries the
# alternatives that can start there. Group names: the token kind, "_..." for variants.
_TOKEN = patterns.compile("|".join([
    r"(?P<sp>\s+)",
    r"(?=\d)(?:"
    r"(?P<iso>(?<!\d)\d{4}-\d{1,2}-\d{1,2}(?!\d))"
    r"|(?P<nd>(?<![\d.])\d{1,2}\s?(?P<sep>[/.\-])\s?\d{1,2}\s?(?P=sep)\s?(?:\d{4}|\d{2})(?!\d))"
    r"|(?P<time>(?<!\d)\d{1,2}[:.]\d{2}(?:\s?-\s?\d{1,2}[:.]\d{2})?\s?(?:น\.|นาฬิกา)"
    r"|(?<!\d)\d{1,2}:\d{2}(?::\d{2})?(?:\s?-\s?\d{1,2}:\d{2})?)"
    r"|(?P<num>\d+))",
    r"(?P<rng>[-~])|(?P<sl>/)|(?P<and>&)",
    r"(?=[ก-๛])(?:"
    r"(?P<era>[พคร]\s?\.?\s?ศ\.?)"
    # "งบประมาณ พ.ศ. 2568" without ปี is the fiscal year too; before a plain number it is an amount.
    r"|(?P<fy>(?:ประจำ)?ปี\s?(?:งบ(?:\s?ประมาณ|ฯ|\.)?|งปม\.?)|งบ\s?ประมาณ(?=\s?พ\s?\.?\s?ศ))"
    # Reporting rounds: "รอบ 6 เดือน" is the first six months of the fiscal year; halves too.
    r"|(?P<half>ครึ่งปี(?:งบประมาณ)?(?:แรก|หลัง)|(?:ตลอด|ทั้ง)\s?ปี(?:งบประมาณ)?)"
    r"|(?P<round>รอบ(?!ที่|ที)(?:การรายงาน(?:ผล)?)?)"
    r"|(?P<q>ไตร\s?มา[สศษ](?:ที่|ที)?(?:แรก|สุดท้าย)?)"
    r"|(?P<wd>วัน\s?ทำ\s?การ)"
    r"|(?P<wk>(?:วัน)?(?:จันทร์|อังคาร|พุธ|พฤหัสบดี|พฤหัสฯ?|ศุกร์|เสาร์|อาทิตย์)(?:ที่)?"
    r"|^(?:จ|อ|พ|พฤ|ศ|ส|อา)\.?\s+(?=\d))"
    rf"|(?P<mon>{_MONTH_TH})"
    # Abbreviation-shaped but not a month as spelt (มิ.ค., ม.ย., ค.ค., พ.ม.; a scan's speck read
    # as a vowel under a letter, ตุ.ค.): repaired by lookup.
    r"|(?P<abbr>(?<![ก-ฮ]\.)เ?[ก-ฮ][ิีุู]?\s?\.\s?[ก-ฮ][ุู]?\.?(?!\.?(?![พคร]\.?\s?ศ)[ก-ฮ]\.)"
    rf"|{_SPECKED_ABBR})"
    # The end of an open-ended period: "ต.ค. 67 - ปัจจุบัน", "ตั้งแต่ ต.ค. 67 เป็นต้นไป".
    r"|(?P<open>ปัจจุบัน|เป็นต้นไป|ต่อเนื่อง|จนกว่าจะ(?:ดำเนินการ)?แล้วเสร็จ)"
    r"|(?P<rng_th>จนถึง|ถึง)"
    r"|(?P<and_th>และ)"
    r"|(?P<fill>ภายใน|ลงวันที่|วันที่|วันที|ณ|ตั้งแต่|เริ่มต้น|เริ่ม|ระหว่าง|แล้วเสร็จ|สิ้นสุด|ประจำ|ก่อน"
    r"|กำหนดส่ง|กำหนด)"
    r"|(?P<dw>เดือน|สัปดาห์|วัน)"
    r"|(?P<yw>ปี)"
    # Any other Thai word, up to where a known word starts: in run-on Thai
    # ("ส่งภายในเดือนพฤศจิกายน") the month must not be swallowed by the unknown word before it.
    rf"|(?P<th>[ก-๛](?:(?!{_STOP_TH})[ก-๛])*))",
    r"(?=[a-z])(?:"
    r"(?P<fill_en>(?<=\d)(?:st|nd|rd|th)(?![a-z]))"
    r"|(?P<era_en>(?<![a-z])(?:b\.?\s?e|a\.?\s?d|c\.?\s?e)\.?(?![a-z]))"
    r"|(?P<fy_en>(?<![a-z])(?:fy|fiscal year)(?![a-z]))"
    r"|(?P<q_en>(?<![a-z])(?:quarter|q)(?![a-z]))"
    r"|(?P<wd_en>(?<![a-z])working\s?days?(?![a-z]))"
    r"|(?P<wk_en>(?<![a-z])(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?(?![a-z]))"
    rf"|(?P<mon_en>{_MONTH_EN})"
    r"|(?P<open_en>(?<![a-z])(?:present|to\s?date|now|on\s?going|onwards?)(?![a-z]))"
    r"|(?P<rng_en>(?<![a-z])(?:to|until|till|through)(?![a-z]))"
    r"|(?P<and_en>(?<![a-z])and(?![a-z]))"
    r"|(?P<fill_en2>(?<![a-z])(?:of|the|from|by|within|before|in)(?![a-z]))"
    r"|(?P<dw_en>(?<![a-z])(?:months?|weeks?|days?)(?![a-z]))"
    r"|(?P<yw_en>(?<![a-z])year(?![a-z]))"
    r"|(?P<lat>[a-z]+))",
]))
_KIND = {name: name.split("_")[0] for name in _TOKEN.groupindex}
_UPPER = patterns.compile(r"[A-Z]")
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


class _Tok(NamedTuple):
    kind: str            # D N M E FY Q WD DW R AND Y S U O (open end)
    start: int
    end: int
    value: object = None
    raw: str = ""


_ERA = {"พ": "BE", "ค": "CE", "ร": "RS", "b": "BE", "a": "CE", "c": "CE", "B": "BE", "A": "CE",
        "C": "CE"}


_SIMPLE_KINDS = {"fy": "FY", "round": "RD", "wd": "WD", "rng": "R", "and": "AND", "open": "O",
                 "dw": "DW", "yw": "Y", "sl": "S"}
_SKIPPED = frozenset(("sp", "time", "wk", "fill"))
_ND_DIGITS = patterns.compile(r"\d+")


@lru_cache(maxsize=8192)
def _month_of(raw: str) -> MonthMatch | None:
    return lookup_month(month_key(raw))


@lru_cache(maxsize=65536)
def _tokens(text: str) -> tuple[_Tok, ...]:
    low = text.translate(_ASCII_LOWER) if _UPPER.search(text) else text   # same offsets
    out: list[_Tok] = []
    append = out.append
    for m in _TOKEN.finditer(low):
        kind = _KIND[m.lastgroup]
        s, e = m.span()
        if kind in _SKIPPED:
            if not (kind == "fill" and e - s == 1 and out and out[-1].kind == "M" and out[-1].end == s):
                continue
            kind = "th"          # "มิถุนายณ": ณ here ends a misspelt name, it is not the word ณ
        raw = text[s:e]
        simple = _SIMPLE_KINDS.get(kind)
        if simple is not None:
            append(_Tok(simple, s, e, None, raw))
        elif kind == "num":
            append(_Tok("N", s, e, (int(raw), len(raw)), raw))
        elif kind == "mon" or kind == "abbr":
            mm = _month_of(raw)
            append(_Tok("M", s, e, mm, raw) if mm else _Tok("U", s, e, None, raw))
        elif kind == "nd":
            a, b, y = _ND_DIGITS.findall(raw)
            append(_Tok("D", s, e, ("dmy", int(a), int(b), y), raw))
        elif kind == "iso":
            y, mo, d = map(int, raw.split("-"))
            append(_Tok("D", s, e, ("ymd", y, mo, d), raw))
        elif kind == "era":
            append(_Tok("E", s, e, _ERA[raw[0].lower()], raw))
        elif kind == "q":
            # ไตรมาสแรก / ไตรมาสสุดท้าย name their quarter; otherwise a number follows
            append(_Tok("Q", s, e, 1 if raw.endswith("แรก") else 4 if raw.endswith("สุดท้าย") else None, raw))
        elif kind == "half":
            # 1: first half, 2: second half, 0: the whole fiscal year ("ตลอดปี")
            half = 1 if raw.endswith("แรก") else 2 if raw.endswith("หลัง") else 0
            append(_Tok("H", s, e, half, raw))
        else:   # th / lat: a misspelt month name, or a word that is not part of a date
            prev = out[-1] if out else None
            if prev is not None and prev.kind == "M" and prev.end == s and prev.value.long:
                # A name run on into more letters (พฤศจิกาบน): read the whole word instead,
                # unless it is longer than a month name (ตุลาคมนี้ is ตุลาคม + นี้).
                word = month_key(prev.raw + raw)
                mm = lookup_month(word)
                if mm and len(word) <= max(len(FULL[m]) for m in mm.months) + 1:
                    out[-1] = _Tok("M", prev.start, e, mm, prev.raw + raw)
                    continue
            mm = _month_of(raw) if len(raw) >= 4 else None
            append(_Tok("M", s, e, mm, raw) if mm else _Tok("U", s, e, None, raw))
    return tuple(out)


# ---------------------------------------------------------------------------------------------
# Years


class _Bad(Exception):
    """The text cannot be read as a date; the message goes to DateValue.note."""


def _year(n: int, digits: int, era: str | None) -> int:
    """A written year to Common Era. Two digits are Buddhist Era (53 -> 2553 -> 2010); four
    digits are BE from 2400 up, CE below; ร.ศ. counts from 1781 CE."""
    if era == "RS":
        ce = n + 1781
    elif digits == 2:
        ce = (2000 + n if n < 70 else 1900 + n) if era == "CE" else 2500 + n - BE_OFFSET
    elif digits == 4:
        ce = n - BE_OFFSET if n >= 2400 else n
    else:
        raise _Bad(f"year {n} has {digits} digits")
    if not 1800 <= ce <= 2200:
        raise _Bad(f"year {n} is out of range")
    return ce


def _fy_of_year_token(n: int, digits: int, era: str | None) -> int:
    """A written fiscal year to Buddhist Era."""
    return _year(n, digits, era) + BE_OFFSET


# ---------------------------------------------------------------------------------------------
# Grammar


@dataclass
class _Side:
    """One end of a date or range as the tokens state it, before a month is chosen."""
    kind: str                       # day, month, year
    day: Optional[int] = None
    month: Optional[int] = None     # fixed month (numeric dates)
    mtok: Optional[int] = None      # index of the M token whose candidates give the month
    year: Optional[int] = None      # CE
    swapped: str = ""               # note when a numeric date was read month-first
    dtok: Optional[_Tok] = None     # the token holding the day (to respell a repaired day)


def _merge_years(toks: list[_Tok]) -> list[_Tok]:
    """Fold era markers and ปี into the number they qualify: ('YR', (n, digits, era))."""
    out: list[_Tok] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        if t.kind in ("E", "Y"):
            era = t.value if t.kind == "E" else None
            j = i + 1
            while j < len(toks) and toks[j].kind in ("E", "Y"):
                era = era or (toks[j].value if toks[j].kind == "E" else None)
                j += 1
            if j < len(toks) and toks[j].kind == "N":
                n, digits = toks[j].value
                out.append(_Tok("YR", t.start, toks[j].end, (n, digits, era), toks[j].raw))
                i = j + 1
                continue
            if out and out[-1].kind == "N" and out[-1].value[1] == 4 and t.kind == "E":
                n, digits = out[-1].value          # "2558 พ.ศ." / "2015 ค.ศ."
                out[-1] = _Tok("YR", out[-1].start, t.end, (n, digits, era), out[-1].raw)
            i = j                                  # a marker with no year ("ปีงบประมาณ พ.ศ")
            continue
        out.append(t)
        i += 1
    return out


def _yr(t: _Tok) -> int:
    if t.kind == "YR":
        n, digits, era = t.value
    else:
        n, digits = t.value
        era = None
    return _year(n, digits, era)


def _is_year_number(t: _Tok) -> bool:
    return t.kind == "YR" or (t.kind == "N" and t.value[1] in (2, 4))


def _side(toks: list[_Tok], index: dict[int, int]) -> _Side:
    """Read one side of a range. ``index`` maps a token's id() to its position in the text's
    token list (the key of month choices)."""
    kinds = "".join("M" if t.kind == "M" else "Y" if t.kind == "YR" else t.kind for t in toks)
    if kinds == "D":
        v = toks[0].value
        if v[0] == "ymd":
            _, y, mo, d = v
            return _Side("day", day=d, month=mo, year=_year(y, 4, None), dtok=toks[0])
        _, a, b, yraw = v
        if _item_number(toks[0].raw, yraw):
            raise _Bad(f"{toks[0].raw} is an item number, not a date")
        year = _year(int(yraw), len(yraw), None)
        return _numeric_dmy(a, b, year, toks[0])
    if kinds.startswith("NM") and not 1 <= toks[0].value[0] <= 31:
        raise _Bad(f"day {toks[0].value[0]} does not exist")
    if kinds in ("NMN", "NMY") and _is_year_number(toks[2]):
        return _Side("day", day=toks[0].value[0], mtok=index[id(toks[1])], year=_yr(toks[2]),
                     dtok=toks[0])
    if kinds == "NM":
        return _Side("day", day=toks[0].value[0], mtok=index[id(toks[1])], dtok=toks[0])
    if kinds in ("MN", "MY") and _is_year_number(toks[1]):
        return _Side("month", mtok=index[id(toks[0])], year=_yr(toks[1]))
    if kinds in ("MNN", "MNY") and toks[1].value[1] <= 2 and toks[1].value[0] <= 31 \
            and (toks[2].kind == "YR" or toks[2].value[1] == 4):
        # English order: "January 15, 2015"
        return _Side("day", day=toks[1].value[0], mtok=index[id(toks[0])], year=_yr(toks[2]),
                     dtok=toks[1])
    if kinds == "M":
        return _Side("month", mtok=index[id(toks[0])])
    if kinds == "Y" or (kinds == "N" and toks[0].value[1] == 4):
        return _Side("year", year=_yr(toks[0]))
    if kinds in ("NNN", "NNY") and toks[0].value[1] <= 2 and toks[1].value[1] <= 2 \
            and _is_year_number(toks[2]):
        return _numeric_dmy(toks[0].value[0], toks[1].value[0], _yr(toks[2]), toks[0])
    if kinds in ("NSN", "NSY") and toks[0].value[1] <= 2:
        a, b = toks[0].value[0], toks[2]
        if b.kind == "YR" or b.value[1] == 4 or (b.value[0] > 12 and b.value[1] == 2):
            if not 1 <= a <= 12:
                raise _Bad(f"month {a} does not exist")
            return _Side("month", month=a, year=_yr(b))
        return _numeric_dmy(a, b.value[0], None)
    if kinds == "N" and 1 <= toks[0].value[0] <= 31:
        return _Side("day", day=toks[0].value[0], dtok=toks[0])   # "1" of "1-15 ม.ค. 58"
    if kinds in ("MN", "NMN") and toks[-1].value[1] not in (2, 4):
        raise _Bad(f"year {toks[-1].raw} has {toks[-1].value[1]} digits")
    raise _Bad("not a date")


# A dotted triple whose two-digit year would be before 2540 BE (1997) is an outline number
# ("ข้อ 2.1.10", "ตัวชี้วัด 1.2.15"), not a date: plans and reports write recent years.
_ITEM_YEAR = 40


def _item_number(raw: str, yraw: str) -> bool:
    return "." in raw and len(yraw) == 2 and int(yraw) < _ITEM_YEAR


def _numeric_dmy(a: int, b: int, year: int | None, tok: _Tok | None = None) -> _Side:
    """Day-first, as Thai documents write it; month-first only when day-first is impossible."""
    if 1 <= b <= 12:
        return _Side("day", day=a, month=b, year=year, dtok=tok)
    if 1 <= a <= 12 and 13 <= b <= 31:
        return _Side("day", day=b, month=a, year=year, dtok=tok,
                     swapped=f"{a}/{b} read month-first ({b} is not a month)")
    raise _Bad(f"month {b} does not exist")


_DIGITS = patterns.compile(r"\d+")


def _respell_day(tok: _Tok, old_day: int, new_day: int | None, swap: bool = False) -> str:
    """A day token written again: the day replaced (31 -> 30), or day and month swapped."""
    nums = list(_DIGITS.finditer(tok.raw))
    if swap and len(nums) >= 2:
        a, b = nums[0], nums[1]
        r = tok.raw
        return r[:a.start()] + b.group() + r[a.end():b.start()] + a.group() + r[b.end():]
    for m in nums:
        if int(m.group()) == old_day:
            return tok.raw[:m.start()] + str(new_day).zfill(len(m.group())) + tok.raw[m.end():]
    return tok.raw


@dataclass
class _Reading:
    """One way of reading a date text: the period it gives and the choices made."""
    start: date
    end: date
    choice: dict          # M-token position -> chosen month
    notes: list
    gap: bool = False     # the two sides of a range do not touch (มิ.ย. และ ก.ย.)


def _side_bounds(s: _Side, month: int, year: int, notes: list) -> tuple[date, date]:
    if s.kind == "year":
        return date(year, 1, 1), date(year, 12, 31)
    last = month_end(year, month)
    if s.kind == "month":
        return date(year, month, 1), last
    if not 1 <= s.day <= 31:
        raise _Bad(f"day {s.day} does not exist")
    if s.day > last.day:
        notes.append(f"day {s.day} -> {last.day} (the month has {last.day} days)")
        if s.dtok is not None:
            notes.append(("edit", s.dtok, _respell_day(s.dtok, s.day, last.day)))
        return last, last
    d = date(year, month, s.day)
    return d, d


def _fy_year(month: int, fy: int) -> int:
    """Calendar year (CE) of a month in fiscal year fy (BE): Oct–Dec fall in the year before."""
    return fy - BE_OFFSET - (1 if month >= 10 else 0)


def _readings(sides: list[_Side], toks: list[_Tok], fiscal_year: int | None,
              prefer: tuple[date, date] | None) -> list[_Reading]:
    # Month candidates per side (a numeric month is certain; a year side has none).
    options = []
    for s in sides:
        if s.kind == "year":
            options.append([None])
        elif s.mtok is not None:
            options.append(list(toks[s.mtok].value.months))
        elif s.month is not None:
            options.append([s.month])
        else:
            options.append([None])       # bare day: month comes from the other side
    # Fiscal years to try when the text gives no year at all.
    fys: list[int | None] = [None]
    if all(s.year is None for s in sides):
        if fiscal_year is not None:
            fys = [fiscal_year]
        elif prefer is not None:
            fys = sorted({fiscal_year_of(prefer[0]), fiscal_year_of(prefer[1])})
        else:
            raise _Bad("no year (give the fiscal year)")
    out = []
    errors = []
    for months in product(*options):
        for fy in fys:
            try:
                out.append(_one_reading(sides, toks, list(months), fy))
            except _Bad as e:
                errors.append(str(e))
    if not out:
        raise _Bad(errors[0] if errors else "not a date")
    return out


def _one_reading(sides: list[_Side], toks: list[_Tok], months: list, fy: int | None) -> _Reading:
    notes: list[str] = []
    choice = {s.mtok: m for s, m in zip(sides, months) if s.mtok is not None}
    if len(sides) == 2:
        left, right = sides
        lm, rm = months
        if left.kind == "day" and lm is None:          # "1 - 15 ม.ค. 58"
            if rm is None:
                raise _Bad("a day range needs a month")
            lm = rm
        if left.kind == "year" or right.kind == "year":
            if left.kind != right.kind:
                raise _Bad("a year cannot be ranged with a month or a day")
        ly, ry = left.year, right.year
        if ly is None and ry is None:
            ly = _fy_year(lm, fy)
        if ly is None:
            ly = ry - (1 if (lm, left.day or 0) > (rm, right.day or 99) else 0)
        if ry is None:
            ry = ly + (1 if (rm, right.day or 99) < (lm, left.day or 0) else 0)
        s0, e0 = _side_bounds(left, lm, ly, notes)
        s1, e1 = _side_bounds(right, rm, ry, notes)
        if e1 < s0:
            raise _Bad("the range ends before it starts")
        return _Reading(s0, e1, choice, notes, gap=(s1 - e0).days > 1)
    (s,), (m,) = sides, months
    if s.kind == "day" and m is None:
        raise _Bad("a day needs a month")
    y = s.year if s.year is not None else _fy_year(m, fy)
    a, b = _side_bounds(s, m, y, notes)
    return _Reading(a, b, choice, notes)


# ---------------------------------------------------------------------------------------------
# Quarters and fiscal years


def _numbers_after(toks: list[_Tok], i: int) -> tuple[list[int], int]:
    """Numbers of a quarter list after position i: "3 และ 4", "3-4", "1, 2", "ที่ 3 และไตรมาสที่ 4"."""
    nums: list[int] = []
    j = i
    through = False                  # "1-4" / "1 ถึง 4": every quarter from 1 to 4
    if i and toks[i - 1].kind == "Q" and toks[i - 1].value:
        nums.append(toks[i - 1].value)
    while j < len(toks) and toks[j].kind in ("N", "AND", "R", "Q"):
        x = toks[j]
        n = None
        if x.kind == "Q" and x.value:
            n = x.value
        elif x.kind == "N":
            if x.value[1] > 1:
                break
            n = x.value[0]
        elif x.kind == "R":
            through = True
        if n is not None:
            if through and nums and 1 <= nums[-1] < n <= 4:
                nums.extend(range(nums[-1] + 1, n))
            nums.append(n)
            through = False
        j += 1
    return nums, j


def _quarters(toks: list[_Tok], fiscal_year: int | None, prefer) -> tuple[date, date, str, str]:
    qi = next(i for i, t in enumerate(toks) if t.kind == "Q")
    if any(t.kind == "M" for t in toks):
        raise _Bad("a quarter with a month")
    nums, j = _numbers_after(toks, qi + 1)
    if not nums:
        raise _Bad("quarter without a number")
    bad = [n for n in nums if not 1 <= n <= 4]
    if bad:
        raise _Bad(f"quarter {bad[0]} does not exist")
    rest = [t for t in toks[j:] if t.kind not in ("FY", "S")]
    fy = None
    if rest:
        if len(rest) == 1 and _is_year_number(rest[0]):
            fy = _fy_of_year_token(*(rest[0].value if rest[0].kind == "YR" else (*rest[0].value, None)))
        else:
            raise _Bad("not a date")
    if qi >= 2 and toks[qi - 2].kind == "FY" and _is_year_number(toks[qi - 1]):
        # The fiscal year first: "ปีงบประมาณ 2568 ไตรมาสที่ 3", "FY2025 Q3".
        before = _yr(toks[qi - 1]) + BE_OFFSET
        if fy is not None and fy != before:
            raise _Bad(f"fiscal year {before} and {fy} for one quarter")
        fy = before
    note = ""
    if fy is None:
        if fiscal_year is not None:
            fy = fiscal_year
        elif prefer is not None and fiscal_year_of(prefer[0]) == fiscal_year_of(prefer[1]):
            fy = fiscal_year_of(prefer[0])
        else:
            raise _Bad("a quarter needs a fiscal year")
    qs = sorted(set(nums))
    if qs != list(range(qs[0], qs[-1] + 1)):
        note = "quarters " + ", ".join(map(str, qs)) + " are not consecutive"
    start = quarter_bounds(fy, qs[0])[0]
    end = quarter_bounds(fy, qs[-1])[1]
    return start, end, "quarter" if len(qs) == 1 else "range", note


def _quarter_with_months(t: str, toks: list[_Tok], fiscal_year, prefer) -> tuple:
    """"ไตรมาส 1 (ต.ค.-ธ.ค. 57)": the months are read; a quarter that disagrees with them is
    given as the other reading."""
    qi = next(i for i, x in enumerate(toks) if x.kind == "Q")
    nums, j = _numbers_after(toks, qi + 1)
    # "Q3/2558 (Jul-Sep)", "ไตรมาส 1 ปีงบประมาณ 2558 (ต.ค.-ธ.ค.)": the quarter's year places the months
    if j + 1 < len(toks) and toks[j].kind in ("S", "FY") and _is_year_number(toks[j + 1]):
        fiscal_year = _yr(toks[j + 1]) + BE_OFFSET
        j += 2
    rest = toks[:qi] + toks[j:]
    while rest and rest[0].kind in ("R", "AND"):
        rest = rest[1:]
    while rest and rest[-1].kind in ("R", "AND"):
        rest = rest[:-1]
    if any(x.kind == "Q" for x in rest):
        raise _Bad("not a date")
    res = _parse_tokens(t, rest, fiscal_year, prefer)
    if not nums or not all(1 <= n <= 4 for n in nums) or res[3] == AMBIGUOUS:
        return res
    fy = fiscal_year_of(res[0])
    q = (quarter_bounds(fy, min(nums))[0], quarter_bounds(fy, max(nums))[1])
    if (res[0], res[1]) == q:
        return res
    note = (res[4] + "; " if res[4] else "") + \
        f"quarter {'-'.join(map(str, sorted(set(nums))))} does not match the months; other reading: {_fmt_period(*q)}"
    return res[0], res[1], res[2], AMBIGUOUS, note, (q,), res[6]


def _fiscal_years(toks: list[_Tok], fiscal_year: int | None) -> tuple[date, date, str]:
    if sum(t.kind == "FY" for t in toks) > 1:
        # "ปีงบประมาณ พ.ศ. 2566 (Fiscal Year 2023)": the same year said twice is one year.
        years = {_yr(t) for t in toks if _is_year_number(t)}
        if len(years) == 1 and all(t.kind == "FY" or _is_year_number(t) for t in toks):
            a, b = fiscal_year_bounds(years.pop() + BE_OFFSET)
            return a, b, "year"
        raise _Bad("not a date")
    rest = [t for t in toks if t.kind != "FY"]
    years = [t for t in rest if t.kind != "R"]
    if not years:
        if fiscal_year is None:
            raise _Bad("fiscal year without a year")
        a, b = fiscal_year_bounds(fiscal_year)
        return a, b, "year"
    shape = [t.kind == "R" for t in rest]
    if not all(_is_year_number(t) for t in years) or shape not in ([False], [False, True, False]):
        raise _Bad("not a date")
    be = [_yr(t) + BE_OFFSET for t in years]
    a = fiscal_year_bounds(be[0])[0]
    b = fiscal_year_bounds(be[-1])[1]
    if b < a:
        raise _Bad("the range ends before it starts")
    return a, b, "year" if len(be) == 1 else "range"


# ---------------------------------------------------------------------------------------------
# parse_date


def _fmt_period(a: date, b: date) -> str:
    return a.isoformat() if a == b else f"{a.isoformat()}..{b.isoformat()}"


@lru_cache(maxsize=65536)
def _parse(text: str, fiscal_year: int | None, prefer: tuple[date, date] | None) -> tuple:
    """(start, end, granularity, status, note, alternatives, fixed); cached, callers get copies."""
    t = clean(text)
    if not t:
        return None, None, "", INVALID, "empty", (), ""
    if fiscal_year is not None and not 1800 + BE_OFFSET < fiscal_year <= 2200 + BE_OFFSET:
        return None, None, "", INVALID, f"fiscal year {fiscal_year} is out of range", (), ""
    serial = _excel_serial(t)
    if serial is not None:
        return serial, serial, "day", OK, f"Excel date serial {t}", (), ""
    month = _year_month(t)
    if month is not None:
        return month
    fast = _fast(t, fiscal_year)
    if fast is not None:
        return fast
    return _parse_slow(t, fiscal_year, prefer)


# A date cell an export wrote as Excel's day number (a cell formatted General, or a sheet saved as
# CSV): 36526 is 1 Jan 2000, 54789 is 31 Dec 2049; a fraction is the time of day. Nothing else in
# a date cell is a bare five-digit number (a year has four digits, a Thai date has a month).
_SERIAL = patterns.compile(r"([0-9]{5})(?:\.[0-9]+)?")
_SERIALS = (36526, 54789)
# Excel's day 0 as its day numbers count after 28 Feb 1900 (it treats 1900 as a leap year);
# written here rather than openpyxl.utils.datetime.from_excel, whose import costs ≈0.3 s in a
# process that reads no spreadsheet.
_EXCEL_EPOCH = date(1899, 12, 30)


# A month in figures with its year first (`2025-11`, ISO 8601's year and month; `2568/11`) or after
# a dash (`11-2568`); `11/2568` the grammar reads. A dot is left alone (`2568.10` may be a figure),
# and a second number above 12 is no month (`2568-69` is two fiscal years).
_YEAR_MONTH = patterns.compile(r"([0-9]{4})[-/]([0-9]{1,2})|([0-9]{1,2})-([0-9]{4})")


def _year_month(t: str) -> tuple | None:
    m = _YEAR_MONTH.fullmatch(t)
    if m is None:
        return None
    year, month = (_fast_year(m[1]), int(m[2])) if m[1] else (_fast_year(m[4]), int(m[3]))
    if not 1 <= month <= 12 or year is None or year < 0:
        return None
    return date(year, month, 1), month_end(year, month), "month", OK, "", (), ""


def _excel_serial(t: str) -> date | None:
    m = _SERIAL.fullmatch(t)
    if m is None or not _SERIALS[0] <= int(m.group(1)) <= _SERIALS[1]:
        return None
    return date.fromordinal(_EXCEL_EPOCH.toordinal() + int(m.group(1)))


def _parse_slow(t: str, fiscal_year: int | None, prefer: tuple[date, date] | None) -> tuple:
    try:
        if "ปี" in t:
            part = _part_of_year(t, fiscal_year, prefer)
            if part is not None:
                return part
        toks = list(_tokens(t))
        res = _parse_tokens(t, toks, fiscal_year, prefer)
        if res[3] != INVALID and any(x.kind == "E" for x in toks):
            res = _era_slips(t, toks, res)
        return res
    except _Bad as e:
        listed = None
        if _LIST_SEP.search(t):
            listed = _listed(t, fiscal_year, prefer)
        elif " " in t:
            cut = _month_run(t)
            if cut:
                listed = _listed(cut, fiscal_year, prefer)
        if listed is not None:
            return listed
        return None, None, "", INVALID, str(e), (), ""
    except (ValueError, OverflowError) as e:     # a date out of datetime's range
        return None, None, "", INVALID, f"not a date ({e})", (), ""


# A list of months or days ("ต.ค. 67, พ.ย. 67", "ต.ค. 67 / พ.ย. 67", "ต.ค., ธ.ค. 67 และ ก.พ. 68",
# "1, 15 ต.ค. 67"): the period from the first item to the last. Consecutive items cover that
# period; items with gaps between them are ambiguous (the activity happens in those months
# only), and the note names them. Only read when the text as a whole is not a date, so "1,000",
# "วันอังคาร, 02 สิงหาคม 2559" and "1/10/2567" keep their readings. A slash between two numbers
# is a date's, and a comma between two digits a number's ("1,2 ธ.ค. 57" stays unread); two items
# joined by และ alone are a range (see _parse_tokens).
_LIST_SEP = patterns.compile(r"\s*(?:,(?!\d)|(?<!\d),|[;、]|(?<!\d)\s*/\s*|\s*/\s*(?!\s*\d)|\s+/\s+|\s*และ\s*|&)\s*")
_LIST_YEAR = patterns.compile(r"(?:[พคร]\s?\.?\s?ศ\.?\s?|ปี\s?)?(?<!\d)(?:\d{4}|\d{2})(?!\d)\s*\)?\s*$")


@lru_cache(maxsize=1)
def _list_month() -> re.Pattern:
    # compiled on first use: lists are read only when a text is no date as a whole, and the
    # months' pattern is the costliest to compile at start-up
    return re.compile(rf"(?:{_MONTH_TH}|{_MONTH_EN}).*$")

_LIST_MAX = 24
_LAST_NUMBER = patterns.compile(r"\d+(?=\D*$)")


def _month_run(t: str) -> str:
    """"ต.ค. พ.ย. ธ.ค. 67": months written one after another with spaces only, each with or
    without its year, as a list with commas ("ต.ค., พ.ย., ธ.ค. 67"); "" for any other text."""
    toks = [x for x in _tokens(t)]
    if sum(x.kind == "M" for x in toks) < 2 or toks[0].kind != "M" \
            or any(x.kind not in ("M", "N", "E", "Y") for x in toks):
        return ""
    cuts = [x.start for i, x in enumerate(toks) if x.kind == "M" and i]
    if any(toks[i - 1].kind == "N" and toks[i - 1].value[1] not in (2, 4)
           for i, x in enumerate(toks) if x.kind == "M" and i):
        return ""
    parts, last = [], 0
    for c in cuts:
        parts.append(t[last:c].strip())
        last = c
    parts.append(t[last:].strip())
    return ", ".join(parts)


def _listed(t: str, fiscal_year: int | None, prefer) -> tuple | None:
    items = [x.strip() for x in _LIST_SEP.split(t)]
    if len(items) < 2 or len(items) > _LIST_MAX or not all(items):
        return None
    # An item without a month or a year takes them from the next item that writes them:
    # "1, 15 ต.ค. 67" is 1 ต.ค. 67 and 15 ต.ค. 67; "ต.ค., ธ.ค. 67" is ต.ค. 67 and ธ.ค. 67.
    whole, lent = [], []
    for i, item in enumerate(items):
        text = item
        lent.append(False)
        if text.isdigit() and len(text) <= 2:
            tail = next((m.group() for x in items[i + 1:]
                         for m in [_list_month().search(x.translate(_ASCII_LOWER))] if m), None)
            if tail is None:
                return None
            text = f"{text} {tail}"
        elif not _LIST_YEAR.search(text):
            tail = next((m.group() for x in items[i + 1:] for m in [_LIST_YEAR.search(x)] if m), None)
            if tail is not None:
                text, lent[i] = f"{text} {tail}", True
        whole.append(text)
    read = [_parse(x, fiscal_year, prefer) for x in whole]
    for i in range(len(read) - 2, -1, -1):
        # a borrowed year runs back over a new year: "พ.ย., ธ.ค. และ ม.ค. 68" is พ.ย. 67
        if lent[i] and read[i][0] is not None and read[i + 1][0] is not None \
                and read[i][0] > read[i + 1][0]:
            whole[i] = _LAST_NUMBER.sub(lambda m: str(int(m.group()) - 1).zfill(len(m.group())), whole[i])
            read[i] = _parse(whole[i], fiscal_year, prefer)
    if any(r[3] == INVALID or r[2] not in ("day", "month") or r[5] for r in read):
        return None        # each item one day or one month, read one way
    for a, b in zip(read, read[1:]):
        if b[0] <= a[1]:
            return None    # not in order: not a list of dates
    start, end = read[0][0], read[-1][1]
    notes = [r[4] for r in read if r[4]]
    status = CORRECTED if any(r[3] == CORRECTED for r in read) else OK
    if any((b[0] - a[1]).days > 1 for a, b in zip(read, read[1:])):
        status = AMBIGUOUS
        named = ", ".join(_fmt_period(r[0], r[1]) if r[2] == "day" else f"{r[0]:%Y-%m}" for r in read)
        notes.append(f"a list ({named}) read as the period from the first to the last; "
                     "only the listed " + ("days" if read[0][2] == "day" else "months"))
        # the reading written as a range, for a report of what the list was read as
        short = bool(re.search(r"(?<!\d)\d{2}\s*\)?\s*$", t))

        def say(d: date, day: bool) -> str:
            y = d.year + BE_OFFSET
            text = f"{ABBR[d.month]} {y % 100:02d}" if short else f"{ABBR[d.month]} {y}"
            return f"{d.day} {text}" if day else text
        return start, end, "range", status, "; ".join(notes), (), \
            f"{say(start, read[0][2] == 'day')} - {say(end, read[-1][2] == 'day')}"
    fixed = ""
    if status == CORRECTED:
        fixed = t
        for item, text, r in zip(items, whole, read):
            if r[6] and item == text:
                fixed = fixed.replace(item, r[6], 1)
    return start, end, "range", status, "; ".join(notes), (), fixed


# Part of a year: "ปลายปีงบประมาณ 2568" is the fiscal year's last quarter (Jul-Sep 2025),
# "ต้นปีงบประมาณ" its first (Oct-Dec), "กลางปีงบประมาณ" the two middle quarters (Jan-Jun),
# "สิ้นปีงบประมาณ" its last month (as "สิ้นเดือน ธ.ค." is December). "ปลายปี 2568" without งบประมาณ
# is the calendar year's (Oct-Dec 2025) or, in a fiscal-year plan, the fiscal year's: ambiguous,
# the other reading in the note, unless the plan's fiscal year or the neighbouring dates hold
# only one of them.
_PART_OF_YEAR = patterns.compile(r"(?P<part>ต้น|กลาง|ปลาย|สิ้น)\s?ปี\s?(?P<fy>งบ\s?ประมาณ|งบฯ?\.?|งปม\.?)?")
_PART_LEAD = patterns.compile(r"(?:\s|\(|ภายใน|ใน|ช่วง|ราว|ประมาณ|ก่อน)*")
_PART_FY = {"ต้น": ((1, 1), "first quarter"), "กลาง": ((2, 3), "middle two quarters"),
            "ปลาย": ((4, 4), "last quarter"), "สิ้น": ((4, 4), "last month")}
_PART_CAL = {"ต้น": ((1, 3), "first quarter"), "กลาง": ((4, 9), "middle six months"),
             "ปลาย": ((10, 12), "last quarter"), "สิ้น": ((12, 12), "last month")}


def _part_bounds(part: str, fy: int | None, cal: int | None) -> tuple[date, date, str, str]:
    if fy is not None:
        (q0, q1), what = _PART_FY[part]
        a, b = quarter_bounds(fy, q0)[0], quarter_bounds(fy, q1)[1]
        if part == "สิ้น":
            return date(b.year, 9, 1), b, "month", f"the {what} of fiscal year {fy}"
        return a, b, "quarter" if q0 == q1 else "range", f"the {what} of fiscal year {fy}"
    (m0, m1), what = _PART_CAL[part]
    gran = "month" if m0 == m1 else "quarter" if m1 - m0 == 2 else "range"
    return date(cal, m0, 1), month_end(cal, m1), gran, f"the {what} of {cal + BE_OFFSET}"


def _part_of_year(t: str, fiscal_year: int | None, prefer) -> tuple | None:
    m = _PART_OF_YEAR.search(t)
    if m is None or not _PART_LEAD.fullmatch(t, 0, m.start()):
        return None
    rest = [x for x in _merge_years(list(_tokens(t[m.end():]))) if x.kind != "U"]
    if any(not _is_year_number(x) for x in rest) or len(rest) > 1:
        return None
    said = t[m.start():m.end()].strip()
    year = _yr(rest[0]) if rest else None
    if year is None:
        fy = fiscal_year
        if fy is None and prefer is not None and fiscal_year_of(prefer[0]) == fiscal_year_of(prefer[1]):
            fy = fiscal_year_of(prefer[0])
        if fy is None:
            raise _Bad(f"{said} without a year (give the fiscal year)")
        a, b, gran, what = _part_bounds(m["part"], fy, None)
        return a, b, gran, OK, f"{said} read as {what}", (), ""
    be = year + BE_OFFSET
    if m["fy"]:
        a, b, gran, what = _part_bounds(m["part"], be, None)
        return a, b, gran, OK, f"{said} read as {what}", (), ""
    readings = [_part_bounds(m["part"], None, year), _part_bounds(m["part"], be, None)]
    window = prefer or (fiscal_year_bounds(fiscal_year) if fiscal_year is not None else None)
    if window is not None:
        inside = [r for r in readings if window[0] <= r[0] and r[1] <= window[1]]
        if len(inside) == 1:
            a, b, gran, what = inside[0]
            other = readings[1] if inside[0] is readings[0] else readings[0]
            whose = "calendar year" if other is readings[0] else "fiscal year"
            return a, b, gran, OK, (f"{said} {be} read as {what} (within the plan's period); "
                                    f"the {whose}'s would be {_fmt_period(other[0], other[1])}"), (), ""
    (a, b, gran, what), (fa, fb, _, fwhat) = readings
    return a, b, gran, AMBIGUOUS, (f"{said} read as {what}; other reading: {_fmt_period(fa, fb)} "
                                   f"({fwhat})"), ((fa, fb),), ""


# Fast path for the commonest cells (พ.ค. 53, 31 มีนาคม พ.ศ.2549, 31/03/2549, ต.ค. with a fiscal
# year): correctly spelt, plainly valid texts skip the tokeniser. Anything unusual returns None
# and goes through the full grammar; tests check both paths agree.
_FAST_MONTHS: dict[str, int] = {}
for _m, _v in MONTHS.items():
    _a = _v["abbr"]
    for _form in (_a, _a[:-1], _a.replace(".", ""), _a.replace(".", "") + ".", _v["full"], *_v["short"]):
        _FAST_MONTHS[_form] = _m
_FAST_LEAD = r"(?:[( ]|ภายใน|ลงวันที่|วันที่|เดือน|ณ|แล้วเสร็จ|ก่อน|กำหนดส่ง)*"
# พ.ศ. only before a Buddhist-Era year: "พ.ศ. 2015" is left to the full grammar, which says so.
_FAST_BE = r"(?:พ\.ศ\.? ?(?=2[4-9]\d\d(?!\d)|\d\d(?!\d)))?"
_FAST_WORDS = patterns.compile(
    _FAST_LEAD + r"(?:(\d{1,2}) ?)?([^\d\s()]+?) ?" + _FAST_BE + r"(\d{4}|\d{2})?[ )]*")
_FAST_RANGE = patterns.compile(
    _FAST_LEAD + r"([^\d\s()\-]+?) ?" + _FAST_BE + r"(\d{4}|\d{2})? ?(?:-|ถึง) ?"
    r"([^\d\s()\-]+?) ?" + _FAST_BE + r"(\d{4}|\d{2})?[ )]*")
_FAST_NUMERIC = patterns.compile(_FAST_LEAD + r"(\d{1,2})([/.\-])(\d{1,2})\2(\d{4}|\d{2})[ )]*")


def _fast_year(y: str | None) -> int | None:
    if y is None:
        return None
    n = int(y)
    year = 2500 + n - BE_OFFSET if len(y) == 2 else (n - BE_OFFSET if n >= 2400 else n)
    return year if 1800 <= year <= 2200 else -1


def _fast(t: str, fiscal_year: int | None) -> tuple | None:
    m = _FAST_WORDS.fullmatch(t)
    if m:
        month = _FAST_MONTHS.get(m[2])
        if month is None:
            return None
        day = int(m[1]) if m[1] else None
        year = _fast_year(m[3])
    else:
        m = _FAST_NUMERIC.fullmatch(t)
        if m:
            day, month = int(m[1]), int(m[3])
            if not 1 <= month <= 12 or _item_number(m[2], m[4]):
                return None
            year = _fast_year(m[4])
        else:
            return _fast_range(t, fiscal_year)
    if year is None:
        if fiscal_year is None:
            return None
        year = fiscal_year - BE_OFFSET - (1 if month >= 10 else 0)
    elif year < 0:
        return None
    last = month_end(year, month)
    if day is None:
        return date(year, month, 1), last, "month", OK, "", (), ""
    if not 1 <= day <= last.day:
        return None
    d = date(year, month, day)
    return d, d, "day", OK, "", (), ""


def _fast_range(t: str, fiscal_year: int | None) -> tuple | None:
    """"ต.ค. 57 - ก.ย. 58", "ม.ค. – มี.ค. 2558", "ต.ค. - ธ.ค." (with a fiscal year)."""
    m = _FAST_RANGE.fullmatch(t)
    if not m:
        return None
    lm, rm = _FAST_MONTHS.get(m[1]), _FAST_MONTHS.get(m[3])
    if lm is None or rm is None:
        return None
    ly, ry = _fast_year(m[2]), _fast_year(m[4])
    if (ly is not None and ly < 0) or (ry is not None and ry < 0):
        return None
    if ly is None and ry is None:
        if fiscal_year is None:
            return None
        ly = fiscal_year - BE_OFFSET - (1 if lm >= 10 else 0)
    if ly is None:
        ly = ry - (1 if lm > rm else 0)
    if ry is None:
        ry = ly + (1 if rm < lm else 0)
    a, b = date(ly, lm, 1), month_end(ry, rm)
    if b < a or not 1800 <= ly <= 2200 or not 1800 <= ry <= 2200:
        return None
    return a, b, "range", OK, "", (), ""


def _era_slips(t: str, toks: list[_Tok], res: tuple) -> tuple:
    """"พ.ศ. 2015" / "ค.ศ. 2558": the number decides the era (a BE year is from 2400 up); the
    marker that says otherwise is repaired, and said so."""
    notes, fixed = [], res[6]
    for x in _merge_years(toks):
        if x.kind != "YR" or x.value[1] != 4 or x.value[2] not in ("BE", "CE"):
            continue
        n, _, era = x.value
        if (era == "BE") == (n >= 2400):
            continue
        other = n + BE_OFFSET if era == "BE" else n - BE_OFFSET
        written = t[x.start:x.end]
        respelt = written.replace(str(n), str(other), 1)
        notes.append(f"{written} -> {respelt} ({n} is a "
                     f"{'Common' if era == 'BE' else 'Buddhist'}-Era year)")
        if not res[6]:
            fixed = (fixed or t).replace(written, respelt, 1)
    if not notes:
        return res
    note = "; ".join(([res[4]] if res[4] else []) + notes)
    status = CORRECTED if res[3] == OK else res[3]
    return res[0], res[1], res[2], status, note, res[5], fixed


_BETWEEN = patterns.compile(r"ระหว่าง|between", re.IGNORECASE)   # "ระหว่าง X และ Y" is a range


_QUANTITY_WORDS = tuple(load("months")["quantity_words"])


def _drop_quantities(t: str, toks: list[_Tok]) -> list[_Tok]:
    """"(40 กรม)", "1 แห่ง": a short number followed by a word is a count, not part of a date,
    unless it stands where a year or day goes (after a month, an era marker or ปี). So is a
    number after a quantity word of months.json ("ร้อยละ 80", "ระดับ 5", "ข้อ 2.1.10") or
    before "%"."""
    out: list[_Tok] = []
    for i, x in enumerate(toks):
        if x.kind in ("N", "D") and ((i and toks[i - 1].kind == "U" and toks[i - 1].raw.endswith(_QUANTITY_WORDS)
                                      and not t[toks[i - 1].end:x.start].strip())
                                     or t[x.end:x.end + 2].lstrip().startswith("%")):
            continue
        if x.kind == "N" and x.value[1] <= 3 and i + 1 < len(toks) and toks[i + 1].kind == "U" \
                and not t[x.end:toks[i + 1].start].strip():
            before = t[toks[i - 1].end:x.start] if i else ""
            if i == 0 or toks[i - 1].kind == "U" or "(" in before:
                continue
        out.append(x)
    return out


def _drop_ordinals(toks: list[_Tok]) -> list[_Tok]:
    """"งวดที่ 1 (ต.ค. - มี.ค.)", "ครั้งที่ 1/2558": a number after a word ending in ที่ is an
    ordinal (installment, meeting, step), not a day or a month; so is "/2558" after it."""
    out: list[_Tok] = []
    i = 0
    while i < len(toks):
        x = toks[i]
        out.append(x)
        i += 1
        if x.kind == "U" and x.raw.endswith(("ที่", "ที")) and i < len(toks) and toks[i].kind == "N":
            i += 1
            if i + 1 < len(toks) and toks[i].kind == "S" and toks[i + 1].kind == "N":
                i += 2
    return out


def _rounds(toks: list[_Tok], fiscal_year: int | None) -> tuple:
    """"รอบ 6 เดือน" / "รายงานรอบ 12 เดือน": months 1..N of the fiscal year; "ครึ่งปีแรก" /
    "ครึ่งปีหลัง": October-March / April-September."""
    fy = fiscal_year
    years = [x for x in toks if x.kind == "YR" or (x.kind == "N" and x.value[1] == 4)]
    if len(years) == 1:
        fy = _yr(years[0]) + BE_OFFSET
    elif years:
        raise _Bad("not a date")
    if fy is None:
        raise _Bad("a reporting round needs a fiscal year")
    start, fy_end = fiscal_year_bounds(fy)
    half = next((x.value for x in toks if x.kind == "H"), None)
    if half == 0:
        return start, fy_end, "year", OK, "", (), ""
    if half is not None:
        a, b = (start, quarter_bounds(fy, 2)[1]) if half == 1 else (quarter_bounds(fy, 3)[0], fy_end)
        return a, b, "range", OK, "", (), ""
    n = [x.value[0] for i, x in enumerate(toks)
         if x.kind == "N" and i + 1 < len(toks) and toks[i + 1].kind == "DW"]
    if len(n) != 1 or not 1 <= n[0] <= 12:
        raise _Bad("not a date")
    month = (9 + n[0] - 1) % 12 + 1
    end = month_end(start.year + (1 if month < 10 else 0), month)
    return start, end, "range" if n[0] > 1 else "month", OK, "", (), ""


def _drop_durations(toks: list[_Tok]) -> list[_Tok]:
    """Drop "6 เดือน" / "15 วัน" (a duration beside a date) and the bare word เดือน ("เดือน
    พ.ย. 2557"); a number before เดือน that a month follows is a day ("5 เดือนพฤศจิกายน")."""
    out: list[_Tok] = []
    for i, x in enumerate(toks):
        if x.kind != "DW":
            out.append(x)
            continue
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        # "5 เดือนพฤศจิกายน": เดือน runs straight into a month name, so 5 is a day;
        # "3 เดือน (ต.ค.-ธ.ค. 57)" is a duration beside a period.
        day_of_month = nxt is not None and nxt.kind == "M" and nxt.value.long and nxt.start - x.end <= 1
        if out and out[-1].kind == "N" and not day_of_month:
            out.pop()
    return out


def _excel_year(m: _Tok, y: _Tok) -> _Tok:
    """The year of a dash-joined English date ("Oct-24", "15-Oct-24"): Excel's mmm-yy and
    dd-mmm-yy print the Common Era, so two digits there are CE when Buddhist Era would put
    them before 2000 (24: 2024, not 1981); "Dec-67" typed by hand stays 2567 BE. A Thai month
    keeps BE."""
    if y.kind == "N" and y.value[1] == 2 and m.value.english and 2500 + y.value[0] - BE_OFFSET < 2000:
        return _Tok("YR", y.start, y.end, (y.value[0], 2, "CE"), y.raw)
    return y


def _dashed_dates(toks: list[_Tok]) -> list[_Tok]:
    """Dashes inside one date are not a range: "5-พ.ย.-2553", "05-Nov-2015" (day-month-year)
    and, written without spaces, "Oct-24", "ต.ค.-67", "ม.ค.-2568" (month-year, as Excel prints
    a Gantt header). A month-year needs its year as the last thing before the end or the next
    dash: in "1 ม.ค.-15 ก.พ. 68" the 15 is a day."""
    i = 0                  # month-year first: in "Nov-24 - Mar-25" 24-Mar is not a day
    while i + 2 < len(toks):
        m, d, y = toks[i:i + 3]
        if m.kind == "M" and d.raw == "-" and m.end == d.start and d.end == y.start \
                and y.kind == "N" and y.value[1] in (2, 4) \
                and (i + 3 == len(toks) or toks[i + 3].kind in ("R", "AND")) \
                and (i == 0 or toks[i - 1].end < m.start):      # not the Oct of "01-Oct-24"
            toks = toks[:i + 1] + [_excel_year(m, y)] + toks[i + 3:]
        i += 1
    i = 0
    while i + 4 < len(toks):
        if toks[i + 1].raw == toks[i + 3].raw == "-" and toks[i + 2].kind == "M" \
                and toks[i].kind == "N" and toks[i + 4].kind in ("N", "YR"):
            toks = toks[:i + 1] + [toks[i + 2], _excel_year(toks[i + 2], toks[i + 4])] + toks[i + 5:]
        i += 1
    return toks


_OPEN_SELF = ("เป็นต้นไป", "on")    # "onwards": open with ตั้งแต่/from before the start
_SINCE = patterns.compile(r"ตั้งแต่|นับแต่|นับจาก|เริ่ม|(?<![a-z])(?:from|since|starting)(?![a-z])", re.I)
_DEADLINE = patterns.compile(r"ภายใน|ก่อน|กำหนดส่ง|(?<![a-z])(?:by|before|within)(?![a-z])", re.I)


def _apostrophe_years(t: str, toks: list[_Tok]) -> list[_Tok]:
    """"Oct '24", "Oct’24": an apostrophe before a two-digit year after an English month name is
    the English way of eliding the century, so the year is the Common Era (2024)."""
    out = list(toks)
    for i in range(1, len(out)):
        y, m = out[i], out[i - 1]
        if y.kind == "N" and y.value[1] == 2 and m.kind == "M" and m.value.english \
                and t[m.end:y.start].strip() in ("'", "’"):
            out[i] = _Tok("YR", y.start, y.end, (y.value[0], 2, "CE"), y.raw)
    return out


def open_end(text: str) -> str:
    """The word that leaves a period open (ปัจจุบัน, เป็นต้นไป, present, to date ...) when the
    text is such a period ("ต.ค. 67 - ปัจจุบัน") or that word alone (an end cell "ปัจจุบัน"), else "".
    A start read from such a text has no end: see _open_ended."""
    v = _parse(text or "", None, None)
    if v[1] is None and v[0] is not None and v[3] == AMBIGUOUS or \
            v[3] == INVALID and v[4].startswith("open-ended ("):
        toks = _tokens(clean(text or ""))
        return next((x.raw for x in reversed(toks) if x.kind == "O"), "")
    return ""


def reversed_range(text: str, fiscal_year: int | None = None) -> tuple[DateValue, DateValue] | None:
    """The two sides, each read on its own, of a period written end before start
    (``ส.ค. 2570 - ก.ค. 2570``, ``1 ม.ค. 58 - 31 ธ.ค. 57``), else None. parse_date leaves such
    a text invalid (the period does not exist, see _one_reading); a form's reader takes the
    start from the first side and the end from the second, so that the validator reports an
    activity that ends before it starts rather than one without dates."""
    v = _parse(text or "", fiscal_year, None)
    if v[3] != INVALID or not v[4].startswith("the range ends before it starts"):
        return None
    t = clean(text or "")
    marks = [x for x in _tokens(t) if x.kind == "R"]
    if len(marks) != 1:
        return None
    m = marks[0]
    left, right = t[:m.start].strip(), t[m.end:].strip()
    if not left or not right:
        return None
    lv, rv = parse_date(left, fiscal_year), parse_date(right, fiscal_year)
    if not (lv.ok and rv.ok) or "range" in (lv.granularity, rv.granularity) \
            or AMBIGUOUS in (lv.status, rv.status) or not rv.end < lv.start:
        return None
    return lv, rv


def _open_ended(t: str, toks: list[_Tok], fiscal_year, prefer) -> tuple | None:
    """"ต.ค. 67 - ปัจจุบัน", "1 ต.ค. 67 ถึงปัจจุบัน", "ตั้งแต่ ต.ค. 67 เป็นต้นไป", "Oct 2024 -
    present", "Oct 2024 to date": a period with a start and no end. The start is read as
    written; the end is left empty and the status is ambiguous, the note saying the period is
    open-ended, so that an activity gets no end rather than the start's month as its end. None
    when the open-end word is not the end of a period ("ข้อมูล ณ ปัจจุบัน")."""
    for i, x in enumerate(toks):
        if x.kind != "O":
            continue
        after = toks[i + 1:]
        if any(y.kind not in ("U", "O") for y in after):
            continue
        head = list(toks[:i])
        if not head or all(y.kind in ("R", "AND") for y in head):
            # "ปัจจุบัน", "- present" alone (an end cell): no date, and no end either
            raise _Bad(f"open-ended ({x.raw}): no end date, and no start")
        # "to date", "จนกว่าจะแล้วเสร็จ" carry their own range word
        ranged = (bool(head) and head[-1].kind in ("R", "AND")) or x.raw.lower().startswith(("to", "จนกว่า"))
        while head and head[-1].kind in ("R", "AND"):
            head.pop()
        if not (ranged or (x.raw.lower().startswith(_OPEN_SELF) and _SINCE.search(t, 0, x.start))) \
                or _DEADLINE.search(t, 0, x.start):
            # "ภายในปีงบประมาณ 2558 เป็นต้นไป" is a deadline, not a period; "ก.ย. 68 เป็นต้นไป"
            # without ตั้งแต่ stays the month it names (as tests/data/dates_cases.tsv has it)
            continue
        if not any(y.kind in ("M", "D", "N", "Q", "FY", "E") for y in head):
            continue
        start, end, gran, status, note, alts, fixed = _parse_tokens(t, head, fiscal_year, prefer)
        if gran == "range" and end is not None and start != end and \
                any(y.kind == "R" for y in head):
            # "ต.ค. 67 - ก.ย. 68 และต่อเนื่อง": the period has an end; it goes on after it
            said = f"open-ended ({x.raw}): goes on after {end.isoformat()}"
            return start, end, gran, AMBIGUOUS, "; ".join(filter(None, [note, said])), alts, fixed
        said = f"open-ended ({x.raw}): no end date"
        if alts:          # the start's other readings are other starts, not other periods
            note = "; ".join([n for n in note.split("; ") if not n.startswith("other reading: ")]
                             + ["other start: " + ", ".join(a.isoformat() for a, _ in alts)])
        return start, None, "range", AMBIGUOUS, "; ".join(filter(None, [note, said])), (), fixed
    return None


def _parse_tokens(t: str, raw: list[_Tok], fiscal_year, prefer) -> tuple:
    kinds = {x.kind for x in raw}
    if "O" in kinds:
        opened = _open_ended(t, raw, fiscal_year, prefer)
        if opened is not None:
            return opened
        raw = [x._replace(kind="U") if x.kind == "O" else x for x in raw]   # "ณ ปัจจุบัน"
        kinds = {x.kind for x in raw}
    if "WD" in kinds:
        raise _Bad("a deadline in working days is relative to an event, not a date")
    toks = raw
    if "U" in kinds:
        # Unknown words are skipped ("ส่งภายใน 31 มี.ค. 58"), but a lone letter is more likely
        # a broken abbreviation than a word, and skipping it could misread the date.
        for x in raw:
            if x.kind == "U" and len(x.raw) == 1 and t[x.end:x.end + 1] == ".":
                raise _Bad(f"unreadable: {x.raw}.")
        toks = _drop_quantities(t, _drop_ordinals(toks))
    elif "%" in t:                                   # "80% ภายใน ธ.ค. 67"
        toks = _drop_quantities(t, toks)
    if "RD" in kinds or "H" in kinds:
        if not any(x.kind in ("M", "D", "Q") for x in toks):
            return _rounds(toks, fiscal_year)
        toks = [x for x in toks if x.kind not in ("RD", "H")]   # the dates given say more
    if "DW" in kinds:
        toks = _drop_durations(toks)
        if not toks:
            raise _Bad("a duration, not a date")
    if "E" in kinds or "Y" in kinds:
        toks = _merge_years(toks)
    if "U" in kinds:
        toks = [x for x in toks if x.kind != "U"]
        if toks and all(x.kind == "N" for x in toks):
            # "Read 2082 times", "© 2024 ...": a bare number among words is not a year.
            raise _Bad("a number among words, not a date")
    if not toks:
        raise _Bad("not a date")
    if toks[0].kind in ("R", "AND"):
        toks = toks[1:]
    if toks and toks[-1].kind in ("R", "AND"):
        toks = toks[:-1]
    if "R" in kinds and "M" in kinds:
        toks = _dashed_dates(toks)
    if "'" in t or "’" in t:
        toks = _apostrophe_years(t, toks)
    if "Q" in kinds:
        if any(x.kind in ("M", "D") for x in toks):
            return _quarter_with_months(t, toks, fiscal_year, prefer)
        a, b, gran, note = _quarters(toks, fiscal_year, prefer)
        return a, b, gran, OK, note, (), ""
    if "FY" in kinds:
        if not any(x.kind in ("M", "D") for x in toks):
            a, b, gran = _fiscal_years(toks, fiscal_year)
            return a, b, gran, OK, "", (), ""
        # "ต.ค. ปีงบประมาณ 2558": the fiscal year places the months.
        fi = next(i for i, x in enumerate(toks) if x.kind == "FY")
        after = toks[fi + 1:fi + 2]
        if after and _is_year_number(after[0]):
            fiscal_year = _yr(after[0]) + BE_OFFSET
            toks = toks[:fi] + toks[fi + 2:]
        else:
            toks = toks[:fi] + toks[fi + 1:]
    # Sides of a range.
    parts: list[list[_Tok]] = [[]]
    listed = False
    for x in toks:
        if x.kind in ("R", "AND"):
            listed = listed or x.kind == "AND"
            parts.append([])
        else:
            parts[-1].append(x)
    if len(parts) > 2 or any(not p for p in parts):
        raise _Bad("not a date")
    index = {id(x): i for i, x in enumerate(toks)}
    sides = [_side(p, index) for p in parts]
    if len(sides) == 2 and sides[1].kind == "day" and sides[1].mtok is None and sides[1].month is None:
        raise _Bad("not a date")
    readings = _readings(sides, toks, fiscal_year, prefer)
    year_from_window = fiscal_year is None and all(sd.year is None for sd in sides)
    gran = "range" if len(sides) == 2 else sides[0].kind

    # Corrections and ambiguity from the month tokens.
    mtoks = sorted({i for r in readings for i in r.choice})
    status = OK
    notes: list[str] = [s.swapped for s in sides if s.swapped]
    if notes:
        status = CORRECTED
    for i in mtoks:
        if toks[i].value.status != OK:
            status = CORRECTED
    settled = ""
    if len(readings) > 1:
        # A reading that needs its day repaired too (31 มิ.ค. as June) loses to one that does not.
        plain = [r for r in readings if not r.notes]
        if plain:
            readings = plain
    if len(readings) > 1:
        distinct = {(r.start, r.end) for r in readings}
        if len(distinct) == 1:
            readings = readings[:1]
        elif prefer is not None:
            p0, p1 = prefer
            inside = [r for r in readings if p0 <= r.start and r.end <= p1]
            if not inside:
                inside = [r for r in readings if r.start <= p1 and r.end >= p0]
            if len(inside) == 1:
                readings = inside
                settled = "settled by the neighbouring dates"
            elif inside:
                readings = inside
    # A candidate month dropped because its readings were impossible also settles the token.
    best = readings[0]
    for i in mtoks:
        mm: MonthMatch = toks[i].value
        chosen = {r.choice.get(i) for r in readings}
        raw_tok = toks[i].raw
        if len(chosen) > 1:
            options = " or ".join(spelling(mm, m) for m in mm.months if m in chosen)
            notes.append(f"{raw_tok} -> {options}")
        elif mm.status != OK:
            m = best.choice[i]
            why = ""
            if len(mm.months) > 1:
                why = f" ({settled})" if settled else " (the other reading is impossible)"
            notes.append(f"{raw_tok} -> {spelling(mm, m)}{why}")
    edits: list[tuple[_Tok, str]] = []
    for n in best.notes:
        if isinstance(n, tuple):          # ("edit", token, respelt text) from a repaired day
            edits.append((n[1], n[2]))
        else:
            notes.append(n)
            status = CORRECTED
    if year_from_window:
        notes.append("year from the neighbouring dates")
    if listed and best.gap and not _BETWEEN.search(t):
        notes.append("two dates joined by และ, read as the period from the first to the last")
    for side in sides:
        if side.swapped and side.dtok is not None:
            edits.append((side.dtok, _respell_day(side.dtok, side.day, None, swap=True)))
    alternatives = ()
    if len(readings) > 1:
        status = AMBIGUOUS
        seen = {(best.start, best.end)}
        alts = []
        for r in readings[1:]:
            if (r.start, r.end) not in seen:
                seen.add((r.start, r.end))
                alts.append((r.start, r.end))
        alternatives = tuple(alts)
        notes.append("other reading: " + ", ".join(_fmt_period(a, b) for a, b in alts))
    fixed = ""
    if status != OK:
        for i, m in best.choice.items():
            mm = toks[i].value
            if mm.status != OK:
                edits.append((toks[i], spelling(mm, m)))
        fixed = t
        for x, text in sorted(edits, key=lambda e: -e[0].start):
            fixed = fixed[:x.start] + text + fixed[x.end:]
    return best.start, best.end, gran, status, "; ".join(notes), alternatives, fixed


def parse_date(text: str, fiscal_year: int | None = None, *,
               prefer: tuple[date, date] | None = None) -> DateValue:
    """Read a date, month, quarter, fiscal year or range written in Thai (or English).

    ``fiscal_year`` (BE) places a month or quarter written without a year; ``prefer`` is a
    window (first day, last day) that settles an ambiguous reading: a reading inside it wins.
    An ambiguous text without a deciding window comes back with status "ambiguous", the best
    reading in start/end and the others in ``alternatives`` and ``note``.
    """
    if isinstance(text, date):                    # a spreadsheet cell already holding a date
        d = text.date() if isinstance(text, datetime) else text
        return DateValue(text=d.isoformat(), start=d, end=d, granularity="day", status=OK)
    if text is not None and not isinstance(text, str):
        text = str(text)
    if isinstance(fiscal_year, str):              # "2553" / "๒๕๕๓" from a form field
        fy = thai_digits(fiscal_year.strip())
        fiscal_year = int(fy) if fy.isdigit() else None
    if prefer is not None:
        a, b = (d.date() if isinstance(d, datetime) else d for d in prefer)
        prefer = (a, b) if a <= b else (b, a)
    start, end, gran, status, note, alts, fixed = _parse(text or "", fiscal_year, prefer)
    return DateValue(text=text, start=start, end=end, granularity=gran, status=status,
                     note=note, alternatives=list(alts), fixed=fixed)


# ---------------------------------------------------------------------------------------------
# parse_month


def parse_month(text: str) -> MonthReading:
    """Read a bare month cell (a Gantt header such as ต.ค., ค.ค., พ.ม., มิ.ค.)."""
    t = clean(text or "")
    toks = _merge_years(list(_tokens(t)))
    # `ต.ค.-66`: Excel's mmm-yy in a Thai locale; the dash joins the month to its year
    toks = [x for i, x in enumerate(toks) if not (
        x.kind == "R" and 0 < i < len(toks) - 1 and toks[i - 1].kind == "M"
        and toks[i + 1].kind in ("YR", "N") and not t[toks[i - 1].end:toks[i + 1].start].strip(" -"))]
    months = [x for x in toks if x.kind == "M"]
    others = [x for x in toks if x.kind not in ("M", "YR", "N", "U")]
    if len(months) != 1 or others or sum(x.kind == "U" for x in toks) > 0:
        return MonthReading(text=text, note="not a month")
    x = months[0]
    mm: MonthMatch = x.value
    year = None
    years = [y for y in toks if y.kind in ("YR", "N")]
    if len(years) == 1 and _is_year_number(years[0]):
        try:
            year = _yr(years[0])
        except _Bad:
            year = None
    elif years:
        return MonthReading(text=text, note="not a month")
    note, fixed = "", ""
    if mm.status != OK:
        options = " or ".join(spelling(mm, m) for m in mm.months)
        note = f"{x.raw.strip()} -> {options}"
        fixed = t[:x.start] + spelling(mm, mm.months[0]) + t[x.end:]
    near = tuple(dict.fromkeys(n for m in mm.months for n in near_months(m) if n not in mm.months))
    return MonthReading(text=text, months=mm.months, status=mm.status, note=note, fixed=fixed,
                        near=near, year=year)


# ---------------------------------------------------------------------------------------------
# thaiforms dates

DATES_HEADER = "text\tstart\tend\tgranularity\tstatus\tnote"


def _cell(s: str) -> str:
    return s.replace("\t", " ").replace("\r", " ").replace("\n", " ")


def dates_tsv(lines: Iterable[str], fiscal_year: int | None = None) -> Iterator[str]:
    """The ``thaiforms dates`` output: the header, then one TSV line per input line."""
    yield DATES_HEADER
    for line in lines:
        text = line.rstrip("\r\n")
        v = parse_date(text, fiscal_year)
        yield "\t".join([
            _cell(text),
            v.start.isoformat() if v.start else "",
            v.end.isoformat() if v.end else "",
            v.granularity if v.start else "",
            v.status,
            _cell(v.note),
        ])
