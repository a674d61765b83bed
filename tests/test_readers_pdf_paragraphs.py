"""Joining a PDF's visual lines into paragraphs, read from a real LibreOffice PDF in
tests/data/paragraphs/ (see its README): separate short paragraphs with the same line pitch as
wrapped lines must not be glued together, wrapped paragraphs must stay whole, and a table cell
wrapped at a space that LibreOffice does not draw keeps the space where the PDF tells."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.readers import read_document
from pipeline.readers.pdf import _LABEL_START, _wrap_joint
from schemas.document import Paragraph, Table

PDF = Path(__file__).resolve().parent / "data" / "paragraphs" / "paragraphs.pdf"

# the Word file's paragraphs, as written
PARAGRAPHS = [
    "รายงานผลการดำเนินงานตามคำรับรองการปฏิบัติราชการ",
    "สำนักงานจังหวัดนครปฐม ประจำปีงบประมาณ พ.ศ. 2568",
    "แผนปฏิบัติการส่งเสริมความเข้มแข็งของกลุ่มออมทรัพย์เพื่อการผลิตและกองทุนชุมชนในระดับหมู่บ้าน"
    "และตำบล ประจำปีงบประมาณ พ.ศ. 2564",
    "มิติที่ 2 ด้านคุณภาพการให้บริการ",
    "ตัวชี้วัดที่ 3.2 ระดับความสำเร็จของการพัฒนาระบบบริการข้อมูลสหกรณ์ออนไลน์",
    "น้ำหนัก : ร้อยละ 10",
    "ผู้กำกับดูแลตัวชี้วัด : นายสุรชัย ภักดี ผู้อำนวยการสำนักเสริมสร้างความเข้มแข็งชุมชน",
    "เกณฑ์การให้คะแนน :",
    "คำอธิบาย : พิจารณาจากผลสำเร็จของการดำเนินการสำรวจงานบริการทั้งหมดภายในจังหวัด "
    "การจัดทำแผนสำหรับดำเนินการจัดตั้งศูนย์บริการร่วม การเปิดดำเนินการศูนย์บริการร่วม "
    "การติดตามประเมินผลการปฏิบัติตามแผนและการจัดทำรายงานประเมินผลความสำเร็จของแผนดังกล่าว",
]
ITEMS = [
    "ก่อสร้างรางระบายน้ำ คสล. หมู่ที่ 4 บ้านโคกสำโรง",
    "ปรับปรุงซ่อมแซมถนนลาดยางภายในหมู่บ้านหนองบัวตำบลโคกตูม",
    "ก่อสร้างถนนลูกรังเชื่อมระหว่างหมู่บ้าน อบต. โคกตูม",
]


@pytest.fixture(scope="module")
def doc():
    return read_document(PDF)


def _paragraphs(doc):
    return [b for p in doc.pages for b in p.blocks if isinstance(b, Paragraph)]


def test_each_paragraph_read_whole_and_apart(doc):
    assert [p.text for p in _paragraphs(doc)] == PARAGRAPHS


def test_wrapped_lines_were_joined(doc):
    """The file really wraps the long paragraphs (the test would prove nothing otherwise)."""
    raws = {p.text: p.raw for p in _paragraphs(doc)}
    assert raws[PARAGRAPHS[2]].count("\n") == 1        # a centred paragraph on two lines
    assert raws[PARAGRAPHS[6]].count("\n") == 1
    assert raws[PARAGRAPHS[8]].count("\n") == 3


def test_centred_titles_kept_apart(doc):
    """The second title's first word fits in the room left and right of the first title
    (not in the room on its right alone): a centred line that ends short is a paragraph end."""
    a, b = _paragraphs(doc)[:2]
    assert a.raw.count("\n") == 0 and b.raw.count("\n") == 0
    assert a.bbox[1] < b.bbox[1]


def test_cell_wraps_keep_or_drop_the_space(doc):
    table = next(b for p in doc.pages for b in p.blocks if isinstance(b, Table))
    texts = [table.cell(r, 1).text for r in range(1, 4)]
    assert texts == ITEMS
    raws = [table.cell(r, 1).raw for r in range(1, 4)]
    # the space before ``คสล.`` is where the line broke (no space glyph in the file)
    assert raws[0].startswith("ก่อสร้างรางระบายน้ำ\nคสล.")
    # a break between Thai words with no space stays without one
    assert raws[1].count("\n") == 2 and " " not in raws[1]


@pytest.mark.parametrize("prev,nxt,joint", [
    ("ก่อสร้างรางระบายน้ำ", "คสล. หมู่ที่ 4", " "),     # an abbreviation on its own
    ("ภายในวันที่ 20", "ก.พ. 2568", " "),                # not Thai-Thai: a space as before
    ("ประชุมคณะกรรมการ", "ก.พ. 2568", " "),
    ("ปรับปรุงซ่อมแซมถนน", "ลาดยางภายในหมู่บ้าน", ""),  # Thai words: no space
    ("ส่งเสริมการพัฒนาระบบ", "สารสนเทศ", ""),
    ("ผลการดำเนินงาน เ", "ม.ย. 2562", ""),              # a leading vowel ends no word
])
def test_wrap_joint(prev, nxt, joint):
    assert _wrap_joint(prev, nxt, 0.0, 10.0) == joint


@pytest.mark.parametrize("line,label", [
    ("น้ำหนัก : ร้อยละ 10", True),
    ("ผู้กำกับดูแลตัวชี้วัด : นายสุรชัย", True),
    ("เกณฑ์การให้คะแนน :", True),
    ("ระดับ 2 : 11%", True),
    ("ส่งเสริมการออมของครัวเรือนเป้าหมาย", False),
    ("2568 : ดำเนินการแล้ว", False),
    ("การดำเนินงาน ภายในเดือน : ", False),
])
def test_label_start(line, label):
    assert bool(_LABEL_START.match(line)) is label
