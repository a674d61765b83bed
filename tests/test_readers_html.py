"""Web pages: a web system's report export named .xls (HTML that Excel opens as a sheet), Word's or
Excel's "web page", or a plain .html, read into the same document model as the DOCX/XLSX twin
of the same document: tables with rowspan/colspan merged at their top-left, shaded cells,
paragraphs, the declared encoding (windows-874 included)."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader_twins import assert_same_records
from pipeline.readers import ReadError, detect_format, read_document
from schemas.document import Paragraph, Table

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
# each web export beside the DOCX or XLSX it was rendered from
EXPORTS = [(SAMPLES / "udon" / "web_export" / "udon_activity_plan_2566.xls",
            SAMPLES / "udon" / "udon_activity_plan_2566.xlsx"),
           (SAMPLES / "nakhonsi" / "web_export" / "nakhonsi_kpi_report_2569.xls",
            SAMPLES / "nakhonsi" / "nakhonsi_kpi_report_2569.docx")]


@pytest.mark.parametrize("path, twin", EXPORTS, ids=lambda p: p.parent.name)
def test_a_web_export_gives_the_records_and_findings_of_its_twin(path, twin):
    assert detect_format(path) == "html"
    assert_same_records(path, twin)


def test_the_declared_thai_encoding_is_read():
    path = EXPORTS[1][0]
    assert b"windows-874" in path.read_bytes()[:300]
    doc = read_document(path)
    assert doc.encoding == "cp874" and doc.format == "html"
    assert doc.paragraphs()[0].text.startswith("รายงานผลการดำเนินงานตามตัวชี้วัด")
    # a mark the encoding lacks, written as a character reference, is the mark itself
    matrix = doc.tables()[0]
    assert matrix.cell(2, 1).text == "●"


def _page(body: str, head: str = "", charset: str = "utf-8") -> bytes:
    return (f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">'
            f"{head}</head><body>{body}</body></html>").encode("cp874" if "874" in charset else "utf-8")


def test_spans_place_cells_after_the_positions_rows_above_cover(tmp_path):
    body = ("<table>"
            "<tr><td rowspan=2>ที่</td><td rowspan=2>กิจกรรม</td><td colspan=3>ไตรมาส 1</td></tr>"
            "<tr><td>ต.ค.</td><td>พ.ย.</td><td>ธ.ค.</td></tr>"
            "<tr><td>1</td><td>ประชุม<br>ชี้แจง</td><td style='background:#BFBFBF'></td>"
            "<td bgcolor=white></td><td class=bar></td></tr>"
            "</table>")
    p = tmp_path / "report.xls"
    p.write_bytes(_page(body, "<style>.bar {background:#FFC000;}</style>"))
    assert detect_format(p) == "html"
    t = read_document(p).tables()[0]
    assert (t.n_rows, t.n_cols) == (3, 5)
    assert (t.cell(1, 2).text, t.cell(1, 2).col) == ("ต.ค.", 2)
    assert t.cell(1, 0).text == "ที่" and t.cell(0, 0).rowspan == 2
    assert t.cell(2, 1).text == "ประชุม\nชี้แจง"
    assert [t.cell(2, k).shaded for k in (2, 3, 4)] == [True, False, True]


def test_hidden_rows_scripts_and_head_are_left_out(tmp_path):
    body = ("<script>var x = 'ตัวชี้วัด';</script><p>แผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. 2568</p>"
            "<table><tr><td>ที่</td><td>กิจกรรม</td></tr>"
            "<tr style='display:none'><td>0</td><td>ซ่อน</td></tr>"
            "<tr><td>1</td><td>ประชุม</td></tr></table>แหล่งที่มา: ระบบรายงาน<br>พิมพ์เมื่อ 1 ต.ค. 2567")
    p = tmp_path / "plan.html"
    p.write_bytes(_page(body, "<title>รายงาน</title>"))
    doc = read_document(p)
    assert [b.text for b in doc.blocks() if isinstance(b, Paragraph)] == [
        "แผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. 2568", "แหล่งที่มา: ระบบรายงาน", "พิมพ์เมื่อ 1 ต.ค. 2567"]
    assert read_document(p).tables()[0].grid() == [["ที่", "กิจกรรม"], ["1", "ประชุม"]]


def test_a_row_shading_its_cells_and_a_nested_table(tmp_path):
    body = ("<table><tr bgcolor='#C0C0C0'><td></td><td style='background:white'></td></tr>"
            "<tr><td>ผล</td><td><table><tr><td>ไตรมาส 1</td><td>50</td></tr></table></td></tr>"
            "</table>")
    p = tmp_path / "a.htm"
    p.write_bytes(_page(body))
    t = read_document(p).tables()[0]
    assert [t.cell(0, 0).shaded, t.cell(0, 1).shaded] == [True, False]
    inner = t.cell(1, 1)
    assert len(inner.tables) == 1 and inner.text == "ไตรมาส 1 50"


@pytest.mark.parametrize("name", ["export.xls", "report.doc"])
def test_what_only_the_name_calls_a_spreadsheet_or_word_file(tmp_path, name):
    p = tmp_path / name
    p.write_bytes(_page("<p>รายงานผล</p>", charset="windows-874"))
    assert detect_format(p) == "html"
    assert read_document(p).paragraphs()[0].text == "รายงานผล"


def test_a_text_file_named_html_stays_text(tmp_path):
    p = tmp_path / "notes.html"
    p.write_text("ตัวชี้วัดที่ 1\tร้อยละ 80\n", encoding="utf-8")
    assert detect_format(p) == "txt"


def test_an_empty_web_page_fails_as_empty(tmp_path):
    p = tmp_path / "empty.html"
    p.write_bytes(b"")
    with pytest.raises(ReadError) as e:
        read_document(p)
    assert e.value.reason == "empty"


_CELL = st.tuples(st.integers(1, 3), st.integers(1, 3), st.sampled_from(["", "ก", "1", "ต.ค."]))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(_CELL, min_size=1, max_size=4), min_size=1, max_size=5))
def test_any_spans_cover_each_grid_position_at_most_once(tmp_path_factory, rows):
    body = "<table>" + "".join(
        "<tr>" + "".join(f"<td rowspan={rs} colspan={cs}>{t}</td>" for rs, cs, t in row) + "</tr>"
        for row in rows) + "</table>"
    p = tmp_path_factory.mktemp("h") / "t.html"
    p.write_bytes(_page(body))
    t = read_document(p).tables()[0]
    assert isinstance(t, Table) and t.n_rows == len(rows)
    seen = set()
    for c in t.cells:
        assert c.row + c.rowspan <= t.n_rows and c.col + c.colspan <= t.n_cols
        for r in range(c.row, c.row + c.rowspan):
            for k in range(c.col, c.col + c.colspan):
                assert (r, k) not in seen
                seen.add((r, k))


@pytest.mark.parametrize("data, fmt", [
    ("ลำดับ\tกิจกรรม\tงบประมาณ\n1\tประชุมชี้แจง\t5,000\n".encode("cp874"), "tsv"),
    ("ลำดับ\tกิจกรรม\tงบประมาณ\n1\tประชุมชี้แจง\t5,000\n".encode("utf-16"), "tsv"),
    ('ลำดับ,กิจกรรม,งบประมาณ\n1,ประชุมชี้แจง,"5,000"\n'.encode("utf-8-sig"), "csv"),
])
def test_a_text_export_named_xls_reads_as_its_table(tmp_path, data, fmt):
    p = tmp_path / "export.xls"
    p.write_bytes(data)
    assert detect_format(p) == fmt
    assert read_document(p).tables()[0].grid()[1] == ["1", "ประชุมชี้แจง", "5,000"]


def test_a_folders_web_pages_are_read_not_skipped(tmp_path):
    """A form saved by Excel as a web page (.htm) is a submission: read, its form recognised."""
    from pipeline.batch import Settings, run
    folder = tmp_path / "in" / "สทภ.6"
    folder.mkdir(parents=True)
    body = ("<p>แผนปฏิบัติราชการ ประจำปีงบประมาณ พ.ศ. 2567 สำนักงานทรัพยากรน้ำภาคที่ 6</p>"
            "<table><tr><td>ที่</td><td>กิจกรรม</td><td>ระยะเวลา</td><td>งบประมาณ</td></tr>"
            "<tr><td>1</td><td>สำรวจแหล่งน้ำ</td><td>ต.ค. 66 - ธ.ค. 66</td><td>50,000</td></tr>"
            "</table>")
    (folder / "แผน67.htm").write_bytes(_page(body, charset="windows-874"))
    (folder / "login.html").write_bytes(_page("<form>ชื่อผู้ใช้ <input> รหัสผ่าน</form>"))
    res = run(tmp_path / "in", tmp_path / "out", Settings(jobs=1, use_cache=False))
    import csv
    with open(tmp_path / "out" / "files.csv", encoding="utf-8-sig") as f:
        files = {r["source_file"]: r for r in csv.DictReader(f)}
    assert files["สทภ.6/แผน67.htm"]["status"] == "ok" and files["สทภ.6/แผน67.htm"]["records"] == "1"
    assert files["สทภ.6/login.html"]["status"] == "ok" and files["สทภ.6/login.html"]["findings"] == "1"
    assert res.exit_code == 0
