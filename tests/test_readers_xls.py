"""Excel 97-2003 (.xls) reading: a workbook saved as .xls gives the document model, records and
findings of its .xlsx twin; broken, encrypted and misnamed files are refused with a clear error."""
import datetime as _dt
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader_twins import assert_same_records, model
from pipeline.readers import ReadError, ReadLimits, detect_format, read_document
from pipeline.readers import xls as xls_reader

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
TWINS = [SAMPLES / "lampang" / "lampang_kpi_ladder_2566.xls",
         SAMPLES / "udon" / "udon_activity_plan_2566.xls"]


@pytest.mark.parametrize("path", TWINS, ids=lambda p: p.stem)
def test_a_sample_reads_as_its_xlsx_twin(path):
    assert detect_format(path) == "xls"
    doc = read_document(path)
    twin = read_document(path.with_suffix(".xlsx"))
    assert doc.format == "xls" and twin.format == "xlsx"
    assert model(doc) == model(twin)


@pytest.mark.parametrize("path", TWINS, ids=lambda p: p.stem)
def test_a_sample_gives_the_records_and_findings_of_its_xlsx_twin(path):
    assert_same_records(path, path.with_suffix(".xlsx"))


def test_gantt_fills_are_shaded_cells_and_merges_spans():
    doc = read_document(TWINS[1])
    table = doc.tables()[0]
    header = table.cell(0, 5)
    assert (header.text, header.colspan, header.rowspan) == ("ไตรมาส 1", 3, 1)
    assert table.cell(0, 0).rowspan == 2
    # row 1.1 (ต.ค. only) and 1.3 (ม.ค. - เม.ย.): the bars are the shaded month cells
    rows = {r[0].text: r for r in table.rows() if r[0] is not None}
    assert [c.col for c in rows["1.1"] if c is not None and c.shaded] == [5]
    assert [c.col for c in rows["1.3"] if c is not None and c.shaded] == [8, 9, 10, 11]
    assert not any(c.shaded for c in rows["1.3"][:5] if c is not None)


def test_numbers_show_as_the_xlsx_reader_shows_them():
    doc = read_document(TWINS[0])
    ladder = doc.tables()[0]
    assert ladder.cell(2, 8).text == "72.5" and ladder.cell(2, 3).text == "60"
    # numbers read as floats show as Excel writes a whole number in XLSX
    assert xls_reader._number_text(3.0, "0.00", False) == "3"
    assert xls_reader._number_text(1234.5, "#,##0.00", False) == "1,234.50"
    assert xls_reader._number_text(0.855, "0.0%", False) == "85.5%"
    assert xls_reader._number_text(45199.0, "yyyy-mm-dd", False) == "2023-09-30"
    assert xls_reader._number_text(45199.0, "mmm-yy", False) == "ก.ย. 2566"
    assert xls_reader._number_text(45199.0, "yyyy", False) == "พ.ศ. 2566"
    assert xls_reader._number_text(43737.0, "yyyy-mm-dd", True) == "2023-09-30"  # 1904 calendar
    assert xls_reader._number_text(0.5, "h:mm", False) == "12:00:00"
    assert xls_reader._number_text(1e300 * 1e10, "yyyy-mm-dd", False) == "#VALUE!"


class _Book:
    """What _Formats asks of an xlrd Book."""

    def __init__(self, formats):
        from xlrd.formatting import Format
        self.format_map = {k: Format(k, t, s) for k, (t, s) in formats.items()}


