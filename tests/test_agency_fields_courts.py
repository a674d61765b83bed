"""Agencies named in a form's labelled field at its top (`ชื่อหน่วยงาน | …` as a table row),
courts, offices named by their initials or after their province without `จังหวัด`, and
independent organisations."""
import pytest
from openpyxl import Workbook

from extractors import common as C
from extractors import extract
from extract_helpers import ctx
from pipeline.readers import read_document
from plan_files import PLAN_HEAD, extract_titled_plan, plan_docx

ITEMS = [("ประชุมคณะทำงาน", "กลุ่มงานแผน"), ("จัดทำรายงานผล", "กลุ่มงานแผน")]


@pytest.mark.parametrize("title,agency", [
    ("แผนปฏิบัติราชการ ประจำปีงบประมาณ พ.ศ. 2568\nศาลเยาวชนและครอบครัวจังหวัดขอนแก่น",
     "ศาลเยาวชนและครอบครัวจังหวัดขอนแก่น"),
    ("แผนปฏิบัติการ ศาลจังหวัดเชียงราย ประจำปีงบประมาณ 2570", "ศาลจังหวัดเชียงราย"),
    ("แผนปฏิบัติการ ศาลแขวงพระนครเหนือ ปีงบประมาณ 2569", "ศาลแขวงพระนครเหนือ"),
    ("รายงานผลการดำเนินงานตามตัวชี้วัด รอบ 12 เดือน ปีงบประมาณ 2569\nสำนักงาน ป.ป.ช. ประจำจังหวัดน่าน",
     "สำนักงาน ป.ป.ช. ประจำจังหวัดน่าน"),
    ("รายงานผลการดำเนินงานตามตัวชี้วัด ประจำปีงบประมาณ พ.ศ. 2569\nสำนักงานผู้ตรวจการแผ่นดิน",
     "สำนักงานผู้ตรวจการแผ่นดิน"),
    ("แผนปฏิบัติการ ประจำปีงบประมาณ 2569\nสำนักงานพัฒนาฝีมือแรงงานพะเยา", "สำนักงานพัฒนาฝีมือแรงงานพะเยา"),
    ("แผนปฏิบัติการ สถานีพัฒนาที่ดินน่าน ปีงบประมาณ 2569", "สถานีพัฒนาที่ดินน่าน"),
    ("แผนปฏิบัติราชการ แขวงทางหลวงพะเยา ปีงบประมาณ 2570", "แขวงทางหลวงพะเยา"),
    ("ด่านตรวจคนเข้าเมืองท่าอากาศยานภูเก็ต\nสรุปผลตัวชี้วัดมาตรฐานการให้บริการ ประจำปีงบประมาณ พ.ศ. 2569",
     "ด่านตรวจคนเข้าเมืองท่าอากาศยานภูเก็ต"),
    # an office that names no province stays what it was
    ("แผนปฏิบัติการ ศูนย์ราชการสะดวก ปีงบประมาณ 2569 จังหวัดน่าน", "จังหวัดน่าน"),
])
def test_a_court_or_an_independent_office_in_the_title_is_the_agency(tmp_path, title, agency):
    ex = extract_titled_plan(tmp_path, title.split("\n"), ITEMS)
    assert {r.agency for r in ex.records} == {agency}


def test_a_provincial_hall_is_no_court(tmp_path):
    ex = extract_titled_plan(tmp_path, ["แผนปฏิบัติการ สำนักงานจังหวัดลำปาง ปีงบประมาณ 2569",
                                        "ศาลากลางจังหวัดลำปาง ถนนบุญวาทย์"], ITEMS)
    assert {r.agency for r in ex.records} == {"จังหวัดลำปาง"}


