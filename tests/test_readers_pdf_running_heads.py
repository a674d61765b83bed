"""PDF tables cut by a page break in documents with running page headers and footers. Word
files (python-docx) exported by LibreOffice, read back against the Word file:

- a landscape activity plan of 30 activities over six pages with a header line (``แผนปฏิบัติการ
  ปี 2567``) and a footer with a page number (``สำนักงาน… หน้า N``) on every page: the header and
  footer stand between the parts of the table, which is still one table of every row, and
  neither ends up inside it;
- a shorter table over two pages with only a page number (``- 2 -``) at the top of the second
  (Word's "different first page"): a line holding nothing but a page number is furniture even
  where it does not repeat;
- the same table with neither: LibreOffice cuts the rows at the page breaks, an amount
  (``10,00`` / ``0``) and an activity name (``…รอบ`` / ``11``) among them, and the halves are one
  row again.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from extract_helpers import ctx  # noqa: E402
from office import add_run, needs_soffice, save_as_pdf  # noqa: E402

docx = pytest.importorskip("docx")
from docx.enum.section import WD_ORIENT  # noqa: E402
from docx.oxml import OxmlElement  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402
from docx.shared import Cm  # noqa: E402

from extractors import extract  # noqa: E402
from pipeline.readers import read_document  # noqa: E402
from schemas.document import Paragraph, Table  # noqa: E402

pytestmark = needs_soffice

FONT = "Norasi"
HEADER = "แผนปฏิบัติการ ปี 2567"
FOOTER = "สำนักงานแรงงานจังหวัดตัวอย่าง หน้า "
MONTHS = ["ต.ค. 66", "พ.ย. 66", "ธ.ค. 66", "ม.ค. 67", "ก.พ. 67", "มี.ค. 67", "เม.ย. 67", "พ.ค. 67",
          "มิ.ย. 67", "ก.ค. 67", "ส.ค. 67", "ก.ย. 67"]


def _rows(n: int) -> list[list[str]]:
    return ([["ที่", "กิจกรรม", "งบประมาณ"] + MONTHS + ["ผู้รับผิดชอบ"]] +
            [[str(i), f"จัดประชุมชี้แจงรอบ {i}", "10,000"] +
             ["✓" if m == i % 12 else "" for m in range(12)] + ["กลุ่มงานบริหารทั่วไป"]
             for i in range(1, n + 1)] +
            [["", "รวม", f"{n * 10 + 10},000"] + [""] * 13])


# activities in each plan: the one with a page number alone fills two pages
SIZE = {"running": 30, "number": 8, "bare": 30}


def _run(par, text, size=14, bold=False):
    return add_run(par, text, FONT, size, bold)


def _page_field(par):
    for kind, text in (("begin", None), (None, " PAGE "), ("end", None)):
        r = _run(par, "", size=12)
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        r._element.append(el)


def _plan(heads: str, rows: list[list[str]]):
    """The plan; ``heads``: "" none, "running" header and footer on every page, "number" a
    bare page number heading the pages after the first."""
    d = docx.Document()
    s = d.sections[0]
    s.orientation = WD_ORIENT.LANDSCAPE
    s.page_width, s.page_height = s.page_height, s.page_width
    for m in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(s, m, Cm(1.5))
    if heads == "running":
        _run(s.header.paragraphs[0], HEADER, size=12)
        fp = s.footer.paragraphs[0]
        _run(fp, FOOTER, size=12)
        _page_field(fp)
    elif heads == "number":
        s.different_first_page_header_footer = True
        hp = s.header.paragraphs[0]
        _run(hp, "- ", size=12)
        _page_field(hp)
        _run(hp, " -", size=12)
    _run(d.add_paragraph(), "แผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. 2567 สำนักงานแรงงานจังหวัดตัวอย่าง",
         bold=True)
    t = d.add_table(rows=len(rows), cols=len(rows[0]))
    t.style = "Table Grid"
    for i, row in enumerate(rows):
        for j, v in enumerate(row):
            _run(t.cell(i, j).paragraphs[0], v, bold=i == 0)
    return d


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("running_heads")
    srcs = save_as_pdf({name: _plan(heads, _rows(SIZE[name])) for name, heads in
                        (("running", "running"), ("number", "number"), ("bare", ""))}, tmp)
    return {s.stem: (read_document(s.with_suffix(".pdf")), s) for s in srcs}


def _records(doc, path):
    return [(r.record_type, r.item_no, r.name, r.budget_thb, r.start_raw, r.end_raw)
            for r in extract(doc, ctx(f"agency/{path.name}")).records]


@pytest.mark.parametrize("name", ["running", "number", "bare"])
def test_plan_cut_by_page_breaks_is_one_table_of_every_row(built, name):
    pdf, src = built[name]
    assert len(pdf.pages) >= 2
    tables = [b for p in pdf.pages for b in p.blocks if isinstance(b, Table)]
    assert len(tables) == 1
    t = tables[0]
    got = [[c.replace("\n", "") for c in row] for row in t.grid()]
    assert got == _rows(SIZE[name])
    assert {c.page for c in t.cells} == set(range(1, len(pdf.pages) + 1))


@pytest.mark.parametrize("name", ["running", "number", "bare"])
def test_plan_cut_by_page_breaks_extracts_what_its_word_file_does(built, name):
    pdf, src = built[name]
    from_word = _records(read_document(src), src)
    assert len(from_word) == SIZE[name]
    assert _records(pdf, src.with_suffix(".pdf")) == from_word


def test_running_heads_stay_paragraphs_of_their_pages(built):
    pdf, _ = built["running"]
    for p in pdf.pages:
        texts = [b.text for b in p.blocks if isinstance(b, Paragraph)]
        assert HEADER in texts and f"{FOOTER}{p.number}" in texts
