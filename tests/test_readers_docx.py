"""DOCX reading: body order, merged cells, nested tables, shading, and refused files."""
import zipfile

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from pipeline.readers import ReadError, ReadLimits, detect_format, read_document
from schemas.document import Paragraph, Table


def _shade(cell, fill="A6A6A6"):
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shd)


@pytest.fixture
def form72_docx(tmp_path):
    d = docx.Document()
    d.add_paragraph("แบบฟอร์มที่ 7.2", style="Heading 1")
    d.add_paragraph("")                                   # blank paragraphs are skipped
    t = d.add_table(rows=4, cols=5)
    head = ["แผนพัฒนาองค์การ", "ตัวชี้วัด KPI", "เกณฑ์การให้คะแนน", None, "ระยะเวลา"]
    for k, v in enumerate(head):
        if v:
            t.cell(0, k).text = v
    t.cell(0, 2).merge(t.cell(0, 3))                      # gridSpan 2
    plan = t.cell(1, 0).merge(t.cell(3, 0))               # vMerge over 3 rows
    plan.text = "1. แนวนโยบาย 2 : การพัฒนาการวางแผนเชิงยุทธศาสตร์"
    t.cell(1, 1).merge(t.cell(3, 1)).text = "1.ร้อยละของแผนงาน"
    for r, (pct, score) in enumerate([("60%", "1 คะแนน"), ("65%", "2 คะแนน"), ("70%", "3 คะแนน")], 1):
        t.cell(r, 2).text = pct
        t.cell(r, 3).text = score
    _shade(t.cell(2, 4))
    _shade(t.cell(3, 4), "FFFFFF")                        # white is no shading
    inner = t.cell(1, 4).add_table(rows=2, cols=2)        # nested table
    inner.cell(0, 0).text = "ต.ค."
    inner.cell(1, 1).text = "ตัวชวี้ ัด"                   # repaired inside nested tables too
    d.add_paragraph("พิจารณาเห็นชอบดำเนินการ")
    p = tmp_path / "form72.docx"
    d.save(p)
    return p


def test_blocks_in_body_order_with_styles(form72_docx):
    doc = read_document(form72_docx)
    assert doc.format == "docx" and detect_format(form72_docx) == "docx"
    blocks = doc.pages[0].blocks
    assert [type(b) for b in blocks] == [Paragraph, Table, Paragraph]
    assert blocks[0].text == "แบบฟอร์มที่ 7.2" and blocks[0].style == "Heading 1"
    assert blocks[2].text == "พิจารณาเห็นชอบดำเนินการ"
    assert doc.pages[0].number is None and blocks[1].index == 1


def test_merged_cells_sit_at_their_top_left_with_spans(form72_docx):
    t = read_document(form72_docx).tables()[0]
    assert (t.n_rows, t.n_cols) == (4, 5)
    head = t.cell(0, 2)
    assert (head.row, head.col, head.rowspan, head.colspan) == (0, 2, 1, 2)
    assert head.text == "เกณฑ์การให้คะแนน"
    plan = t.cell(3, 0)                                   # covered position -> the merged cell
    assert (plan.row, plan.col, plan.rowspan, plan.colspan) == (1, 0, 3, 1)
    assert plan.text == "1. แนวนโยบาย 2 : การพัฒนาการวางแผนเชิงยุทธศาสตร์"
    assert t.grid()[2][0] == "" and t.grid(fill_merged=True)[2][0] == plan.text
    assert [t.grid()[r][2:4] for r in (1, 2, 3)] == [["60%", "1 คะแนน"], ["65%", "2 คะแนน"],
                                                     ["70%", "3 คะแนน"]]
    # every grid position is covered by exactly one cell
    covered = [(r, c) for cell in t.cells for r in range(cell.row, cell.row + cell.rowspan)
               for c in range(cell.col, cell.col + cell.colspan)]
    assert sorted(covered) == [(r, c) for r in range(4) for c in range(5)]


