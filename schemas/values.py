"""Values the normaliser returns (pipeline/normalize.py). Each keeps the text it was read from."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Optional

# DateValue.status
OK, CORRECTED, AMBIGUOUS, INVALID = "ok", "corrected", "ambiguous", "invalid"


@dataclass
class DateValue:
    """A date or period read from Thai text.

    ``start``/``end`` bound the period (both set, or both None when ``status`` is invalid; an
    open-ended period, ``ต.ค. 67 - ปัจจุบัน``, has a start, no end and status ambiguous).
    ``granularity`` is day, month, quarter, year or range. ``alternatives`` holds the other
    readings of an ambiguous text as (start, end) pairs; ``note`` says in words what was corrected
    or what the alternatives are (the ``note`` column of ``thaiforms dates``).
    """
    text: str
    start: Optional[date] = None
    end: Optional[date] = None
    granularity: str = ""
    status: str = INVALID
    note: str = ""
    alternatives: list[tuple[date, date]] = field(default_factory=list)
    fixed: str = ""              # the corrected spelling, e.g. "มิ.ย. 53" for "มิ.ค. 53"

    @property
    def ok(self) -> bool:
        return self.status != INVALID and self.start is not None


@dataclass
class Amount:
    """A number read from a cell: baht, percentage, score or plain figure."""
    text: str
    value: Optional[float] = None   # None: the text is not an amount (``ในม.``, ``งบปกติ``, ``-``)
    unit: str = ""                  # "บาท", "%", "คะแนน", "" ...

    @property
    def ok(self) -> bool:
        return self.value is not None


@dataclass
class Duration:
    """A stated duration ("3 เดือน", "7 วันทำการ") in months or days."""
    text: str
    months: Optional[float] = None
    days: Optional[int] = None
    working_days: bool = False      # "7 วันทำการ"

    @property
    def ok(self) -> bool:
        return self.months is not None or self.days is not None