def test_builtin_and_thai_locale_number_formats():
    formats = xls_reader._Formats(_Book({14: (1, "m/d/yy"), 5: (2, '"฿"#,##0_);("฿"#,##0)'),
                                         71: (1, None), 74: (1, None), 180: (1, "d mmmm yyyy"),
                                         31: (1, None), 200: (2, None)}))
    assert formats._number_format(14) == "mm-dd-yy"          # XLSX's code for built-in id 14
    assert formats._number_format(5) == '"$"#,##0_);("$"#,##0)'
    assert formats._number_format(71) == "d/m/yyyy"           # Thai locale date, no record
    assert formats._number_format(74) == "mmm-yy"
    assert formats._number_format(180) == "d mmmm yyyy"       # a custom format as written
    assert formats._number_format(31) == "yyyy-mm-dd"         # another locale's date
    assert formats._number_format(200) == "General"


def _write(tmp_path, name: str, data: bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


def _encrypted(data: bytes) -> bytes:
    """The sample with the record after its workbook BOF turned into FILEPASS, the record
    Excel writes first in an encrypted workbook."""
    bof = data.find(bytes.fromhex("0908100000060500"))
    assert bof > 0
    out = bytearray(data)
    out[bof + 20:bof + 22] = b"\x2f\x00"
    return bytes(out)


@pytest.mark.parametrize("name,make,reason,says", [
    ("locked.xls", _encrypted, "encrypted", "password-protected"),
    ("half.xls", lambda d: d[:len(d) // 2], "truncated", "cut off"),
    ("header.xls", lambda d: d[:512], "truncated", "cut off"),
    ("noise.xls", lambda d: bytes(range(256)) * 8, "corrupt", "not an Excel 97-2003"),
    ("empty.xls", lambda d: b"", "empty", "empty"),
])
def test_broken_input_is_refused_naming_file_and_problem(tmp_path, name, make, reason, says):
    p = _write(tmp_path, name, make(TWINS[0].read_bytes()))
    with pytest.raises(ReadError) as e:
        read_document(p)
    assert e.value.reason == reason
    assert name in e.value.message and says in e.value.message
    assert e.value.message_th


def test_an_encrypted_ooxml_package_named_xls_is_refused_as_encrypted(tmp_path):
    data = bytearray(TWINS[0].read_bytes())
    marker = "EncryptedPackage".encode("utf-16-le")
    data[600:600 + len(marker)] = marker
    p = _write(tmp_path, "locked.xls", bytes(data))
    with pytest.raises(ReadError) as e:
        xls_reader.read_xls(p, ReadLimits())
    assert e.value.reason == "encrypted"


def test_cell_and_sheet_limits(tmp_path):
    with pytest.raises(ReadError) as e:
        xls_reader.read_xls(TWINS[1], ReadLimits(max_cells=50))
    assert e.value.reason == "too_large"
    with pytest.raises(ReadError) as e:
        xls_reader.read_xls(TWINS[0], ReadLimits(max_sheets=1))
    assert e.value.reason == "too_large" and "2 sheets" in e.value.message


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_damaged_bytes_give_a_document_or_a_read_error(tmp_path_factory, data):
    """Whatever bytes are changed or cut, the reader answers with a Document or a ReadError,
    never another exception, and quickly."""
    original = TWINS[data.draw(st.integers(0, 1))].read_bytes()
    damaged = bytearray(original)
    for _ in range(data.draw(st.integers(1, 12))):
        pos = data.draw(st.integers(0, len(damaged) - 1))
        damaged[pos] = data.draw(st.integers(0, 255))
    cut = data.draw(st.one_of(st.none(), st.integers(0, len(damaged))))
    if cut is not None:
        damaged = damaged[:cut]
    p = tmp_path_factory.mktemp("xls") / "damaged.xls"
    p.write_bytes(bytes(damaged))
    start = time.perf_counter()
    try:
        doc = xls_reader.read_xls(p, ReadLimits())
        assert doc.format == "xls"
    except ReadError as e:
        assert e.reason in ("corrupt", "truncated", "encrypted", "empty", "unsupported",
                            "too_large", "no_sheets")
    assert time.perf_counter() - start < 5


# ------------------------------------------------------------------------------------------
# Workbooks Excel features the samples lack (dates, percentages, hidden lines and sheets),
# written as .xlsx and saved as .xls by LibreOffice: the .xls reads as the .xlsx does.

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def _converted(tmp_path, xlsx: Path, ext: str) -> Path:
    profile = tmp_path / "profile"
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless",
                    "--convert-to", ext, "--outdir", str(tmp_path), str(xlsx)],
                   check=True, capture_output=True, timeout=180)
    return tmp_path / (xlsx.stem + "." + ext)


def mixed_workbook(path: Path) -> Path:
    """An activity plan with number formats, dates by precision, a Gantt fill, a merged
    signature line, a hidden row, a hidden column and a hidden sheet."""
    import openpyxl
    from openpyxl.styles import PatternFill
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "แผน"
    ws["A1"] = "แผนปฏิบัติการ ทดสอบ"
    rows = [["ที่", "กิจกรรม", "วันที่", "เดือน", "ปี", "ร้อยละ", "งบ", "เงิน", "จริง", "เวลา",
             "ต.ค.", "พ.ย.", "ธ.ค."],
            ["1", "อบรม\nบรรทัดสอง", _dt.datetime(2023, 10, 5), _dt.datetime(2023, 11, 1),
             _dt.datetime(2024, 1, 1), 0.855, 150000, 1234.5, True, _dt.time(9, 30)],
            ["2", "ติดตาม", _dt.datetime(2024, 2, 29, 13, 15), _dt.datetime(2024, 9, 1),
             _dt.datetime(2025, 1, 1), 1, 3.0, 20, False, _dt.time(17, 0)],
            ["3", "ซ่อน", None, None, None, 0.5, 7, 8],
            ["4", "สรุป", None, None, None, 0.25, 2.75, 99999.999]]
    for i, row in enumerate(rows):
        for j, v in enumerate(row):
            ws.cell(row=3 + i, column=1 + j, value=v)
    for r in range(4, 8):
        for c, f in {3: "yyyy-mm-dd", 4: "mmm-yy", 5: "yyyy", 6: "0.0%", 7: "#,##0",
                     8: "#,##0.00", 10: "h:mm"}.items():
            ws.cell(row=r, column=c).number_format = f
    fill = PatternFill("solid", fgColor="A6A6A6")
    for ref in ("K4", "L4", "L5", "M5"):
        ws[ref].fill = fill
    ws.merge_cells("A9:C9")
    ws["A9"] = "ลงชื่อ ผู้รับผิดชอบ"
    ws.row_dimensions[6].hidden = True
    ws.column_dimensions["I"].hidden = True
    hidden = wb.create_sheet("ลับ")
    hidden["A1"] = "ไม่แสดง"
    hidden.sheet_state = "hidden"
    other = wb.create_sheet("สอง")
    other["B2"] = "หัว"
    for ref, v in {"B3": "a", "C3": "b", "B4": 1, "C4": 2.5}.items():
        other[ref] = v
    wb.save(path)
    return path


@pytest.mark.skipif(SOFFICE is None, reason="needs LibreOffice (soffice) to write .xls")
def test_a_workbook_saved_as_xls_by_libreoffice_reads_as_the_xlsx(tmp_path):
    xlsx = mixed_workbook(tmp_path / "mixed.xlsx")
    xls = _converted(tmp_path, xlsx, "xls")
    doc, twin = read_document(xls), read_document(xlsx)
    assert model(doc) == model(twin)
    assert any("hidden row" in w for w in doc.warnings)
    assert any("hidden in the workbook" in w for w in doc.warnings)
    texts = {c.text for t in doc.tables() for c in t.cells}
    assert {"2023-10-05", "พ.ย. 2566", "พ.ศ. 2567", "85.5%", "150,000", "1,234.50",
            "09:30:00", "อบรม\nบรรทัดสอง"} <= texts
    assert "ซ่อน" not in texts and "TRUE" not in texts      # a hidden row and column
