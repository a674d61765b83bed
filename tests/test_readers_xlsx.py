"""XLSX reading: sheets as pages, blank-row bands as tables, merges, fills, Strict OOXML; the
reader against what openpyxl gives on generated and hand-written workbooks."""
import datetime as _dt
import io
import re
import subprocess
import sys
import tempfile
import warnings
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.styles import PatternFill
from openpyxl.styles.colors import Color

from pipeline.readers import ReadError, ReadLimits, detect_format, read_document
from pipeline.readers import xlsx as xlsx_reader
from pipeline.readers.xlsx import _STRICT_NS
from schemas.document import Page, Paragraph, Table


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
    # an OLE2 file named .xls is read as Excel 97-2003 (pipeline/readers/xls.py), which says
    # what is wrong with this one
    xls = tmp_path / "old.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    assert detect_format(xls) == "xls"
    with pytest.raises(ReadError) as e:
        read_document(xls)
    assert e.value.reason == "corrupt" and "old.xls" in e.value.message


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
    # and the run says so in files.csv, beside the file it concerns
    from datetime import date

    from pipeline import batch
    from test_batch import read_csv
    batch.run(tmp_path, tmp_path / "out", batch.Settings(as_of=date(2025, 10, 15), progress=False,
                                                         use_cache=False))
    (row,) = read_csv(tmp_path / "out" / "files.csv")
    assert row["source_file"] == "formula.xlsx" and row["status"] == "ok"
    assert "1 formula cell(s) without a saved result" in row["warnings"]


# --- The reader reads the workbook XML itself; these check it against what openpyxl gives ---

def _old_is_shaded(c) -> bool:
    """The fill check of the openpyxl-based reader, on openpyxl's fill objects."""
    fill = getattr(c, "fill", None)
    if fill is None or not getattr(fill, "fill_type", None) or fill.fill_type == "none":
        return False
    color = fill.fgColor if fill.fill_type == "solid" else (fill.fgColor or fill.bgColor)
    if color is None:
        return True
    rgb = getattr(color, "rgb", None)
    if isinstance(rgb, str):
        return rgb.upper()[-6:] != "FFFFFF" and rgb.upper() != "00000000"
    if getattr(color, "type", "") == "theme":
        return getattr(color, "theme", 0) not in (0,) or bool(getattr(color, "tint", 0))
    if getattr(color, "type", "") == "indexed":
        return getattr(color, "indexed", 64) not in (1, 9, 64)
    return True


def _old_cell_text(c) -> str:
    v = c.value
    if v is None:
        return ""
    if isinstance(v, str):
        return v
    if isinstance(v, (_dt.datetime, _dt.date)):
        return xlsx_reader._fmt_date(v, getattr(c, "number_format", "") or "")
    if isinstance(v, _dt.time):
        return v.isoformat()
    if isinstance(v, _dt.timedelta):
        return str(v)
    return xlsx_reader._fmt_number(v, getattr(c, "number_format", "General"))


