"""A form 7.2 table with no title is known by its body's dimension rows: written with a Thai-letter
or number enumerator and its label (`ก. มิติด้านประสิทธิผล`) too, not only `7.1 …` / `มิติที่ 1`.
An indicator after a letter (`ก. ร้อยละ…`) is no dimension row."""
from __future__ import annotations

import pytest

from extractors.recognize import _dimension_row


@pytest.mark.parametrize("text,row", [("ก. มิติด้านประสิทธิผล", True), ("(ข) ด้านคุณภาพการให้บริการ", True),
                                      ("ค) ประสิทธิภาพ", True), ("ก. ร้อยละของบัณฑิต", False), ("ก.", False),
                                      ("1. ประสิทธิภาพการใช้จ่ายงบประมาณ", False), ("ก. มิติ", False)])
def test_lettered_dimension_row(text, row):
    assert _dimension_row(text) is row
