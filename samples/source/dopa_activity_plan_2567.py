"""กรมการปกครอง FY 2567 activity plan: item numbers in their own column, Thai digits everywhere
(๕๐,๐๐๐, ต.ค. ๖๖), dates written with full month names or abbreviations, Gantt months ticked
with ✓, ✔ or x, ditto marks 〃 and -"- for responsible units and dates, three group rows whose
totals match their items, and an approval block signed and dated. Clean: no finding expected.
"""
from _lib import L, U, P, T, act, span

MONTHS = ["ต.ค. ๖๖", "พ.ย. ๖๖", "ธ.ค. ๖๖", "ม.ค. ๖๗", "ก.พ. ๖๗", "มี.ค. ๖๗", "เม.ย. ๖๗",
          "พ.ค. ๖๗", "มิ.ย. ๖๗", "ก.ค. ๖๗", "ส.ค. ๖๗", "ก.ย. ๖๗"]
NC = 19


def item(no, name, duration, start, end, months, mark, budget, resp):
    return [no, name, duration, start, end] + [mark if i in months else "" for i in range(1, 13)] \
        + [budget, resp]


def group(no, name, total):
    return [no] + span(f"กิจกรรมที่ {no} {name} {total} บาท", NC - 1)


R1 = "สำนักบริหารการปกครองท้องที่"
R2 = "กองวิชาการและแผนงาน"
R3 = "ฝ่ายประชาสัมพันธ์ กองวิชาการและแผนงาน"

G1 = "การพัฒนาระบบบริการประชาชนของที่ว่าการอำเภอ"
G2 = "การติดตามและประเมินผล"
G3 = "การประชาสัมพันธ์"

ROWS = [
    ["ที่", "กิจกรรม/ขั้นตอนการดำเนินงาน", "ระยะเวลา", "เริ่มต้น", "สิ้นสุด"]
    + span("ปีงบประมาณ พ.ศ. ๒๕๖๗", 12) + ["งบประมาณ (บาท)", "ผู้รับผิดชอบ"],
    [U, U, U, U, U] + MONTHS + [U, U],
    group("๑", G1, "๒๕๐,๐๐๐"),
    item("๑.๑", "สำรวจความต้องการของผู้รับบริการในพื้นที่นำร่อง ๕ อำเภอ", "๒ เดือน",
         "ตุลาคม ๒๕๖๖", "พฤศจิกายน ๒๕๖๖", (1, 2), "✓", "๕๐,๐๐๐", R1),
    item("๑.๒", "จัดทำคู่มือมาตรฐานการให้บริการของที่ว่าการอำเภอ", "๓ เดือน", "ธ.ค. ๖๖",
         "ก.พ. ๖๗", (3, 4, 5), "✓", "๘๐,๐๐๐", "〃"),
    item("๑.๓", "ฝึกอบรมเจ้าหน้าที่ผู้ให้บริการตามคู่มือมาตรฐาน", "๒ เดือน", "มี.ค. ๖๗",
         "เม.ย. ๖๗", (6, 7), "✔", "๑๒๐,๐๐๐", '-"-'),
    group("๒", G2, "๗๐,๐๐๐"),
    item("๒.๑", "ติดตามผลการให้บริการ ณ ที่ว่าการอำเภอนำร่อง", "๔ เดือน", "พฤษภาคม ๒๕๖๗",
         "สิงหาคม ๒๕๖๗", (8, 9, 10, 11), "x", "๔๐,๐๐๐", R2),
    item("๒.๒", "สำรวจความพึงพอใจของผู้รับบริการ", "๔ เดือน", "〃", "〃", (8, 9, 10, 11), "x",
         "๒๐,๐๐๐", "〃"),
    item("๒.๓", "สรุปผลและรายงานอธิบดีกรมการปกครอง", "๑ เดือน", "กันยายน ๒๕๖๗", "กันยายน ๒๕๖๗",
         (12,), "x", "๑๐,๐๐๐", '-"-'),
    group("๓", G3, "๓๐,๐๐๐"),
    item("๓.๑", "ผลิตสื่อประชาสัมพันธ์การให้บริการของที่ว่าการอำเภอ", "๒ เดือน", "ม.ค. ๖๗",
         "ก.พ. ๖๗", (4, 5), "✓", "๒๐,๐๐๐", R3),
    item("๓.๒", "เผยแพร่ประชาสัมพันธ์ผ่านสื่อออนไลน์", "๘ เดือน", "ก.พ. ๖๗", "ก.ย. ๖๗",
         range(5, 13), "✓", "๑๐,๐๐๐", "〃"),
]

