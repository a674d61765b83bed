"""จังหวัดขอนแก่น FY 2567: a 12-month KPI report for indicator 3 with a 5 × 5 milestone matrix
(ticks ✔), step texts of its own with deadlines (ภายในเดือน ธ.ค. 2566, ภายในวันที่ 31 พฤษภาคม
2567 …) and the reported results: every step done before its deadline, so the score is 5.
Clean: no finding expected. Submitted as PDF only.
"""
from _lib import L, U, P, T, kpi, ms

KPI_NAME = "ระดับความสำเร็จของการขับเคลื่อนศูนย์ดำรงธรรมจังหวัดขอนแก่น"
STEPS = [
    "แต่งตั้งคณะทำงานขับเคลื่อนศูนย์ดำรงธรรมจังหวัด ภายในเดือน ต.ค. 2566",
    "จัดทำแผนปฏิบัติการขับเคลื่อนศูนย์ดำรงธรรมจังหวัด ภายในเดือน ธ.ค. 2566",
    "ดำเนินการตามแผนปฏิบัติการได้ไม่น้อยกว่าร้อยละ 80 ภายในวันที่ 31 พฤษภาคม 2567",
    "ผลการสำรวจความพึงพอใจของผู้รับบริการไม่ต่ำกว่าร้อยละ 85 ภายในเดือน ก.ค. 2567",
    "สรุปรายงานผลการดำเนินงานเสนอผู้ว่าราชการจังหวัดขอนแก่น ภายในวันที่ 15 กันยายน 2567",
]
DONE = ["20 ต.ค. 2566", "15 ธ.ค. 2566", "28 พ.ค. 2567", "19 ก.ค. 2567", "10 ก.ย. 2567"]
MARK = "✔"

MATRIX = [
    ["ระดับคะแนน", "ขั้นตอนที่", L, L, L, L],
    [U, "1", "2", "3", "4", "5"],
] + [[str(level)] + [MARK if s <= level else "" for s in range(1, 6)] for level in range(1, 6)]

RESULTS = [["ขั้นตอน", "ผลการดำเนินงาน", "วันที่แล้วเสร็จ"]] + [
    [f"ขั้นตอนที่ {i}", "ดำเนินการแล้วเสร็จ", d] for i, d in enumerate(DONE, 1)]

BLOCKS = [
    P("รายงานผลการดำเนินงานตามตัวชี้วัด รอบ 12 เดือน", bold=True, align="center"),
    P("คำรับรองการปฏิบัติราชการของจังหวัดขอนแก่น ประจำปีงบประมาณ พ.ศ. 2567", bold=True,
      align="center"),
    P("มิติที่ 1 ด้านประสิทธิผล"),
    P(f"ตัวชี้วัดที่ 3 {KPI_NAME}"),
    P("ผู้กำกับดูแลตัวชี้วัด : นางสาวพิมพ์ชนก วงศ์ใหญ่ หัวหน้าสำนักงานจังหวัดขอนแก่น"),
    P("ผู้จัดเก็บข้อมูล : นายอนุชา แก้วมณี โทร. 0-4323-6781"),
    P("เกณฑ์การให้คะแนน : ระดับขั้นของความสำเร็จ (Milestone) 5 ระดับ ดังนี้"),
    T(MATRIX, header_rows=2, widths=[2, 1, 1, 1, 1, 1]),
    P("รายละเอียดขั้นตอน"),
] + [P(f"ขั้นตอนที่ {i} {s}") for i, s in enumerate(STEPS, 1)] + [
    P("ผลการดำเนินงาน", bold=True),
    T(RESULTS, widths=[2, 3, 2]),
    P("สรุป : ดำเนินการครบทั้ง 5 ขั้นตอน"),
]

DEADLINES = ["2023-10-31", "2023-12-31", "2024-05-31", "2024-07-31", "2024-09-15"]
COMPLETED = ["2023-10-20", "2023-12-15", "2024-05-28", "2024-07-19", "2024-09-10"]
TARGETS = [{}, {}, {"target": 80, "unit": "%"}, {"target": 85, "unit": "%"}, {}]

RECORDS = [kpi(item_no="3", name=KPI_NAME, dimension="1", score=5, direction="higher")] + [
    ms(item_no=str(i), parent_item="3", kpi_no="3", name=STEPS[i - 1], level=i,
       deadline=DEADLINES[i - 1], completed=COMPLETED[i - 1], status="done", **TARGETS[i - 1])
    for i in range(1, 6)]

DOC = {
    "stem": "khonkaen_kpi_report_2567",
    "folder": "khonkaen",
    "formats": ["pdf"],
    "title": "รายงานผลตัวชี้วัดที่ 3 จังหวัดขอนแก่น",
    "font": "Kinnari",
    "size": 14,
    "blocks": BLOCKS,
    "records": RECORDS,
    "findings": [],
    # a title above a plan or report is not its `plan` (records.md defines it for form72 and
    # kpi_ladder only): not checked
    "truth_skip_columns": ["plan"],
    "truth_defaults": {"form": "kpi_report", "agency": "จังหวัดขอนแก่น", "fiscal_year": 2567},
}
