"""Text, TSV and CSV reading: encodings, tab-separated tables, quoting, ditto marks."""
from pathlib import Path

import pytest

from pipeline.readers import ReadError, detect_format, read_document
from schemas.document import Paragraph, Table

SEED_004 = Path("/work/shared/seeds/004_23b239e2dbe53bed.txt")
THAI = "กิจกรรม/ขั้นตอน\tระยะเวลา\tงบฯ\n1. ถ่ายทอดแผนไปสู่การปฏิบัติ\t1 เดือน\t50,000\n" \
       "2. ดำเนินการตามแผน\t4 เดือน\t\"\n\nพิจารณาเห็นชอบดำเนินการ น้ำหนัก สำเร็จ\n"


@pytest.fixture
def seed004():
    if not SEED_004.exists():
        pytest.skip("seed 004 not available")
    return read_document(SEED_004)


def test_seed_004_tab_export_becomes_tables_and_paragraphs(seed004):
    assert seed004.format == "txt" and seed004.encoding == "utf-8"
    tables = seed004.tables()
    assert len(tables) == 6
    plan = tables[0]
    assert plan.grid()[0][:4] == ["กิจกรรม/ขั้นตอน", "ระยะเวลา", "เริ่มต้น", "สิ้นสุด"]
    row = plan.grid()[2]
    assert row[0] == "3. นำเสนอแผนบริการความ เสี่ยงให้ผู้บริหารพิจารณาให้ ความเห็นชอบ"
    assert row[1:4] == ["1 เดือน", "พ.ค. 53", "พ.ค. 53"]
    assert row[-2:] == ['"', "ในม."]             # a lone quote is a ditto mark, kept as text
    form72 = tables[1]
    assert form72.grid()[0][0] == "แผนพัฒนาองค์การ"
    assert form72.grid()[1][6:8] == ["60%", "1 คะแนน"]
    paras = [p.text for p in seed004.paragraphs()]
    assert "พิจารณาเห็นชอบดำเนินการ" in paras and "แบบฟอร์มที่ 7.2" in paras
    # blocks stay in file order: plan table, approval paragraphs, then the form 7.2 title
    blocks = seed004.pages[0].blocks
    assert isinstance(blocks[0], Table) and isinstance(blocks[1], Paragraph)
    assert [b.index for b in tables] == [1, 2, 3, 4, 5, 6]


@pytest.mark.parametrize("encoding, name, data_fn", [
    ("utf-8", "utf-8", lambda t: t.encode("utf-8")),
    ("utf-8-sig", "utf-8-sig", lambda t: t.encode("utf-8-sig")),
    ("cp874", "cp874", lambda t: t.encode("cp874")),
    ("utf-8 BOM before cp874", "cp874", lambda t: b"\xef\xbb\xbf" + t.encode("cp874")),
    ("utf-16-le BOM", "utf-16-le", lambda t: b"\xff\xfe" + t.encode("utf-16-le")),
    ("utf-16-be BOM", "utf-16-be", lambda t: b"\xfe\xff" + t.encode("utf-16-be")),
    ("utf-16-le no BOM", "utf-16-le", lambda t: t.encode("utf-16-le")),
    ("utf-16-be no BOM", "utf-16-be", lambda t: t.encode("utf-16-be")),
])
def test_encodings_are_detected_without_mojibake(tmp_path, encoding, name, data_fn):
    p = tmp_path / "plan.txt"
    p.write_bytes(data_fn(THAI))
    doc = read_document(p)
    assert doc.encoding == name
    t = doc.tables()[0]
    assert t.grid() == [["กิจกรรม/ขั้นตอน", "ระยะเวลา", "งบฯ"],
                        ["1. ถ่ายทอดแผนไปสู่การปฏิบัติ", "1 เดือน", "50,000"],
                        ["2. ดำเนินการตามแผน", "4 เดือน", '"']]
    assert doc.paragraphs()[0].text == "พิจารณาเห็นชอบดำเนินการ น้ำหนัก สำเร็จ"


def test_utf8_bom_before_bytes_of_neither_encoding_is_an_encoding_error(tmp_path):
    p = tmp_path / "plan.csv"
    p.write_bytes(b"\xef\xbb\xbf" + bytes(range(0x80, 0x100)) * 4)
    with pytest.raises(ReadError) as e:
        read_document(p)
    assert e.value.reason == "encoding"


def test_tis620_bytes_are_read_as_thai(tmp_path):
    p = tmp_path / "old.txt"
    p.write_bytes("ตัวชี้วัดที่ 7 ระดับความสำเร็จ".encode("tis-620"))
    doc = read_document(p)
    assert doc.encoding == "cp874"
    assert doc.paragraphs()[0].text == "ตัวชี้วัดที่ 7 ระดับความสำเร็จ"


