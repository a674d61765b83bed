"""Planted defects, แบบฟอร์มที่ 7.2 (จังหวัดพะเยา, FY 2553): indicator 1 gives only three
thresholds (scores 1, 3, 5: LADDER_INCOMPLETE), indicator 2's thresholds go 60, 70, 65, 80, 90
(LADDER_NOT_MONOTONIC), indicator 3 counts complaints but is scored with a rising ladder
(DIRECTION_MISMATCH), indicator 4 has ``-`` as its weight (WEIGHT_MISSING).
"""
from _lib import L, U, P, T, fnd, kpi

PLAN = ("แผนพัฒนาองค์การ ประเด็นที่ 1 การพัฒนาคุณภาพการให้บริการประชาชน กิจกรรมหลัก 1. "
        "ปรับปรุงขั้นตอนการให้บริการ 2. พัฒนาสมรรถนะบุคลากร")
K = [
    ("7.1 ด้านประสิทธิผล", "ร้อยละของโครงการที่ดำเนินการแล้วเสร็จตามแผน", "1",
     [("60%", "1 คะแนน"), ("70%", "3 คะแนน"), ("80%", "5 คะแนน")]),
    ("7.2 ด้านคุณภาพการให้บริการ", "ร้อยละความพึงพอใจของประชาชนต่อการให้บริการ", "1",
     [("60%", "1 คะแนน"), ("70%", "2 คะแนน"), ("65%", "3 คะแนน"), ("80%", "4 คะแนน"),
      ("90%", "5 คะแนน")]),
    ("7.3 ด้านประสิทธิภาพของการปฏิบัติราชการ", "จำนวนเรื่องร้องเรียนเกี่ยวกับการให้บริการ", "0.5",
     [("5 เรื่อง", "1 คะแนน"), ("10 เรื่อง", "2 คะแนน"), ("15 เรื่อง", "3 คะแนน"),
      ("20 เรื่อง", "4 คะแนน"), ("25 เรื่อง", "5 คะแนน")]),
    ("7.4 ด้านการพัฒนาองค์การ", "ร้อยละของบุคลากรที่ได้รับการพัฒนาสมรรถนะ", "-",
     [("70%", "1 คะแนน"), ("75%", "2 คะแนน"), ("80%", "3 คะแนน"), ("85%", "4 คะแนน"),
      ("90%", "5 คะแนน")]),
]
TARGETS = ["100%", "90%", "5 เรื่อง", "90%"]

ROWS = [["แผนพัฒนาองค์การ", "มิติด้าน", "ตัวชี้วัด KPI", "ข้อมูลปัจจุบัน", "เป้าหมาย Target",
         "น้ำหนักคะแนน", "เกณฑ์การให้คะแนน", L]]
for n, (dim, name, weight, ladder) in enumerate(K):
    for i, (thr, score) in enumerate(ladder):
        if i == 0:
            ROWS.append([PLAN if n == 0 else U, dim, f"{n + 1}. {name}", "-", TARGETS[n], weight,
                         thr, score])
        else:
            ROWS.append([U, U, U, U, U, U, thr, score])

BLOCKS = [
    P("แบบฟอร์มที่ 7.2", bold=True, align="right"),
    P("แบบฟอร์มแสดงตัวชี้วัดความสำเร็จของการดำเนินการตามแผนพัฒนาองค์การ", bold=True,
      align="center"),
    P("สำนักงานจังหวัดพะเยา ประจำปีงบประมาณ พ.ศ. 2553", bold=True, align="center"),
    T(ROWS, widths=[6, 3, 5, 1.6, 1.8, 1.6, 1.6, 1.6], size=13),
]

RECORDS = [
    kpi(item_no="1", dimension="7.1", name=K[0][1], target=100, unit="%", weight=1,
        level_1=60, level_3=70, level_5=80, direction="higher"),
    kpi(item_no="2", dimension="7.2", name=K[1][1], target=90, unit="%", weight=1,
        level_1=60, level_2=70, level_3=65, level_4=80, level_5=90, direction="higher"),
    kpi(item_no="3", dimension="7.3", name=K[2][1], target=5, unit="เรื่อง", weight=0.5,
        level_1=5, level_2=10, level_3=15, level_4=20, level_5=25, direction="lower"),
    kpi(item_no="4", dimension="7.4", name=K[3][1], target=90, unit="%",
        level_1=70, level_2=75, level_3=80, level_4=85, level_5=90, direction="higher"),
]
for r in RECORDS:
    r["plan"] = PLAN

DOC = {
    "stem": "defect_form72_2553",
    "folder": "defects",
    "formats": ["docx", "pdf"],
    "title": "แบบฟอร์มที่ 7.2 จังหวัดพะเยา 2553",
    "font": "Laksaman",
    "size": 14,
    "landscape": True,
    "blocks": BLOCKS,
    "records": RECORDS,
    "findings": [fnd("LADDER_INCOMPLETE", "1"), fnd("LADDER_NOT_MONOTONIC", "2"),
                 fnd("DIRECTION_MISMATCH", "3"), fnd("WEIGHT_MISSING", "4")],
    "truth_defaults": {"form": "form72", "agency": "จังหวัดพะเยา", "fiscal_year": 2553},
}
