"""Agencies that are units of a larger body: a department's numbered regional office or centre
(`สำนักงานทรัพยากรน้ำภาคที่ 4`, `ศูนย์อนามัยที่ 9 นครราชสีมา`), a university's faculty, and a district
office written `ที่ทำการปกครองอำเภอ…`. Each is the agency, not its department, university or
province. Also the direction of hospital and debt indicators."""
import pytest

from extractors import common as C
from plan_files import extract_titled_plan


@pytest.mark.parametrize("title,agency", [
    ("แผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. 2569 สำนักงานทรัพยากรน้ำภาคที่ 4 กรมทรัพยากรน้ำ",
     "สำนักงานทรัพยากรน้ำภาคที่ 4"),
    ("รายงานผลการดำเนินงาน ศูนย์อนามัยที่ 9 นครราชสีมา กรมอนามัย ปีงบประมาณ 2572",
     "ศูนย์อนามัยที่ 9 นครราชสีมา"),
    ("แผนปฏิบัติการ สำนักงานป้องกันควบคุมโรคที่ ๗ จังหวัดขอนแก่น ปีงบประมาณ ๒๕๖๙",
     "สำนักงานป้องกันควบคุมโรคที่ ๗"),
    ("แผนปฏิบัติราชการ ประจำปีงบประมาณ พ.ศ. 2570 คณะแพทยศาสตร์ มหาวิทยาลัยขอนแก่น",
     "คณะแพทยศาสตร์ มหาวิทยาลัยขอนแก่น"),
    ("แผนปฏิบัติราชการ คณะวิศวกรรมศาสตร์ มหาวิทยาลัยเทคโนโลยีราชมงคล ธัญบุรี ประจำปีงบประมาณ 2570",
     "คณะวิศวกรรมศาสตร์ มหาวิทยาลัยเทคโนโลยีราชมงคลธัญบุรี"),
    ("แผนปฏิบัติการ คณะเกษตรศาสตร์ มหาวิทยาลัยสงขลานครินทร์ วิทยาเขตปัตตานี ปี 2570",
     "คณะเกษตรศาสตร์ มหาวิทยาลัยสงขลานครินทร์ วิทยาเขตปัตตานี"),
    ("แผนปฏิบัติการ ที่ทำการปกครองอำเภอเมืองลำปาง จังหวัดลำปาง ประจำปีงบประมาณ พ.ศ. 2569",
     "อำเภอเมืองลำปาง"),
    # the bodies themselves, as before
    ("แผนปฏิบัติการ มหาวิทยาลัยขอนแก่น ประจำปี 2569", "มหาวิทยาลัยขอนแก่น"),
    ("แผนปฏิบัติการ ประจำปีงบประมาณ 2569 กรมทรัพยากรน้ำ", "กรมทรัพยากรน้ำ"),
])
def test_a_unit_named_in_the_title_is_the_agency(tmp_path, title, agency):
    ex = extract_titled_plan(tmp_path, [title], [("ประชุมคณะทำงาน", "กลุ่มงานแผน"),
                                                 ("จัดทำรายงานผล", "กลุ่มงานแผน")])
    assert {r.agency for r in ex.records} == {agency}


# ---------------------------------------------------------------- lower-is-better words (hospitals, debts)

@pytest.mark.parametrize("name,direction", [
    ("อุบัติการณ์การเกิดแผลกดทับในผู้ป่วยติดเตียง", "lower"),
    ("อัตราตายของผู้ป่วยโรคหลอดเลือดสมอง", "lower"),
    ("ร้อยละของผู้ป่วยที่เกิดภาวะแทรกซ้อนหลังผ่าตัด", "lower"),
    ("อัตราการกลับมารักษาซ้ำภายใน 28 วัน", "lower"),
    ("ร้อยละของหนี้ค้างชำระ", "lower"),
    # a reduction achieved is higher-is-better, whatever it reduces
    ("ร้อยละที่ลดลงของอุบัติการณ์ความเสี่ยง", "higher"),
])
def test_direction_of_indicator_names(name, direction):
    assert C.direction_for(name, [1, 2, 3, 4, 5]) == direction
