"""parse_amount, parse_duration and working-day deadlines."""
from __future__ import annotations

import math
import re
from datetime import date
from functools import lru_cache


from pipeline import patterns
from schemas.values import CORRECTED, OK, Amount, DateValue, Duration

from .calendar import add_working_days
from .text import clean

_NUMBER = r"[-+]?(?:\d{1,3}(?:,\s?\d{3})+|\d+)(?:\.\d+)?"
_SCALE = {"ล้าน": 1_000_000, "ลบ.": 1_000_000, "แสน": 100_000, "หมื่น": 10_000, "พัน": 1_000}
# Words that may qualify a threshold or a budget without changing its value.
_QUALIFIER = patterns.compile(
    r"^(?:(?:ไม่น้อยกว่า|ไม่ต่ำกว่า|ไม่เกิน|ไม่มากกว่า|อย่างน้อย|อย่างต่ำ|ประมาณ|รวมทั้งสิ้น|รวมเป็นเงิน|รวม|"
    r"งบประมาณ|งบฯ|จำนวนเงิน|จำนวน|เป็นเงิน|น้ำหนัก|เป้าหมาย|ค่าเป้าหมาย|มากกว่า|น้อยกว่า|ต่ำกว่า|เกิน|"
    r">=|<=|≥|≤|>|<|=|:)\s?)+")
_AMOUNT = patterns.compile(
    rf"^(?P<pct1>ร้อยละ\s?)?(?P<num>{_NUMBER})(?:\.-)?\s?"
    r"(?P<scale>ล้าน|แสน|หมื่น|พัน|ลบ\.)?\s?"
    r"(?P<unit>%|เปอร์เซ็นต์|บาท(?:ถ้วน)?|บ\.|คะแนน|ระดับ|[ก-๛]+(?:\s[ก-๛]+)?)?\.?$")
# "150,000 บาท (หนึ่งแสนห้าหมื่นบาทถ้วน)", "50,000 (งบปกติ)": the figure before the parenthesis
# is the amount; the parenthesis (the figure in words, or a remark) is not read.
_IN_WORDS = patterns.compile(r"^(?P<head>.*?)\s?\((?P<words>[^()]*)\)$")
_UNIT_FIRST = patterns.compile(rf"^(?P<unit>ระดับ(?:ที่)?|คะแนน|ร้อยละ)\s?(?P<num>{_NUMBER})$")
_WORDS = patterns.compile(r"^(?P<words>[ก-๛]+?)(?P<unit>บาทถ้วน|บาท|คะแนน)?$")
_NUMBER_WORD_CHARS = set("ศูนย์หนึ่งสองสามสี่ห้าหกเจ็ดแปดเก้าสิบเอ็ดยี่ร้อยพันหมื่นแสนล้าน")
_NOT_AMOUNT = {"", "-", "--", "—", '"', "”", "“", "〃", "-\"-", "''", "ไม่มี", "n/a", "na"}


def _number(s: str) -> float:
    return float(s.replace(",", "").replace(" ", ""))


@lru_cache(maxsize=16384)
def _amount(text: str) -> tuple[float | None, str]:
    t = clean(text)
    m = _IN_WORDS.match(t)
    if m and m["head"].strip("( "):
        head = _amount(m["head"])
        if head[0] is not None:
            return head
    return _amount_one(t.strip("()[] "))


def _amount_one(t: str) -> tuple[float | None, str]:
    if t.lower() in _NOT_AMOUNT:
        return None, ""
    t = _QUALIFIER.sub("", t)
    t = t.strip()
    m = _AMOUNT.match(t)
    if m:
        value = _number(m["num"])
        unit = m["unit"] or ""
        if m["scale"]:
            value *= _SCALE[m["scale"]]
            if not unit:
                unit = "บาท"          # "1.5 ล้าน" in a budget cell is baht
        if m["pct1"] or unit == "เปอร์เซ็นต์":
            unit = "%"
        if unit in ("บาทถ้วน", "บ.") or m["scale"] == "ลบ.":
            unit = "บาท"
        return value, unit
    m = _UNIT_FIRST.match(t)
    if m:
        unit = "%" if m["unit"] == "ร้อยละ" else m["unit"].replace("ที่", "")
        return _number(m["num"]), unit
    m = _WORDS.match(t.replace(" ", ""))
    if m and set(m["words"]) <= _NUMBER_WORD_CHARS:
        try:
            value = thaiword_to_num(m["words"])
        except (ValueError, KeyError, IndexError):
            return None, ""
        unit = (m["unit"] or "").replace("ถ้วน", "")
        return float(value), unit
    return None, ""


