"""จังหวัดนครปฐม FY 2568: a 6-month KPI report for indicator 4. The milestone matrix has one header
row (`ขั้นตอนที่ 1` … `ขั้นตอนที่ 5` as column heads, ticks ✓); the steps follow as a numbered list
(`1.` … `5.`) with their deadlines in prose; the results table gives `✓ (15 ธ.ค. 67)` for a step
done on that day, `อยู่ระหว่างดำเนินการ` and `ยังไม่ถึงกำหนด` for steps not done yet. Three steps
done, so the score is 3. Clean: no finding expected (judged at 2010-10-15 nothing is late).
"""
from _lib import P, T, kpi, ms

KPI_NAME = "ระดับความสำเร็จของการพัฒนาระบบบริการอิเล็กทรอนิกส์ของศูนย์ราชการจังหวัดนครปฐม"
STEPS = [
    "แต่งตั้งคณะทำงานพัฒนาระบบบริการอิเล็กทรอนิกส์ ภายในวันที่ 31 ตุลาคม 2567",
    "จัดทำแผนการพัฒนาระบบและเสนอผู้ว่าราชการจังหวัดให้ความเห็นชอบ ภายในวันที่ 15 ธันวาคม 2567",
    "พัฒนาระบบนัดหมายและติดตามสถานะคำขอออนไลน์แล้วเสร็จ ภายในเดือนมีนาคม 2568",
    "เปิดให้บริการและมีผู้ใช้บริการผ่านระบบไม่น้อยกว่าร้อยละ 30 ของผู้รับบริการทั้งหมด "
    "ภายในเดือนมิถุนายน 2568",
    "ประเมินความพึงพอใจของผู้ใช้บริการและสรุปผลเสนอจังหวัด ภายในวันที่ 15 กันยายน 2568",
]
RESULTS = ["✓ (25 ต.ค. 67)", "✓ (15 ธ.ค. 67)", "✓ (20 มี.ค. 68)", "อยู่ระหว่างดำเนินการ",
           "ยังไม่ถึงกำหนด"]

MATRIX = [["ระดับคะแนน"] + [f"ขั้นตอนที่ {s}" for s in range(1, 6)]] + [
    [str(level)] + ["✓" if s <= level else "" for s in range(1, 6)] for level in range(1, 6)]
RES = [["ขั้นตอนที่", "ผลการดำเนินงาน"]] + [[str(i), r] for i, r in enumerate(RESULTS, 1)]

BLOCKS = [
    P("รายงานผลการดำเนินงานตามคำรับรองการปฏิบัติราชการ รอบ 6 เดือน", bold=True, align="center"),
    P("สำนักงานจังหวัดนครปฐม ประจำปีงบประมาณ พ.ศ. 2568", bold=True, align="center"),
    P("มิติที่ 2 ด้านคุณภาพการให้บริการ"),
    P(f"ตัวชี้วัดที่ 4 {KPI_NAME}"),
    P("ผู้กำกับดูแลตัวชี้วัด : นายประเสริฐ บุญมา รองผู้ว่าราชการจังหวัดนครปฐม"),
    P("ผู้จัดเก็บข้อมูล : นางสาวกมลวรรณ ศรีทอง โทรศัพท์ 0-3434-0051"),
    P("เกณฑ์การให้คะแนน :"),
    T(MATRIX, widths=[2, 1.5, 1.5, 1.5, 1.5, 1.5]),
    P("โดยมีรายละเอียดการดำเนินงานแต่ละขั้นตอน ดังนี้"),
] + [P(f"{i}. {s}") for i, s in enumerate(STEPS, 1)] + [
    P("ผลการดำเนินงาน (ข้อมูล ณ วันที่ 31 มีนาคม 2568)", bold=True),
    T(RES, widths=[1, 4]),
]

DEADLINES = ["2024-10-31", "2024-12-15", "2025-03-31", "2025-06-30", "2025-09-15"]
COMPLETED = ["2024-10-25", "2024-12-15", "2025-03-20", "", ""]
STATUS = ["done", "done", "done", "not_done", "not_done"]

RECORDS = [kpi(item_no="4", name=KPI_NAME, dimension="2", score=3, direction="higher")] + [
    ms(item_no=str(i), parent_item="4", kpi_no="4", name=STEPS[i - 1], level=i,
       deadline=DEADLINES[i - 1], completed=COMPLETED[i - 1], status=STATUS[i - 1],
       **({"target": 30, "unit": "%"} if i == 4 else {}))
    for i in range(1, 6)]

DOC = {
    "stem": "nakhonpathom_kpi_report_2568",
    "folder": "nakhonpathom",
    "formats": ["docx", "pdf", "doc"],
    "title": "รายงานผลตัวชี้วัดที่ 4 จังหวัดนครปฐม",
    "font": "TH SarabunPSK",
    "size": 15,
    "blocks": BLOCKS,
    "records": RECORDS,
    "findings": [],
    "truth_skip_columns": ["plan"],
    "truth_defaults": {"form": "kpi_report", "agency": "จังหวัดนครปฐม", "fiscal_year": 2568},
}
