"""KPI reports exported from online reporting systems and shared spreadsheets:
- deadlines written as numeric dates (`2025-11-30`, `2025/12/31`, `31/03/2569`, `30/06/69`, an ISO
  datetime) are read as the day they name, not cut at the year (the year's end) or at the month;
- a steps table with a level column and quarter plan columns (`ไตรมาส 1 … 4` ticked) and no
  matrix is a milestone report: a step's level is its level cell, its deadline the end of the last
  quarter ticked in the fiscal year;
- a long-format export, one row per step with the indicator's number, name and weight repeated on
  every row, is read as one indicator per run of rows naming it, each with its own steps.
Documents are written as real DOCX / CSV / XLSX files and read through the readers."""
from __future__ import annotations

import csv
from datetime import date

import pytest

from extract_helpers import extract_file, write_docx
from extractors.kpi_report import deadline_of

AS_OF = date(2026, 11, 22)


def _milestones(ex):
    return [r for r in ex.records if r.record_type == "milestone"]


@pytest.mark.parametrize("written, expected", [
    ("2025-11-30", "2025-11-30"), ("2025/11/30", "2025-11-30"), ("30/11/2568", "2025-11-30"),
    ("30/11/68", "2025-11-30"), ("2025-11-30T00:00:00", "2025-11-30"), ("30-11-2568", "2025-11-30")])
def test_numeric_deadline_in_step_text_is_the_day_written(written, expected):
    d, raw, status = deadline_of(f"จัดทำแผนปฏิบัติการ ภายใน {written} และรายงานผล", 2570)
    assert (d, raw, status) == (expected, f"ภายใน {written}", "ok")


def test_numeric_deadline_column_gives_exact_days_and_late_steps(tmp_path):
    matrix = [["ระดับ"] + [f"ขั้นตอนที่ {i}" for i in range(1, 6)]] + \
        [[str(lv)] + ["✔" if s <= lv else "" for s in range(1, 6)] for lv in range(1, 6)]
    steps = [["ขั้นตอน", "รายละเอียดการดำเนินงาน", "กำหนดแล้วเสร็จ", "สถานะ", "วันที่แล้วเสร็จ"],
             ["1", "วิเคราะห์เรื่องร้องเรียนและจัดกลุ่มประเด็น", "2025-11-30", "✔", "2025-11-25"],
             ["2", "จัดทำแผนเร่งรัดการพิจารณา", "2025/12/31", "✔", "2025-12-19"],
             ["3", "ประสานหน่วยงานที่เกี่ยวข้อง", "31/03/2569", "✔", "2026-04-10"],
             ["4", "ติดตามผลการแก้ไข", "30/06/69", "✔", "2026-06-22"],
             ["5", "จัดทำรายงานสรุป", "2026-08-31T00:00:00", "ยังไม่ดำเนินการ", "-"]]
    path = write_docx(tmp_path / "office_kpi_report_2569.docx", [
        "รายงานผลการดำเนินงานตามตัวชี้วัด ประจำปีงบประมาณ พ.ศ. 2569 รอบ 12 เดือน",
        "ตัวชี้วัดที่ 2 : ระดับความสำเร็จของการแก้ไขเรื่องร้องเรียน", "ค่าน้ำหนัก : ร้อยละ 25",
        matrix, steps])
    ex, findings = extract_file(path, AS_OF)
    ms = _milestones(ex)
    assert [m.deadline for m in ms] == ["2025-11-30", "2025-12-31", "2026-03-31", "2026-06-30", "2026-08-31"]
    assert [m.status for m in ms] == ["done"] * 4 + ["not_done"]
    assert [f for f in findings if f[1] == "DEADLINE_MISSED"] == [("3", "DEADLINE_MISSED"), ("5", "DEADLINE_MISSED")]


