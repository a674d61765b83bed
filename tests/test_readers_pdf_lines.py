"""PDF line grouping and table splitting on layouts LibreOffice makes of ordinary Word files
(python-docx, then ``soffice --headless --convert-to pdf``), read back against the Word text:

- mixed fonts and sizes on one line: a Word style whose Latin font and size are set while the
  complex-script (Thai) font and size are left at their defaults (``w:sz`` without ``w:szCs``,
  ``rFonts`` ascii without cs), Thai bigger than Latin, digits set in a run of another font and
  size: every Word paragraph and table cell reads whole, in order (``มิติที่ 1``, not ``1`` then
  ``มิติที่``), and the KPI report extracts what its Word file does;
- superscripts, subscripts and footnote marks (``ม²``, ``CO₂``, ``ตัวชี้วัดที่ 1¹⁾``) stay on their line;
- a hyphen at a line's end (``e-``/``Report``) is kept;
- a table standing directly on another (no paragraph between, columns at other places) is read
  as two tables, and the lower one still continues across a page break; a table whose heading
  merges cells over its columns stays one table.
"""
from __future__ import annotations

import re
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
from docx.oxml import OxmlElement  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402
from docx.shared import Pt  # noqa: E402

pytestmark = needs_soffice


# ---------------------------------------------------------------- building the Word files

def _rpr(rpr, ascii=None, cs=None, sz=None, szCs=None, vert=None):
    if ascii or cs:
        f = rpr.find(qn("w:rFonts"))
        if f is None:
            f = OxmlElement("w:rFonts")
            rpr.insert(0, f)
        if ascii:
            f.set(qn("w:ascii"), ascii)
            f.set(qn("w:hAnsi"), ascii)
        if cs:
            f.set(qn("w:cs"), cs)
    for tag, v in (("w:sz", sz), ("w:szCs", szCs)):
        if v:
            e = rpr.find(qn(tag))
            if e is None:
                e = OxmlElement(tag)
                rpr.append(e)
            e.set(qn("w:val"), str(int(v * 2)))
    if vert:
        e = OxmlElement("w:vertAlign")
        e.set(qn("w:val"), vert)
        rpr.append(e)


def _runs(p, parts):
    if isinstance(parts, str):
        parts = [(parts, {})]
    for text, opts in parts:
        r = p.add_run(text)
        if opts:
            _rpr(r._element.get_or_add_rPr(), **opts)


def _para(d, parts):
    _runs(d.add_paragraph(), parts)


def _table(d, rows):
    t = d.add_table(rows=len(rows), cols=len(rows[0]))
    t.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, parts in enumerate(row):
            if parts:
                _runs(t.cell(r, c).paragraphs[0], parts)
    return t


def _widths(t, cms):
    t.autofit = False
    for col, w in zip(t.columns, cms):
        col.width = docx.shared.Cm(w)
    for row in t.rows:
        for c, w in zip(row.cells, cms):
            c.width = docx.shared.Cm(w)


def _plain(s):
    return [(s, {})]


STEPS = ["แต่งตั้งคณะทำงานพัฒนาระบบบริการ ภายใน 31 ต.ค. 66",
         "จัดทำแผนการดำเนินงาน ภายใน 31 ธ.ค. 66",
         "ดำเนินการตามแผนได้ไม่น้อยกว่าร้อยละ 50 ภายใน 31 มี.ค. 67",
         "ดำเนินการตามแผนได้ไม่น้อยกว่าร้อยละ 80 ภายใน 30 มิ.ย. 67",
         "สรุปผลและรายงานผู้บริหาร ภายใน 15 ก.ย. 67"]


