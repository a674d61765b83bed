"""Service offices' SLA indicator decks (land, transport, immigration, social security offices):
ladders written down a table one row per level, `ขั้นที่ 1 … 5` heads over thresholds, a number
column `ตัวชี้วัด` beside `ชื่อตัวชี้วัด`, a heading over its own indicator row, and a ladder drawn
as five level boxes on a slide. Real files (PPTX, DOCX, XLSX) read, extracted and validated."""
import pytest
from pptx import Presentation
from pptx.util import Pt

from extract_helpers import extract_file, write_docx, write_pptx
from plan_files import plan_xlsx

TIMES = ["ไม่เกิน 30 นาที", "ไม่เกิน 25 นาที", "ไม่เกิน 20 นาที", "ไม่เกิน 15 นาที", "ไม่เกิน 10 นาที"]


def levels(rec):
    return [rec.level_1, rec.level_2, rec.level_3, rec.level_4, rec.level_5]


def kpis(ex):
    return [r for r in ex.records if r.record_type == "kpi"]


def down(values):
    return [[str(k + 1), x] for k, x in enumerate(values)]


def test_ladders_down_tables_under_slide_headings(tmp_path):
    deck = write_pptx(tmp_path / "sla.pptx", [
        ("ตัวชี้วัดคุณภาพการให้บริการ สำนักงานที่ดินจังหวัดนครปฐม", ["ประจำปีงบประมาณ พ.ศ. 2568"]),
        ("ตัวชี้วัดที่ 1 ระยะเวลาเฉลี่ยในการให้บริการจดทะเบียนสิทธิและนิติกรรม",
         ["น้ำหนัก : ร้อยละ 10", [["ระดับคะแนน", "เกณฑ์การให้คะแนน"]] + down(TIMES)]),
        ("ตัวชี้วัดที่ 2 ร้อยละความพึงพอใจของผู้รับบริการ",
         ["น้ำหนัก : ร้อยละ 5", [["คะแนน", "ร้อยละ"]] + down([f"ร้อยละ {x}" for x in (60, 65, 70, 75, 80)])]),
        ("ตัวชี้วัดที่ 3 ระยะเวลาการให้บริการรังวัดที่ดิน",
         [[["คะแนน", "ระยะเวลาให้บริการ"]] + down(["≤ 25 นาที", "≤ 20 นาที", "≤ 15 นาที", "≤ 12 นาที", "≤ 10 นาที"])]),
    ])
    ex, _ = extract_file(deck)
    got = {r.item_no: r for r in kpis(ex)}
    assert sorted(got) == ["1", "2", "3"] and ex.forms == ["kpi_ladder"]
    one, two, three = got["1"], got["2"], got["3"]
    assert one.name == "ระยะเวลาเฉลี่ยในการให้บริการจดทะเบียนสิทธิและนิติกรรม" and one.weight == 10
    assert levels(one) == [30, 25, 20, 15, 10] and one.direction == "lower"
    assert one.ladder_raw.split(" | ") == TIMES
    assert levels(two) == [60, 65, 70, 75, 80] and two.direction == "higher" and two.unit == "%"
    assert levels(three) == [25, 20, 15, 12, 10] and three.direction == "lower"


