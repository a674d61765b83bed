"""PPTX reading: a page per slide, shapes in reading order, tables with merged cells, groups,
and refused files (corrupt, encrypted, empty, bombs, the old binary .ppt)."""
import struct
import zipfile
from datetime import date

import pytest
from pptx import Presentation
from pptx.util import Pt

from pipeline import batch
from pipeline.cli import main
from pipeline.readers import (ReadError, ReadLimits, detect_format, office_format_not_read,
                              read_document)
from schemas.document import Paragraph, Table
from test_batch import read_csv

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def _box(slide, x, y, w, h, *paras):
    tb = slide.shapes.add_textbox(Pt(x), Pt(y), Pt(w), Pt(h))
    tb.text_frame.text = paras[0]
    for p in paras[1:]:
        tb.text_frame.add_paragraph().text = p
    return tb


@pytest.fixture
def deck(tmp_path):
    prs = Presentation()
    s1 = prs.slides.add_slide(prs.slide_layouts[5])                      # title only
    s1.shapes.title.text = "ตัวชี้วัดที่ 3.2 ร้อยละความสำเร็จ"
    # added right-then-left, the right one 1 pt higher: one line, read left to right
    _box(s1, 400, 150, 250, 40, "น้ำหนัก : ร้อยละ 5")
    _box(s1, 40, 151, 300, 60, "ผู้รับผิดชอบ : สำนักงาน ก.ก.", "ตัวชวี้ ัด")     # repaired
    _box(s1, 40, 450, 600, 30, "หมายเหตุ ไม่ให้นำเสนอโครงการ Facebook")
    group = s1.shapes.add_group_shape()
    _box(group, 300, 300, 100, 30, "กลุ่มที่ 2")
    _box(group, 40, 300, 100, 30, "กลุ่มที่ 1")
    # move the group 100 pt down: its children keep their own coordinates (chOff), placed by it
    off = group._element.find(f"{{http://schemas.openxmlformats.org/presentationml/2006/main}}"
                              f"grpSpPr/{A}xfrm/{A}off")
    off.set("y", str(int(off.get("y")) + 100 * 12700))
    s1.notes_slide.notes_text_frame.text = "บันทึกผู้บรรยาย ไม่ใช่ข้อมูล"

    s2 = prs.slides.add_slide(prs.slide_layouts[5])
    s2.shapes.title.text = "เกณฑ์การให้คะแนน"
    t = s2.shapes.add_table(3, 6, Pt(20), Pt(150), Pt(600), Pt(120)).table
    t.cell(0, 0).text = "ตัวชี้วัด"
    t.cell(0, 1).text = "เกณฑ์การให้คะแนน"
    t.cell(0, 1).merge(t.cell(0, 5))                                     # gridSpan 5 / hMerge
    t.cell(0, 0).merge(t.cell(1, 0))                                     # rowSpan 2 / vMerge
    for k in range(5):
        t.cell(1, k + 1).text = str(k + 1)
        t.cell(2, k + 1).text = str(60 + 10 * k)
    t.cell(2, 0).text = "ผลคะแนน (ร้อยละ)"
    p = tmp_path / "deck.pptx"
    prs.save(p)
    return p