def _kpi(d, agency, digits=_plain):
    """A KPI report: heading paragraphs, a milestone matrix, the steps, a results table; the
    digits written by ``digits`` (a run of their own, in another font or size)."""
    def mixed(s):
        out = []
        for tok in re.split(r"(\d[\d.\-]*)", s):
            if tok:
                out += digits(tok) if tok[0].isdigit() else [(tok, {})]
        return out
    _para(d, mixed(f"รายงานผลการปฏิบัติราชการตามคำรับรองการปฏิบัติราชการ {agency}"))
    _para(d, mixed("ประจำปีงบประมาณ พ.ศ. 2567 (รอบ 12 เดือน)"))
    _para(d, mixed("มิติที่ 1 ด้านประสิทธิผล"))
    _para(d, mixed("ชื่อตัวชี้วัดที่ 2.1 : ระดับความสำเร็จของการพัฒนาระบบบริการ (Service Level "
                   "Agreement) ของหน่วยงานในสังกัดทุกแห่งภายในจังหวัดให้ได้มาตรฐาน"))
    _para(d, "ผู้กำกับดูแลตัวชี้วัด : นายแพทย์สมชาย ใจดี")
    _para(d, mixed("ผู้จัดเก็บข้อมูล : นางสาวมาลี ศรีสุข โทร. 0-5471-0123"))
    _para(d, mixed("เกณฑ์การให้คะแนน : กำหนดเป็นระดับขั้นของความสำเร็จ (Milestone) 5 ระดับ ดังนี้"))
    _table(d, [[_plain("ระดับคะแนน")] + [mixed(f"ขั้นตอนที่ {i}") for i in range(1, 6)]] +
           [[mixed(str(lv))] + [_plain("✓") if s <= lv else None for s in range(1, 6)]
            for lv in range(1, 6)])
    _para(d, "โดยที่ :")
    for i, s in enumerate(STEPS, 1):
        _para(d, mixed(f"ขั้นตอนที่ {i} : {s}"))
    _para(d, "ผลการดำเนินงาน :")
    res = [("ดำเนินการแล้ว", "20 ต.ค. 66"), ("ดำเนินการแล้ว", "28 ธ.ค. 66"),
           ("ดำเนินการแล้ว", "30 มี.ค. 67"), ("อยู่ระหว่างดำเนินการ", ""), ("", "")]
    _table(d, [[_plain("ขั้นตอน"), _plain("ผลการดำเนินงาน"), _plain("วันที่ดำเนินการแล้วเสร็จ")]] +
           [[mixed(f"ขั้นตอนที่ {i}"), _plain(r) if r else None, mixed(dt) if dt else None]
            for i, (r, dt) in enumerate(res, 1)])


def _styled(**normal):
    d = docx.Document()
    _rpr(d.styles["Normal"].element.get_or_add_rPr(), **normal)
    return d


