"""Hidden rows and columns in XLSX: what Excel does not show is not read (helper
columns of lookup codes, old figures, an old draft line), with a warning; rows hidden by an active
AutoFilter and lines folded into a collapsed outline group are read (data out of view, not
withdrawn); merged ranges crossing hidden lines shrink; zero-width columns count as hidden."""
from __future__ import annotations

import shutil
import subprocess
import zipfile

import openpyxl
import pytest
from openpyxl.worksheet.dimensions import ColumnDimension

from extractors import extract
from pipeline.readers import ReadLimits, read_document
from pipeline.readers import xlsx as xlsx_reader
from schemas import ExtractContext
from schemas.document import Paragraph, Table

HEAD = ["ตัวชี้วัด", "รหัส", "หน่วยวัด", "น้ำหนัก (ร้อยละ)", "เกณฑ์การให้คะแนน", "", "", "", "",
        "ผลการดำเนินงาน", "ผลการดำเนินงาน (ฉบับเดิม)"]
LEVELS = ["", "", "", "", "1", "2", "3", "4", "5", "", ""]
KPIS = [
    ["1. ร้อยละของงานบริการที่แล้วเสร็จตามระยะเวลาที่กำหนด", "K01", "ร้อยละ", 3, 60, 65, 70, 75, 80,
     72.5, 50],
    ["2. (ร่างเดิม) ร้อยละของเรื่องร้องเรียนที่ได้รับการแก้ไข", "K99", "ร้อยละ", 9, 10, 20, 30, 40,
     50, 5, 5],
    ["2. ร้อยละความพึงพอใจของผู้รับบริการ", "K02", "ร้อยละ", 3, 70, 75, 80, 85, 90, 91.2, 60],
    ["3. ระยะเวลาเฉลี่ยในการออกใบอนุญาต", "K03", "วัน", 2, 15, 13, 11, 9, 7, 10, 20],
]
TITLE = "ผลการดำเนินงานตามตัวชี้วัดคำรับรองการปฏิบัติราชการ ประจำปีงบประมาณ พ.ศ. 2566"


def _ladder_sheet(ws, first_row: int = 3) -> None:
    """A KPI ladder table from ``first_row``: a header over two rows (the ladder banner merged
    across the five level columns), then the KPI rows; the title in A1."""
    ws["A1"] = TITLE
    for r, row in enumerate([HEAD, LEVELS] + KPIS, first_row):
        for k, v in enumerate(row, 1):
            if v != "":
                ws.cell(row=r, column=k, value=v)
    ws.merge_cells(start_row=first_row, start_column=5, end_row=first_row, end_column=9)
    for k in (1, 2, 3, 4, 10, 11):
        ws.merge_cells(start_row=first_row, start_column=k, end_row=first_row + 1, end_column=k)


def _records(path):
    ctx = ExtractContext(source_file=path.name, agency_fallback="lampang")
    return extract(read_document(path), ctx).records


def _tables(doc) -> list[Table]:
    return [b for b in doc.blocks() if isinstance(b, Table)]


@pytest.fixture(params=["whole", "streamed"])
def part_mode(request, monkeypatch):
    """Both ways a sheet part is read: parsed whole, or streamed with iterparse (large parts)."""
    if request.param == "streamed":
        monkeypatch.setattr(xlsx_reader, "_WHOLE_PART", 0)
    return request.param


def test_hidden_helper_column_and_draft_row_are_not_read(tmp_path, part_mode):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "ผลการดำเนินงาน"
    _ladder_sheet(ws)
    ws.column_dimensions["B"].hidden = True          # lookup codes
    ws.column_dimensions["K"].hidden = True          # old figures
    ws.row_dimensions[6].hidden = True               # the old draft line
    p = tmp_path / "ladder.xlsx"
    wb.save(p)
    doc = read_document(p)
    (t,) = _tables(doc)
    grid = t.grid()
    assert (t.n_rows, t.n_cols) == (5, 9)
    assert grid[0] == ["ตัวชี้วัด", "หน่วยวัด", "น้ำหนัก (ร้อยละ)", "เกณฑ์การให้คะแนน", "", "", "",
                       "", "ผลการดำเนินงาน"]
    assert [row[0][:2] for row in grid[2:]] == ["1.", "2.", "3."]
    assert not any("K0" in c or "ร่างเดิม" in c or "ฉบับเดิม" in c for row in grid for c in row)
    banner = t.cell(0, 3)
    assert (banner.col, banner.rowspan, banner.colspan) == (3, 1, 5)
    assert any("'ผลการดำเนินงาน'" in w and "1 hidden row(s)" in w and "row 6" in w
               for w in doc.warnings)
    assert any("2 hidden column(s)" in w and "columns B, K" in w for w in doc.warnings)
    recs = _records(p)
    assert [r.item_no for r in recs] == ["1", "2", "3"]
    assert [r.weight for r in recs] == [3, 3, 2]
    assert recs[0].level_1 == 60 and recs[0].actual == 72.5


