"""Word 97-2003 (.doc) files read as their .docx twins are: the same document model (merged
cells, shaded Gantt cells, nested tables, list labels, struck text left out) and the same records
and findings. Reading needs wvHtml (Debian package wv, installed by `make install`); tests that
run it are skipped where it is missing. Broken files fail with a ReadError naming the file."""
from __future__ import annotations

import dataclasses
import shutil
import struct
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.readers import ReadError, ReadLimits, detect_format, read_document
from pipeline.readers import doc as doc_reader
from schemas.document import Table
from tests.extract_helpers import extract_file

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "doc"
SAMPLES = ROOT / "samples"
needs_wv = pytest.mark.skipif(shutil.which("wvHtml") is None,
                              reason="wvHtml (Debian package wv) not installed")

# .doc -> its .docx twin
TWINS = {
    SAMPLES / "chiangmai/chiangmai_form72_2566.doc": SAMPLES / "chiangmai/chiangmai_form72_2566.docx",
    SAMPLES / "nakhonpathom/nakhonpathom_kpi_report_2568.doc":
        SAMPLES / "nakhonpathom/nakhonpathom_kpi_report_2568.docx",
    SAMPLES / "doae/doae_activity_plan_2565.doc": SAMPLES / "doae/doae_activity_plan_2565.docx",
    DATA / "features.doc": DATA / "features.docx",
    DATA / "kanchanaburi_activity_plan_2557.doc":
        SAMPLES / "kanchanaburi/kanchanaburi_activity_plan_2557.docx",
    DATA / "defect_form72_2553.doc": SAMPLES / "defects/defect_form72_2553.docx",
    DATA / "bma_best_service_2558.doc": SAMPLES / "กรุงเทพมหานคร/bma_best_service_2558.docx",
}


def model(doc) -> list:
    """A document's blocks as plain data (no path or format)."""
    def table(t: Table):
        return ("table", t.n_rows, t.n_cols,
                [(c.row, c.col, c.rowspan, c.colspan, c.shaded, c.text, c.raw,
                  [table(x) for x in c.tables]) for c in t.cells])
    return [[table(b) if isinstance(b, Table) else ("p", b.text, b.raw, b.style)
             for b in page.blocks] for page in doc.pages]


def records(path: Path):
    ex, findings = extract_file(path)
    recs = [dataclasses.replace(r, source_file="") for r in ex.records]
    return recs, findings, ex.forms


@needs_wv
@pytest.mark.parametrize("doc_path", list(TWINS), ids=lambda p: p.name)
def test_doc_reads_as_its_docx_twin(doc_path):
    doc = read_document(doc_path)
    assert doc.format == "doc"
    assert doc.warnings == []
    assert model(doc) == model(read_document(TWINS[doc_path]))


@needs_wv
@pytest.mark.parametrize("doc_path", [p for p in TWINS if p.parent != DATA or "_" in p.stem],
                         ids=lambda p: p.name)
def test_doc_gives_the_records_and_findings_of_its_docx_twin(doc_path):
    recs, findings, forms = records(doc_path)
    assert recs and forms
    assert (recs, findings, forms) == records(TWINS[doc_path])


def test_samples_are_detected_as_doc():
    for path in TWINS:
        assert detect_format(path) == "doc"


@needs_wv
def test_what_wvhtml_loses_is_read_from_the_file():
    """Shaded cells (wvHtml writes every cell white), a ladder table nested in a cell (wvHtml
    writes loose paragraphs), typographic characters (wvHtml writes ASCII)."""
    doc = read_document(DATA / "features.doc")
    t = doc.tables()[0]
    shaded = {(c.row, c.col) for c in t.cells if c.shaded}
    assert shaded == {(1, 2), (2, 3), (2, 4), (3, 4)}       # (3, 2) is filled white
    assert t.cell(1, 1).text == "ประชุม\nระดับ 1 ร้อยละ 60\nระดับ 5 ร้อยละ 80"
    merged = t.cell(2, 5)
    assert (merged.row, merged.rowspan, merged.text) == (2, 2, "20,000\nรวม 2 รายการ")
    assert t.cell(4, 0).colspan == 5
    texts = [p.text for p in doc.paragraphs()]
    assert "ค่าเป้าหมาย ร้อยละ 80" in texts                   # struck "ร้อยละ 70" left out
    assert "1. ประชุมชี้แจง" in texts and "• ข้อสังเกต" in texts
    assert "ผู้รับผิดชอบ:\tนายสมชาย  ใจดี\nโทร. 0-5311-2233 <ภายใน> & \"ด่วน\"" in texts
    bma = read_document(DATA / "bma_best_service_2558.doc")
    assert any(p.raw.startswith("– ทั้งนี้") for p in bma.paragraphs())


@needs_wv
def test_merges_that_start_below_another_merge_stay_apart():
    t = read_document(DATA / "defect_form72_2553.doc").tables()[0]
    starts = sorted((c.row, c.rowspan) for c in t.cells if c.col == 1 and c.row > 0)
    assert starts[:2] == [(1, 3), (4, 5)]


def test_missing_wvhtml_names_the_package_and_the_way_out(monkeypatch):
    monkeypatch.setattr(doc_reader.shutil, "which", lambda name: None)
    with pytest.raises(ReadError) as e:
        read_document(SAMPLES / "chiangmai/chiangmai_form72_2566.doc")
    assert e.value.reason == "unsupported"
    assert "chiangmai_form72_2566.doc" in e.value.message
    assert "apt-get install wv" in e.value.message and ".docx" in e.value.message
    assert "wvHtml" in e.value.message_th and ".docx" in e.value.message_th


