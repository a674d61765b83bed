"""Security and education units' forms: a police sub-division (`กองกำกับการ 4 กองบังคับการตำรวจ
ทางหลวง`, `กองกำกับการสืบสวน ตำรวจภูธรจังหวัดเชียงราย`) and a provincial administration office
(`ที่ทำการปกครองจังหวัดลำพูน`) named in the title are the agency, not the province or the folder;
form 7.2 ladder columns headed by the criterion's value (`ค่าเกณฑ์ 1` … `ค่าเกณฑ์ 5`); an
indicator about preventing infection or accidents is not lower-is-better; a KPI report's
unnumbered indicator line `ตัวชี้วัด : <name>  น้ำหนัก ร้อยละ 25`. Each test writes a real file and
reads it as a run would."""
from __future__ import annotations

import pytest

from extract_helpers import extract_file, write_csv
from plan_files import plan_docx, plan_xlsx

LADDER = ["ระดับ 1", "ระดับ 2", "ระดับ 3", "ระดับ 4", "ระดับ 5"]


def _form72(path, title, rows, head=LADDER):
    table = [["ที่", "ตัวชี้วัด", "หน่วยวัด", "น้ำหนัก", "ค่าเป้าหมาย"] + head] + rows
    if path.suffix == ".xlsx":
        return plan_xlsx(path, title, table)
    if path.suffix == ".docx":
        return plan_docx(path, title, table)
    write_csv(path, title, table)
    return path


ONE = [["1", "ร้อยละของคดีอาชญากรรมกลุ่มที่ 1 ที่จับกุมได้", "ร้อยละ", "100", "60", "40", "45", "50", "55", "60"]]


@pytest.mark.parametrize("title,agency", [
    (["กองกำกับการ 4 กองบังคับการตำรวจทางหลวง", "แบบฟอร์มที่ 7.2 ปีงบประมาณ 2571"],
     "กองกำกับการ 4 กองบังคับการตำรวจทางหลวง"),
    (["กองกำกับการสืบสวน ตำรวจภูธรจังหวัดเชียงราย", "แบบฟอร์มที่ 7.2 ปีงบประมาณ 2568"],
     "กองกำกับการสืบสวน ตำรวจภูธรจังหวัดเชียงราย"),
    (["แบบฟอร์มที่ 7.2 ปีงบประมาณ 2569 กองกำกับการ 1 กองบังคับการตำรวจน้ำ"],
     "กองกำกับการ 1 กองบังคับการตำรวจน้ำ"),
    (["แบบฟอร์มที่ 7.2 ปีงบประมาณ พ.ศ. 2570", "ที่ทำการปกครองจังหวัดลำพูน"], "ที่ทำการปกครองจังหวัดลำพูน"),
])
@pytest.mark.parametrize("fmt", ["csv", "docx"])
def test_police_sub_division_and_provincial_administration_office_are_the_agency(tmp_path, title, agency, fmt):
    ex, _ = extract_file(_form72(tmp_path / f"form72.{fmt}", title, ONE))
    assert ex.forms == ["form72"]
    assert {r.agency for r in ex.records} == {agency}


def test_district_administration_office_still_reads_as_the_district(tmp_path):
    ex, _ = extract_file(_form72(tmp_path / "form72.csv", ["แบบฟอร์มที่ 7.2 ปีงบประมาณ 2569", "ที่ทำการปกครองอำเภอแม่ริม"], ONE))
    assert {r.agency for r in ex.records} == {"อำเภอแม่ริม"}


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "docx"])
def test_ladder_headed_by_criterion_values(tmp_path, fmt):
    rows = [["1", "ร้อยละของครูที่จัดการเรียนรู้เชิงรุก", "ร้อยละ", "60", "90", "70", "75", "80", "85", "90"],
            ["2", "ร้อยละของนักเรียนที่ออกกลางคัน", "ร้อยละ", "40", "0.5", "2.5", "2.0", "1.5", "1.0", "0.5"]]
    head = [f"ค่าเกณฑ์ {i}" for i in range(1, 6)]
    ex, findings = extract_file(_form72(tmp_path / f"f.{fmt}", ["แบบฟอร์มที่ 7.2 ปีงบประมาณ 2570", "กรมหม่อนไหม"], rows, head))
    kpis = {r.item_no: r for r in ex.records if r.record_type == "kpi"}
    assert [kpis["1"].level_1, kpis["1"].level_5] == [70, 90]
    assert [kpis["2"].level_1, kpis["2"].level_3, kpis["2"].level_5] == [2.5, 1.5, 0.5]
    assert kpis["2"].direction == "lower"
    assert not [f for f in findings if f[1].startswith("LADDER_")]


@pytest.mark.parametrize("name,direction,mismatch", [
    ("ร้อยละของบุคลากรที่ผ่านการอบรมหลักสูตรการป้องกันการติดเชื้อ", "higher", False),
    ("ร้อยละของโรงพยาบาลที่ผ่านมาตรฐานการป้องกันและควบคุมการติดเชื้อ", "higher", False),
    ("ร้อยละของสถานศึกษาที่มีมาตรการป้องกันอุบัติเหตุ", "higher", False),
    ("อัตราการติดเชื้อในโรงพยาบาล", "lower", True),        # still lower-is-better on a rising ladder
])
def test_prevention_indicator_is_not_lower_is_better(tmp_path, name, direction, mismatch):
    rows = [["1", name, "ร้อยละ", "100", "100", "80", "85", "90", "95", "100"]]
    ex, findings = extract_file(_form72(tmp_path / "f.csv", ["แบบฟอร์มที่ 7.2 ปีงบประมาณ 2569", "กรมหม่อนไหม"], rows))
    (k,) = [r for r in ex.records if r.record_type == "kpi"]
    assert k.direction == direction
    assert (("1", "DIRECTION_MISMATCH") in findings) is mismatch


def test_kpi_report_unnumbered_indicator_line_with_weight(tmp_path):
    from extract_helpers import write_docx
    matrix = [["ระดับคะแนน"] + [f"ขั้นตอนที่ {i}" for i in range(1, 6)]] + \
             [[f"ระดับ {i}"] + ["✓" if j <= i else "" for j in range(1, 6)] for i in range(1, 6)]
    steps = [["ขั้นตอนที่", "รายละเอียด", "กำหนดแล้วเสร็จ", "ผลการดำเนินงาน"]] + \
            [[str(i), f"ดำเนินการขั้นตอนที่ {i} ของการไกล่เกลี่ย", "31 ธ.ค. 2569", "ดำเนินการแล้ว 20 ธ.ค. 2569" if i == 1 else ""]
             for i in range(1, 6)]
    path = write_docx(tmp_path / "kpi.docx", [
        "รายงานความก้าวหน้าการดำเนินงานตามตัวชี้วัด รอบ 3 เดือน ที่ทำการปกครองจังหวัดลำพูน ปีงบประมาณ พ.ศ. 2570",
        "ตัวชี้วัด : ระดับความสำเร็จของการไกล่เกลี่ยข้อพิพาทโดยศูนย์ดำรงธรรมอำเภอ   น้ำหนัก ร้อยละ 25",
        matrix, steps])
    ex, _ = extract_file(path)
    (k,) = [r for r in ex.records if r.record_type == "kpi"]
    assert k.name == "ระดับความสำเร็จของการไกล่เกลี่ยข้อพิพาทโดยศูนย์ดำรงธรรมอำเภอ"
    assert k.weight == 25
    assert len([r for r in ex.records if r.record_type == "milestone"]) == 5
