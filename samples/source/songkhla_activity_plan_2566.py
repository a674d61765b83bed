"""จังหวัดสงขลา FY 2566: a short activity plan exported as tab-separated text in UTF-16 (with BOM,
CRLF), as Excel's "Unicode text" gives it. Gantt months ticked with ● ; durations in months,
days (15 วัน) and quarters; ditto marks for the responsible unit; an item without budget (-);
approval signed and dated. Clean: no finding expected.
"""
from _lib import P, T, act

MONTHS = ["ต.ค. 65", "พ.ย. 65", "ธ.ค. 65", "ม.ค. 66", "ก.พ. 66", "มี.ค. 66", "เม.ย. 66",
          "พ.ค. 66", "มิ.ย. 66", "ก.ค. 66", "ส.ค. 66", "ก.ย. 66"]


def item(no, name, duration, start, end, months, budget, resp):
    return [no, name, duration, start, end] + ["●" if i in months else "" for i in range(1, 13)] \
        + [budget, resp]


R1 = "สำนักงานจังหวัดสงขลา"
R2 = "ศูนย์ดำรงธรรมจังหวัดสงขลา"
ROWS = [
    ["ลำดับ", "กิจกรรม", "ระยะเวลา", "เริ่มต้น", "สิ้นสุด"] + MONTHS + ["งบประมาณ (บาท)",
                                                                     "ผู้รับผิดชอบ"],
    item("1", "ประชุมชี้แจงแนวทางการดำเนินงานแก่ส่วนราชการ", "1 เดือน", "ต.ค. 65", "ต.ค. 65", (1,),
         "10,000", R1),
    item("2", "จัดทำฐานข้อมูลผู้รับบริการและเรื่องร้องเรียน", "3 เดือน", "พ.ย. 65", "ม.ค. 66",
         (2, 3, 4), "45,000", R2),
    item("3", "อบรมเชิงปฏิบัติการเจ้าหน้าที่ศูนย์บริการร่วม", "15 วัน", "ก.พ. 66", "ก.พ. 66", (5,),
         "60,000", '"'),
    item("4", "ติดตามและประเมินผลการให้บริการ", "ไตรมาสที่ 3", "เม.ย. 66", "มิ.ย. 66", (7, 8, 9),
         "30,000", '"'),
    item("5", "สรุปผลการดำเนินงานเสนอผู้ว่าราชการจังหวัด", "1 เดือน", "ก.ย. 66", "ก.ย. 66", (12,),
         "-", R1),
]

BLOCKS = [
    P("แผนปฏิบัติการ โครงการยกระดับคุณภาพการให้บริการประชาชน"),
    P("ประจำปีงบประมาณ พ.ศ. 2566 สำนักงานจังหวัดสงขลา"),
    T(ROWS),
    P("ผู้อนุมัติ\tนายสมพงษ์ รัตนพันธ์\tผู้ว่าราชการจังหวัดสงขลา"),
    P("วันที่อนุมัติ\t30 กันยายน 2565"),
]

RECORDS = [
    act(item_no="1", name="ประชุมชี้แจงแนวทางการดำเนินงานแก่ส่วนราชการ", duration_months=1,
        start="2022-10", end="2022-10", deadline="2022-10-31", budget_thb=10000, responsible=R1),
    act(item_no="2", name="จัดทำฐานข้อมูลผู้รับบริการและเรื่องร้องเรียน", duration_months=3,
        start="2022-11", end="2023-01", deadline="2023-01-31", budget_thb=45000, responsible=R2),
    act(item_no="3", name="อบรมเชิงปฏิบัติการเจ้าหน้าที่ศูนย์บริการร่วม", duration_months=0.5,
        start="2023-02", end="2023-02", deadline="2023-02-28", budget_thb=60000, responsible=R2),
    act(item_no="4", name="ติดตามและประเมินผลการให้บริการ", duration_months=3,
        start="2023-04", end="2023-06", deadline="2023-06-30", budget_thb=30000, responsible=R2),
    act(item_no="5", name="สรุปผลการดำเนินงานเสนอผู้ว่าราชการจังหวัด", duration_months=1,
        start="2023-09", end="2023-09", deadline="2023-09-30", responsible=R1),
]

DOC = {
    "stem": "songkhla_activity_plan_2566",
    "folder": "songkhla",
    "formats": ["txt"],
    "txt_encoding": "utf-16",
    "txt_newline": "\r\n",
    "blocks": BLOCKS,
    "records": RECORDS,
    "findings": [],
    # `plan`: the project the title names (records.md)
    "truth_defaults": {"form": "activity_plan",
                       "plan": "โครงการยกระดับคุณภาพการให้บริการประชาชน",
                       "agency": "จังหวัดสงขลา", "fiscal_year": 2566},
}
