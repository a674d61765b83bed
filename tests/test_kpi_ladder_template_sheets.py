"""Health offices' KPI template sheets: a `ตัวชี้วัดที่ ๑` heading over a ladder down a table that
names its indicator in a `ชื่อตัวชี้วัด` row is one indicator (the heading's number, the table's
name); a summary sheet `ลำดับ | ชื่อตัวชี้วัด | หน่วยนับ | ระดับ 1 … ระดับ 5` keeps the unit column
out of the names and gives each indicator its unit."""
from extract_helpers import extract_file
from plan_files import plan_xlsx

NAME = "ร้อยละของผู้ป่วยเบาหวานที่ควบคุมระดับน้ำตาลได้ดี"


def test_heading_number_and_table_name_are_one_indicator(tmp_path):
    rows = [["ชื่อตัวชี้วัด", NAME], ["ระดับคะแนน", "เกณฑ์"],
            ["ระดับ ๕", "ร้อยละ ๔๐"], ["ระดับ ๔", "ร้อยละ ๓๕"], ["ระดับ ๓", "ร้อยละ ๓๐"],
            ["ระดับ ๒", "ร้อยละ ๒๕"], ["ระดับ ๑", "ร้อยละ ๒๐"]]
    ex, _ = extract_file(plan_xlsx(tmp_path / "template.xlsx", [
        "Template ตัวชี้วัด ปีงบประมาณ พ.ศ. ๒๕๗๐", "โรงพยาบาลตัวอย่าง", "ตัวชี้วัดที่ ๑"], rows))
    kpis = [(r.item_no, r.name, r.level_1, r.level_5) for r in ex.records if r.record_type == "kpi"]
    assert kpis == [("1", NAME, 20, 40)]


def test_a_unit_column_before_the_levels_is_the_unit(tmp_path):
    rows = [["ลำดับ", "ชื่อตัวชี้วัด", "หน่วยนับ", "ระดับ 1", "ระดับ 2", "ระดับ 3", "ระดับ 4", "ระดับ 5"],
            ["1", "อัตราตายผู้ป่วยติดเชื้อในกระแสเลือด", "ร้อยละ", "ร้อยละ 30", "ร้อยละ 28", "ร้อยละ 26",
             "ร้อยละ 24", "ร้อยละ 22"],
            ["2", "จำนวนผู้ป่วยโรคหลอดเลือดสมองที่ได้รับยาละลายลิ่มเลือด", "ราย", "10 ราย", "12 ราย",
             "14 ราย", "16 ราย", "18 ราย"]]
    ex, _ = extract_file(plan_xlsx(tmp_path / "summary.xlsx", [
        "สรุป Template ตัวชี้วัด ปีงบประมาณ พ.ศ. 2570", "สำนักงานสาธารณสุขจังหวัดตัวอย่าง"], rows))
    kpis = [(r.item_no, r.name, r.unit, r.level_1, r.level_5) for r in ex.records if r.record_type == "kpi"]
    assert kpis == [("1", "อัตราตายผู้ป่วยติดเชื้อในกระแสเลือด", "%", 30, 22),
                    ("2", "จำนวนผู้ป่วยโรคหลอดเลือดสมองที่ได้รับยาละลายลิ่มเลือด", "ราย", 10, 18)]


def test_a_ladder_row_deep_in_a_templates_label_grid(tmp_path):
    labels = [["ชื่อตัวชี้วัด", "ร้อยละของผู้สูงอายุที่ได้รับการคัดกรองภาวะสมองเสื่อม", "", "", "", ""],
              ["คำนิยาม", "ผู้สูงอายุ หมายถึง ผู้มีอายุ 60 ปีขึ้นไป", "", "", "", ""],
              ["เกณฑ์เป้าหมาย", "ปีงบประมาณ 2569", "ปีงบประมาณ 2570", "", "", ""],
              ["", "80%", "85%", "", "", ""],
              ["ประชากรกลุ่มเป้าหมาย", "ผู้สูงอายุในจังหวัด", "", "", "", ""],
              ["วิธีการจัดเก็บข้อมูล", "รายงานจากโปรแกรม HDC", "", "", "", ""],
              ["แหล่งข้อมูล", "โรงพยาบาลทุกแห่ง", "", "", "", ""],
              ["รายการข้อมูล 1", "A = จำนวนผู้สูงอายุที่ได้รับการคัดกรอง", "", "", "", ""],
              ["รายการข้อมูล 2", "B = จำนวนผู้สูงอายุทั้งหมด", "", "", "", ""],
              ["สูตรคำนวณตัวชี้วัด", "(A/B) x 100", "", "", "", ""],
              ["ระยะเวลาประเมินผล", "รอบ 6 เดือน และ 12 เดือน", "", "", "", ""],
              ["เกณฑ์การประเมิน", "ระดับ 1", "ระดับ 2", "ระดับ 3", "ระดับ 4", "ระดับ 5"],
              ["ร้อยละ", "75", "78", "80", "83", "85"]]
    ex, findings = extract_file(plan_xlsx(tmp_path / "template.xlsx", [
        "Template ตัวชี้วัด สำนักงานสาธารณสุขจังหวัดตัวอย่าง ปีงบประมาณ 2570",
        "ตัวชี้วัดที่ 2 : ร้อยละของผู้สูงอายุที่ได้รับการคัดกรองภาวะสมองเสื่อม"], labels))
    kpis = [(r.item_no, r.level_1, r.level_5) for r in ex.records if r.record_type == "kpi"]
    assert kpis == [("2", 75, 85)]
    assert not [f for f in findings if f[1] == "NO_FORM_FOUND"]
