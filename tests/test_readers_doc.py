"""Word 97-2003 (.doc) files read as their .docx twins are: the same document model (merged
cells, shaded Gantt cells, nested tables, list labels, struck text left out, fields' results
without their codes) and the same records and findings, read by the reader's own parse of the
file (no external program). Broken files fail with a ReadError naming the file."""
from __future__ import annotations

import dataclasses
import struct
import time
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
    DATA / "specials.doc": DATA / "specials.docx",
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


@pytest.mark.parametrize("doc_path", list(TWINS), ids=lambda p: p.name)
def test_doc_reads_as_its_docx_twin(doc_path):
    start = time.perf_counter()
    doc = read_document(doc_path)
    assert time.perf_counter() - start < 2         # milliseconds, in fact: nothing runs outside
    assert doc.format == "doc"
    assert doc.warnings == []
    assert model(doc) == model(read_document(TWINS[doc_path]))


@pytest.mark.parametrize("doc_path", [p for p in TWINS if p.parent != DATA or "_" in p.stem],
                         ids=lambda p: p.name)
def test_doc_gives_the_records_and_findings_of_its_docx_twin(doc_path):
    recs, findings, forms = records(doc_path)
    assert recs and forms
    assert (recs, findings, forms) == records(TWINS[doc_path])


def test_samples_are_detected_as_doc():
    for path in TWINS:
        assert detect_format(path) == "doc"


def test_shading_nesting_merges_lists_and_struck_text():
    """Shaded cells (a white fill is no bar), a ladder table nested in a cell, merges both ways,
    list labels, struck text left out, typographic characters kept."""
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


def test_merges_that_start_below_another_merge_stay_apart():
    t = read_document(DATA / "defect_form72_2553.doc").tables()[0]
    starts = sorted((c.row, c.rowspan) for c in t.cells if c.col == 1 and c.row > 0)
    assert starts[:2] == [(1, 3), (4, 5)]


def _word_stream_offset(data: bytes) -> int:
    """Where the WordDocument stream starts in the file (its first sector)."""
    import io

    import olefile
    ole = olefile.OleFileIO(io.BytesIO(data))
    start = ole.direntries[ole._find("WordDocument")].isectStart
    return (start + 1) * ole.sectorsize


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
    """A damaged file (bytes changed, cut short) reads or fails with a ReadError naming it,
    never with another exception, never looping."""
    data = bytearray(_SAMPLE[:cut])
    for at, value in flips:
        if at < len(data):
            data[at] = value
    try:
        doc = doc_reader._document(bytes(data), Path("x.doc"))
    except ReadError as e:
        assert "x.doc" in e.message
        return
    for t in doc.tables():
        for c in t.cells:
            assert c.row + c.rowspan <= t.n_rows and c.col + c.colspan <= t.n_cols


def test_special_characters_and_character_properties():
    """specials.doc holds Word's marks in its text stream: 0x13 field code 0x14 result 0x15,
    0x1E non-breaking and 0x1F optional hyphens, 0x0B a line break in a cell, 0x01 the
    hyperlink's object, 0xA0; tracked-deleted (sprmCFRMarkDel), double-struck (sprmCFDStrike),
    hidden (sprmCFVanish) and superscript (sprmCIss) runs."""
    doc = read_document(DATA / "specials.doc")
    texts = [p.raw for p in doc.paragraphs()]
    assert "หน้า 1 ดู เว็บไซต์สำนักงาน" in texts                   # codes out, results in
    assert "รหัสโครงการ 67-0012\u00a0กข" in texts
    assert "ผลการดำเนินงาน ร้อยละ 90 หมายเหตุซ่อน" in texts     # deleted and struck out
    assert "ตัวชี้วัดที่ 1 1)" in texts
    t = doc.tables()[0]
    assert t.cell(1, 0).text == "ร้อยละของ\nผู้ป่วย"
    assert t.cell(1, 1).text == "80 80"
    assert (t.cell(1, 2).col, t.cell(1, 2).colspan) == (2, 2)
    assert (t.cell(2, 3).row, t.cell(2, 3).rowspan, t.cell(2, 3).text) == (2, 2, "รวม")
    assert not any(ch in p.raw for p in doc.paragraphs() for ch in "\x01\x07\x13\x14\x15\x1e\x1f")