def _mixed_docs():
    docs = {}
    # the Latin font and size set the way python-docx sets them (ascii/hAnsi and w:sz only):
    # Thai falls back to another font at the default complex-script size
    d = docx.Document()
    d.styles["Normal"].font.name = "TH Sarabun New"
    d.styles["Normal"].font.size = Pt(14)
    _kpi(d, "สำนักงานจังหวัดตัวอย่าง")
    docs["style_latin_only"] = d
    # Thai bigger than Latin (w:szCs 16, w:sz 12), fonts apart
    d = _styled(ascii="Tahoma", cs="TH SarabunPSK", sz=12, szCs=16)
    _kpi(d, "กรมตัวอย่างสอง")
    docs["thai_bigger"] = d
    # a complex-script font of its own at a smaller size than the Latin one
    d = _styled(ascii="TH Sarabun New", cs="Tahoma", sz=14, szCs=12)
    _kpi(d, "กรมตัวอย่างสาม")
    docs["cs_tahoma"] = d
    # digits as runs of another font, bigger, then smaller than the Thai text
    d = _styled(ascii="TH SarabunPSK", cs="TH SarabunPSK", sz=14, szCs=14)
    _kpi(d, "กรมตัวอย่างสี่", digits=lambda s: [(s, dict(ascii="Angsana New", cs="Angsana New",
                                                              sz=18, szCs=18))])
    docs["digits_big"] = d
    d = _styled(ascii="TH SarabunPSK", cs="TH SarabunPSK", sz=16, szCs=16)
    _kpi(d, "กรมตัวอย่างห้า", digits=lambda s: [(s, dict(ascii="Tahoma", cs="Tahoma", sz=10,
                                                             szCs=10))])
    docs["digits_small"] = d
    # superscripts, subscripts, footnote marks; a long paragraph wrapping in mixed fonts
    for name, normal in (("marks_one_font", None), ("marks_two_fonts", "TH Sarabun New")):
        d = docx.Document()
        if normal:
            d.styles["Normal"].font.name = normal
            d.styles["Normal"].font.size = Pt(14)
        else:
            _rpr(d.styles["Normal"].element.get_or_add_rPr(), ascii="TH SarabunPSK",
                 cs="TH SarabunPSK", sz=16, szCs=16)
        sup, sub = dict(vert="superscript"), dict(vert="subscript")
        _para(d, "รายงานผลการดำเนินงานด้านสิ่งแวดล้อม")
        _para(d, [("พื้นที่สีเขียวเพิ่มขึ้น 500 ม", {}), ("2", sup), (" ภายในปี 2567", {})])
        _para(d, [("ตัวชี้วัดที่ 1", {}), ("1)", sup), (" : ร้อยละของการลดปริมาณก๊าซ CO", {}),
                  ("2", sub), (" ในพื้นที่", {})])
        _table(d, [[_plain("ตัวชี้วัด"), _plain("หน่วยนับ"), _plain("ค่าเป้าหมาย")],
                   [[("พื้นที่สีเขียว", {}), ("1)", sup)], [("ม", {}), ("2", sup)], _plain("500")],
                   [[("ปริมาณ CO", {}), ("2", sub), (" ที่ลดลง", {})],
                    [("ตัน CO", {}), ("2", sub), ("e", {})], _plain("1,200")]])
        _para(d, [("หมายเหตุ ", {}), ("1)", sup),
                  (" ข้อมูลจากสำนักงานทรัพยากรธรรมชาติและสิ่งแวดล้อมจังหวัด ซึ่งรวบรวมข้อมูลพื้นที่สี"
                   "เขียวทั้งในเขตเมืองและนอกเขตเมืองเป็นรายไตรมาส และรายงานผลต่อคณะกรรมการทุกเดือน", {})])
        docs[name] = d
    d = _styled(ascii="Tahoma", cs="TH SarabunPSK", sz=14)
    _para(d, "คำอธิบายตัวชี้วัด")
    _para(d, "หน่วยงานในสังกัดจำนวน 25 แห่ง ต้องจัดทำแผนปฏิบัติการประจำปี 2567 ให้แล้วเสร็จภายในวันที่ "
             "31 ตุลาคม 2566 และรายงานผลการดำเนินงานทุกไตรมาส รวม 4 ครั้ง ผ่านระบบ e-Report ของ"
             "กระทรวง โดยมีเป้าหมายร้อยละ 80 ของหน่วยงานทั้งหมด และมีการติดตามประเมินผล 2 ครั้งต่อปี")
    _para(d, "สูตรการคำนวณ : (จำนวนหน่วยงานที่รายงานผลครบ 4 ไตรมาส / จำนวนหน่วยงานทั้งหมด 25 แห่ง) x 100")
    _para(d, "เงื่อนไข : หน่วยงานที่จัดส่งรายงานล่าช้าเกิน 15 วัน จะไม่นับเป็นผลงานในไตรมาสนั้น")
    docs["wrapped"] = d
    return docs


