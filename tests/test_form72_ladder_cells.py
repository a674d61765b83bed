"""Form 7.2 and indicator-ladder tables whose level cells and first rows the readers lost:
a level-of-success indicator (ladder `1 2 3 4 5`) first under bare level headings,
level headings with a qualifier (`คะแนน 1 (ต่ำสุด)`), a code column (`รหัส`), a plan written
on every row, band cells (`70.00-74.99`) rising and falling, `-` / `ไม่มีตัวชี้วัด` rows, a
group's weight in its name, one indicator per slide under `ตัวชี้วัดที่ N`. Each test builds
its document and asks the extractors (and the validator for findings)."""
from __future__ import annotations

from datetime import date

from extract_helpers import ctx, doc, table

from extractors import extract
from pipeline.validate import validate
from schemas import Document, Page, Paragraph

TITLE = "แบบฟอร์มที่ 7.2 ตัวชี้วัดตามแผนพัฒนาองค์การ กรมทดสอบ ปีงบประมาณ พ.ศ. 2569"


def _levels(r):
    return [r.level_1, r.level_2, r.level_3, r.level_4, r.level_5]


def _x(rows, title=TITLE, fmt="docx", merges=None):
    return extract(doc(title, table(rows, merges=merges), fmt=fmt), ctx())


def _codes(ex):
    return {(f.code, f.item_no or f.name) for f in validate(ex, date(2026, 11, 22))}


def test_level_of_success_indicator_first_under_bare_level_heads_is_kept():
    for fmt in ("docx", "tsv"):
        ex = _x([["ที่", "ตัวชี้วัด", "มิติ", "น้ำหนัก", "เป้าหมาย", "1", "2", "3", "4", "5"],
                 ["1", "ระดับความสำเร็จของการจัดทำแผนยุทธศาสตร์", "7.1", "50", "5", "1", "2", "3", "4", "5"],
                 ["2", "ร้อยละของการเบิกจ่ายงบประมาณภาพรวม", "7.3", "50", "96", "92", "93", "94", "95", "96"]],
                fmt=fmt)
        assert [r.item_no for r in ex.records] == ["1", "2"]
        assert _levels(ex.records[0]) == [1, 2, 3, 4, 5]
        assert ex.records[0].weight == 50


def test_two_row_level_heading_still_skipped():
    # `เกณฑ์การให้คะแนน` over `1 … 5` on a row of their own: that row is heading, not data
    ex = _x([["ที่", "ตัวชี้วัด", "น้ำหนัก", "เกณฑ์การให้คะแนน", "", "", "", ""],
             ["", "", "", "1", "2", "3", "4", "5"],
             ["1", "ร้อยละของการเบิกจ่ายงบประมาณ", "50", "92", "93", "94", "95", "96"]],
            merges={(0, 3): (1, 5)})
    assert [r.name for r in ex.records] == ["ร้อยละของการเบิกจ่ายงบประมาณ"]
    assert _levels(ex.records[0]) == [92, 93, 94, 95, 96]


def test_plan_written_on_every_row_is_not_repeated():
    pl = "โครงการพัฒนาศักยภาพนักศึกษาสู่ผู้ประกอบการ"
    ex = _x([["มิติ", "ตัวชี้วัด", "น้ำหนัก", "เป้าหมาย", "1", "2", "3", "4", "5", "แผนงาน/โครงการ"],
             ["7.1", "ร้อยละของนักศึกษาที่ผ่านการทดสอบ", "50", "80", "60", "65", "70", "75", "80", pl],
             ["7.1", "ร้อยละของหลักสูตรที่มีความร่วมมือ", "50", "50", "30", "35", "40", "45", "50", pl]],
            fmt="xlsx")
    assert [r.plan for r in ex.records] == [pl, pl]


def test_level_heads_with_a_qualifier_and_code_and_side_columns():
    ex = _x([["รหัส", "ตัวชี้วัด", "ด้าน", "ค่าน้ำหนัก", "ค่าเป้าหมาย", "คะแนน 1 (ต่ำสุด)", "คะแนน 2",
              "คะแนน 3", "คะแนน 4", "คะแนน 5 (สูงสุด)"],
             ["KPI-01", "ร้อยละความพึงพอใจของผู้ใช้น้ำ", "ด้านคุณภาพการให้บริการ", "50", "90",
              "70", "75", "80", "85", "90"],
             ["KPI-02", "ร้อยละการเบิกจ่ายงบประมาณ", "ด้านประสิทธิภาพ", "50", "96", "92", "93", "94", "95", "96"]],
            fmt="csv")
    assert [r.item_no for r in ex.records] == ["KPI-01", "KPI-02"]
    assert [r.name for r in ex.records] == ["ร้อยละความพึงพอใจของผู้ใช้น้ำ", "ร้อยละการเบิกจ่ายงบประมาณ"]
    assert [r.dimension for r in ex.records] == ["7.2", "7.3"]
    assert _levels(ex.records[0]) == [70, 75, 80, 85, 90]