def test_a_page_per_slide_in_reading_order(deck):
    doc = read_document(deck)
    assert doc.format == "pptx" and detect_format(deck) == "pptx"
    assert [p.number for p in doc.pages] == [1, 2]
    assert doc.pages[0].name == "ตัวชี้วัดที่ 3.2 ร้อยละความสำเร็จ"
    assert doc.pages[1].name == "เกณฑ์การให้คะแนน"
    texts = [b.text for b in doc.pages[0].blocks]
    assert texts == ["ตัวชี้วัดที่ 3.2 ร้อยละความสำเร็จ", "ผู้รับผิดชอบ : สำนักงาน ก.ก.", "ตัวชี้วัด",
                     "น้ำหนัก : ร้อยละ 5", "กลุ่มที่ 1", "กลุ่มที่ 2",
                     "หมายเหตุ ไม่ให้นำเสนอโครงการ Facebook"]
    # notes are not read; raw text is kept beside the repaired
    assert not any("บันทึกผู้บรรยาย" in b.text for b in doc.paragraphs())
    para = doc.pages[0].blocks[2]
    assert para.raw == "ตัวชวี้ ัด" and para.text == "ตัวชี้วัด"
    assert doc.pages[0].blocks[0].style == "Title"
    # every block keeps its slide and its box in points
    for page in doc.pages:
        for b in page.blocks:
            assert b.page == page.number and b.bbox is not None
    assert doc.pages[0].blocks[3].bbox == (400.0, 150.0, 650.0, 190.0)
    grouped = doc.pages[0].blocks[4]
    assert grouped.bbox == (40.0, 400.0, 140.0, 430.0)         # moved with its group
    assert doc.pages[0].width == 720.0 and doc.pages[0].height == 540.0


def test_table_with_merged_header(deck):
    doc = read_document(deck)
    blocks = doc.pages[1].blocks
    assert [type(b) for b in blocks] == [Paragraph, Table]
    t = blocks[1]
    assert (t.n_rows, t.n_cols, t.page, t.index) == (3, 6, 2, 1)
    head = t.cell(0, 3)
    assert (head.row, head.col, head.rowspan, head.colspan) == (0, 1, 1, 5)
    assert head.text == "เกณฑ์การให้คะแนน"
    kpi = t.cell(1, 0)
    assert (kpi.row, kpi.col, kpi.rowspan, kpi.colspan) == (0, 0, 2, 1) and kpi.text == "ตัวชี้วัด"
    assert t.grid()[1] == ["", "1", "2", "3", "4", "5"]
    assert t.grid()[2] == ["ผลคะแนน (ร้อยละ)", "60", "70", "80", "90", "100"]
    covered = [(r, c) for cell in t.cells for r in range(cell.row, cell.row + cell.rowspan)
               for c in range(cell.col, cell.col + cell.colspan)]
    assert sorted(covered) == [(r, c) for r in range(3) for c in range(6)]
    assert t.bbox == (20.0, 150.0, 620.0, 270.0)
    assert head.bbox[0] == 120.0 and head.bbox[2] == 620.0 and head.page == 2


def test_text_prints_each_slide(deck, capsys):
    assert main(["text", str(deck)]) == 0
    out = capsys.readouterr().out
    assert out.index("ตัวชี้วัดที่ 3.2") < out.index("กลุ่มที่ 1") < out.index("เกณฑ์การให้คะแนน")
    assert "ตัวชี้วัด\tเกณฑ์การให้คะแนน\t\t\t\t\n\t1\t2\t3\t4\t5\nผลคะแนน (ร้อยละ)\t60\t70" in out
    # each slide under a page line, as a PDF's pages
    assert out.startswith("--- page 1 ---\n")
    assert "หมายเหตุ ไม่ให้นำเสนอโครงการ Facebook\n\n--- page 2 ---\nเกณฑ์การให้คะแนน" in out


def test_empty_placeholders_pictures_and_no_text(tmp_path):
    prs = Presentation()
    prs.slides.add_slide(prs.slide_layouts[1])           # title and content, both left empty
    s = prs.slides.add_slide(prs.slide_layouts[6])
    png = tmp_path / "scan.png"
    from PIL import Image
    Image.new("RGB", (4, 4), "white").save(png)
    s.shapes.add_picture(str(png), Pt(10), Pt(10))        # a scanned form pasted as a picture
    p = tmp_path / "empty_slides.pptx"
    prs.save(p)
    doc = read_document(p)
    assert [len(pg.blocks) for pg in doc.pages] == [0, 0]
    assert doc.pages_without_text() == [2]


