"""จังหวัดตรัง FY ๒๕๖๙, แบบฟอร์มที่ ๗.๒ written entirely in Thai digits: item numbers, dimensions
(`๗.๑`–`๗.๓` in a `มิติ` column), weights under `ค่าน้ำหนัก (%)`, past results under
`ผลงานปีที่ผ่านมา`, targets, and the ladder as five columns headed `๑ ๒ ๓ ๔ ๕` under a
`เกณฑ์การให้คะแนน` banner. No plan cell or plan row (the title names no plan). Two
lower-is-better indicators with falling ladders: complaints (a lower-is-better word) and an
average processing time (no such word: lower because its ladder falls). A last row `รวม | ๑๐๐`
is the weights' total (30 + 20 + 25 + 25), not a record. Indicator 4 has no past result (`-`).
Clean: no finding expected (dimensions are a column, not rows of their own: no DIMENSION_EMPTY).
"""
from _lib import L, U, P, T, kpi

K1 = "ร้อยละความพึงพอใจของผู้รับบริการ ณ ศูนย์ดำรงธรรมจังหวัดตรัง"
K2 = "จำนวนเรื่องร้องเรียนเกี่ยวกับการให้บริการของส่วนราชการในจังหวัด"
K3 = "ระยะเวลาเฉลี่ยในการพิจารณาอนุญาตประกอบกิจการโรงงานจำพวกที่ ๒"
K4 = "ร้อยละของการเบิกจ่ายงบประมาณรายจ่ายลงทุนของจังหวัด"

ROWS = [
    ["ลำดับ", "ตัวชี้วัดความสำเร็จ", "มิติ", "ค่าน้ำหนัก (%)", "ผลงานปีที่ผ่านมา", "ค่าเป้าหมาย",
     "เกณฑ์การให้คะแนน", L, L, L, L],
    [U, U, U, U, U, U, "๑", "๒", "๓", "๔", "๕"],
    ["๑", K1, "๗.๒", "๓๐", "ร้อยละ ๘๕.๒", "ร้อยละ ๙๐", "๘๖", "๘๗", "๘๘", "๘๙", "๙๐"],
    ["๒", K2, "๗.๒", "๒๐", "๑๒ เรื่อง", "๕ เรื่อง", "๙", "๘", "๗", "๖", "๕"],
    ["๓", K3, "๗.๓", "๒๕", "๑๕ วัน", "๑๐ วัน", "๑๔", "๑๓", "๑๒", "๑๑", "๑๐"],
    ["๔", K4, "๗.๑", "๒๕", "-", "ร้อยละ ๙๕", "๙๑", "๙๒", "๙๓", "๙๔", "๙๕"],
    ["", "รวม", L, "๑๐๐", "", "", "", "", "", "", ""],
]

BLOCKS = [
    P("แบบฟอร์มที่ ๗.๒", bold=True, align="right"),
    P("ตัวชี้วัดความสำเร็จของการดำเนินการตามแผนพัฒนาองค์การ", bold=True, align="center"),
    P("สำนักงานจังหวัดตรัง ประจำปีงบประมาณ พ.ศ. ๒๕๖๙", bold=True, align="center"),
    T(ROWS, header_rows=2, widths=[1, 6, 1.2, 1.6, 2, 1.8, 1, 1, 1, 1, 1], size=14),
]

RECORDS = [
    kpi(item_no="1", name=K1, dimension="7.2", weight=30, baseline=85.2, target=90, unit="%",
        level_1=86, level_2=87, level_3=88, level_4=89, level_5=90, direction="higher"),
    kpi(item_no="2", name=K2, dimension="7.2", weight=20, baseline=12, target=5, unit="เรื่อง",
        level_1=9, level_2=8, level_3=7, level_4=6, level_5=5, direction="lower"),
    kpi(item_no="3", name=K3, dimension="7.3", weight=25, baseline=15, target=10, unit="วัน",
        level_1=14, level_2=13, level_3=12, level_4=11, level_5=10, direction="lower"),
    kpi(item_no="4", name=K4, dimension="7.1", weight=25, target=95, unit="%",
        level_1=91, level_2=92, level_3=93, level_4=94, level_5=95, direction="higher"),
]

DOC = {
    "stem": "trang_form72_2569",
    "folder": "trang",
    "formats": ["docx", "pdf", "xlsx", "ods"],
    "xlsx_layout": "one_sheet",
    "sheet": "แบบฟอร์ม ๗.๒",
    "title": "แบบฟอร์มที่ ๗.๒ จังหวัดตรัง ๒๕๖๙",
    "author": "กลุ่มงานยุทธศาสตร์และข้อมูลเพื่อการพัฒนาจังหวัด",
    "font": "TH SarabunPSK",
    "size": 15,
    "landscape": True,
    "blocks": BLOCKS,
    "records": RECORDS,
    "findings": [],
    "truth_defaults": {"form": "form72", "agency": "จังหวัดตรัง", "fiscal_year": 2569},
}
