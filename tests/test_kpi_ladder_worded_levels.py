"""Ladders across a table with no weight column (`ระดับ 1 … ระดับ 5` or `ระดับคะแนน | 1 … 5` over
one row per indicator) whose cells are worded, bands or a dash; ladders down a table out of
order; a number column beside the names with group headings merged across the table. Real
files (PPTX, DOCX, XLSX) read, extracted and validated."""
import docx
import pytest
from extract_helpers import extract_file, write_pptx
from plan_files import plan_xlsx


def write_docx_merged(path, blocks):
    """A Word file of paragraphs and tables; a table row of one string is merged across the
    table, and a header cell `None` is merged into the cell on its left."""
    d = docx.Document()
    for b in blocks:
        if isinstance(b, str):
            d.add_paragraph(b)
            continue
        n = max(len(r) for r in b)
        t = d.add_table(rows=len(b), cols=n)
        t.style = "Table Grid"
        for i, row in enumerate(b):
            if len(row) == 1:
                cell = t.cell(i, 0).merge(t.cell(i, n - 1))
                cell.text = row[0]
                continue
            for j, x in enumerate(row):
                if x is None:
                    left = j - 1
                    while row[left] is None:
                        left -= 1
                    t.cell(i, left).merge(t.cell(i, j))
                else:
                    t.cell(i, j).text = x
    d.save(path)
    return path


def levels(rec):
    return [rec.level_1, rec.level_2, rec.level_3, rec.level_4, rec.level_5]


SUBS = [["ลำดับ", "ตัวชี้วัดย่อย", "น้ำหนัก"],
        ["3.1", "ระยะเวลาเฉลี่ยการออกใบอนุญาตประกอบกิจการ", "2"],
        ["3.2", "ร้อยละของผู้ขอรับบริการที่ได้รับบริการผ่านระบบออนไลน์", "2"],
        ["3.3", "จำนวนครั้งที่ระบบให้บริการขัดข้อง", "1"],
        ["รวม", "", "5"]]
WORDED = [["ตัวชี้วัดย่อย", "ระดับ 1", "ระดับ 2", "ระดับ 3", "ระดับ 4", "ระดับ 5"],
          ["3.1 ระยะเวลาเฉลี่ยการออกใบอนุญาต", "ไม่เกิน 45 วัน", "ไม่เกิน 40 วัน", "ไม่เกิน 35 วัน",
           "ไม่เกิน 30 วัน", "ไม่เกิน 25 วัน"],
          ["3.2 ผู้รับบริการผ่านระบบออนไลน์", "ร้อยละ 70", "ร้อยละ 75", "ร้อยละ 80", "ร้อยละ 85", "ร้อยละ 90"],
          ["3.3 ระบบขัดข้อง", "8 ครั้ง", "6 ครั้ง", "4 ครั้ง", "2 ครั้ง", "0 ครั้ง"]]
HEAD = "ตัวชี้วัดที่ 3 ระดับคุณภาพการให้บริการของสำนักงาน"


def _worded_file(tmp_path, fmt):
    if fmt == "pptx":
        return write_pptx(tmp_path / "deck.pptx", [
            (HEAD, ["น้ำหนัก : 5", SUBS]), ("เกณฑ์การให้คะแนน", [WORDED])])
    if fmt == "docx":
        return write_docx_merged(tmp_path / "doc.docx", [HEAD, "น้ำหนัก : 5", SUBS, "เกณฑ์การให้คะแนน", WORDED])
    return plan_xlsx(tmp_path / "book.xlsx", [HEAD, "น้ำหนัก : 5"],
                     SUBS + [[""]] + [["เกณฑ์การให้คะแนน"]] + WORDED)


@pytest.mark.parametrize("fmt", ["pptx", "docx", "xlsx"])
def test_worded_cells_under_level_heads_across_fill_the_numbered_sub_indicators(tmp_path, fmt):
    ex, findings = extract_file(_worded_file(tmp_path, fmt))
    assert ex.forms == ["kpi_ladder"]
    by = {r.item_no: r for r in ex.records if r.record_type == "kpi"}
    assert sorted(by) == ["3", "3.1", "3.2", "3.3"]
    assert by["3.1"].name == "ระยะเวลาเฉลี่ยการออกใบอนุญาตประกอบกิจการ"
    assert (levels(by["3.1"]), by["3.1"].unit, by["3.1"].direction) == ([45, 40, 35, 30, 25], "วัน", "lower")
    assert (levels(by["3.2"]), by["3.2"].unit, by["3.2"].direction) == ([70, 75, 80, 85, 90], "%", "higher")
    assert (levels(by["3.3"]), by["3.3"].unit) == ([8, 6, 4, 2, 0], "ครั้ง")
    assert by["3.3"].ladder_raw == "8 ครั้ง | 6 ครั้ง | 4 ครั้ง | 2 ครั้ง | 0 ครั้ง"
    assert not [f for f in findings if f[1].startswith("LADDER")]


