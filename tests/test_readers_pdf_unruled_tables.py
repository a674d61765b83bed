"""PDF tables drawn as text in columns without ruling lines (a typist's tab stops, exports of
some systems): headings centred over their columns, amounts set right, ticks centred under
month heads, cells wrapped onto a further line. Built as Word files laid out with tab stops and
exported to PDF by LibreOffice."""
from __future__ import annotations

from pathlib import Path

import pytest

from schemas.document import Paragraph, Table
from tests.extract_helpers import extract_file
from tests.office import needs_soffice, save_as_pdf

pytestmark = needs_soffice

MONTHS = ["ต.ค.", "พ.ย.", "ธ.ค.", "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย."]


def _document(landscape: bool = True):
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt
    d = docx.Document()
    sec = d.sections[0]
    if landscape:
        sec.orientation, sec.page_width, sec.page_height = \
            WD_ORIENT.LANDSCAPE, sec.page_height, sec.page_width
    sec.page_width, sec.page_height = (Cm(29.7), Cm(21.0)) if landscape else (Cm(21.0), Cm(29.7))
    sec.left_margin = sec.right_margin = Cm(1.0)
    style = d.styles["Normal"]
    # Thai text takes the complex-script size
    style.font.size = Pt(10)
    size_cs = OxmlElement("w:szCs")
    size_cs.set(qn("w:val"), "20")
    style.element.get_or_add_rPr().append(size_cs)
    style.paragraph_format.space_after = Pt(0)
    style.paragraph_format.space_before = Pt(0)
    style.paragraph_format.line_spacing = 1.0
    return d


def _centred(d, text: str, bold: bool = False):
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    p = d.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run(text).bold = bold
    return p


def _tabbed(d, text: str, stops: list[tuple[float, str]], space_before: float = 0):
    """A paragraph whose fields go to tab stops: (position in cm, "l"/"c"/"r")."""
    from docx.enum.text import WD_TAB_ALIGNMENT
    from docx.shared import Cm, Pt
    kinds = {"l": WD_TAB_ALIGNMENT.LEFT, "c": WD_TAB_ALIGNMENT.CENTER, "r": WD_TAB_ALIGNMENT.RIGHT}
    p = d.add_paragraph(text)
    for x, kind in stops:
        p.paragraph_format.tab_stops.add_tab_stop(Cm(x), kinds[kind])
    if space_before:
        p.paragraph_format.space_before = Pt(space_before)
    return p


# ---------------------------------------------------------------- form 7.2

# name column at the margin (0-9.5 cm), then baseline, target, weight and the five levels,
# each centred on its column
F72_VALUES = [(11.0, "c"), (13.2, "c"), (15.2, "c")] + [(17.2 + 1.9 * k, "c") for k in range(5)]
F72_HEAD = [(4.5, "c")] + F72_VALUES[:3] + [(F72_VALUES[5][0], "c")]
KPIS = [
    ("7.1 มิติด้านประสิทธิผล", "1.", ["ร้อยละของครัวเรือนเกษตรกรที่ได้รับ", "การรับรองมาตรฐานสินค้าเกษตร"],
     ["65%", "80%", "0.4", "60%", "65%", "70%", "75%", "80%"]),
    ("7.2 มิติด้านคุณภาพการให้บริการ", "2.", ["ร้อยละความพึงพอใจของผู้รับบริการ"],
     ["86%", "90%", "0.3", "80%", "85%", "90%", "92%", "95%"]),
    ("7.3 มิติด้านประสิทธิภาพของการปฏิบัติราชการ", "3.", ["จำนวนวันเฉลี่ยในการออกใบรับรอง"],
     ["14", "8", "0.3", "12", "10", "8", "6", "4"]),
]


def _form72_pdf(tmp_path: Path) -> Path:
    d = _document()
    _centred(d, "แบบฟอร์มที่ 7.2", True)
    _centred(d, "ตัวชี้วัดความสำเร็จตามแผนพัฒนาองค์การ ประจำปีงบประมาณ พ.ศ. 2568", True)
    _centred(d, "สำนักงานเกษตรจังหวัดพะเยา", True)
    d.add_paragraph("")
    # the headings centred over their columns; เกณฑ์การให้คะแนน over the five levels
    _tabbed(d, "\tตัวชี้วัด\tข้อมูลปัจจุบัน\tเป้าหมาย\tน้ำหนัก\tเกณฑ์การให้คะแนน", F72_HEAD)
    _tabbed(d, "\t" * 5 + "\t".join("12345"), [(4.5, "c")] + F72_VALUES)
    for dim, no, name, values in KPIS:
        _tabbed(d, dim, F72_VALUES, space_before=4)
        _tabbed(d, f"{no} {name[0]}\t" + "\t".join(values), F72_VALUES, space_before=4)
        for more in name[1:]:
            _tabbed(d, more, F72_VALUES)
    # the total's label set right, ending before the weight column
    _tabbed(d, "\tรวม\t1.0", [(13.9, "r")] + F72_VALUES[2:], space_before=4)
    src, = save_as_pdf({"form72_unruled": d}, tmp_path)
    return src.with_suffix(".pdf")


