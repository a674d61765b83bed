"""Word and Excel packages with a part that declares a DOCTYPE or entities (the start of a
billion-laughs bomb): refused as ``xml_bomb`` when the reader reads that part, whether it is
the body, a header, a sheet read whole or a sheet streamed; a part the reader never parses is
left unread and does not stop the file."""
import zipfile

import docx
import openpyxl
import pytest

from pipeline.readers import ReadError, read_document
from pipeline.readers import xlsx as xlsx_reader

_DECL = b'<!DOCTYPE x [<!ENTITY a "aaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'


def _with_declaration(src, dst, part: str) -> None:
    """Copy a package, with the DOCTYPE put into ``part`` after its XML declaration."""
    with zipfile.ZipFile(src) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    xml = parts[part]
    end = xml.index(b"?>") + 2 if xml.startswith(b"<?xml") else 0
    parts[part] = xml[:end] + _DECL + xml[end:]
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in parts.items():
            z.writestr(n, data)


@pytest.fixture
def word_file(tmp_path):
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "สำนักงานจังหวัดน่าน"
    d.add_paragraph("แผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. 2569")
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text, t.cell(0, 1).text = "กิจกรรม", "งบประมาณ"
    t.cell(1, 0).text, t.cell(1, 1).text = "1. อบรมเจ้าหน้าที่", "20,000"
    path = tmp_path / "plan.docx"
    d.save(path)
    return path


@pytest.fixture
def workbook(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["กิจกรรม", "งบประมาณ"])
    ws.append(["1. อบรมเจ้าหน้าที่", 20000])
    path = tmp_path / "plan.xlsx"
    wb.save(path)
    return path


def _header_part(path) -> str:
    with zipfile.ZipFile(path) as z:
        return next(n for n in z.namelist() if n.startswith("word/header"))


@pytest.mark.parametrize("part", ["word/document.xml", "word/styles.xml", "HEADER",
                                  "word/_rels/document.xml.rels", "[Content_Types].xml"])
def test_word_part_read_with_declaration_is_refused(word_file, tmp_path, part):
    part = _header_part(word_file) if part == "HEADER" else part
    bomb = tmp_path / "bomb.docx"
    _with_declaration(word_file, bomb, part)
    with pytest.raises(ReadError) as e:
        read_document(bomb)
    assert e.value.reason == "xml_bomb"
    assert part in e.value.message


@pytest.mark.parametrize("part", ["xl/worksheets/sheet1.xml", "xl/workbook.xml",
                                  "xl/styles.xml", "xl/_rels/workbook.xml.rels"])
def test_excel_part_read_with_declaration_is_refused(workbook, tmp_path, part):
    bomb = tmp_path / "bomb.xlsx"
    _with_declaration(workbook, bomb, part)
    with pytest.raises(ReadError) as e:
        read_document(bomb)
    assert e.value.reason == "xml_bomb"


def test_streamed_sheet_with_declaration_is_refused(workbook, tmp_path, monkeypatch):
    monkeypatch.setattr(xlsx_reader, "_WHOLE_PART", 10)   # every sheet is streamed
    assert any("อบรมเจ้าหน้าที่" in c.text for t in read_document(workbook).tables()
               for c in t.cells)
    bomb = tmp_path / "bomb.xlsx"
    _with_declaration(workbook, bomb, "xl/worksheets/sheet1.xml")
    with pytest.raises(ReadError) as e:
        read_document(bomb)
    assert e.value.reason == "xml_bomb"


@pytest.mark.parametrize("suffix,part", [(".docx", "docProps/app.xml"),
                                         (".xlsx", "docProps/app.xml")])
def test_part_never_parsed_does_not_stop_the_file(word_file, workbook, tmp_path, suffix, part):
    src = word_file if suffix == ".docx" else workbook
    odd = tmp_path / ("odd" + suffix)
    _with_declaration(src, odd, part)
    doc = read_document(odd)
    assert any("อบรมเจ้าหน้าที่" in c.text for t in doc.tables() for c in t.cells)
