"""OpenDocument text (.odt) read as its .docx twin is: paragraphs in order, list labels, merged
cells (spanned / covered / repeated), shaded cells, nested tables, tracked deletions and struck
text left out; the samples give the records and findings of their .docx twins. Small files are
written here as zips; broken ones (bombs, DOCTYPEs, encryption, huge repeats) fail with a
ReadError naming the file."""
from __future__ import annotations

import dataclasses
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.readers import ReadError, ReadLimits, detect_format, read_document
from pipeline.readers.odt import read_odt
from tests.extract_helpers import extract_file
from tests.test_readers_doc import model

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
TWINS = {
    SAMPLES / "dopa/dopa_activity_plan_2567.odt": SAMPLES / "dopa/dopa_activity_plan_2567.docx",
    SAMPLES / "nakhonratchasima/korat_form72_2568.odt":
        SAMPLES / "nakhonratchasima/korat_form72_2568.docx",
    ROOT / "tests/data/doc/features.odt": ROOT / "tests/data/doc/features.docx",
}

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"')


def write_odt(path: Path, body: str, auto: str = "", styles: str = "", master: str = "",
              manifest: str = "", extra: dict | None = None) -> Path:
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NS}>'
               f"<office:automatic-styles>{auto}</office:automatic-styles>"
               f"<office:body><office:text>{body}</office:text></office:body>"
               "</office:document-content>")
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.text",
                    compress_type=zipfile.ZIP_STORED)
        zf.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        if styles or master:
            zf.writestr("styles.xml", f'<?xml version="1.0" encoding="UTF-8"?>'
                        f"<office:document-styles {NS}><office:styles>{styles}</office:styles>"
                        f"<office:master-styles>{master}</office:master-styles>"
                        "</office:document-styles>")
        zf.writestr("META-INF/manifest.xml", manifest or "<manifest/>")
        for name, data in (extra or {}).items():
            zf.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED)
    return path


def cell(text: str = "", attrs: str = "") -> str:
    return f"<table:table-cell {attrs}><text:p>{text}</text:p></table:table-cell>"


def row(*cells: str, attrs: str = "") -> str:
    return f"<table:table-row {attrs}>{''.join(cells)}</table:table-row>"


def table(*rows: str, cols: int = 0) -> str:
    columns = f'<table:table-column table:number-columns-repeated="{cols}"/>' if cols else ""
    return f"<table:table>{columns}{''.join(rows)}</table:table>"


@pytest.mark.parametrize("odt", list(TWINS), ids=lambda p: p.name)
def test_odt_reads_as_its_docx_twin(odt):
    doc = read_document(odt)
    assert doc.format == "odt" and doc.warnings == []
    assert model(doc) == model(read_document(TWINS[odt]))


@pytest.mark.parametrize("odt", [p for p in TWINS if p.parent.parent == SAMPLES],
                         ids=lambda p: p.name)
def test_odt_gives_the_records_and_findings_of_its_docx_twin(odt):
    def records(path):
        ex, findings = extract_file(path)
        return [dataclasses.replace(r, source_file="") for r in ex.records], findings, ex.forms
    got = records(odt)
    assert got[0] and got == records(TWINS[odt])