def test_falling_band_ladder_takes_the_upper_ends_in_form72():
    ex = _x([["ตัวชี้วัด", "มิติ", "น้ำหนัก", "เป้าหมาย", "1", "2", "3", "4", "5"],
             ["1. ร้อยละของคำขอที่ดำเนินการล่าช้าเกินกำหนด", "7.2", "100", "12",
              "18.01-20.00", "16.01-18.00", "14.01-16.00", "12.01-14.00", "≤ 12.00"],
             ["2. ร้อยละของการเบิกจ่าย", "7.3", "100", "90",
              "70.00-74.99", "75.00-79.99", "80.00-84.99", "85.00-89.99", "≥ 90.00"]])
    assert _levels(ex.records[0]) == [20, 18, 16, 14, 12]
    assert _levels(ex.records[1]) == [70, 75, 80, 85, 90]


LADDER_HEAD = ["ตัวชี้วัด", "น้ำหนัก", "ระดับ 1", "ระดับ 2", "ระดับ 3", "ระดับ 4", "ระดับ 5", "ผลการดำเนินงาน"]
LADDER_TITLE = "สำนักงานทดสอบ ผลการดำเนินงานตามคำรับรอง ปีงบประมาณ พ.ศ. 2567"


def test_ladder_reader_reads_band_cells_rising_and_falling():
    ex = _x([LADDER_HEAD,
             ["1. ร้อยละการเบิกจ่ายงบประมาณรายจ่ายลงทุน", "50", "70.00-74.99", "75.00-79.99",
              "80.00-84.99", "85.00-89.99", "≥ 90.00", "82.50"],
             ["2. ร้อยละของคำขอที่ล่าช้า", "50", "18.01-20.00", "16.01-18.00", "14.01-16.00",
              "12.01-14.00", "≤ 12.00", "15"]], title=LADDER_TITLE, fmt="xlsx")
    assert ex.forms == ["kpi_ladder"]
    assert _levels(ex.records[0]) == [70, 75, 80, 85, 90]
    assert _levels(ex.records[1]) == [20, 18, 16, 14, 12]


def test_ladder_reader_worded_levels_are_a_level_of_success():
    ex = _x([LADDER_HEAD,
             ["1. ระดับความสำเร็จของการตรวจสอบการเบิกจ่าย", "40", "แต่งตั้งคณะทำงาน", "จัดทำแผน",
              "ตรวจสอบครบ", "รายงานผล", "ติดตามการแก้ไข", "ระดับ 4"],
             ["2. ร้อยละของเงินกู้ยืมที่ติดตามได้", "60", "60", "65", "70", "75", "80", "72"]],
            title=LADDER_TITLE, fmt="xlsx")
    assert _levels(ex.records[0]) == [1, 2, 3, 4, 5]
    assert ex.records[0].actual == 4


def test_ladder_reader_level_of_success_under_two_row_level_heads_on_a_slide():
    # `เกณฑ์การให้คะแนน` over `1 … 5`, and an indicator whose ladder is the levels themselves
    pages = [Page(number=1, blocks=[Paragraph(text=LADDER_TITLE, raw=LADDER_TITLE)])]
    for n, (name, lv, act) in enumerate([("ร้อยละของแหล่งท่องเที่ยวที่ได้รับการรับรอง", [60, 65, 70, 75, 80], "72.50"),
                                         ("ระดับความสำเร็จของการจัดทำฐานข้อมูลสถิติ", [1, 2, 3, 4, 5], "4")], 1):
        t = table([["ตัวชี้วัด", "หน่วยนับ", "น้ำหนัก", "เกณฑ์การให้คะแนน", "", "", "", "", "ผลการดำเนินงาน"],
                   ["", "", "", "1", "2", "3", "4", "5", ""],
                   [name, "ร้อยละ", "50"] + [str(v) for v in lv] + [act]],
                  merges={(0, 3): (1, 5)}, index=n)
        pages.append(Page(number=n + 1, blocks=[Paragraph(text=f"ตัวชี้วัดที่ {n}", raw=f"ตัวชี้วัดที่ {n}"), t]))
    ex = extract(Document(path="test.pptx", format="pptx", pages=pages), ctx())
    assert [r.item_no for r in ex.records] == ["1", "2"]
    assert _levels(ex.records[1]) == [1, 2, 3, 4, 5]
    assert ex.records[1].actual == 4