def test_shading_and_nested_tables(form72_docx):
    t = read_document(form72_docx).tables()[0]
    assert t.cell(2, 4).shaded is True
    assert t.cell(3, 4).shaded is False and t.cell(1, 4).shaded is False
    # a table nested in a cell of the grid is lines of that cell's text, not a table of its own
    # (more in test_readers_docx_nested.py)
    nested = t.cell(1, 4)
    assert nested.tables == []
    assert nested.text == "ต.ค.\nตัวชี้วัด" and nested.raw == "ต.ค.\nตัวชวี้ ัด"


def test_multi_paragraph_cell_keeps_line_breaks(tmp_path):
    d = docx.Document()
    t = d.add_table(rows=1, cols=1)
    t.cell(0, 0).text = "กลุ่มงานยุทธศาสตร์"
    t.cell(0, 0).add_paragraph("สำนักงานจังหวัดระยอง")
    p = tmp_path / "x.docx"
    d.save(p)
    assert read_document(p).tables()[0].cell(0, 0).text == "กลุ่มงานยุทธศาสตร์\nสำนักงานจังหวัดระยอง"


def test_zero_byte_and_text_named_docx(tmp_path):
    empty = tmp_path / "empty.docx"
    empty.write_bytes(b"")
    with pytest.raises(ReadError) as e:
        read_document(empty)
    assert e.value.reason == "empty"
    fake = tmp_path / "memo.docx"
    fake.write_text("บันทึกข้อความ เรื่อง รายงานผลการดำเนินงาน\n", encoding="utf-8")
    with pytest.raises(ReadError) as e:
        read_document(fake)
    assert e.value.reason == "not_docx"
    assert "memo.docx" in e.value.message and "plain text" in e.value.message
    assert e.value.message_th


def test_zip_without_word_part_and_broken_zip(tmp_path):
    other = tmp_path / "other.docx"
    with zipfile.ZipFile(other, "w") as z:
        z.writestr("readme.txt", "ไม่ใช่เอกสาร")
    with pytest.raises(ReadError) as e:
        read_document(other)
    assert e.value.reason == "not_docx"
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    with pytest.raises(ReadError) as e:
        read_document(broken)
    assert e.value.reason == "corrupt"


def _zip_with_document(path, document_xml: bytes, size_hint=0):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.'
                   'openxmlformats.org/package/2006/content-types"/>')
        z.writestr("word/document.xml", document_xml)


def test_zip_bomb_is_refused_before_decompressing(tmp_path, form72_docx):
    bomb = tmp_path / "bomb.docx"
    body = b'<?xml version="1.0"?><w:document xmlns:w="x">' + b" " * (3 * 1024 * 1024) + \
        b"</w:document>"
    _zip_with_document(bomb, body)
    with pytest.raises(ReadError) as e:
        read_document(bomb, ReadLimits(max_uncompressed_bytes=2 * 1024 * 1024))
    assert e.value.reason == "zip_bomb"
    # a member that inflates more than the ratio limit allows is refused whatever the total
    with pytest.raises(ReadError) as e:
        read_document(bomb, ReadLimits(max_compression_ratio=100))
    assert e.value.reason == "zip_bomb"
    assert read_document(form72_docx, ReadLimits(max_uncompressed_bytes=2 * 1024 * 1024))


def test_entity_bomb_is_refused(tmp_path, form72_docx):
    with zipfile.ZipFile(form72_docx) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    xml = parts["word/document.xml"]
    decl_end = xml.index(b"?>") + 2
    parts["word/document.xml"] = xml[:decl_end] + (
        b'<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]>'
    ) + xml[decl_end:]
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in parts.items():
            z.writestr(n, data)
    with pytest.raises(ReadError) as e:
        read_document(bomb)
    assert e.value.reason == "xml_bomb"


def test_old_binary_word_file_cut_short_is_refused(tmp_path):
    # a compound-file header and nothing after it: handed to the .doc reader, which says so
    doc = tmp_path / "old.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1000)
    assert detect_format(doc) == "doc"
    with pytest.raises(ReadError) as e:
        read_document(doc)
    assert e.value.reason == "truncated" and "old.doc" in e.value.message