def test_ladders_down_tables_named_in_and_beside_the_table(tmp_path):
    blocks = [
        "ตัวชี้วัดคุณภาพการให้บริการ สำนักงานตรวจคนเข้าเมืองจังหวัดภูเก็ต",
        "ตัวชี้วัด : ร้อยละของผู้รับบริการที่ได้รับบริการภายในเวลาที่กำหนด",
        "เกณฑ์การให้คะแนน",
        [["ระดับคะแนน", "เกณฑ์"]] + down([f"ร้อยละ {x}" for x in (80, 85, 90, 95, 100)]),
        "เกณฑ์การประเมิน",
        [["ชื่อตัวชี้วัด", "ระยะเวลาในการออกหนังสือเดินทาง"], ["ระดับ", "ระยะเวลา"]]
        + down(["ไม่เกิน 3 ชั่วโมง", "ไม่เกิน 2.5 ชั่วโมง", "ไม่เกิน 2 ชั่วโมง", "ไม่เกิน 1.5 ชั่วโมง",
                "ไม่เกิน 1 ชั่วโมง"]),
        [["ตัวชี้วัด", "ระดับคะแนน", "เกณฑ์"], ["ร้อยละความพึงพอใจของผู้รับบริการ", "5", "ร้อยละ 90"],
         ["", "4", "ร้อยละ 85"], ["", "3", "ร้อยละ 80"], ["", "2", "ร้อยละ 75"], ["", "1", "ร้อยละ 70"]],
    ]
    ex, _ = extract_file(write_docx(tmp_path / "sla.docx", blocks))
    got = {r.name: r for r in kpis(ex)}
    assert set(got) == {"ร้อยละของผู้รับบริการที่ได้รับบริการภายในเวลาที่กำหนด",
                        "ระยะเวลาในการออกหนังสือเดินทาง", "ร้อยละความพึงพอใจของผู้รับบริการ"}
    assert levels(got["ร้อยละของผู้รับบริการที่ได้รับบริการภายในเวลาที่กำหนด"]) == [80, 85, 90, 95, 100]
    passport = got["ระยะเวลาในการออกหนังสือเดินทาง"]
    assert levels(passport) == [3, 2.5, 2, 1.5, 1] and passport.direction == "lower"
    # levels written 5 down to 1: each threshold still goes to its own level
    assert levels(got["ร้อยละความพึงพอใจของผู้รับบริการ"]) == [70, 75, 80, 85, 90]


def test_ladder_down_a_worksheet(tmp_path):
    book = plan_xlsx(tmp_path / "sla.xlsx", ["ตัวชี้วัดที่ 1 ระยะเวลาเฉลี่ยในการให้บริการผู้ประกันตน"],
                     [["ระดับคะแนน", "เกณฑ์การให้คะแนน"]] + down(TIMES))
    ex, _ = extract_file(book)
    [rec] = kpis(ex)
    assert (rec.item_no, rec.name) == ("1", "ระยะเวลาเฉลี่ยในการให้บริการผู้ประกันตน")
    assert levels(rec) == [30, 25, 20, 15, 10] and rec.direction == "lower"


def test_ticks_down_a_table_are_no_ladder(tmp_path):
    # a milestone matrix's levels are ticks, and levels described in words are milestones
    ex, _ = extract_file(write_docx(tmp_path / "m.docx", [
        "ตัวชี้วัดที่ 1 ระยะเวลาเฉลี่ยในการให้บริการ",
        [["ระดับคะแนน", "เกณฑ์"]] + down(["✓", "✓", "✓", "✓", "✓"]),
        [["ระดับคะแนน", "เกณฑ์"]] + down(["ขั้นตอนที่ 1", "ขั้นตอนที่ 2", "ขั้นตอนที่ 3", "ขั้นตอนที่ 4",
                                         "ขั้นตอนที่ 5"]),
    ]))
    assert not any(r.ladder_raw for r in ex.records)
    # …while thresholds down the same table are
    ex, _ = extract_file(write_docx(tmp_path / "l.docx", [
        "ตัวชี้วัดที่ 1 ระยะเวลาเฉลี่ยในการให้บริการ", [["ระดับคะแนน", "เกณฑ์"]] + down(TIMES)]))
    assert [levels(r) for r in kpis(ex)] == [[30, 25, 20, 15, 10]]


