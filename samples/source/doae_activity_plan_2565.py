"""กรมส่งเสริมการเกษตร FY 2565 activity plan from its planning division: no start/end columns, the
period of each activity written in one `ระยะเวลาดำเนินการ` cell (`พ.ย. - ธ.ค. 2564`, four-digit BE
years), Gantt months headed with full month names under `พ.ศ. 2564` / `พ.ศ. 2565`, ticks ✓,
`งบประมาณ (บาท)`, `หน่วยงานรับผิดชอบ`, an extra `หมายเหตุ` column, a ditto mark for the unit, an
item paid from the regular budget (`-`) and a grand-total row. Clean: no finding expected.
"""
from _lib import L, U, P, T, act, span

FULL = ["ตุลาคม", "พฤศจิกายน", "ธันวาคม", "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน",
        "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม", "กันยายน"]


def item(no, name, period, months, budget, resp, note=""):
    return [no, name, period] + ["✓" if i in months else "" for i in range(1, 13)] \
        + [budget, resp, note]


R1 = "กองแผนงาน"
R2 = "สำนักงานเกษตรจังหวัด"
R3 = "กองพัฒนาเกษตรกร"
N = [
    "ประชุมชี้แจงแนวทางการดำเนินงานแก่สำนักงานเกษตรจังหวัด",
    "คัดเลือกเกษตรกรรุ่นใหม่เข้าร่วมโครงการ จังหวัดละ 20 ราย",
    "จัดอบรมหลักสูตรการบริหารจัดการฟาร์มสมัยใหม่",
    "สนับสนุนการจัดทำแผนธุรกิจรายบุคคลของเกษตรกร",
    "ติดตามและประเมินผลการดำเนินงานโครงการ",
    "สรุปผลการดำเนินงานและรายงานอธิบดีกรมส่งเสริมการเกษตร",
]

ROWS = [
    ["ที่", "กิจกรรม/ขั้นตอนการดำเนินงาน", "ระยะเวลาดำเนินการ"] + span("พ.ศ. 2564", 3)
    + span("พ.ศ. 2565", 9) + ["งบประมาณ (บาท)", "หน่วยงานรับผิดชอบ", "หมายเหตุ"],
    [U, U, U] + FULL + [U, U, U],
    item("1", N[0], "ต.ค. 2564", (1,), "150,000", R1),
    item("2", N[1], "พ.ย. - ธ.ค. 2564", (2, 3), "-", R2, "ใช้งบปกติ"),
    item("3", N[2], "ม.ค. - มี.ค. 2565", (4, 5, 6), "2,400,000", R3),
    item("4", N[3], "เม.ย. - มิ.ย. 2565", (7, 8, 9), "1,200,000", '"'),
    item("5", N[4], "ก.ค. - ส.ค. 2565", (10, 11), "300,000", R1),
    item("6", N[5], "ก.ย. 2565", (12,), "50,000", '"'),
    ["", "รวมงบประมาณทั้งสิ้น"] + [L] * 13 + ["4,100,000", "", ""],
]

BLOCKS = [
    P("แผนปฏิบัติการ โครงการพัฒนาเกษตรกรรุ่นใหม่ (Young Smart Farmer)", bold=True,
      align="center"),
    P("กองแผนงาน กรมส่งเสริมการเกษตร ประจำปีงบประมาณ พ.ศ. 2565", bold=True, align="center"),
    T(ROWS, header_rows=2, widths=[0.8, 5.2, 2.4] + [1.05] * 12 + [2, 2.6, 1.6], size=11),
]

PERIODS = [("2021-10", "2021-10", "2021-10-31"), ("2021-11", "2021-12", "2021-12-31"),
           ("2022-01", "2022-03", "2022-03-31"), ("2022-04", "2022-06", "2022-06-30"),
           ("2022-07", "2022-08", "2022-08-31"), ("2022-09", "2022-09", "2022-09-30")]
BUDGETS = [150000, None, 2400000, 1200000, 300000, 50000]
RESP = [R1, R2, R3, R3, R1, R1]

RECORDS = [
    act(item_no=str(i + 1), name=N[i], start=PERIODS[i][0], end=PERIODS[i][1],
        deadline=PERIODS[i][2], budget_thb=BUDGETS[i], responsible=RESP[i])
    for i in range(6)
]

DOC = {
    "stem": "doae_activity_plan_2565",
    "folder": "doae",
    "formats": ["docx", "pdf", "xlsx", "doc"],
    "title": "แผนปฏิบัติการ กรมส่งเสริมการเกษตร 2565",
    "author": "กองแผนงาน กรมส่งเสริมการเกษตร",
    "font": "TH SarabunPSK",
    "size": 15,
    "landscape": True,
    "margin_cm": 1.2,
    "xlsx_layout": "one_sheet",
    "sheet": "แผนปฏิบัติการ",
    "blocks": BLOCKS,
    "records": RECORDS,
    "findings": [],
    # `plan`: the project the title names (records.md)
    "truth_defaults": {"form": "activity_plan",
                       "plan": "โครงการพัฒนาเกษตรกรรุ่นใหม่ (Young Smart Farmer)",
                       "agency": "กรมส่งเสริมการเกษตร",
                       "fiscal_year": 2565, "duration_months": None},
}
