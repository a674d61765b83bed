"""File-level variations of real submissions: hidden sheets, tables in text boxes,
tracked row deletions and moves, semicolon CSV, Ctrl-Z, tables aligned with spaces."""
from __future__ import annotations

import copy

import docx
import openpyxl
from docx.oxml import parse_xml
from lxml import etree

from extractors import extract
from pipeline.readers import read_document
from schemas import ExtractContext
from schemas.document import Paragraph, Table

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
V = "urn:schemas-microsoft-com:vml"


def q(tag: str) -> str:
    return "{%s}%s" % (W, tag)


LADDER_ROWS = [
    ["ตัวชี้วัด", "หน่วยวัด", "น้ำหนัก (ร้อยละ)", "เกณฑ์การให้คะแนน", "", "", "", "", "ผลการดำเนินงาน"],
    ["", "", "", "1", "2", "3", "4", "5", ""],
    ["1. ร้อยละของงานบริการที่แล้วเสร็จตามระยะเวลาที่กำหนด", "ร้อยละ", "3", "60", "65", "70", "75",
     "80", "72.5"],
    ["2. ร้อยละความพึงพอใจของผู้รับบริการ", "ร้อยละ", "3", "70", "75", "80", "85", "90", "91.2"],
    ["3. ระยะเวลาเฉลี่ยในการออกใบอนุญาต", "วัน", "2", "15", "13", "11", "9", "7", "10"],
]
TITLE = ["ผลการดำเนินงานตามตัวชี้วัดคำรับรองการปฏิบัติราชการ จังหวัดลำปาง",
         "ประจำปีงบประมาณ พ.ศ. 2566 (รอบ 12 เดือน)"]


def records(path, agency="lampang"):
    ctx = ExtractContext(source_file=path.name, agency_fallback=agency)
    return extract(read_document(path), ctx).records


def tables(doc) -> list[Table]:
    return [b for b in doc.blocks() if isinstance(b, Table)]


# ------------------------------------------------------------------------------------ XLSX