def test_step_heads_over_thresholds_are_a_ladder(tmp_path):
    deck = write_pptx(tmp_path / "steps.pptx", [
        ("ตัวชี้วัดคุณภาพการให้บริการ สำนักงานขนส่งจังหวัดสงขลา", [
            [["ตัวชี้วัด", "น้ำหนัก", "ขั้นที่ 1", "ขั้นที่ 2", "ขั้นที่ 3", "ขั้นที่ 4", "ขั้นที่ 5"],
             ["1. ร้อยละความพึงพอใจของผู้รับบริการ", "10", "60", "65", "70", "75", "80"],
             ["2. ระยะเวลาเฉลี่ยในการต่อทะเบียนรถ", "10", "30 นาที", "25 นาที", "20 นาที", "15 นาที",
              "10 นาที"]]]),
    ])
    ex, _ = extract_file(deck)
    assert ex.forms == ["kpi_ladder"]
    got = {r.item_no: r for r in kpis(ex)}
    assert sorted(got) == ["1", "2"]
    assert levels(got["1"]) == [60, 65, 70, 75, 80] and got["1"].weight == 10
    assert levels(got["2"]) == [30, 25, 20, 15, 10] and got["2"].direction == "lower"
    # ticks under the same heads remain a milestone matrix
    deck = write_pptx(tmp_path / "matrix.pptx", [
        ("ตัวชี้วัดที่ 1 ระดับความสำเร็จของการจัดตั้งศูนย์บริการร่วม", [
            [["ระดับคะแนน", "ขั้นตอนที่ 1", "ขั้นตอนที่ 2", "ขั้นตอนที่ 3", "ขั้นตอนที่ 4", "ขั้นตอนที่ 5"]]
            + [[str(k)] + ["✓"] * k + [""] * (5 - k) for k in range(1, 6)]]),
    ])
    ex, _ = extract_file(deck)
    assert ex.forms == ["kpi_report"]


def test_number_column_beside_the_name_column(tmp_path):
    deck = write_pptx(tmp_path / "numbers.pptx", [
        ("ตัวชี้วัดคุณภาพการให้บริการ สำนักงานประกันสังคมจังหวัดขอนแก่น", [
            [["ตัวชี้วัด", "ชื่อตัวชี้วัด", "น้ำหนัก", "1", "2", "3", "4", "5"],
             ["1", "ร้อยละความพึงพอใจของผู้รับบริการ", "10", "60", "65", "70", "75", "80"],
             ["2", "ระดับความสำเร็จของการให้บริการ", "10", "", "", "", "", ""],
             ["2.1", "ร้อยละของคำขอที่ดำเนินการแล้วเสร็จ", "5", "80", "85", "90", "95", "100"],
             ["2.2", "ระยะเวลาเฉลี่ยในการให้บริการ", "5", "30", "25", "20", "15", "10"]]]),
    ])
    ex, findings = extract_file(deck)
    got = [(r.item_no, r.parent_item, r.name) for r in kpis(ex)]
    assert got == [("1", "", "ร้อยละความพึงพอใจของผู้รับบริการ"),
                   ("2", "", "ระดับความสำเร็จของการให้บริการ"),
                   ("2.1", "2", "ร้อยละของคำขอที่ดำเนินการแล้วเสร็จ"),
                   ("2.2", "2", "ระยะเวลาเฉลี่ยในการให้บริการ")]
    assert levels(kpis(ex)[0]) == [60, 65, 70, 75, 80]


