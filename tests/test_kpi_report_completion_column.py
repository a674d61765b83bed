"""A KPI report's results table with a completion-date column (`วันที่แล้วเสร็จ`, `วันที่ดำเนินการ
แล้วเสร็จ`, or a bare `วันที่` where no column gives a deadline): the day in that column is the day
the step was done, even when the result's words carry a count (`แล้ว 4 รุ่น`) or another day of
their own; a day after the step's deadline is a missed deadline reported with that day."""
from __future__ import annotations

from datetime import datetime

from extract_helpers import extract_file, write_docx
from plan_files import plan_tsv, plan_xlsx

LEVELS = [
    "ระดับที่ 1 : แต่งตั้งคณะทำงานพัฒนาศูนย์ดูแลผู้สูงอายุ ภายในเดือนพฤศจิกายน 2568",
    "ระดับที่ 2 : จัดทำหลักสูตรการอบรมผู้ดูแล ภายในเดือนมกราคม 2569",
    "ระดับที่ 3 : อบรมผู้ดูแลผู้สูงอายุอย่างน้อย 3 รุ่น ภายในเดือนมีนาคม 2569",
    "ระดับที่ 4 : ผู้สูงอายุติดเตียงได้รับการเยี่ยมบ้านไม่น้อยกว่าร้อยละ 80 ภายในเดือนมิถุนายน 2569",
    "ระดับที่ 5 : สรุปผลการดำเนินงานเสนอผู้บริหาร ภายในวันที่ 31 สิงหาคม 2569",
]
HEAD = ["รายงานผลการดำเนินงานตามคำรับรองการปฏิบัติราชการ รอบ 12 เดือน ปีงบประมาณ พ.ศ. 2569",
        "สำนักงานสาธารณสุขอำเภอตัวอย่าง จังหวัดขอนแก่น",
        "ชื่อตัวชี้วัดที่ 7 : ระดับความสำเร็จของการพัฒนาศูนย์ดูแลผู้สูงอายุในชุมชน",
        "น้ำหนัก : ร้อยละ 10",
        "เกณฑ์การให้คะแนน :"] + LEVELS + ["ผลการดำเนินงาน"]


def _steps(ex):
    return {r.item_no: r for r in ex.records if r.record_type == "milestone"}


def test_day_after_a_count_in_the_result_docx(tmp_path):
    # the result's count (`4 รุ่น`) stands right before the day the completion column gives
    path = write_docx(tmp_path / "kpi7_elderly_centre.docx", HEAD + [[
        ["ขั้นที่", "ผลการดำเนินการ", "วันที่ดำเนินการแล้วเสร็จ"],
        ["1", "มีคำสั่งแต่งตั้งคณะทำงานแล้ว", "3 พ.ย. 2568"],
        ["2", "จัดทำหลักสูตรแล้วเสร็จ", "28 ม.ค. 2569"],
        ["3", "จัดอบรมแล้ว 4 รุ่น", "15 เม.ย. 2569"],
        ["4", "อยู่ระหว่างดำเนินการ (ร้อยละ 55)", ""],
        ["5", "", ""],
    ]])
    ex, findings = extract_file(path)
    steps = _steps(ex)
    assert [(steps[n].status, steps[n].completed) for n in "123"] == [
        ("done", "2025-11-03"), ("done", "2026-01-28"), ("done", "2026-04-15")]
    assert steps["4"].status == "not_done"
    assert ("3", "DEADLINE_MISSED") in findings


