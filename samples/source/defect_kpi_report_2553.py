"""Planted defects, KPI report with two indicators (จังหวัดพะเยา, FY 2553, results reported as of
the 12-month round):

- indicator 5: level 3's row does not tick step 2 (MILESTONE_MISSING); step 2 was done on
  20 เม.ย. 2553, after its deadline of 31 มีนาคม 2553 (DEADLINE_MISSED); step 4 is not done and its
  deadline, 31 สิงหาคม 2553, has passed by 2010-10-15 (DEADLINE_MISSED); step 5 is not done but
  is due only in ธ.ค. 2553 (not late). Steps 1–3 done → score 3.
- indicator 6: the level 4 row is missing (MILESTONE_MISSING); step 3 is not done and was due in
  ก.ค. 2553 (DEADLINE_MISSED); step 4 is due within fiscal year 2554 (not late). Steps 1–2 done
  → score 2.
"""
from _lib import L, U, P, T, kpi, ms

K5 = "ระดับความสำเร็จของการพัฒนาระบบฐานข้อมูลผู้รับบริการของจังหวัด"
S5 = [
    "แต่งตั้งคณะทำงานพัฒนาระบบฐานข้อมูล ภายในเดือน ธ.ค. 2552",
    "จัดทำแผนการพัฒนาระบบฐานข้อมูลให้แล้วเสร็จภายในวันที่ 31 มีนาคม 2553",
    "พัฒนาระบบฐานข้อมูลแล้วเสร็จ ภายในเดือน มิ.ย. 2553",
    "ส่วนราชการนำเข้าข้อมูลครบถ้วนไม่น้อยกว่าร้อยละ 80 ภายในวันที่ 31 สิงหาคม 2553",
    "ประเมินผลการใช้งานระบบและรายงานผู้ว่าราชการจังหวัด ภายในเดือน ธ.ค. 2553",
]
R5 = [("ดำเนินการแล้ว", "20 ธ.ค. 2552"), ("ดำเนินการแล้ว", "20 เม.ย. 2553"),
      ("ดำเนินการแล้ว", "15 มิ.ย. 2553"), ("ยังไม่ดำเนินการ", "-"), ("ยังไม่ดำเนินการ", "-")]

K6 = "ระดับความสำเร็จของการจัดทำมาตรฐานการให้บริการของศูนย์บริการร่วม"
S6 = [
    "ศึกษาความต้องการของผู้รับบริการ ภายในเดือน พ.ย. 2552",
    "จัดทำร่างมาตรฐานการให้บริการ ภายในเดือน ก.พ. 2553",
    "ประกาศใช้มาตรฐานการให้บริการ ภายในเดือน ก.ค. 2553",
    "ติดตามผลการใช้มาตรฐานการให้บริการ ภายในปีงบประมาณ พ.ศ. 2554",
    "ทบทวนและปรับปรุงมาตรฐานการให้บริการ",
]
R6 = [("ดำเนินการแล้ว", "25 พ.ย. 2552"), ("ดำเนินการแล้ว", "26 ก.พ. 2553"),
      ("ยังไม่ดำเนินการ", "-"), ("ยังไม่ดำเนินการ", "-"), ("ยังไม่ดำเนินการ", "-")]
TICK = "✓"


def matrix(levels):
    rows = [["ระดับคะแนน", "ระดับขั้นของความสำเร็จ (Milestone)", L, L, L, L],
            [U] + [f"ขั้นตอนที่ {s}" for s in range(1, 6)]]
    for level, steps in levels:
        rows.append([str(level)] + [TICK if s in steps else "" for s in range(1, 6)])
    return rows


def indicator(no, dim, name, levels, steps, results):
    return [
        P(f"มิติที่ {dim}", bold=True),
        P(f"ชื่อตัวชี้วัดที่ {no} : {name}", bold=True),
        P("เกณฑ์การให้คะแนน : กำหนดเป็นระดับขั้นของความสำเร็จ (Milestone) 5 ระดับ ดังนี้"),
        T(matrix(levels), header_rows=2, widths=[1.4, 1, 1, 1, 1, 1]),
        P("โดยที่ :"),
        T([[f"ขั้นตอนที่ {i} :", s] for i, s in enumerate(steps, 1)], header_rows=0,
          widths=[1.2, 6]),
        P("ผลการดำเนินงาน :"),
        T([["ขั้นตอน", "ผลการดำเนินงาน", "วันที่ดำเนินการแล้วเสร็จ"]]
          + [[f"ขั้นตอนที่ {i}", r, d] for i, (r, d) in enumerate(results, 1)],
          widths=[1.5, 2, 2]),
    ]