def _reference_pages(path) -> list:
    """The pages as the openpyxl-based reader made them: openpyxl read-only, data-only cells
    (hidden sheets included), merged ranges from openpyxl's full load, the same band/table
    layout (_sheet_tables)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
        full = openpyxl.load_workbook(path)
    pages = []
    for ws in wb.worksheets:
        ws.reset_dimensions()
        grid = {}
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")   # dates out of range: read as #VALUE!, warned
            rows = list(ws.iter_rows())
        for row in rows:
            for c in row:
                r, k = getattr(c, "row", None), getattr(c, "column", None)
                if r is None or k is None:
                    continue
                shaded = _old_is_shaded(c)
                if c.value is None and not shaded:
                    continue
                text = _old_cell_text(c)
                if text or shaded:
                    grid[(r, k)] = (text, shaded)
        merges = sorted((m.min_row, m.min_col, m.max_row, m.max_col)
                        for m in full[ws.title].merged_cells.ranges)
        pages.append(Page(number=None, name=ws.title,
                          blocks=xlsx_reader._sheet_tables(ws.title, grid, merges)))
    wb.close()
    return pages


_FORMATS = ["General", "0", "0.00", "#,##0", "#,##0.00", "0%", "0.0%", "0.00%", "d/m/yyyy",
            "mmm yy", "[$-41E]mmm yy;@", "yyyy", "d mmmm yyyy", "h:mm", "[h]:mm:ss", "@",
            "mm-dd-yy", '"ปี "0', "dd/mm/yyyy hh:mm"]
_FILLS = [None, ("solid", "FFA6A6A6"), ("solid", "FFFFFFFF"), ("solid", Color(theme=0)),
          ("solid", Color(theme=4, tint=0.4)), ("solid", Color(indexed=64)),
          ("solid", Color(indexed=22)), ("gray125", None), ("darkGrid", "FFFF0000"),
          ("solid", "00000000"), ("solid", Color(auto=True))]
_TEXT = st.text(alphabet="กขคงำาิีุูเแโ่้๊๋ abcXYZ019.,-_x", max_size=8)
_VALUES = st.one_of(
    st.none(), _TEXT, st.integers(-10**7, 10**7), st.booleans(),
    st.floats(-1e9, 1e9, allow_nan=False, allow_infinity=False),
    st.floats(0, 1, allow_nan=False), st.sampled_from([0.5, 0.25, 1.0, 1e-7, 1234567.891]),
    st.datetimes(_dt.datetime(1900, 3, 1), _dt.datetime(2100, 1, 1)),
    st.dates(_dt.date(1904, 1, 2), _dt.date(2100, 1, 1)),
    st.times(), st.timedeltas(_dt.timedelta(0), _dt.timedelta(days=3)))
_CELL = st.tuples(st.integers(1, 12), st.integers(1, 6), _VALUES, st.sampled_from(_FORMATS),
                  st.sampled_from(range(len(_FILLS))))
_MERGES = ["A1:C1", "B3:B5", "D2:E3", "A8:F8", "C10:D12", "E6:E7"]


def _inline_strings(data: bytes) -> bytes:
    """The workbook with its shared strings written inline (<is><t>), as some writers do."""
    from lxml import etree
    src = zipfile.ZipFile(io.BytesIO(data))
    ns = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    strings = []
    if "xl/sharedStrings.xml" in src.namelist():
        for si in etree.fromstring(src.read("xl/sharedStrings.xml")).iter(ns + "si"):
            strings.append("".join(si.itertext()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            part = src.read(info)
            if info.filename.startswith("xl/worksheets/sheet"):
                root = etree.fromstring(part)
                for c in root.iter(ns + "c"):
                    if c.get("t") == "s":
                        text = strings[int(c.findtext(ns + "v"))]
                        for child in list(c):
                            c.remove(child)
                        c.set("t", "inlineStr")
                        t = etree.SubElement(etree.SubElement(c, ns + "is"), ns + "t")
                        t.text = text
                part = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
            dst.writestr(info, part)
    return out.getvalue()


def _without_refs(data: bytes) -> bytes:
    """The workbook with the r attributes of every other row and of some cells dropped: readers
    then place them after the row or cell before, as Excel does."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            part = src.read(info)
            if info.filename.startswith("xl/worksheets/sheet"):
                part = re.sub(rb'(<row\b[^>]*?) r="(\d*[02468])"', rb"\1", part)
                part = re.sub(rb'(<c\b[^>]*?) r="[A-Z]+\d*[13579]"', rb"\1", part)
            dst.writestr(info, part)
    return out.getvalue()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sheets=st.lists(st.tuples(st.lists(_CELL, max_size=30),
                                 st.lists(st.sampled_from(_MERGES), max_size=3, unique=True)),
                       min_size=1, max_size=2),
       date1904=st.booleans(), inline=st.booleans(), no_refs=st.booleans())