def _cleaner(text: str, drop=(), sup=()) -> "doc_reader._Skeleton":
    """A _Skeleton over ``text`` alone, to clean slices of it (no file behind it)."""
    sk = doc_reader._Skeleton.__new__(doc_reader._Skeleton)
    sk.text = text
    flags = bytearray(len(text))
    for i in drop:
        flags[i] |= doc_reader._DROP
    for i in sup:
        flags[i] |= doc_reader._SUP
    sk._chars = flags
    sk._fields = []
    return sk


@pytest.mark.parametrize("text, want", [
    ("a\x13 PAGE \x142\x15b", "a2b"),
    ("\x13 IF \x13 PAGE \x141\x15 = 1 \x14yes\x15", "yes"),          # a field in a code
    ("\x13 HYPERLINK x\x14go \x13 PAGE \x143\x15\x15!", "go 3!"),      # one in a result
    ("\x13 TOC \x15left", "left"),                                     # no result
    ("a\x0bb\x0cc\x0ed", "a\nb\nc\nd"),
    ("67\x1e12 ab\x1fcd", "67-12 abcd"),
    ("x\x01\x02\x03\x04\x05\x06\x08\x00y\u00a0z\tw", "xy\u00a0z\tw"),
])
def test_marks_in_the_text_stream(text, want):
    assert _cleaner(text)._clean(0, len(text)) == want


def test_struck_text_and_superscript_digits():
    text = "ร้อยละ 7080 ที่ 12)"
    sk = _cleaner(text, drop=range(7, 9), sup=[text.index("2)")])   # "70" struck
    assert sk._clean(0, len(text)) == "ร้อยละ 80 ที่ 1 2)"


def test_fields_span_paragraphs():
    text = "\x13 TOC \x14บทที่ 1\rบทที่ 2\x15\r"
    sk = _cleaner(text)
    end = text.index("\r")
    assert sk._clean(0, end) == "บทที่ 1"
    assert sk._clean(end + 1, len(text) - 1) == "บทที่ 2"


_PLAIN = st.text(st.characters(blacklist_characters="\x13\x14\x15",
                               blacklist_categories=("Cs", "Cc")), max_size=6)


@st.composite
def _fields(draw, depth=0):
    """(text as Word stores it, text a reader sees) of plain runs and fields, fields nested in
    codes and results."""
    stored, seen = [], []
    for _ in range(draw(st.integers(0, 4))):
        if depth < 3 and draw(st.booleans()):
            code, _ = draw(_fields(depth + 1))
            result, result_seen = draw(_fields(depth + 1))
            has_result = draw(st.booleans())
            stored.append("\x13" + code + ("\x14" + result if has_result else "") + "\x15")
            seen.append(result_seen if has_result else "")
        else:
            x = draw(_PLAIN)
            stored.append(x)
            seen.append(x)
    return "".join(stored), "".join(seen)


@settings(max_examples=300, deadline=None)
@given(_fields(), st.integers(0, 40))
def test_field_codes_out_results_in(case, cut):
    """Whatever the nesting, a field's code is left out and its result kept; cleaning the text
    in two slices (two paragraphs) gives the same as in one."""
    stored, seen = case
    assert _cleaner(stored)._clean(0, len(stored)) == seen
    cut = min(cut, len(stored))
    sk = _cleaner(stored)
    assert sk._clean(0, cut) + sk._clean(cut, len(stored)) == seen


def _word_with_pieces(pieces, order):
    """A WordDocument stream holding ``pieces`` ((text, compressed)) in ``order``, and the table
    stream's Clx describing them in text order (after a Prc, which is skipped)."""
    word = bytearray(b"\0" * 64)
    fcs = {}
    for k in order:
        text, compressed = pieces[k]
        if len(word) % 2:
            word += b"\0"
        fcs[k] = len(word)
        word += text.encode("cp1252") if compressed else text.encode("utf-16-le")
    cps = [0]
    for text, _ in pieces:
        cps.append(cps[-1] + len(text))
    pcds = b"".join(struct.pack("<HIH", 0, (fcs[k] * 2 | 0x40000000) if pieces[k][1] else fcs[k],
                                0) for k in range(len(pieces)))
    plc = struct.pack(f"<{len(cps)}I", *cps) + pcds
    clx = b"\x01" + struct.pack("<H", 3) + b"\0\0\0" + b"\x02" + struct.pack("<I", len(plc)) + plc
    return bytes(word), clx, cps[-1]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(
    st.tuples(st.text(st.sampled_from("abc 12\r\x07\t\u00e9"), min_size=1, max_size=8),
              st.just(True)),
    st.tuples(st.text(st.sampled_from("กขค 12\r\x07\u0e31\u2013"), min_size=1, max_size=8),
              st.just(False))), min_size=1, max_size=8), st.randoms(), st.integers(0, 3))
