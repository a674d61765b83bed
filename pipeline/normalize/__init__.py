"""The Thai normaliser: every date, month, period, duration and amount thaiforms reads.

``from pipeline.normalize import parse_date, parse_month, parse_amount, parse_duration, ...``

Readings that users and the validator rely on:

- Two-digit years are Buddhist Era (``53`` -> 2553 -> 2010); a four-digit year from 2400 up is
  BE, below 2400 Common Era; ``ค.ศ.`` marks CE, ``ร.ศ.`` the Rattanakosin era.
- Numeric dates are day-first (``5/11/2565`` is 5 November); month-first only when day-first is
  impossible (``11/25/2553``), and then status "corrected".
- A month or day without a year takes it from the fiscal year (Oct–Dec: the year before); a
  quarter, ``รอบ 6 เดือน`` or ``ตลอดปี`` needs a fiscal year, from the text or the caller.
- A day past the month's end (``31 เม.ย.``) is read as its last day, status "corrected"; a day
  beyond 31 is "invalid".
- A misspelt month is repaired from schemas/rules/months.json (vocabulary, listed misspellings,
  confusion table, look-alike letters) and rapidfuzz; one reading -> "corrected", several ->
  "ambiguous" with the others in ``alternatives``; ``prefer`` (a window from the neighbouring
  dates or the Gantt header) settles them. Readings that are impossible (a range that ends
  before it starts, a day that does not exist in that month) are dropped first.
- ``ภายใน X`` (a deadline) is read as the period X; its end is the deadline.
- Working days follow the holidays package's Thailand calendar, public and government
  categories; the day counting starts from is not counted.
"""
from .calendar import (add_working_days, fiscal_year_bounds, fiscal_year_of, is_working_day,
                       month_end, quarter_bounds, working_days_between)
from .dates import DATES_HEADER, dates_tsv, parse_date, parse_month
from .months import MonthReading
from .numbers import parse_amount, parse_duration, parse_working_day_deadline
from .text import clean, thai_digits

__all__ = [
    "DATES_HEADER", "MonthReading", "add_working_days", "clean", "dates_tsv",
    "fiscal_year_bounds", "fiscal_year_of", "is_working_day", "month_end", "parse_amount",
    "parse_date", "parse_duration", "parse_month", "parse_working_day_deadline", "quarter_bounds",
    "thai_digits", "working_days_between",
]
