"""Thai fiscal years, quarters and government working days."""
from __future__ import annotations

import calendar as _cal
from datetime import date, timedelta
from functools import lru_cache


BE_OFFSET = 543
# Thai government offices close on public holidays and on the government-only ones
# (e.g. the Royal Ploughing Ceremony); bank and armed-forces days are not closures.
HOLIDAY_CATEGORIES = ("public", "government")


def fiscal_year_bounds(be: int) -> tuple[date, date]:
    """Fiscal year BE runs 1 October (BE-1) to 30 September (BE): 2558 -> 2014-10-01..2015-09-30."""
    ce = be - BE_OFFSET
    return date(ce - 1, 10, 1), date(ce, 9, 30)


def fiscal_year_of(d: date) -> int:
    """The Buddhist-Era fiscal year a day falls in."""
    return d.year + BE_OFFSET + (1 if d.month >= 10 else 0)


def quarter_bounds(be: int, q: int) -> tuple[date, date]:
    """Quarter q (1..4) of fiscal year BE: Q1 is Oct–Dec of the year before."""
    if not 1 <= q <= 4:
        raise ValueError(f"quarter must be 1..4, not {q}")
    first_month = (10 + 3 * (q - 1) - 1) % 12 + 1          # 10, 1, 4, 7
    year = be - BE_OFFSET - (1 if q == 1 else 0)
    last_month = first_month + 2
    return date(year, first_month, 1), date(year, last_month, _cal.monthrange(year, last_month)[1])


_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def month_end(year: int, month: int) -> date:
    """Last day of the month (the date parser calls this for every month it reads)."""
    if month == 2 and _cal.isleap(year):
        return date(year, 2, 29)
    return date(year, month, _MONTH_DAYS[month])


@lru_cache(maxsize=None)
def _holidays_of(year: int) -> frozenset[date]:
    import holidays   # here, not at the top: it takes ≈75 ms to import and few files need it
    return frozenset(holidays.country_holidays("TH", categories=HOLIDAY_CATEGORIES, years=year))


def is_working_day(d: date) -> bool:
    return d.weekday() < 5 and d not in _holidays_of(d.year)


def add_working_days(day: date, n: int) -> date:
    """The n-th working day after ``day`` (before it when n < 0); ``day`` itself is not counted."""
    step = timedelta(days=1 if n >= 0 else -1)
    left = abs(n)
    d = day
    while left:
        d += step
        if is_working_day(d):
            left -= 1
    return d


def working_days_between(a: date, b: date) -> int:
    """Working days from a to b, both included (0 when b < a)."""
    n = 0
    d = a
    one = timedelta(days=1)
    while d <= b:
        if is_working_day(d):
            n += 1
        d += one
    return n