def test_reader_gives_what_openpyxl_gave(sheets, date1904, inline, no_refs):
    from openpyxl.utils.datetime import CALENDAR_MAC_1904
    wb = openpyxl.Workbook()
    if date1904:
        wb.epoch = CALENDAR_MAC_1904
    for i, (cells, merges) in enumerate(sheets):
        ws = wb.active if i == 0 else wb.create_sheet(f"แผ่น{i}")
        for r, k, value, fmt, fill in cells:
            c = ws.cell(row=r, column=k)
            c.value = value
            c.number_format = fmt
            if _FILLS[fill] is not None:
                pattern, color = _FILLS[fill]
                c.fill = PatternFill(pattern, fgColor=color) if color is not None \
                    else PatternFill(pattern)
        taken: set = set()
        for ref in merges:
            from openpyxl.utils.cell import range_boundaries
            c0, r0, c1, r1 = range_boundaries(ref)
            area = {(r, k) for r in range(r0, r1 + 1) for k in range(c0, c1 + 1)}
            if not area & taken:
                taken |= area
                ws.merge_cells(ref)
    buf = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb.save(buf)
    data = buf.getvalue()
    if inline:
        data = _inline_strings(data)
    if no_refs:
        data = _without_refs(data)
    with tempfile.TemporaryDirectory() as tmp:
        p = Path(tmp) / "generated.xlsx"
        p.write_bytes(data)
        expected = _reference_pages(p)
        doc = xlsx_reader.read_xlsx(p, ReadLimits())
    assert doc.pages == expected


def test_samples_read_as_openpyxl_read_them():
    root = Path(__file__).resolve().parent.parent / "samples"
    paths = [p for p in sorted(root.rglob("*.xlsx")) if "bad" not in p.parts]
    assert paths
    for p in paths:
        assert xlsx_reader.read_xlsx(p, ReadLimits()).pages == _reference_pages(p), p.name


