"""Recognising a form 7.2 table whose header has no dimension, plan or target column
(`ตัวชี้วัด | หน่วยวัด | น้ำหนัก | เกณฑ์การให้คะแนน 1 … 5`, the header of a percentage-ladder KPI
table too): its dimensions written as rows of their own across the table, or the form's title
above it, make it form 7.2; a banner fused into the first level's cell (`เกณฑ์การให้คะแนน 1 | 2 …`)
still gives five level columns. Each test builds its document and asks the extractors or the batch."""
from __future__ import annotations

import csv
from datetime import date

from extract_helpers import ctx, doc, table

from extractors import extract
from extractors import recognize as R
from pipeline import batch

HEAD = [["ตัวชี้วัด", "หน่วยวัด", "น้ำหนัก (ร้อยละ)", "เกณฑ์การให้คะแนน", "", "", "", ""],
        ["", "", "", "1", "2", "3", "4", "5"]]
MERGES = {(0, 0): (2, 1), (0, 1): (2, 1), (0, 2): (2, 1), (0, 3): (1, 5)}


def _kpi(no, name, w, ladder, unit="ร้อยละ"):
    return [f"{no}. {name}", unit, str(w)] + [str(x) for x in ladder]


def _dim(text):
    return [text] + [""] * 7


def _table(body, head=HEAD, merges=MERGES):
    rows = head + body
    m = dict(merges)
    for r, row in enumerate(rows):
        if r >= len(head) and all(not x for x in row[1:]):
            m[(r, 0)] = (1, len(row))            # a dimension row merged across the table
    return table(rows, merges=m)


def _levels(r):
    return [r.level_1, r.level_2, r.level_3, r.level_4, r.level_5]


BODY = [_dim("7.1 มิติที่ 1 ด้านประสิทธิผล"),
        _kpi(1, "ร้อยละของเกษตรกรที่นำความรู้ไปใช้", 4, [70, 72, 74, 76, 78]),
        _kpi(2, "ร้อยละของหมู่บ้านที่มีน้ำสะอาดใช้ตลอดปี", 3, [80, 85, 90, 95, 100]),
        _dim("7.2 มิติที่ 2 ด้านคุณภาพการให้บริการ"),
        _kpi(3, "ร้อยละความพึงพอใจของผู้รับบริการ", 3, [75, 80, 85, 90, 95]),
        _dim("7.3 มิติที่ 3 ด้านประสิทธิภาพของการปฏิบัติราชการ")]


def test_dimension_rows_make_a_kpi_ladder_header_form72():
    ex = extract(doc("ตัวชี้วัดจังหวัดชัยภูมิ ประจำปีงบประมาณ พ.ศ. 2563", _table(BODY)), ctx())
    assert ex.forms == ["form72"]
    assert [(r.item_no, r.dimension, r.weight) for r in ex.records] == \
        [("1", "7.1", 4), ("2", "7.1", 3), ("3", "7.2", 3)]
    assert [r.form for r in ex.records] == ["form72"] * 3
    assert _levels(ex.records[1]) == [80, 85, 90, 95, 100]
    # the dimension rows are dimensions, not indicators; 7.3 has none
    assert [(d.dimension, d.indicator_count) for d in ex.dimensions] == [("7.1", 2), ("7.2", 1), ("7.3", 0)]


def test_dimension_rows_in_thai_digits_and_without_the_form_number():
    body = [_dim("๗.๑ ด้านประสิทธิผล"), _kpi(1, "ร้อยละของผู้สูงอายุที่ได้รับการดูแล", 5, [70, 72, 74, 76, 78]),
            _dim("มิติที่ 4 ด้านการพัฒนาองค์การ"), _kpi(2, "ร้อยละของบุคลากรที่ได้รับการพัฒนา", 5, [60, 65, 70, 75, 80])]
    ex = extract(doc("ตัวชี้วัด สำนักงานพัฒนาสังคมจังหวัดลำปาง ปีงบประมาณ 2566", _table(body)), ctx())
    assert ex.forms == ["form72"]
    assert [r.dimension for r in ex.records] == ["7.1", "7.4"]