def test_line_breaks_and_shaded_cells(tmp_path):
    prs = Presentation()
    s = prs.slides.add_slide(prs.slide_layouts[6])
    tb = _box(s, 10, 10, 300, 40, "x")
    tb.text_frame.paragraphs[0].text = "ตัวชี้วัดที่ 2\vระดับความสำเร็จ"    # a soft line break
    t = s.shapes.add_table(1, 2, Pt(10), Pt(100), Pt(200), Pt(30)).table
    t.cell(0, 0).text = "ต.ค."
    t.cell(0, 1).text = ""
    from pptx.dml.color import RGBColor
    t.cell(0, 1).fill.solid()
    t.cell(0, 1).fill.fore_color.rgb = RGBColor(0xA6, 0xA6, 0xA6)
    p = tmp_path / "x.pptx"
    prs.save(p)
    doc = read_document(p)
    assert doc.paragraphs()[0].raw == "ตัวชี้วัดที่ 2\nระดับความสำเร็จ"
    t = doc.tables()[0]
    assert t.cell(0, 1).shaded is True and t.cell(0, 0).shaded is False


FORM72 = [
    ["ลำดับ", "ตัวชี้วัด", "มิติ", "น้ำหนัก", "ค่าฐาน", "ค่าเป้าหมาย", "เกณฑ์การให้คะแนน",
     "แผนพัฒนาองค์การ"],
    ["1.", "ร้อยละของโครงการตามแผนพัฒนาจังหวัดที่ดำเนินการแล้วเสร็จตามกำหนด", "7.1 ด้านประสิทธิผล",
     "1.0", "ร้อยละ 78.50", "ร้อยละ 85",
     "1 = ร้อยละ 75\n2 = ร้อยละ 77.5\n3 = ร้อยละ 80\n4 = ร้อยละ 82.5\n5 = ร้อยละ 85",
     "แผนพัฒนาองค์การจังหวัดเชียงใหม่"],
    ["2.", "ร้อยละของการเบิกจ่ายงบประมาณรายจ่ายลงทุน", "7.3 ด้านประสิทธิภาพ", "0.5", "ร้อยละ 88.2",
     "ร้อยละ 95", "(1) 87 (2) 89 (3) 91 (4) 93 (5) 95", ""],
]


def _form72_deck(path):
    prs = Presentation()
    s = prs.slides.add_slide(prs.slide_layouts[6])
    for k, line in enumerate(["แบบฟอร์มที่ 7.2", "ตัวชี้วัดความสำเร็จตามแผนพัฒนาองค์การ",
                              "จังหวัดเชียงใหม่ ประจำปีงบประมาณ พ.ศ. 2566"]):
        _box(s, 40, 10 + 25 * k, 600, 24, line)
    t = s.shapes.add_table(3, 8, Pt(20), Pt(100), Pt(680), Pt(300)).table
    for r, row in enumerate(FORM72):
        for c, v in enumerate(row):
            t.cell(r, c).text = v
    t.cell(1, 7).merge(t.cell(2, 7))                  # the plan cell over both KPIs
    path.parent.mkdir(parents=True, exist_ok=True)
    prs.save(path)
    return path


