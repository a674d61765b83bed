"""Agencies of their own (police stations, prisons, an education area over two provinces, a
central office the title names beside a department a table names), `ตัวชี้วัดที่ N` numbering
in form 7.2, and a fiscal year a plan's title writes `ประจำปี 2571`: each test builds its
document (a Word file, or one in code) and asks the extractors."""
from __future__ import annotations

import pytest

from extract_helpers import ctx, doc, table, write_docx

from extractors import extract
from pipeline.readers import read_document
from plan_files import extract_titled_plan


def _plan(tmp_path, title_lines, units=("งานแผนงาน",)):
    return extract_titled_plan(tmp_path, ["แผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. 2569", *title_lines],
                               [(f"กิจกรรมที่ทดสอบ {k}", u) for k, u in enumerate(units)])


def _agencies(ex):
    return {r.agency for r in ex.records}


@pytest.mark.parametrize("line,units,agency", [
    ("สถานีตำรวจภูธรเมืองลำพูน", ("งานสืบสวน", "งานจราจร"), "สถานีตำรวจภูธรเมืองลำพูน"),
    ("สถานีตำรวจนครบาลลุมพินี", ("งานป้องกันปราบปราม",), "สถานีตำรวจนครบาลลุมพินี"),
    # the prison, not the department written after it
    ("เรือนจำกลางเชียงใหม่ กรมราชทัณฑ์", ("ฝ่ายฝึกวิชาชีพ",), "เรือนจำกลางเชียงใหม่"),
    ("ทัณฑสถานหญิงเชียงใหม่", ("ฝ่ายการศึกษา",), "ทัณฑสถานหญิงเชียงใหม่"),
    # the central office of the title, not the department a table names as responsible
    ("สำนักงานปลัดกระทรวงการท่องเที่ยวและกีฬา", ("กรมการท่องเที่ยว", "กรมพลศึกษา"),
     "สำนักงานปลัดกระทรวงการท่องเที่ยวและกีฬา"),
    # an education area over two provinces names both
    ("สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาลำปาง ลำพูน", ("กลุ่มนิเทศ",),
     "สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาลำปาง ลำพูน"),
    # ... and a word after one province's area is not a province
    ("สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาเชียงใหม่ กลุ่มนโยบายและแผน", ("กลุ่มนิเทศ",),
     "สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาเชียงใหม่"),
])
def test_agency_of_its_own_named_in_the_title(tmp_path, line, units, agency):
    ex = _plan(tmp_path, [line], units)
    assert ex.records
    assert _agencies(ex) == {agency}


def test_a_department_the_title_names_still_wins_over_one_in_the_table(tmp_path):
    ex = _plan(tmp_path, ["กรมพลศึกษา กระทรวงการท่องเที่ยวและกีฬา"], ("กรมการท่องเที่ยว",))
    assert _agencies(ex) == {"กรมพลศึกษา"}


HEAD = ["ตัวชี้วัดที่", "ชื่อตัวชี้วัด", "หน่วยวัด", "น้ำหนัก", "ค่าเป้าหมาย", "1", "2", "3", "4", "5"]


def test_form72_numbering_in_a_column_headed_tuachiwat_thi_nests(tmp_path):
    path = write_docx(tmp_path / "f72.docx", [
        "แบบฟอร์มที่ 7.2", "กรมทดสอบ ประจำปีงบประมาณ พ.ศ. 2569",
        [HEAD,
         ["ตัวชี้วัดที่ 1", "คุณภาพการให้บริการ", "", "15", "", "", "", "", "", ""],
         ["ตัวชี้วัดที่ 1.1", "ร้อยละความพึงพอใจของผู้รับบริการ", "ร้อยละ", "5", "90", "70", "75", "80", "85", "90"],
         ["ตัวชี้วัดที่ 1.2", "ร้อยละของคำขอที่ดำเนินการแล้วเสร็จ", "ร้อยละ", "5", "90", "70", "75", "80", "85", "90"]]])
    ex = extract(read_document(path), ctx(name=path.name))
    kpis = [r for r in ex.records if r.record_type == "kpi"]
    assert [(r.item_no, r.parent_item, r.name) for r in kpis] == [
        ("1", "", "คุณภาพการให้บริการ"),
        ("1.1", "1", "ร้อยละความพึงพอใจของผู้รับบริการ"),
        ("1.2", "1", "ร้อยละของคำขอที่ดำเนินการแล้วเสร็จ")]


