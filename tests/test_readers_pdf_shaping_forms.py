"""Thai shaping forms in the Private Use Area (U+F700–U+F71A: a mark shifted left or down for a
tall consonant, as legacy Thai fonts and the PDFs made with them store it) are marks: placed over
the base they are drawn on, then read as the marks they stand for."""
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from office import needs_soffice, save_as_pdf
from pipeline.readers import read_document
from pipeline.repair import is_mark, repair_thai

LINES = {
    "แผนปฏิบัติการ ประจำป\uf702งบประมาณ พ.ศ. 2570": "แผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. 2570",
    "เป\uf701ดให้บริการ ฝ\uf702มือแรงงาน": "เปิดให้บริการ ฝีมือแรงงาน",
    "ตัวชี้วัดที่ 2 ร้อยละของผู้ฟ\uf70bองที่ได้รับการแก้ไข": "ตัวชี้วัดที่ 2 ร้อยละของผู้ฟ้องที่ได้รับการแก้ไข",
}


@pytest.mark.parametrize("form,mark", [("\uf702", "\u0e35"), ("\uf70b", "\u0e49"),
                                       ("\uf718", "\u0e38"), ("\uf88b", "\u0e48")])
def test_shaping_forms_of_marks_are_marks(form, mark):
    assert is_mark(form) and repair_thai("ก" + form) == "ก" + mark


def test_shaping_forms_of_letters_are_no_marks():
    assert not is_mark("\uf700") and repair_thai("\uf700าน") == "ฐาน"


@needs_soffice
def test_pdf_with_shaping_forms_reads_marks_on_their_base(tmp_path: Path):
    d = docx.Document()
    style = d.styles["Normal"]
    style.font.name = "Garuda"      # a Thai font with glyphs for the shaping forms
    style.element.get_or_add_rPr().find(qn("w:rFonts")).set(qn("w:cs"), "Garuda")
    for line in LINES:
        d.add_paragraph(line)
    save_as_pdf({"forms": d}, tmp_path)
    doc = read_document(str(tmp_path / "forms.pdf"))
    assert [p.text for p in doc.pages[0].blocks] == list(LINES.values())
