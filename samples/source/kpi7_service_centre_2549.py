"""KPI report (รายงานผลการปฏิบัติราชการตามคำรับรองฯ) for indicator 7, the joint service centre,
with its 5 levels × 5 steps milestone matrix. No results are reported, so every step's status is
unknown. The report names no agency: the folder it was filed in (the province that sent it)
stands in.
"""
from _lib import L, U, P, T, fnd, kpi, ms

STEPS = [
    "สำรวจงานบริการทั้งหมดภายในจังหวัดเพื่อคัดเลือกงานบริการสำหรับจัดทำแผนการจัดตั้งศูนย์บริการร่วม "
    "โดยสำรวจจากความต้องการของประชาชนผู้ใช้บริการ/หน่วยงานที่เกี่ยวข้องว่าต้องการให้มีงานบริการโดย"
    "อยู่ร่วมกันเพื่อให้บริการ ณ ศูนย์บริการร่วม",
    "จัดทำแผนสำหรับการจัดตั้งศูนย์บริการร่วมให้แล้วเสร็จภายในวันที่ 31 มีนาคม พ.ศ.2549",
    "มีความคืบหน้าในการดำเนินการจัดตั้งศูนย์บริการร่วมตามแผนงานแต่ละขั้นตอนที่กำหนดในปีงบประมาณ "
    "พ.ศ.2549 ไม่น้อยกว่าร้อยละ 60",
    "ศูนย์บริการร่วมจำนวนอย่างน้อย 1 แห่ง สามารถเปิดดำเนินการได้ภายในปีงบประมาณ พ.ศ.2549",
    "จัดทำรายงานประเมินผลความสำเร็จของการดำเนินงานแผนและผลสำเร็จ โดยรวมของการดำเนินงานของศูนย์"
    "บริการร่วม พร้อมทั้งรายงานข้อมูลที่ได้จากประชาชน ผู้ใช้บริการ/หน่วยงานที่เกี่ยวข้อง",
]
KPI_NAME = "ระดับความสำเร็จของการดำเนินการจัดตั้งศูนย์บริการร่วม"
TICK = "✓"

MATRIX = [
    ["ระดับ คะแนน", "ระดับขั้นของความสำเร็จ (Milestone)", L, L, L, L],
    [U, "ขั้นตอนที่ 1", "ขั้นตอนที่ 2", "ขั้นตอนที่ 3", "ขั้นตอนที่ 4", "ขั้นตอนที่ 5"],
] + [[str(level)] + [TICK if step <= level else "" for step in range(1, 6)]
     for level in range(1, 6)]

BLOCKS = [
    P("รายงานผลการปฏิบัติราชการตามคำรับรองฯ (ตามตัวชี้วัด)", bold=True, align="center"),
    P("มิติที่ 2 ด้านคุณภาพการให้บริการ", bold=True),
    P("ชื่อตัวชี้วัดที่ 7 : " + KPI_NAME, bold=True),
    P("ผู้กำกับดูแลตัวชี้วัด : นายวิรัตน์ มะลิสูวรรณ"),
    P("ผู้จัดเก็บข้อมูล : นายนาวิ มุสตาฟา"),
    P("เบอร์ติดต่อ : 0-1959-3489"),
    P("เบอร์ติดต่อ : 0-3168-2322"),
    P("คำอธิบาย : พิจารณาจากผลสำเร็จของการดำเนินการสำรวจงานบริการทั้งหมดภายในจังหวัด การจัดทำแผน"
      "สำหรับดำเนินการจัดตั้งศูนย์บริการร่วม การเปิดดำเนินการศูนย์บริการร่วม การติดตามประเมินผลการ"
      "ปฏิบัติตามแผน การจัดทำรายงานประเมินผลความสำเร็จของแผนดังกล่าวและผลสำเร็จโดยรวม"),
    P("เกณฑ์การให้คะแนน : กำหนดเป็นระดับขั้นของความสำเร็จ (Mileston) แบ่งเกณฑ์การให้คะแนนเป็น 5 "
      "ระดับ พิจารณาจากความก้าวหน้าของขั้นตอนการดำเนินงานตามเป้าหมายแต่ละระดับ ดังนี้"),
    T(MATRIX, header_rows=2, widths=[1.4, 1, 1, 1, 1, 1]),
    P("โดยที่ :"),
    T([[f"ขั้นตอนที่ {i} :", s] for i, s in enumerate(STEPS, 1)], header_rows=0,
      widths=[1.2, 6]),
    P("เกณฑ์การให้คะแนน :"),
    T([[f"ระดับ {i}" for i in range(1, 6)], [str(i) for i in range(1, 6)]], header_rows=1),
]

RECORDS = [
    kpi(item_no="7", name=KPI_NAME, dimension="2", direction="higher"),
    ms(item_no="1", parent_item="7", kpi_no="7", name=STEPS[0], level=1, status="unknown"),
    ms(item_no="2", parent_item="7", kpi_no="7", name=STEPS[1], level=2, status="unknown",
       deadline="2006-03-31"),
    ms(item_no="3", parent_item="7", kpi_no="7", name=STEPS[2], level=3, status="unknown",
       deadline="2006-09-30", target=60, unit="%"),
    ms(item_no="4", parent_item="7", kpi_no="7", name=STEPS[3], level=4, status="unknown",
       deadline="2006-09-30", target=1, unit="แห่ง"),
    ms(item_no="5", parent_item="7", kpi_no="7", name=STEPS[4], level=5, status="unknown"),
]

DOC = {
    "stem": "kpi7_service_centre_2549",
    "folder": "สำนักงานจังหวัดสตูล",
    "formats": ["docx", "pdf"],
    "title": "รายงานผลตามตัวชี้วัดที่ 7",
    "font": "TH SarabunPSK",
    "size": 16,
    "blocks": BLOCKS,
    "records": RECORDS,
    "findings": [],
    # a title above a plan or report is not its `plan` (records.md defines it for form72 and
    # kpi_ladder only): not checked
    "truth_skip_columns": ["plan"],
    "truth_defaults": {"form": "kpi_report", "agency": "สำนักงานจังหวัดสตูล",
                       "fiscal_year": 2549},
}
