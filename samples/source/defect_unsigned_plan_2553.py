"""Planted defect: an activity plan whose approval block was never filled in — dotted lines for
the signature, the name and the date (UNSIGNED). Plain UTF-8 text export without BOM, LF line
ends, quarters as periods. Everything else is clean.
"""
from _lib import P, T, act, fnd

R = "สำนักงานจังหวัดลำพูน"
ROWS = [
    ["ลำดับ", "กิจกรรม/ขั้นตอน", "ระยะเวลา", "เริ่มต้น", "สิ้นสุด", "งบประมาณ", "ผู้รับผิดชอบ"],
    ["1", "ประชุมคณะทำงานจัดทำแผนพัฒนาจังหวัด", "ไตรมาสที่ 1", "ต.ค. 52", "ธ.ค. 52", "15,000", R],
    ["2", "จัดเวทีรับฟังความคิดเห็นระดับอำเภอ", "ไตรมาสที่ 2", "ม.ค. 53", "มี.ค. 53", "80,000", '"'],
    ["3", "จัดทำรายงานผลการรับฟังความคิดเห็น", "1 เดือน", "เม.ย. 53", "เม.ย. 53", "5,000", '"'],
]

BLOCKS = [
    P("แผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. 2553 สำนักงานจังหวัดลำพูน"),
    T(ROWS),
    P("พิจารณาเห็นชอบ"),
    P("ลงชื่อ ...................................... ผู้อนุมัติ"),
    P("(......................................)"),
    P("ตำแหน่ง ผู้ว่าราชการจังหวัดลำพูน"),
    P("วันที่ ........./........./........."),
]

RECORDS = [
    act(item_no="1", name="ประชุมคณะทำงานจัดทำแผนพัฒนาจังหวัด", duration_months=3,
        start="2009-10", end="2009-12", deadline="2009-12-31", budget_thb=15000, responsible=R),
    act(item_no="2", name="จัดเวทีรับฟังความคิดเห็นระดับอำเภอ", duration_months=3,
        start="2010-01", end="2010-03", deadline="2010-03-31", budget_thb=80000, responsible=R),
    act(item_no="3", name="จัดทำรายงานผลการรับฟังความคิดเห็น", duration_months=1,
        start="2010-04", end="2010-04", deadline="2010-04-30", budget_thb=5000, responsible=R),
]

DOC = {
    "stem": "defect_unsigned_plan_2553",
    "folder": "defects",
    "formats": ["txt"],
    "txt_encoding": "utf-8",
    "txt_newline": "\n",
    "blocks": BLOCKS,
    "records": RECORDS,
    "findings": [fnd("UNSIGNED")],
    "truth_defaults": {"form": "activity_plan", "agency": "จังหวัดลำพูน", "fiscal_year": 2553},
    "truth_skip_columns": ["plan"],
}