def test_form72_title_above_makes_a_table_without_dimensions_form72():
    body = [_kpi(1, "ร้อยละของคดีที่พิจารณาแล้วเสร็จ", 10, [80, 82, 84, 86, 88]),
            _kpi(2, "ร้อยละความพึงพอใจของผู้รับบริการ", 5, [80, 82, 84, 86, 88])]
    ex = extract(doc("แบบฟอร์มที่ 7.2 ตัวชี้วัด สำนักงานยุติธรรมจังหวัดตรัง ปีงบประมาณ 2568",
                     _table(body)), ctx())
    assert ex.forms == ["form72"]
    assert [(r.item_no, r.form, r.weight) for r in ex.records] == [("1", "form72", 10), ("2", "form72", 5)]


def test_without_dimension_rows_or_title_the_table_stays_a_kpi_ladder():
    # the same header under another title, indicators numbered 7.1 / 7.2 under a group 7:
    # neither a dimension row nor a form 7.2 title
    body = [["7. การให้บริการตามมาตรฐาน", "", "10", "", "", "", "", ""],
            _kpi("7.1", "ร้อยละของคำขอที่ดำเนินการภายในเวลามาตรฐาน", 5, [80, 85, 90, 95, 100]),
            _kpi("7.2", "ร้อยละความพึงพอใจของผู้รับบริการ", 5, [75, 80, 85, 90, 95])]
    t = _table(body)
    assert R.classify_table(t) is None
    ex = extract(doc("ตัวชี้วัดมาตรฐานการให้บริการ กองทะเบียน ปีงบประมาณ 2567", t), ctx())
    assert "form72" not in ex.forms
    assert {r.form for r in ex.records} == {"kpi_ladder"}


def test_another_forms_title_after_the_form72_title_ends_it():
    body = [_kpi(1, "ร้อยละของคำขอที่ดำเนินการภายในเวลา", 5, [80, 85, 90, 95, 100])]
    ex = extract(doc("แบบฟอร์มที่ 7.2 ตัวชี้วัด", "แบบฟอร์มที่ 3 รายงานตัวชี้วัดมาตรฐานการให้บริการ",
                     _table(body)), ctx())
    assert "form72" not in ex.forms


def test_banner_fused_into_the_first_level_cell():
    head = [["ตัวชี้วัด", "หน่วยนับ", "ค่าน้ำหนัก", "เกณฑ์การให้คะแนน 1", "2", "3", "4", "5"]]
    body = [_dim("๗.๑ ด้านประสิทธิผล"),
            _kpi(1, "อัตราตายทารกแรกเกิด", 5, [5, 4.5, 4, 3.5, 3], unit="ต่อพันการเกิดมีชีพ"),
            _kpi(2, "ร้อยละของหญิงตั้งครรภ์ที่ฝากครรภ์ก่อน 12 สัปดาห์", 5, [70, 72.5, 75, 77.5, 80])]
    ex = extract(doc("สำนักงานสาธารณสุขจังหวัดลำพูน ปีงบประมาณ 2569", _table(body, head, {})), ctx())
    assert ex.forms == ["form72"]
    assert [_levels(r) for r in ex.records] == [[5, 4.5, 4, 3.5, 3], [70, 72.5, 75, 77.5, 80]]
    assert [r.dimension for r in ex.records] == ["7.1", "7.1"]


def test_level_columns_without_a_banner_word():
    head = [["ตัวชี้วัด", "หน่วยวัด", "น้ำหนัก", "ระดับ 1", "ระดับ 2", "ระดับ 3", "ระดับ 4", "ระดับ 5"]]
    body = [_dim("7.1 ด้านประสิทธิผล"), _kpi(1, "ร้อยละของนักเรียนที่ผ่านเกณฑ์", 10, [50, 55, 60, 65, 70]),
            _dim("7.3 ด้านประสิทธิภาพของการปฏิบัติราชการ"),
            _kpi(2, "ระยะเวลาเฉลี่ยในการออกคำสั่ง", 5, [30, 25, 20, 15, 10], unit="วัน")]
    ex = extract(doc("สำนักงานเขตพื้นที่การศึกษาขอนแก่น เขต 1 ปีงบประมาณ 2565", _table(body, head, {}), fmt="pdf"),
                 ctx())
    assert ex.forms == ["form72"]
    assert [(r.dimension, _levels(r)) for r in ex.records] == \
        [("7.1", [50, 55, 60, 65, 70]), ("7.3", [30, 25, 20, 15, 10])]