def test_batch_run_reads_a_form72_deck_and_reports_bad_decks(tmp_path):
    inp = tmp_path / "in"
    _form72_deck(inp / "chiangmai" / "form72.pptx")
    (inp / "bad").mkdir()
    (inp / "bad" / "broken.pptx").write_bytes(b"PK\x03\x04 not really a zip")
    (inp / "bad" / "old_slides.ppt").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    res = batch.run(inp, tmp_path / "out", batch.Settings(as_of=date(2023, 10, 15),
                                                           progress=False, jobs=1))
    assert res.exit_code == 1
    files = {f["source_file"]: f for f in read_csv(tmp_path / "out" / "files.csv")}
    assert files["chiangmai/form72.pptx"]["status"] == "ok"
    assert files["chiangmai/form72.pptx"]["format"] == "pptx"
    assert files["chiangmai/form72.pptx"]["forms"] == "form72"
    recs = [r for r in read_csv(tmp_path / "out" / "consolidated.csv")
            if r["source_file"] == "chiangmai/form72.pptx"]
    assert [(r["item_no"], r["weight"], r["dimension"]) for r in recs] == [("1", "1", "7.1"),
                                                                          ("2", "0.5", "7.3")]
    assert [r["level_1"] for r in recs] == ["75", "87"] and recs[0]["level_5"] == "85"
    assert recs[0]["agency"] == "จังหวัดเชียงใหม่" and recs[0]["fiscal_year"] == "2566"
    assert all(r["plan"] == "แผนพัฒนาองค์การจังหวัดเชียงใหม่" for r in recs)
    finds = read_csv(tmp_path / "out" / "findings.csv")
    unreadable = {f["source_file"]: f for f in finds if f["code"] == "FILE_UNREADABLE"}
    assert set(unreadable) == {"bad/broken.pptx", "bad/old_slides.ppt"}
    assert files["bad/broken.pptx"]["status"] == "failed"
    assert unreadable["bad/broken.pptx"]["value"] == "corrupt"
    assert "broken.pptx" in files["bad/broken.pptx"]["error"]
    assert unreadable["bad/old_slides.ppt"]["value"] == "unsupported"
    assert "save it as .pptx or PDF" in unreadable["bad/old_slides.ppt"]["message"]
    assert "PowerPoint 97-2003" in files["bad/old_slides.ppt"]["error"]


def test_cli_run_on_a_deck(tmp_path, capsys):
    inp = tmp_path / "in"
    _form72_deck(inp / "chiangmai" / "form72.pptx")
    assert main(["run", str(inp), "-o", str(tmp_path / "out"), "--as-of", "2023-10-15",
                 "--jobs", "1"]) == 0
    assert "จังหวัดเชียงใหม่" in capsys.readouterr().out           # the summary lines
    assert len(read_csv(tmp_path / "out" / "consolidated.csv")) == 2
    assert [f["format"] for f in read_csv(tmp_path / "out" / "files.csv")] == ["pptx"]


# ---------------------------------------------------------------- refused files

def test_detection_by_content_and_extension(deck, tmp_path):
    named_pdf = tmp_path / "slides.pdf"
    named_pdf.write_bytes(deck.read_bytes())
    assert detect_format(named_pdf) == "pptx"              # content decides
    pptm = tmp_path / "slides.pptm"
    pptm.write_bytes(deck.read_bytes())
    assert detect_format(pptm) == "pptx"
    broken = tmp_path / "broken.pptx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    assert detect_format(broken) == "pptx"                 # its reader says what is wrong


def test_corrupt_empty_text_and_partless_decks(tmp_path):
    cases = {"broken.pptx": (b"PK\x03\x04 not really a zip", "corrupt"),
             "empty.pptx": (b"", "empty"),
             "memo.pptx": ("บันทึกข้อความ เรื่อง รายงานผล\n".encode("utf-8"), "not_pptx")}
    for name, (data, reason) in cases.items():
        p = tmp_path / name
        p.write_bytes(data)
        with pytest.raises(ReadError) as e:
            read_document(p)
        assert e.value.reason == reason and name in e.value.message and e.value.message_th
    other = tmp_path / "other.pptx"
    with zipfile.ZipFile(other, "w") as z:
        z.writestr("readme.txt", "ไม่ใช่งานนำเสนอ")
    with pytest.raises(ReadError) as e:
        read_document(other)
    assert e.value.reason == "not_pptx" and "ppt/presentation.xml" in e.value.message


def _repacked(deck, path, compress=zipfile.ZIP_STORED, **changes):
    """The deck's parts written again to ``path``, with ``changes`` ({part name: bytes}) made."""
    with zipfile.ZipFile(deck) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    parts.update(changes)
    with zipfile.ZipFile(path, "w", compress) as z:
        for n, data in parts.items():
            z.writestr(n, data)
    return parts


