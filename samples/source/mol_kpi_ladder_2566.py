"""กระทรวงแรงงาน FY 2566: ministry-level indicators reported by its strategy and planning division,
a percentage-ladder table whose five level columns are headed `1 2 3 4 5` under `เกณฑ์การให้คะแนน`,
`หน่วยนับ` and `ค่าน้ำหนัก` headers, weights out of 100 with a `รวม` row, a count ladder with
thousands separators, a falling ladder for processing time, results to score and an extra
`หมายเหตุ` column. Clean: no finding expected.
"""
from _lib import L, U, P, T, kpi

K = {
    "1": "ร้อยละของผู้สำเร็จการฝึกอบรมที่ได้งานทำหรือประกอบอาชีพอิสระ",
    "2": "จำนวนแรงงานที่ได้รับการพัฒนาทักษะฝีมือแรงงาน",
    "3": "ระยะเวลาเฉลี่ยในการพิจารณาคำร้องขอรับเงินทดแทน",
    "4": "ร้อยละความพึงพอใจของผู้รับบริการของหน่วยงานในสังกัดกระทรวง",
}

ROWS = [
    ["ที่", "ตัวชี้วัด", "หน่วยนับ", "ค่าน้ำหนัก", "เกณฑ์การให้คะแนน", L, L, L, L,
     "ผลการดำเนินงาน", "หมายเหตุ"],
    [U, U, U, U, "1", "2", "3", "4", "5", U, U],
    ["1", K["1"], "ร้อยละ", "25", "60", "65", "70", "75", "80", "77.5", "กรมพัฒนาฝีมือแรงงาน"],
    ["2", K["2"], "คน", "25", "80,000", "85,000", "90,000", "95,000", "100,000", "102,350",
     "กรมพัฒนาฝีมือแรงงาน"],
    ["3", K["3"], "วัน", "20", "30", "25", "20", "15", "10", "18", "สำนักงานประกันสังคม"],
    ["4", K["4"], "ร้อยละ", "30", "80", "82", "84", "86", "88", "85.0", ""],
    ["รวม", L, L, "100", "", "", "", "", "", "", ""],
]

BLOCKS = [
    P("ผลการดำเนินงานตามตัวชี้วัดระดับกระทรวง", bold=True),
    P("กระทรวงแรงงาน ประจำปีงบประมาณ พ.ศ. 2566 (รอบ 12 เดือน)", bold=True),
    T(ROWS, header_rows=2, widths=[0.7, 6, 1.2, 1.2, 1, 1, 1, 1, 1, 1.6, 2.6], sheet="ตัวชี้วัด"),
    P("จัดทำโดย กองยุทธศาสตร์และแผนงาน สำนักงานปลัดกระทรวงแรงงาน"),
]

RECORDS = [
    kpi(item_no="1", name=K["1"], unit="%", weight=25, level_1=60, level_2=65, level_3=70,
        level_4=75, level_5=80, actual=77.5, score=4.5, direction="higher"),
    kpi(item_no="2", name=K["2"], unit="คน", weight=25, level_1=80000, level_2=85000,
        level_3=90000, level_4=95000, level_5=100000, actual=102350, score=5, direction="higher"),
    # falling ladder: 18 days is two fifths of the way from level 3 (20) to level 4 (15)
    kpi(item_no="3", name=K["3"], unit="วัน", weight=20, level_1=30, level_2=25, level_3=20,
        level_4=15, level_5=10, actual=18, score=3.4, direction="lower"),
    kpi(item_no="4", name=K["4"], unit="%", weight=30, level_1=80, level_2=82, level_3=84,
        level_4=86, level_5=88, actual=85, score=3.5, direction="higher"),
]

DOC = {
    "stem": "mol_kpi_ladder_2566",
    "folder": "mol",
    "formats": ["xlsx", "csv"],
    "txt_encoding": "utf-8-sig",
    "title": "ผลการดำเนินงานตามตัวชี้วัด กระทรวงแรงงาน 2566",
    "author": "กองยุทธศาสตร์และแผนงาน",
    "font": "TH SarabunPSK",
    "size": 14,
    "xlsx_layout": "per_table",
    "xlsx_numbers": True,
    "blocks": BLOCKS,
    "records": RECORDS,
    "findings": [],
    "truth_defaults": {"form": "kpi_ladder", "agency": "กระทรวงแรงงาน", "fiscal_year": 2566},
}
