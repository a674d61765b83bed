"""DOCX tables nested in table cells: a small table inside a grid's cell (a form 7.2 ladder in the
`เกณฑ์การให้คะแนน` cell) is part of that cell's text, one line per nested row, where it stands; a
table inside a frame (a cell alone in its row) stays a table of its own."""
from datetime import date

import docx
import pytest

from extractors import extract
from pipeline.readers import read_document
from pipeline.render import render_text
from pipeline.validate import validate
from schemas import ExtractContext

HEADER = ["ลำดับ", "ตัวชี้วัด", "มิติ", "น้ำหนัก", "ค่าเป้าหมาย", "เกณฑ์การให้คะแนน"]
KPIS = [("1.", "ร้อยละของโครงการที่แล้วเสร็จตามแผน", "7.1", "1", "ร้อยละ 90",
         [["ระดับ 1", "ร้อยละ 70"], ["ระดับ 2", "ร้อยละ 75"], ["ระดับ 3", "ร้อยละ 80"],
          ["ระดับ 4", "ร้อยละ 85"], ["ระดับ 5", "ร้อยละ 90"]]),
        ("2.", "ร้อยละความไม่พึงพอใจของผู้รับบริการ", "7.2", "0.5", "ร้อยละ 5",
         [["ร้อยละ 25", "1 คะแนน"], ["ร้อยละ 20", "2 คะแนน"], ["ร้อยละ 15", "3 คะแนน"],
          ["ร้อยละ 10", "4 คะแนน"], ["ร้อยละ 5", "5 คะแนน"]])]


def _fill(t, rows):
    """Text into a python-docx table by rows; "" leaves a cell as it is (a merged cell's text)."""
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            if v:
                t.cell(r, c).text = v


def _form72(where, kpis=KPIS, note="หมายเหตุ วัดผล ณ สิ้นปีงบประมาณ"):
    """A form 7.2 table added to ``where`` (a document or a cell), each ladder a table nested
    in the ladder cell between a paragraph above and one below it."""
    t = where.add_table(rows=1 + len(kpis), cols=len(HEADER))
    _fill(t, [HEADER])
    for i, (no, name, dim, weight, target, ladder) in enumerate(kpis, 1):
        _fill(t, [[]] * i + [[no, name, dim, weight, target]])
        cell = t.cell(i, 5)
        cell.paragraphs[0].text = "ระดับคะแนน"
        inner = cell.add_table(rows=len(ladder), cols=len(ladder[0]))
        _fill(inner, ladder)          # python-docx puts an empty paragraph after it
        cell.add_paragraph(note)
    return t


def _save(d, tmp_path, name="form72.docx"):
    p = tmp_path / name
    d.save(p)
    return p


def _run(doc):
    ex = extract(doc, ExtractContext(source_file="x.docx"))
    return ex, validate(ex, date(2025, 10, 15))


def test_ladder_table_in_a_cell_is_lines_of_the_cells_text(tmp_path):
    d = docx.Document()
    d.add_paragraph("แบบฟอร์มที่ 7.2 จังหวัดลพบุรี ประจำปีงบประมาณ พ.ศ. 2568")
    _form72(d)
    doc = read_document(_save(d, tmp_path))
    (t,) = doc.tables()                       # the ladders are not tables of their own
    ladder = t.cell(1, 5)
    assert ladder.tables == []
    assert ladder.text.split("\n") == ["ระดับคะแนน", "ระดับ 1 ร้อยละ 70", "ระดับ 2 ร้อยละ 75",
                                       "ระดับ 3 ร้อยละ 80", "ระดับ 4 ร้อยละ 85", "ระดับ 5 ร้อยละ 90",
                                       "", "หมายเหตุ วัดผล ณ สิ้นปีงบประมาณ"]
    assert ladder.raw == ladder.text
    assert t.cell(2, 5).text.split("\n")[1:3] == ["ร้อยละ 25 1 คะแนน", "ร้อยละ 20 2 คะแนน"]
    # `thaiforms text`: the ladder once, inside its row
    text = render_text(doc)
    assert text.count("ร้อยละ 70") == 1
    assert "ร้อยละ 90\tระดับคะแนน ระดับ 1 ร้อยละ 70 ระดับ 2 ร้อยละ 75" in text

    ex, findings = _run(doc)
    assert ex.forms == ["form72"]
    a, b = [r for r in ex.records if r.record_type == "kpi"]
    assert (a.item_no, a.ladder, a.direction, a.table) == ("1", [70, 75, 80, 85, 90], "higher", 1)
    assert (b.item_no, b.ladder, b.direction, b.table) == ("2", [25, 20, 15, 10, 5], "lower", 1)
    assert a.ladder_raw.split(" | ")[0] == "ระดับ 1 ร้อยละ 70"
    assert not [f.code for f in findings if f.code.startswith("LADDER") or f.code == "DIRECTION_MISMATCH"]