def test_damaged_part_is_corrupt(deck, tmp_path):
    bad = tmp_path / "damaged.pptx"
    _repacked(deck, bad, **{"ppt/presentation.xml": b"<p:presentation xmlns:p='x'><unclosed>"})
    with pytest.raises(ReadError) as e:
        read_document(bad)
    assert e.value.reason == "corrupt" and "damaged.pptx" in e.value.message


def test_password_protected_deck_is_encrypted(tmp_path):
    f = tmp_path / "secret.pptx"
    f.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 200
                  + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 200)
    assert detect_format(f) == "pptx"
    with pytest.raises(ReadError) as e:
        read_document(f)
    assert e.value.reason == "encrypted" and "PowerPoint presentation" in e.value.message


def test_zip_and_entity_bombs_are_refused(deck, tmp_path):
    bomb = tmp_path / "bomb.pptx"
    parts = _repacked(deck, bomb, zipfile.ZIP_DEFLATED,
                      **{"ppt/media/padding.bin": b"\0" * (3 * 1024 * 1024)})
    with pytest.raises(ReadError) as e:
        read_document(bomb, ReadLimits(max_uncompressed_bytes=2 * 1024 * 1024))
    assert e.value.reason == "zip_bomb" and "bomb.pptx" in e.value.message
    with pytest.raises(ReadError) as e:
        read_document(bomb, ReadLimits(max_compression_ratio=100))
    assert e.value.reason == "zip_bomb"
    xml = parts["ppt/slides/slide1.xml"]
    decl_end = xml.index(b"?>") + 2
    parts["ppt/slides/slide1.xml"] = xml[:decl_end] + (
        b'<!DOCTYPE x [<!ENTITY a "aaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>') + xml[decl_end:]
    ent = tmp_path / "entities.pptx"
    _repacked(deck, ent, **{"ppt/slides/slide1.xml": parts["ppt/slides/slide1.xml"]})
    with pytest.raises(ReadError) as e:
        read_document(ent)
    assert e.value.reason == "xml_bomb"


def test_slide_limit(deck):
    with pytest.raises(ReadError) as e:
        read_document(deck, ReadLimits(max_pages=1))
    assert e.value.reason == "too_large" and "2 slides" in e.value.message