def test_quoted_cells_are_unquoted_and_may_span_lines(tmp_path):
    p = tmp_path / "x.tsv"
    p.write_text('ข้อ\tผลผลิต\tงบ\n1\t"- รายงาน\nสรุปผล"\t"30,000"\n2\t"ชื่อ ""ย่อ"""\t"\n',
                 encoding="utf-8")
    doc = read_document(p)
    assert doc.format == "tsv"
    assert doc.tables()[0].grid() == [["ข้อ", "ผลผลิต", "งบ"],
                                      ["1", "- รายงาน\nสรุปผล", "30,000"],
                                      ["2", 'ชื่อ "ย่อ"', '"']]


def test_csv_file(tmp_path):
    p = tmp_path / "x.csv"
    p.write_text('แบบฟอร์มที่ 7.2\n\nตัวชี้วัด,เป้าหมาย,น้ำหนัก\n"1.ร้อยละของแผนงาน, โครงการ",100%,0.5\n',
                 encoding="utf-8-sig")
    doc = read_document(p)
    assert doc.format == "csv" and doc.encoding == "utf-8-sig"
    assert doc.paragraphs()[0].text == "แบบฟอร์มที่ 7.2"
    assert doc.tables()[0].grid()[1] == ["1.ร้อยละของแผนงาน, โครงการ", "100%", "0.5"]


def test_markdown_pipe_table(tmp_path):
    p = tmp_path / "report.txt"
    p.write_text("โดยที่ :\n\n| ระดับ | ขั้นตอนที่ 1 | ขั้นตอนที่ 2 |\n|---|---|---|\n| 1 | ✓ | |\n",
                 encoding="utf-8")
    t = read_document(p).tables()[0]
    assert t.grid() == [["ระดับ", "ขั้นตอนที่ 1", "ขั้นตอนที่ 2"], ["1", "✓", ""]]


def test_text_is_repaired_and_raw_kept(tmp_path):
    p = tmp_path / "x.txt"
    p.write_text("ตัวชวี้ ัด\tสำาเร็จ\nนำ้าหนัก\n", encoding="utf-8")
    doc = read_document(p)
    cells = doc.tables()[0].cells
    assert [c.text for c in cells] == ["ตัวชี้วัด", "สำเร็จ"]
    assert [c.raw for c in cells] == ["ตัวชวี้ ัด", "สำาเร็จ"]
    assert doc.paragraphs()[0].text == "น้ำหนัก" and doc.paragraphs()[0].raw == "นำ้าหนัก"


def test_binary_and_empty_text_files_are_refused(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(ReadError) as e:
        read_document(empty)
    assert e.value.reason == "empty" and e.value.message_th
    blob = tmp_path / "blob.txt"
    blob.write_bytes(bytes(range(256)) * 20)
    assert detect_format(blob) is None
    with pytest.raises(ReadError) as e:
        read_document(blob)
    assert e.value.reason == "unsupported"


def test_latin1_bytes_are_not_taken_for_thai(tmp_path):
    p = tmp_path / "west.txt"
    p.write_bytes("Résumé café naïve déjà vu — élève".encode("cp1252"))
    with pytest.raises(ReadError) as e:
        read_document(p)
    assert e.value.reason == "encoding"


def test_utf8_with_a_damaged_byte_is_read_with_a_warning(tmp_path):
    data = ("ตัวชี้วัด\tน้ำหนัก\n" * 50).encode("utf-8")
    p = tmp_path / "damaged.txt"
    p.write_bytes(data[:100] + b"\xff" + data[100:])
    doc = read_document(p)
    assert doc.encoding == "utf-8" and any("damaged" in w for w in doc.warnings)
    assert doc.tables()[0].grid()[0] == ["ตัวชี้วัด", "น้ำหนัก"]


def test_leading_quote_that_would_swallow_tabs_is_text(tmp_path):
    p = tmp_path / "plan.txt"
    p.write_text('กิจกรรม\tระยะเวลา\tผู้รับผิดชอบ\n"ดูข้อ 2\t1 เดือน\t"\n', encoding="utf-8")
    assert read_document(p).tables()[0].grid()[1] == ['"ดูข้อ 2', "1 เดือน", '"']


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

WORDS = ["ตัวชี้วัด", "น้ำหนัก", "สำเร็จ", "ไตรมาสที่", "พ.ค.", "53", "50,000", "100%",
         "ในม.", "กิจกรรม", "ผู้รับผิดชอบ", "Target", "0.5"]
# cells: words, or a lone ditto mark (text wrapped in quotes is CSV quoting, not round-trip)
CELL = st.one_of(st.lists(st.sampled_from(WORDS), max_size=3).map(" ".join), st.just('"'))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(CELL, min_size=2, max_size=5), min_size=1, max_size=6),
       st.sampled_from(["utf-8", "cp874", "utf-16"]))
def test_tsv_round_trip(tmp_path_factory, rows, encoding):
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    rows = [r for r in rows if any(r)]
    if not rows or not any(r[-1] for r in rows) or all(len(c) < 1 for c in rows[0]):
        return
    if sum(1 for c in rows[0] if c) == 1:
        return      # one filled cell over a table: a title line (as in a CSV), not a table row
    p = tmp_path_factory.mktemp("tsv") / "x.tsv"
    p.write_bytes("\n".join("\t".join(r) for r in rows).encode(encoding))
    assert read_document(p).tables()[0].grid() == rows