def test_paragraph_text(tmp_path):
    p = write_odt(tmp_path / "a.odt", (
        '<text:p>ผู้รับผิดชอบ:<text:tab/>นาย<text:s text:c="2"/>สมชาย<text:line-break/>โทร.'
        '<text:soft-page-break/> 0-5311</text:p>'
        "<text:p/><text:p>   </text:p>"
        '<text:h text:outline-level="1">แผนปฏิบัติการ</text:h>'
        '<text:tracked-changes><text:changed-region text:id="c1"><text:deletion>'
        "<text:p>ข้อความที่ลบ</text:p></text:deletion></text:changed-region></text:tracked-changes>"
        '<text:p>ค่าเป้าหมาย <text:span text:style-name="T1">ร้อยละ 70</text:span>ร้อยละ 80'
        '<text:change text:change-id="c1"/><text:note><text:note-citation>1</text:note-citation>'
        "<text:note-body><text:p>เชิงอรรถ</text:p></text:note-body></text:note></text:p>"
        '<text:p>ตัวชี้วัดที่ 1<text:span text:style-name="T2">2</text:span></text:p>'),
        auto='<style:style style:name="T1" style:family="text"><style:text-properties '
             'style:text-line-through-style="solid"/></style:style>'
             '<style:style style:name="T2" style:family="text"><style:text-properties '
             'style:text-position="super 58%"/></style:style>')
    doc = read_document(p)
    assert detect_format(p) == "odt"
    assert [b.raw for b in doc.blocks()] == [
        "ผู้รับผิดชอบ:\tนาย  สมชาย\nโทร. 0-5311", "แผนปฏิบัติการ", "ค่าเป้าหมาย ร้อยละ 80",
        "ตัวชี้วัดที่ 1 2"]


def test_list_labels(tmp_path):
    lists = ('<text:list-style style:name="L1"><text:list-level-style-number text:level="1" '
             'style:num-suffix="." style:num-format="1"/><text:list-level-style-number '
             'text:level="2" style:num-suffix=")" style:num-format="ก" text:display-levels="1"/>'
             '</text:list-style><text:list-style style:name="L2">'
             '<text:list-level-style-bullet text:level="1" text:bullet-char="•"/></text:list-style>')
    body = ('<text:list text:style-name="L1"><text:list-item><text:p>ประชุม</text:p>'
            "<text:list><text:list-item><text:p>ย่อย</text:p></text:list-item>"
            "<text:list-item><text:p>ย่อยสอง</text:p></text:list-item></text:list>"
            "</text:list-item><text:list-item><text:p>อบรม</text:p><text:p>ต่อ</text:p>"
            "</text:list-item></text:list><text:p>คั่น</text:p>"
            '<text:list text:style-name="L1" text:continue-numbering="true"><text:list-item>'
            "<text:p>ติดตาม</text:p></text:list-item></text:list>"
            '<text:list text:style-name="L1"><text:list-item><text:p>ใหม่</text:p>'
            '</text:list-item></text:list><text:list text:style-name="L2"><text:list-item>'
            "<text:p>ข้อสังเกต</text:p></text:list-item></text:list>")
    doc = read_document(write_odt(tmp_path / "l.odt", body, auto=lists))
    assert [b.raw for b in doc.blocks()] == [
        "1. ประชุม", "ก) ย่อย", "ข) ย่อยสอง", "2. อบรม", "ต่อ", "คั่น", "3. ติดตาม", "1. ใหม่",
        "• ข้อสังเกต"]


