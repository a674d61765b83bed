"""A consolidated milestone report: two offices report the same indicator one after the other
in one file, each section with its own `หน่วยงาน :` line, matrix and steps. Each section's
records carry the office its section names."""
from __future__ import annotations

import csv
from datetime import date

from extract_helpers import ctx
from extractors import extract
from pipeline.readers import read_document
from pipeline.validate import validate

AS_OF = date(2026, 11, 22)
STEPS = ["แต่งตั้งคณะทำงานระดับอำเภอ", "จัดทำแผนปฏิบัติการ", "ดำเนินการตามแผน",
         "ติดตามและประเมินผล", "สรุปผลและรายงานจังหวัด"]
DEADLINES = ["15/12/67", "31/01/68", "31/03/68", "30/06/68", "31/08/68"]


def _section(office: str, done: list[str]) -> list[list[str]]:
    rows = [[f"หน่วยงาน : {office}"],
            ["ตัวชี้วัดที่ 3 ระดับความสำเร็จของการพัฒนาระบบสุขภาพอำเภอ (น้ำหนัก ร้อยละ 15)"],
            ["ระดับ", "ขั้นที่ 1", "ขั้นที่ 2", "ขั้นที่ 3", "ขั้นที่ 4", "ขั้นที่ 5"]]
    for lvl in range(1, 6):
        rows.append([f"ระดับ {lvl}"] + ["X" if s <= lvl else "" for s in range(1, 6)])
    rows += [[""], ["ขั้นที่", "การดำเนินงาน", "กำหนดเสร็จ", "วันที่เสร็จ"]]
    for i, (text, dl) in enumerate(zip(STEPS, DEADLINES), 1):
        rows.append([str(i), text, dl, done[i - 1]])
    return rows + [[""], [""]]


def _csv(path, sections):
    rows = [["รายงานผลการดำเนินงานตามตัวชี้วัด ปีงบประมาณ 2568 เครือข่ายบริการสุขภาพ (รวมรายอำเภอ)"]]
    for office, done in sections:
        rows += _section(office, done)
    width = max(len(r) for r in rows)
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f).writerows(r + [""] * (width - len(r)) for r in rows)
    return path


ALL_DONE = ["10/12/67", "25/01/68", "30/03/68", "20/06/68", "31/08/68"]
THREE_DONE = ["14/12/67", "30/01/68", "31/03/68", "-", "-"]


def _run(path):
    ex = extract(read_document(path), ctx(name=path.name, agency=""))
    findings = validate(ex, AS_OF)
    return ex.records, findings


def test_each_section_carries_its_own_office(tmp_path):
    path = _csv(tmp_path / "district_reports.csv",
                [("สำนักงานสาธารณสุขอำเภอเมืองตัวอย่าง", ALL_DONE),
                 ("สำนักงานสาธารณสุขอำเภอนาตัวอย่าง", THREE_DONE)])
    records, _ = _run(path)
    kpis = [r for r in records if r.record_type == "kpi"]
    assert [k.agency for k in kpis] == ["สำนักงานสาธารณสุขอำเภอเมืองตัวอย่าง",
                                        "สำนักงานสาธารณสุขอำเภอนาตัวอย่าง"]
    steps = [r for r in records if r.record_type == "milestone"]
    assert [s.agency for s in steps] == ["สำนักงานสาธารณสุขอำเภอเมืองตัวอย่าง"] * 5 + \
        ["สำนักงานสาธารณสุขอำเภอนาตัวอย่าง"] * 5
    assert [s.status for s in steps[5:]] == ["done"] * 3 + ["not_done"] * 2



def test_each_section_is_scored_on_its_own_steps(tmp_path):
    # the second office did steps 1-3 only: level 3, whatever the first office did
    path = _csv(tmp_path / "district_reports.csv",
                [("สำนักงานสาธารณสุขอำเภอเมืองตัวอย่าง", ALL_DONE),
                 ("สำนักงานสาธารณสุขอำเภอนาตัวอย่าง", THREE_DONE)])
    records, findings = _run(path)
    assert [k.score for k in records if k.record_type == "kpi"] == [5, 3]
    # and the other way round: the first section's unfinished steps do not hold the second back
    path = _csv(tmp_path / "district_reports_2.csv",
                [("สำนักงานสาธารณสุขอำเภอนาตัวอย่าง", THREE_DONE),
                 ("สำนักงานสาธารณสุขอำเภอเมืองตัวอย่าง", ALL_DONE)])
    records, findings = _run(path)
    assert [k.score for k in records if k.record_type == "kpi"] == [3, 5]
    late = sorted((f.item_no, f.agency) for f in findings if f.code == "DEADLINE_MISSED")
    assert late == [("4", "สำนักงานสาธารณสุขอำเภอนาตัวอย่าง"), ("5", "สำนักงานสาธารณสุขอำเภอนาตัวอย่าง")]
