"""จังหวัดนครราชสีมา FY 2568, แบบฟอร์มที่ 7.2 worded differently from the other samples: an intro
paragraph before the table, headers `ลำดับที่`, `ตัวชี้วัดผลการดำเนินงาน`, `มิติการประเมิน`,
`น้ำหนัก (ร้อยละ)`, `ผลการดำเนินงานที่ผ่านมา`, `ค่าเป้าหมย` (a typo), the ladder as five columns
headed `1 2 3 4 5` under `เกณฑ์การให้คะแนน`, an extra `หมายเหตุ` column, two plans in one table (each
a full-width row above its indicators) and dimensions named without their 7.x number. Weights are
percentages. One time indicator with a falling ladder. Clean: no finding expected.
"""
from _lib import L, U, P, T, kpi, span

NC = 12
PLAN_1 = "แผนพัฒนาองค์การที่ 1 การพัฒนาระบบการให้บริการประชาชนแบบเบ็ดเสร็จ"
PLAN_2 = "แผนพัฒนาองค์การที่ 2 การพัฒนาบุคลากรและการบริหารงบประมาณ"

K1 = "ร้อยละความพึงพอใจของผู้รับบริการ ณ ศูนย์บริการประชาชนจังหวัดนครราชสีมา"
K2 = "ระยะเวลาเฉลี่ยในการออกหนังสือรับรองการประกอบกิจการ"
K3 = "ร้อยละของบุคลากรที่ผ่านการพัฒนาทักษะด้านดิจิทัลตามแผน"
K4 = "ร้อยละของการเบิกจ่ายงบประมาณรายจ่ายประจำปีของจังหวัด"

ROWS = [
    ["ลำดับที่", "ตัวชี้วัดผลการดำเนินงาน", "มิติการประเมิน", "น้ำหนัก (ร้อยละ)",
     "ผลการดำเนินงานที่ผ่านมา", "ค่าเป้าหมย", "เกณฑ์การให้คะแนน", L, L, L, L, "หมายเหตุ"],
    [U, U, U, U, U, U, "1", "2", "3", "4", "5", U],
    span(PLAN_1, NC),
    ["1", K1, "ด้านคุณภาพการให้บริการ", "20", "ร้อยละ 82.4", "ร้อยละ 90",
     "80", "82.5", "85", "87.5", "90", ""],
    ["2", K2, "ด้านประสิทธิภาพ", "15", "5 วัน", "3 วัน", "7", "6", "5", "4", "3",
     "ค่ายิ่งน้อยยิ่งดี"],
    span(PLAN_2, NC),
    ["3", K3, "ด้านการพัฒนาองค์การ", "15", "-", "ร้อยละ 80", "60", "65", "70", "75", "80", ""],
    ["4", K4, "ด้านประสิทธิผล", "50", "ร้อยละ 91.35", "ร้อยละ 96", "92", "93", "94", "95", "96",
     "ข้อมูล ณ 30 ก.ย. 2568"],
]

BLOCKS = [
    P("แบบฟอร์มที่ 7.2", bold=True, align="right"),
    P("ตัวชี้วัดความสำเร็จของการดำเนินการตามแผนพัฒนาองค์การ", bold=True, align="center"),
    P("สำนักงานจังหวัดนครราชสีมา ประจำปีงบประมาณ พ.ศ. 2568", bold=True, align="center"),
    P("เพื่อให้การดำเนินการตามแผนพัฒนาองค์การของจังหวัดนครราชสีมาบรรลุผลสัมฤทธิ์ตามเป้าหมาย "
      "จังหวัดได้กำหนดตัวชี้วัด ค่าเป้าหมาย และเกณฑ์การให้คะแนนไว้ ดังนี้"),
    T(ROWS, header_rows=2, widths=[1, 5, 2.4, 1.5, 2, 1.6, 1, 1, 1, 1, 1, 2.2], size=13),
    P("หมายเหตุ: น้ำหนักรวมทั้งสิ้นร้อยละ 100"),
]

RECORDS = [
    kpi(plan=PLAN_1, item_no="1", name=K1, dimension="7.2", weight=20, baseline=82.4, target=90,
        unit="%", level_1=80, level_2=82.5, level_3=85, level_4=87.5, level_5=90,
        direction="higher"),
    kpi(plan=PLAN_1, item_no="2", name=K2, dimension="7.3", weight=15, baseline=5, target=3,
        unit="วัน", level_1=7, level_2=6, level_3=5, level_4=4, level_5=3, direction="lower"),
    kpi(plan=PLAN_2, item_no="3", name=K3, dimension="7.4", weight=15, target=80, unit="%",
        level_1=60, level_2=65, level_3=70, level_4=75, level_5=80, direction="higher"),
    kpi(plan=PLAN_2, item_no="4", name=K4, dimension="7.1", weight=50, baseline=91.35, target=96,
        unit="%", level_1=92, level_2=93, level_3=94, level_4=95, level_5=96, direction="higher"),
]

DOC = {
    "stem": "korat_form72_2568",
    "folder": "nakhonratchasima",
    "formats": ["docx", "pdf", "xlsx", "odt"],
    "xlsx_layout": "one_sheet",
    "sheet": "แบบฟอร์ม 7.2",
    "title": "แบบฟอร์มที่ 7.2 จังหวัดนครราชสีมา 2568",
    "author": "กลุ่มงานยุทธศาสตร์และข้อมูลเพื่อการพัฒนาจังหวัด",
    "font": "TH SarabunPSK",
    "size": 15,
    "landscape": True,
    "blocks": BLOCKS,
    "records": RECORDS,
    "findings": [],
    "truth_defaults": {"form": "form72", "agency": "จังหวัดนครราชสีมา", "fiscal_year": 2568},
}
