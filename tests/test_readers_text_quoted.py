"""Tab-separated text as Excel saves a sheet ("Unicode text": UTF-16 with a BOM, CRLF between
records; or UTF-8 TSV): a cell holding line breaks is written quoted, its breaks kept as bare
LFs, so a record whose first cell is such a cell starts on a line holding a quote and no TAB.
That record is one table row, not a paragraph and a row; a plain line of text that starts with
a quote stays a paragraph."""
from __future__ import annotations

import pytest

from extract_helpers import ctx
from extractors import extract
from pipeline.readers import read_document
from schemas.document import Paragraph, Table

TITLE = "แบบ 7.2 ตัวชี้วัด เทศบาลนครขอนแก่น ประจำปีงบประมาณ 2570"
HEAD = ["ตัวชี้วัด", "หน่วยนับ", "น้ำหนัก", "ค่าเป้าหมาย", "1", "2", "3", "4", "5"]
ROWS = [["ตัวชี้วัดที่ 1\nการบริหารจัดการขยะมูลฝอย", "", "20", "", "", "", "", "", ""],
        ["ตัวชี้วัดที่ 1.1\nร้อยละของขยะที่กำจัดถูกต้อง\nตามหลักสุขาภิบาล",
         "ร้อยละ", "10", "95", "75", "80", "85", "90", "95"],
        ["ตัวชี้วัดที่ 1.2\nร้อยละของขยะที่ลดลง", "ร้อยละ", "5", "10", "2", "4", "6", "8", "10"],
        ['ตัวชี้วัดที่ 2\nร้อยละของ "ผู้สูงอายุ" ที่ได้รับการคัดกรอง',
         "ร้อยละ", "80", "90", "70", "75", "80", "85", "90"]]
WIDTH = len(HEAD)


def _field(text: str) -> str:
    """A cell as Excel writes it to tab-separated text: quoted (quotes doubled) when it holds a
    line break, a quote or a TAB."""
    if any(ch in text for ch in '\n\t"'):
        return '"' + text.replace('"', '""') + '"'
    return text


def _sheet_text(lines_before, rows, lines_after=()) -> str:
    """A sheet saved as tab-separated text: every record as wide as the sheet, CRLF between
    records, line breaks inside a cell left as LF."""
    records = [line + "\t" * (WIDTH - 1) for line in lines_before]
    records += ["\t".join(_field(x) for x in row) for row in rows]
    records += [line + "\t" * (WIDTH - 1) for line in lines_after]
    return "\r\n".join(records) + "\r\n"


EXPORTS = {
    # Excel's "Unicode text" (.txt): UTF-16 little endian with a byte order mark
    "unicode_text.txt": lambda t: b"\xff\xfe" + t.encode("utf-16-le"),
    "unicode_text.tsv": lambda t: b"\xff\xfe" + t.encode("utf-16-le"),
    "sheet_utf8.tsv": lambda t: t.encode("utf-8"),
}


def _write(tmp_path, name, text):
    p = tmp_path / name
    p.write_bytes(EXPORTS[name](text))
    return p


def _paragraphs(doc):
    return [b.text for b in doc.blocks() if isinstance(b, Paragraph)]


def _tables(doc):
    return [b for b in doc.blocks() if isinstance(b, Table)]


@pytest.mark.parametrize("name", sorted(EXPORTS))
def test_quoted_first_cell_with_line_breaks_is_one_row(tmp_path, name):
    p = _write(tmp_path, name, _sheet_text([TITLE], [HEAD] + ROWS))
    doc = read_document(p)
    assert _paragraphs(doc) == [TITLE]
    (t,) = _tables(doc)
    assert t.grid() == [HEAD] + ROWS
    kpis = [r for r in extract(doc, ctx(name=p.name, agency="")).records
            if r.record_type == "kpi"]
    assert [(r.item_no, r.name, r.weight) for r in kpis] == [
        ("1", "การบริหารจัดการขยะมูลฝอย", 20.0),
        ("1.1", "ร้อยละของขยะที่กำจัดถูกต้องตามหลักสุขาภิบาล", 10.0),
        ("1.2", "ร้อยละของขยะที่ลดลง", 5.0),
        ("2", 'ร้อยละของ "ผู้สูงอายุ" ที่ได้รับการคัดกรอง', 80.0)]


PLAIN_ROW = ["ร้อยละของขยะที่ลดลง", "ร้อยละ", "5", "10", "2", "4", "6", "8", "10"]


@pytest.mark.parametrize("name", ["unicode_text.txt", "sheet_utf8.tsv"])
def test_lines_of_text_starting_with_a_quote_stay_paragraphs(tmp_path, name):
    # a quotation closed on its own line; one closed at the end of the next line, and one
    # closed on the next line before more words, neither before a TAB; one never closed
    # before the header row: lines of text, not the first cell of a record
    lines = [TITLE,
             '"ตัวชี้วัด" หมายถึง ตัวชี้วัดตามคำรับรองการปฏิบัติราชการ',
             '"ข้อมูลที่รายงานเป็นข้อมูลสะสม',
             'ตั้งแต่ 1 ตุลาคม 2569"',
             '"ข้อมูล ณ วันที่ 30 กันยายน 2570',
             'จากระบบรายงานผล" ของสำนักงาน',
             '"ตามมติที่ประชุมคณะทำงาน']
    text = "\r\n".join(lines) + "\r\n" + _sheet_text([], [HEAD, PLAIN_ROW])
    p = _write(tmp_path, name, text)
    doc = read_document(p)
    assert _paragraphs(doc) == lines
    (t,) = _tables(doc)
    assert t.grid() == [HEAD, PLAIN_ROW]