def test_hidden_and_very_hidden_sheets_are_not_read(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "ผลการดำเนินงาน"
    for r, row in enumerate([[t] for t in TITLE] + [[]] + LADDER_ROWS, 1):
        for k, v in enumerate(row, 1):
            ws.cell(row=r, column=k, value=v or None)
    draft = wb.copy_worksheet(ws)
    draft.title = "ร่างเดิม"
    draft["D6"] = 10                       # an old draft: another level 1 of KPI 1
    draft.sheet_state = "hidden"
    lists = wb.create_sheet("lists")
    lists["A1"] = "ร้อยละ"
    lists.sheet_state = "veryHidden"
    p = tmp_path / "hidden.xlsx"
    wb.save(p)
    doc = read_document(p)
    assert [pg.name for pg in doc.pages] == ["ผลการดำเนินงาน"]
    assert any("ร่างเดิม" in w and "hidden" in w for w in doc.warnings)
    assert any("lists" in w for w in doc.warnings)
    recs = records(p)
    assert [r.item_no for r in recs] == ["1", "2", "3"]
    assert recs[0].level_1 == 60


def test_workbook_whose_sheets_are_all_visible_reads_every_sheet(tmp_path):
    wb = openpyxl.Workbook()
    wb.active["A1"] = "ก"
    wb.create_sheet("สอง")["A1"] = "ข"
    p = tmp_path / "two.xlsx"
    wb.save(p)
    doc = read_document(p)
    assert [pg.name for pg in doc.pages] == ["Sheet", "สอง"] and not doc.warnings


# ------------------------------------------------------------------------------------ DOCX

def _ladder_docx(d):
    for t in TITLE:
        d.add_paragraph(t)
    t = d.add_table(rows=len(LADDER_ROWS), cols=len(LADDER_ROWS[0]))
    for r, row in enumerate(LADDER_ROWS):
        for k, v in enumerate(row):
            t.cell(r, k).text = v
    return t


def _text_box(children, host_text="") -> etree._Element:
    """A paragraph anchoring a text box as Word writes it: the wps shape in mc:Choice and a VML
    copy in mc:Fallback, both holding the content."""
    run = f'<w:r><w:t xml:space="preserve">{host_text}</w:t></w:r>' if host_text else ""
    xml = (f'<w:p xmlns:w="{W}" xmlns:mc="{MC}" xmlns:wps="{WPS}" xmlns:v="{V}">{run}<w:r>'
           '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx>'
           '<w:txbxContent/></wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict>'
           '<v:shape><v:textbox><w:txbxContent/></v:textbox></v:shape></w:pict></mc:Fallback>'
           '</mc:AlternateContent></w:r></w:p>')
    p = parse_xml(xml)
    for box in p.iter(q("txbxContent")):
        for ch in children:
            box.append(copy.deepcopy(ch))
    return p


def test_table_in_a_text_box_is_a_table_read_once(tmp_path):
    d = docx.Document()
    t = _ladder_docx(d)
    tbl = t._tbl
    tbl.addprevious(_text_box([tbl, parse_xml(f'<w:p xmlns:w="{W}"/>')], host_text="แนบ"))
    tbl.getparent().remove(tbl)
    p = tmp_path / "box.docx"
    d.save(p)
    doc = read_document(p)
    ts = tables(doc)
    assert len(ts) == 1                     # the fallback copy is not read again
    assert ts[0].n_rows == len(LADDER_ROWS) and ts[0].n_cols == len(LADDER_ROWS[0])
    assert ts[0].cell(2, 0).text == LADDER_ROWS[2][0] and ts[0].cell(4, 8).text == "10"
    paras = [b.text for b in doc.blocks() if isinstance(b, Paragraph)]
    assert paras == TITLE + ["แนบ"]         # the anchor's own text, without the table's
    recs = records(p)
    assert [(r.item_no, r.level_1, r.level_5, r.actual) for r in recs] == \
        [("1", 60, 80, 72.5), ("2", 70, 90, 91.2), ("3", 15, 7, 10)]


def test_text_box_paragraphs_are_not_glued_together(tmp_path):
    d = docx.Document()
    d.add_paragraph("ก่อน")
    paras = [parse_xml(f'<w:p xmlns:w="{W}"><w:r><w:t>{t}</w:t></w:r></w:p>')
             for t in ("แบบฟอร์มที่ 7.2", "จังหวัดภูเก็ต")]
    d.element.body.insert(1, _text_box(paras))
    p = tmp_path / "title_box.docx"
    d.save(p)
    texts = [b.text for b in read_document(p).blocks()]
    assert texts == ["ก่อน", "แบบฟอร์มที่ 7.2", "จังหวัดภูเก็ต"]


def test_text_box_in_a_cell_gives_lines_of_the_cell(tmp_path):
    d = docx.Document()
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text, t.cell(0, 1).text, t.cell(1, 1).text = "ตัวชี้วัด", "เป้าหมาย", "ร้อยละ 80"
    cell_p = t.cell(1, 0).paragraphs[0]
    box = _text_box([parse_xml(f'<w:p xmlns:w="{W}"><w:r><w:t>{x}</w:t></w:r></w:p>')
                     for x in ("ร้อยละความพึงพอใจ", "ของผู้รับบริการ")], host_text="1.")
    for ch in box:
        cell_p._p.append(ch)
    p = tmp_path / "cell_box.docx"
    d.save(p)
    (table,) = tables(read_document(p))
    assert table.cell(1, 0).text.split("\n") == ["1.", "ร้อยละความพึงพอใจ", "ของผู้รับบริการ"]


def test_tracked_deleted_row_and_moved_text_are_left_out(tmp_path):
    d = docx.Document()
    d.add_paragraph("แบบฟอร์มที่ 7.2")
    t = _ladder_docx(d)
    tr = copy.deepcopy(t.rows[2]._tr)
    for tnode in tr.iter(q("t")):
        tnode.tag = q("delText")
        tnode.text = "99"
    trpr = tr.find(q("trPr"))
    if trpr is None:
        trpr = etree.SubElement(tr, q("trPr"))
        tr.insert(0, trpr)
    etree.SubElement(trpr, q("del"), {q("id"): "1", q("author"): "x"})
    t.rows[2]._tr.addnext(tr)
    moved = parse_xml(f'<w:moveFrom xmlns:w="{W}" w:id="2" w:author="x"><w:r><w:t> (เดิม)</w:t>'
                      '</w:r></w:moveFrom>')
    d.paragraphs[0]._p.append(moved)
    p = tmp_path / "tracked.docx"
    d.save(p)
    doc = read_document(p)
    (table,) = tables(doc)
    assert table.n_rows == len(LADDER_ROWS)
    assert [table.cell(r, 3).text for r in range(table.n_rows)] == [r[3] for r in LADDER_ROWS]
    assert doc.paragraphs()[0].text == "แบบฟอร์มที่ 7.2"
    assert len(records(p)) == 3


# ------------------------------------------------------------------------------------ text

def _csv(rows, sep):
    return "\r\n".join(sep.join(r) for r in rows) + "\r\n"


def test_semicolon_csv_is_split_on_semicolons(tmp_path):
    rows = [[TITLE[0]] + [""] * 8, [TITLE[1]] + [""] * 8, [""] * 9] + LADDER_ROWS
    p = tmp_path / "ladder.csv"
    p.write_bytes(b"\xef\xbb\xbf" + _csv(rows, ";").encode("utf-8"))
    doc = read_document(p)
    (table,) = tables(doc)
    assert table.n_cols == 9 and table.cell(2, 8).text == "72.5"
    assert [b.text for b in doc.paragraphs()] == TITLE
    recs = records(p)
    assert [(r.item_no, r.level_1, r.level_5, r.actual) for r in recs] == \
        [("1", 60, 80, 72.5), ("2", 70, 90, 91.2), ("3", 15, 7, 10)]


def test_comma_csv_with_semicolons_in_its_text_stays_comma_separated(tmp_path):
    rows = [["ตัวชี้วัด", "หมายเหตุ", "เป้าหมาย"], ["ก", "ดู ข้อ 1; ข้อ 2", "80"],
            ["ข", "ดู ข้อ 3; ข้อ 4; ข้อ 5", "90"], ["ค", "-", "70"]]
    p = tmp_path / "c.csv"
    p.write_text(_csv(rows, ","), encoding="utf-8")
    (table,) = tables(read_document(p))
    assert table.n_cols == 3 and table.cell(2, 1).text == "ดู ข้อ 3; ข้อ 4; ข้อ 5"


def test_trailing_ctrl_z_is_the_end_of_the_file(tmp_path):
    text = "แบบฟอร์มที่ 7.2\r\n\r\nก\tข\r\nค\tง\r\n"
    p = tmp_path / "dos.txt"
    p.write_bytes(text.encode("cp874") + b"\x1a")
    doc = read_document(p)
    assert [b.text for b in doc.paragraphs()] == ["แบบฟอร์มที่ 7.2"]
    (table,) = tables(doc)
    assert table.n_rows == 2 and "\x1a" not in table.cell(1, 1).raw


def _aligned(rows, display: bool) -> list[str]:
    def width(s):
        return sum(1 for ch in s if not display or ch not in
                   "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e")
    widths = [max(width(r[k]) for r in rows) + 2 for k in range(len(rows[0]))]
    return ["".join(c + " " * (w - width(c)) for c, w in zip(r, widths)).rstrip() for r in rows]


def test_table_aligned_with_spaces_is_a_table(tmp_path):
    for display in (False, True):
        lines = TITLE[:1] + [""] + _aligned(LADDER_ROWS, display) + ["", "หมายเหตุ  ข้อมูล ณ 30 ก.ย. 66"]
        p = tmp_path / f"aligned_{display}.txt"
        p.write_text("\n".join(lines) + "\n", encoding="utf-8")
        doc = read_document(p)
        (table,) = tables(doc)
        got = [[table.cell(r, k).text if table.cell(r, k) else "" for k in range(table.n_cols)]
               for r in range(table.n_rows)]
        assert got == LADDER_ROWS, display
        recs = records(p)
        assert [(r.item_no, r.level_1, r.level_5, r.actual) for r in recs] == \
            [("1", 60, 80, 72.5), ("2", 70, 90, 91.2), ("3", 15, 7, 10)], display


def test_prose_and_signature_blocks_with_double_spaces_stay_paragraphs(tmp_path):
    lines = ["ขอส่งแผนปฏิบัติราชการ  ประจำปีงบประมาณ พ.ศ. 2566  มาเพื่อโปรดพิจารณา",
             "ทั้งนี้  ได้แนบเอกสารประกอบ  จำนวน 3 ชุด",
             "จึงเรียนมาเพื่อโปรดทราบ  และพิจารณา",
             "",
             "(ลงชื่อ) ........................          (ลงชื่อ) ........................",
             "        (นายชาตรี บุญมา)                         (นายศักดิ์ สมบุญโต)",
             "        ผู้เสนอ                                  ผู้อนุมัติ"]
    p = tmp_path / "memo.txt"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    doc = read_document(p)
    assert not tables(doc)
    assert len(doc.paragraphs()) == 6
