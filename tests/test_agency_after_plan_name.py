"""Form 7.2's title runs the agency straight on from `แผนพัฒนาองค์การ` (a wrapped title line
joined without a space, as Thai is): the office named there is the agency."""
import pytest

from plan_files import extract_titled_plan

ITEMS = [("ประชุมคณะทำงาน", "ฝ่ายบริหารทั่วไป"), ("จัดทำรายงานผล", "ฝ่ายบริหารทั่วไป")]


@pytest.mark.parametrize("title,agency", [
    ("แบบฟอร์มแสดงตัวชี้วัดความสำเร็จของการดำเนินการตามแผนพัฒนาองค์การสำนักงานขนส่งจังหวัดตาก\n"
     "ประจำปีงบประมาณ พ.ศ. 2570", "สำนักงานขนส่งจังหวัดตาก"),
    ("ตัวชี้วัดตามแผนพัฒนาองค์กรโรงพยาบาลสมเด็จพระยุพราชสระแก้ว ปีงบประมาณ 2569",
     "โรงพยาบาลสมเด็จพระยุพราชสระแก้ว"),
])
def test_agency_run_on_from_the_plan_name(tmp_path, title, agency):
    ex = extract_titled_plan(tmp_path, title.split("\n"), ITEMS)
    assert {r.agency for r in ex.records} == {agency}
