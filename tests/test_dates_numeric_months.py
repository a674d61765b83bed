"""Months written in figures with the year first (`2025-11`, ISO 8601's year and month) or after a
dash (`11-2568`), as system exports and typed dates give them."""
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.normalize import parse_date
from pipeline.normalize.calendar import month_end


@given(st.integers(2000, 2049), st.integers(1, 12), st.booleans(), st.sampled_from(["{y}-{m:02d}", "{y}-{m}", "{y}/{m:02d}", "{m}-{y}"]))
def test_a_month_in_figures(year, month, buddhist, form):
    y = year + 543 if buddhist else year
    v = parse_date(form.format(y=y, m=month))
    assert (v.start, v.end, v.granularity, v.status) == (date(year, month, 1), month_end(year, month), "month", "ok")


@pytest.mark.parametrize("text", ["2568-69", "2569-13", "2568.10", "2025-0", "12345-1"])
def test_no_month(text):
    assert not parse_date(text).ok


def test_a_range_of_years_stays_a_range():
    v = parse_date("2569-2570")
    assert (v.start, v.end) == (date(2026, 1, 1), date(2027, 12, 31))
