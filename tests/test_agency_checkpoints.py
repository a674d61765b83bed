"""A checkpoint named after the town or district it guards (`ด่านศุลกากรสะเดา`,
`ด่านตรวจพืชเชียงของ`), not a province, is the agency its title names."""
import pytest

from plan_files import extract_titled_plan

ITEMS = [("ประชุมคณะทำงาน", "ฝ่ายบริหารทั่วไป"), ("จัดทำรายงานผล", "ฝ่ายบริหารทั่วไป")]


@pytest.mark.parametrize("title,agency", [
    ("ข้อตกลงระดับการให้บริการ (SLA)\nด่านศุลกากรแม่สอด\nประจำปีงบประมาณ พ.ศ. 2570",
     "ด่านศุลกากรแม่สอด"),
    ("ด่านศุลกากรปาดังเบซาร์\nแผนปฏิบัติการ ปีงบประมาณ ๒๕๖๙", "ด่านศุลกากรปาดังเบซาร์"),
    ("แผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. 2569\nด่านตรวจพืชเชียงของ", "ด่านตรวจพืชเชียงของ"),
    ("ด่านกักกันสัตว์มุกดาหาร\nแผนปฏิบัติการ ปีงบประมาณ พ.ศ. 2570", "ด่านกักกันสัตว์มุกดาหาร"),
])
def test_a_checkpoint_named_after_its_place_is_the_agency(tmp_path, title, agency):
    ex = extract_titled_plan(tmp_path, title.split("\n"), ITEMS)
    assert {r.agency for r in ex.records} == {agency}


def test_a_checkpoint_word_alone_names_no_agency(tmp_path):
    ex = extract_titled_plan(tmp_path, ["แผนปฏิบัติการ งานด่านศุลกากร ปีงบประมาณ 2570"], ITEMS)
    assert {r.agency for r in ex.records} != {"ด่านศุลกากร"}
