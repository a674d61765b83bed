"""PDF tables that go on over page breaks with their heading rows repeated (Writer's "repeat
heading rows"), read from real LibreOffice PDFs in tests/data/pagebreak/:

- form72_repeated_header.pdf: a form 7.2 (TH SarabunPSK), 2 plans x 9 KPIs, the plan column
  merged down, a 2-row heading repeated on pages 2 and 3; a KPI row is cut by each page break.
  LibreOffice draws the repeated heading shorter than the first one: the last lines of its
  wrapped cells (``น`` of ``ข้อมูลปัจจุบัน``, ``Targe``, ``คะแ``) are clipped away and lie,
  invisible, over the first row below it.
- gantt_repeated_header.pdf: a landscape activity plan, 27 activities over 3 pages, the
  heading ``งบประมาณ (บาท)`` repeated and clipped the same way over ``60,000``.

Both were printed from DOCX built with samples/build.py's helpers (the DOCX reads correctly).
"""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from extract_helpers import ctx
from extractors import extract
from pipeline.readers import read_document
from pipeline.readers.pdf import _same_cells
from pipeline.validate import validate
from schemas.document import Cell, Table

DATA = Path(__file__).resolve().parent / "data" / "pagebreak"
FORM72 = DATA / "form72_repeated_header.pdf"
GANTT = DATA / "gantt_repeated_header.pdf"

HEADING = ["แผนพัฒนาองค์การ", "มิติด้าน", "ที่", "ตัวชี้วัด KPI", "ข้อมูลปัจจุบัน", "เป้าหมาย Target",
           "น้ำหนักคะแนน", "เกณฑ์การให้คะแนน"]
PLANS = [
    "1. แผนพัฒนาองค์การด้านการบริหารจัดการภาครัฐ กิจกรรมหลัก 1. การวางแผนยุทธศาสตร์และการถ่ายทอดตัวชี้วัด "
    "2. การบริหารความเสี่ยง 3. การปรับปรุงระบบบริการประชาชน",
    "2. แผนพัฒนาองค์การด้านการพัฒนาเศรษฐกิจและคุณภาพชีวิต กิจกรรมหลัก 1. การพัฒนาผลิตภัณฑ์ชุมชน "
    "2. การส่งเสริมการท่องเที่ยว 3. การพัฒนาระบบสารสนเทศ",
]
# the rows cut by the page breaks (KPI 6 of plan 1, KPI 5 of plan 2), as the DOCX has them
CUT = {
    7: ["7.3 ด้านประสิทธิภาพของการปฏิบัติราชการ", "6.",
        "ร้อยละของการเบิกจ่ายงบประมาณรายจ่ายลงทุนของจังหวัดตามเป้าหมายที่รัฐบาลกำหนด", "88.7",
        "ร้อยละ 95", "0.5", "ร้อยละ 87", "ร้อยละ 89", "ร้อยละ 91", "ร้อยละ 93", "ร้อยละ 95"],
    15: ["7.3 ด้านประสิทธิภาพของการปฏิบัติราชการ", "5.",
         "ร้อยละของงบประมาณที่ประหยัดได้จากการจัดซื้อจัดจ้างด้วยวิธีประกวดราคาอิเล็กทรอนิกส์", "-",
         "ร้อยละ 5", "0.25", "ร้อยละ 1", "ร้อยละ 2", "ร้อยละ 3", "ร้อยละ 4", "ร้อยละ 5"],
}
LADDERS = [
    [80, 82.5, 85, 87.5, 90], [80, 85, 90, 95, 100], [75, 77.5, 80, 82.5, 85],
    [13, 11, 9, 7, 5], [18, 16, 14, 12, 10], [87, 89, 91, 93, 95], [2, 4, 6, 8, 10],
    [80, 85, 90, 95, 100], [1, 2, 3, 4, 5], [91, 92, 93, 94, 95], [10, 12.5, 15, 17.5, 20],
    [75, 77.5, 80, 82.5, 85], [6, 5, 4, 3, 2], [1, 2, 3, 4, 5], [12, 14, 16, 18, 20],
    [60, 65, 70, 75, 80], [1, 2, 3, 4, 5], [70, 75, 80, 85, 90],
]
WEIGHTS = [0.5, 0.5, 0.5, 0.5, 0.25, 0.5, 0.25, 0.5, 0.5,
           0.5, 0.5, 0.5, 0.25, 0.25, 0.5, 0.5, 0.25, 0.5]


