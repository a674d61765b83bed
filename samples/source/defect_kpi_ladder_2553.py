"""Planted defect, percentage-ladder workbook (จังหวัดพะเยา, FY 2553): indicator 1 is made of three
sub-indicators weighted 3 + 3 + 3 under a stated ``รวม 10`` (WEIGHT_SUM_MISMATCH). Results are
reported, so each sub-indicator is scored.
"""
from _lib import L, U, P, T, fnd, kpi

K = "ระดับความสำเร็จของการให้บริการ ณ ศูนย์บริการร่วมจังหวัดพะเยา"
SUB = {
    "1.1": "ร้อยละของผู้รับบริการที่ได้รับบริการภายในเวลามาตรฐาน",
    "1.2": "ร้อยละความพึงพอใจของผู้รับบริการ",
    "1.3": "ร้อยละของคำขอที่ดำเนินการแล้วเสร็จ",
}
ROWS = [
    ["ตัวชี้วัด", "น้ำหนัก", "ระดับคะแนน", L, L, L, L, "ผลการดำเนินงาน"],
    [U, U, "1", "2", "3", "4", "5", U],
    [f"ตัวชี้วัดที่ 1 {K}", "10", "", "", "", "", "", ""],
    ["1.1 " + SUB["1.1"], "3", "80", "85", "90", "95", "100", "92"],
    ["1.2 " + SUB["1.2"], "3", "70", "75", "80", "85", "90", "77"],
    ["1.3 " + SUB["1.3"], "3", "60", "70", "80", "90", "100", "100"],
    ["รวม", "10", "", "", "", "", "", ""],
]

BLOCKS = [
    P("ผลการดำเนินงานตามตัวชี้วัด จังหวัดพะเยา ประจำปีงบประมาณ พ.ศ. 2553 (หน่วย: ร้อยละ)",
      bold=True),
    T(ROWS, header_rows=2, widths=[6, 1, 1, 1, 1, 1, 1, 1.6], sheet="ตัวชี้วัด"),
]

G = dict(parent_item="1", unit="%", direction="higher")
RECORDS = [
    # scored from its sub-indicators: (3 × 3.4 + 3 × 2.4 + 3 × 5) / 9
    kpi(item_no="1", name=K, weight=10, score=3.6, direction="higher"),
    kpi(item_no="1.1", name=SUB["1.1"], weight=3, level_1=80, level_2=85, level_3=90,
        level_4=95, level_5=100, actual=92, score=3.4, **G),
    kpi(item_no="1.2", name=SUB["1.2"], weight=3, level_1=70, level_2=75, level_3=80,
        level_4=85, level_5=90, actual=77, score=2.4, **G),
    kpi(item_no="1.3", name=SUB["1.3"], weight=3, level_1=60, level_2=70, level_3=80,
        level_4=90, level_5=100, actual=100, score=5, **G),
]

DOC = {
    "stem": "defect_kpi_ladder_2553",
    "folder": "defects",
    "formats": ["xlsx", "ods"],
    "title": "ผลการดำเนินงานตามตัวชี้วัด จังหวัดพะเยา 2553",
    "font": "TH SarabunPSK",
    "size": 14,
    "xlsx_layout": "per_table",
    "xlsx_numbers": True,
    "blocks": BLOCKS,
    "records": RECORDS,
    "findings": [fnd("WEIGHT_SUM_MISMATCH", "", "")],
    "truth_defaults": {"form": "kpi_ladder", "agency": "จังหวัดพะเยา", "fiscal_year": 2553},
}
