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
