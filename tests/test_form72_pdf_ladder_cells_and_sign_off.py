"""Form 7.2 read from PDFs that LibreOffice exports:

- a Word form whose scoring ladder is a small table of five rows (``ระดับ N`` | ``ร้อยละ X``)
  nested in each indicator's criteria cell, its threshold column so narrow that a decimal
  threshold (``ร้อยละ 72.5``) wraps onto a second line: the figure stays with its level, the
  ladder is 70 / 72.5 / 75 / 77.5 / 80, with no duplicate or missing level;
- the same ladder as a Word table reads, one level a row, thresholds wrapped in their cells
  (``ร้อยละ`` over ``82.5``), as a nested ladder table reads from a PDF;
- a spreadsheet printed with its gridlines, a signer's block (``ผู้รับรองข้อมูล ลงชื่อ …``, the
  name, the position, the date) written under the weights' total in the ladder columns: the
  block is no indicator's ladder.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from extract_helpers import ctx, extract_file, write_docx  # noqa: E402
from office import add_run, needs_soffice, to_pdf  # noqa: E402

docx = pytest.importorskip("docx")
openpyxl = pytest.importorskip("openpyxl")
from docx.oxml import OxmlElement  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402
from docx.shared import Cm  # noqa: E402

from extractors import extract  # noqa: E402
from pipeline.readers import read_document  # noqa: E402
from datetime import date  # noqa: E402

from pipeline.validate import validate  # noqa: E402

pytestmark = needs_soffice

FONT = "Norasi"
HEAD = ["แผนพัฒนาองค์การ", "มิติด้าน", "ตัวชี้วัด KPI", "ข้อมูลปัจจุบัน", "เป้าหมาย", "น้ำหนัก",
        "เกณฑ์การให้คะแนน"]
# (dimension, indicator, baseline, target, ladder)
NESTED = [
    ("7.1 ด้านประสิทธิผล", "1. ร้อยละของนักศึกษาที่สอบผ่านมาตรฐานวิชาชีพ", "76", "ร้อยละ 80",
     ["70", "72.5", "75", "77.5", "80"]),
    ("7.2 ด้านคุณภาพการให้บริการ", "2. ร้อยละความพึงพอใจของผู้ปกครองต่อการจัดการเรียนการสอน",
     "81", "ร้อยละ 85", ["81", "82", "83", "84", "85"]),
]


def _run(par, text, size=14, bold=False):
    return add_run(par, text, FONT, size, bold)


def _fixed(table, widths):
    table.autofit = False
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(layout)
    for col, w in zip(table.columns, widths):
        col.width = w           # the grid LibreOffice lays out
    for row in table.rows:
        for cell, w in zip(row.cells, widths):
            cell.width = w


def _nested_form_docx(path: Path) -> None:
    d = docx.Document()
    s = d.sections[0]
    s.left_margin = s.right_margin = Cm(1.8)
    _run(d.add_paragraph(), "แบบฟอร์มที่ 7.2 ตัวชี้วัดความสำเร็จตามแผนพัฒนาองค์การ ประจำปีงบประมาณ พ.ศ. 2571",
         bold=True)
    t = d.add_table(rows=1 + len(NESTED), cols=len(HEAD))
    t.style = "Table Grid"
    widths = [Cm(2.6), Cm(2.2), Cm(3.8), Cm(1.6), Cm(1.8), Cm(1.3), Cm(4.1)]
    _fixed(t, widths)
    for j, h in enumerate(HEAD):
        _run(t.cell(0, j).paragraphs[0], h, bold=True)
    for i, (dim, kpi, base, target, ladder) in enumerate(NESTED, start=1):
        vals = ["แผนพัฒนาองค์การที่ 1 การพัฒนาคุณภาพผู้เรียน" if i == 1 else "", dim, kpi, base,
                target, "1"]
        for j, v in enumerate(vals):
            _run(t.cell(i, j).paragraphs[0], v)
        inner = t.cell(i, 6).add_table(rows=5, cols=2)
        inner.style = "Table Grid"
        # the threshold column is too narrow for `ร้อยละ 72.5` on one line
        _fixed(inner, [Cm(1.6), Cm(1.45)])
        for k, v in enumerate(ladder):
            _run(inner.cell(k, 0).paragraphs[0], f"ระดับ {k + 1}")
            _run(inner.cell(k, 1).paragraphs[0], f"ร้อยละ {v}")
    t.cell(1, 0).merge(t.cell(len(NESTED), 0))
    _run(d.add_paragraph(), f"น้ำหนักรวม {len(NESTED)} คะแนน")
    d.save(path)


# the spreadsheet: name, unit, baseline, target, weight, levels 1 to 5
SHEET = [
    ("1. ร้อยละของพื้นที่ปลูกป่าที่มีอัตราการรอดตายตามเกณฑ์", "ร้อยละ", "82", "90", 0.5,
     [80, 82.5, 85, 87.5, 90]),
    ("2. จำนวนหมู่บ้านที่ร่วมเครือข่ายเฝ้าระวังไฟป่า", "หมู่บ้าน", "30", "40", 0.5,
     [32, 34, 36, 38, 40]),
]
SIGN_OFF = ["ผู้รับรองข้อมูล  ลงชื่อ  สมหมาย ใจดี", "(นายสมหมาย ใจดี)", "หัวหน้าสำนักงานตัวอย่าง",
            "วันที่ 5 ตุลาคม 2569"]


def _gridline_sheet(path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["แบบฟอร์มแสดงตัวชี้วัดความสำเร็จของการดำเนินการตามแผนพัฒนาองค์การ ประจำปีงบประมาณ พ.ศ. 2570"])
    ws.append(["ตัวชี้วัด", "หน่วยนับ", "ข้อมูลพื้นฐาน", "ค่าเป้าหมาย", "น้ำหนัก", "เกณฑ์การให้คะแนน"])
    ws.append(["", "", "", "", "", 1, 2, 3, 4, 5])
    ws.merge_cells("F2:J2")
    ws.append(["แผนพัฒนาองค์การที่ 1 การฟื้นฟูพื้นที่ป่าต้นน้ำ"])
    ws.append(["7.1 มิติด้านประสิทธิผล"])
    for name, unit, base, target, weight, levels in SHEET:
        ws.append([name, unit, base, target, weight] + levels)
    ws.append(["รวม", "", "", "", 1.0])
    ws.append([])
    for line in SIGN_OFF:
        ws.append(["", "", "", "", "", line])
    ws.column_dimensions["A"].width = 60
    for col in "BCDE":
        ws.column_dimensions[col].width = 11
    for col in "FGHIJ":
        ws.column_dimensions[col].width = 7
    ws.print_options.gridLines = True
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    for row in ws.iter_rows():
        for c in row:
            c.font = openpyxl.styles.Font(name=FONT, size=14)
    wb.save(path)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("form72_cells")
    sources = [tmp / "nested_ladder.docx", tmp / "gridline_sheet.xlsx"]
    _nested_form_docx(sources[0])
    _gridline_sheet(sources[1])
    pdfs = to_pdf(sources, tmp)
    out = {}
    for pdf in pdfs:
        doc = read_document(pdf)
        ex = extract(doc, ctx(f"agency/{pdf.name}"))
        out[pdf.stem] = (doc, [r for r in ex.records if r.record_type == "kpi"],
                         validate(ex, date(2026, 11, 22)))
    return out


def _ladder(rec):
    return [getattr(rec, f"level_{k}") for k in range(1, 6)]


def test_wrapped_threshold_in_a_nested_ladder_stays_with_its_level(built):
    doc, recs, _ = built["nested_ladder"]
    cells = [c.text for p in doc.pages for b in p.blocks if hasattr(b, "cells") for c in b.cells]
    assert any("\n" in t and "72.5" in t for t in cells)        # the threshold did wrap
    assert [r.item_no for r in recs] == ["1", "2"]
    for rec, (_, _, _, _, ladder) in zip(recs, NESTED):
        assert _ladder(rec) == [float(v) for v in ladder]


def test_wrapped_threshold_raises_no_ladder_findings(built):
    _, _, findings = built["nested_ladder"]
    assert not [f for f in findings if f.code.startswith("LADDER_")]


def test_threshold_wrapped_in_its_level_cell_stays_with_its_level(tmp_path):
    # the ladder as a nested ladder table reads from a PDF: one level a row, `ระดับ N` beside its
    # threshold, a decimal threshold wrapped in its narrow cell (`ร้อยละ` over `72.5`)
    ladders = [["70", "72.5", "75", "77.5", "80"], ["82.5", "84.5", "86.5", "88.5", "90.5"]]
    rows = [["ตัวชี้วัด", "ค่าเป้าหมาย", "น้ำหนัก", "เกณฑ์การให้คะแนน", ""]]
    for i, (name, ladder) in enumerate(zip(["1. ร้อยละของผู้เรียนที่ผ่านการประเมินสมรรถนะ",
                                            "2. ร้อยละของครูที่จัดทำแผนการสอนฐานสมรรถนะ"],
                                           ladders)):
        for k, v in enumerate(ladder):
            rows.append(([name, f"ร้อยละ {ladder[-1]}", "0.5"] if k == 0 else ["", "", ""]) +
                        [f"ระดับ {k + 1}", f"ร้อยละ\n{v}" if "." in v else f"ร้อยละ {v}"])
    path = write_docx(tmp_path / "level_rows.docx",
                      ["ตัวชี้วัดความสำเร็จตามแผนพัฒนาองค์การ ประจำปีงบประมาณ พ.ศ. 2571", rows])
    ex, findings = extract_file(path)
    recs = [r for r in ex.records if r.record_type == "kpi"]
    assert [r.item_no for r in recs] == ["1", "2"]
    for rec, ladder in zip(recs, ladders):
        assert _ladder(rec) == [float(v) for v in ladder]
    assert not [code for _, code in findings if code.startswith("LADDER_")]


def test_sign_off_under_the_total_is_no_ladder(built):
    _, recs, findings = built["gridline_sheet"]
    assert [r.item_no for r in recs] == ["1", "2"]
    for rec, (_, _, _, _, _, levels) in zip(recs, SHEET):
        assert _ladder(rec) == [float(v) for v in levels]
    assert not [f for f in findings if f.code.startswith("LADDER_")]
