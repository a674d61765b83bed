"""A milestone KPI report with an annex table of ladder indicators (`ตัวชี้วัด | หน่วยนับ | น้ำหนัก |
1 … 5 | ผลการดำเนินงาน`) in the same file: the report's indicator and its steps are read as a
KPI report, the annex's indicators as ladder KPIs with their thresholds, results and scores.
Every document is built in tmp_path and read by the real readers."""
from __future__ import annotations

from datetime import date

from extract_helpers import write_docx
from extractors import extract
from pipeline.readers import read_document
from pipeline.validate import validate
from schemas import ExtractContext

AS_OF = date(2026, 11, 22)
MATRIX = [["ระดับคะแนน"] + [f"ขั้นตอนที่ {i}" for i in range(1, 6)]] + \
    [[str(lv)] + ["✓" if s <= lv else "" for s in range(1, 6)] for lv in range(1, 6)]
STEPS = [["ขั้นตอนที่", "รายละเอียดการดำเนินงาน", "กำหนดแล้วเสร็จ", "ผลการดำเนินงาน"]] + [
    [str(i), f"ขั้นตอนการพัฒนาหลักสูตรที่ {i}", due, "-"]
    for i, due in enumerate(["31 ธ.ค. 69", "31 มี.ค. 70", "30 เม.ย. 70", "30 มิ.ย. 70", "15 ก.ย. 70"], 1)]
LADDERS = [["ตัวชี้วัด", "หน่วยนับ", "น้ำหนัก", "1", "2", "3", "4", "5", "ผลการดำเนินงาน"],
           ["2. ร้อยละของบัณฑิตที่ได้งานทำภายใน 1 ปี", "ร้อยละ", "20", "70", "75", "80", "85", "90", "83"],
           ["3. จำนวนผลงานวิจัยที่ได้รับการจดสิทธิบัตร", "เรื่อง", "10", "1", "2", "3", "4", "5", "4"]]


def run(path):
    ex = extract(read_document(str(path)), ExtractContext(source_file=path.name))
    validate(ex, AS_OF)
    return ex


def test_ladder_annex_after_milestone_report(tmp_path):
    path = write_docx(tmp_path / "report.docx", [
        "รายงานผลการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2570", "ตัวชี้วัดที่ 1 ระดับความสำเร็จของการพัฒนาหลักสูตร",
        "น้ำหนัก : ร้อยละ 30", MATRIX, STEPS, "ภาคผนวก ตัวชี้วัดที่ 2-3 (เกณฑ์การให้คะแนนแบบขั้นบันได)", LADDERS])
    ex = run(path)
    report = [r for r in ex.records if r.form == "kpi_report"]
    assert [(r.record_type, r.item_no) for r in report] == [("kpi", "1")] + [("milestone", str(i)) for i in range(1, 6)]
    ladder = [r for r in ex.records if r.form == "kpi_ladder"]
    assert [(r.record_type, r.item_no, r.weight, r.actual) for r in ladder] == [
        ("kpi", "2", 20, 83), ("kpi", "3", 10, 4)]
    assert [r.level_1 for r in ladder] == [70, 1] and [r.level_5 for r in ladder] == [90, 5]
    assert ladder[0].score == 3.6 and ladder[1].score == 4
    assert set(ex.forms) == {"kpi_report", "kpi_ladder"}


def test_milestone_report_without_annex_stays_one_form(tmp_path):
    path = write_docx(tmp_path / "report.docx", [
        "รายงานผลการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2570", "ตัวชี้วัดที่ 1 ระดับความสำเร็จของการพัฒนาหลักสูตร",
        "น้ำหนัก : ร้อยละ 30", MATRIX, STEPS])
    ex = run(path)
    assert {r.form for r in ex.records} == {"kpi_report"} and ex.forms == ["kpi_report"]