def test_dash_indicator_under_a_dimension_is_no_record_and_the_dimension_is_empty():
    ex = _x([["มิติ", "ตัวชี้วัด", "น้ำหนัก", "1", "2", "3", "4", "5"],
             ["ด้านประสิทธิผล", "ร้อยละของนักศึกษาที่ผ่านการทดสอบ", "50", "60", "65", "70", "75", "80"],
             ["", "จำนวนธุรกิจเริ่มต้นที่นักศึกษาจัดตั้ง", "50", "4", "6", "8", "10", "12"],
             ["ด้านการพัฒนาองค์การ", "-", "", "", "", "", "", ""]],
            fmt="xlsx", merges={(1, 0): (2, 1)})
    assert [r.name for r in ex.records] == ["ร้อยละของนักศึกษาที่ผ่านการทดสอบ",
                                            "จำนวนธุรกิจเริ่มต้นที่นักศึกษาจัดตั้ง"]
    assert any(code == "DIMENSION_EMPTY" for code, _ in _codes(ex))


def test_no_indicator_row_is_not_appended_to_the_indicator_above():
    ex = _x([["ตัวชี้วัด", "น้ำหนัก (%)", "ค่าเป้าหมาย", "1", "2", "3", "4", "5"],
             ["7.2 มิติด้านคุณภาพการให้บริการ", "", "", "", "", "", "", ""],
             ["ตัวชี้วัดที่ 2 ร้อยละความพึงพอใจของนิสิต", "50", "85", "75", "77.5", "80", "82.5", "85"],
             ["7.3 มิติด้านประสิทธิภาพ", "", "", "", "", "", "", ""],
             ["- ไม่มีตัวชี้วัด -", "", "", "", "", "", "", ""],
             ["7.4 มิติด้านการพัฒนาองค์การ", "", "", "", "", "", "", ""],
             ["ตัวชี้วัดที่ 3 ร้อยละของบุคลากรที่มีตำแหน่งทางวิชาการ", "50", "60", "50", "52.5", "55", "57.5", "60"]])
    assert len(ex.records) == 2
    assert "ไม่มีตัวชี้วัด" not in ex.records[0].name
    assert ex.records[0].name.endswith("ร้อยละความพึงพอใจของนิสิต")


def test_group_weight_written_in_the_name():
    ex = _x([LADDER_HEAD,
             ["2. ประสิทธิภาพการบริหารการเงินการคลังภาครัฐ (น้ำหนัก 30)", "", "", "", "", "", "", ""],
             ["2.1 ร้อยละการเบิกจ่ายงบประมาณรายจ่ายลงทุน", "15", "70", "75", "80", "85", "90", "82.5"],
             ["2.2 ร้อยละของเงินกู้ยืมที่ติดตามได้", "10", "60", "65", "70", "75", "80", "72.5"]],
            title=LADDER_TITLE, fmt="xlsx")
    group = next(r for r in ex.records if r.item_no == "2")
    assert group.weight == 30
    assert group.name == "ประสิทธิภาพการบริหารการเงินการคลังภาครัฐ"
    assert ("WEIGHT_SUM_MISMATCH", "2") in _codes(ex)


def test_one_indicator_per_slide_under_its_number():
    pages = [Page(number=1, blocks=[Paragraph(text=LADDER_TITLE, raw=LADDER_TITLE)])]
    n = 0
    for no, name, lv, act in [("1", "ร้อยละของแหล่งท่องเที่ยวที่ได้รับการรับรอง", [60, 65, 70, 75, 80], "72.50"),
                              ("2", "จำนวนมัคคุเทศก์ที่ได้รับการพัฒนาศักยภาพ", [800, 900, 1000, 1100, 1200], "950")]:
        n += 1
        t = table([["ตัวชี้วัด", "น้ำหนัก", "1", "2", "3", "4", "5", "ผลการดำเนินงาน"],
                   [name, "50"] + [str(v) for v in lv] + [act]], index=n)
        pages.append(Page(number=n + 1, blocks=[Paragraph(text=f"ตัวชี้วัดที่ {no}", raw=f"ตัวชี้วัดที่ {no}"), t]))
    ex = extract(Document(path="test.pptx", format="pptx", pages=pages), ctx())
    assert ex.forms == ["kpi_ladder"]
    got = [(r.item_no, r.name, r.weight, r.actual) for r in ex.records]
    assert got == [("1", "ร้อยละของแหล่งท่องเที่ยวที่ได้รับการรับรอง", 50, 72.5),
                   ("2", "จำนวนมัคคุเทศก์ที่ได้รับการพัฒนาศักยภาพ", 50, 950)]
    assert _levels(ex.records[1]) == [800, 900, 1000, 1100, 1200]
