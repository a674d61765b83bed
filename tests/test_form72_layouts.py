"""Form 7.2 and percentage-ladder tables in layouts the samples do not show
(a กรม's two-row header with `ระดับ 1 … ระดับ 5`, a จังหวัด's Thai-digit one-cell ladders, an
education office's PDF whose ladder cells lost their line breaks, a กรม's workbook numbered in a
`ลำดับที่` column): each test builds its document and asks the extractors or the batch."""
from __future__ import annotations

import csv
import io
from datetime import date

from extract_helpers import ctx, doc, table

from extractors import extract
from pipeline import batch

HEAD72 = ["ลำดับ", "ตัวชี้วัด", "หน่วยนับ", "น้ำหนัก", "ค่าเป้าหมาย", "เกณฑ์การให้คะแนน"]


def _form72(*rows, head=HEAD72, fmt="docx"):
    t = table([head, ["มิติที่ 1 ด้านประสิทธิผล"] + [""] * (len(head) - 1), *rows],
              merges={(1, 0): (1, len(head))})
    ex = extract(doc("แบบฟอร์มที่ 7.2", "จังหวัดยโสธร ประจำปีงบประมาณ พ.ศ. 2567", t, fmt=fmt), ctx())
    assert ex.forms == ["form72"]
    return ex


def _levels(r):
    return [r.level_1, r.level_2, r.level_3, r.level_4, r.level_5]


def test_form72_ditto_marks_in_the_unit_column_take_the_unit_above():
    ex = _form72(["1", "ร้อยละของผู้ป่วยที่รักษาสำเร็จ", "ร้อยละ", "20", "88", "84\n85\n86\n87\n88"],
                 ["2", "ร้อยละของอำเภอที่ควบคุมโรคได้", "〃", "15", "80", "72\n74\n76\n78\n80"],
                 ["3", "ร้อยละของตำบลที่ผ่านเกณฑ์", '-"-', "15", "80", "72\n74\n76\n78\n80"],
                 ["4", "จำนวนหมู่บ้านต้นแบบ", "แห่ง", "10", "50", "30\n35\n40\n45\n50"],
                 ["5", "จำนวนชุมชนต้นแบบ", "〃", "10", "20", "12\n14\n16\n18\n20"])
    assert [r.unit for r in ex.records] == ["%", "%", "%", "แห่ง", "แห่ง"]


def test_form72_ladder_cell_whose_lines_a_pdf_joined_with_spaces():
    ex = _form72(["1", "ร้อยละของนักเรียนที่อ่านออกเขียนได้", "", "5", "ร้อยละ 92",
                  "ร้อยละ 88 ร้อยละ 89 ร้อยละ 90 ร้อยละ 91 ร้อยละ 92"],
                 ["2", "อัตราการออกกลางคันของนักเรียน", "", "10", "ร้อยละ 0.20",
                  "ร้อยละ 0.6 ร้อยละ 0.5 ร้อยละ 0.4 ร้อยละ 0.3 ร้อยละ 0.2"],
                 ["3", "จำนวนเรื่องร้องเรียนด้านบุคลากร", "", "5", "10 เรื่อง",
                  "30 เรื่อง 25 เรื่อง 20 เรื่อง 15 เรื่อง 10 เรื่อง"],
                 ["4", "จำนวนพื้นที่ที่ได้รับการฟื้นฟู", "ไร่", "5", "100,000",
                  "80,000 85,000 90,000 95,000 100,000"], fmt="pdf")
    r1, r2, r3, r4 = ex.records
    assert _levels(r1) == [88, 89, 90, 91, 92] and r1.unit == "%"
    assert _levels(r2) == [0.6, 0.5, 0.4, 0.3, 0.2] and r2.direction == "lower"
    assert _levels(r3) == [30, 25, 20, 15, 10] and r3.direction == "lower"
    assert _levels(r4) == [80000, 85000, 90000, 95000, 100000]