def test_heading_over_its_own_row_is_one_indicator(tmp_path):
    head = ["ตัวชี้วัด", "น้ำหนัก", "1", "2", "3", "4", "5"]
    subs = [["2.1 ร้อยละความพึงพอใจของผู้รับบริการ", "5", "60", "65", "70", "75", "80"],
            ["2.2 ร้อยละของงานที่แล้วเสร็จตามข้อตกลง", "5", "80", "85", "90", "95", "100"]]
    name = "ระดับความสำเร็จของการจัดทำข้อตกลงระดับการให้บริการ"
    deck = write_pptx(tmp_path / "heading.pptx", [
        (f"ตัวชี้วัดที่ 2 {name}", ["น้ำหนัก : ร้อยละ 10", [head, [f"2. {name}", "10"] + [""] * 5] + subs]),
    ])
    ex, _ = extract_file(deck)
    assert [(r.item_no, r.parent_item) for r in kpis(ex)] == [("2", ""), ("2.1", "2"), ("2.2", "2")]
    assert kpis(ex)[0].name == name and kpis(ex)[0].weight == 10
    # the heading written again as the table's first row: the header's `น้ำหนัก` before the
    # level heads `1 2 3 4 5` states no weight
    deck = write_pptx(tmp_path / "row.pptx", [
        (f"ตัวชี้วัดที่ 2 {name}", [[head, [f"ตัวชี้วัดที่ 2 {name}"] + [""] * 6] + subs]),
    ])
    ex, _ = extract_file(deck)
    assert [(r.item_no, r.weight) for r in kpis(ex)] == [("2", None), ("2.1", 5), ("2.2", 5)]


def test_ladder_as_five_level_boxes(tmp_path):
    prs = Presentation()
    s = prs.slides.add_slide(prs.slide_layouts[5])
    s.shapes.title.text = "ตัวชี้วัดที่ 1 ระยะเวลาเฉลี่ยในการให้บริการผู้ประกันตน"
    s.shapes.add_textbox(Pt(30), Pt(110), Pt(600), Pt(24)).text_frame.text = "เกณฑ์การให้คะแนน"
    for k, x in enumerate(TIMES):
        s.shapes.add_textbox(Pt(30 + 130 * k), Pt(200), Pt(120), Pt(60)).text_frame.text = f"ระดับ {k + 1} {x}"
    s = prs.slides.add_slide(prs.slide_layouts[5])
    s.shapes.title.text = "ตัวชี้วัดที่ 2 ร้อยละความพึงพอใจของผู้รับบริการ"
    for k, x in enumerate((60, 65, 70, 75, 80)):
        box = s.shapes.add_textbox(Pt(30 + 130 * k), Pt(200), Pt(120), Pt(60)).text_frame
        box.text = f"ระดับ {k + 1}"
        box.add_paragraph().text = f"ร้อยละ {x}"       # the threshold under the level
    prs.save(tmp_path / "boxes.pptx")
    ex, _ = extract_file(tmp_path / "boxes.pptx")
    got = {r.item_no: r for r in kpis(ex)}
    assert sorted(got) == ["1", "2"]
    assert levels(got["1"]) == [30, 25, 20, 15, 10] and got["1"].direction == "lower"
    assert levels(got["2"]) == [60, 65, 70, 75, 80] and got["2"].unit == "%"


@pytest.mark.parametrize("title", ["ประจำปีงบประมาณ พ.ศ. 2570 สำนักงานขนส่งจังหวัดเชียงราย",
                                   "ปีงบประมาณ 2570 สำนักงานขนส่งจังหวัดเชียงราย"])
def test_heading_alone_over_the_year_line_is_named_by_its_table(tmp_path, title):
    """`ตัวชี้วัดที่ 3` alone, the title's year-and-agency line under it, and the name in the
    table's `ชื่อตัวชี้วัด` row: one indicator, named by the table, with the stated weight."""
    name = "ระยะเวลาเฉลี่ยในการให้บริการชำระภาษีรถประจำปี"
    path = write_docx(tmp_path / "best.docx", [
        "ตัวชี้วัดที่ 3", title, "น้ำหนัก : ร้อยละ 5",
        [["ชื่อตัวชี้วัด", name], ["ระดับคะแนน", "ระยะเวลาให้บริการ"]] + down(TIMES)])
    ex, _ = extract_file(path)
    assert [(r.item_no, r.name, r.weight) for r in kpis(ex)] == [("3", name, 5)]
    assert levels(kpis(ex)[0]) == [30, 25, 20, 15, 10] and kpis(ex)[0].direction == "lower"