def _ole_file(stream: str) -> bytes:
    """A minimal OLE2 compound file whose directory holds one stream named ``stream``."""
    header = bytearray(512)
    header[:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHH", header, 0x18, 0x3E, 3, 0xFFFE)
    struct.pack_into("<HH", header, 0x1E, 9, 6)
    struct.pack_into("<III", header, 0x2C, 1, 1, 0)         # 1 FAT sector; directory at sector 1
    struct.pack_into("<I", header, 0x3C, 0xFFFFFFFE)
    struct.pack_into("<II", header, 0x44, 0xFFFFFFFE, 0)
    struct.pack_into("<109I", header, 0x4C, 0, *([0xFFFFFFFF] * 108))
    fat = struct.pack("<128I", 0xFFFFFFFD, 0xFFFFFFFE, *([0xFFFFFFFF] * 126))
    directory = bytearray(512)
    for k, (name, kind) in enumerate([("Root Entry", 5), (stream, 2)]):
        enc = (name + "\0").encode("utf-16-le")
        directory[k * 128:k * 128 + len(enc)] = enc
        struct.pack_into("<HB", directory, k * 128 + 64, len(enc), kind)
    return bytes(header) + fat + bytes(directory)


def test_old_binary_file_under_another_name_is_named_by_its_streams(tmp_path):
    p = tmp_path / "submission.bin"
    p.write_bytes(_ole_file("PowerPoint Document"))
    assert detect_format(p) is None
    err = office_format_not_read(p)
    assert err.reason == "unsupported" and "save it as .pptx or PDF" in err.message
    assert "PowerPoint 97-2003" in err.message


@pytest.mark.parametrize("stream, fmt", [("WordDocument", "doc"), ("Workbook", "xls"),
                                         ("Book", "xls")])
def test_old_word_and_excel_files_are_read_whatever_their_name(tmp_path, stream, fmt):
    """Word's and Excel's binary files go to their readers by the streams they hold."""
    p = tmp_path / "submission.bin"
    p.write_bytes(_ole_file(stream))
    assert detect_format(p) == fmt


def test_old_binary_ppt_says_save_as(tmp_path):
    p = tmp_path / "slides.ppt"
    p.write_bytes(_ole_file("PowerPoint Document"))
    assert detect_format(p) is None
    with pytest.raises(ReadError) as e:
        read_document(p)
    assert e.value.reason == "unsupported"
    assert e.value.message.startswith("slides.ppt is an old binary PowerPoint file")
    assert "open it in PowerPoint or LibreOffice and save it as .pptx or PDF" in e.value.message
    assert "PowerPoint" in e.value.message_th


def test_odd_spans_keep_every_grid_position_covered_once(deck, tmp_path):
    """Spans past the table's edge, unreadable span values and a covered cell without its
    origin still give a grid whose every position one cell covers."""
    with zipfile.ZipFile(deck) as z:
        xml = z.read("ppt/slides/slide2.xml")
    xml = xml.replace(b'gridSpan="5"', b'gridSpan="9"', 1).replace(b'rowSpan="2"', b'rowSpan="x"', 1)
    odd = tmp_path / "odd.pptx"
    _repacked(deck, odd, **{"ppt/slides/slide2.xml": xml})
    t = read_document(odd).tables()[0]
    covered = [(r, c) for cell in t.cells for r in range(cell.row, cell.row + cell.rowspan)
               for c in range(cell.col, cell.col + cell.colspan)]
    assert sorted(covered) == [(r, c) for r in range(3) for c in range(6)]
    assert t.cell(0, 1).colspan == 5 and t.cell(0, 0).rowspan == 1


def test_damaged_decks_read_or_raise_read_error(deck, tmp_path):
    import random
    rng = random.Random(7)
    data = deck.read_bytes()
    for k in range(30):
        b = bytearray(data)
        kind = k % 3
        if kind == 0:
            for _ in range(rng.randint(1, 20)):
                b[rng.randrange(len(b))] = rng.randrange(256)
        elif kind == 1:
            b = b[:rng.randrange(1, len(b))]
        else:
            i = rng.randrange(len(b))
            j = min(len(b), i + rng.randint(1, 2000))
            b[i:j] = bytes(rng.randrange(256) for _ in range(j - i))
        p = tmp_path / f"damaged{k}.pptx"
        p.write_bytes(bytes(b))
        try:
            read_document(p)
        except ReadError as e:
            assert e.message and e.message_th


def test_python_pptx_is_imported_only_for_decks(tmp_path):
    import subprocess
    import sys
    plan = tmp_path / "plan.txt"
    plan.write_text("แผนปฏิบัติการ\n", encoding="utf-8")
    code = ("import sys; import pipeline.readers, pipeline.batch; "
            "from pipeline.readers import read_document; "
            f"read_document({str(plan)!r}); "
            "print('pptx' in sys.modules)")
    root = __import__("pathlib").Path(__file__).resolve().parent.parent
    out = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True)
    assert out.stdout.strip() == "False", out.stderr


def test_embedded_excel_sheet_is_a_warning(tmp_path):
    import openpyxl
    from pptx.enum.shapes import PROG_ID
    wb = openpyxl.Workbook()
    wb.active["A1"] = "ตัวชี้วัด"
    xlsx = tmp_path / "sheet.xlsx"
    wb.save(xlsx)
    prs = Presentation()
    s = prs.slides.add_slide(prs.slide_layouts[6])
    s.shapes.add_ole_object(str(xlsx), PROG_ID.XLSX, Pt(10), Pt(10))
    p = tmp_path / "ole.pptx"
    prs.save(p)
    doc = read_document(p)
    assert doc.pages[0].blocks == []
    assert any("slide 1" in w and "embedded object" in w for w in doc.warnings)