def test_same_workbook_without_hiding_reads_every_line(tmp_path):
    # the control: nothing hidden, the helper column and the draft row are read as before
    wb = openpyxl.Workbook()
    _ladder_sheet(wb.active)
    p = tmp_path / "visible.xlsx"
    wb.save(p)
    doc = read_document(p)
    (t,) = _tables(doc)
    assert (t.n_rows, t.n_cols) == (6, 11)
    assert not any("hidden" in w for w in doc.warnings)


def test_rows_hidden_by_an_active_autofilter_are_read(tmp_path, part_mode):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "กรอง"
    _ladder_sheet(ws)
    ws.auto_filter.ref = "A4:K8"                      # the level row heads the filtered range
    ws.auto_filter.add_filter_column(2, ["ร้อยละ"])
    ws.row_dimensions[8].hidden = True               # hidden by the filter: วัน
    ws["A12"] = "หมายเหตุ: ฉบับร่าง"
    ws.row_dimensions[12].hidden = True              # hidden by hand, outside the filter's range
    p = tmp_path / "filtered.xlsx"
    wb.save(p)
    doc = read_document(p)
    (t,) = _tables(doc)
    assert [row[0][:2] for row in t.grid()[2:]] == ["1.", "2.", "2.", "3."]
    assert any("'กรอง' is filtered" in w and "1 row(s) the filter hides" in w
               for w in doc.warnings)
    assert not any(isinstance(b, Paragraph) and "ฉบับร่าง" in b.text for b in doc.blocks())
    assert any("hidden row(s) not read (row 12)" in w for w in doc.warnings)


def test_autofilter_without_criteria_does_not_keep_hidden_rows(tmp_path):
    # filter buttons only (no filterColumn): a hidden row was hidden by hand
    wb = openpyxl.Workbook()
    ws = wb.active
    _ladder_sheet(ws)
    ws.auto_filter.ref = "A4:K8"
    ws.row_dimensions[6].hidden = True
    p = tmp_path / "buttons.xlsx"
    wb.save(p)
    doc = read_document(p)
    assert [row[0][:2] for row in _tables(doc)[0].grid()[2:]] == ["1.", "2.", "3."]
    assert not any("filtered" in w for w in doc.warnings)
    assert any("1 hidden row(s) not read (row 6)" in w for w in doc.warnings)


def test_merges_across_hidden_lines(tmp_path, part_mode):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = "แผนปฏิบัติการ"
    ws.merge_cells("A1:C1")                          # crosses hidden column B: spans 2
    ws["D1"] = "ปี 2568"                             # a second cell: a table row, no title
    ws["A2"] = "กิจกรรม"
    ws.merge_cells("A2:A4")                          # crosses hidden row 3: spans 2
    ws["B2"] = "รหัส"
    ws.merge_cells("B2:B4")                          # entirely in hidden column B: gone
    ws["C2"] = "ระยะเวลา"
    ws["D2"] = "งบ"
    ws["C3"] = "เดิม"
    ws["C4"] = "1 เดือน"
    ws["D4"] = 5000
    ws["B5"] = "ผลรวมทั้งสิ้น"
    ws.merge_cells("B5:C5")                          # origin hidden: the text shows in C5
    ws["D5"] = 5000
    ws["A6"] = "ร่างเก่า"
    ws.merge_cells("A6:D6")                          # entirely in hidden row 6: gone
    ws["A7"] = "ลงชื่อ"
    ws.column_dimensions["B"].hidden = True
    ws.row_dimensions[3].hidden = True
    ws.row_dimensions[6].hidden = True
    p = tmp_path / "merges.xlsx"
    wb.save(p)
    doc = read_document(p)
    (t,) = _tables(doc)
    assert t.grid(fill_merged=True) == [["แผนปฏิบัติการ", "แผนปฏิบัติการ", "ปี 2568"],
                                        ["กิจกรรม", "ระยะเวลา", "งบ"],
                                        ["กิจกรรม", "1 เดือน", "5000"],
                                        ["", "ผลรวมทั้งสิ้น", "5000"],
                                        ["ลงชื่อ", "", ""]]
    spans = {(c.row, c.col): (c.rowspan, c.colspan) for c in t.cells}
    assert spans[(0, 0)] == (1, 2) and spans[(1, 0)] == (2, 1) and spans[(3, 1)] == (1, 1)
    # every grid position covered exactly once
    covered = [(c.row + i, c.col + j) for c in t.cells
               for i in range(c.rowspan) for j in range(c.colspan)]
    assert sorted(covered) == [(r, k) for r in range(t.n_rows) for k in range(t.n_cols)]
    # the moved total is not reported as left out; the draft line and the codes are
    assert any("hidden row(s) not read (rows 3, 6)" in w for w in doc.warnings)
    assert any("1 hidden column(s) not read (column B)" in w for w in doc.warnings)


