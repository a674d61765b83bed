"""A running header that differs from page to page only in its page number (``… หน้า 3/5``,
``… หน้า 4/5``), in a Word file of several sections exported by LibreOffice:

- a portrait cover page without a header, then a landscape section whose header (set right,
  ending in ``หน้า PAGE/NUMPAGES``) sits just above the plan's title, with no paragraph spacing
  between them: the PDF reader must not join the header to the title;
- the activity table goes on over the next landscape page (the header between its two parts);
- a portrait closing page where the same header, too long for the narrower page, wraps onto
  two lines.

The header is page furniture: the plan's records get the title's project, never the header's
text, and the table is one table of every row.
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
from docx.enum.section import WD_ORIENT, WD_SECTION  # noqa: E402
from docx.enum.text import WD_ALIGN_PARAGRAPH  # noqa: E402
from docx.oxml import OxmlElement  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402
from docx.shared import Cm, Pt  # noqa: E402

from extractors import extract  # noqa: E402
from pipeline.readers import read_document  # noqa: E402
from schemas.document import Paragraph, Table  # noqa: E402

pytestmark = needs_soffice

FONT = "Norasi"
PROJECT = "โครงการส่งเสริมสุขภาพกำลังพลและครอบครัวในพื้นที่ค่ายทหาร"
HEAD = f"แผนปฏิบัติการ {PROJECT} กองพันทหารช่างที่ 9 ค่ายบุรฉัตร จังหวัดราชบุรี หน้า "
TITLE = f"แผนปฏิบัติการ {PROJECT} ประจำปีงบประมาณ พ.ศ. 2570"
HEADING = ["ลำดับ", "กิจกรรม/ขั้นตอน", "ระยะเวลาดำเนินการ", "ไตรมาสที่ 1", "ไตรมาสที่ 2",
           "ไตรมาสที่ 3", "ไตรมาสที่ 4", "งบประมาณ (บาท)", "ผู้รับผิดชอบ"]
STEPS = ["ประชุมชี้แจงแนวทางการดำเนินงานแก่ผู้บังคับหน่วยและเจ้าหน้าที่",
         "ตรวจสุขภาพประจำปีของกำลังพลและครอบครัวทุกนาย",
         "จัดกิจกรรมออกกำลังกายร่วมกันสัปดาห์ละสองครั้ง",
         "อบรมความรู้ด้านโภชนาการและการลดน้ำหนักแก่ผู้มีภาวะเสี่ยง",
         "จัดแข่งขันกีฬาสีประจำปีภายในค่าย",
         "ติดตามผลสุขภาพของผู้มีภาวะเสี่ยงรายไตรมาส",
         "สรุปผลและรายงานผู้บังคับบัญชา"]
SPANS = ["ต.ค. 69 - พ.ย. 69", "พ.ย. 69 - ธ.ค. 69", "ม.ค. 70 - ก.ย. 70", "ก.พ. 70 - มี.ค. 70",
         "เม.ย. 70 - พ.ค. 70", "ม.ค. 70 - ก.ย. 70", "ส.ค. 70 - ก.ย. 70"]
A4 = (Cm(21), Cm(29.7))
QUARTERS = [(1,), (1,), (2, 3, 4), (2,), (3,), (2, 3, 4), (4,)]


def _run(par, text, size=15, bold=False):
    return add_run(par, text, FONT, size, bold)


def _field(par, code):
    for kind, text in (("begin", None), (None, f" {code} "), ("end", None)):
        r = _run(par, "")
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        r._element.append(el)


def _header(section):
    section.header.is_linked_to_previous = False
    p = section.header.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _run(p, HEAD)
    _field(p, "PAGE")
    _run(p, "/")
    _field(p, "NUMPAGES")


def _margins(section):
    section.top_margin, section.bottom_margin = Cm(1.8), Cm(1.5)
    section.left_margin = section.right_margin = Cm(1.8)
    section.header_distance = Cm(1.4)


def _plan_docx():
    d = docx.Document()
    cover = d.sections[0]
    cover.page_width, cover.page_height = A4
    _margins(cover)
    for text in ("แผนปฏิบัติการ", PROJECT, "ประจำปีงบประมาณ พ.ศ. 2570", "กองพันทหารช่างที่ 9"):
        p = d.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _run(p, text, size=20, bold=True)
    wide = d.add_section(WD_SECTION.NEW_PAGE)
    wide.orientation = WD_ORIENT.LANDSCAPE
    wide.page_width, wide.page_height = A4[1], A4[0]
    _margins(wide)
    _header(wide)
    p = d.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.space_before = p.paragraph_format.space_after = Pt(0)
    _run(p, TITLE, bold=True)
    rows = [HEADING]
    for i, (step, span, qs) in enumerate(zip(STEPS, SPANS, QUARTERS), start=1):
        rows.append([str(i), step, span] + ["✓" if q in qs else "" for q in (1, 2, 3, 4)] +
                    [f"{i * 15},000", "แผนกกำลังพล"])
    t = d.add_table(rows=len(rows), cols=len(HEADING))
    t.style = "Table Grid"
    for i, row in enumerate(rows):
        for j, v in enumerate(row):
            cp = t.cell(i, j).paragraphs[0]
            cp.paragraph_format.space_after = Pt(36)     # tall rows: the table takes two pages
            _run(cp, v, bold=i == 0)
    closing = d.add_section(WD_SECTION.NEW_PAGE)
    closing.orientation = WD_ORIENT.PORTRAIT
    closing.page_width, closing.page_height = A4
    _margins(closing)
    _header(closing)
    for text in ("การอนุมัติแผน", "ลงชื่อ พันโท สมศักดิ์ ใจกล้า", "ผู้บังคับกองพันทหารช่างที่ 9"):
        p = d.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _run(p, text)
    return d


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("numbered_heads")
    src, = save_as_pdf({"health_plan": _plan_docx()}, tmp)
    return read_document(src.with_suffix(".pdf")), src


def test_numbered_header_is_not_joined_to_the_title_under_it(built):
    pdf, _ = built
    assert len(pdf.pages) >= 4
    paras = [b.text for p in pdf.pages for b in p.blocks if isinstance(b, Paragraph)]
    with_number = [t for t in paras if "หน้า" in t]
    assert with_number
    # the header stands alone: its page number ends its paragraph (wrapped or not)
    assert all(t.rstrip()[-1].isdigit() for t in with_number)
    assert not any("ประจำปีงบประมาณ" in t for t in with_number)


def test_plan_over_pages_with_numbered_header_is_one_table(built):
    pdf, _ = built
    tables = [b for p in pdf.pages for b in p.blocks if isinstance(b, Table)]
    assert len(tables) == 1
    assert len({c.page for c in tables[0].cells}) >= 2
    firsts = [row[0] for row in tables[0].grid()[1:] if row[0].strip()]
    assert firsts == [str(i) for i in range(1, len(STEPS) + 1)]


def test_records_take_the_titles_project_not_the_header(built):
    pdf, src = built
    recs = [r for r in extract(pdf, ctx(f"agency/{src.stem}.pdf")).records
            if r.record_type == "activity"]
    assert [r.item_no for r in recs] == [str(i) for i in range(1, len(STEPS) + 1)]
    assert {r.plan for r in recs} == {PROJECT}
