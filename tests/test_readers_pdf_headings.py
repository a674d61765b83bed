"""A short section heading (``ผลการดำเนินงาน``, no colon) after a line that nearly fills the
column, in a Word file without paragraph spacing, is a paragraph of its own in the PDF; and a
superscript footnote mark after a number (``ตัวชี้วัดที่ 1¹⁾``) does not run into the number.
Word files are built here with python-docx and exported by LibreOffice."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from office import needs_soffice, to_pdf  # noqa: E402
from pipeline.readers import read_document  # noqa: E402
from pipeline.readers.pdf import _heading_line  # noqa: E402
from schemas.document import Paragraph  # noqa: E402

FONT = Path("/usr/share/fonts/truetype/tlwg/Norasi.ttf")
HEADINGS = ["ผลการดำเนินงาน", "เกณฑ์การให้คะแนน", "หมายเหตุ", "ผลการดำเนินงาน"]


def _step(n: int) -> str:
    # lengths stepping by a short word, so that some lines end a few points from the margin
    return (f"ขั้นตอนที่ {n % 5 + 1} : จัดประชุม{'ชี้แจง' * (n // 4)}ประจำปีงบประมาณคณะทำงาน"
            f"{'และ' * (n % 4)}ติดตามโครงการ ภายในวันที่ 15 ก.ย. 2566")


def _new_doc():
    import docx
    from docx.oxml.ns import qn
    from docx.shared import Pt
    d = docx.Document()
    st = d.styles["Normal"]
    st.font.name = "Norasi"
    st.font.size = Pt(14)
    st.element.rPr.rFonts.set(qn("w:cs"), "Norasi")
    st.font.complex_script = True
    pf = st.paragraph_format
    pf.space_after = pf.space_before = Pt(0)
    pf.line_spacing = 1.0
    return d


def _paragraphs(doc) -> list[str]:
    return [b.text for page in doc.pages for b in page.blocks if isinstance(b, Paragraph)]


@pytest.fixture(scope="module")
def docs(tmp_path_factory):
    if not FONT.exists():
        pytest.skip("Norasi font not installed")
    tmp = tmp_path_factory.mktemp("headings")
    d = _new_doc()
    for n in range(12):
        d.add_paragraph(_step(n))
        d.add_paragraph(HEADINGS[n % len(HEADINGS)])
    # a heading word inside a wrapped paragraph is not a heading
    d.add_paragraph("คำอธิบาย : การติดตามและประเมินผลการดำเนินงานของหน่วยงานตามแผนปฏิบัติราชการ "
                    "ผลการดำเนินงาน หมายถึง ผลผลิตที่หน่วยงานส่งมอบตามแผนประจำปีงบประมาณ")
    d.save(tmp / "headings.docx")
    s = _new_doc()
    p = s.add_paragraph("ตัวชี้วัดที่ 1")
    p.add_run("1)").font.superscript = True
    p.add_run(" : ร้อยละของพื้นที่สีเขียว 500 ม")
    p.add_run("2").font.superscript = True
    p.add_run(" ต่อพื้นที่ทั้งหมด ร้อยละ 80")
    p.add_run("*").font.superscript = True
    p.add_run(" ของเป้าหมาย")
    s.save(tmp / "superscripts.docx")
    pdfs = to_pdf([tmp / "headings.docx", tmp / "superscripts.docx"], tmp)
    return {"headings": read_document(pdfs[0]), "superscripts": read_document(pdfs[1])}


@needs_soffice
def test_heading_after_full_line_is_own_paragraph(docs):
    paras = _paragraphs(docs["headings"])
    for n in range(12):
        step = _step(n)
        got = [t for t in paras if t.replace(" ", "").startswith(step[:40].replace(" ", ""))]
        assert len(got) == 1, (n, got)
        # no heading glued to its end, and its date whole however the line wrapped
        assert not any(got[0].endswith(h) for h in HEADINGS), (n, got[0])
        assert got[0].endswith("ภายในวันที่ 15 ก.ย. 2566"), (n, got[0])
    assert sum(t in HEADINGS for t in paras) == 12


@needs_soffice
def test_heading_words_inside_a_paragraph_stay(docs):
    paras = _paragraphs(docs["headings"])
    assert any(t.startswith("คำอธิบาย : การติดตาม") and t.endswith("ประจำปีงบประมาณ")
               for t in paras), paras[-3:]


@pytest.mark.parametrize("prev,line,heading", [
    ("ภายในวันที่ 15 ก.ย. 2566", "ผลการดำเนินงาน", True),
    ("ภายในเดือนกันยายน", "เกณฑ์การให้คะแนน", True),
    ("จัดทำรายงาน", "ระดับ 3", True),
    ("ติดตามและประเมิน", "ผลการดำเนินงาน", False),     # ประเมินผล runs across the break
    ("ภายในวันที่ 15 ก.ย. 2566", "ผลการดำเนินงานของหน่วยงาน", False),   # not the whole line
    ("ภายในวันที่ 15 ก.ย. 2566", "ดำเนินงาน", False),
])
def test_heading_line(prev, line, heading):
    assert _heading_line(prev, line) is heading


@needs_soffice
def test_superscript_mark_after_number_kept_apart(docs):
    text = " ".join(_paragraphs(docs["superscripts"]))
    assert "ตัวชี้วัดที่ 1 1) :" in text
    assert "ม2 " in text and "ร้อยละ 80*" in text   # after a letter or as a star: as before
