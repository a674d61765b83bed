"""Planted defects, activity plan (สำนักงานจังหวัดพะเยา, FY 2553), one per item so that each
finding points at one row:

1.1 clean · 1.2 start ``เดือนหน้า`` (DATE_UNPARSEABLE) · 1.3 ends before it starts
(START_AFTER_END; no duration given) · 1.4 ends in ต.ค. 53, after the fiscal year
(OUTSIDE_FISCAL_YEAR) · 1.5 ``3 เดือน`` from ม.ค. 53 to ม.ค. 53 (DURATION_MISMATCH) · 1.6 end
``กรกฏาคม 2553`` misspelt (DATE_CORRECTED) · 1.7 no dates and no Gantt ticks (DATE_MISSING) ·
group total 200,000 against items adding up to 190,000 (BUDGET_SUM_MISMATCH).
The Gantt columns are shaded for the months the dates give. Approval signed and dated.
"""
from _lib import S, U, P, T, act, span

MONTHS = ["ต.ค. 52", "พ.ย. 52", "ธ.ค. 52", "ม.ค. 53", "ก.พ. 53", "มี.ค. 53", "เม.ย. 53",
          "พ.ค. 53", "มิ.ย. 53", "ก.ค. 53", "ส.ค. 53", "ก.ย. 53"]
NC = 19


def item(no, name, duration, start, end, months, budget, resp):
    return [no, name, duration, start, end] + [S if i in months else "" for i in range(1, 13)] \
        + [budget, resp]


R = "กลุ่มงานยุทธศาสตร์และข้อมูลเพื่อการพัฒนาจังหวัด"
GROUP = "การพัฒนาระบบติดตามและประเมินผลแผนพัฒนาจังหวัด"
ROWS = [
    ["ลำดับ", "กิจกรรม/ขั้นตอน", "ระยะเวลา", "เริ่มต้น", "สิ้นสุด"]
    + span("ปีงบประมาณ 2553", 12) + ["งบประมาณ", "ผู้รับผิดชอบ"],
    [U, U, U, U, U] + MONTHS + [U, U],
    ["1"] + span(f"กิจกรรมที่ 1 {GROUP} 200,000 บาท", NC - 1),
    item("1.1", "ประชุมชี้แจงแนวทางการติดตามและประเมินผล", "1 เดือน", "ต.ค. 52", "ต.ค. 52", (1,),
         "20,000", R),
    item("1.2", "สำรวจข้อมูลโครงการของส่วนราชการ", "2 เดือน", "เดือนหน้า", "ธ.ค. 52", (),
         "30,000", '"'),
    item("1.3", "จัดทำร่างแผนการติดตามและประเมินผล", "-", "ส.ค. 53", "มิ.ย. 53", (), "40,000", '"'),
    item("1.4", "อบรมเจ้าหน้าที่ผู้รับผิดชอบการรายงานผล", "2 เดือน", "ก.ย. 53", "ต.ค. 53", (12,),
         "50,000", '"'),
    item("1.5", "ติดตามผลการดำเนินงานรายไตรมาส", "3 เดือน", "ม.ค. 53", "ม.ค. 53", (4,), "25,000",
         '"'),
    item("1.6", "ประเมินผลกลางปี", "1 เดือน", "ก.ค. 53", "กรกฏาคม 2553", (10,), "15,000", '"'),
    item("1.7", "จัดทำรายงานสรุปผลเสนอผู้ว่าราชการจังหวัด", "1 เดือน", "", "", (), "10,000", '"'),
]

BLOCKS = [
    P("แผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. 2553", bold=True, align="center"),
    P("สำนักงานจังหวัดพะเยา", bold=True, align="center"),
    T(ROWS, header_rows=2, widths=[0.9, 5.5, 1.4, 1.5, 1.6] + [0.95] * 12 + [1.8, 3.2],
      size=11, sheet="แผนปฏิบัติการ"),
    P("พิจารณาเห็นชอบดำเนินการ"),
    P("ลงนาม  ประสงค์ ใจมั่น"),
    P("(นายประสงค์ ใจมั่น)"),
    P("ผู้ว่าราชการจังหวัดพะเยา"),
    P("วันที่ 1 ตุลาคม 2552"),
]

RECORDS = [
    act(item_no="1", row_kind="group", name=GROUP, budget_thb=200000),
    act(item_no="1.1", parent_item="1", name="ประชุมชี้แจงแนวทางการติดตามและประเมินผล",
        duration_months=1, start="2009-10", end="2009-10", deadline="2009-10-31",
        budget_thb=20000, responsible=R),
    act(item_no="1.2", parent_item="1", name="สำรวจข้อมูลโครงการของส่วนราชการ",
        duration_months=2, end="2009-12", deadline="2009-12-31", budget_thb=30000, responsible=R),
    act(item_no="1.3", parent_item="1", name="จัดทำร่างแผนการติดตามและประเมินผล",
        start="2010-08", end="2010-06", deadline="2010-06-30", budget_thb=40000, responsible=R),
    act(item_no="1.4", parent_item="1", name="อบรมเจ้าหน้าที่ผู้รับผิดชอบการรายงานผล",
        duration_months=2, start="2010-09", end="2010-10", deadline="2010-10-31",
        budget_thb=50000, responsible=R),
    act(item_no="1.5", parent_item="1", name="ติดตามผลการดำเนินงานรายไตรมาส", duration_months=3,
        start="2010-01", end="2010-01", deadline="2010-01-31", budget_thb=25000, responsible=R),
    act(item_no="1.6", parent_item="1", name="ประเมินผลกลางปี", duration_months=1,
        start="2010-07", end="2010-07", deadline="2010-07-31", budget_thb=15000, responsible=R),
    act(item_no="1.7", parent_item="1", name="จัดทำรายงานสรุปผลเสนอผู้ว่าราชการจังหวัด",
        duration_months=1, budget_thb=10000, responsible=R),
]

FINDINGS = [
    ("DATE_UNPARSEABLE", "1.2", "เดือนหน้า"),
    ("START_AFTER_END", "1.3", ""),
    ("OUTSIDE_FISCAL_YEAR", "1.4", ""),
    ("DURATION_MISMATCH", "1.5", ""),
    ("DATE_CORRECTED", "1.6", ""),
    ("DATE_MISSING", "1.7", ""),
    ("BUDGET_SUM_MISMATCH", "1", ""),
]

DOC = {
    "stem": "defect_activity_plan_2553",
    "folder": "defects",
    "formats": ["docx", "xlsx"],
    "title": "แผนปฏิบัติการ สำนักงานจังหวัดพะเยา 2553",
    "font": "TH SarabunPSK",
    "size": 15,
    "landscape": True,
    "margin_cm": 1.2,
    "xlsx_layout": "one_sheet",
    "sheet": "แผนปฏิบัติการ",
    "blocks": BLOCKS,
    "records": RECORDS,
    "findings": FINDINGS,
    # a title above a plan or report is not its `plan` (records.md defines it for form72 and
    # kpi_ladder only): not checked
    "truth_skip_columns": ["plan"],
    "truth_defaults": {"form": "activity_plan", "agency": "จังหวัดพะเยา", "fiscal_year": 2553},
}