def test_late_step_message_names_its_completion_day_tsv(tmp_path):
    from pipeline.validate import validate
    from datetime import date
    path = plan_tsv(tmp_path / "kpi7_elderly.txt", HEAD, [
        ["ขั้นตอนที่", "ผลการดำเนินงาน", "วันที่แล้วเสร็จ"],
        ["1", "แต่งตั้งแล้ว ตามคำสั่งที่ 88/2568", "10/11/2568"],
        ["2", "ดำเนินการแล้ว", "05/01/2569"],
        ["3", "อบรมไปแล้ว 3 รุ่น", "09/04/2569"],
        ["4", "ยังไม่ครบตามเป้าหมาย", ""],
        ["5", "", ""],
    ])
    ex, findings = extract_file(path)
    steps = _steps(ex)
    assert (steps["3"].status, steps["3"].completed, steps["3"].completed_raw) == ("done", "2026-04-09", "09/04/2569")
    late = [f for f in validate(ex, date(2026, 11, 22)) if f.code == "DEADLINE_MISSED" and f.item_no == "3"]
    assert len(late) == 1 and "2026-04-09" in late[0].message


def test_spreadsheet_dates_in_a_bare_date_column_xlsx(tmp_path):
    # a real date cell under `วันที่`, no deadline column in the results table; step 3 on time
    path = plan_xlsx(tmp_path / "kpi7_elderly.xlsx", HEAD, [
        ["ขั้นตอนที่", "ผลการดำเนินงาน", "วันที่"],
        ["1", "แต่งตั้งคณะทำงานแล้ว", datetime(2025, 11, 20)],
        ["2", "มีหลักสูตรแล้ว 1 หลักสูตร", datetime(2026, 1, 30)],
        ["3", "อบรมครบ 3 รุ่น", datetime(2026, 3, 27)],
        ["4", "", ""],
        ["5", "", ""],
    ])
    ex, findings = extract_file(path)
    steps = _steps(ex)
    assert [(steps[n].status, steps[n].completed) for n in "123"] == [
        ("done", "2025-11-20"), ("done", "2026-01-30"), ("done", "2026-03-27")]
    assert ("3", "DEADLINE_MISSED") not in findings and ("2", "DEADLINE_MISSED") not in findings


def test_completion_column_outranks_a_day_in_the_result_csv(tmp_path):
    # a steps table: the result mentions the day work began; the completion column the day it ended
    import csv
    path = tmp_path / "kpi2_report.csv"
    rows = [["รายงานผลการดำเนินงานตามตัวชี้วัด รอบ 6 เดือน ปีงบประมาณ 2569"],
            ["ตัวชี้วัดที่ 2 ระดับความสำเร็จของการจัดทำแผนพัฒนาบุคลากร"],
            ["น้ำหนัก : 5"],
            ["ระดับคะแนน", "ขั้นตอนที่ 1", "ขั้นตอนที่ 2", "ขั้นตอนที่ 3", "ขั้นตอนที่ 4", "ขั้นตอนที่ 5"]]
    rows += [[str(lvl)] + ["✓" if s <= lvl else "" for s in range(1, 6)] for lvl in range(1, 6)]
    rows += [[""],
            ["ขั้นตอนที่", "รายละเอียด", "กำหนดแล้วเสร็จ", "ผลการดำเนินงาน", "วันที่แล้วเสร็จ"],
            ["1", "สำรวจความต้องการพัฒนา", "31 ธ.ค. 2568", "เริ่มสำรวจ 1 ธ.ค. 2568 ส่งผลแล้ว", "20/12/2568"],
            ["2", "จัดทำร่างแผน", "31 ม.ค. 2569", "ประชุมครั้งแรก 10 ม.ค. 2569 ส่งร่างแล้ว", "12/02/2569"],
            ["3", "เสนอแผนต่อผู้บริหาร", "28 ก.พ. 2569", "ยังไม่ดำเนินการ", ""],
            ["4", "ประกาศใช้แผน", "31 มี.ค. 2569", "", ""],
            ["5", "รายงานผล", "31 ส.ค. 2569", "", ""]]
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f).writerows(rows)
    ex, findings = extract_file(path)
    steps = _steps(ex)
    assert (steps["1"].status, steps["1"].completed) == ("done", "2025-12-20")
    assert (steps["2"].status, steps["2"].completed) == ("done", "2026-02-12")
    assert ("1", "DEADLINE_MISSED") not in findings
    assert ("2", "DEADLINE_MISSED") in findings