def test_piece_table_gives_the_text_in_order(pieces, rnd, short):
    """Pieces stored in any order, 8-bit or UTF-16, read back as the text in cp order, and each
    piece's place maps every character back to its bytes."""
    order = list(range(len(pieces)))
    rnd.shuffle(order)
    word, clx, ccp = _word_with_pieces(pieces, order)
    fib = dataclasses.make_dataclass("Fib", ["fc_clx", "lcb_clx"])(0, len(clx))
    ccp = max(0, ccp - short)
    text, placed = doc_reader._decode(word, doc_reader._piece_table(clx, fib), ccp)
    assert text == "".join(t for t, _ in pieces)[:ccp]
    for fc0, fc1, first, step in placed:
        for i in range(first, first + (fc1 - fc0) // step):
            raw = word[fc0 + (i - first) * step:fc0 + (i - first + 1) * step]
            assert raw.decode("cp1252" if step == 1 else "utf-16-le") == text[i]


def test_word6_file_is_refused_with_the_way_out(tmp_path):
    """A Word 6.0/95 file (nFib below Word 97's 0xC1: another FIB and text layout) fails with
    a message saying how to convert it, not with a wrong reading."""
    data = bytearray((SAMPLES / "doae/doae_activity_plan_2565.doc").read_bytes())
    at = _word_stream_offset(bytes(data))
    struct.pack_into("<H", data, at + 2, 0x65)          # nFib of Word 6.0
    p = tmp_path / "old.doc"
    p.write_bytes(bytes(data))
    with pytest.raises(ReadError) as e:
        read_document(p)
    assert e.value.reason == "unsupported"
    assert "old.doc" in e.value.message and "Word 6.0/95" in e.value.message
    assert ".docx" in e.value.message and ".docx" in e.value.message_th


def test_no_external_program_is_run(monkeypatch):
    import subprocess

    def refuse(*a, **k):
        raise AssertionError("a .doc is read without running a program")
    monkeypatch.setattr(subprocess, "Popen", refuse)
    monkeypatch.setattr(subprocess, "run", refuse)
    doc = read_document(DATA / "features.doc")
    assert doc.tables() and doc.paragraphs()


def test_row_edges_a_rounding_apart_are_one_column():
    """LibreOffice writes one column border at 9971 twips in one row and 9972 in the next: one
    grid column, as the DOCX twin's tblGrid has it, not a sliver column splitting the cells."""
    def row(edges, texts):
        tap = doc_reader._Tap(edges=edges, tcgrf=[0] * (len(edges) - 1),
                              shaded=[False] * (len(edges) - 1))
        paras = [(t, doc_reader._Para(depth=1, cell_end=True)) for t in texts]
        return paras + [("", doc_reader._Para(depth=1, row_end=True, tap=tap))]
    items = row([-108, 1332, 9971, 12132], ["ที่", "กิจกรรม", "งบ"]) + \
        row([-108, 1332, 9972, 12132], ["1", "อบรม", "10,000"]) + \
        row([-108, 12132], ["รวม"])
    t, = doc_reader._nested(items, 1, [])
    assert (t.n_rows, t.n_cols) == (3, 3)
    assert [(c.row, c.col, c.colspan, c.text) for c in t.cells] == [
        (0, 0, 1, "ที่"), (0, 1, 1, "กิจกรรม"), (0, 2, 1, "งบ"),
        (1, 0, 1, "1"), (1, 1, 1, "อบรม"), (1, 2, 1, "10,000"), (2, 0, 3, "รวม")]
