"""Front-line service offices named in a title are the agency, not their province or parent
body: a PEA/PWA office of a district (`การไฟฟ้าส่วนภูมิภาคอำเภอหัวหิน`), an immigration checkpoint
or a centre of a province (`ด่านตรวจคนเข้าเมืองจังหวัดหนองคาย`, `ศูนย์ดำรงธรรมจังหวัดอุดรธานี`), and a
district's joint service centre written with a space before `อำเภอ`."""
import pytest

from plan_files import extract_titled_plan


@pytest.mark.parametrize("title,agency", [
    ("การไฟฟ้าส่วนภูมิภาคอำเภอหัวหิน\nรายงานผลตัวชี้วัด ประจำปีงบประมาณ 2570", "การไฟฟ้าส่วนภูมิภาคอำเภอหัวหิน"),
    ("แผนปฏิบัติการ การประปาส่วนภูมิภาคอำเภอชุมแพ ปีงบประมาณ 2569", "การประปาส่วนภูมิภาคอำเภอชุมแพ"),
    ("ด่านตรวจคนเข้าเมืองจังหวัดหนองคาย\nแผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. ๒๕๗๑", "ด่านตรวจคนเข้าเมืองจังหวัดหนองคาย"),
    ("ศูนย์ดำรงธรรมจังหวัดอุดรธานี\nแผนปฏิบัติการ ปีงบประมาณ พ.ศ. 2569", "ศูนย์ดำรงธรรมจังหวัดอุดรธานี"),
    ("ศูนย์บริการร่วม อำเภอเมืองลำปาง\nแผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. ๒๕๖๙", "ศูนย์บริการร่วม อำเภอเมืองลำปาง"),
])
def test_a_service_office_named_in_the_title_is_the_agency(tmp_path, title, agency):
    ex = extract_titled_plan(tmp_path, title.split("\n"), [("ประชุมคณะทำงาน", "กลุ่มงานแผน"),
                                                 ("จัดทำรายงานผล", "กลุ่มงานแผน")])
    assert {r.agency for r in ex.records} == {agency}
