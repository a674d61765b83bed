"""A service-quality (SLA) indicator's sub-indicator ladder followed by a steps table whose
deadline column is headed `กำหนดส่ง` / `วันที่กำหนดส่ง` and whose steps are numbered in a column of
their own (`ลำดับ`, `ลำดับที่`): milestone records of that indicator with their deadlines (spreadsheet
date cells too). A later table reporting results or scores for the sub-indicators by number only
(`ตัวชี้วัดย่อย | น้ำหนัก | ผลการดำเนินงาน | คะแนน` over `2.1`, `2.2`) adds no indicators: its
results go to the ones given above."""
from __future__ import annotations

import csv
from datetime import datetime

from extract_helpers import extract_file, write_docx
from plan_files import plan_xlsx

TITLE = ["ตัวชี้วัดคุณภาพการให้บริการประชาชน ประจำปีงบประมาณ พ.ศ. 2570",
         "สำนักงานขนส่งจังหวัดตัวอย่าง",
         "ตัวชี้วัดที่ 2 ระดับความสำเร็จของการให้บริการตามมาตรฐานการให้บริการ (น้ำหนัก ร้อยละ 8)"]
LADDER = [["ที่", "ตัวชี้วัดย่อย", "น้ำหนัก", "หน่วย", "1", "2", "3", "4", "5"],
          ["2.1", "ระยะเวลาเฉลี่ยในการต่ออายุใบอนุญาตขับรถ", "4", "นาที",
           "ไม่เกิน 40 นาที", "ไม่เกิน 35 นาที", "ไม่เกิน 30 นาที", "ไม่เกิน 25 นาที", "ไม่เกิน 20 นาที"],
          ["2.2", "ร้อยละความพึงพอใจของผู้รับบริการงานทะเบียนรถ", "4", "ร้อยละ", "70", "75", "80", "85", "90"],
          ["", "รวม", "8", "", "", "", "", "", ""]]
STEPS = ["ส่งแผนยกระดับการให้บริการ", "เผยแพร่มาตรฐานการให้บริการบนเว็บไซต์", "รายงานผลการให้บริการรอบ 12 เดือน"]


def _milestones(ex):
    return [(r.item_no, r.name, r.deadline, r.kpi_no) for r in ex.records if r.record_type == "milestone"]


def _kpis(ex):
    return sorted((r.item_no, r.name) for r in ex.records if r.record_type == "kpi")


def test_steps_with_spreadsheet_due_dates_and_a_scores_table_xlsx(tmp_path):
    rows = LADDER + [[""], ["ลำดับ", "การดำเนินการ", "กำหนดส่ง", "เกณฑ์การหักคะแนน"]]
    days = [datetime(2026, 11, 27), datetime(2027, 2, 26), datetime(2027, 10, 15)]
    rows += [[str(k), s, d, x] for k, (s, d, x) in enumerate(zip(STEPS, days, ["หัก 0.5 คะแนน", "หัก 0.25 คะแนน", "-"]), 1)]
    rows += [[""], ["ตัวชี้วัดย่อย", "น้ำหนัก", "ผลการดำเนินงาน", "คะแนน"],
             ["2.1", "4", "28", "3"], ["2.2", "4", "", ""]]
    ex, _ = extract_file(plan_xlsx(tmp_path / "sla_kpi2.xlsx", TITLE, rows))
    assert [k for k, _ in _kpis(ex)] == ["2", "2.1", "2.2"]
    assert all(name for _, name in _kpis(ex))
    assert _milestones(ex) == [("1", STEPS[0], "2026-11-27", "2"), ("2", STEPS[1], "2027-02-26", "2"),
                               ("3", STEPS[2], "2027-10-15", "2")]
    sub = next(r for r in ex.records if r.item_no == "2.1")
    assert (sub.level_1, sub.level_5, sub.actual) == (40, 20, 28)


def test_steps_numbered_apart_with_thai_due_dates_docx(tmp_path):
    steps = [["ลำดับที่", "ขั้นตอนการดำเนินการ", "วันที่กำหนดส่ง", "การหักคะแนน"],
             ["1", STEPS[0], "30 พ.ย. 2569", "หัก 0.5 คะแนน"],
             ["2", STEPS[1], "ภายในวันที่ 26 กุมภาพันธ์ 2570", "หัก 0.5 คะแนน"],
             ["3", STEPS[2], "15 ต.ค. 2570", "-"]]
    ex, _ = extract_file(write_docx(tmp_path / "sla_kpi2.docx", TITLE + [LADDER, "ขั้นตอนการดำเนินงาน", steps]))
    assert _milestones(ex) == [("1", STEPS[0], "2026-11-30", "2"), ("2", STEPS[1], "2027-02-26", "2"),
                               ("3", STEPS[2], "2027-10-15", "2")]
    assert [k for k, _ in _kpis(ex)] == ["2", "2.1", "2.2"]


def test_result_rows_by_number_add_no_indicators_csv(tmp_path):
    path = tmp_path / "sla_kpi2.csv"
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerows([[t] for t in TITLE] + [[]] + LADDER + [[]] +
                    [["ตัวชี้วัดย่อย", "น้ำหนัก", "ผลการดำเนินงาน", "คะแนน"], ["2.1", "4", "", ""], ["2.2", "4", "86", "4"]])
    ex, _ = extract_file(path)
    assert [k for k, _ in _kpis(ex)] == ["2", "2.1", "2.2"]
    assert all(name for _, name in _kpis(ex))
    sub = next(r for r in ex.records if r.item_no == "2.2")
    assert (sub.level_1, sub.actual) == (70, 86)