def test_form72_a_line_of_mixed_wordings_is_not_split_as_five_thresholds():
    """Only thresholds worded alike are one level each: a sentence with figures is not a ladder."""
    ex = _form72(["1", "ร้อยละของโครงการที่แล้วเสร็จ", "", "5", "ร้อยละ 90",
                  "ร้อยละ 80 ของ 12 โครงการ ใน 4 อำเภอ 2 รอบ"])
    assert _levels(ex.records[0]).count(None) >= 4


def test_form72_level_of_success_ladder_written_as_the_levels_alone():
    ex = _form72(["1", "ระดับความสำเร็จของการประเมิน ITA", "ระดับ", "5", "ระดับ 5",
                  "ระดับ 1\nระดับ 2\nระดับ 3\nระดับ 4\nระดับ 5"],
                 ["2", "ระดับความสำเร็จของการจัดทำแผน", "ระดับ", "5", "5",
                  "ระดับ 1\nระดับ 3\nระดับ 5"])
    assert _levels(ex.records[0]) == [1, 2, 3, 4, 5]
    assert _levels(ex.records[1]) == [None] * 5       # not the five levels: left as written


def test_form72_sub_indicators_under_a_group_indicator():
    ex = _form72(["4", "ร้อยละเฉลี่ยถ่วงน้ำหนักของความสำเร็จในการส่งเสริมการท่องเที่ยว", "", "20", "", ""],
                 ["4.1", "ร้อยละที่เพิ่มขึ้นของรายได้จากการท่องเที่ยว", "ร้อยละ", "10", "6",
                  "2\n3\n4\n5\n6"],
                 ["4.2", "ร้อยละที่เพิ่มขึ้นของจำนวนนักท่องเที่ยว", "ร้อยละ", "10", "5",
                  "1\n2\n3\n4\n5"],
                 ["5", "ร้อยละของการเบิกจ่ายงบประมาณ", "ร้อยละ", "10", "98",
                  "94\n95\n96\n97\n98"])
    assert [(r.item_no, r.parent_item) for r in ex.records] == [
        ("4", ""), ("4.1", "4"), ("4.2", "4"), ("5", "")]
    [g] = ex.weight_groups
    assert (g.parent_item, g.stated_total, g.member_items) == ("4", 20, ["4.1", "4.2"])


# ---------------------------------------------------------------- kpi_ladder tables

LADDER_HEAD = [["ลำดับที่", "ตัวชี้วัด", "หน่วยวัด", "น้ำหนัก", "เกณฑ์การให้คะแนน", "", "", "", "",
                "ผลการดำเนินงาน"],
               ["", "", "", "", "ระดับ 1", "ระดับ 2", "ระดับ 3", "ระดับ 4", "ระดับ 5", ""]]
LADDER_MERGES = {(0, 0): (2, 1), (0, 1): (2, 1), (0, 2): (2, 1), (0, 3): (2, 1), (0, 4): (1, 5),
                 (0, 9): (2, 1)}


def _ladder(rows, title="รายงานผลการดำเนินงานตามตัวชี้วัด กรมการขนส่งทางบก ปีงบประมาณ 2570"):
    ex = extract(doc(title, table(LADDER_HEAD + rows, merges=LADDER_MERGES)), ctx())
    assert ex.forms == ["kpi_ladder"]
    return ex


def test_kpi_ladder_numbered_in_its_own_column_with_a_name_that_starts_like_a_unit():
    """`1 | รายได้…`: the number is the ลำดับ cell; `ราย` at the start of the name is no unit."""
    ex = _ladder([["1", "รายได้จากการจัดเก็บภาษีรถประจำปี", "ล้านบาท", "30", "38,000", "39,000",
                   "40,000", "41,000", "42,000", "40,500"],
                  ["2", "ระยะเวลาเฉลี่ยในการออกใบอนุญาตขับรถ", "นาที", "20", "90", "80", "70", "60",
                   "50", "65"]])
    r1, r2 = ex.records
    assert (r1.item_no, r1.name, r1.unit, r1.weight) == ("1", "รายได้จากการจัดเก็บภาษีรถประจำปี",
                                                        "ล้านบาท", 30)
    assert _levels(r1) == [38000, 39000, 40000, 41000, 42000] and r1.actual == 40500
    assert (r2.item_no, r2.direction) == ("2", "lower")