def _write_csv(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    return path


def _quarter_report(tmp_path, statuses, levels=("1", "2", "3", "4", "5")):
    rows = [["รายงานผลการดำเนินงานตามตัวชี้วัด รอบ 12 เดือน ปีงบประมาณ 2569"],
            ["สำนักงานจังหวัดตัวอย่าง"],
            ["ตัวชี้วัดที่ 3 ระดับความสำเร็จของการส่งเสริมเครือข่ายภาคประชาชน"],
            ["น้ำหนัก : 20"],
            ["ขั้นตอนที่", "รายละเอียด", "ระดับคะแนน", "ไตรมาส 1", "ไตรมาส 2", "ไตรมาส 3", "ไตรมาส 4", "สถานะ"]]
    ticks = [(1,), (1, 2), (2, 3), (4,), (4,)]
    texts = ["จัดทำฐานข้อมูลเครือข่าย", "จัดประชุมแกนนำเครือข่าย", "อบรมหลักสูตรให้แกนนำชุมชน",
             "สนับสนุนกิจกรรมเฝ้าระวังในพื้นที่", "สรุปผลและรายงาน"]
    for k in range(5):
        rows.append([str(k + 1), texts[k], levels[k]] + ["●" if q in ticks[k] else "" for q in range(1, 5)]
                    + [statuses[k]])
    return extract_file(_write_csv(tmp_path / "office_kpi_report_2569.csv", rows), AS_OF)


def test_quarter_steps_table_without_matrix_is_a_milestone_report(tmp_path):
    ex, findings = _quarter_report(tmp_path, ["✅", "✅", "❌", "ยังไม่ดำเนินการ", "❌"])
    kpi = [r for r in ex.records if r.record_type == "kpi"]
    assert [(k.item_no, k.weight, k.score) for k in kpi] == [("3", 20, 2)]
    ms = _milestones(ex)
    assert [m.deadline for m in ms] == ["2025-12-31", "2026-03-31", "2026-06-30", "2026-09-30", "2026-09-30"]
    assert [m.level for m in ms] == [1, 2, 3, 4, 5]
    assert [m.status for m in ms] == ["done", "done", "not_done", "not_done", "not_done"]
    assert [f for f in findings if f[1] == "DEADLINE_MISSED"] == [
        ("3", "DEADLINE_MISSED"), ("4", "DEADLINE_MISSED"), ("5", "DEADLINE_MISSED")]


def test_level_column_sets_each_steps_level(tmp_path):
    # two steps for level 1: level 2 needs steps 1-3, so two steps done score 1
    ex, _ = _quarter_report(tmp_path, ["✅", "✅", "❌", "❌", "❌"], levels=("1", "1", "2", "3", "5"))
    assert [m.level for m in _milestones(ex)] == [1, 1, 2, 3, 5]
    assert [r.score for r in ex.records if r.record_type == "kpi"] == [1]


def test_status_icons_read_as_done_or_not_done(tmp_path):
    ex, _ = _quarter_report(tmp_path, ["🟢", "✅️", "⏳", "🟡", "🔴"])
    assert [m.status for m in _milestones(ex)] == ["done", "done", "not_done", "not_done", "not_done"]


def _write_xlsx(path, rows):
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def test_long_format_export_is_grouped_by_indicator(tmp_path):
    head = ["ตัวชี้วัดที่", "ชื่อตัวชี้วัด", "น้ำหนัก", "ขั้นตอนที่", "รายละเอียดขั้นตอน", "ระดับคะแนน",
            "กำหนดแล้วเสร็จ", "สถานะ", "วันที่แล้วเสร็จ"]
    k1 = "ระดับความสำเร็จของการพัฒนาระบบเฝ้าระวังโรค"
    k2 = "ระดับความสำเร็จของการพัฒนาหน่วยบริการผู้ป่วย"
    rows = [["รายงานความก้าวหน้าตัวชี้วัด ปีงบประมาณ 2569 (รอบ 12 เดือน)"], [], head]
    plan1 = ["จัดตั้งคณะทำงาน", "จัดทำแนวทางการเฝ้าระวัง", "อบรมทีมตระหนักรู้สถานการณ์", "ซ้อมแผนรับมือโรค",
             "ประเมินผลระบบ"]
    plan2 = ["สำรวจความพร้อมของหน่วยบริการ", "ปรับปรุงห้องแยกโรค", "พัฒนาระบบติดตามการกินยา"]
    days1 = ["2025-11-30", "2026-01-31", "2026-03-31", "2026-06-30", "2026-09-15"]
    done1 = ["2025-11-20", "2026-01-28", "2026-03-15", "2026-06-25", ""]
    for k in range(5):
        rows.append([1, k1, 15, k + 1, plan1[k], k + 1, days1[k],
                     "🟢 แล้วเสร็จ" if done1[k] else "ยังไม่ดำเนินการ", done1[k]])
    for k, (dl, dn) in enumerate([("2025-12-31", "2025-12-10"), ("2026-02-28", "2026-03-20"),
                                  ("2026-04-30", "2026-04-30")]):
        rows.append([2, k2, 10, k + 1, plan2[k], k + 1, dl, "แล้วเสร็จ", dn])
    ex, findings = extract_file(_write_xlsx(tmp_path / "institute_kpi_export_2569.xlsx", rows), AS_OF)
    kpis = [r for r in ex.records if r.record_type == "kpi"]
    assert [(k.item_no, k.name, k.weight, k.score) for k in kpis] == [("1", k1, 15, 4), ("2", k2, 10, 3)]
    ms = _milestones(ex)
    assert [(m.parent_item, m.item_no, m.name) for m in ms] == \
        [("1", str(k + 1), plan1[k]) for k in range(5)] + [("2", str(k + 1), plan2[k]) for k in range(3)]
    assert [m.deadline for m in ms[:5]] == days1
    assert [m.completed for m in ms[5:]] == ["2025-12-10", "2026-03-20", "2026-04-30"]
    missed = sorted((m.parent_item, m.item_no) for m in ms if "DEADLINE_MISSED" in
                    [f[1] for f in findings if f[0] == m.item_no])
    assert ("1", "5") in missed and ("2", "2") in missed
    assert [f for f in findings if f[1] == "NO_FORM_FOUND"] == []


def test_table_listing_indicators_once_each_is_no_long_format(tmp_path):
    # one row per indicator (its name never repeated): not regrouped into indicators here
    from extractors.kpi_report import has_long_format
    from pipeline.readers import read_document
    head = ["ตัวชี้วัดที่", "ชื่อตัวชี้วัด", "น้ำหนัก", "ขั้นตอนที่", "รายละเอียดขั้นตอน", "กำหนดแล้วเสร็จ", "สถานะ"]
    rows = [head, [1, "ตัวชี้วัดหนึ่ง", 10, 1, "จัดทำแผน", "2025-12-31", "แล้วเสร็จ"],
            [2, "ตัวชี้วัดสอง", 10, 1, "ประชุมคณะทำงาน", "2026-01-31", "แล้วเสร็จ"]]
    doc = read_document(str(_write_xlsx(tmp_path / "list_2569.xlsx", rows)))
    assert not has_long_format(doc)