def _word_stream_offset(data: bytes) -> int:
    ole = doc_reader._Ole(data)
    start = ole.top["WordDocument"][5]
    return (start + 1) * ole.size


def test_encrypted_doc(tmp_path):
    data = bytearray((SAMPLES / "doae/doae_activity_plan_2565.doc").read_bytes())
    at = _word_stream_offset(bytes(data))
    flags = struct.unpack_from("<H", data, at + 0x0A)[0] | 0x0100       # fEncrypted
    struct.pack_into("<H", data, at + 0x0A, flags)
    p = tmp_path / "locked.doc"
    p.write_bytes(bytes(data))
    with pytest.raises(ReadError) as e:
        read_document(p)
    assert e.value.reason == "encrypted" and "locked.doc" in e.value.message


@pytest.mark.parametrize("content, reason", [
    (b"", "empty"),
    ("แผนปฏิบัติการ ประจำปี 2567\n".encode() * 20, "unsupported"),
    (b"%PDF-1.4\n" + b"0" * 100, "unsupported"),
    (b"PK\x03\x04" + b"\0" * 100, "corrupt"),
    (b"\x00\x01\x02\xff" * 200, "corrupt"),
])
def test_broken_doc(tmp_path, content, reason):
    p = tmp_path / "plan.doc"
    p.write_bytes(content)
    with pytest.raises(ReadError) as e:
        doc_reader.read_doc(p, ReadLimits())
    assert e.value.reason == reason
    assert "plan.doc" in e.value.message


def test_truncated_doc(tmp_path):
    data = (SAMPLES / "chiangmai/chiangmai_form72_2566.doc").read_bytes()
    p = tmp_path / "cut.doc"
    p.write_bytes(data[:5000])
    with pytest.raises(ReadError) as e:
        read_document(p)
    assert e.value.reason in ("truncated", "corrupt")
    assert "cut.doc" in e.value.message


def test_ole_file_without_word_stream(tmp_path):
    # an Excel 97 workbook named .doc: its streams name no Word document
    xls = SAMPLES / "lampang/lampang_kpi_ladder_2566.xls"
    if not xls.exists():
        pytest.skip("no .xls sample")
    p = tmp_path / "book.doc"
    p.write_bytes(xls.read_bytes())
    with pytest.raises(ReadError) as e:
        doc_reader.read_doc(p, ReadLimits())
    assert e.value.reason == "corrupt" and "WordDocument" in e.value.message


def test_size_limit(tmp_path):
    with pytest.raises(ReadError) as e:
        doc_reader.read_doc(SAMPLES / "doae/doae_activity_plan_2565.doc", ReadLimits(max_bytes=1000))
    assert e.value.reason == "too_large"


_SAMPLE = (SAMPLES / "doae/doae_activity_plan_2565.doc").read_bytes()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, len(_SAMPLE) - 1), st.integers(0, 255)), max_size=12),
       st.integers(512, len(_SAMPLE)))
def test_damaged_structure_raises_read_error_or_reads(flips, cut):
    """The compound file and paragraph-property parsing never fails but by ReadError (the
    reader then reads without them, or refuses the file)."""
    data = bytearray(_SAMPLE[:cut])
    for at, value in flips:
        if at < len(data):
            data[at] = value
    try:
        ole = doc_reader._Ole(bytes(data))
        word = ole.stream("WordDocument")
        if word is None:
            return
        fib = doc_reader._Fib(word, "x.doc")
        if fib.word97 and not fib.encrypted:
            doc_reader._Skeleton(ole, word, fib)
    except ReadError:
        pass
    except (struct.error, IndexError, ValueError, KeyError):
        pass        # read_doc reads the file without the structure then (a warning)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([
    '<p><div name="Normal" align="left"> \n<p style="x">', "</p></div>", "<table cols=\"3\">",
    "</table>", "<tr>", "</tr>", '<td rowspan="0" colspan="2">', '<td rowspan="2" colspan="1">',
    "</td>", "<s>", "</s>", '<a href="#author1">', "</a>", "<br>", "<ol type=\"1\">",
    '<li value="3">', "</ol>", "<ul>", "</ul>", "<sup>", "</sup>", "ข้อความ", "1", "&amp;",
    "<td colspan=\"x\">"]), max_size=40))
def test_any_wvhtml_markup_builds_a_model(parts):
    """Whatever order wvHtml's tags come in, the builder gives blocks with cells on the grid."""
    parsed = doc_reader._HtmlDoc()
    parsed.feed("".join(parts))
    parsed.close()
    blocks = doc_reader._Builder(parsed, None, []).blocks()
    for b in blocks:
        if isinstance(b, Table):
            for c in b.cells:
                assert 0 <= c.row < b.n_rows and 0 <= c.col < b.n_cols
                assert c.row + c.rowspan <= b.n_rows and c.col + c.colspan <= b.n_cols


@needs_wv
def test_wvhtml_past_its_time_limit_fails_the_file(monkeypatch):
    monkeypatch.setattr(doc_reader, "WVHTML_TIMEOUT", 0.001)
    with pytest.raises(ReadError) as e:
        doc_reader.read_doc(SAMPLES / "doae/doae_activity_plan_2565.doc", ReadLimits())
    assert e.value.reason == "corrupt" and "did not finish" in e.value.message
