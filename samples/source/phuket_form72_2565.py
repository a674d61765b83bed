"""จังหวัดภูเก็ต FY 2565: แบบฟอร์มที่ 7.2 as a tab-separated text export in UTF-8 with BOM (LF line
ends). Merged cells come out as a value on their first row and empty cells below; every ladder row
is ``threshold<TAB>score``. All four dimensions have an indicator. Clean: no finding expected.
"""
from _lib import L, U, P, T, kpi

PLAN = ("แผนพัฒนาองค์การ ประเด็นที่ 2 การบริหารจัดการที่ดีและการให้บริการที่เป็นเลิศ "
        "กิจกรรมหลัก 1. ปรับปรุงกระบวนงานบริการ 2. พัฒนาบุคลากรด้านดิจิทัล")
K = [
    ("7.1 ด้านประสิทธิผล", "ร้อยละที่เพิ่มขึ้นของรายได้จากการท่องเที่ยวเมื่อเทียบกับปีที่ผ่านมา",
     "3.2", "10", "1", ["2", "4", "6", "8", "10"]),
    ("7.2 ด้านคุณภาพการให้บริการ", "ร้อยละความพึงพอใจของผู้รับบริการ ณ ศูนย์บริการร่วม", "84.6",
     "90", "0.5", ["80", "82.5", "85", "87.5", "90"]),
    ("7.3 ด้านประสิทธิภาพของการปฏิบัติราชการ", "ร้อยละของการเบิกจ่ายงบประมาณภาพรวมของจังหวัด",
     "93.1", "100", "0.5", ["92", "94", "96", "98", "100"]),
    ("7.4 ด้านการพัฒนาองค์การ", "ร้อยละของบุคลากรที่ผ่านการอบรมหลักสูตรทักษะดิจิทัล", "-", "80",
     "0.5", ["60", "65", "70", "75", "80"]),
]

ROWS = [["แผนพัฒนาองค์การ", "มิติด้าน", "ตัวชี้วัด", "ข้อมูลปัจจุบัน", "เป้าหมาย", "น้ำหนัก",
         "เกณฑ์การให้คะแนน", L]]
for n, (dim, name, base, target, weight, ladder) in enumerate(K):
    for lv, thr in enumerate(ladder, 1):
        if lv == 1:
            ROWS.append([PLAN if n == 0 else U, dim, f"{n + 1}. {name}",
                         f"ร้อยละ {base}" if base != "-" else "-", f"ร้อยละ {target}", weight,
                         f"ร้อยละ {thr}", f"{lv} คะแนน"])
        else:
            ROWS.append([U, U, U, U, U, U, f"ร้อยละ {thr}", f"{lv} คะแนน"])

BLOCKS = [
    P("แบบฟอร์มที่ 7.2"),
    P("แบบฟอร์มแสดงตัวชี้วัดความสำเร็จของการดำเนินการตามแผนพัฒนาองค์การ จังหวัดภูเก็ต"),
    P("ประจำปีงบประมาณ พ.ศ. 2565"),
    T(ROWS),
]

RECORDS = [
    kpi(item_no="1", dimension="7.1", name=K[0][1], baseline=3.2, target=10, weight=1,
        level_1=2, level_2=4, level_3=6, level_4=8, level_5=10),
    kpi(item_no="2", dimension="7.2", name=K[1][1], baseline=84.6, target=90, weight=0.5,
        level_1=80, level_2=82.5, level_3=85, level_4=87.5, level_5=90),
    kpi(item_no="3", dimension="7.3", name=K[2][1], baseline=93.1, target=100, weight=0.5,
        level_1=92, level_2=94, level_3=96, level_4=98, level_5=100),
    kpi(item_no="4", dimension="7.4", name=K[3][1], target=80, weight=0.5,
        level_1=60, level_2=65, level_3=70, level_4=75, level_5=80),
]
for r in RECORDS:
    r.update(plan=PLAN, unit="%", direction="higher")

DOC = {
    "stem": "phuket_form72_2565",
    "folder": "phuket",
    "formats": ["tsv"],
    "txt_encoding": "utf-8-sig",
    "txt_newline": "\n",
    "blocks": BLOCKS,
    "records": RECORDS,
    "findings": [],
    "truth_defaults": {"form": "form72", "agency": "จังหวัดภูเก็ต", "fiscal_year": 2565},
}