def test_the_agency_field_of_a_word_form(tmp_path):
    import docx
    d = docx.Document()
    d.add_paragraph("แบบฟอร์มที่ 7.2 ตัวชี้วัดตามคำรับรองการปฏิบัติราชการ")
    fields = d.add_table(rows=3, cols=2)
    for r, (k, v) in enumerate([("ชื่อหน่วยงาน", "ศาลจังหวัดเชียงราย"), ("สังกัด", "สำนักงานศาลยุติธรรม"),
                                ("ปีงบประมาณ", "พ.ศ. 2570")]):
        fields.cell(r, 0).text, fields.cell(r, 1).text = k, v
    t = d.add_table(rows=3, cols=len(PLAN_HEAD))
    for r, row in enumerate([PLAN_HEAD, ["1", "ประชุมคณะทำงาน", "1 เดือน", "ต.ค. 69", "ต.ค. 69", "10,000", "กลุ่มงานแผน"],
                             ["2", "จัดทำรายงานผล", "1 เดือน", "พ.ย. 69", "พ.ย. 69", "10,000", "กลุ่มงานแผน"]]):
        for c, v in enumerate(row):
            t.cell(r, c).text = v
    d.save(tmp_path / "plan.docx")
    ex = extract(read_document(tmp_path / "plan.docx"), ctx(name="plan.docx", agency="folder"))
    assert ex.records and {r.agency for r in ex.records} == {"ศาลจังหวัดเชียงราย"}


def test_the_agency_field_of_a_spreadsheet(tmp_path):
    wb = Workbook()
    ws = wb.active
    for row in [["หน่วยงาน", "โรงพยาบาลพระนครศรีอยุธยา"], ["ปีงบประมาณ", "2568"], [],
                PLAN_HEAD, ["1", "ประชุมคณะทำงาน", "1 เดือน", "ต.ค. 67", "ต.ค. 67", "10,000", "กลุ่มงานแผน"],
                ["2", "จัดทำรายงานผล", "1 เดือน", "พ.ย. 67", "พ.ย. 67", "10,000", "กลุ่มงานแผน"]]:
        ws.append(row)
    wb.save(tmp_path / "plan.xlsx")
    ex = extract(read_document(tmp_path / "plan.xlsx"), ctx(name="plan.xlsx", agency="folder"))
    assert ex.records and {r.agency for r in ex.records} == {"โรงพยาบาลพระนครศรีอยุธยา"}


def test_a_unit_field_further_down_is_not_the_title():
    # a field inside the table (a responsible unit) names no agency; the title does
    text = ("แผนปฏิบัติการ ประจำปีงบประมาณ 2569 กรมทรัพยากรน้ำ\n"
            "ลำดับ\tกิจกรรม\tหน่วยงาน\n1\tประชุม\tสำนักงานทรัพยากรน้ำภาคที่ 4")
    assert C.find_agency(text) == "กรมทรัพยากรน้ำ"
    assert C.find_agency("หน่วยงาน\tสำนักงานทรัพยากรน้ำภาคที่ 4\nปีงบประมาณ\t2569") == \
        "สำนักงานทรัพยากรน้ำภาคที่ 4"


@pytest.mark.parametrize("lines,agency", [
    (["รายงานผลตัวชี้วัด ปีงบประมาณ 2567",
      "หน่วยงาน: สวนสัตว์เชียงใหม่ องค์การสวนสัตว์แห่งประเทศไทย ในพระบรมราชูปถัมภ์"], "สวนสัตว์เชียงใหม่"),
    (["แผนปฏิบัติการ ปีงบประมาณ 2569", "ชื่อหน่วยงาน : การยางแห่งประเทศไทย"], "การยางแห่งประเทศไทย"),
    (["แผนปฏิบัติการ ปีงบประมาณ 2569", "หน่วยงาน: โรงพยาบาลลำพูน กระทรวงสาธารณสุข"], "โรงพยาบาลลำพูน"),
    # the general rules decide for a province's office, and a group inside the agency is none
    (["แผนปฏิบัติการ ปีงบประมาณ 2569", "หน่วยงาน : สำนักงานจังหวัดลำปาง"], "จังหวัดลำปาง"),
    (["แผนปฏิบัติการ จังหวัดลำปาง ปีงบประมาณ 2569", "หน่วยงาน : กลุ่มงานยุทธศาสตร์"], "จังหวัดลำปาง"),
])
def test_a_labelled_agency_field_names_its_office_first(tmp_path, lines, agency):
    ex = extract_titled_plan(tmp_path, lines, ITEMS)
    assert {r.agency for r in ex.records} == {agency}