def test_bands_and_a_dash_across_under_a_level_word_go_to_the_slide_headings(tmp_path):
    path = write_pptx(tmp_path / "deck.pptx", [
        ("ตัวชี้วัดที่ 1 ร้อยละความพึงพอใจของผู้ยื่นคำขอต่อการให้บริการ", [
            "น้ำหนัก : ร้อยละ 4",
            [["ระดับคะแนน", "1", "2", "3", "4", "5"],
             ["ผลสำรวจความพึงพอใจ", "65-69.99", "70-74.99", "75-79.99", "80-84.99", "85-100"]]]),
        ("ตัวชี้วัดที่ 2 ร้อยละของคำขอที่ดำเนินการแล้วเสร็จตามกำหนด", [
            "น้ำหนัก : ร้อยละ 6",
            [["ระดับคะแนน", "1", "2", "3", "4", "5"],
             ["ผลการดำเนินงาน (ร้อยละ)", "75", "-", "85", "90", "95"]]]),
        # a survey's answers counted per level: bare figures out of order under level heads,
        # no ladder
        ("ผลการสำรวจ", [
            [["ความพึงพอใจ", "ระดับ 1", "ระดับ 2", "ระดับ 3", "ระดับ 4", "ระดับ 5"],
             ["จำนวนผู้ตอบแบบสอบถาม", "12", "30", "25", "41", "18"]]])])
    ex, findings = extract_file(path)
    by = {r.item_no: r for r in ex.records if r.record_type == "kpi"}
    assert sorted(by) == ["1", "2"] and len(ex.records) == 2
    assert levels(by["1"]) == [65, 70, 75, 80, 85] and by["1"].weight == 4
    assert levels(by["2"]) == [75, None, 85, 90, 95] and by["2"].weight == 6
    assert ("2", "LADDER_INCOMPLETE") in findings and ("1", "LADDER_INCOMPLETE") not in findings


def test_a_worded_ladder_down_a_table_out_of_order_is_still_read_and_flagged(tmp_path):
    path = write_pptx(tmp_path / "deck.pptx", [
        ("ตัวชี้วัดที่ 4 ระยะเวลาการตรวจสอบเอกสารนำเข้า", [
            "น้ำหนัก : ร้อยละ 5",
            [["คะแนน", "เกณฑ์"],
             ["5", "≤ 12 นาที"], ["4", "≤ 18 นาที"], ["3", "≤ 16 นาที"], ["2", "≤ 24 นาที"], ["1", "≤ 30 นาที"]]])])
    ex, findings = extract_file(path)
    assert ex.forms == ["kpi_ladder"]
    (rec,) = [r for r in ex.records if r.record_type == "kpi"]
    assert (rec.item_no, levels(rec), rec.unit) == ("4", [30, 24, 16, 18, 12], "นาที")
    assert ("4", "LADDER_NOT_MONOTONIC") in findings


def test_number_column_with_group_rows_across_gives_names_and_the_group_heading_as_plan(tmp_path):
    path = write_docx_merged(tmp_path / "doc.docx", [
        "ตัวชี้วัดที่ 6 ระดับความสำเร็จของการให้บริการ ณ จุดบริการ",
        "น้ำหนัก : ร้อยละ 8",
        [["ตัวชี้วัด", "ชื่อตัวชี้วัด", "น้ำหนัก", "เกณฑ์การให้คะแนน", None, None, None, None],
         ["", "", "", "1", "2", "3", "4", "5"],
         ["กลุ่มที่ 1 ด้านความรวดเร็วของการบริการ"],
         ["6.1", "ระยะเวลาเฉลี่ยในการรับชำระเงินสมทบ", "4", "15 นาที", "12 นาที", "10 นาที", "8 นาที", "5 นาที"],
         ["กลุ่มที่ 2 ด้านความพึงพอใจ"],
         ["6.2", "ร้อยละความพึงพอใจต่อจุดบริการ", "4", "80", "82", "84", "86", "88"],
         ["รวม", "", "8", "", "", "", "", ""]]])
    ex, _ = extract_file(path)
    by = {r.item_no: r for r in ex.records if r.record_type == "kpi"}
    assert sorted(by) == ["6", "6.1", "6.2"]
    assert (by["6.1"].name, by["6.1"].plan, by["6.1"].unit) == \
        ("ระยะเวลาเฉลี่ยในการรับชำระเงินสมทบ", "กลุ่มที่ 1 ด้านความรวดเร็วของการบริการ", "นาที")
    assert (by["6.2"].name, by["6.2"].plan) == ("ร้อยละความพึงพอใจต่อจุดบริการ", "กลุ่มที่ 2 ด้านความพึงพอใจ")
    assert levels(by["6.1"]) == [15, 12, 10, 8, 5] and by["6.2"].parent_item == "6"
