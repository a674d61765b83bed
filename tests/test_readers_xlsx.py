"""XLSX reading: sheets as pages, blank-row bands as tables, merges, fills, Strict OOXML."""
import warnings
import zipfile

import openpyxl
import pytest
from openpyxl.styles import PatternFill

from pipeline.readers import ReadError, ReadLimits, detect_format, read_document
from pipeline.readers.xlsx import _STRICT_NS
from schemas.document import Paragraph, Table


@pytest.fixture
def plan_xlsx(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "แผนปฏิบัติการ"
    ws["B2"] = "แผนปฏิบัติการ ปีงบประมาณ 2553"             # title row, then a blank row
    ws["B4"] = "กิจกรรม/ขั้นตอน"
    ws["C4"] = "ระยะเวลา"
    ws["D4"] = "ปีงบประมาณ 2553"
    ws.merge_cells("D4:F4")
    ws["G4"] = "งบฯ"
    ws["B5"] = "1. ประชุมคณะทำงาน"
    ws.merge_cells("B5:B6")
    ws["C5"] = "1 เดือน"
    ws["E5"].fill = PatternFill("solid", fgColor="A6A6A6")    # Gantt bar, no value
    ws["F5"].fill = PatternFill("solid", fgColor="FFFFFF")    # white fill: not shaded
    ws["G5"] = 50000
    ws["G5"].number_format = "#,##0"
    ws["C6"] = 0.6
    ws["C6"].number_format = "0%"
    ws["G6"] = "สำาเร็จ"                                       # repaired, raw kept
    ws["B9"] = "พิจารณาเห็นชอบ"
    ws2 = wb.create_sheet("สรุป")
    ws2["A1"] = "ตัวชี้วัด"
    ws2["B1"] = "น้ำหนัก"
    ws2["A2"] = "1.ร้อยละ"
    ws2["B2"] = 0.5
    p = tmp_path / "plan.xlsx"
    wb.save(p)
    return p


def test_sheets_become_pages_and_bands_tables(plan_xlsx):
    doc = read_document(plan_xlsx)
    assert doc.format == "xlsx" and detect_format(plan_xlsx) == "xlsx"
    assert [(p.number, p.name) for p in doc.pages] == [(None, "แผนปฏิบัติการ"), (None, "สรุป")]
    kinds = [type(b) for b in doc.pages[0].blocks]
    assert kinds == [Paragraph, Table, Paragraph]             # title, table, approval line
    assert doc.pages[0].blocks[0].text == "แผนปฏิบัติการ ปีงบประมาณ 2553"
    t = doc.pages[0].blocks[1]
    assert (t.n_rows, t.n_cols, t.sheet) == (3, 6, "แผนปฏิบัติการ")
    assert [t.index for t in doc.tables()] == [1, 2]
    assert doc.pages[1].blocks[0].grid() == [["ตัวชี้วัด", "น้ำหนัก"], ["1.ร้อยละ", "0.5"]]


def test_merges_fills_and_number_formats(plan_xlsx):
    t = read_document(plan_xlsx).tables()[0]
    head = t.cell(0, 2)
    assert (head.text, head.rowspan, head.colspan) == ("ปีงบประมาณ 2553", 1, 3)
    item = t.cell(2, 0)
    assert (item.row, item.rowspan, item.text) == (1, 2, "1. ประชุมคณะทำงาน")
    assert t.cell(1, 3).shaded is True and t.cell(1, 3).text == ""
    assert t.cell(1, 4).shaded is False and t.cell(1, 2).shaded is False
    assert t.cell(1, 5).text == "50,000"
    assert t.cell(2, 1).text == "60%"
    assert t.cell(2, 5).text == "สำเร็จ" and t.cell(2, 5).raw == "สำาเร็จ"


def test_wrong_stored_dimension_does_not_hide_cells(plan_xlsx, tmp_path):
    # some writers store <dimension ref="A1"/> whatever the sheet holds
    import re as _re
    out = tmp_path / "dim.xlsx"
    with zipfile.ZipFile(plan_xlsx) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename.startswith("xl/worksheets/sheet"):
                data = _re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1"/>', data)
            zout.writestr(info, data)
    t = read_document(out).tables()[0]
    assert t.cell(1, 5).text == "50,000" and t.cell(0, 2).colspan == 3


def _to_strict(src, dst, drop_sheets=False):
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename.endswith((".xml", ".rels")):
                for strict, trans in _STRICT_NS:
                    data = data.replace(trans, strict)
                data = data.replace(
                    b"http://schemas.openxmlformats.org/officeDocument/2006/relationships/",
                    b"http://purl.oclc.org/ooxml/officeDocument/relationships/")
                if info.filename == "xl/workbook.xml":
                    data = data.replace(b"<workbook ", b'<workbook conformance="strict" ', 1)
                    if drop_sheets:
                        import re
                        data = re.sub(rb"<sheets>.*</sheets>", b"<sheets/>", data, flags=re.S)
            zout.writestr(info, data)


def test_strict_ooxml_workbook_is_read(plan_xlsx, tmp_path):
    strict = tmp_path / "strict.xlsx"
    _to_strict(plan_xlsx, strict)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert openpyxl.load_workbook(strict).sheetnames == []   # openpyxl alone sees no sheet
    doc = read_document(strict)
    assert [p.name for p in doc.pages] == ["แผนปฏิบัติการ", "สรุป"]
    assert doc.tables()[0].cell(1, 5).text == "50,000"
    assert any("Strict" in w for w in doc.warnings)


def test_workbook_without_sheets_is_refused(plan_xlsx, tmp_path):
    empty = tmp_path / "nosheets.xlsx"
    _to_strict(plan_xlsx, empty, drop_sheets=True)
    with pytest.raises(ReadError) as e:
        read_document(empty)
    assert e.value.reason == "no_sheets"


def test_not_a_workbook(tmp_path):
    fake = tmp_path / "fake.xlsx"
    fake.write_text("ตัวชี้วัด,น้ำหนัก\n", encoding="utf-8")
    with pytest.raises(ReadError) as e:
        read_document(fake)
    assert e.value.reason == "not_xlsx"
    xls = tmp_path / "old.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    assert detect_format(xls) is None


def test_date_cells_keep_the_precision_their_format_shows(tmp_path):
    import datetime as dt
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"], ws["B1"], ws["C1"], ws["D1"] = "เริ่มต้น", "สิ้นสุด", "ปี", "ลงนาม"
    ws["A2"] = dt.datetime(2010, 6, 1)
    ws["A2"].number_format = "mmm yy"
    ws["B2"] = dt.datetime(2010, 9, 1)
    ws["B2"].number_format = "[$-41E]mmm yy;@"
    ws["C2"] = dt.datetime(2010, 1, 1)
    ws["C2"].number_format = "yyyy"
    ws["D2"] = dt.datetime(2009, 10, 15)
    ws["D2"].number_format = "d/m/yyyy"
    p = tmp_path / "dates.xlsx"
    wb.save(p)
    assert read_document(p).tables()[0].grid()[1] == ["มิ.ย. 2553", "ก.ย. 2553", "พ.ศ. 2553",
                                                       "2009-10-15"]


def test_cell_and_sheet_limits(plan_xlsx):
    with pytest.raises(ReadError) as e:
        read_document(plan_xlsx, ReadLimits(max_cells=5))
    assert e.value.reason == "too_large"
    with pytest.raises(ReadError) as e:
        read_document(plan_xlsx, ReadLimits(max_sheets=1))
    assert e.value.reason == "too_large"


def test_formulas_without_saved_results_are_reported(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "น้ำหนัก"
    ws["A1"], ws["B1"] = "ตัวชี้วัด", "น้ำหนัก"
    ws["A2"], ws["B2"] = "1.1", 4
    ws["A3"], ws["B3"] = "1.2", 6
    ws["A4"], ws["B4"] = "รวม", "=SUM(B2:B3)"         # openpyxl saves no computed value
    p = tmp_path / "formula.xlsx"
    wb.save(p)
    doc = read_document(p)
    assert doc.tables()[0].grid()[3] == ["รวม", ""]
    assert any("1 formula cell" in w and "น้ำหนัก" in w for w in doc.warnings)
