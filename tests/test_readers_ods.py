"""OpenDocument spreadsheet (.ods) reading: a workbook saved as .ods gives the document model,
records and findings of its .xlsx twin; repeats, spans, value types, styles and hidden lines of
hand-written content.xml; broken, encrypted and hostile packages refused with a clear error."""
import shutil
import subprocess
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader_twins import assert_same_records, model
from pipeline.readers import ReadError, ReadLimits, detect_format, read_document
from pipeline.readers.ods import read_ods

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
TWINS = [SAMPLES / "trang" / "trang_form72_2569.ods",
         SAMPLES / "defects" / "defect_kpi_ladder_2553.ods"]

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" '
      'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"')
MIME = "application/vnd.oasis.opendocument.spreadsheet"
MANIFEST = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
            '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
            '<manifest:file-entry manifest:full-path="/" manifest:media-type="' + MIME + '"/>'
            '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"'
            '>{extra}</manifest:file-entry></manifest:manifest>')


def content(tables: str, styles: str = "") -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NS}>'
            f'<office:automatic-styles>{styles}</office:automatic-styles>'
            f'<office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body>'
            '</office:document-content>')


def write_ods(path: Path, body: str, styles_xml: str = "", mimetype: str = MIME,
              manifest_extra: str = "", raw_content: bytes = None) -> Path:
    """An .ods package as LibreOffice lays it out: mimetype stored first, then the parts."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), mimetype, compress_type=zipfile.ZIP_STORED)
        z.writestr("META-INF/manifest.xml", MANIFEST.format(extra=manifest_extra))
        z.writestr("content.xml", raw_content if raw_content is not None else body)
        if styles_xml:
            z.writestr("styles.xml", styles_xml)
    return path


def cell(text="", attrs="") -> str:
    if text == "":
        return f"<table:table-cell {attrs}/>"
    paras = "".join(f"<text:p>{line}</text:p>" for line in text.split("\n"))
    return f'<table:table-cell office:value-type="string" {attrs}>{paras}</table:table-cell>'


def num(value, attrs="", kind="float", shown=None) -> str:
    return (f'<table:table-cell office:value-type="{kind}" office:value="{value}" {attrs}>'
            f'<text:p>{shown if shown is not None else value}</text:p></table:table-cell>')


def row(*cells, attrs="") -> str:
    return f"<table:table-row {attrs}>{''.join(cells)}</table:table-row>"


def sheet(name, *rows, columns="", attrs="") -> str:
    return f'<table:table table:name="{name}" {attrs}>{columns}{"".join(rows)}</table:table>'


def grid(table) -> list[list[str]]:
    return table.grid()


# ------------------------------------------------------------------------------------------
# The committed samples: the same as their .xlsx twins

@pytest.mark.parametrize("path", TWINS, ids=lambda p: p.stem)
def test_a_sample_reads_as_its_xlsx_twin(path):
    assert detect_format(path) == "ods"
    doc = read_document(path)
    twin = read_document(path.with_suffix(".xlsx"))
    assert doc.format == "ods" and twin.format == "xlsx"
    assert model(doc) == model(twin)


@pytest.mark.parametrize("path", TWINS, ids=lambda p: p.stem)
def test_a_sample_gives_the_records_and_findings_of_its_xlsx_twin(path):
    assert_same_records(path, path.with_suffix(".xlsx"))


# ------------------------------------------------------------------------------------------
# Hand-written content.xml

HEADER = row(cell("ที่"), cell("กิจกรรม"), cell("ต.ค."), cell("พ.ย."), cell("ธ.ค."))


def test_trailing_repeats_cost_nothing(tmp_path):
    """LibreOffice ends a sheet with a run of a million empty rows, each row with a run of
    16,000 empty cells: positions only."""
    body = content(sheet(
        "แผน",
        row(cell("แผนปฏิบัติการ"), '<table:table-cell table:number-columns-repeated="16383"/>'),
        row('<table:table-cell table:number-columns-repeated="16384"/>'),
        row(cell("ที่"), cell("ชื่อ"), '<table:table-cell table:number-columns-repeated="16382"/>'),
        row(num(1), cell("ก"), '<table:table-cell table:number-columns-repeated="16382"/>'),
        row('<table:table-cell table:number-columns-repeated="16384"/>',
            attrs='table:number-rows-repeated="1048571"'),
        columns='<table:table-column table:number-columns-repeated="16384"/>'))
    p = write_ods(tmp_path / "big.ods", body)
    start = time.perf_counter()
    doc = read_ods(p, ReadLimits())
    assert time.perf_counter() - start < 1.0
    assert [b.text for b in doc.paragraphs()] == ["แผนปฏิบัติการ"]
    assert grid(doc.tables()[0]) == [["ที่", "ชื่อ"], ["1", "ก"]]


def test_repeated_content_is_written_out_and_bounded(tmp_path):
    body = content(sheet("s", row(cell("ที่"), cell("ผล")),
                         row(cell("x", 'table:number-columns-repeated="2"'),
                             attrs='table:number-rows-repeated="3"')))
    doc = read_ods(write_ods(tmp_path / "rep.ods", body), ReadLimits())
    assert grid(doc.tables()[0]) == [["ที่", "ผล"]] + [["x", "x"]] * 3
    # a run of text over a million rows by a thousand columns: refused, not written out
    bomb = content(sheet("s", row(cell("x", 'table:number-columns-repeated="1000"'),
                                  attrs='table:number-rows-repeated="1000000"')))
    start = time.perf_counter()
    with pytest.raises(ReadError) as e:
        read_ods(write_ods(tmp_path / "bomb.ods", bomb), ReadLimits())
    assert e.value.reason == "too_large" and time.perf_counter() - start < 1.0


def test_spans_become_merged_cells_and_covered_cells_are_skipped(tmp_path):
    body = content(sheet(
        "s",
        row(cell("ที่", 'table:number-rows-spanned="2"'),
            cell("ไตรมาส 1", 'table:number-columns-spanned="3"'),
            '<table:covered-table-cell table:number-columns-repeated="2"/>'),
        row('<table:covered-table-cell/>', cell("ต.ค."), cell("พ.ย."), cell("ธ.ค.")),
        row(cell("1"), cell("a"), cell("b"), cell("c")),
        # a span over the whole sheet: cut to where the sheet has content
        row(cell("ลงชื่อ", 'table:number-rows-spanned="1048576" '
                           'table:number-columns-spanned="16384"'))))
    start = time.perf_counter()
    doc = read_ods(write_ods(tmp_path / "span.ods", body), ReadLimits())
    assert time.perf_counter() - start < 1.0
    t = doc.tables()[0]
    assert (t.cell(0, 0).rowspan, t.cell(0, 1).colspan) == (2, 3)
    assert t.cell(0, 1).text == "ไตรมาส 1" and t.cell(1, 1).text == "ต.ค."
    assert grid(t)[2] == ["1", "a", "b", "c"]


STYLES = (
    '<number:number-style style:name="N3"><number:number number:decimal-places="0" '
    'number:min-decimal-places="0" number:min-integer-digits="1" number:grouping="true"/>'
    '</number:number-style>'
    '<number:number-style style:name="N4"><number:number number:decimal-places="2" '
    'number:min-integer-digits="1" number:grouping="true"/></number:number-style>'
    '<number:percentage-style style:name="N5"><number:number number:decimal-places="1" '
    'number:min-integer-digits="1"/><number:text>%</number:text></number:percentage-style>'
    '<number:date-style style:name="N6"><number:year number:style="long"/><number:text>-'
    '</number:text><number:month/><number:text>-</number:text><number:day/></number:date-style>'
    '<number:date-style style:name="N7"><number:month number:textual="true"/><number:text> '
    '</number:text><number:year/></number:date-style>'
    '<number:date-style style:name="N8"><number:year number:style="long"/></number:date-style>'
    '<number:time-style style:name="N9"><number:hours/><number:text>:</number:text>'
    '<number:minutes number:style="long"/></number:time-style>'
    '<number:currency-style style:name="N10"><number:currency-symbol>฿</number:currency-symbol>'
    '<number:number number:decimal-places="2" number:min-integer-digits="1" '
    'number:grouping="true"/></number:currency-style>'
    + "".join(f'<style:style style:name="c{k}" style:family="table-cell" '
              f'style:parent-style-name="Default" style:data-style-name="N{k}"/>'
              for k in range(3, 11))
    + '<style:style style:name="bar" style:family="table-cell" style:parent-style-name="Default">'
      '<style:table-cell-properties fo:background-color="#a6a6a6"/></style:style>'
      '<style:style style:name="white" style:family="table-cell">'
      '<style:table-cell-properties fo:background-color="#ffffff"/></style:style>'
      '<style:style style:name="clear" style:family="table-cell">'
      '<style:table-cell-properties fo:background-color="transparent"/></style:style>'
      '<style:style style:name="good" style:family="table-cell" style:parent-style-name="Good"/>'
      '<style:style style:name="hide" style:family="table">'
      '<style:table-properties table:display="false"/></style:style>')

COMMON_STYLES = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-styles {NS}>'
                 '<office:styles><style:style style:name="Default" style:family="table-cell"/>'
                 '<style:style style:name="Good" style:family="table-cell" '
                 'style:parent-style-name="Default"><style:table-cell-properties '
                 'fo:background-color="#ccffcc"/></style:style></office:styles>'
                 '</office:document-styles>')


def test_values_show_as_the_xlsx_reader_shows_them(tmp_path):
    body = content(sheet(
        "s",
        row(cell("a"), cell("b"), cell("c"), cell("d")),
        row(num(150000, 'table:style-name="c3"', shown="150,000"),
            num(1234.5, 'table:style-name="c4"', shown="1,234.50"),
            num(0.855, 'table:style-name="c5"', kind="percentage", shown="85.5%"),
            num(20, 'table:style-name="c10"', kind="currency", shown="฿20.00")),
        row('<table:table-cell table:style-name="c6" office:value-type="date" '
            'office:date-value="2023-10-05"><text:p>05/10/23</text:p></table:table-cell>',
            '<table:table-cell table:style-name="c7" office:value-type="date" '
            'office:date-value="2023-11-01T00:00:00"><text:p>Nov 2023</text:p></table:table-cell>',
            '<table:table-cell table:style-name="c8" office:value-type="date" '
            'office:date-value="2024-01-01"><text:p>2024</text:p></table:table-cell>',
            '<table:table-cell table:style-name="c6" office:value-type="date" '
            'office:date-value="2024-02-29T13:15:00"><text:p>x</text:p></table:table-cell>'),
        row('<table:table-cell table:style-name="c9" office:value-type="time" '
            'office:time-value="PT09H30M00S"><text:p>09:30</text:p></table:table-cell>',
            '<table:table-cell office:value-type="boolean" office:boolean-value="true">'
            '<text:p>TRUE</text:p></table:table-cell>',
            num(72.5), num(3)),
        row('<table:table-cell office:value-type="string"><text:p>อบรม<text:s text:c="2"/>'
            'ครั้ง<text:line-break/>ที่ <text:span>หนึ่ง</text:span></text:p><text:p>บรรทัดสอง'
            '</text:p><office:annotation><text:p>ความเห็น</text:p></office:annotation>'
            '</table:table-cell>',
            '<table:table-cell table:formula="of:=1/0" office:value-type="float" '
            'office:value="0" calcext:value-type="error"><text:p>#DIV/0!</text:p>'
            '</table:table-cell>',
            cell("  เว้น  "), cell("ง"))), STYLES)
    doc = read_ods(write_ods(tmp_path / "values.ods", body), ReadLimits())
    assert grid(doc.tables()[0])[1:] == [
        ["150,000", "1,234.50", "85.5%", "20"],
        ["2023-10-05", "พ.ย. 2566", "พ.ศ. 2567", "2024-02-29 13:15:00"],
        ["09:30:00", "TRUE", "72.5", "3"],
        ["อบรม  ครั้ง\nที่ หนึ่ง\nบรรทัดสอง", "#DIV/0!", "เว้น", "ง"]]
    raw = doc.tables()[0].cell(4, 2).raw
    assert raw == "  เว้น  "                      # raw kept as the file has it


def test_fills_shade_cells_through_styles_and_column_defaults(tmp_path):
    body = content(sheet(
        "s",
        HEADER,
        row(cell("1"), cell("อบรม"), cell("", 'table:style-name="bar"'),
            cell("", 'table:style-name="white"'), cell("", 'table:style-name="clear"')),
        row(cell("2"), cell("ติดตาม"), cell(""),
            cell("", 'table:style-name="bar" table:number-columns-repeated="2"')),
        row(cell("3"), cell("สรุป"), cell("", 'table:style-name="good"'), cell(""), cell("")),
        row(cell("4"), cell("ปิด"), cell(""), cell(""), cell("")),
        # a coloured column from a default cell style, down to the sheet's end: kept only
        # where the sheet has content
        row('<table:table-cell table:number-columns-repeated="5"/>',
            attrs='table:number-rows-repeated="1048570"'),
        columns='<table:table-column table:number-columns-repeated="4"/>'
                '<table:table-column table:default-cell-style-name="bar"/>'
                '<table:table-column table:number-columns-repeated="16379"/>'),
        STYLES)
    doc = read_ods(write_ods(tmp_path / "fill.ods", body, COMMON_STYLES), ReadLimits())
    t = doc.tables()[0]
    assert t.n_rows == 5
    shaded = sorted((c.row, c.col) for c in t.cells if c.shaded)
    # the header's last cell takes its column's default style too
    assert shaded == [(0, 4), (1, 2), (2, 3), (2, 4), (3, 2), (3, 4), (4, 4)]


def test_hidden_sheets_rows_and_columns(tmp_path):
    body = content(
        sheet("ลับ", row(cell("ไม่แสดง")), attrs='table:style-name="hide"')
        + sheet("แผน",
                HEADER,
                row(cell("1"), cell("แสดง"), cell("x"), cell("y"), cell("z")),
                row(cell("2"), cell("ซ่อน"), cell("x"), cell("y"), cell("z"),
                    attrs='table:visibility="collapse"'),
                row(cell("3"), cell("กรอง"), cell("x"), cell("y"), cell("z"),
                    attrs='table:visibility="filter"'),
                '<table:table-row-group table:display="false">'
                + row(cell("4"), cell("พับ"), cell("x"), cell("y"), cell("z"),
                      attrs='table:visibility="collapse"') + '</table:table-row-group>',
                columns='<table:table-column table:number-columns-repeated="2"/>'
                        '<table:table-column table:visibility="collapse"/>'
                        '<table:table-column table:number-columns-repeated="2"/>'),
        STYLES)
    doc = read_ods(write_ods(tmp_path / "hidden.ods", body), ReadLimits())
    assert [p.name for p in doc.pages] == ["แผน"]
    assert grid(doc.tables()[0]) == [["ที่", "กิจกรรม", "พ.ย.", "ธ.ค."],
                                     ["1", "แสดง", "y", "z"], ["3", "กรอง", "y", "z"],
                                     ["4", "พับ", "y", "z"]]
    assert doc.warnings == [
        "sheet 'ลับ' is hidden in the workbook: not read",
        "sheet 'แผน' is filtered (AutoFilter): read with the 1 row(s) the filter hides",
        "sheet 'แผน': 1 row(s) folded into a collapsed outline group read as well (row 5)",
        "sheet 'แผน': 1 hidden row(s) not read (row 3)",
        "sheet 'แผน': 1 hidden column(s) not read (column C)"]


def test_sheets_become_pages_like_xlsx_sheets(tmp_path):
    body = content(sheet("หนึ่ง", row(cell("ชื่อเรื่อง")), row(), HEADER,
                         row(cell("1"), cell("ก"), cell("x"), cell(""), cell("")))
                   + sheet("สอง", row(cell("a"), cell("b")), row(num(1), num(2.5))))
    doc = read_document(write_ods(tmp_path / "two.ods", body))
    assert doc.format == "ods"
    assert [p.name for p in doc.pages] == ["หนึ่ง", "สอง"]
    assert all(p.number is None for p in doc.pages)
    assert [t.index for t in doc.tables()] == [1, 2]
    assert [t.sheet for t in doc.tables()] == ["หนึ่ง", "สอง"]
    assert doc.paragraphs()[0].text == "ชื่อเรื่อง"


# ------------------------------------------------------------------------------------------
# Broken and hostile input

def _zip(path: Path, members: dict) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return path


def test_broken_input_is_refused_naming_file_and_problem(tmp_path):
    good = write_ods(tmp_path / "good.ods", content(sheet("s", row(cell("a")))))
    cases = {
        "empty.ods": (lambda p: p.write_bytes(b""), "empty", "empty"),
        "notes.ods": (lambda p: p.write_text("ตัวชี้วัด\tค่า\n", encoding="utf-8"),
                      "unsupported", "plain text"),
        "cut.ods": (lambda p: p.write_bytes(good.read_bytes()[:300]), "truncated", "zip"),
        "locked.ods": (lambda p: write_ods(p, "", manifest_extra=(
            '<manifest:encryption-data manifest:checksum-type="SHA1/1K" '
            'manifest:checksum="x"/>'), raw_content=b"\x8f\x12binary"), "encrypted",
            "password-protected"),
        "bad.ods": (lambda p: write_ods(p, "", raw_content=b"<office:document-content><x>"),
                    "corrupt", "cannot be parsed"),
        "nocontent.ods": (lambda p: _zip(p, {"mimetype": MIME}), "corrupt", "content.xml"),
        "slides.ods": (lambda p: write_ods(
            p, content(""), mimetype="application/vnd.oasis.opendocument.presentation"),
            "unsupported", "presentation"),
        "nosheets.ods": (lambda p: write_ods(p, content("")), "no_sheets", "without sheets"),
        "laughs.ods": (lambda p: write_ods(p, "", raw_content=(
            b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>'
            b'<office:document-content>&b;</office:document-content>')),
            "xml_bomb", "DOCTYPE"),
    }
    for name, (make, reason, says) in cases.items():
        p = tmp_path / name
        make(p)
        with pytest.raises(ReadError) as e:
            read_document(p)
        assert e.value.reason == reason, (name, e.value)
        assert says in e.value.message and name in e.value.message, (name, e.value.message)


def test_a_zip_bomb_is_refused_before_it_is_inflated(tmp_path):
    p = tmp_path / "bomb.ods"
    with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), MIME, compress_type=zipfile.ZIP_STORED)
        z.writestr("content.xml", content("") + " " * (50 * 1024 * 1024))
    with pytest.raises(ReadError) as e:
        read_document(p)
    assert e.value.reason == "zip_bomb"


def test_sheet_limit(tmp_path):
    body = content("".join(sheet(f"s{k}", row(cell("a"))) for k in range(5)))
    with pytest.raises(ReadError) as e:
        read_ods(write_ods(tmp_path / "many.ods", body), ReadLimits(max_sheets=3))
    assert e.value.reason == "too_large"


# ------------------------------------------------------------------------------------------
# Property: repeat counts are a compression, nothing more

texts = st.sampled_from(["", "", "", "ก", "ข้อ 1", "72.5", " ", "ร้อยละ ๘๐"])


def _run_length(cells: list[str]) -> str:
    out, k = [], 0
    while k < len(cells):
        n = 1
        while k + n < len(cells) and cells[k + n] == cells[k]:
            n += 1
        out.append(cell(cells[k], f'table:number-columns-repeated="{n}"'))
        k += n
    return "".join(out)


@settings(max_examples=80, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(texts, min_size=1, max_size=6), min_size=1, max_size=8),
       st.integers(1, 3), st.integers(0, 2000))
def test_repeats_read_as_the_cells_written_out(tmp_path, rows, repeat_last, trailing):
    plain = [row(*(cell(t) for t in r)) for r in rows] + \
        [row(*(cell(t) for t in rows[-1]))] * (repeat_last - 1)
    packed = [row(_run_length(r)) for r in rows[:-1]] + \
        [row(_run_length(rows[-1]), attrs=f'table:number-rows-repeated="{repeat_last}"')]
    if trailing:
        packed.append(row('<table:table-cell table:number-columns-repeated="16384"/>',
                          attrs=f'table:number-rows-repeated="{trailing}"'))
    a = read_ods(write_ods(tmp_path / "plain.ods", content(sheet("s", *plain))), ReadLimits())
    b = read_ods(write_ods(tmp_path / "packed.ods", content(sheet("s", *packed))), ReadLimits())
    assert model(a) == model(b)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_damaged_content_gives_a_document_or_a_read_error(tmp_path_factory, data):
    """content.xml of a sample with bytes changed or cut: a Document or a ReadError, never
    another exception."""
    with zipfile.ZipFile(TWINS[data.draw(st.integers(0, 1))]) as z:
        xml = bytearray(z.read("content.xml"))
    for _ in range(data.draw(st.integers(1, 8))):
        pos = data.draw(st.integers(0, len(xml) - 1))
        xml[pos] = data.draw(st.sampled_from(b'<>/"=0129 -abc'))
    cut = data.draw(st.one_of(st.none(), st.integers(0, len(xml))))
    if cut is not None:
        xml = xml[:cut]
    p = write_ods(tmp_path_factory.mktemp("ods") / "damaged.ods", "", raw_content=bytes(xml))
    try:
        assert read_ods(p, ReadLimits()).format == "ods"
    except ReadError as e:
        assert e.reason and e.message


# ------------------------------------------------------------------------------------------
# Workbooks saved as .ods by LibreOffice (CI has no LibreOffice: skipped there)

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(SOFFICE is None, reason="needs LibreOffice (soffice) to write .ods")
@pytest.mark.parametrize("source", ["mixed", "udon"])
def test_a_workbook_saved_as_ods_by_libreoffice_reads_as_the_xlsx(tmp_path, source):
    from test_readers_xls import mixed_workbook
    if source == "mixed":
        xlsx = mixed_workbook(tmp_path / "mixed.xlsx")
    else:                                  # a Gantt chart: fills as shaded cells
        xlsx = tmp_path / "udon.xlsx"
        shutil.copyfile(SAMPLES / "udon" / "udon_activity_plan_2566.xlsx", xlsx)
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{tmp_path / 'profile'}",
                    "--headless", "--convert-to", "ods", "--outdir", str(tmp_path), str(xlsx)],
                   check=True, capture_output=True, timeout=180)
    doc = read_document(tmp_path / (xlsx.stem + ".ods"))
    assert model(doc) == model(read_document(xlsx))
    assert any(c.shaded for t in doc.tables() for c in t.cells)


def test_a_content_cell_repeated_a_million_times_is_refused_at_once(tmp_path):
    """A damaged or hostile repeat count on cells with content (a few bytes that would write out
    millions of cells) is refused before it costs minutes; identical neighbours a real sheet
    repeats are read."""
    import time
    body = content(sheet("S", row(cell("ตัวชี้วัด"), cell("น้ำหนัก")),
                         row(cell("✓"), cell("✓"), attrs='table:number-rows-repeated="1000000"')))
    p = write_ods(tmp_path / "bomb.ods", body)
    start = time.perf_counter()
    with pytest.raises(ReadError) as e:
        read_document(p)
    assert e.value.reason == "too_large" and time.perf_counter() - start < 2
    body = content(sheet("S", row(cell("ตัวชี้วัด"), cell("น้ำหนัก")),
                         row(cell("✓", 'table:number-columns-repeated="12"'),
                             attrs='table:number-rows-repeated="30"')))
    t = read_document(write_ods(tmp_path / "gantt.ods", body)).tables()[0]
    assert (t.n_rows, t.n_cols) == (31, 12)
