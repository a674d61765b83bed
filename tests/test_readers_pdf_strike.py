"""Struck-through text in PDFs exported by LibreOffice: a revised submission keeps the old value
struck through beside the new one (``40`` struck, then ``50``). LibreOffice draws the strike as
a thin line across the run; the reader leaves the struck characters out, so a cell reads as
its new value, as a reader of the printed page takes it. Underlined text (a line under the
baseline) and text in ruled cells are kept.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from office import needs_soffice, save_as_pdf  # noqa: E402

docx = pytest.importorskip("docx")
from docx.shared import Pt  # noqa: E402

from pipeline.readers import read_document  # noqa: E402
from schemas.document import Paragraph, Table  # noqa: E402

pytestmark = needs_soffice

# a cell "~old~new": old struck through, then the new value
ROWS = [["ที่", "ตัวชี้วัด", "หน่วยนับ", "น้ำหนัก", "ค่าเป้าหมาย", "งบประมาณ"],
        ["1", "ร้อยละการเบิกจ่ายงบประมาณ", "ร้อยละ", "~40~50", "~95~100", "~50,000~65,000"],
        ["2", "~จำนวนหน่วยงานที่ตรวจ~จำนวนหน่วยงานที่ได้รับการตรวจสอบ", "แห่ง", "50", "20", "10,000"]]
WANT = [["ที่", "ตัวชี้วัด", "หน่วยนับ", "น้ำหนัก", "ค่าเป้าหมาย", "งบประมาณ"],
        ["1", "ร้อยละการเบิกจ่ายงบประมาณ", "ร้อยละ", "50", "100", "65,000"],
        ["2", "จำนวนหน่วยงานที่ได้รับการตรวจสอบ", "แห่ง", "50", "20", "10,000"]]


def _put(par, text, bold=False):
    if text.startswith("~"):
        old, new = text[1:].split("~", 1)
        r = par.add_run(old)
        r.font.strike, r.font.size = True, Pt(14)
        r = par.add_run(" " + new)
    else:
        r = par.add_run(text)
    r.bold = bold
    r.font.size = Pt(14)


def _revised():
    d = docx.Document()
    p = d.add_paragraph()
    p.add_run("ระยะเวลา ").font.size = Pt(14)
    r = p.add_run("ม.ค. - มี.ค. 68")
    r.font.strike, r.font.size = True, Pt(14)
    p.add_run(" ก.พ. - เม.ย. 68").font.size = Pt(14)
    p = d.add_paragraph()
    p.add_run("ผู้รับผิดชอบ ").font.size = Pt(14)
    r = p.add_run("กลุ่มงานยุทธศาสตร์")
    r.font.underline, r.font.size = True, Pt(14)
    t = d.add_table(rows=len(ROWS), cols=len(ROWS[0]))
    t.style = "Table Grid"
    for i, row in enumerate(ROWS):
        for j, v in enumerate(row):
            _put(t.cell(i, j).paragraphs[0], v, bold=i == 0)
    return d


@pytest.fixture(scope="module")
def pdf(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("strike")
    src, = save_as_pdf({"revised": _revised()}, tmp)
    return read_document(src.with_suffix(".pdf"))


def test_struck_values_in_cells_are_left_out(pdf):
    tables = [b for p in pdf.pages for b in p.blocks if isinstance(b, Table)]
    assert len(tables) == 1
    assert [[c.replace("\n", "") for c in row] for row in tables[0].grid()] == WANT


def test_struck_words_in_a_paragraph_are_left_out_and_underlined_kept(pdf):
    paras = [b.text for p in pdf.pages for b in p.blocks if isinstance(b, Paragraph)]
    assert "ระยะเวลา ก.พ. - เม.ย. 68" in paras
    assert "ผู้รับผิดชอบ กลุ่มงานยุทธศาสตร์" in paras