def thaiword_to_num(words: str) -> int:
    """pythainlp's reading of Thai number words, imported on first use: pythainlp.util takes
    ≈80 ms to import and only cells with numbers written in words need it."""
    from pythainlp.util import thaiword_to_num as read
    return read(words)


def _finite(v: tuple[float | None, str]) -> tuple[float | None, str]:
    return v if v[0] is None or math.isfinite(v[0]) else (None, "")


def parse_amount(text: str) -> Amount:
    """A number from a cell: ``50,000``, ``150,000 บาท``, ``1.5 ล้านบาท``, ``๕๐,๐๐๐``,
    ``ห้าหมื่นบาท``, ``ร้อยละ 60``, ``60%``, ``0.5``, ``1 คะแนน``. Cells that are not an amount
    (``ในม.``, ``งบปกติ``, ``-``, ditto marks) give value None; the text is always kept."""
    if isinstance(text, (int, float)) and not isinstance(text, bool):   # a spreadsheet number
        value = float(text)
        return Amount(text=str(text), value=value if math.isfinite(value) else None)
    if text is not None and not isinstance(text, str):
        text = str(text)
    try:
        value, unit = _finite(_amount(text or ""))
    except (ValueError, OverflowError):
        value, unit = None, ""
    return Amount(text=text, value=value, unit=unit)


# ---------------------------------------------------------------------------------------------

_DUR_UNITS = {"วันทำการ": ("d", 1), "วัน": ("d", 1), "สัปดาห์": ("d", 7), "อาทิตย์": ("d", 7),
              "เดือน": ("m", 1), "ไตรมาส": ("m", 3), "ปี": ("m", 12)}
_DUR_PART = patterns.compile(
    r"(?P<num>\d+(?:\.\d+)?|ครึ่ง|[ก-๛]+?)\s?(?P<unit>วัน\s?ทำ\s?การ|วัน|สัปดาห์|อาทิตย์|เดือน|ไตรมาส|ปี)(?!งบ)")
_DUR_QUARTERS = patterns.compile(r"(?:ไตร\s?มา[สศ](?:ที่|ที)?|[qQ])\s?(?P<nums>\d(?:\s?(?:,|และ|-|ถึง|&)\s?"
                                 r"(?:ไตรมาส(?:ที่)?\s?|[qQ])?\d)*)$")
_DUR_WHOLE_YEAR = patterns.compile(r"^(?:ตลอด|ทั้ง)(?:ปี|ปีงบประมาณ)$")
_DUR_PREFIX = patterns.compile(r"^(?:ระยะเวลา|ภายใน|ใช้เวลา|ประมาณ|รวม)\s?")
_COUNTING = patterns.compile(r"\s?(?:นับ\s?(?:ถัด|ตั้งแต่|จาก)|หลัง\s?จาก|ถัด\s?จาก)")
_DUR_RANK = {"ปี": 5, "ไตรมาส": 4, "เดือน": 3, "สัปดาห์": 2, "อาทิตย์": 2, "วัน": 1, "วันทำการ": 1}
_DAYS_PER_MONTH = 30           # records.md: "15 วัน" -> 0.5 month


def _count(word: str) -> float | None:
    if word == "ครึ่ง":
        return 0.5
    try:
        return float(word)
    except ValueError:
        pass
    if set(word) <= _NUMBER_WORD_CHARS:
        try:
            return float(thaiword_to_num(word))
        except (ValueError, KeyError, IndexError):
            return None
    return None


