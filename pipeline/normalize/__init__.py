"""The Thai normaliser: every date, month, period, duration and amount thaiforms reads.

``from pipeline.normalize import parse_date, parse_month, parse_amount, parse_duration, ...``
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