def _tables(path: Path) -> list[Table]:
    from pipeline.readers import read_document
    return [b for p in read_document(str(path)).pages for b in p.blocks if isinstance(b, Table)]


def _paragraphs(path: Path) -> list[str]:
    from pipeline.readers import read_document
    return [b.text for p in read_document(str(path)).pages for b in p.blocks
            if isinstance(b, Paragraph)]


def test_centred_headings_join_the_unruled_form72_table(tmp_path):
    t, = _tables(_form72_pdf(tmp_path))
    g = t.grid()
    assert t.n_cols == 9
    assert g[0][:4] == ["ตัวชี้วัด", "ข้อมูลปัจจุบัน", "เป้าหมาย", "น้ำหนัก"]
    # the heading over the levels spans all five of them
    head = t.cell(0, 4)
    assert (head.text, head.col, head.colspan) == ("เกณฑ์การให้คะแนน", 4, 5)
    assert g[1] == [""] * 4 + list("12345")
    assert g[2][0] == "7.1 มิติด้านประสิทธิผล" and not any(g[2][1:])
    # the name wrapped onto a second line stays in its cell
    assert g[3] == ["1. ร้อยละของครัวเรือนเกษตรกรที่ได้รับการรับรองมาตรฐานสินค้าเกษตร",
                    "65%", "80%", "0.4", "60%", "65%", "70%", "75%", "80%"]
    assert g[7] == ["3. จำนวนวันเฉลี่ยในการออกใบรับรอง", "14", "8", "0.3", "12", "10", "8", "6", "4"]
    # the total's label, set right across the columns left of the weight, spans them
    total = t.cell(8, 0)
    assert (total.text, total.colspan, g[8][3]) == ("รวม", 3, "1.0")


def test_unruled_form72_gives_its_indicators(tmp_path):
    ex, findings = extract_file(_form72_pdf(tmp_path))
    kpis = [r for r in ex.records if r.record_type == "kpi"]
    assert [(r.item_no, r.dimension[:3]) for r in kpis] == [("1", "7.1"), ("2", "7.2"), ("3", "7.3")]
    assert kpis[0].name == "ร้อยละของครัวเรือนเกษตรกรที่ได้รับการรับรองมาตรฐานสินค้าเกษตร"
    assert [(r.baseline, r.target, r.weight) for r in kpis] == [(65, 80, 0.4), (86, 90, 0.3), (14, 8, 0.3)]
    assert [r.level_5 for r in kpis] == [80, 95, 4]
    assert kpis[2].direction == "lower"
    assert not any(code == "NO_FORM_FOUND" for _, code in findings)


# ---------------------------------------------------------------- activity plan

# ที่ | กิจกรรม | เริ่มต้น | สิ้นสุด | 12 months | งบประมาณ | ผู้รับผิดชอบ (cm from the margin):
# the number and the texts set left, the ticks centred under the months, the amounts set right
PLAN_MONTHS = [(12.0 + 0.95 * k, "c") for k in range(12)]
PLAN_ROW = [(0.9, "l"), (7.9, "l"), (9.9, "l")] + PLAN_MONTHS + [(24.7, "r"), (25.0, "l")]
PLAN_HEAD = [(0.3, "c"), (4.2, "c"), (8.7, "c"), (10.7, "c"), (17.2, "c"), (23.9, "c"), (26.3, "c")]
# (number, name, start, end, months ticked, budget, responsible, further lines of the row:
# (name, responsible) wrapped onto them, nothing in the number column)
ACTIVITIES = [
    ("1", "จัดทำแผนที่เส้นทางท่องเที่ยวเชิง", "ต.ค. 68", "ธ.ค. 68", [0, 1, 2], "120,000", "กองการท่องเที่ยว",
     [("ธรณีวิทยา", "และกีฬา")]),
    ("2", "ปรับปรุงป้ายสื่อความหมาย 12 จุด", "ม.ค. 69", "เม.ย. 69", [3, 4, 5, 6], "480,000", "กองช่าง", []),
    # the responsible office's second line a line further down than the name's
    ("3", "อบรมมัคคุเทศก์ท้องถิ่น", "มิ.ย. 69", "ก.ค. 69", [8, 9], "150,000", "กองยุทธศาสตร์",
     [("และเยาวชน", ""), ("", "และงบประมาณ")]),
]
NAMES = ["จัดทำแผนที่เส้นทางท่องเที่ยวเชิงธรณีวิทยา", "ปรับปรุงป้ายสื่อความหมาย 12 จุด",
         "อบรมมัคคุเทศก์ท้องถิ่นและเยาวชน"]