def test_kpi_ladder_sub_indicators_of_a_table_row():
    ex = _ladder([["4", "ความสำเร็จของการพัฒนาระบบบริการอิเล็กทรอนิกส์", "", "30", "", "", "", "", "", ""],
                  ["4.1", "ร้อยละของงานบริการที่ให้บริการผ่านระบบออนไลน์", "ร้อยละ", "15", "50", "55",
                   "60", "65", "70", "72.3"],
                  ["4.2", "ร้อยละความพึงพอใจของผู้ใช้บริการระบบออนไลน์", "ร้อยละ", "10", "80", "82",
                   "84", "86", "88", "84"]])
    assert [(r.item_no, r.parent_item) for r in ex.records] == [("4", ""), ("4.1", "4"), ("4.2", "4")]
    [g] = ex.weight_groups
    assert (g.parent_item, g.stated_total, g.member_items) == ("4", 30, ["4.1", "4.2"])


def test_kpi_ladder_ladders_written_in_the_criteria_cell():
    t = table([["ตัวชี้วัด", "น้ำหนัก", "เกณฑ์การให้คะแนน", "ผลการดำเนินงาน"],
               ["1. ร้อยละของพื้นที่ป่าอนุรักษ์ที่ได้รับการลาดตระเวน", "40",
                "ระดับ 1 = ร้อยละ 80\nระดับ 2 = ร้อยละ 85\nระดับ 3 = ร้อยละ 90\nระดับ 4 = ร้อยละ 95\n"
                "ระดับ 5 = ร้อยละ 100", "92"],
               ["2. จำนวนคดีการบุกรุกพื้นที่ป่าอนุรักษ์", "30",
                "ระดับ 1 = 500 คดี\nระดับ 2 = 450 คดี\nระดับ 3 = 400 คดี\nระดับ 4 = 350 คดี\n"
                "ระดับ 5 = 300 คดี", "420"],
               ["3. ร้อยละความพึงพอใจของนักท่องเที่ยว", "30", "1 = 80, 2 = 82, 3 = 84, 4 = 86, 5 = 88", "85"],
               ["4. ความสำเร็จของการบริหารจัดการ", "10", "พิจารณาจากความครบถ้วนของการดำเนินการ 3 ด้าน", ""],
               ["รวม", "110", "", ""]])
    ex = extract(doc("ผลการดำเนินงานตามตัวชี้วัด ปีงบประมาณ พ.ศ. 2563", t), ctx())
    r1, r2, r3, r4 = ex.records
    assert (_levels(r1), r1.unit, r1.actual) == ([80, 85, 90, 95, 100], "%", 92)
    assert (_levels(r2), r2.unit, r2.direction) == ([500, 450, 400, 350, 300], "คดี", "lower")
    assert (_levels(r3), r3.unit) == ([80, 82, 84, 86, 88], "%")
    assert _levels(r4) == [None] * 5          # a description, not a ladder


def test_kpi_ladder_unit_of_a_ladder_row_is_not_taken_from_the_row_above():
    ex = extract(doc(
        "ตัวชี้วัดที่ 3 ร้อยละความสำเร็จของการพัฒนาคุณภาพบริการ (น้ำหนัก ร้อยละ 15)",
        table([["ตัวชี้วัดย่อย", "เกณฑ์การให้คะแนน", "น้ำหนัก"],
               ["3.1 ร้อยละของผู้ป่วยที่ได้รับบริการภายใน 2 ชั่วโมง", "", "5"],
               ["3.2 อัตราความคลาดเคลื่อนทางยา (ต่อ 1,000 ใบสั่งยา)", "", "10"],
               ["รวม", "", "15"]]),
        table([["ระดับคะแนน", "1", "2", "3", "4", "5"],
               ["ผู้ป่วยที่ได้รับบริการภายใน 2 ชั่วโมง (ร้อยละ)", "70", "75", "80", "85", "90"],
               ["ความคลาดเคลื่อนทางยา (ครั้ง ต่อ 1,000 ใบสั่งยา)", "5", "4", "3", "2", "1"]])), ctx())
    subs = {r.item_no: r for r in ex.records if r.parent_item}
    assert subs["3.1"].unit == "%" and _levels(subs["3.1"]) == [70, 75, 80, 85, 90]
    assert subs["3.2"].unit != "%" and _levels(subs["3.2"]) == [5, 4, 3, 2, 1]


