"""Form 7.2 dimension rows written across the table with a Thai-letter or number enumerator and no
7.x (`ก. มิติด้านประสิทธิผล`, `ข) …`, `(ค) …`): each is the dimension its label names, never the
one its letter's place would give, and an empty one is DIMENSION_EMPTY. Also a PDF row that holds
two such rows in one cell. Files are real DOCX (merged full-width rows) and TSV, read and extracted."""
from __future__ import annotations

import pytest

from extract_helpers import extract_file
from extractors.form72 import dimension_of, lettered_dimensions
from plan_files import plan_docx, plan_tsv

TITLE = ["แบบฟอร์มที่ 7.2 ตัวชี้วัดความสำเร็จตามแผนพัฒนาองค์การ", "มหาวิทยาลัยทดสอบ ประจำปีงบประมาณ พ.ศ. 2572"]
HEAD = ["ที่", "ตัวชี้วัด", "หน่วยนับ", "น้ำหนัก", "เป้าหมาย", "ระดับ 1", "ระดับ 2", "ระดับ 3", "ระดับ 4", "ระดับ 5"]
K1 = ["1", "ร้อยละของบัณฑิตที่ได้งานทำภายใน 1 ปี", "ร้อยละ", "40", "80", "60", "65", "70", "75", "80"]
K2 = ["2", "ร้อยละความพึงพอใจของผู้ใช้บริการห้องสมุด", "ร้อยละ", "30", "90", "80", "83", "85", "88", "90"]
K3 = ["3", "ร้อยละของอาจารย์ที่มีตำแหน่งทางวิชาการ", "ร้อยละ", "30", "45", "35", "38", "40", "42", "45"]


def _dim(label):
    return [label] + [""] * (len(HEAD) - 1)


def _rows(labels):
    """The dimension rows in the order given; the third is left without indicators."""
    return [HEAD, _dim(labels[0]), K1, _dim(labels[1]), K2, _dim(labels[2]), _dim(labels[3]), K3]


LETTERED = ["ก. มิติด้านประสิทธิผล", "ข) มิติด้านคุณภาพการให้บริการ", "(ค) มิติด้านประสิทธิภาพ", "ง. มิติด้านการพัฒนาองค์การ"]


@pytest.mark.parametrize("fmt", ["docx", "tsv"])
def test_lettered_dimension_rows_name_their_dimension(tmp_path, fmt):
    write = plan_docx if fmt == "docx" else plan_tsv
    rows = _rows(LETTERED)
    hm = [(r, 0, r, len(HEAD) - 1) for r, row in enumerate(rows) if row[1] == ""] if fmt == "docx" else []
    path = write(tmp_path / f"f72.{fmt}", TITLE, rows, *([hm] if hm else []))
    ex, findings = extract_file(path)
    assert [(r.item_no, r.dimension) for r in ex.records] == [("1", "7.1"), ("2", "7.2"), ("3", "7.4")]
    assert [d.dimension for d in ex.dimensions] == ["7.1", "7.2", "7.3", "7.4"]
    assert ("", "DIMENSION_EMPTY") in findings


def test_label_not_letter_decides(tmp_path):
    # the letters run ก ข ค ง but the labels are in another order: the labels win
    labels = ["ก. ด้านคุณภาพการให้บริการ", "ข. มิติด้านประสิทธิผล", "ค. ด้านการพัฒนาองค์การ", "ง. ด้านประสิทธิภาพ"]
    ex, _ = extract_file(plan_tsv(tmp_path / "f72.tsv", TITLE, _rows(labels)))
    assert [(r.item_no, r.dimension) for r in ex.records] == [("1", "7.2"), ("2", "7.1"), ("3", "7.3")]


def test_two_dimension_rows_in_one_cell(tmp_path):
    # a PDF export can join two adjacent full-width rows: the first of them has no indicators
    rows = [HEAD, _dim(LETTERED[0]), K1, _dim(LETTERED[1]), K2,
            _dim("ค. มิติด้านประสิทธิภาพ ง. มิติด้านการพัฒนาองค์การ"), K3]
    ex, findings = extract_file(plan_tsv(tmp_path / "f72.tsv", TITLE, rows))
    assert [(r.item_no, r.dimension) for r in ex.records] == [("1", "7.1"), ("2", "7.2"), ("3", "7.4")]
    assert [d.dimension for d in ex.dimensions] == ["7.1", "7.2", "7.3", "7.4"]
    assert ("", "DIMENSION_EMPTY") in findings


@pytest.mark.parametrize("text", ["ก.", "ค.", "1. ประสิทธิภาพการใช้จ่ายงบประมาณ", "ก. ร้อยละของบัณฑิตที่ได้งานทำ",
                                  "ค. มิติด้านประสิทธิภาพ ง. ร้อยละของอาจารย์"])
def test_not_a_dimension_row(text):
    assert lettered_dimensions(text) == []
    assert dimension_of(text, "kpi") is None