@pytest.mark.parametrize("name,what", [("secret.docx", "Word document"),
                                       ("secret.xlsx", "Excel workbook")])
def test_password_protected_office_file_is_encrypted(tmp_path, name, what):
    # Office wraps a password-protected package in an OLE2 file with an EncryptedPackage stream
    f = tmp_path / name
    f.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 200
                  + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 200)
    with pytest.raises(ReadError) as e:
        read_document(f)
    assert e.value.reason == "encrypted" and what in e.value.message


def test_text_box_text_once_and_deleted_text_left_out(tmp_path):
    from lxml import etree
    d = docx.Document()
    p = d.add_paragraph("ผู้ว่าราชการจังหวัด")
    W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    xml = (f'<w:r xmlns:w="{W}" xmlns:mc="{MC}"><mc:AlternateContent><mc:Choice Requires="wps">'
           f'<w:t> (ลงนาม)</w:t></mc:Choice><mc:Fallback><w:t> (ลงนาม)</w:t></mc:Fallback>'
           f'</mc:AlternateContent></w:r>'
           f'<w:del xmlns:w="{W}"><w:r><w:delText>ลบ</w:delText></w:r></w:del>')
    for el in etree.fromstring(f"<root>{xml}</root>"):
        p._p.append(el)
    path = tmp_path / "box.docx"
    d.save(path)
    assert read_document(path).paragraphs()[0].text == "ผู้ว่าราชการจังหวัด (ลงนาม)"


def test_automatic_list_numbers_are_shown_as_word_shows_them(tmp_path):
    d = docx.Document()
    d.add_paragraph("นำเสนอแผน", style="List Number")
    d.add_paragraph("ถ่ายทอดแผนไปสู่การปฏิบัติ", style="List Number")
    d.add_paragraph("หน่วยงานรับทราบแผน", style="List Bullet")
    t = d.add_table(rows=1, cols=1)
    cell_par = t.cell(0, 0).paragraphs[0]
    cell_par.style = d.styles["List Number"]
    cell_par.add_run("ดำเนินการตามแผน")
    p = tmp_path / "numbered.docx"
    d.save(p)
    doc = read_document(p)
    assert [x.text for x in doc.paragraphs()] == ["1. นำเสนอแผน", "2. ถ่ายทอดแผนไปสู่การปฏิบัติ",
                                                  "• หน่วยงานรับทราบแผน"]
    assert doc.tables()[0].cell(0, 0).text == "3. ดำเนินการตามแผน"


def test_shaded_paragraph_in_a_cell_marks_the_cell(tmp_path):
    d = docx.Document()
    t = d.add_table(rows=1, cols=3)
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:fill"), "808080")
    t.cell(0, 1).paragraphs[0]._p.get_or_add_pPr().append(shd)
    nil = OxmlElement("w:shd")
    nil.set(qn("w:val"), "nil")
    t.cell(0, 2)._tc.get_or_add_tcPr().append(nil)
    p = tmp_path / "bar.docx"
    d.save(p)
    table = read_document(p).tables()[0]
    assert [c.shaded for c in table.cells] == [False, True, False]


def test_page_header_and_footer_text_once(tmp_path):
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "แบบฟอร์มที่ 7.2 จังหวัดระยอง"
    d.sections[0].footer.paragraphs[0].text = "สำนักงานจังหวัดระยอง"
    d.add_paragraph("แบบฟอร์มแสดงตัวชี้วัดความสำเร็จ")
    d.add_section()                        # the second section shows the same header
    d.add_paragraph("ภาคผนวก")
    p = tmp_path / "header.docx"
    d.save(p)
    paras = read_document(p).paragraphs()
    assert [(x.text, x.style) for x in paras] == [
        ("แบบฟอร์มที่ 7.2 จังหวัดระยอง", "Header"), ("แบบฟอร์มแสดงตัวชี้วัดความสำเร็จ", ""),
        ("ภาคผนวก", ""), ("สำนักงานจังหวัดระยอง", "Footer")]