# ---------------------------------------------------------------- through the batch

def _csv(path):
    return list(csv.DictReader(io.StringIO(path.read_bytes()[3:].decode("utf-8"), newline="")))


def test_batch_form72_docx_with_two_row_header_levels_dittos_and_sub_indicators(tmp_path):
    from docx import Document as Docx
    d = Docx()
    d.add_paragraph("แบบฟอร์มที่ 7.2")
    d.add_paragraph("กรมควบคุมโรค ประจำปีงบประมาณ พ.ศ. 2567")
    rows = [
        ["ที่", "ชื่อตัวชี้วัด", "หน่วยวัด", "ค่าน้ำหนัก (ร้อยละ)", "ค่าเป้าหมาย", "เกณฑ์การให้คะแนน", "", "", "", ""],
        ["", "", "", "", "", "ระดับ 1", "ระดับ 2", "ระดับ 3", "ระดับ 4", "ระดับ 5"],
        ["1", "ร้อยละของผู้ป่วยวัณโรคที่รักษาสำเร็จ", "ร้อยละ", "40", "88", "84", "85", "86", "87", "88"],
        ["2", "ร้อยละของอำเภอที่ควบคุมโรคได้ตามมาตรฐาน", "〃", "30", "80", "72", "74", "76", "78", "80"],
        ["3", "ความสำเร็จของการพัฒนาบุคลากร", "", "30", "", "", "", "", "", ""],
        ["3.1", "ร้อยละของบุคลากรที่ผ่านการอบรม", "ร้อยละ", "20", "100", "80", "85", "90", "95", "100"],
        ["3.2", "ระดับความสำเร็จของการจัดการความรู้", "ระดับ", "5", "5", "1", "2", "3", "4", "5"],
    ]
    t = d.add_table(rows=len(rows), cols=10)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            t.cell(r, c).text = text
    for c in (0, 1, 2, 3, 4):
        t.cell(0, c).merge(t.cell(1, c))
        t.cell(0, c).text = rows[0][c]
    t.cell(0, 5).merge(t.cell(0, 9)).text = "เกณฑ์การให้คะแนน"
    (tmp_path / "in" / "กรมควบคุมโรค").mkdir(parents=True)
    d.save(tmp_path / "in" / "กรมควบคุมโรค" / "ddc.docx")
    batch.run(tmp_path / "in", tmp_path / "out",
              batch.Settings(as_of=date(2024, 10, 1), progress=False, use_cache=False))
    recs = {r["item_no"]: r for r in _csv(tmp_path / "out" / "consolidated.csv")}
    assert sorted(recs) == ["1", "2", "3", "3.1", "3.2"]
    assert recs["2"]["unit"] == "%" and recs["2"]["level_1"] == "72"
    assert (recs["3.1"]["parent_item"], recs["3.2"]["parent_item"]) == ("3", "3")
    findings = [(f["code"], f["item_no"]) for f in _csv(tmp_path / "out" / "findings.csv")]
    # 20 + 5 is not the group's 30
    assert ("WEIGHT_SUM_MISMATCH", "3") in findings
    assert not [f for f in findings if f[1] in ("1", "2", "3.1", "3.2")]