BLOCKS = [
    P("แผนปฏิบัติการ โครงการยกระดับมาตรฐานการให้บริการประชาชนของที่ว่าการอำเภอ", bold=True,
      align="center"),
    P("กรมการปกครอง กระทรวงมหาดไทย ประจำปีงบประมาณ พ.ศ. ๒๕๖๗", bold=True, align="center"),
    T(ROWS, header_rows=2, widths=[0.9, 5.4, 1.5, 2.1, 2.1] + [1.05] * 12 + [2.3, 3],
      size=11, sheet="แผนปฏิบัติการ"),
    P("ผู้เสนอแผน"),
    P("(ลงชื่อ) สมชาย ศรีสุข"),
    P("(นายสมชาย ศรีสุข)"),
    P("ผู้อำนวยการกองวิชาการและแผนงาน"),
    P("พิจารณาเห็นชอบ"),
    P("(ลงชื่อ) ธนวัฒน์ ประเสริฐวงศ์"),
    P("(นายธนวัฒน์ ประเสริฐวงศ์)"),
    P("รองอธิบดีกรมการปกครอง ปฏิบัติราชการแทน อธิบดีกรมการปกครอง"),
    P("วันที่ ๑๖ ตุลาคม ๒๕๖๖"),
]

RECORDS = [
    act(item_no="1", row_kind="group", name=G1, budget_thb=250000),
    act(item_no="1.1", parent_item="1", name="สำรวจความต้องการของผู้รับบริการในพื้นที่นำร่อง ๕ อำเภอ",
        duration_months=2, start="2023-10", end="2023-11", deadline="2023-11-30",
        budget_thb=50000, responsible=R1),
    act(item_no="1.2", parent_item="1", name="จัดทำคู่มือมาตรฐานการให้บริการของที่ว่าการอำเภอ",
        duration_months=3, start="2023-12", end="2024-02", deadline="2024-02-29",
        budget_thb=80000, responsible=R1),
    act(item_no="1.3", parent_item="1", name="ฝึกอบรมเจ้าหน้าที่ผู้ให้บริการตามคู่มือมาตรฐาน",
        duration_months=2, start="2024-03", end="2024-04", deadline="2024-04-30",
        budget_thb=120000, responsible=R1),
    act(item_no="2", row_kind="group", name=G2, budget_thb=70000),
    act(item_no="2.1", parent_item="2", name="ติดตามผลการให้บริการ ณ ที่ว่าการอำเภอนำร่อง",
        duration_months=4, start="2024-05", end="2024-08", deadline="2024-08-31",
        budget_thb=40000, responsible=R2),
    act(item_no="2.2", parent_item="2", name="สำรวจความพึงพอใจของผู้รับบริการ",
        duration_months=4, start="2024-05", end="2024-08", deadline="2024-08-31",
        budget_thb=20000, responsible=R2),
    act(item_no="2.3", parent_item="2", name="สรุปผลและรายงานอธิบดีกรมการปกครอง",
        duration_months=1, start="2024-09", end="2024-09", deadline="2024-09-30",
        budget_thb=10000, responsible=R2),
    act(item_no="3", row_kind="group", name=G3, budget_thb=30000),
    act(item_no="3.1", parent_item="3", name="ผลิตสื่อประชาสัมพันธ์การให้บริการของที่ว่าการอำเภอ",
        duration_months=2, start="2024-01", end="2024-02", deadline="2024-02-29",
        budget_thb=20000, responsible=R3),
    act(item_no="3.2", parent_item="3", name="เผยแพร่ประชาสัมพันธ์ผ่านสื่อออนไลน์",
        duration_months=8, start="2024-02", end="2024-09", deadline="2024-09-30",
        budget_thb=10000, responsible=R3),
]

DOC = {
    "stem": "dopa_activity_plan_2567",
    "folder": "dopa",
    "formats": ["docx", "pdf", "xlsx", "odt"],
    "title": "แผนปฏิบัติการ กรมการปกครอง ๒๕๖๗",
    "author": "กองวิชาการและแผนงาน กรมการปกครอง",
    "font": "TH SarabunPSK",
    "size": 15,
    "landscape": True,
    "margin_cm": 1.2,
    "xlsx_layout": "one_sheet",
    "sheet": "แผนปฏิบัติการ",
    "blocks": BLOCKS,
    "records": RECORDS,
    "findings": [],
    # `plan`: the project the title names (records.md)
    "truth_defaults": {"form": "activity_plan",
                       "plan": "โครงการยกระดับมาตรฐานการให้บริการประชาชนของที่ว่าการอำเภอ",
                       "agency": "กรมการปกครอง", "fiscal_year": 2567},
}