def test_table_spans_covered_repeated_and_shading(tmp_path):
    auto = ('<style:style style:name="Bar" style:family="table-cell"><style:table-cell-properties '
            'fo:background-color="#808080"/></style:style>'
            '<style:style style:name="White" style:family="table-cell">'
            '<style:table-cell-properties fo:background-color="#ffffff"/></style:style>'
            '<style:style style:name="PBar" style:family="paragraph"><style:paragraph-properties '
            'fo:background-color="#c0c0c0"/></style:style>')
    body = table(
        "<table:table-header-rows>" + row(
            cell("ที่", 'table:number-rows-spanned="2"'),
            cell("กิจกรรม", 'table:number-rows-spanned="2"'),
            cell("พ.ศ. 2567", 'table:number-columns-spanned="3"'),
            "<table:covered-table-cell/><table:covered-table-cell/>") + "</table:table-header-rows>",
        row("<table:covered-table-cell/><table:covered-table-cell/>",
            cell("ต.ค."), cell("พ.ย."), cell("ธ.ค.")),
        row(cell("1"), cell("ประชุม"), cell("", 'table:style-name="Bar"'),
            cell("", 'table:style-name="White"'),
            '<table:table-cell><text:p text:style-name="PBar"/></table:table-cell>'),
        row(cell("", 'table:number-columns-repeated="5"'), attrs='table:number-rows-repeated="2"'),
        row(cell("รวม", 'table:number-columns-spanned="2" table:number-rows-spanned="2"'),
            "<table:covered-table-cell/>", cell("1", 'table:number-columns-repeated="3"')),
        row("<table:covered-table-cell><text:p>ต่อ</text:p></table:covered-table-cell>",
            "<table:covered-table-cell/>", cell(), cell(), cell()),
        cols=5)
    t = read_document(write_odt(tmp_path / "t.odt", body, auto=auto)).tables()[0]
    assert (t.n_rows, t.n_cols) == (7, 5)
    got = {(c.row, c.col): (c.rowspan, c.colspan, c.text) for c in t.cells if c.text}
    assert got == {(0, 0): (2, 1, "ที่"), (0, 1): (2, 1, "กิจกรรม"), (0, 2): (1, 3, "พ.ศ. 2567"),
                   (1, 2): (1, 1, "ต.ค."), (1, 3): (1, 1, "พ.ย."), (1, 4): (1, 1, "ธ.ค."),
                   (2, 0): (1, 1, "1"), (2, 1): (1, 1, "ประชุม"), (5, 0): (2, 2, "รวม\nต่อ"),
                   (5, 2): (1, 1, "1"), (5, 3): (1, 1, "1"), (5, 4): (1, 1, "1")}
    assert {(c.row, c.col) for c in t.cells if c.shaded} == {(2, 2), (2, 4)}
    assert t.cell(3, 4) is not None and t.cell(4, 0).text == ""


def test_nested_tables(tmp_path):
    ladder = table(row(cell("ระดับ 1"), cell("ร้อยละ 60")), row(cell("ระดับ 5"), cell("ร้อยละ 80")))
    framed = table(row(cell("แบบฟอร์ม"), cell("7.2")))
    body = (table(row(cell("ตัวชี้วัด"), cell("เกณฑ์")),
                  row(cell("ร้อยละ"), "<table:table-cell><text:p>ขั้นบันได</text:p>" + ladder
                      + "<text:p/></table:table-cell>"))
            + table(row("<table:table-cell>" + framed + "</table:table-cell>")))
    doc = read_document(write_odt(tmp_path / "n.odt", body))
    outer, frame = doc.tables()
    assert outer.cell(1, 1).text == "ขั้นบันได\nระดับ 1 ร้อยละ 60\nระดับ 5 ร้อยละ 80"
    assert outer.cell(1, 1).tables == []
    assert frame.cells[0].text == "" and frame.cells[0].tables[0].cells[1].text == "7.2"


def test_headers_footers_and_text_boxes(tmp_path):
    master = ('<style:master-page style:name="Standard"><style:header><text:p>สำนักงานจังหวัด'
              "</text:p></style:header><style:footer><text:p>หน้า 1</text:p></style:footer>"
              "</style:master-page>")
    body = ('<text:p>เนื้อหา<draw:frame><draw:text-box><text:p>กล่องข้อความ</text:p>'
            "</draw:text-box></draw:frame></text:p>")
    doc = read_document(write_odt(tmp_path / "h.odt", body, master=master))
    assert [(b.raw, b.style) for b in doc.blocks()] == [
        ("สำนักงานจังหวัด", "Header"), ("เนื้อหา", ""), ("กล่องข้อความ", ""), ("หน้า 1", "Footer")]