def test_form72_numbering_written_in_the_name_cell():
    t = table([["ตัวชี้วัด", "น้ำหนัก", "เป้าหมาย", "1", "2", "3", "4", "5"],
               ["ตัวชี้วัดที่ 1 ร้อยละของงานวิจัยที่นำไปใช้ประโยชน์", "50", "30", "10", "15", "20", "25", "30"],
               ["ตัวชี้วัดที่ ๒: ร้อยละความพึงพอใจของนิสิต", "50", "85", "75", "77.5", "80", "82.5", "85"]])
    ex = extract(doc("แบบฟอร์มที่ 7.2", "มหาวิทยาลัยทดสอบ ประจำปีงบประมาณ พ.ศ. 2569", t), ctx())
    assert [(r.item_no, r.name) for r in ex.records if r.record_type == "kpi"] == [
        ("1", "ร้อยละของงานวิจัยที่นำไปใช้ประโยชน์"), ("2", "ร้อยละความพึงพอใจของนิสิต")]


def test_form72_a_lone_indicator_column_headed_tuachiwat_thi_keeps_its_indicators():
    # `ตัวชี้วัดที่` is the numbering's heading only beside another indicator column
    t = table([["ตัวชี้วัดที่", "น้ำหนัก", "ค่าเป้าหมาย", "1", "2", "3", "4", "5"],
               ["1. ร้อยละของงานวิจัยที่นำไปใช้ประโยชน์", "50", "30", "10", "15", "20", "25", "30"],
               ["2. ร้อยละความพึงพอใจของนิสิต", "50", "85", "75", "77.5", "80", "82.5", "85"]])
    ex = extract(doc("แบบฟอร์มที่ 7.2", "มหาวิทยาลัยทดสอบ ประจำปีงบประมาณ พ.ศ. 2569", t), ctx())
    assert [(r.item_no, r.name) for r in ex.records if r.record_type == "kpi"] == [
        ("1", "ร้อยละของงานวิจัยที่นำไปใช้ประโยชน์"), ("2", "ร้อยละความพึงพอใจของนิสิต")]


@pytest.mark.parametrize("title,fy", [
    ("แผนปฏิบัติการ ประจำปี 2571", 2571),
    ("แผนปฏิบัติการประจำปี พ.ศ. ๒๕๗๑", 2571),
    # an annual event in a table is no fiscal year, nor is an academic year
    ("แผนปฏิบัติการ ประจำปีการศึกษา 2568", None),
])
def test_fiscal_year_a_plans_title_writes_without_budget(title, fy):
    t = table([["ลำดับ", "กิจกรรม", "เริ่มต้น", "สิ้นสุด", "งบประมาณ (บาท)", "ผู้รับผิดชอบ"],
               ["1", "ตรวจสุขภาพประจำปี 2575", "ต.ค.", "ธ.ค.", "1,000", "งานบุคคล"]])
    ex = extract(doc(title, "การไฟฟ้าส่วนภูมิภาค", t), ctx(fiscal_year=None))
    assert ex.records
    assert {r.fiscal_year for r in ex.records} == {fy}


def test_activity_plan_completion_day_written_in_english():
    # C.DAY_WRITTEN reads English days too (`Completed 15 December 2025`)
    t = table([["ลำดับ", "กิจกรรม", "เริ่มต้น", "สิ้นสุด", "งบประมาณ (บาท)", "ผลการดำเนินงาน"],
               ["1", "จัดอบรมเจ้าหน้าที่", "ต.ค. 68", "ธ.ค. 68", "1,000", "Completed 15 December 2025"],
               ["2", "ประเมินผลการอบรม", "ม.ค. 69", "มี.ค. 69", "1,000", "แล้วเสร็จ Mar 5, 2026"]])
    ex = extract(doc("แผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. 2569", "สำนักงานสาธารณสุขจังหวัดพะเยา", t), ctx())
    assert [(r.status, r.completed) for r in ex.records if r.record_type == "activity"] == [
        ("done", "2025-12-15"), ("done", "2026-03-05")]