_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _xml_children(xml: str):
    from lxml import etree
    return list(etree.fromstring(f'<root xmlns:w="{_W_NS}" xmlns:mc="{_MC_NS}">{xml}</root>'))


def _wrap(el, *tags):
    """Put ``el`` inside nested elements (e.g. w:sdt/w:sdtContent) where it stood."""
    parent, index = el.getparent(), el.getparent().index(el)
    outer = inner = OxmlElement(tags[0])
    for tag in tags[1:]:
        child = OxmlElement(tag)
        inner.append(child)
        inner = child
    parent.insert(index, outer)
    inner.append(el)


def test_cell_text_leaves_out_deletions_field_codes_and_fallback_copies(tmp_path):
    # the text of a cell's paragraph as Word shows it, whatever the runs are wrapped in
    d = docx.Document()
    t = d.add_table(rows=3, cols=2)
    p = t.cell(0, 0).paragraphs[0]._p
    tabs = OxmlElement("w:tabs")                          # tab stops are not tab characters
    tabs.append(OxmlElement("w:tab"))
    p.get_or_add_pPr().append(tabs)
    for el in _xml_children(
            '<w:r><w:rPr><w:b/></w:rPr><w:t>ร้อยละ</w:t></w:r>'
            '<w:del w:id="1" w:author="a"><w:r><w:tab/><w:t>ลบ</w:t><w:delText>ลบ</w:delText>'
            '</w:r></w:del>'
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            '<w:r><w:instrText> PAGE </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            '<w:ins w:id="2" w:author="a"><w:r><w:t xml:space="preserve"> 80</w:t></w:r></w:ins>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
            '<w:hyperlink><w:r><w:tab/><w:t>ผล</w:t><w:br/><w:t>ดี</w:t><w:noBreakHyphen/></w:r>'
            '</w:hyperlink>'
            '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:t>[กล่อง]</w:t></mc:Choice>'
            '<mc:Fallback><w:t>[กล่อง]</w:t></mc:Fallback></mc:AlternateContent></w:r>'):
        p.append(el)
    t.cell(0, 1).paragraphs[0]._p.append(_xml_children(
        '<w:fldSimple w:instr=" DATE "><w:r><w:t>1 ม.ค.</w:t></w:r></w:fldSimple>')[0])
    # content controls and custom XML around a paragraph, a cell and a row
    for (r, c), text in {(1, 0): "ในกล่องควบคุม", (1, 1): "เซลล์ในกล่อง", (2, 0): "แถวในกล่อง",
                         (2, 1): "ท้าย"}.items():
        t.cell(r, c).text = text
    para, tc, tr = t.cell(1, 0).paragraphs[0]._p, t.cell(1, 1)._tc, t.rows[2]._tr
    _wrap(para, "w:sdt", "w:sdtContent")
    _wrap(tc, "w:customXml")
    _wrap(tr, "w:sdt", "w:sdtContent")
    path = tmp_path / "fields.docx"
    d.save(path)
    table = read_document(path).tables()[0]
    assert (table.n_rows, table.n_cols) == (3, 2)
    assert table.grid() == [["ร้อยละ 80\tผล\nดี-[กล่อง]", "1 ม.ค."],
                            ["ในกล่องควบคุม", "เซลล์ในกล่อง"], ["แถวในกล่อง", "ท้าย"]]


