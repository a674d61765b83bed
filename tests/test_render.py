"""``thaiforms text`` output format (CONTRACT.md)."""
from pipeline.readers import read_document
from pipeline.render import render_text
from schemas.document import Cell, Document, Page, Paragraph, Table


def _table(rows, merged=()):
    cells = []
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text is None:
                continue
            span = dict(merged).get((r, c), (1, 1))
            cells.append(Cell(row=r, col=c, text=text, rowspan=span[0], colspan=span[1]))
    return Table(cells=cells, n_rows=len(rows), n_cols=max(len(r) for r in rows))


def test_paragraphs_rows_and_blank_lines():
    t = _table([["แผน", "ตัวชี้วัด", "เกณฑ์", None],
                [None, "1.ร้อยละ", "60%", "1 คะแนน"]],
               merged={(0, 0): (2, 1), (0, 2): (1, 2)})
    doc = Document(path="x.docx", format="docx",
                   pages=[Page(number=None, blocks=[Paragraph("แบบฟอร์มที่ 7.2"), t,
                                                    Paragraph("พิจารณา\nเห็นชอบ")])])
    assert render_text(doc) == ("แบบฟอร์มที่ 7.2\n\n"
                                "แผน\tตัวชี้วัด\tเกณฑ์\t\n"
                                "\t1.ร้อยละ\t60%\t1 คะแนน\n\n"
                                "พิจารณา เห็นชอบ\n")


def test_pdf_pages_are_marked_and_cell_breaks_stay_on_one_line():
    t = _table([["กลุ่มงาน\nยุทธศาสตร์", "a\tb"]])
    doc = Document(path="x.pdf", format="pdf", pages=[
        Page(number=1, blocks=[Paragraph("หน้าแรก", page=1), t]),
        Page(number=2, blocks=[], has_text_layer=False),
        Page(number=3, blocks=[Paragraph("หน้าสาม", page=3)])])
    assert render_text(doc) == ("--- page 1 ---\nหน้าแรก\n\nกลุ่มงาน ยุทธศาสตร์\ta b\n\n"
                                "--- page 2 ---\n\n"
                                "--- page 3 ---\nหน้าสาม\n")


def test_nested_tables_follow_their_table():
    inner = _table([["ต.ค.", "พ.ย."]])
    outer = _table([["กิจกรรม", ""]])
    outer.cells[1].tables.append(inner)
    doc = Document(path="x.docx", format="docx", pages=[Page(number=None, blocks=[outer])])
    assert render_text(doc) == "กิจกรรม\t\n\nต.ค.\tพ.ย.\n"


def test_text_file_round_trip(tmp_path):
    src = "แบบฟอร์มที่ 7.2\n\nตัวชี้วัด\tเป้าหมาย\n1.ร้อยละ\t100%\n\nลงนาม\n"
    p = tmp_path / "x.txt"
    p.write_text(src, encoding="utf-8")
    assert render_text(read_document(p)) == src
