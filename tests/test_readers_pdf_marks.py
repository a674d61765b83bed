"""Thai marks in PDFs follow the base character they are stored after and drawn on, not the
box of their own glyph. Word files (python-docx) converted by LibreOffice
(``soffice --headless --convert-to pdf``), read back against the Word text:

- a tone mark stacked over an upper vowel (``ที่``, ``นี้``, ``ชี้``) reaches up over the border
  of a table above when the text under the table is set tight (exact line spacing, Word's
  default template, no space before): the line under the table keeps its marks, and the
  table's last row gets none of them (``5`` not ``5่``, ``ขั้นตอนที่ 1`` not ``ขั้นตอนที 1``);
- the same for a cell whose text opens with a mark-heavy word and for a table standing
  directly on another;
- a space that the file stores after the next word's first letters (LibreOffice does this
  where it takes the space from a fallback font: Word's default template, no Thai font set)
  carries no marks away: ``ประจำปี`` stays whole (not ``ำประจปี``);
- a KPI report typed that way extracts from its PDF what it does from its Word file;
- an activity plan row cut by a page break inside its period (``ม.ค. 66 - มี.ค.`` / ``66``) is
  put back together (the year goes on the month abbreviation), as the Word file has it.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from extract_helpers import ctx  # noqa: E402
from office import needs_soffice, save_as_pdf  # noqa: E402

from extractors import extract  # noqa: E402
from pipeline.readers import read_document  # noqa: E402
from schemas.document import Paragraph, Table  # noqa: E402

docx = pytest.importorskip("docx")
from docx.enum.text import WD_LINE_SPACING  # noqa: E402
from docx.oxml import OxmlElement  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402
from docx.shared import Pt  # noqa: E402

pytestmark = needs_soffice


def _installed_thai_fonts() -> set[str]:
    if shutil.which("fc-list") is None:
        return set()
    out = subprocess.run(["fc-list", ":lang=th", "family"], capture_output=True, text=True)
    return {f.strip() for line in out.stdout.splitlines() for f in line.split(",")}


# TH SarabunPSK is what real submissions name; where it is not installed LibreOffice falls
# back to another Thai font, which is a case of its own
FONTS = [f for f in ("Laksaman", "Garuda", "Loma") if f in _installed_thai_fonts()] + \
    ["TH SarabunPSK"]
SIZES = (12, 16)

T1 = [["ที่", "ผู้รับผิดชอบ", "นี้คือรายละเอียด"],
      ["1", "ผู้ว่าราชการจังหวัด", "ที่ตั้งสำนักงาน"],
      ["2", "ปี่พาทย์พื้นบ้าน", "นี้ยังไม่แล้วเสร็จ"],
      ["5", "ผู้ที่ได้รับมอบหมาย", "ที่นี่ปี่นี้"]]
P0 = "มิติที่ 1 ด้านประสิทธิผล ผู้ดูแลสุขภาพชุมชนปู่ย่า"
P1 = "ขั้นตอนที่ 1 : ผู้ที่ได้รับแต่งตั้งนี้ต้องชี้แจงปีที่ผ่านมา ภายในวันที่ 31 ตุลาคม 2566"
T2 = [["ตัวชี้วัดที่", "น้ำหนัก", "ผู้กำกับดูแล"], ["ที่ 1 ผู้สูงอายุ", "นี้ 10", "ที่นี่"]]
T3 = [["ปี่", "ผู้ที่", "ชี้แจง", "นี้"], ["ที่ 2", "ผู้พิการ", "ที่ 20", "ปี่นี้"]]
P2 = "ตัวชี้วัดที่ 2 ที่นี่ผู้ใหญ่บ้านชี้แจงแล้ว"


def _font(run, name, size):
    run.font.name = name
    run.font.size = Pt(size)
    rpr = run._element.get_or_add_rPr()
    rpr.find(qn("w:rFonts")).set(qn("w:cs"), name)
    sz = OxmlElement("w:szCs")
    sz.set(qn("w:val"), str(int(size * 2)))
    rpr.append(sz)


def _tight(p, size):
    pf = p.paragraph_format
    pf.space_before = Pt(0)
    pf.space_after = Pt(0)
    pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    pf.line_spacing = Pt(size)


def _para(d, text, font=None, size=None):
    p = d.add_paragraph()
    if font:
        _tight(p, size)
        _font(p.add_run(text), font, size)
    else:
        p.add_run(text)


def _table(d, rows, font=None, size=None):
    t = d.add_table(rows=len(rows), cols=len(rows[0]))
    t.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            p = t.cell(r, c).paragraphs[0]
            if font:
                _tight(p, size)
            if text:
                if font:
                    _font(p.add_run(text), font, size)
                else:
                    p.add_run(text)
    return t


def _tight_doc(font, size):
    d = docx.Document()
    _para(d, P0, font, size)
    _table(d, T1, font, size)
    _para(d, P1, font, size)          # directly under the table
    _table(d, T2, font, size)
    _table(d, T3, font, size)         # a table directly on a table
    _para(d, P2, font, size)
    return d


TITLE = "แผนปฏิบัติการ จังหวัดสกลนคร ประจำปีงบประมาณ พ.ศ. 2567"
LABEL = "ตัวชี้วัดที่ 1 ระดับความสำเร็จ น้ำหนัก ร้อยละ 10"
STEPS = ["แต่งตั้งคณะกรรมการขับเคลื่อน ภายในวันที่ 31 ตุลาคม 2566",
         "จัดทำแผนส่งเสริมการตลาด ภายในวันที่ 30 พฤศจิกายน 2566",
         "จัดกิจกรรมเชื่อมโยงตลาดไม่น้อยกว่า 3 ครั้ง ภายในวันที่ 29 กุมภาพันธ์ 2567",
         "ประเมินผลลัพธ์ ภายในวันที่ 30 มิถุนายน 2567",
         "สรุปและรายงานผล ภายในวันที่ 15 กันยายน 2567"]


def _plain_kpi():
    """A KPI report in Word's default template as python-docx makes it (no Thai font set:
    LibreOffice falls back to a Thai font, and the text under a table sits tight on it)."""
    d = docx.Document()
    for p in (TITLE, "รายงานผลการปฏิบัติราชการตามคำรับรองการปฏิบัติราชการ จังหวัดสกลนคร",
              "ประจำปีงบประมาณ พ.ศ. 2567 รอบ 6 เดือน", "มิติที่ 1 ด้านประสิทธิผล",
              "ตัวชี้วัดที่ 1 ระดับความสำเร็จของการส่งเสริมการตลาดสินค้าเกษตร",
              "ผู้กำกับดูแลตัวชี้วัด : นายสมบัติ ทองดี รองผู้ว่าราชการจังหวัดสกลนคร",
              "เกณฑ์การให้คะแนน :"):
        _para(d, p)
    _table(d, [["ระดับคะแนน"] + [f"ขั้นตอนที่ {i}" for i in range(1, 6)]] +
           [[str(lv)] + ["✓" if s <= lv else "" for s in range(1, 6)] for lv in range(1, 6)])
    for i, s in enumerate(STEPS, 1):
        _para(d, f"ขั้นตอนที่ {i} : {s}")
    _para(d, "ผลการดำเนินงาน :")
    _table(d, [["ขั้นตอน", "ผลการดำเนินงาน", "วันที่ดำเนินการแล้วเสร็จ"],
               ["ขั้นตอนที่ 1", "ดำเนินการแล้วเสร็จ", "20 ต.ค. 2566"],
               ["ขั้นตอนที่ 2", "ดำเนินการแล้วเสร็จ", "28 พ.ย. 2566"]] +
           [[f"ขั้นตอนที่ {i}", "", ""] for i in range(3, 6)])
    _para(d, LABEL)
    _table(d, [["ที่", "นี้คือ"], ["5", "ผู้ที่"]])
    _para(d, "ขั้นตอนที่ 1 : ผู้ที่นี่ชี้แจงแล้ว")
    return d


def _plan_after(n_lines: int):
    """An activity plan low on a page (after ``n_lines`` short paragraphs): its 2-line rows,
    one of which the page break cuts for some ``n_lines``."""
    d = docx.Document()
    for i in range(n_lines):
        d.add_paragraph(f"ขั้นตอนที่ {i} : ดำเนินงาน")
    d.add_paragraph("แผนปฏิบัติการ สำนักงานจังหวัดบุรีรัมย์ ประจำปีงบประมาณ พ.ศ. 2566")
    _table(d, [["ที่", "กิจกรรม", "ระยะเวลา", "งบประมาณ (บาท)", "ผลการดำเนินงาน"]] +
           [[str(i), f"กิจกรรมที่ {i} ส่งเสริมการท่องเที่ยว", "ม.ค. 66 - มี.ค. 66", "50,000",
             "ดำเนินการแล้วเสร็จ"] for i in range(1, 8)])
    return d


PLANS = [f"plan_{n}" for n in range(38, 42)]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("marks")
    docs = {f"tight_{f.replace(' ', '')}_{s}": _tight_doc(f, s) for f in FONTS for s in SIZES}
    docs["plain_kpi"] = _plain_kpi()
    docs.update({name: _plan_after(int(name[5:])) for name in PLANS})
    srcs = save_as_pdf(docs, tmp)
    return {s.stem: (read_document(s.with_suffix(".pdf")), s) for s in srcs}


def _blocks(doc):
    return [b for p in doc.pages for b in p.blocks]


def _wrong_cells(table: Table, rows: list[list[str]], first: int = 0) -> list[tuple]:
    got = {(c.row, c.col): c.text.replace("\n", "") for c in table.cells}
    return [(r, c, got.get((first + r, c)), text) for r, row in enumerate(rows)
            for c, text in enumerate(row) if got.get((first + r, c), "") != text]


@pytest.mark.parametrize("name", [f"tight_{f.replace(' ', '')}_{s}" for f in FONTS
                                  for s in SIZES])
def test_text_set_tight_under_a_table_keeps_its_marks(built, name):
    pdf, _ = built[name]
    tables = [b for b in _blocks(pdf) if isinstance(b, Table)]
    paras = [b.text for b in _blocks(pdf) if isinstance(b, Paragraph)]
    assert P1 in paras and P2 in paras
    assert len(tables) == 3
    assert _wrong_cells(tables[0], T1) == []            # the last row gets no marks from below
    assert _wrong_cells(tables[1], T2) == []
    assert _wrong_cells(tables[2], T3) == []


def test_default_template_reads_as_typed(built):
    pdf, _ = built["plain_kpi"]
    paras = [b.text for b in _blocks(pdf) if isinstance(b, Paragraph)]
    assert TITLE in paras                               # not ``ำประจปีงบประมาณ``
    assert LABEL in paras                               # not ``ความสำเร็จำน้หนัก``
    assert [f"ขั้นตอนที่ {i} : {s}" for i, s in enumerate(STEPS, 1)] == \
        [p for p in paras if p.startswith("ขั้นตอนที่") and p[11:12].isdigit() and
         "ผู้ที่" not in p]
    assert "ขั้นตอนที่ 1 : ผู้ที่นี่ชี้แจงแล้ว" in paras
    tables = [b for b in _blocks(pdf) if isinstance(b, Table)]
    assert _wrong_cells(tables[0], [[str(lv)] + ["✓" if s <= lv else "" for s in range(1, 6)]
                                    for lv in range(1, 6)], first=1) == []
    assert _wrong_cells(tables[-1], [["ที่", "นี้คือ"], ["5", "ผู้ที่"]]) == []


def test_default_template_kpi_extracts_what_its_word_file_does(built):
    pdf, src = built["plain_kpi"]

    def records(doc, path):
        return [(r.record_type, r.item_no, r.name, r.level)
                for r in extract(doc, ctx(f"agency/{path.name}")).records]

    from_word = records(read_document(src), src)
    assert sum(r[0] == "milestone" for r in from_word) >= 5
    assert records(pdf, src.with_suffix(".pdf")) == from_word


@pytest.mark.parametrize("name", PLANS)
def test_plan_row_cut_in_its_period_by_a_page_break_is_one_row(built, name):
    pdf, src = built[name]

    def records(doc, path):
        return [(r.record_type, r.item_no, r.name, r.start_raw, r.end_raw, r.status)
                for r in extract(doc, ctx(f"agency/{path.name}")).records]

    from_word = records(read_document(src), src)
    assert len(from_word) == 7 and all(r[4] == "มี.ค. 66" for r in from_word)
    assert records(pdf, src.with_suffix(".pdf")) == from_word
