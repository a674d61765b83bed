"""จังหวัดเชียงใหม่ FY 2566, แบบฟอร์มที่ 7.2 laid out differently from Rayong's: bilingual headers,
the KPI first and the plan last (one cell spanning every indicator row), each ladder written in
one cell as five lines, and two lower-is-better indicators (complaints, waiting time) correctly
scored with falling ladders. Clean: no finding expected.
"""
from _lib import U, P, T, kpi

PLAN = ("แผนพัฒนาองค์การจังหวัดเชียงใหม่ ประจำปีงบประมาณ พ.ศ. 2566\n"
        "ประเด็นที่ 1 การยกระดับการบริหารจัดการภาครัฐ (Public Management Excellence)\n"
        "กิจกรรมหลัก: พัฒนาระบบบริการประชาชนและการบริหารงบประมาณ")
PLAN_TRUTH = ("แผนพัฒนาองค์การจังหวัดเชียงใหม่ ประจำปีงบประมาณ พ.ศ. 2566 ประเด็นที่ 1 การยกระดับการ"
              "บริหารจัดการภาครัฐ (Public Management Excellence) กิจกรรมหลัก: พัฒนาระบบบริการ"
              "ประชาชนและการบริหารงบประมาณ")

HEAD = ["ลำดับ\n(No.)", "ตัวชี้วัด\n(Key Performance Indicator)", "มิติ\n(Perspective)",
        "น้ำหนัก\n(Weight)", "ค่าฐาน\n(Baseline)", "ค่าเป้าหมาย\n(Target)",
        "เกณฑ์การให้คะแนน\n(Scoring Criteria)", "แผนพัฒนาองค์การ\n(Plan)"]

K1 = "ร้อยละของโครงการตามแผนพัฒนาจังหวัดที่ดำเนินการแล้วเสร็จตามกำหนด"
K2 = "ร้อยละของเรื่องร้องเรียนที่ค้างดำเนินการเกิน 30 วัน"
K3 = "ระยะเวลารอคอยเฉลี่ยในการรับบริการ ณ ศูนย์ดำรงธรรมจังหวัด"
K4 = "ร้อยละของการเบิกจ่ายงบประมาณรายจ่ายลงทุน"
K5 = "ร้อยละของบุคลากรที่ได้รับการพัฒนาตามแผนพัฒนาบุคลากรจังหวัด"

ROWS = [
    HEAD,
    ["1.", K1, "7.1 ด้านประสิทธิผล (Effectiveness)", "1.0", "ร้อยละ 78.50", "ร้อยละ 85",
     "1 = ร้อยละ 75\n2 = ร้อยละ 77.5\n3 = ร้อยละ 80\n4 = ร้อยละ 82.5\n5 = ร้อยละ 85", PLAN],
    ["2.", K2, "7.2 ด้านคุณภาพการให้บริการ (Service Quality)", "0.5", "ร้อยละ 12", "ร้อยละ 5",
     "ระดับ 1 : 13%\nระดับ 2 : 11%\nระดับ 3 : 9%\nระดับ 4 : 7%\nระดับ 5 : 5%", U],
    ["3.", K3 + " (นาที)", "7.2 ด้านคุณภาพการให้บริการ (Service Quality)", "0.5", "25 นาที",
     "10 นาที", "1 = 20 นาที\n2 = 17.5 นาที\n3 = 15 นาที\n4 = 12.5 นาที\n5 = 10 นาที", U],
    ["4.", K4, "7.3 ด้านประสิทธิภาพ (Efficiency)", "1.0", "ร้อยละ 88.2", "ร้อยละ 95",
     "(1) 87\n(2) 89\n(3) 91\n(4) 93\n(5) 95", U],
    ["5.", K5, "7.4 ด้านการพัฒนาองค์การ (Organisational Development)", "1.0", "-", "ร้อยละ 100",
     "1 = ร้อยละ 80\n2 = ร้อยละ 85\n3 = ร้อยละ 90\n4 = ร้อยละ 95\n5 = ร้อยละ 100", U],
]

BLOCKS = [
    P("แบบฟอร์มที่ 7.2 (Form 7.2)", bold=True, align="right"),
    P("ตัวชี้วัดความสำเร็จตามแผนพัฒนาองค์การ (Organisation Development Plan KPIs)", bold=True,
      align="center"),
    P("จังหวัดเชียงใหม่ ประจำปีงบประมาณ พ.ศ. 2566 (Fiscal Year 2023)", bold=True, align="center"),
    T(ROWS, widths=[1.2, 4.6, 2.8, 1.7, 1.9, 1.9, 3, 4.4], size=13),
    P("หมายเหตุ: ตัวชี้วัดที่ 2 และ 3 ค่ายิ่งน้อยยิ่งดี (lower is better)"),
]

RECORDS = [
    kpi(item_no="1", name=K1, dimension="7.1", weight=1, baseline=78.5, target=85, unit="%",
        level_1=75, level_2=77.5, level_3=80, level_4=82.5, level_5=85, direction="higher"),
    kpi(item_no="2", name=K2, dimension="7.2", weight=0.5, baseline=12, target=5, unit="%",
        level_1=13, level_2=11, level_3=9, level_4=7, level_5=5, direction="lower"),
    kpi(item_no="3", name=K3 + " (นาที)", dimension="7.2", weight=0.5, baseline=25, target=10,
        unit="นาที", level_1=20, level_2=17.5, level_3=15, level_4=12.5, level_5=10,
        direction="lower"),
    kpi(item_no="4", name=K4, dimension="7.3", weight=1, baseline=88.2, target=95, unit="%",
        level_1=87, level_2=89, level_3=91, level_4=93, level_5=95, direction="higher"),
    kpi(item_no="5", name=K5, dimension="7.4", weight=1, target=100, unit="%",
        level_1=80, level_2=85, level_3=90, level_4=95, level_5=100, direction="higher"),
]
for r in RECORDS:
    r["plan"] = PLAN_TRUTH

DOC = {
    "stem": "chiangmai_form72_2566",
    "folder": "chiangmai",
    "formats": ["docx", "pdf", "xlsx", "doc"],
    "xlsx_layout": "one_sheet",
    "sheet": "แบบฟอร์ม 7.2",
    "title": "แบบฟอร์มที่ 7.2 จังหวัดเชียงใหม่ 2566",
    "author": "สำนักงานจังหวัดเชียงใหม่",
    "font": "TH Sarabun New",
    "size": 15,
    "landscape": True,
    "blocks": BLOCKS,
    "records": RECORDS,
    "findings": [],
    "truth_defaults": {"form": "form72", "agency": "จังหวัดเชียงใหม่", "fiscal_year": 2566},
}
