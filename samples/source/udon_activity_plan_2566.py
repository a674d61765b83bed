"""จังหวัดอุดรธานี FY 2566: an activity plan whose Gantt months are shaded cells, not ticks
(Word shading, Excel fills, filled rectangles in the PDF).
Items 2 and 4 give no start/end text at all: their period is the shaded months (records.md:
missing dates are taken from the Gantt). Header in two rows (quarter, then month), a group row
whose total matches its items, approval signed and dated. Clean: no finding expected.
"""
from _lib import S, U, P, T, act, span

MONTHS = ["ต.ค.", "พ.ย.", "ธ.ค.", "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.",
          "ส.ค.", "ก.ย."]
NC = 18


def item(no, name, duration, start, end, months, budget, resp):
    return [no, name, duration, start, end] + [S if i in months else "" for i in range(1, 13)] \
        + [budget] + [resp]


R1 = "สำนักงานพัฒนาชุมชนจังหวัดอุดรธานี"
R2 = "สำนักงานเกษตรจังหวัดอุดรธานี"
GROUP = "การส่งเสริมอาชีพและรายได้ของชุมชน"
ROWS = [
    ["ที่", "กิจกรรม", "ระยะเวลา", "เริ่มต้น", "สิ้นสุด"]
    + span("ไตรมาส 1", 3) + span("ไตรมาส 2", 3) + span("ไตรมาส 3", 3) + span("ไตรมาส 4", 3)
    + ["งบประมาณ (บาท)"],
    [U, U, U, U, U] + MONTHS + [U],
    ["1"] + span(f"กิจกรรมที่ 1 {GROUP} 380,000 บาท", NC - 1),
    item("1.1", "คัดเลือกกลุ่มอาชีพเป้าหมาย", "1 เดือน", "ต.ค. 65", "ต.ค. 65", (1,), "30,000", R1),
    item("1.2", "อบรมพัฒนาผลิตภัณฑ์และบรรจุภัณฑ์", "3 เดือน", "", "", (3, 4, 5), "150,000", R1),
    item("1.3", "ส่งเสริมการปลูกพืชหลังนา", "4 เดือน", "ม.ค. 66", "เม.ย. 66", (4, 5, 6, 7),
         "120,000", R2),
    item("1.4", "จัดตลาดนัดผลิตภัณฑ์ชุมชน", "2 เดือน", "", "", (8, 9), "60,000", R1),
    item("1.5", "ติดตามและประเมินผล", "2 เดือน", "ส.ค. 66", "ก.ย. 66", (11, 12), "20,000", R1),
]
ROWS = [r[:NC] for r in ROWS]          # the responsible unit is listed under the table

BLOCKS = [
    P("แผนปฏิบัติการ โครงการส่งเสริมเศรษฐกิจฐานราก", bold=True, align="center"),
    P("จังหวัดอุดรธานี ประจำปีงบประมาณ พ.ศ. 2566", bold=True, align="center"),
    T(ROWS, header_rows=2, widths=[0.8, 6, 1.4, 1.5, 1.5] + [0.9] * 12 + [2.2], size=12),
    P("ผู้รับผิดชอบ: กิจกรรม 1.1 1.2 1.4 และ 1.5 " + R1 + " กิจกรรม 1.3 " + R2),
    P("ผู้เสนอ (ลงชื่อ) นายชาตรี บุญมา พัฒนาการจังหวัดอุดรธานี"),
    P("ผู้อนุมัติ (ลงชื่อ) นายศักดิ์ สมบุญโต ผู้ว่าราชการจังหวัดอุดรธานี"),
    P("วันที่ 28 กันยายน 2565"),
]

RECORDS = [
    act(item_no="1", row_kind="group", name=GROUP, budget_thb=380000),
    act(item_no="1.1", parent_item="1", name="คัดเลือกกลุ่มอาชีพเป้าหมาย", duration_months=1,
        start="2022-10", end="2022-10", deadline="2022-10-31", budget_thb=30000),
    act(item_no="1.2", parent_item="1", name="อบรมพัฒนาผลิตภัณฑ์และบรรจุภัณฑ์", duration_months=3,
        start="2022-12", end="2023-02", deadline="2023-02-28", budget_thb=150000),
    act(item_no="1.3", parent_item="1", name="ส่งเสริมการปลูกพืชหลังนา", duration_months=4,
        start="2023-01", end="2023-04", deadline="2023-04-30", budget_thb=120000),
    act(item_no="1.4", parent_item="1", name="จัดตลาดนัดผลิตภัณฑ์ชุมชน", duration_months=2,
        start="2023-05", end="2023-06", deadline="2023-06-30", budget_thb=60000),
    act(item_no="1.5", parent_item="1", name="ติดตามและประเมินผล", duration_months=2,
        start="2023-08", end="2023-09", deadline="2023-09-30", budget_thb=20000),
]

DOC = {
    "stem": "udon_activity_plan_2566",
    "folder": "udon",
    "formats": ["docx", "pdf", "xlsx", "xls", "html"],
    "xlsx_layout": "one_sheet",
    "sheet": "แผนปฏิบัติการ 2566",
    "title": "แผนปฏิบัติการ จังหวัดอุดรธานี 2566",
    "font": "Garuda",
    "size": 13,
    "landscape": True,
    "blocks": BLOCKS,
    "records": RECORDS,
    "findings": [],
    # `plan`: the project the title names (records.md)
    "truth_defaults": {"form": "activity_plan",
                       "plan": "โครงการส่งเสริมเศรษฐกิจฐานราก",
                       "agency": "จังหวัดอุดรธานี", "fiscal_year": 2566},
}
