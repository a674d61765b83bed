"""จังหวัดนครศรีธรรมราช FY 2569 (written ๒๕๖๙): a 3-month KPI report for indicator ๑๒, everything in
Thai digits. The milestone matrix has a two-row header: `คะแนน` merged down over both rows beside
a banner `ขั้นตอนที่` merged over five sub-columns numbered `๑ ๒ ๓ ๔ ๕`; level rows `๑`–`๕` tick
the steps cumulatively with `●`. The steps follow as paragraphs `ขั้นตอนที่ ๑ …` with their
deadlines in prose (a day, a quarter of the fiscal year, a month, the fiscal year). The results
table (`ขั้นตอนที่ | ผลการดำเนินงาน`) reports step 1 `ดำเนินการแล้วเสร็จ เมื่อวันที่ ๑๐ ต.ค. ๒๕๖๘`
(done, before its deadline of ๑๕ ต.ค. ๒๕๖๘), step 2 in progress and steps 3–5 `-` (nothing done
yet: not done). One step done, so the score is 1.

Clean: no finding expected. Judged at the samples' as-of date (2010-10-15) nothing is late;
judged after 2026-03-31, step 2 (due by the end of quarter 2) would be DEADLINE_MISSED.
"""
from _lib import L, U, P, T, kpi, ms

KPI_NAME = "ระดับความสำเร็จของการจัดทำฐานข้อมูลผู้สูงอายุและผู้มีภาวะพึ่งพิงของจังหวัด"
STEPS = [
    "แต่งตั้งคณะทำงานจัดทำฐานข้อมูลผู้สูงอายุระดับจังหวัด ภายใน ๑๕ ต.ค. ๒๕๖๘",
    "สำรวจและรวบรวมข้อมูลผู้สูงอายุและผู้มีภาวะพึ่งพิงจากองค์กรปกครองส่วนท้องถิ่น "
    "ภายในไตรมาสที่ ๒",
    "บันทึกข้อมูลเข้าระบบไม่น้อยกว่าร้อยละ ๘๐ ของกลุ่มเป้าหมาย ภายในวันที่ ๓๐ มิถุนายน ๒๕๖๙",
    "ตรวจสอบความถูกต้องของข้อมูลร่วมกับสำนักงานสาธารณสุขจังหวัด ภายในเดือนสิงหาคม ๒๕๖๙",
    "สรุปผลและรายงานผู้ว่าราชการจังหวัด ภายในปีงบประมาณ พ.ศ. ๒๕๖๙",
]
RESULTS = ["ดำเนินการแล้วเสร็จ เมื่อวันที่ ๑๐ ต.ค. ๒๕๖๘", "อยู่ระหว่างดำเนินการ", "-", "-", "-"]
TH = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")

MATRIX = [["คะแนน", "ขั้นตอนที่", L, L, L, L],
          [U] + [str(s).translate(TH) for s in range(1, 6)]] + [
    [str(level).translate(TH)] + ["●" if s <= level else "" for s in range(1, 6)]
    for level in range(1, 6)]
RES = [["ขั้นตอนที่", "ผลการดำเนินงาน"]] + [
    [str(i).translate(TH), r] for i, r in enumerate(RESULTS, 1)]

BLOCKS = [
    P("รายงานผลการดำเนินงานตามตัวชี้วัด รอบ ๓ เดือน", bold=True, align="center"),
    P("สำนักงานจังหวัดนครศรีธรรมราช ประจำปีงบประมาณ พ.ศ. ๒๕๖๙", bold=True, align="center"),
    P("มิติที่ ๔ ด้านการพัฒนาองค์การ"),
    P(f"ตัวชี้วัดที่ ๑๒ {KPI_NAME}"),
    P("ผู้กำกับดูแลตัวชี้วัด : นายสมศักดิ์ ทองคำ รองผู้ว่าราชการจังหวัดนครศรีธรรมราช"),
    P("ผู้จัดเก็บข้อมูล : นางสาวสุภาวดี แก้วมณี โทร. ๐-๗๕๓๕-๖๐๑๒"),
    P("เกณฑ์การให้คะแนน :"),
    T(MATRIX, header_rows=2, widths=[1.5, 1, 1, 1, 1, 1]),
    P("รายละเอียดขั้นตอนการดำเนินงาน"),
] + [P(f"ขั้นตอนที่ {str(i).translate(TH)} {s}") for i, s in enumerate(STEPS, 1)] + [
    P("ผลการดำเนินงาน (ข้อมูล ณ วันที่ ๓๑ ธันวาคม ๒๕๖๘)", bold=True),
    T(RES, widths=[1, 4]),
]

# ไตรมาสที่ ๒ of fiscal year 2569: January–March 2026
DEADLINES = ["2025-10-15", "2026-03-31", "2026-06-30", "2026-08-31", "2026-09-30"]
COMPLETED = ["2025-10-10", "", "", "", ""]
STATUS = ["done", "not_done", "not_done", "not_done", "not_done"]

RECORDS = [kpi(item_no="12", name=KPI_NAME, dimension="4", score=1, direction="higher")] + [
    ms(item_no=str(i), parent_item="12", kpi_no="12", name=STEPS[i - 1], level=i,
       deadline=DEADLINES[i - 1], completed=COMPLETED[i - 1], status=STATUS[i - 1],
       **({"target": 80, "unit": "%"} if i == 3 else {}))
    for i in range(1, 6)]

DOC = {
    "stem": "nakhonsi_kpi_report_2569",
    "folder": "nakhonsi",
    "formats": ["docx", "pdf", "html"],
    "html_encoding": "cp874",
    "title": "รายงานผลตัวชี้วัดที่ ๑๒ จังหวัดนครศรีธรรมราช",
    "font": "TH SarabunPSK",
    "size": 15,
    "blocks": BLOCKS,
    "records": RECORDS,
    "findings": [],
    # a title above a report is not its `plan` (records.md defines it for form72 and kpi_ladder
    # only): not checked
    "truth_skip_columns": ["plan"],
    "truth_defaults": {"form": "kpi_report", "agency": "จังหวัดนครศรีธรรมราช", "fiscal_year": 2569},
}