@lru_cache(maxsize=8192)
def _duration(text: str) -> tuple[float | None, int | None, bool]:
    t = _DUR_PREFIX.sub("", clean(text))
    # "7 วันทำการ นับจากวันที่คณะกรรมการมีมติ": the clause saying where counting starts is not
    # part of the length.
    t = _COUNTING.split(t, 1)[0].strip()
    if not t or t in _NOT_AMOUNT:
        return None, None, False
    if _DUR_WHOLE_YEAR.match(t.replace(" ", "")):
        return 12.0, None, False
    m = _DUR_QUARTERS.match(t)
    if m:
        nums = [int(n) for n in re.findall(r"\d", m["nums"])]
        if "-" in m["nums"] or "ถึง" in m["nums"]:
            nums = list(range(min(nums), max(nums) + 1))
        if all(1 <= n <= 4 for n in nums):
            return 3.0 * len(set(nums)), None, False
        return None, None, False
    pos = 0
    months = 0.0
    days = 0.0
    has_days = has_months = working = False
    last_rank = 99
    for m in _DUR_PART.finditer(t):
        if t[pos:m.start()].strip() not in ("", "และ", ","):
            return None, None, False
        n = _count(m["num"])
        if n is None:
            return None, None, False
        unit = m["unit"].replace(" ", "")
        rank = _DUR_RANK[unit]
        if rank >= last_rank:          # "1 ปี 6 เดือน" yes; "1 เดือน 1 เดือน" is not a length
            return None, None, False
        last_rank = rank
        kind, factor = _DUR_UNITS[unit]
        if kind == "d":
            days += n * factor
            has_days = True
            working = working or unit == "วันทำการ"
        else:
            months += n * factor
            has_months = True
        pos = m.end()
    if not (has_days or has_months) or t[pos:].strip(" .") not in ("",):
        return None, None, False
    if working:
        # Working days do not convert to calendar months without a start date.
        return (months if has_months else None), int(days), True
    total = months + days / _DAYS_PER_MONTH
    return round(total, 2), (int(days) if has_days and not has_months else None), False


def parse_duration(text: str) -> Duration:
    """``2 เดือน`` -> 2 months, ``1 ปี`` -> 12, ``15 วัน`` -> 0.5 month (15 days),
    ``ไตรมาสที่ 3 และ 4`` -> 6, ``7 วันทำการ`` -> 7 working days (months None)."""
    months, days, working = _duration(text or "")
    return Duration(text=text, months=months, days=days, working_days=working)


# ---------------------------------------------------------------------------------------------

_WORKING = patterns.compile(r"(?P<n>\d+)\s?วัน\s?ทำ\s?การ")
_COUNT_FROM = patterns.compile(r"(?:นับ\s?(?:ถัด\s?จาก|ตั้งแต่|จาก)|หลัง\s?จาก|ถัด\s?จาก)\s?(?:วันที่|วัน)?\s?(?P<rest>.*)$")


def parse_working_day_deadline(text: str, anchor: date | None = None) -> DateValue:
    """``ภายใน 7 วันทำการ`` / ``10 วันทำการ นับถัดจากวันที่ 5 พ.ย. 2557``: the deadline day.

    ``anchor`` is the day counting starts from (the text's own date wins when it gives one).
    The anchor day itself is not counted, whether the text says นับจาก, นับถัดจาก or
    นับตั้งแต่: Thai law counts a period from the day after the event (CCC s.193/3).
    """
    from .dates import parse_date          # dates imports this module's siblings only

    t = clean(text or "")
    m = _WORKING.search(t)
    if not m:
        return DateValue(text=text, note="no working-day period")
    n = int(m["n"])
    status, note = OK, f"{n} working days after "
    c = _COUNT_FROM.search(t[m.end():])
    if c and c["rest"].strip():
        v = parse_date(c["rest"])
        if v.ok and v.granularity == "day":
            anchor = v.start
            if v.status != OK:
                status = CORRECTED
                note = f"{v.note}; " + note
    if anchor is None:
        return DateValue(text=text, note=f"{n} working days after an event with no date")
    d = add_working_days(anchor, n)
    return DateValue(text=text, start=d, end=d, granularity="day", status=status,
                     note=note + anchor.isoformat())
