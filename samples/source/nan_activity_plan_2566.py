"""จังหวัดน่าน FY 2566: an activity plan printed to PDF from a Word table with no borders at all
(text-only layout, no ruling lines for a table finder to follow), no Gantt columns, ditto marks,
approval signed and dated. Clean: no finding expected. Submitted as PDF only.
"""
from _lib import P, T, act

R1 = "สำนักงานการท่องเที่ยวและกีฬาจังหวัดน่าน"
R2 = "สำนักงานจังหวัดน่าน"
ROWS = [
    ["ลำดับ", "กิจกรรม", "ระยะเวลา", "เริ่มต้น", "สิ้นสุด", "งบประมาณ (บาท)", "ผู้รับผิดชอบ"],
    ["1", "สำรวจแหล่งท่องเที่ยวชุมชนและจัดทำฐานข้อมูล", "2 เดือน", "พ.ย. 65", "ธ.ค. 65",
     "40,000", R1],
    ["2", "พัฒนาเส้นทางท่องเที่ยวเชิงวัฒนธรรม", "4 เดือน", "ม.ค. 66", "เม.ย. 66", "150,000", '"'],
    ["3", "จัดงานส่งเสริมการท่องเที่ยวเมืองน่าน", "1 เดือน", "พ.ค. 66", "พ.ค. 66", "200,000", R2],
    ["4", "ประเมินผลโครงการและรายงานผู้ว่าราชการจังหวัด", "2 เดือน", "ก.ค. 66", "ส.ค. 66",
     "20,000", '"'],
]

BLOCKS = [
    P("แผนปฏิบัติงานโครงการส่งเสริมการท่องเที่ยวเชิงวัฒนธรรม", bold=True, align="center"),
    P("จังหวัดน่าน ประจำปีงบประมาณ พ.ศ. 2566", bold=True, align="center"),
    T(ROWS, borders=False, widths=[0.8, 5, 1.3, 1.3, 1.3, 1.8, 3.5]),
    P(""),
    P("พิจารณาเห็นชอบ", align="center"),
    P("(ลงชื่อ) วิรัช พิมพะนิตย์", align="center"),
    P("(นายวิรัช พิมพะนิตย์)", align="center"),
    P("ผู้ว่าราชการจังหวัดน่าน", align="center"),
    P("วันที่ 3 ตุลาคม 2565", align="center"),
]

RECORDS = [
    act(item_no="1", name="สำรวจแหล่งท่องเที่ยวชุมชนและจัดทำฐานข้อมูล", duration_months=2,
        start="2022-11", end="2022-12", deadline="2022-12-31", budget_thb=40000, responsible=R1),
    act(item_no="2", name="พัฒนาเส้นทางท่องเที่ยวเชิงวัฒนธรรม", duration_months=4,
        start="2023-01", end="2023-04", deadline="2023-04-30", budget_thb=150000, responsible=R1),
    act(item_no="3", name="จัดงานส่งเสริมการท่องเที่ยวเมืองน่าน", duration_months=1,
        start="2023-05", end="2023-05", deadline="2023-05-31", budget_thb=200000, responsible=R2),
    act(item_no="4", name="ประเมินผลโครงการและรายงานผู้ว่าราชการจังหวัด", duration_months=2,
        start="2023-07", end="2023-08", deadline="2023-08-31", budget_thb=20000, responsible=R2),
]

DOC = {
    "stem": "nan_activity_plan_2566",
    "folder": "nan",
    "formats": ["pdf"],
    "title": "แผนปฏิบัติงาน จังหวัดน่าน 2566",
    "font": "Norasi",
    "size": 14,
    "blocks": BLOCKS,
    "records": RECORDS,
    "findings": [],
    # `plan`: the project the title names (records.md)
    "truth_defaults": {"form": "activity_plan",
                       "plan": "โครงการส่งเสริมการท่องเที่ยวเชิงวัฒนธรรม",
                       "agency": "จังหวัดน่าน", "fiscal_year": 2566},
}
