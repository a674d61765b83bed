"""สำนักงานจังหวัดกาญจนบุรี FY 2557 activity plan: Gantt months headed `ต.ค. 56` … `ก.ย. 57` (one
header row, no fiscal-year banner), shaded bars, headers `ขั้นตอน/กิจกรรม`, `วันเริ่มต้น`,
`วันสิ้นสุด`, `ผู้เกี่ยวข้อง`; dates with four-digit BE years after `พ.ศ.` (`1 ตุลาคม พ.ศ. 2556`) and
two periods written once across the start and end columns (`ม.ค.-มี.ค. 57`); group rows with their
totals, ditto marks, a signed and dated approval. Clean: no finding expected.
"""
from _lib import L, U, P, T, act, span

MONTHS = ["ต.ค. 56", "พ.ย. 56", "ธ.ค. 56", "ม.ค. 57", "ก.พ. 57", "มี.ค. 57", "เม.ย. 57",
          "พ.ค. 57", "มิ.ย. 57", "ก.ค. 57", "ส.ค. 57", "ก.ย. 57"]
NC = 20


def item(no, name, dur, start, end, months, budget, resp, rel):
    dates = [start, L] if end is None else [start, end]
    return [no, name, dur] + dates + ["##" if i in months else "" for i in range(1, 13)] \
        + [budget, resp, rel]


def group(no, name, total):
    return [no] + span(f"กิจกรรมที่ {no} {name} {total} บาท", NC - 1)


R1 = "สำนักงานจังหวัดกาญจนบุรี"
R2 = "สำนักงานประชาสัมพันธ์จังหวัดกาญจนบุรี"
G1 = "พัฒนาศูนย์บริการร่วมจังหวัดกาญจนบุรี"
G2 = "ประชาสัมพันธ์และติดตามผลการให้บริการ"
N = {
    "1.1": "สำรวจความต้องการของประชาชนผู้มารับบริการ",
    "1.2": "ปรับปรุงสถานที่และติดตั้งระบบบัตรคิวอัตโนมัติ",
    "2.1": "ประชาสัมพันธ์ผ่านสถานีวิทยุและหอกระจายข่าวประจำหมู่บ้าน",
    "2.2": "สำรวจความพึงพอใจของผู้รับบริการ",
    "2.3": "สรุปผลการดำเนินงานเสนอผู้ว่าราชการจังหวัด",
}

ROWS = [
    ["ลำดับ", "ขั้นตอน/กิจกรรม", "ระยะเวลา", "วันเริ่มต้น", "วันสิ้นสุด"] + MONTHS
    + ["งบประมาณ", "ผู้รับผิดชอบ", "ผู้เกี่ยวข้อง"],
    group("1", G1, "180,000"),
    item("1.1", N["1.1"], "2 เดือน", "1 ตุลาคม พ.ศ. 2556", "30 พฤศจิกายน พ.ศ. 2556", (1, 2),
         "30,000", R1, "ที่ทำการปกครองจังหวัดกาญจนบุรี"),
    item("1.2", N["1.2"], "3 เดือน", "ธ.ค. 56 - ก.พ. 57", None, (3, 4, 5), "150,000", '"', '"'),
    group("2", G2, "70,000"),
    item("2.1", N["2.1"], "3 เดือน", "ม.ค.-มี.ค. 57", None, (4, 5, 6), "40,000", R2,
         "อำเภอทุกอำเภอ"),
    item("2.2", N["2.2"], "2 เดือน", "1 มิถุนายน พ.ศ. 2557", "31 กรกฎาคม พ.ศ. 2557", (9, 10),
         "20,000", R1, "มหาวิทยาลัยราชภัฏกาญจนบุรี"),
    item("2.3", N["2.3"], "2 เดือน", "ส.ค. พ.ศ. 2557", "ก.ย. พ.ศ. 2557", (11, 12), "10,000", '"',
         "-"),
]

BLOCKS = [
    P("แผนปฏิบัติการ โครงการเพิ่มประสิทธิภาพการให้บริการประชาชน", bold=True, align="center"),
    P("สำนักงานจังหวัดกาญจนบุรี ประจำปีงบประมาณ พ.ศ. 2557", bold=True, align="center"),
    T(ROWS, widths=[0.9, 4.6, 1.3, 2.2, 2.2] + [0.95] * 12 + [1.6, 2.6, 2.6], size=11),
    P("ผู้เสนอแผน (ลงชื่อ) ชาญชัย ทองดี"),
    P("(นายชาญชัย ทองดี)"),
    P("หัวหน้าสำนักงานจังหวัดกาญจนบุรี"),
    P("พิจารณาเห็นชอบ"),
    P("(ลงชื่อ) วันชัย โอสุคนธ์ทิพย์"),
    P("(นายวันชัย โอสุคนธ์ทิพย์)"),
    P("ผู้ว่าราชการจังหวัดกาญจนบุรี"),
    P("วันที่ 20 กันยายน 2556"),
]

RECORDS = [
    act(item_no="1", row_kind="group", name=G1, budget_thb=180000),
    act(item_no="1.1", parent_item="1", name=N["1.1"], duration_months=2, start="2013-10",
        end="2013-11", deadline="2013-11-30", budget_thb=30000, responsible=R1),
    act(item_no="1.2", parent_item="1", name=N["1.2"], duration_months=3, start="2013-12",
        end="2014-02", deadline="2014-02-28", budget_thb=150000, responsible=R1),
    act(item_no="2", row_kind="group", name=G2, budget_thb=70000),
    act(item_no="2.1", parent_item="2", name=N["2.1"], duration_months=3, start="2014-01",
        end="2014-03", deadline="2014-03-31", budget_thb=40000, responsible=R2),
    act(item_no="2.2", parent_item="2", name=N["2.2"], duration_months=2, start="2014-06",
        end="2014-07", deadline="2014-07-31", budget_thb=20000, responsible=R1),
    act(item_no="2.3", parent_item="2", name=N["2.3"], duration_months=2, start="2014-08",
        end="2014-09", deadline="2014-09-30", budget_thb=10000, responsible=R1),
]

DOC = {
    "stem": "kanchanaburi_activity_plan_2557",
    "folder": "kanchanaburi",
    "formats": ["docx", "txt"],
    "txt_encoding": "utf-8",
    "title": "แผนปฏิบัติการ จังหวัดกาญจนบุรี 2557",
    "author": "สำนักงานจังหวัดกาญจนบุรี",
    "font": "TH SarabunPSK",
    "size": 15,
    "landscape": True,
    "margin_cm": 1.2,
    "blocks": BLOCKS,
    "records": RECORDS,
    "findings": [],
    # `plan`: the project the title names (records.md)
    "truth_defaults": {"form": "activity_plan",
                       "plan": "โครงการเพิ่มประสิทธิภาพการให้บริการประชาชน",
                       "agency": "จังหวัดกาญจนบุรี", "fiscal_year": 2557},
}