FULL = [(1, {1}), (2, {1, 2}), (3, {1, 2, 3}), (4, {1, 2, 3, 4}), (5, {1, 2, 3, 4, 5})]
BLOCKS = [
    P("รายงานผลการปฏิบัติราชการตามคำรับรองการปฏิบัติราชการ จังหวัดพะเยา", bold=True,
      align="center"),
    P("ประจำปีงบประมาณ พ.ศ. 2553 (รอบ 12 เดือน)", bold=True, align="center"),
    *indicator("5", "2 ด้านคุณภาพการให้บริการ", K5,
               [(1, {1}), (2, {1, 2}), (3, {1, 3}), (4, {1, 2, 3, 4}), (5, {1, 2, 3, 4, 5})],
               S5, R5),
    *indicator("6", "2 ด้านคุณภาพการให้บริการ", K6,
               [(1, {1}), (2, {1, 2}), (3, {1, 2, 3}), (5, {1, 2, 3, 4, 5})], S6, R6),
]

RECORDS = [
    kpi(item_no="5", name=K5, dimension="2", score=3, direction="higher"),
    ms(item_no="1", kpi_no="5", parent_item="5", name=S5[0], level=1, deadline="2009-12-31",
       completed="2009-12-20", status="done"),
    ms(item_no="2", kpi_no="5", parent_item="5", name=S5[1], level=2, deadline="2010-03-31",
       completed="2010-04-20", status="done"),
    ms(item_no="3", kpi_no="5", parent_item="5", name=S5[2], level=3, deadline="2010-06-30",
       completed="2010-06-15", status="done"),
    ms(item_no="4", kpi_no="5", parent_item="5", name=S5[3], level=4, deadline="2010-08-31",
       target=80, unit="%", status="not_done"),
    ms(item_no="5", kpi_no="5", parent_item="5", name=S5[4], level=5, deadline="2010-12-31",
       status="not_done"),
    kpi(item_no="6", name=K6, dimension="2", score=2, direction="higher"),
    ms(item_no="1", kpi_no="6", parent_item="6", name=S6[0], level=1, deadline="2009-11-30",
       completed="2009-11-25", status="done"),
    ms(item_no="2", kpi_no="6", parent_item="6", name=S6[1], level=2, deadline="2010-02-28",
       completed="2010-02-26", status="done"),
    ms(item_no="3", kpi_no="6", parent_item="6", name=S6[2], level=3, deadline="2010-07-31",
       status="not_done"),
    ms(item_no="4", kpi_no="6", parent_item="6", name=S6[3], level=5, deadline="2011-09-30",
       status="not_done"),
    ms(item_no="5", kpi_no="6", parent_item="6", name=S6[4], level=5, status="not_done"),
]

FINDINGS = [
    ("MILESTONE_MISSING", "5", ""),
    ("DEADLINE_MISSED", "2", ""),
    ("DEADLINE_MISSED", "4", ""),
    ("MILESTONE_MISSING", "6", ""),
    ("DEADLINE_MISSED", "3", ""),
]

DOC = {
    "stem": "defect_kpi_report_2553",
    "folder": "defects",
    "formats": ["docx", "pdf"],
    "title": "รายงานผลตามตัวชี้วัด จังหวัดพะเยา 2553",
    "font": "TH SarabunPSK",
    "size": 16,
    "blocks": BLOCKS,
    "records": RECORDS,
    "findings": FINDINGS,
    # a title above a plan or report is not its `plan` (records.md defines it for form72 and
    # kpi_ladder only): not checked
    "truth_skip_columns": ["plan"],
    "truth_defaults": {"form": "kpi_report", "agency": "จังหวัดพะเยา", "fiscal_year": 2553},
}
