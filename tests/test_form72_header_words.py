"""Header words of form 7.2 tables and the rows that head their indicators across the table:
a numbered policy (`นโยบายที่ 2 : …`) written as a row of its own, or as a line between the
tables of a text export that an empty row split, is the plan of the indicators under it. Header
words written the short or the other way: the weight as `นน. (%)`, `นน.` or `น.น.`, the item
number as `ข้อ`, the indicator as `ประเด็นการวัด` (beside a number column `ตัวชี้วัดที่`). A
three-letter abbreviation names a column only when the cell says exactly it: `นน` or `นนท.` is no
weight. Each test writes a real file and reads it as a run would."""
from __future__ import annotations

from datetime import date

import pytest

from extract_helpers import ctx
from extractors import common as C
from extractors import extract
from pipeline.readers import read_document
from pipeline.validate import validate
from plan_files import plan_docx, plan_tsv, plan_xlsx

AS_OF = date(2026, 11, 22)


def _write(path, paras, rows):
    fmt = path.suffix.lstrip(".")
    if fmt == "xlsx":
        return plan_xlsx(path, paras, rows)
    if fmt == "docx":
        return plan_docx(path, paras, rows)
    if fmt == "csv":
        import csv
        with open(path, "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            for p in paras:
                w.writerow([p] + [""] * (len(rows[0]) - 1))
            w.writerows(rows)
        return path
    return plan_tsv(path, paras, rows)


def _run(path):
    ex = extract(read_document(path), ctx(name=path.name, agency=""))
    kpis = {r.item_no: r for r in ex.records if r.record_type == "kpi"}
    return ex, kpis, sorted((f.item_no, f.code) for f in validate(ex, AS_OF))


def _levels(r):
    return [r.level_1, r.level_2, r.level_3, r.level_4, r.level_5]


POLICY = [
    ["ที่", "ตัวชี้วัด", "หน่วยวัด", "น้ำหนัก", "ค่าเป้าหมาย", "ระดับ 1", "ระดับ 2", "ระดับ 3", "ระดับ 4", "ระดับ 5"],
    ["นโยบายที่ 1 : ด้านความปลอดภัยของผู้เรียน"] + [""] * 9,
    ["1", "ร้อยละของสถานศึกษาที่ผ่านการประเมินมาตรฐานความปลอดภัย", "ร้อยละ", "30", "100", "80", "85", "90", "95", "100"],
    [""] * 10,
    ["นโยบายที่ 2 : ด้านการยกระดับคุณภาพการศึกษา"] + [""] * 9,
    ["2", "จำนวนโรงเรียนที่จัดการเรียนการสอนแบบทวิศึกษา", "โรงเรียน", "25", "12", "4", "6", "8", "10", "12"],
    ["3", "ร้อยละของนักเรียนที่ได้รับการคัดกรองและช่วยเหลือ", "ร้อยละ", "20", "95", "75", "80", "85", "90", "95"],
]


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "tsv", "docx"])
def test_numbered_policy_rows_are_the_plan(tmp_path, fmt):
    paras = ["แบบฟอร์มที่ 7.2 ปีงบประมาณ พ.ศ. 2570", "สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาลำปาง ลำพูน"]
    ex, kpis, _ = _run(_write(tmp_path / f"form72_2570.{fmt}", paras, POLICY))
    assert ex.forms == ["form72"]
    assert {k: r.plan for k, r in kpis.items()} == {
        "1": "นโยบายที่ 1 : ด้านความปลอดภัยของผู้เรียน",
        "2": "นโยบายที่ 2 : ด้านการยกระดับคุณภาพการศึกษา",
        "3": "นโยบายที่ 2 : ด้านการยกระดับคุณภาพการศึกษา"}
    assert [kpis[k].weight for k in "123"] == [30, 25, 20]
    assert _levels(kpis["2"]) == [4, 6, 8, 10, 12]


TITLE = ["แบบฟอร์มที่ 7.2 ปีงบประมาณ พ.ศ. 2569", "กรมหม่อนไหม"]


@pytest.mark.parametrize("head", ["นน. (%)", "นน.", "น.น.", "นน.(ร้อยละ)"])
@pytest.mark.parametrize("fmt", ["csv", "xlsx", "docx"])
def test_weight_headed_with_its_abbreviation(tmp_path, head, fmt):
    rows = [["ที่", "ตัวชี้วัด", "มิติ", "หน่วยนับ", head, "1", "2", "3", "4", "5"],
            ["1", "ร้อยละการเบิกจ่ายงบประมาณตามแผน", "7.3", "ร้อยละ", "20", "85", "88", "90", "92", "95"],
            ["2", "ร้อยละความพึงพอใจของเกษตรกรต่อการให้บริการ", "7.2", "ร้อยละ", "15", "80", "82", "84", "86", "88"]]
    ex, kpis, findings = _run(_write(tmp_path / f"form72.{fmt}", TITLE, rows))
    assert ex.forms == ["form72"]
    assert {k: r.weight for k, r in kpis.items()} == {"1": 20, "2": 15}
    assert _levels(kpis["2"]) == [80, 82, 84, 86, 88]
    assert not [f for f in findings if f[1] == "WEIGHT_MISSING"]