OFFICES = ["กองการท่องเที่ยวและกีฬา", "กองช่าง", "กองยุทธศาสตร์และงบประมาณ"]


def _plan_pdf(tmp_path: Path, total: bool = True, signed_close: bool = False) -> Path:
    d = _document()
    _centred(d, "แผนปฏิบัติงาน โครงการพัฒนาแหล่งท่องเที่ยวเชิงนิเวศ", True)
    _centred(d, "องค์การบริหารส่วนจังหวัดสตูล", True)
    _centred(d, "ประจำปีงบประมาณ พ.ศ. 2569", True)
    d.add_paragraph("")
    _tabbed(d, "\tที่\tกิจกรรม\tเริ่มต้น\tสิ้นสุด\tปีงบประมาณ พ.ศ. 2569\tงบประมาณ\tผู้รับผิดชอบ", PLAN_HEAD)
    _tabbed(d, "\t" + "\t".join(MONTHS), PLAN_MONTHS)
    for no, title, start, end, months, budget, resp, more in ACTIVITIES:
        ticks = "\t".join("✓" if k in months else "" for k in range(12))
        _tabbed(d, f"{no}\t{title}\t{start}\t{end}\t{ticks}\t{budget}\t{resp}", PLAN_ROW,
                space_before=4)
        for more_name, more_resp in more:
            _tabbed(d, f"\t{more_name}\t\t" + "\t" * 12 + f"\t\t{more_resp}", PLAN_ROW)
    if total:
        # the total's label set right, ending before the budget column
        _tabbed(d, "\tรวม\t750,000", [(21.6, "r"), (24.7, "r")], space_before=4)
    if signed_close:
        # two signatures side by side right under the table, spaced as its rows are
        for line in ["\tลงชื่อ\tลงชื่อ", "\t(นายสมชาย ใจดี)\t(นางสาวสมหญิง รักงาน)",
                     "\tผู้เสนอแผน\tผู้อนุมัติแผน", "\tหัวหน้าสำนักปลัด\tนายกองค์การบริหารส่วนจังหวัด",
                     "\tวันที่ 1 ตุลาคม 2568\tวันที่ 2 ตุลาคม 2568"]:
            _tabbed(d, line, [(6.0, "c"), (20.0, "c")], space_before=4)
    else:
        d.add_paragraph("")
        for line in ["พิจารณาเห็นชอบ", "(นายสมชาย ใจดี)", "นายกองค์การบริหารส่วนจังหวัดสตูล"]:
            _tabbed(d, "\t" + line, [(20.0, "c")])
    src, = save_as_pdf({f"plan_{total:d}{signed_close:d}": d}, tmp_path)
    return src.with_suffix(".pdf")


def test_unruled_plan_reads_as_one_table_with_wrapped_cells(tmp_path):
    pdf = _plan_pdf(tmp_path)
    t, = _tables(pdf)
    g = t.grid()
    assert (t.n_rows, t.n_cols) == (6, 18)
    assert [x for x in g[0] if x] == ["ที่", "กิจกรรม", "เริ่มต้น", "สิ้นสุด", "ปีงบประมาณ พ.ศ. 2569",
                                      "งบประมาณ", "ผู้รับผิดชอบ"]
    # the fiscal year heading spans the twelve months under it (no tick under ก.ย.: its
    # column is its head's)
    fy = next(c for c in t.cells if c.row == 0 and c.text.startswith("ปีงบประมาณ"))
    assert (fy.col, fy.colspan) == (4, 12)
    assert g[1][4:16] == MONTHS
    assert g[2][:4] == ["1", NAMES[0], "ต.ค. 68", "ธ.ค. 68"]
    assert g[2][4:16] == ["✓"] * 3 + [""] * 9
    assert g[2][16:] == ["120,000", OFFICES[0]]
    assert [g[r][1] for r in (2, 3, 4)] == NAMES
    assert [g[r][17] for r in (2, 3, 4)] == OFFICES
    # the total's label, set right over ส.ค., spans from the first column to there
    total = t.cell(5, 0)
    assert (total.text, total.colspan, g[5][16]) == ("รวม", 15, "750,000")
    # the signature block under it stays paragraphs
    assert "(นายสมชาย ใจดี)" in _paragraphs(pdf)


