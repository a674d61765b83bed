"""จังหวัดลำปาง FY 2566: a workbook of percentage-ladder indicators with the results reported, so
thaiforms can score them (72.5 on 60/65/70/75/80 → 3.5; falling ladders for time and complaints).
Numbers are real numbers in the cells. A second sheet lists data sources (not a form).
Weights add up to the stated total. Clean: no finding expected.
"""
from _lib import L, U, P, T, kpi

K = {
    "1": "ร้อยละของงานบริการที่แล้วเสร็จตามระยะเวลาที่กำหนด",
    "2": "ร้อยละความพึงพอใจของผู้รับบริการ",
    "3": "ระยะเวลาเฉลี่ยในการออกใบอนุญาต",
    "4": "จำนวนเรื่องร้องเรียนที่ไม่ได้รับการแก้ไขภายใน 15 วัน",
}

ROWS = [
    ["ตัวชี้วัด", "หน่วยวัด", "น้ำหนัก (ร้อยละ)", "เกณฑ์การให้คะแนน", L, L, L, L,
     "ผลการดำเนินงาน"],
    [U, U, U, "1", "2", "3", "4", "5", U],
    ["1. " + K["1"], "ร้อยละ", "3", "60", "65", "70", "75", "80", "72.5"],
    ["2. " + K["2"], "ร้อยละ", "3", "70", "75", "80", "85", "90", "91.2"],
    ["3. " + K["3"], "วัน", "2", "15", "13", "11", "9", "7", "10"],
    ["4. " + K["4"], "เรื่อง", "2", "10", "8", "6", "4", "2", "3"],
    ["รวม", L, "10", "", "", "", "", "", ""],
]

SOURCES = [
    ["ตัวชี้วัด", "แหล่งข้อมูล", "ผู้รับผิดชอบ"],
    ["1", "ระบบติดตามงานบริการ (e-Service)", "สำนักงานจังหวัดลำปาง"],
    ["2", "แบบสำรวจความพึงพอใจ ไตรมาส 1-4", "ศูนย์ดำรงธรรมจังหวัดลำปาง"],
    ["3", "ทะเบียนใบอนุญาต", "สำนักงานพาณิชย์จังหวัดลำปาง"],
    ["4", "ระบบรับเรื่องร้องเรียน 1567", "ศูนย์ดำรงธรรมจังหวัดลำปาง"],
]

BLOCKS = [
    P("ผลการดำเนินงานตามตัวชี้วัดคำรับรองการปฏิบัติราชการ จังหวัดลำปาง", bold=True),
    P("ประจำปีงบประมาณ พ.ศ. 2566 (รอบ 12 เดือน)", bold=True),
    T(ROWS, header_rows=2, widths=[6, 1.2, 1.2, 1, 1, 1, 1, 1, 1.6], sheet="ผลการดำเนินงาน"),
    P("แหล่งข้อมูลของตัวชี้วัด", bold=True, head=True),
    T(SOURCES, widths=[1, 4, 3], sheet="แหล่งข้อมูล"),
]

RECORDS = [
    kpi(item_no="1", name=K["1"], unit="%", weight=3, level_1=60, level_2=65, level_3=70,
        level_4=75, level_5=80, actual=72.5, score=3.5, direction="higher"),
    kpi(item_no="2", name=K["2"], unit="%", weight=3, level_1=70, level_2=75, level_3=80,
        level_4=85, level_5=90, actual=91.2, score=5, direction="higher"),
    # falling ladder: 10 days is half way from level 3 (11) to level 4 (9)
    kpi(item_no="3", name=K["3"], unit="วัน", weight=2, level_1=15, level_2=13, level_3=11,
        level_4=9, level_5=7, actual=10, score=3.5, direction="lower"),
    # 3 complaints: half way from level 4 (4) to level 5 (2)
    kpi(item_no="4", name=K["4"], unit="เรื่อง", weight=2, level_1=10, level_2=8, level_3=6,
        level_4=4, level_5=2, actual=3, score=4.5, direction="lower"),
]

DOC = {
    "stem": "lampang_kpi_ladder_2566",
    "folder": "lampang",
    "formats": ["xlsx", "xls"],
    "title": "ผลการดำเนินงานตามตัวชี้วัด จังหวัดลำปาง 2566",
    "author": "สำนักงานจังหวัดลำปาง",
    "font": "TH SarabunPSK",
    "size": 14,
    "xlsx_layout": "per_table",
    "xlsx_numbers": True,
    "blocks": BLOCKS,
    "records": RECORDS,
    "findings": [],
    "truth_defaults": {"form": "kpi_ladder", "agency": "จังหวัดลำปาง", "fiscal_year": 2566},
}