@pytest.mark.parametrize("fmt", ["docx", "xlsx", "tsv"])
def test_items_numbered_under_kho(tmp_path, fmt):
    rows = [["ข้อ", "ตัวชี้วัด", "มิติ", "หน่วย", "ค่าน้ำหนัก", "1", "2", "3", "4", "5"],
            ["1", "ผลสัมฤทธิ์ทางการเรียนของผู้เรียน", "7.1", "", "20", "", "", "", "", ""],
            ["1.1", "ร้อยละของนักเรียนที่มีผลการเรียนเฉลี่ย 3.00 ขึ้นไป", "7.1", "ร้อยละ", "10", "50", "55", "60", "65", "70"],
            ["1.2", "ร้อยละของนักเรียนที่ผ่านการประเมินการอ่าน", "7.1", "ร้อยละ", "5", "80", "84", "88", "92", "96"]]
    paras = ["แบบฟอร์มที่ 7.2 ปีงบประมาณ พ.ศ. 2570", "โรงเรียนสตรีวิทยา 2"]
    ex, kpis, findings = _run(_write(tmp_path / f"KPI.{fmt}", paras, rows))
    assert sorted(kpis) == ["1", "1.1", "1.2"]
    assert kpis["1.1"].parent_item == "1" and kpis["1.2"].parent_item == "1"
    # the parent states the total of its sub-indicators: 10 + 5 is not 20; it has no ladder of its own
    assert ("1", "WEIGHT_SUM_MISMATCH") in findings
    assert ("1", "LADDER_INCOMPLETE") not in findings


# an education area office's form 7.2 export: the indicator headed `ประเด็นการวัด` beside its
# number `ตัวชี้วัดที่`, percentages written `80%`, an empty row after each indicator, the unit
# repeated by a ditto mark, policy rows across the table and notes under it
LAMPANG = [
    ["ตัวชี้วัดที่", "ประเด็นการวัด", "หน่วยวัด", "น้ำหนัก (%)", "ค่าเป้าหมาย", "ระดับ 1", "ระดับ 2", "ระดับ 3", "ระดับ 4", "ระดับ 5"],
    ["นโยบายที่ 1 : ด้านความปลอดภัยของผู้เรียน"] + [""] * 9,
    ["1", "ร้อยละของสถานศึกษาที่ผ่านการประเมินมาตรฐานความปลอดภัย", "ร้อยละ", "30", "100%", "80%", "85%", "90%", "95%", "100%"],
    [""] * 10,
    ["2", "ร้อยละของนักเรียนที่ได้รับการคัดกรองและช่วยเหลือ", '"', "20", "95%", "75%", "80%", "85%", "90%", "95%"],
    [""] * 10,
    ["นโยบายที่ 2 : ด้านการยกระดับคุณภาพการศึกษา"] + [""] * 9,
    ["3", "ร้อยละของนักเรียนชั้น ม.3 ที่มีคะแนน O-NET วิชาภาษาอังกฤษเพิ่มขึ้น", "ร้อยละ", "-", "3%", "1%", "1.5%", "2%", "2.5%", "3%"],
    [""] * 10,
    ["4", "จำนวนโรงเรียนที่จัดการเรียนการสอนแบบทวิศึกษา", "โรงเรียน", "25", "12", "4", "6", "8", "10", "12"],
    [""] * 10,
    ["หมายเหตุ : ตัวชี้วัดที่ 3 อยู่ระหว่างพิจารณาค่าน้ำหนัก"] + [""] * 9,
]


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "tsv"])
def test_indicator_headed_as_the_issue_measured(tmp_path, fmt):
    paras = ["แบบฟอร์มที่ 7.2 ตัวชี้วัดตามคำรับรองการปฏิบัติราชการ ปีงบประมาณ พ.ศ. 2570",
             "สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาลำปาง ลำพูน"]
    ex, kpis, findings = _run(_write(tmp_path / f"form72_2570.{fmt}", paras, LAMPANG))
    assert ex.forms == ["form72"]
    assert sorted(kpis) == ["1", "2", "3", "4"]
    assert all(r.form == "form72" for r in kpis.values())
    assert [kpis[k].weight for k in "1234"] == [30, 20, None, 25]
    assert [kpis[k].target for k in "1234"] == [100, 95, 3, 12]
    assert [kpis[k].unit for k in "1234"] == ["%", "%", "%", "โรงเรียน"]
    assert _levels(kpis["1"]) == [80, 85, 90, 95, 100]
    assert _levels(kpis["3"]) == [1, 1.5, 2, 2.5, 3]
    assert _levels(kpis["4"]) == [4, 6, 8, 10, 12]
    assert kpis["4"].plan == "นโยบายที่ 2 : ด้านการยกระดับคุณภาพการศึกษา"
    # the note under the table names indicator 3; it is no record of its own
    assert not [r for r in ex.records if "พิจารณา" in r.name]
    assert [f for f in findings if f[1] == "WEIGHT_MISSING"] == [("3", "WEIGHT_MISSING")]


def test_three_letter_abbreviation_is_matched_as_written():
    roles = C.vocab("form72")
    for cell in ("นน.", "นน. (%)", "น.น."):
        assert C.match_role(cell, roles)[0] == "weight"
    # one letter off is another word (a place's abbreviation, a name), or the dot left out
    for cell in ("นนท.", "ชนน.", "นน"):
        assert C.match_role(cell, roles) == ("", 0.0)
    # a short word without a dot keeps its fuzzy match (a PDF that lost the tone mark of `ที่`)
    assert C.match_role("ที", roles)[0] == "item"