def _n(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def form72():
    return read_document(FORM72)


@pytest.fixture(scope="module")
def gantt():
    return read_document(GANTT)


def test_repeated_heading_rows_are_dropped(form72):
    [table] = form72.tables()            # one table over three pages
    assert {c.page for c in table.cells} == {1, 2, 3}
    # 2 heading rows + 18 KPI rows: the heading repeated on pages 2 and 3 adds no rows
    assert (table.n_rows, table.n_cols) == (20, 12)
    grid = table.grid()
    assert [_n(x) for x in grid[0][:8]] == HEADING
    assert grid[1][7:] == ["1", "2", "3", "4", "5"]
    heading_words = {_squash(h) for h in HEADING}
    for row in grid[2:]:
        for text in row:
            assert _squash(text) not in heading_words
            for part in ("ตัวชี้วัดKPI", "ข้อมูลปัจจุบั", "Targe", "คะแ"):
                assert part not in _squash(text), row
    # item numbers run 1..9 twice: no row without a number, none twice
    assert [r[2] for r in grid[2:]] == [f"{i}." for i in range(1, 10)] * 2
    # the ladders end where they end: no heading ``1 2 3 4 5`` appended to a row above a break
    for row, ladder in zip(grid[2:], LADDERS):
        assert [float(re.sub(r"[^\d.]", "", x)) for x in row[7:]] == ladder


def test_row_cut_by_a_page_break_is_one_row_without_heading_text(form72):
    [table] = form72.tables()
    grid = table.grid()
    for r, expected in CUT.items():
        assert [_n(x) for x in grid[r][1:]] == expected
    # the cut row starts on the page before the break; the next row is on the next page,
    # with its own page number and its position on that page (below the repeated heading)
    pages = table.row_pages()
    assert (pages[7], pages[8]) == (1, 2) and (pages[15], pages[16]) == (2, 3)
    for r, page in ((8, 2), (16, 3)):
        cells = [c for c in table.cells if c.row == r]
        assert {c.page for c in cells} == {page}
        assert all(c.bbox[1] > 88 for c in cells)          # under the heading on that page
    for c in table.cells:
        p = form72.pages[c.page - 1]
        assert 0 <= c.bbox[0] < c.bbox[2] <= p.width and 0 <= c.bbox[1] < c.bbox[3] <= p.height


def test_plan_cells_span_their_rows_without_heading_text(form72):
    [table] = form72.tables()
    plans = [c for c in table.cells if c.col == 0 and c.row >= 2]
    assert [(c.row, c.rowspan, c.page) for c in plans] == [(2, 9, 1), (11, 9, 2)]
    assert [_squash(c.text) for c in plans] == [_squash(p) for p in PLANS]


def test_form72_records_from_the_pdf(form72):
    ex = extract(form72, ctx("phitsanulok/form72_repeated_header.pdf"))
    kpis = [r for r in ex.records if r.record_type == "kpi"]
    assert len(kpis) == 18
    assert [r.item_no for r in kpis] == [str(i) for i in range(1, 10)] * 2
    assert [[float(v) for v in r.ladder] for r in kpis] == LADDERS
    assert [float(r.weight) for r in kpis] == WEIGHTS
    assert [_squash(r.plan) for r in kpis] == [_squash(p) for p in PLANS for _ in range(9)]
    by = {(r.plan[:2], r.item_no): r for r in kpis}
    assert by[("1.", "6")].name == CUT[7][2] and by[("1.", "6")].page == 1
    assert by[("2.", "5")].name == CUT[15][2] and by[("2.", "5")].page == 2
    findings = validate(ex, date(2025, 10, 15))
    assert [f.code for f in findings] == []     # no WEIGHT_MISSING, LADDER_DUPLICATE, ...


def test_gantt_heading_clipped_over_a_row_stays_out_of_it(gantt):
    [table] = gantt.tables()
    grid = table.grid()
    assert _n(grid[0][15]) == "งบประมาณ (บาท)"
    body = grid[2:]
    assert [r[0] for r in body] == [str(i) for i in range(1, 28)] + [""]
    budgets = ["10,000", "45,000", "30,000", "60,000", "120,000", "400,000", "24,000",
               "15,000", "5,000"] * 3 + ["2,127,000"]
    assert [r[15] for r in body] == budgets
    first_on_3 = next(c for c in table.cells if c.col == 15 and c.page == 3)
    assert (first_on_3.row, first_on_3.text) == (2 + 21, "60,000")
    # the activity cut by the first page break is one row, responsible unit joined
    assert _n(grid[11][1]) == "ประชุมคณะทำงานเพื่อกำหนดแนวทางการดำเนินงานประจำปี (ระยะที่ 2)"
    assert grid[11][16] == "กลุ่มงานยุทธศาสตร์ฯ"


def test_gantt_records_from_the_pdf(gantt):
    ex = extract(gantt, ctx("phrae/gantt_repeated_header.pdf"))
    acts = [r for r in ex.records if r.record_type == "activity"]
    assert [r.item_no for r in acts] == [str(i) for i in range(1, 28)]
    assert [r.budget_thb for r in acts] == [10000, 45000, 30000, 60000, 120000, 400000, 24000,
                                            15000, 5000] * 3
    assert {r.page for r in acts[21:]} == {3}


def _cell(row, col, text, top, bottom, clipped=False):
    c = Cell(row=row, col=col, text=text, raw=text, page=1, bbox=(col * 50, top, col * 50 + 50,
                                                                    bottom))
    c._clipped = clipped
    return c


def test_heading_drawn_shorter_matches_only_its_own_start():
    first = Table(cells=[_cell(0, 0, "ที่", 0, 90), _cell(0, 1, "น้ำหนัก\nคะแนน", 0, 90)],
                  n_rows=2, n_cols=2)

    def cont(a, b, clipped=False, bottom=45):
        return Table(cells=[_cell(0, 0, a, 0, bottom), _cell(0, 1, b, 0, bottom, clipped)],
                     n_rows=2, n_cols=2)

    assert _same_cells(cont("ที่", "น้ำหนัก คะแนน", bottom=90), first, 0)   # whitespace aside
    assert _same_cells(cont("ที่", "น้ำหนักคะแ", clipped=True), first, 0)    # clipped end
    assert _same_cells(cont("ที่", "น้ำหนัก"), first, 0)            # drawn shorter than first
    assert not _same_cells(cont("ที่", "น้ำหนัก", bottom=90), first, 0)   # same height: other text
    assert not _same_cells(cont("ที่", "", clipped=True), first, 0)
    assert not _same_cells(cont("1", "น้ำหนักคะแนน"), first, 0)