def test_form72_indicators_numbered_after_their_dimension_are_not_dimension_rows():
    """`7.1.1 ร้อยละ…` is indicator 1 of dimension 7.1, not a row naming dimension 7.1."""
    t = table([["ตัวชี้วัด", "น้ำหนัก", "ค่าเป้าหมาย", "เกณฑ์การให้คะแนน"],
               ["7.1 มิติด้านประสิทธิผล", "", "", ""],
               ["7.1.1 ร้อยละของโครงการที่แล้วเสร็จ", "20", "100", "80\n85\n90\n95\n100"],
               ["7.1.2 ร้อยละของประชาชนที่ได้รับประโยชน์", "20", "90", "70\n75\n80\n85\n90"],
               ["๗.๒. มิติด้านคุณภาพการให้บริการ", "", "", ""],
               ["๗.๒.๑ ร้อยละความพึงพอใจ", "10", "90", "80\n82.5\n85\n87.5\n90"]])
    ex = extract(doc("แบบฟอร์มที่ 7.2 จังหวัดยโสธร ปีงบประมาณ 2567", t), ctx())
    assert [(r.item_no, r.dimension, r.level_5) for r in ex.records] == [
        ("7.1.1", "7.1", 100), ("7.1.2", "7.1", 90), ("7.2.1", "7.2", 90)]
    assert [r.name for r in ex.records][0] == "ร้อยละของโครงการที่แล้วเสร็จ"
    # no unit column, bare figures: an indicator named `ร้อยละ…` is in %
    assert {r.unit for r in ex.records} == {"%"}


def _sla_text_export(tmp_path, gap: str):
    """Slides saved as text: the sub-indicator table and the ladder rows in Thai digits, with or
    without a blank line between them (without one the reader sees one table)."""
    text = ("ตัวชี้วัดคุณภาพการให้บริการ จังหวัดยโสธร\nประจำปีงบประมาณ พ.ศ. ๒๕๖๘\n"
            "ตัวชี้วัดที่ ๕ ร้อยละความสำเร็จของการปรับปรุงกระบวนงานบริการ (น้ำหนัก ร้อยละ ๑๐)\n"
            "ตัวชี้วัดย่อย\tเกณฑ์การให้คะแนน\tน้ำหนัก\n"
            "๕.๑ ร้อยละของกระบวนงานที่ลดระยะเวลาการให้บริการได้ตามแผน\t\t๕\n"
            "๕.๒ ร้อยละความพึงพอใจของผู้รับบริการ\t\t๕\nรวม\t\t๑๐\n" + gap +
            "ระดับคะแนน (ร้อยละ)\t๑\t๒\t๓\t๔\t๕\n"
            "กระบวนงานที่ลดระยะเวลาได้ตามแผน\t๖๐\t๗๐\t๘๐\t๙๐\t๑๐๐\n"
            "ความพึงพอใจของผู้รับบริการ\t๖๕\t๗๐\t๗๕\t๘๐\t๘๕\n")
    inp = tmp_path / "in" / "yasothon"
    inp.mkdir(parents=True)
    (inp / "sla.txt").write_text(text, encoding="utf-8")
    batch.run(tmp_path / "in", tmp_path / "out",
              batch.Settings(as_of=date(2025, 10, 1), progress=False, use_cache=False))
    return {r["item_no"]: r for r in _csv(tmp_path / "out" / "consolidated.csv")}


def test_batch_kpi_ladder_text_export_ladder_rows_run_on_after_the_sub_indicator_table(tmp_path):
    for gap in ("", "\n"):
        recs = _sla_text_export(tmp_path / repr(gap), gap)
        assert sorted(recs) == ["5", "5.1", "5.2"]
        assert [recs["5.1"][f"level_{i}"] for i in range(1, 6)] == ["60", "70", "80", "90", "100"]
        assert [recs["5.2"][f"level_{i}"] for i in range(1, 6)] == ["65", "70", "75", "80", "85"]
        # `(ร้อยละ)` in the level header is the unit of every ladder row under it
        assert (recs["5.1"]["unit"], recs["5.2"]["unit"]) == ("%", "%")