def _stacked_docs():
    docs = {}
    # a milestone matrix, directly under it (no paragraph) a steps table long enough to go on
    # to the next page
    d = docx.Document()
    d.styles["Normal"].font.size = Pt(14)
    for p in ("รายงานผลการปฏิบัติราชการตามคำรับรองการปฏิบัติราชการ สำนักงานสาธารณสุขจังหวัดตรัง",
              "ประจำปีงบประมาณ พ.ศ. 2565 (รอบ 12 เดือน)", "มิติที่ 1 ด้านประสิทธิผล",
              "ชื่อตัวชี้วัดที่ 5 : ระดับความสำเร็จของการควบคุมโรคไข้เลือดออก",
              "ผู้กำกับดูแลตัวชี้วัด : นายแพทย์สมชาย ใจดี",
              "คำอธิบาย : " + "การควบคุมโรคไข้เลือดออกในพื้นที่จังหวัดให้มีอัตราป่วยลดลงจากค่ามัธยฐาน"
              "ย้อนหลังห้าปี โดยความร่วมมือของหน่วยบริการทุกระดับและองค์กรปกครองส่วนท้องถิ่น " * 6,
              "เกณฑ์การให้คะแนน : กำหนดเป็นระดับขั้นของความสำเร็จ (Milestone) 5 ระดับ ดังนี้"):
        _para(d, p)
    _table(d, [[_plain("คะแนน"), _plain("ขั้นตอนที่")] + [None] * 4,
               [None] + [_plain(str(i)) for i in range(1, 6)]] +
           [[_plain(str(lv))] + [_plain("/") if s <= lv else None for s in range(1, 6)]
            for lv in range(1, 6)])
    steps = [("แต่งตั้งคณะทำงานควบคุมโรคไข้เลือดออกระดับจังหวัดและระดับอำเภอ", "31 ต.ค. 64",
              "ดำเนินการแล้วเสร็จเมื่อวันที่ 20 ต.ค. 2564"),
             ("จัดทำแผนการดำเนินงานควบคุมโรคและสื่อสารความเสี่ยงแก่ประชาชน", "ภายใน ธ.ค. 2564",
              "ดำเนินการแล้วเสร็จเมื่อวันที่ 15 ม.ค. 2565"),
             ("ดำเนินการสำรวจลูกน้ำยุงลายและกำจัดแหล่งเพาะพันธุ์ในชุมชนทุกหมู่บ้าน", "ไตรมาสที่ 2",
              "ดำเนินการแล้วเสร็จเมื่อวันที่ 30 มี.ค. 2565"),
             ("ประเมินผลการดำเนินงานและติดตามค่าดัชนีลูกน้ำยุงลายทุกเดือน", "30 มิ.ย. 65",
              "อยู่ระหว่างดำเนินการ"),
             ("รายงานผลต่อนายแพทย์สาธารณสุขจังหวัดและคณะกรรมการควบคุมโรคจังหวัด", "ภายใน ก.ย. 2565",
              "-")]
    _table(d, [[_plain(h) for h in ("ขั้นตอนที่", "รายละเอียดการดำเนินงาน", "กำหนดแล้วเสร็จ",
                                     "ผลการดำเนินงาน")]] +
           [[_plain(str(i)), _plain(a), _plain(b), _plain(c)] for i, (a, b, c) in
            enumerate(steps, 1)])
    docs["stacked_steps"] = d
    # two tables stacked with the same number of columns at other places; then a plan whose
    # heading merges month columns into quarters (one table)
    d = docx.Document()
    d.styles["Normal"].font.size = Pt(14)
    _para(d, "ข้อมูลโครงการ")
    t = _table(d, [[_plain("ชื่อโครงการ"), _plain("งบประมาณ (บาท)"), _plain("ผู้รับผิดชอบ")],
                   [_plain("โครงการพัฒนาระบบสารสนเทศ"), _plain("150,000"), _plain("กลุ่มงานแผน")],
                   [_plain("โครงการอบรมเจ้าหน้าที่"), _plain("80,000"), _plain("กลุ่มงานบุคคล")]])
    _widths(t, (8.0, 3.5, 4.5))
    t = _table(d, [[_plain("ไตรมาส"), _plain("เป้าหมาย"), _plain("ผล")],
                   [_plain("1"), _plain("25"), _plain("30")],
                   [_plain("2"), _plain("50"), _plain("45")]])
    _widths(t, (3.0, 6.5, 6.5))
    _para(d, "แผนการดำเนินงาน")
    t = _table(d, [[_plain("กิจกรรม"), _plain("ไตรมาส 1"), None, None, _plain("ไตรมาส 2"), None,
                    None],
                   [None] + [_plain(m) for m in ("ต.ค.", "พ.ย.", "ธ.ค.", "ม.ค.", "ก.พ.", "มี.ค.")],
                   [_plain("ประชุมชี้แจง")] + [_plain("/") if k < 2 else None for k in range(6)],
                   [_plain("ลงพื้นที่")] + [_plain("/") if k > 2 else None for k in range(6)]])
    t.cell(0, 1).merge(t.cell(0, 3))
    t.cell(0, 4).merge(t.cell(0, 6))
    t.cell(0, 0).merge(t.cell(1, 0))
    docs["stacked_same_count"] = d
    return docs


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("lines")
    docs = {**_mixed_docs(), **_stacked_docs()}
    srcs = save_as_pdf(docs, tmp)
    return {s.stem: (docx.Document(s), read_document(s.with_suffix(".pdf")), s) for s in srcs}


def _norm(s: str) -> str:
    return re.sub(r"\s+", "", s)


def _blocks(doc):
    return [b for p in doc.pages for b in p.blocks]


def _missing(word, pdf) -> list[str]:
    """Word paragraphs and cells that the PDF reading does not have as one paragraph or cell."""
    paras = {_norm(b.text) for b in _blocks(pdf) if isinstance(b, Paragraph)}
    cells = {_norm(c.text) for b in _blocks(pdf) if isinstance(b, Table) for c in b.cells}
    want_p = [p.text for p in word.paragraphs if p.text.strip()]
    want_c = [c.text for t in word.tables for row in t.rows for c in row.cells if c.text.strip()]
    # two one-line title paragraphs in a row cannot be told from one wrapped paragraph when the
    # page has no wrapped line to measure the line spacing by: the first two are left out
    return [p for p in want_p[2:] if _norm(p) not in paras] + \
        [c for c in want_c if _norm(c) not in cells]