def test_dimension_row_words():
    assert R._dimension_row("7.1 มิติที่ 1 ด้านประสิทธิผล")
    assert R._dimension_row("7.3 มิติด้านประสิทธิภาพ")
    assert R._dimension_row("มิติที่ 2")
    assert R._dimension_row("๗.๔ ด้านการพัฒนาองค์การ")
    assert not R._dimension_row("7.1 ร้อยละของผู้ป่วยที่ได้รับการรักษา")
    assert not R._dimension_row("7.1.1 ด้านประสิทธิผล")
    assert not R._dimension_row("7.15 ด้านประสิทธิผล")
    assert not R._dimension_row("7.1")


def _read(path):
    with open(path, encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def test_batch_csv_with_the_banner_fused_and_dimension_rows(tmp_path):
    src = tmp_path / "in" / "lamphun"
    src.mkdir(parents=True)
    lines = ["แบบฟอร์ม 7.2 ตัวชี้วัดคำรับรองฯ สำนักงานสาธารณสุขจังหวัดลำพูน ปีงบประมาณ 2569,,,,,,,",
             "ตัวชี้วัด,หน่วยนับ,ค่าน้ำหนัก,เกณฑ์การให้คะแนน 1,2,3,4,5",
             "๗.๑ ด้านประสิทธิผล,,,,,,,",
             "1. อัตราตายทารกแรกเกิด,ต่อพันการเกิดมีชีพ,5,5,4.5,4,3.5,3",
             "๗.๒ ด้านคุณภาพการให้บริการ,,,,,,,",
             "2. ร้อยละของประชาชนที่เข้าถึงบริการการแพทย์ฉุกเฉิน,ร้อยละ,5,20,22,24,26,28",
             "๗.๓ ด้านประสิทธิภาพของการปฏิบัติราชการ,,,,,,,"]
    (src / "lamphun_form72_2569.csv").write_text("\r\n".join(lines) + "\r\n", encoding="utf-8-sig")
    batch.run(tmp_path / "in", tmp_path / "out",
              batch.Settings(as_of=date(2026, 11, 22), progress=False, use_cache=False))
    rows = _read(tmp_path / "out" / "consolidated.csv")
    assert [(r["form"], r["item_no"], r["dimension"], r["weight"], r["level_2"]) for r in rows] == \
        [("form72", "1", "7.1", "5", "4.5"), ("form72", "2", "7.2", "5", "22")]
    codes = [f["code"] for f in _read(tmp_path / "out" / "findings.csv")]
    assert "NO_FORM_FOUND" not in codes and "WEIGHT_MISSING" not in codes
    assert codes.count("DIMENSION_EMPTY") == 1


def test_ladder_bands_in_level_columns_and_a_bilingual_total_row():
    """Level cells written as bands (`70-74.99`) give their lower bound; a `Total / รวม` row under
    the indicators is the weights' total, not an indicator."""
    body = BODY[:2] + [_kpi(2, "ร้อยละของหมู่บ้านที่มีน้ำสะอาดใช้ตลอดปี", 3,
                            ["70-74.99", "75-79.99", "80-84.99", "85-89.99", "90 ขึ้นไป"]),
                       ["Total / รวม", "", "7", "", "", "", "", ""]]
    ex = extract(doc("ตัวชี้วัดจังหวัดชัยภูมิ ประจำปีงบประมาณ พ.ศ. 2563", _table(body)), ctx())
    assert [r.item_no for r in ex.records] == ["1", "2"]
    assert _levels(ex.records[1]) == [70, 75, 80, 85, 90]
