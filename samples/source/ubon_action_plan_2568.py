"""จังหวัดอุบลราชธานี FY 2568 action plan (แผนปฏิบัติราชการ) laid out as provinces often do: each
project with its own `ตัวชี้วัด` and `ค่าเป้าหมาย` columns, `งบประมาณ (บาท)`, the Gantt months headed
`ต.ค. 67` … `ก.ย. 68` under a `ระยะเวลาดำเนินการ` banner, `หน่วยงานที่รับผิดชอบ` last, and no start or
end columns: every period comes from the ticked months (●). Clean: no finding expected.
"""
from _lib import L, U, P, T, act, span

MONTHS = ["ต.ค. 67", "พ.ย. 67", "ธ.ค. 67", "ม.ค. 68", "ก.พ. 68", "มี.ค. 68", "เม.ย. 68",
          "พ.ค. 68", "มิ.ย. 68", "ก.ค. 68", "ส.ค. 68", "ก.ย. 68"]


def item(no, name, kpi, target, budget, months, resp):
    return [no, name, kpi, target, budget] + ["●" if i in months else "" for i in range(1, 13)] \
        + [resp]


N = [
    "ส่งเสริมการท่องเที่ยวเชิงวัฒนธรรมงานแห่เทียนพรรษา",
    "พัฒนาผลิตภัณฑ์ชุมชนสู่มาตรฐาน มผช.",
    "อบรมยุวมัคคุเทศก์ท้องถิ่น",
    "จัดงานเทศกาลผ้าไหมและของดีเมืองอุบล",
    "ติดตามและประเมินผลโครงการ",
]
R = ["สำนักงานการท่องเที่ยวและกีฬาจังหวัดอุบลราชธานี", "สำนักงานพัฒนาชุมชนจังหวัดอุบลราชธานี",
     "สำนักงานการท่องเที่ยวและกีฬาจังหวัดอุบลราชธานี", "สำนักงานพาณิชย์จังหวัดอุบลราชธานี",
     "สำนักงานจังหวัดอุบลราชธานี"]
MONTHS_OF = [(9, 10), (2, 3, 4, 5), (4, 5), (3,), (11, 12)]
ROWS = [
    ["ลำดับ", "โครงการ/กิจกรรม", "ตัวชี้วัด", "ค่าเป้าหมาย", "งบประมาณ (บาท)"]
    + span("ระยะเวลาดำเนินการ", 12) + ["หน่วยงานที่รับผิดชอบ"],
    [U, U, U, U, U] + MONTHS + [U],
    item("1", N[0], "จำนวนนักท่องเที่ยวที่เข้าร่วมงาน", "50,000 คน", "3,500,000", MONTHS_OF[0], R[0]),
    item("2", N[1], "จำนวนผลิตภัณฑ์ที่ได้รับการรับรอง", "40 ผลิตภัณฑ์", "800,000", MONTHS_OF[1],
         R[1]),
    item("3", N[2], "จำนวนผู้ผ่านการอบรม", "120 คน", "450,000", MONTHS_OF[2], R[2]),
    item("4", N[3], "มูลค่าการจำหน่ายสินค้า", "20 ล้านบาท", "2,000,000", MONTHS_OF[3], R[3]),
    item("5", N[4], "รายงานผลการดำเนินงาน", "1 ฉบับ", "-", MONTHS_OF[4], R[4]),
]

BLOCKS = [
    P("แผนปฏิบัติราชการประจำปีงบประมาณ พ.ศ. 2568", bold=True, align="center"),
    P("จังหวัดอุบลราชธานี", bold=True, align="center"),
    P("ประเด็นการพัฒนาที่ 2 การส่งเสริมการท่องเที่ยวและเศรษฐกิจฐานราก", bold=True),
    T(ROWS, header_rows=2, widths=[0.8, 4.4, 3, 1.8, 1.8] + [0.95] * 12 + [3.4], size=11),
]

SPANS = [("2025-06", "2025-07", "2025-07-31"), ("2024-11", "2025-02", "2025-02-28"),
         ("2025-01", "2025-02", "2025-02-28"), ("2024-12", "2024-12", "2024-12-31"),
         ("2025-08", "2025-09", "2025-09-30")]
BUDGET = [3500000, 800000, 450000, 2000000, None]

RECORDS = [
    act(item_no=str(i + 1), name=N[i], start=SPANS[i][0], end=SPANS[i][1], deadline=SPANS[i][2],
        budget_thb=BUDGET[i], responsible=R[i])
    for i in range(5)
]

DOC = {
    "stem": "ubon_action_plan_2568",
    "folder": "ubon",
    "formats": ["docx", "xlsx"],
    "title": "แผนปฏิบัติราชการ จังหวัดอุบลราชธานี 2568",
    "author": "สำนักงานจังหวัดอุบลราชธานี",
    "font": "TH SarabunPSK",
    "size": 15,
    "landscape": True,
    "margin_cm": 1.2,
    "xlsx_layout": "one_sheet",
    "sheet": "แผนปฏิบัติราชการ",
    "blocks": BLOCKS,
    "records": RECORDS,
    "findings": [],
    # a project's own target (ค่าเป้าหมาย) is not defined for activities by docs/records.md:
    # not checked. `plan`: the section heading over the table (records.md)
    "truth_skip_columns": ["target", "unit"],
    "truth_defaults": {"form": "activity_plan",
                       "plan": "ประเด็นการพัฒนาที่ 2 การส่งเสริมการท่องเที่ยวและเศรษฐกิจฐานราก",
                       "agency": "จังหวัดอุบลราชธานี", "fiscal_year": 2568,
                       "duration_months": None},
}
