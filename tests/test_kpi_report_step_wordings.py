"""Milestone KPI reports that word their steps differently from `ขั้นตอนที่ | รายละเอียด`, read by
the real readers:
- a steps table whose text column is headed `รายการ` (`ขั้นตอนที่ | รายการ | กำหนดแล้วเสร็จ | ผล`),
  a district office's text export;
- a matrix and a steps table numbering the steps `ข้อ 1 … ข้อ 5`; a table headed `ข้อ 1 | ข้อ 2`
  with no level rows under it (a checklist) is still no matrix;
- a status column `เสร็จแล้ว (Y/N)` answered `Y` / `N`;
- criteria written as paragraphs `ระดับ ๒ = ขั้นตอน ๑ - ๒` (no ที่) with no matrix."""
from __future__ import annotations

import csv

import pytest

from extract_helpers import extract_file, write_docx

TEXTS = ["แต่งตั้งคณะกรรมการไกล่เกลี่ยข้อพิพาทประจำอำเภอ", "อบรมผู้ไกล่เกลี่ยประจำตำบล",
         "ดำเนินการไกล่เกลี่ยตามคำร้อง", "ติดตามผลการปฏิบัติตามข้อตกลง", "สรุปผลและรายงานจังหวัด"]


def write_delimited(path, rows, delimiter=","):
    with open(path, "w", encoding="utf-8-sig" if delimiter == "," else "utf-8", newline="") as f:
        csv.writer(f, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return path


def milestones(ex):
    assert {r.form for r in ex.records} == {"kpi_report"}
    return [r for r in ex.records if r.record_type == "milestone"]


def tick_matrix(corner, head):
    return [[corner] + [f"{head} {s}" for s in range(1, 6)]] + \
        [[f"{lvl}"] + ["✓" if s <= lvl else "" for s in range(1, 6)] for lvl in range(1, 6)]


# --- `รายการ` heads the steps' text ----------------------------------------------------------

def listed_steps_rows(text_head):
    return [["รายงานผลการดำเนินงานตามตัวชี้วัด ปีงบประมาณ 2568"], ["ที่ทำการปกครองอำเภอเชียงดาว"],
            ["ตัวชี้วัดที่ 4 ระดับความสำเร็จในการไกล่เกลี่ยข้อพิพาท"], ["ค่าน้ำหนัก 15"], []] + \
        tick_matrix("", "ขั้นตอนที่") + [[],
            ["ขั้นตอนที่", text_head, "กำหนดแล้วเสร็จ", "ผล"],
            ["1", TEXTS[0], "ภายในเดือนธันวาคม 2567", "เสร็จ (๑๐/๑๒/๖๗)"],
            ["2", TEXTS[1], "ภายในเดือนกุมภาพันธ์ 2568", "เสร็จ (๒๗/๓/๖๘)"],
            ["3", TEXTS[2], "ภายในเดือนเมษายน 2568", "เสร็จ (๓๐/๔/๖๘)"],
            ["4", TEXTS[3], "ภายในเดือนมิถุนายน 2568", "ยังไม่เสร็จ"],
            ["5", TEXTS[4], "ภายในเดือนสิงหาคม 2568", "ยังไม่เสร็จ"]]


@pytest.mark.parametrize("text_head", ["รายการ", "รายการดำเนินงาน"])
def test_steps_text_headed_rayakan(tmp_path, text_head):
    path = write_delimited(tmp_path / "kpi_2568.txt", listed_steps_rows(text_head), "\t")
    ex, findings = extract_file(path)
    ms = milestones(ex)
    assert [r.name for r in ms] == TEXTS
    assert [r.deadline for r in ms] == ["2024-12-31", "2025-02-28", "2025-04-30", "2025-06-30", "2025-08-31"]
    assert [r.completed for r in ms[:3]] == ["2024-12-10", "2025-03-27", "2025-04-30"]
    assert [r.status for r in ms] == ["done"] * 3 + ["not_done"] * 2
    assert [r.score for r in ex.records if r.record_type == "kpi"] == [3]
    assert findings == [("2", "DEADLINE_MISSED"), ("4", "DEADLINE_MISSED"), ("5", "DEADLINE_MISSED")]


# --- steps numbered `ข้อ` ----------------------------------------------------------------------

PLAN_TEXTS = ["ประชุมประชาคมหมู่บ้าน", "ประชุมคณะกรรมการพัฒนาท้องถิ่น", "จัดทำร่างแผนพัฒนาท้องถิ่น",
              "เสนอสภาท้องถิ่นพิจารณา", "ประกาศใช้แผนพัฒนาท้องถิ่น"]


def kho_rows(matrix):
    done = ["16 ธ.ค. 2565", "23 ก.พ. 2566", "17 พ.ค. 2566", "30 มิ.ย. 2566", "15 ส.ค. 2566"]
    due = ["31 ธ.ค. 2565", "28 ก.พ. 2566", "30 เม.ย. 2566", "30 มิ.ย. 2566", "31 ส.ค. 2566"]
    return [["รายงานผลการดำเนินงานตามตัวชี้วัด ประจำปีงบประมาณ พ.ศ. 2566"], ["องค์การบริหารส่วนตำบลป่าแดด"],
            ["ตัวชี้วัดที่ 1 ระดับความสำเร็จของการจัดทำแผนพัฒนาท้องถิ่น"], ["น้ำหนัก 20"], []] + matrix + [[],
            ["ข้อ", "การดำเนินงาน", "กำหนดแล้วเสร็จ", "ผลการดำเนินงาน", "วันที่ดำเนินการแล้วเสร็จ"]] + \
        [[str(i), t, d, "ดำเนินการแล้ว", c] for i, (t, d, c) in enumerate(zip(PLAN_TEXTS, due, done), 1)]


def test_matrix_and_steps_numbered_kho(tmp_path):
    ex, findings = extract_file(write_delimited(tmp_path / "kpi.csv", kho_rows(tick_matrix("คะแนน", "ข้อ"))))
    ms = milestones(ex)
    assert [(r.item_no, r.name, r.level) for r in ms] == [(str(i), t, i) for i, t in enumerate(PLAN_TEXTS, 1)]
    assert [r.status for r in ms] == ["done"] * 5
    assert ms[2].completed == "2023-05-17"
    assert [r.score for r in ex.records if r.record_type == "kpi"] == [5]
    assert findings == [("3", "DEADLINE_MISSED")]


def test_kho_heads_without_level_rows_are_no_matrix(tmp_path):
    # a checklist answered per item: `ข้อ 1 | ข้อ 2 …` over answers, no level rows, no steps
    rows = [["แบบสอบถามความพึงพอใจของผู้รับบริการ ปีงบประมาณ 2566"], [],
            ["ผู้ตอบ", "ข้อ 1", "ข้อ 2", "ข้อ 3", "ข้อ 4", "ข้อ 5"],
            ["นาย ก", "5", "4", "4", "5", "3"], ["นาง ข", "4", "4", "3", "5", "5"],
            ["นาย ค", "✓", "✓", "", "✓", ""]]
    ex, _ = extract_file(write_delimited(tmp_path / "survey.csv", rows))
    assert "kpi_report" not in {r.form for r in ex.records}


# --- a status column answered Y / N -------------------------------------------------------------

def yes_no_rows(head, answers):
    return [["รายงานผลตัวชี้วัด ปีงบประมาณ 2567"], ["สวนสัตว์เชียงใหม่"],
            ["ตัวชี้วัดที่ 2.1 ระดับความสำเร็จของการพัฒนาระบบจองบัตรออนไลน์ (น้ำหนัก 5)"], []] + \
        tick_matrix("ระดับ", "ขั้นตอนที่") + [[],
            ["ขั้นตอน", "กิจกรรม", "กำหนดเสร็จ", head, "วันที่แล้วเสร็จ"],
            ["1", "ศึกษาความต้องการและออกแบบระบบ", "31/12/2566", answers[0], "15/12/2566"],
            ["2", "จัดจ้างผู้พัฒนาระบบ", "29/02/2567", answers[1], "20/02/2567"],
            ["3", "พัฒนาและทดสอบระบบ", "30/04/2567", answers[2], "30/04/2567"],
            ["4", "เปิดใช้งานระบบและประชาสัมพันธ์", "30/06/2567", answers[3], "28/06/2567"],
            ["5", "ประเมินความพึงพอใจผู้ใช้ระบบ", "31/08/2567", answers[4], ""]]


@pytest.mark.parametrize("head", ["เสร็จแล้ว (Y/N)", "แล้วเสร็จ (Yes/No)", "สถานะ (Y/N)"])
def test_yes_no_status_column(tmp_path, head):
    answers = ["Y", "y", "Yes", "Y", "N"] if "Yes" not in head else ["Yes", "Yes", "Yes", "Yes", "No"]
    ex, findings = extract_file(write_delimited(tmp_path / "kpi.csv", yes_no_rows(head, answers)))
    ms = milestones(ex)
    assert [r.status for r in ms] == ["done"] * 4 + ["not_done"]
    assert [r.completed for r in ms] == ["2023-12-15", "2024-02-20", "2024-04-30", "2024-06-28", ""]
    assert [r.score for r in ex.records if r.record_type == "kpi"] == [4]
    assert findings == [("5", "DEADLINE_MISSED")]


def test_letters_under_another_head_are_no_answer(tmp_path):
    # `N` under a plain result heading is not read as `no`: the step stays unknown
    ex, _ = extract_file(write_delimited(tmp_path / "kpi.csv", yes_no_rows("ผลการดำเนินงาน", ["", "", "", "", "N"])))
    assert milestones(ex)[4].status == "unknown"


# --- criteria as paragraphs, no matrix ----------------------------------------------------------

COLLEGE = ["สำรวจความต้องการของสถานประกอบการ", "ลงนามบันทึกข้อตกลงความร่วมมือกับสถานประกอบการ",
           "จัดทำแผนการฝึกอาชีพร่วมกับสถานประกอบการ", "ส่งผู้เรียนเข้ารับการฝึกอาชีพ", "นิเทศและประเมินผลการฝึกอาชีพ"]


@pytest.mark.parametrize("numerals", ["thai", "arabic"])
def test_criteria_paragraphs_without_matrix(tmp_path, numerals):
    th = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙") if numerals == "thai" else str.maketrans("", "")
    criteria = ["ระดับ 1 = ขั้นตอน 1"] + [f"ระดับ {n} = ขั้นตอน 1 - {n}" for n in range(2, 6)]
    periods = ["ต.ค. - พ.ย. 68", "ธ.ค. 68", "ม.ค. - ก.พ. 69", "มี.ค. - มิ.ย. 69", "ก.ค. - ก.ย. 69"]
    results = ["แล้วเสร็จ 28 พ.ย. 68", "แล้วเสร็จ 15 ม.ค. 69", "แล้วเสร็จ 20 ก.พ. 69", "แล้วเสร็จ 30 มิ.ย. 69",
               "ยังไม่ดำเนินการ"]
    steps = [["ขั้นตอน", "รายละเอียดการดำเนินงาน", "ระยะเวลา", "ผลการดำเนินงาน"]] + \
        [[str(i), t, p, r] for i, (t, p, r) in enumerate(zip(COLLEGE, periods, results), 1)]
    paras = ["รายงานผลการดำเนินงานตามคำรับรองการปฏิบัติราชการ ประจำปีงบประมาณ พ.ศ. 2569 วิทยาลัยเทคนิคน่าน",
             "ตัวชี้วัดที่ 5 ระดับความสำเร็จในการจัดการศึกษาระบบทวิภาคี", "ค่าน้ำหนัก : 15", "เกณฑ์การให้คะแนน"] + criteria
    blocks = [p.translate(th) for p in paras] + [[[c.translate(th) for c in row] for row in steps]]
    ex, findings = extract_file(write_docx(tmp_path / "kpi.docx", blocks))
    ms = milestones(ex)
    assert [(r.name, r.level) for r in ms] == [(t, i) for i, t in enumerate(COLLEGE, 1)]
    assert [r.deadline for r in ms] == ["2025-11-30", "2025-12-31", "2026-02-28", "2026-06-30", "2026-09-30"]
    assert [r.status for r in ms] == ["done"] * 4 + ["not_done"]
    assert [r.score for r in ex.records if r.record_type == "kpi"] == [4]
    assert findings == [("2", "DEADLINE_MISSED"), ("5", "DEADLINE_MISSED")]
