"""จังหวัดสุราษฎร์ธานี FY 2567: ladder indicators with results, saved from Excel as "CSV UTF-8"
(comma-separated, BOM, quoted cells where a name holds a comma). Results include one short of
level 1 (score 0), one exactly on a threshold of a falling ladder (score 3) and one beyond level 5.
Weights add up to the stated total. Clean: no finding expected.
"""
from _lib import L, P, T, kpi

K = {
    "1": "ร้อยละของผู้ป่วยเบาหวานที่ควบคุมระดับน้ำตาลในเลือดได้ดี",
    "2": "อัตราการเสียชีวิตจากอุบัติเหตุทางถนน (ต่อประชากรแสนคน)",
    "3": "ร้อยละที่เพิ่มขึ้นของจำนวนนักท่องเที่ยว",
    "4": "ร้อยละของครัวเรือนที่มีรายได้ผ่านเกณฑ์ จปฐ. (38,000 บาท/คน/ปี)",
}
ROWS = [
    ["ลำดับ", "ตัวชี้วัด", "หน่วยนับ", "น้ำหนัก", "ระดับ 1", "ระดับ 2", "ระดับ 3", "ระดับ 4",
     "ระดับ 5", "ผลการดำเนินงาน"],
    ["1", K["1"], "ร้อยละ", "2", "40", "45", "50", "55", "60", "38.50"],
    ["2", K["2"], "ต่อแสนประชากร", "2", "30", "28", "26", "24", "22", "26"],
    ["3", K["3"], "ร้อยละ", "1", "2", "4", "6", "8", "10", "12.0"],
    ["4", K["4"], "ร้อยละ", "1", "96", "97", "98", "99", "100", "99.5"],
    ["รวม", L, L, "6", "", "", "", "", "", ""],
]

BLOCKS = [
    P("ผลการดำเนินงานตามตัวชี้วัด จังหวัดสุราษฎร์ธานี ประจำปีงบประมาณ พ.ศ. 2567 (รอบ 12 เดือน)"),
    T(ROWS),
]

RECORDS = [
    kpi(item_no="1", name=K["1"], unit="%", weight=2, level_1=40, level_2=45, level_3=50,
        level_4=55, level_5=60, actual=38.5, score=0, direction="higher"),
    kpi(item_no="2", name=K["2"], unit="ต่อแสนประชากร", weight=2, level_1=30, level_2=28,
        level_3=26, level_4=24, level_5=22, actual=26, score=3, direction="lower"),
    kpi(item_no="3", name=K["3"], unit="%", weight=1, level_1=2, level_2=4, level_3=6, level_4=8,
        level_5=10, actual=12, score=5, direction="higher"),
    kpi(item_no="4", name=K["4"], unit="%", weight=1, level_1=96, level_2=97, level_3=98,
        level_4=99, level_5=100, actual=99.5, score=4.5, direction="higher"),
]

DOC = {
    "stem": "surat_kpi_ladder_2567",
    "folder": "surat",
    "formats": ["csv"],
    "txt_encoding": "utf-8-sig",
    "txt_newline": "\r\n",
    "blocks": BLOCKS,
    "records": RECORDS,
    "findings": [],
    "truth_defaults": {"form": "kpi_ladder", "agency": "จังหวัดสุราษฎร์ธานี", "fiscal_year": 2567},
}