def test_reading_does_not_import_openpyxl(plan_xlsx):
    code = ("import sys; from pipeline.readers import read_document; "
            f"read_document({str(plan_xlsx)!r}); print('openpyxl' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=Path(__file__).resolve().parent.parent, check=True)
    assert out.stdout.strip() == "False"


_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def _with_parts(src, dst, parts: dict) -> Path:
    """A copy of the workbook ``src`` with some parts replaced (None: removed)."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename in parts:
                if parts[info.filename] is not None:
                    zout.writestr(info, parts[info.filename])
            else:
                zout.writestr(info, zin.read(info))
    return dst


def test_rows_and_cells_placed_as_openpyxl_placed_them(plan_xlsx, tmp_path):
    # rows and cells without r follow the one before; a row numbered at or before one already
    # read is passed over; cells of a row past its last cell's column are dropped; the last
    # of two cells at one place counts; comments and processing instructions are not cells
    sheet = (f'<worksheet xmlns="{_MAIN}"><sheetData>'
             '<row><c t="inlineStr"><is><t>a</t></is></c><c><v>2</v></c>'
             '<c r="E1" t="inlineStr"><is><t>e</t></is></c><c><v>6</v></c></row>'
             '<row><c t="str"><v>x</v></c></row>'
             '<row r="5"><c r="C5" t="str"><v>c</v></c><c r="A5" t="str"><v>a</v></c></row>'
             '<row r="4"><c r="A4" t="str"><v>back</v></c></row>'
             '<row r="5"><c r="B5" t="str"><v>again</v></c></row>'
             '<row><c r="B9" t="str"><v>b9</v></c><c t="str"><v>next</v></c></row>'
             '<row r="8.0"><c r="A8" t="str"><v>float row</v></c></row>'
             '<row r="10"><c r="A10"><v>1</v></c><c r="A10"><v>2</v></c></row>'
             '<row r="11"><!-- note --><?pi x?><c r="A11" t="str"><v>after</v></c></row>'
             '</sheetData></worksheet>')
    p = _with_parts(plan_xlsx, tmp_path / "rows.xlsx", {"xl/worksheets/sheet1.xml": sheet})
    doc = xlsx_reader.read_xlsx(p, ReadLimits())
    assert doc.pages == _reference_pages(p)
    texts = [c.text for t in doc.pages[0].blocks if isinstance(t, Table) for c in t.cells]
    assert "back" not in texts and "again" not in texts and "c" not in texts


def test_fills_openpyxl_refused_are_read(plan_xlsx, tmp_path):
    # openpyxl failed on a cell with a gradient fill and refused a workbook with an empty
    # <fill/>: a gradient is a filled background, an empty fill none
    with zipfile.ZipFile(plan_xlsx) as z:
        styles = z.read("xl/styles.xml").decode()
    fills = re.search(r"<fills[^>]*>(.*?)</fills>", styles, re.S).group(1)
    gradient = ('<fill><gradientFill degree="90"><stop position="0"><color rgb="FFFF0000"/>'
                '</stop><stop position="1"><color theme="1"/></stop></gradientFill></fill>')
    n = fills.count("<fill>")
    styles = styles.replace(fills, fills + gradient + "<fill/>")
    # two cell formats put first: the gradient, the empty fill; the workbook's own follow
    styles = re.sub(r"(<cellXfs[^>]*>)", rf'\1<xf fillId="{n}"/><xf fillId="{n + 1}"/>',
                    styles, count=1)
    sheet = (f'<worksheet xmlns="{_MAIN}"><sheetData><row r="1">'
             '<c r="A1" s="0"><v>1</v></c><c r="B1" s="1"><v>2</v></c>'
             '<c r="C1" s="2"><v>3</v></c></row></sheetData></worksheet>')
    p = _with_parts(plan_xlsx, tmp_path / "fills.xlsx",
                    {"xl/styles.xml": styles, "xl/worksheets/sheet1.xml": sheet})
    with pytest.raises(Exception):
        _reference_pages(p)
    t = read_document(p).tables()[0]
    assert [(c.text, c.shaded) for c in t.cells] == [("1", True), ("2", False), ("3", False)]


def test_merges_the_old_byte_scan_missed(plan_xlsx, tmp_path):
    # a mergeCell ref in single quotes, and a sheet target through "./": both are merged
    with zipfile.ZipFile(plan_xlsx) as z:
        sheet = z.read("xl/worksheets/sheet2.xml").decode()
        rels = z.read("xl/_rels/workbook.xml.rels").decode()
    sheet = sheet.replace("</worksheet>",
                          "<mergeCells count=\"1\"><mergeCell ref='A1:A2'/></mergeCells>"
                          "</worksheet>")
    rels = rels.replace('Target="/xl/worksheets/sheet2.xml"',
                        'Target="./worksheets/../worksheets/sheet2.xml"')
    assert "./worksheets/" in rels
    p = _with_parts(plan_xlsx, tmp_path / "merge.xlsx", {"xl/worksheets/sheet2.xml": sheet,
                                                         "xl/_rels/workbook.xml.rels": rels})
    t = read_document(p).pages[1].blocks[0]
    assert (t.cell(0, 0).text, t.cell(0, 0).rowspan) == ("ตัวชี้วัด", 2)


def test_parts_the_reader_does_not_use_may_be_damaged(plan_xlsx, tmp_path):
    # openpyxl refused a workbook whose document properties were not well-formed
    p = _with_parts(plan_xlsx, tmp_path / "props.xlsx",
                    {"docProps/core.xml": "<cp:coreProperties xmlns:cp='x'><cp:title>"})
    assert read_document(p).tables()[0].cell(1, 5).text == "50,000"


def test_merged_range_on_row_zero_is_a_damaged_sheet(plan_xlsx, tmp_path):
    with zipfile.ZipFile(plan_xlsx) as z:
        sheet = z.read("xl/worksheets/sheet2.xml").decode()
    sheet = sheet.replace("</worksheet>", '<mergeCells><mergeCell ref="A0:B1"/></mergeCells>'
                          "</worksheet>")
    p = _with_parts(plan_xlsx, tmp_path / "row0.xlsx", {"xl/worksheets/sheet2.xml": sheet})
    with pytest.raises(ReadError) as e:
        read_document(p)
    assert e.value.reason == "corrupt" and "row0.xlsx" in e.value.message


def test_damaged_parts_are_refused_naming_the_file(plan_xlsx, tmp_path):
    cases = {"xl/workbook.xml": "<workbook", "xl/worksheets/sheet1.xml": "<worksheet><sheetData>",
             "xl/styles.xml": "<styleSheet", "[Content_Types].xml": None,
             "xl/_rels/workbook.xml.rels": None}
    for i, (part, text) in enumerate(cases.items()):
        p = _with_parts(plan_xlsx, tmp_path / f"damaged{i}.xlsx", {part: text})
        with pytest.raises(ReadError) as e:
            read_document(p)
        assert e.value.reason == "corrupt" and f"damaged{i}.xlsx" in e.value.message, part


def test_large_sheets_are_streamed(tmp_path, monkeypatch):
    # parts over the whole-parse size are read with iterparse: the same result
    wb = openpyxl.Workbook()
    ws = wb.active
    for r in range(1, 200):
        ws.append([f"แถว {r}", r, r * 0.5])
    ws.merge_cells("A201:C201")
    ws["A201"] = "รวม"
    p = tmp_path / "big.xlsx"
    wb.save(p)
    whole = xlsx_reader.read_xlsx(p, ReadLimits())
    monkeypatch.setattr(xlsx_reader, "_WHOLE_PART", 0)
    assert xlsx_reader.read_xlsx(p, ReadLimits()) == whole
    assert whole.pages == _reference_pages(p)


def test_only_cell_formulas_count_as_unsaved(plan_xlsx, tmp_path):
    # the old byte scan also counted the <xm:f> of an x14 data validation list as a formula
    # without a saved result
    with zipfile.ZipFile(plan_xlsx) as z:
        sheet = z.read("xl/worksheets/sheet2.xml").decode()
    ext = ('<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" '
           'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">'
           '<x14:dataValidations count="1" '
           'xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">'
           '<x14:dataValidation type="list"><x14:formula1><xm:f>Lists!$A$1:$A$5</xm:f>'
           '</x14:formula1><xm:sqref>B2</xm:sqref></x14:dataValidation></x14:dataValidations>'
           '</ext></extLst>')
    sheet = sheet.replace("</worksheet>", ext + "</worksheet>")
    p = _with_parts(plan_xlsx, tmp_path / "ext.xlsx", {"xl/worksheets/sheet2.xml": sheet})
    doc = read_document(p)
    assert doc.pages == read_document(plan_xlsx).pages and doc.warnings == []


def test_sheets_sharing_a_name_keep_their_own_merges(plan_xlsx, tmp_path):
    with zipfile.ZipFile(plan_xlsx) as z:
        book = z.read("xl/workbook.xml").decode()
    p = _with_parts(plan_xlsx, tmp_path / "same.xlsx",
                    {"xl/workbook.xml": book.replace('name="สรุป"', 'name="แผนปฏิบัติการ"')})
    doc = read_document(p)
    assert [pg.name for pg in doc.pages] == ["แผนปฏิบัติการ", "แผนปฏิบัติการ"]
    assert doc.tables()[0].cell(0, 2).colspan == 3               # the first sheet's D4:F4
    assert [c.colspan for c in doc.pages[1].blocks[0].cells] == [1, 1, 1, 1]


def test_parts_in_a_thai_encoding_are_read(plan_xlsx, tmp_path):
    # expat (openpyxl) knows no windows-874; libxml2 does
    sheet = ('<?xml version="1.0" encoding="windows-874"?>'
             f'<worksheet xmlns="{_MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is>'
             '<t>ตัวชี้วัด</t></is></c></row></sheetData></worksheet>').encode("cp874")
    p = _with_parts(plan_xlsx, tmp_path / "cp874.xlsx", {"xl/worksheets/sheet1.xml": sheet})
    with pytest.raises(Exception):
        _reference_pages(p)
    assert read_document(p).pages[0].blocks[0].text == "ตัวชี้วัด"