def test_wrapped_cells_of_the_last_row_join_it(tmp_path):
    pdf = _plan_pdf(tmp_path, total=False)
    t, = _tables(pdf)
    g = t.grid()
    assert t.n_rows == 5
    assert (g[4][1], g[4][17]) == (NAMES[2], OFFICES[2])
    paragraphs = _paragraphs(pdf)
    assert "(นายสมชาย ใจดี)" in paragraphs
    assert not any("และงบประมาณ" in p or "และเยาวชน" in p for p in paragraphs)


def test_signatures_close_under_the_table_stay_out_of_it(tmp_path):
    pdf = _plan_pdf(tmp_path, signed_close=True)
    t, = _tables(pdf)
    assert (t.n_rows, t.n_cols) == (6, 18)
    assert t.cell(5, 0).text == "รวม"
    paragraphs = _paragraphs(pdf)
    assert any("(นายสมชาย ใจดี)" in p for p in paragraphs)
    assert any("ผู้อนุมัติแผน" in p for p in paragraphs)


@pytest.mark.parametrize("total, signed_close", [(True, False), (False, False), (True, True)])
def test_unruled_plan_gives_its_activities(tmp_path, total, signed_close):
    ex, findings = extract_file(_plan_pdf(tmp_path, total, signed_close))
    acts = [r for r in ex.records if r.record_type == "activity"]
    assert [(r.item_no, r.start, r.end, r.budget_thb) for r in acts] == [
        ("1", "2025-10", "2025-12", 120000), ("2", "2026-01", "2026-04", 480000),
        ("3", "2026-06", "2026-07", 150000)]
    assert [r.name for r in acts] == NAMES
    assert [r.responsible for r in acts] == OFFICES
    assert not any(code == "NO_FORM_FOUND" for _, code in findings)


# ---------------------------------------------------------------- what stays text

def test_signatures_side_by_side_stay_paragraphs(tmp_path):
    d = _document()
    _centred(d, "รายงานผลการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2569", True)
    d.add_paragraph("ผลการดำเนินงานเป็นไปตามแผนที่กำหนดไว้ทุกกิจกรรม")
    d.add_paragraph("")
    stops = [(3.0, "c"), (9.5, "c"), (16.0, "c"), (22.5, "c")]
    for line in ["\tลงชื่อ\tลงชื่อ\tลงชื่อ\tลงชื่อ",
                 "\t(นายสมชาย ใจดี)\t(นางสาวสมหญิง รักงาน)\t(นายประเสริฐ มั่นคง)\t(นางวันดี ศรีสุข)",
                 "\tผู้จัดทำ\tผู้ตรวจสอบ\tผู้รับรอง\tผู้อนุมัติ",
                 "\tนักวิเคราะห์นโยบายและแผน\tหัวหน้ากลุ่มงาน\tผู้อำนวยการกอง\tปลัดองค์การ",
                 "\tวันที่ 1 ตุลาคม 2568\tวันที่ 2 ตุลาคม 2568\tวันที่ 3 ตุลาคม 2568\tวันที่ 4 ตุลาคม 2568"]:
        _tabbed(d, line, stops, space_before=6)
    d.add_paragraph("")
    for line in ["\tลงชื่อ ..........................\tลงชื่อ ..........................\tลงชื่อ ..........................\tลงชื่อ ..........................",
                 "\t(..........................)\t(..........................)\t(..........................)\t(..........................)",
                 "\tตำแหน่ง ...................\tตำแหน่ง ...................\tตำแหน่ง ...................\tตำแหน่ง ..................."]:
        _tabbed(d, line, stops, space_before=6)
    src, = save_as_pdf({"signatures": d}, tmp_path)
    pdf = src.with_suffix(".pdf")
    assert _tables(pdf) == []
    assert any("(นายสมชาย ใจดี)" in p for p in _paragraphs(pdf))