def test_nested_rows_read_merged_cells_once_and_keep_raw_beside_repaired(tmp_path):
    d = docx.Document()
    t = d.add_table(rows=2, cols=2)
    _fill(t, [["ตัวชี้วัด", "เกณฑ์"], ["ร้อยละของแผนงาน", ""]])
    cell = t.cell(1, 1)
    inner = cell.add_table(rows=4, cols=3)
    inner.cell(0, 0).merge(inner.cell(0, 2)).text = "เกณฑ์การให้คะแนน"     # gridSpan 3
    inner.cell(1, 0).merge(inner.cell(2, 0)).text = "ตัวชวี้ ัด"            # vMerge, repaired
    _fill(inner, [[], ["", "ระดับ 1", "ร้อยละ 60\nขึ้นไป"], ["", "ระดับ 2", "ร้อยละ 70"]])
    # row 3 is left empty: no line
    p = _save(d, tmp_path, "merged.docx")
    (table,) = read_document(p).tables()
    got = table.cell(1, 1)
    assert got.tables == []
    assert got.text.split("\n") == ["เกณฑ์การให้คะแนน", "ตัวชี้วัด ระดับ 1 ร้อยละ 60 ขึ้นไป",
                                    "ระดับ 2 ร้อยละ 70"]
    assert got.raw.split("\n") == ["เกณฑ์การให้คะแนน", "ตัวชวี้ ัด ระดับ 1 ร้อยละ 60 ขึ้นไป",
                                   "ระดับ 2 ร้อยละ 70"]
    assert table.cell(1, 0).text == "ร้อยละของแผนงาน"


@pytest.mark.parametrize("frame", ["one_cell", "cell_alone_in_its_row"])
def test_a_form_in_a_frame_stays_a_table_and_its_ladders_are_cell_text(tmp_path, frame):
    d = docx.Document()
    d.add_paragraph("แบบฟอร์มที่ 7.2 ประจำปีงบประมาณ พ.ศ. 2568")
    if frame == "one_cell":
        outer = d.add_table(rows=1, cols=1)
        box = outer.cell(0, 0)
    else:                                     # a title row of two cells over one wide cell
        outer = d.add_table(rows=2, cols=2)
        _fill(outer, [["สำนักงานจังหวัดลพบุรี", "ตัวชี้วัดตามแผนพัฒนาองค์การ"]])
        box = outer.cell(1, 0).merge(outer.cell(1, 1))
    box.paragraphs[0].text = "กรอบแบบฟอร์ม"
    _form72(box)
    doc = read_document(_save(d, tmp_path, f"{frame}.docx"))
    (outer_t,) = doc.tables()
    box_t = outer_t.cell(outer_t.n_rows - 1, 0)
    assert box_t.text == "กรอบแบบฟอร์ม"     # the form is not also text of the frame
    (form,) = box_t.tables
    assert form.grid()[0] == HEADER
    assert form.cell(1, 5).tables == [] and "ระดับ 3 ร้อยละ 80" in form.cell(1, 5).text.split("\n")

    ex, findings = _run(doc)
    assert [(r.item_no, r.ladder, r.table) for r in ex.records if r.record_type == "kpi"] == [
        ("1", [70, 75, 80, 85, 90], 2), ("2", [25, 20, 15, 10, 5], 2)]
    assert not [f.code for f in findings if f.code.startswith("LADDER")]


def _levels_over_thresholds(tmp_path):
    rows = [["1", "2", "3", "4", "5"], ["70", "75", "80", "85", "90"]]
    d = docx.Document()
    _form72(d, [("1.", "ร้อยละของโครงการที่แล้วเสร็จตามแผน", "7.1", "1", "ร้อยละ 90", rows)], note="")
    return read_document(_save(d, tmp_path, "levels_over_thresholds.docx"))


def test_a_row_of_levels_over_a_row_of_thresholds_is_two_lines(tmp_path):
    (t,) = _levels_over_thresholds(tmp_path).tables()
    assert t.cell(1, 5).text.split("\n") == ["ระดับคะแนน", "1 2 3 4 5", "70 75 80 85 90"]


def test_a_row_of_levels_over_a_row_of_thresholds_is_the_ladder(tmp_path):
    ex, _ = _run(_levels_over_thresholds(tmp_path))
    (k,) = [r for r in ex.records if r.record_type == "kpi"]
    assert k.ladder == [70, 75, 80, 85, 90]