MIXED = ["style_latin_only", "thai_bigger", "cs_tahoma", "digits_big", "digits_small",
         "marks_one_font", "marks_two_fonts", "wrapped"]


@pytest.mark.parametrize("name", MIXED)
def test_mixed_fonts_read_every_paragraph_and_cell_whole(built, name):
    word, pdf, _ = built[name]
    assert _missing(word, pdf) == []


@pytest.mark.parametrize("name", ["style_latin_only", "thai_bigger", "cs_tahoma", "digits_big",
                                  "digits_small"])
def test_mixed_fonts_keep_labels_before_their_numbers(built, name):
    _, pdf, _ = built[name]
    texts = [b.text for b in _blocks(pdf) if isinstance(b, Paragraph)]
    assert "มิติที่ 1 ด้านประสิทธิผล" in texts
    assert sum(t.startswith("ขั้นตอนที่ ") and " : " in t for t in texts) == 5
    matrix = next(b for b in _blocks(pdf) if isinstance(b, Table))
    assert [c.text for c in matrix.cells if c.row == 0][1:] == \
        [f"ขั้นตอนที่ {i}" for i in range(1, 6)]


def _records(doc, path):
    ex = extract(doc, ctx(f"agency/{path.name}"))
    return [(r.record_type, r.item_no, r.name) for r in ex.records]


@pytest.mark.parametrize("name", ["style_latin_only", "thai_bigger", "cs_tahoma", "digits_big",
                                  "digits_small", "stacked_steps"])
def test_pdf_extracts_what_its_word_file_does(built, name):
    _, pdf, src = built[name]
    from_word = _records(read_document(src), src)
    assert from_word and len(from_word) >= 6
    assert _records(pdf, src.with_suffix(".pdf")) == from_word


@pytest.mark.parametrize("name", ["marks_one_font", "marks_two_fonts"])
def test_superscripts_and_subscripts_stay_on_their_line(built, name):
    _, pdf, _ = built[name]
    cells = {c.text for b in _blocks(pdf) if isinstance(b, Table) for c in b.cells}
    assert {"ม2", "ปริมาณ CO2 ที่ลดลง", "ตัน CO2e"} <= cells
    texts = [b.text for b in _blocks(pdf) if isinstance(b, Paragraph)]
    assert "พื้นที่สีเขียวเพิ่มขึ้น 500 ม2 ภายในปี 2567" in texts
    assert any(t.startswith("หมายเหตุ 1) ข้อมูลจาก") and t.endswith("ทุกเดือน") for t in texts)


def test_hyphen_at_line_end_is_kept(built):
    _, pdf, _ = built["wrapped"]
    text = " ".join(b.text for b in _blocks(pdf) if isinstance(b, Paragraph))
    assert "ระบบ e-Report ของกระทรวง" in text


def test_stacked_tables_are_two_and_the_lower_goes_on_across_the_page(built):
    word, pdf, _ = built["stacked_steps"]
    tables = [b for b in _blocks(pdf) if isinstance(b, Table)]
    assert len(tables) == 2
    matrix, steps = tables
    assert matrix.n_cols == 6 and matrix.n_rows == 7
    assert steps.n_cols == 4 and steps.n_rows == 6
    assert {c.page for c in steps.cells} == {1, 2}     # it does go on to the next page
    want = [[c.text for c in row.cells] for row in word.tables[1].rows]
    got = [[c.text for c in steps.cells if c.row == r] for r in range(steps.n_rows)]
    assert [[_norm(t) for t in row] for row in got] == [[_norm(t) for t in row] for row in want]


def test_stacked_tables_with_the_same_column_count_part_and_merged_headings_do_not(built):
    word, pdf, _ = built["stacked_same_count"]
    tables = [b for b in _blocks(pdf) if isinstance(b, Table)]
    assert len(tables) == len(word.tables) == 3
    for t, w in zip(tables, word.tables):
        assert t.n_rows == len(w.rows)
    plan = tables[2]
    assert plan.n_cols == 7
    heading = {c.text: c.colspan for c in plan.cells if c.row == 0}
    assert heading == {"กิจกรรม": 1, "ไตรมาส 1": 3, "ไตรมาส 2": 3}
