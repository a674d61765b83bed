"""Form 7.2 rows that say a dimension has no indicator: `-` (or `- ไม่มี -`) in the indicator
column, with `-` in the number column too, under a dimension row with no indicator. Such a row is
no indicator, never more of the name of the indicator above. Each test writes a real DOCX or CSV
(and the PDF LibreOffice exports from the DOCX), reads it, extracts and validates it."""
from __future__ import annotations

from datetime import date

import pytest

from extract_helpers import ctx, write_docx
from extractors import extract
from office import needs_soffice, to_pdf
from pipeline.readers import read_document
from pipeline.validate import validate

TITLE = "แบบฟอร์มที่ 7.2 ตัวชี้วัด อำเภอทดสอบ ประจำปีงบประมาณ พ.ศ. 2569"
HEAD = ["ที่", "ตัวชี้วัด", "หน่วยนับ", "น้ำหนัก", "เป้าหมาย", "1 คะแนน", "2 คะแนน", "3 คะแนน",
        "4 คะแนน", "5 คะแนน"]
NAME_1 = "ร้อยละของหมู่บ้านที่ผ่านการประเมินหมู่บ้านมั่นคง"
NAME_2 = "ร้อยละการเบิกจ่ายงบประมาณตามแผน"


def _rows(number, none):
    blank = [""] * 9
    return [HEAD,
            ["มิติที่ 1 ด้านประสิทธิผล"] + blank,
            ["1", NAME_1, "ร้อยละ", "60", "80", "60", "65", "70", "75", "80"],
            ["มิติที่ 3 ด้านประสิทธิภาพ"] + blank,
            ["2", NAME_2, "ร้อยละ", "40", "95", "85", "87.5", "90", "92.5", "95"],
            ["มิติที่ 4 ด้านการพัฒนาองค์การ"] + blank,
            [number, none] + [""] * 8]


def _docx(path, rows):
    return write_docx(path, [TITLE, rows])


def _run(path):
    ex = extract(read_document(path), ctx(name=path.name, agency=""))
    kpis = [r for r in ex.records if r.record_type == "kpi"]
    findings = [(f.code, f.value) for f in validate(ex, date(2026, 11, 22))]
    return kpis, findings


def _check(kpis, findings):
    assert [(r.item_no, r.name, r.dimension) for r in kpis] == [("1", NAME_1, "7.1"), ("2", NAME_2, "7.3")]
    assert ("DIMENSION_EMPTY", "7.4") in findings


@pytest.mark.parametrize("number,none", [("-", "-"), ("-", "- ไม่มี -"), ("–", "–"), ("", "-")])
def test_dash_row_under_empty_dimension_in_docx(tmp_path, number, none):
    _check(*_run(_docx(tmp_path / "kpi.docx", _rows(number, none))))


@pytest.mark.parametrize("number,none", [("-", "-"), ("-", "- ไม่มีตัวชี้วัด -")])
def test_dash_row_under_empty_dimension_in_csv(tmp_path, number, none):
    lines = [TITLE, ""] + [",".join(r) for r in _rows(number, none)]
    path = tmp_path / "kpi.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _check(*_run(path))


def test_unnumbered_text_after_a_dimension_row_is_not_the_name_above(tmp_path):
    # a dimension row ends the indicator above it: text under it is not more of that name
    rows = _rows("", "ไม่มีการกำหนดตัวชี้วัดในมิตินี้")
    kpis, _ = _run(_docx(tmp_path / "kpi.docx", rows))
    assert [r.name for r in kpis][:2] == [NAME_1, NAME_2]


def test_wrapped_name_without_dimension_row_still_joins(tmp_path):
    # the name's second line on a row of its own (no number, no values) is still its name
    rows = [HEAD, ["1", "ร้อยละการเบิกจ่ายงบประมาณ", "ร้อยละ", "100", "95", "85", "87.5", "90", "92.5", "95"],
            ["", "รายจ่ายลงทุนตามแผน"] + [""] * 8]
    kpis, _ = _run(_docx(tmp_path / "kpi.docx", rows))
    assert [r.name for r in kpis] == ["ร้อยละการเบิกจ่ายงบประมาณรายจ่ายลงทุนตามแผน"]


@needs_soffice
def test_dash_row_under_empty_dimension_in_pdf(tmp_path):
    src = _docx(tmp_path / "kpi.docx", _rows("-", "-"))
    (pdf,) = to_pdf([src], tmp_path)
    _check(*_run(pdf))
