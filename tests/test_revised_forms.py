"""Revised and resubmitted forms: old values struck through in Word (ฉบับแก้ไข), an unsigned
block before a page footer, a misspelt month in a milestone's deadline, and lower-is-better
injury rates. Real files built here, read, extracted and validated as a run does."""
from __future__ import annotations

import docx

from extract_helpers import extract_file, write_csv

FORM72_HEAD = ["ที่", "ตัวชี้วัด", "หน่วยนับ", "น้ำหนัก", "ค่าเป้าหมาย", "1", "2", "3", "4", "5"]


def _cell(cell, text: str) -> None:
    """Text into a cell; `~old~new` writes `old` struck through, then `new`."""
    p = cell.paragraphs[0]
    if text.startswith("~"):
        _, old, new = text.split("~")
        p.add_run(old).font.strike = True
        p.add_run(new)
    else:
        p.add_run(text)


def _form72_docx(path, target: str, weight: str):
    d = docx.Document()
    d.add_paragraph("แบบฟอร์มที่ 7.2 ตัวชี้วัด สำนักงานคลังจังหวัดมุกดาหาร ปีงบประมาณ พ.ศ. 2569")
    rows = [FORM72_HEAD,
            ["1", "ร้อยละการเบิกจ่ายงบประมาณ", "ร้อยละ", weight, target, "80", "85", "90", "95", "100"],
            ["2", "จำนวนหน่วยงานที่ได้รับการตรวจสอบ", "แห่ง", "50", "20", "12", "14", "16", "18", "20"]]
    t = d.add_table(rows=len(rows), cols=len(FORM72_HEAD))
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            _cell(t.cell(r, c), v)
    d.save(path)
    return path


def test_struck_through_old_values_are_left_out(tmp_path):
    ex, findings = extract_file(_form72_docx(tmp_path / "revised.docx", "~95~100", "~40~50"))
    first = ex.records[0]
    assert (first.target, first.weight) == (100, 50)
    assert not any(code == "WEIGHT_SUM_MISMATCH" for _, code in findings)
    plain, _ = extract_file(_form72_docx(tmp_path / "plain.docx", "100", "50"))
    assert [(r.target, r.weight) for r in plain.records] == [(r.target, r.weight) for r in ex.records]


def _report_docx(path, footer: bool):
    d = docx.Document()
    if footer:
        d.sections[0].footer.paragraphs[0].text = "สำนักงานประมงจังหวัดชุมพร หน้า 1"
    for line in ("รายงานผลการดำเนินงานตามตัวชี้วัด สำนักงานประมงจังหวัดชุมพร ปีงบประมาณ พ.ศ. 2568",
                 "ตัวชี้วัดที่ 1 ระดับความสำเร็จของการจัดทำแผน", "น้ำหนัก 10"):
        d.add_paragraph(line)
    matrix = [["ระดับคะแนน"] + [f"ขั้นตอนที่ {i}" for i in range(1, 6)]] + [
        [str(lv)] + ["✓" if s <= lv else "" for s in range(1, 6)] for lv in range(1, 6)]
    m = d.add_table(rows=len(matrix), cols=6)
    for r, row in enumerate(matrix):
        for c, v in enumerate(row):
            m.cell(r, c).text = v
    rows = [["ขั้นตอนที่", "รายละเอียด", "กำหนดแล้วเสร็จ", "ผลการดำเนินงาน"]] + [
        [str(i), f"ขั้นตอนการดำเนินงานที่ {i}", f"30 {m} 68", f"แล้วเสร็จ 20 {m} 68"]
        for i, m in zip(range(1, 6), ["ม.ค.", "มี.ค.", "พ.ค.", "ก.ค.", "ก.ย."])]
    t = d.add_table(rows=len(rows), cols=4)
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            t.cell(r, c).text = v
    d.add_paragraph("ลงชื่อ ..................................... ผู้รายงาน")
    d.add_paragraph("วันที่ ........................")
    d.save(path)
    return path


def test_an_unsigned_reporter_block_is_unsigned_with_or_without_a_page_footer(tmp_path):
    for footer in (True, False):
        _, findings = extract_file(_report_docx(tmp_path / f"r{footer}.docx", footer))
        assert ("", "UNSIGNED") in findings, footer


MATRIX = [["ระดับ"] + [f"ขั้นตอนที่ {i}" for i in range(1, 6)]] + [
    [f"ระดับ {lv}"] + ["✓" if s <= lv else "" for s in range(1, 6)] for lv in range(1, 6)]


def test_a_misspelt_month_in_a_milestone_deadline_is_reported(tmp_path):
    rows = [["ขั้นตอนที่", "กิจกรรม", "กำหนดแล้วเสร็จ", "ผลการดำเนินงาน"],
            ["1", "แต่งตั้งคณะทำงาน", "31 ธ.ค. 2566", "แล้วเสร็จ 20 ธ.ค. 66"],
            ["2", "จัดทำแผน", "29 ก.พ. 2567", "แล้วเสร็จ 20 ก.พ. 67"],
            ["3", "ดำเนินการตามแผน", "30 เมษยน 2567", "แล้วเสร็จ 20 เม.ย. 67"],
            ["4", "ติดตามผล", "30 มิ.ย. 2567", "แล้วเสร็จ 20 มิ.ย. 67"],
            ["5", "สรุปผล", "30 ก.ย. 2567", "แล้วเสร็จ 20 ก.ย. 67"]]
    path = write_csv(tmp_path / "rep.csv", ["รายงานผลตัวชี้วัด สำนักงานแรงงานจังหวัดลำพูน ปีงบประมาณ 2567",
                                        "ตัวชี้วัดที่ 1 ระดับความสำเร็จของการจัดทำแผน", "น้ำหนัก 10"], MATRIX, rows)
    ex, findings = extract_file(path)
    third = next(r for r in ex.records if r.record_type == "milestone" and r.item_no == "3")
    assert third.deadline == "2024-04-30"
    assert ("3", "DATE_CORRECTED") in findings
    assert [code for _, code in findings if code == "DATE_CORRECTED"] == ["DATE_CORRECTED"]


def test_injury_rates_are_lower_is_better(tmp_path):
    rows = [["ลำดับ", "ตัวชี้วัด", "หน่วยนับ", "น้ำหนัก", "ค่าเป้าหมาย", "ระดับ 1", "ระดับ 2", "ระดับ 3", "ระดับ 4", "ระดับ 5"],
            ["1", "อัตราการประสบอันตรายจากการทำงาน", "ต่อพันราย", "50", "3", "3", "4", "5", "6", "7"],
            ["2", "อัตราการบาดเจ็บจากการทำงานของลูกจ้าง", "ต่อพันราย", "50", "2", "6", "5", "4", "3", "2"]]
    path = write_csv(tmp_path / "f72.csv", ["แบบฟอร์มที่ 7.2 สำนักงานสวัสดิการและคุ้มครองแรงงานจังหวัดลำพูน ปีงบประมาณ 2567"], rows)
    ex, findings = extract_file(path)
    assert [(r.item_no, r.direction) for r in ex.records] == [("1", "lower"), ("2", "lower")]
    assert ("1", "DIRECTION_MISMATCH") in findings and ("2", "DIRECTION_MISMATCH") not in findings