def test_list_numbers_in_a_header_or_a_cell_only(tmp_path):
    # numbering used by no body paragraph: a numbered header or cell paragraph still shows it
    for where in ("header", "cell"):
        d = docx.Document()
        header = d.sections[0].header.paragraphs[0]
        header.text = "หัวกระดาษ"
        d.add_paragraph("ย่อหน้าธรรมดา")
        t = d.add_table(rows=1, cols=2)
        t.cell(0, 0).paragraphs[0].add_run("ในตาราง")
        t.cell(0, 1).text = "ไม่มีเลข"
        numbered = header if where == "header" else t.cell(0, 0).paragraphs[0]
        numbered.style = d.styles["List Number"]
        p = tmp_path / f"numbered_{where}.docx"
        d.save(p)
        doc = read_document(p)
        assert [x.text for x in doc.paragraphs()] == \
            ["1. หัวกระดาษ" if where == "header" else "หัวกระดาษ", "ย่อหน้าธรรมดา"]
        assert doc.tables()[0].grid() == [["1. ในตาราง" if where == "cell" else "ในตาราง",
                                           "ไม่มีเลข"]]


def _rezip(src, dst, compress=None):
    with zipfile.ZipFile(src) as z, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as out:
        for info in z.infolist():
            out.writestr(info.filename, z.read(info.filename),
                         compress_type=(compress or {}).get(info.filename, zipfile.ZIP_DEFLATED))


def _spoil_crc(path, member):
    """Change the CRC-32 a zip declares for one member (local header and central directory)."""
    import struct
    data = bytearray(path.read_bytes())
    name = member.encode()
    for sig, size_at, name_at in ((b"PK\x03\x04", 26, 30), (b"PK\x01\x02", 28, 46)):
        i = data.find(sig)
        while i != -1:
            n = struct.unpack("<H", data[i + size_at:i + size_at + 2])[0]
            if data[i + name_at:i + name_at + n] == name:
                crc_at = i + 14 if sig == b"PK\x03\x04" else i + 16
                data[crc_at] ^= 0xFF
            i = data.find(sig, i + 4)
    path.write_bytes(bytes(data))


def test_styles_of_a_template_read_once_but_each_package_checked(tmp_path, form72_docx):
    # the styles part is parsed once for documents that store the same bytes; a copy whose
    # stored styles part is damaged still fails, and a copy storing it uncompressed reads the same
    rezipped = tmp_path / "rezipped.docx"
    _rezip(form72_docx, rezipped)
    good = read_document(rezipped)
    stored = tmp_path / "stored.docx"
    _rezip(form72_docx, stored, {"word/styles.xml": zipfile.ZIP_STORED})
    again = read_document(stored)
    assert [(b.text, b.style) for b in again.paragraphs()] == \
        [(b.text, b.style) for b in good.paragraphs()]
    assert again.paragraphs()[0].style == "Heading 1"
    bad = tmp_path / "bad_crc.docx"
    _rezip(form72_docx, bad)
    _spoil_crc(bad, "word/styles.xml")
    with pytest.raises(ReadError) as e:
        read_document(bad)
    assert e.value.reason == "corrupt" and "styles.xml" in e.value.message


def test_superscript_digits_after_a_number_are_a_mark_of_their_own(tmp_path):
    """`ตัวชี้วัดที่ 1` with a footnote mark `1)` set superscript reads `ตัวชี้วัดที่ 1 1)` (as the PDF
    reader reads it), not indicator 11; `ม²` and `80*` are left as written."""
    d = docx.Document()
    for parts in ((("ตัวชี้วัดที่ 1", False), ("1)", True), (" : ร้อยละของหมู่บ้าน", False)),
                  (("พื้นที่ 20 ตร.ม", False), ("2", True)), (("80", False), ("*", True))):
        p = d.add_paragraph()
        for text, sup in parts:
            p.add_run(text).font.superscript = sup
    cell = d.add_table(rows=1, cols=1).cell(0, 0)
    cell.paragraphs[0].add_run("ขั้นตอนที่ 3")
    cell.paragraphs[0].add_run("2").font.superscript = True
    path = tmp_path / "sup.docx"
    d.save(path)
    doc = read_document(path)
    assert [p.text for p in doc.paragraphs()] == ["ตัวชี้วัดที่ 1 1) : ร้อยละของหมู่บ้าน",
                                                  "พื้นที่ 20 ตร.ม2", "80*"]
    assert doc.tables()[0].cells[0].text == "ขั้นตอนที่ 3 2"