@pytest.mark.parametrize("make, reason", [
    (lambda p: p.write_bytes(b""), "empty"),
    (lambda p: p.write_text("แผนปฏิบัติการ\n" * 20, encoding="utf-8"), "unsupported"),
    (lambda p: p.write_bytes(b"\x00\xff\x01" * 300), "corrupt"),
    (lambda p: zipfile.ZipFile(p, "w").writestr("mimetype", "x"), "corrupt"),
    (lambda p: write_odt(p, "<text:p>x</text:p>",
                         manifest="<manifest:encryption-data/>"), "encrypted"),
    (lambda p: p.write_bytes((write_odt(p, "<text:p>x</text:p>").read_bytes())[:200]), "corrupt"),
])
def test_broken_odt(tmp_path, make, reason):
    p = tmp_path / "plan.odt"
    make(p)
    with pytest.raises(ReadError) as e:
        read_document(p)
    assert e.value.reason == reason and "plan.odt" in e.value.message


def test_doctype_is_refused(tmp_path):
    p = tmp_path / "bomb.odt"
    with zipfile.ZipFile(p, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        zf.writestr("content.xml", '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">'
                    '<!ENTITY b "&a;&a;&a;">]><office:document-content/>')
    with pytest.raises(ReadError) as e:
        read_document(p)
    assert e.value.reason == "xml_bomb" and "bomb.odt" in e.value.message


def test_zip_bomb_is_refused(tmp_path):
    p = tmp_path / "bomb.odt"
    with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        zf.writestr("content.xml", b"<a>" + b" " * (20 * 1024 * 1024) + b"</a>")
    with pytest.raises(ReadError) as e:
        read_document(p)
    assert e.value.reason == "zip_bomb" and "bomb.odt" in e.value.message


def test_huge_repeat_count_is_refused(tmp_path):
    body = table(row(cell("x"), cell("y"), attrs='table:number-rows-repeated="900000000"'), cols=2)
    with pytest.raises(ReadError) as e:
        read_odt(write_odt(tmp_path / "rep.odt", body), ReadLimits())
    assert e.value.reason == "too_large"
    # an empty run of cells repeated to the edge stays as wide as the table
    body = table(row(cell("x"), cell("", 'table:number-columns-repeated="16000"')), cols=3)
    t = read_odt(write_odt(tmp_path / "edge.odt", body), ReadLimits()).tables()[0]
    assert t.n_cols == 3


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="กข ค\t1.่", min_size=1, max_size=40))
def test_spaces_and_tabs_round_trip(tmp_path_factory, text):
    """Text written the ODF way (runs of spaces as text:s, tabs as text:tab) reads back as it
    was."""
    import re
    parts = []
    for m in re.finditer(r" {2,}|\t|[^ \t]+| ", text):
        s = m.group()
        parts.append("<text:tab/>" if s == "\t" else
                     f'<text:s text:c="{len(s)}"/>' if s.startswith("  ") else s)
    p = write_odt(tmp_path_factory.mktemp("rt") / "s.odt", f"<text:p>{''.join(parts)}</text:p>")
    blocks = read_odt(p, ReadLimits()).pages[0].blocks
    if text.strip():
        assert blocks[0].raw == text
    else:
        assert blocks == []


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.tuples(st.integers(1, 3), st.integers(1, 3)), min_size=1, max_size=4),
                min_size=1, max_size=5))
def test_any_spans_give_cells_on_the_grid(tmp_path_factory, spans):
    """Cells spanning rows and columns (with or without the covered cells a writer adds) never
    overlap and stay inside the table."""
    rows = []
    for r, cells in enumerate(spans):
        rows.append(row(*[cell(f"{r}.{k}", f'table:number-rows-spanned="{rs}" '
                               f'table:number-columns-spanned="{cs}"') +
                          "<table:covered-table-cell/>" * (cs - 1)
                          for k, (rs, cs) in enumerate(cells)]))
    p = write_odt(tmp_path_factory.mktemp("g") / "g.odt", table(*rows))
    t = read_odt(p, ReadLimits()).tables()[0]
    seen = set()
    for c in t.cells:
        assert c.row + c.rowspan <= t.n_rows and c.col + c.colspan <= t.n_cols
        for rr in range(c.row, c.row + c.rowspan):
            for cc in range(c.col, c.col + c.colspan):
                assert (rr, cc) not in seen
                seen.add((rr, cc))