def _rewrite_sheet(path, edit) -> None:
    """The workbook at ``path`` with its first sheet's XML passed through ``edit`` (openpyxl
    does not write a width or height of 0: Excel and other writers do)."""
    data = {}
    with zipfile.ZipFile(path) as z:
        for info in z.infolist():
            data[info.filename] = z.read(info)
    data["xl/worksheets/sheet1.xml"] = edit(data["xl/worksheets/sheet1.xml"])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, part in data.items():
            z.writestr(name, part)


def test_zero_width_column_and_zero_height_row_count_as_hidden(tmp_path):
    wb = openpyxl.Workbook()
    _ladder_sheet(wb.active)
    p = tmp_path / "zero.xlsx"
    wb.save(p)
    _rewrite_sheet(p, lambda x: x.replace(
        b"<sheetData>", b'<cols><col min="2" max="2" width="0" customWidth="1"/></cols>'
        b"<sheetData>").replace(b'<row r="6"', b'<row r="6" ht="0" customHeight="1"'))
    doc = read_document(p)
    (t,) = _tables(doc)
    assert (t.n_rows, t.n_cols) == (5, 10)
    assert [r.item_no for r in _records(p)] == ["1", "2", "3"]
    assert any("hidden column(s) not read (column B)" in w for w in doc.warnings)


def test_collapsed_outline_group_is_read(tmp_path):
    # detail rows folded under a group (the + button) are data out of view: read, with a warning
    wb = openpyxl.Workbook()
    ws = wb.active
    _ladder_sheet(ws)
    ws.row_dimensions.group(6, 7, outline_level=1, hidden=True)
    p = tmp_path / "grouped.xlsx"
    wb.save(p)
    doc = read_document(p)
    assert len(_tables(doc)[0].grid()) == 6
    assert any("2 row(s) folded into a collapsed outline group" in w for w in doc.warnings)


def test_hidden_blank_lines_are_dropped_silently(tmp_path):
    # "hide the unused columns": a hidden range to the sheet's end without content warns nothing
    wb = openpyxl.Workbook()
    ws = wb.active
    _ladder_sheet(ws)
    ws.column_dimensions["L"] = ColumnDimension(ws, index="L", hidden=True)
    ws.column_dimensions["L"].min, ws.column_dimensions["L"].max = 12, 16384
    p = tmp_path / "unused.xlsx"
    wb.save(p)
    doc = read_document(p)
    assert (_tables(doc)[0].n_cols) == 11
    assert not any("hidden" in w for w in doc.warnings)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_workbook_saved_by_libreoffice(tmp_path):
    # LibreOffice writes hidden="true"/"false" on every row and outlineLevel="0": read as Excel's
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "ผลการดำเนินงาน"
    _ladder_sheet(ws)
    ws.column_dimensions["B"].hidden = True
    ws.row_dimensions[6].hidden = True
    flt = wb.create_sheet("กรอง")
    _ladder_sheet(flt)
    flt.auto_filter.ref = "A4:K8"
    flt.auto_filter.add_filter_column(2, ["ร้อยละ"])
    flt.row_dimensions[8].hidden = True
    src = tmp_path / "in" / "lo.xlsx"
    src.parent.mkdir()
    wb.save(src)
    out = tmp_path / "out"
    subprocess.run(["soffice", "--headless", "--convert-to", "xlsx", "--outdir", str(out),
                    str(src)], check=True, capture_output=True, timeout=180)
    p = out / "lo.xlsx"
    with zipfile.ZipFile(p) as z:
        sheet1 = z.read("xl/worksheets/sheet1.xml")
    assert b'hidden="true"' in sheet1 and b'hidden="false"' in sheet1
    doc = read_document(p)
    first, second = ([b for b in pg.blocks if isinstance(b, Table)] for pg in doc.pages)
    assert (first[0].n_rows, first[0].n_cols) == (5, 10)
    assert len(second[0].grid()) == 6
    assert any("'ผลการดำเนินงาน': 1 hidden row(s)" in w for w in doc.warnings)
    assert any("'กรอง' is filtered" in w for w in doc.warnings)


def test_reader_stays_streamed_for_hidden_lines(tmp_path, monkeypatch):
    # the sheet part is read once, streamed, whatever is hidden (the columns come before the
    # rows, the AutoFilter after them: no second pass)
    wb = openpyxl.Workbook()
    ws = wb.active
    _ladder_sheet(ws)
    ws.column_dimensions["B"].hidden = True
    ws.row_dimensions[6].hidden = True
    ws.auto_filter.ref = "A4:K8"
    p = tmp_path / "once.xlsx"
    wb.save(p)
    monkeypatch.setattr(xlsx_reader, "_WHOLE_PART", 0)
    calls = []
    real = xlsx_reader._iter_parts

    def spy(zf, part, tags):
        calls.append(part)
        return real(zf, part, tags)

    monkeypatch.setattr(xlsx_reader, "_iter_parts", spy)
    doc = xlsx_reader.read_xlsx(p, ReadLimits())
    assert calls.count("xl/worksheets/sheet1.xml") == 1
    assert (_tables(doc)[0].n_rows, _tables(doc)[0].n_cols) == (5, 10)
