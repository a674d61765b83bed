"""A KPI report whose title runs into the indicator heading on one line (`รายงานตัวชี้วัดที่ 1
<name> ปีงบประมาณ 2572`): the indicator's number and name are read from it, the title's fiscal
year is no part of the name, and a budget indicator keeps the year its name states. Every
document is built in tmp_path (CSV, DOCX) and read by the real readers."""
from __future__ import annotations

from datetime import date

import pytest

from extract_helpers import write_docx
from extractors import extract
from pipeline.readers import read_document
from pipeline.validate import validate
from schemas import ExtractContext

AS_OF = date(2026, 11, 22)
NAME = "ระดับความสำเร็จของการส่งเสริมโภชนาการเด็กปฐมวัยในศูนย์พัฒนาเด็กเล็ก"
TICKS = [{1}, {1, 2}, {1, 2, 3}, {1, 2, 3, 4}, {1, 2, 3, 4, 5}]
MATRIX = [["ระดับ"] + [f"ขั้นตอนที่ {i}" for i in range(1, 6)]] + \
    [[f"ระดับ {lv}"] + ["●" if s in TICKS[lv - 1] else "" for s in range(1, 6)] for lv in range(1, 6)]
STEPS = [["ขั้นตอนที่", "กิจกรรมสำคัญ", "กำหนดแล้วเสร็จ", "ผลการดำเนินงาน"]] + [
    [str(i), text, due, ""] for i, (text, due) in enumerate(
        [("วิเคราะห์สถานการณ์ภาวะโภชนาการเด็กปฐมวัย", "ธ.ค. 71"), ("พัฒนาศูนย์เด็กเล็กต้นแบบ", "มี.ค. 72"),
         ("อบรมครูพี่เลี้ยงและผู้ปกครอง", "มิ.ย. 72"), ("ติดตามการเจริญเติบโตของเด็ก", "ส.ค. 72"),
         ("สรุปผลและถอดบทเรียน", "ก.ย. 72")], 1)]


def write_csv(path, blocks, width=6):
    lines = []
    for b in blocks:
        rows = [[b]] if isinstance(b, str) else b
        lines.extend(";".join(r + [""] * (width - len(r))) for r in rows)
    path.write_text("\ufeff" + "\n".join(lines) + "\n", encoding="utf-8")
    return path


def run(path):
    ex = extract(read_document(str(path)), ExtractContext(source_file=path.name))
    validate(ex, AS_OF)
    return ex


def kpi_of(ex):
    kpis = [r for r in ex.records if r.record_type == "kpi"]
    assert len(kpis) == 1, [(r.item_no, r.name) for r in kpis]
    return kpis[0]


def test_report_title_run_into_heading_csv(tmp_path):
    path = write_csv(tmp_path / "report.csv", [
        "ศูนย์อนามัยที่ 9 นครราชสีมา กรมอนามัย",
        f"รายงานตัวชี้วัดที่ 1 {NAME} ปีงบประมาณ 2572", "น้ำหนัก 15", MATRIX, [[""]], STEPS])
    ex = run(path)
    kpi = kpi_of(ex)
    assert (kpi.form, kpi.item_no, kpi.name, kpi.weight) == ("kpi_report", "1", NAME, 15)
    steps = sorted((r for r in ex.records if r.record_type == "milestone"), key=lambda r: int(r.item_no))
    assert [r.kpi_no for r in steps] == ["1"] * 5
    assert [r.deadline for r in steps][:2] == ["2028-12-31", "2029-03-31"]


@pytest.mark.parametrize("title, year", [
    ("รายงานตัวชี้วัดที่ 4", "ประจำปีงบประมาณ พ.ศ. 2570"),
    ("รายงานผลตัวชี้วัดที่ 4", "ปีงบประมาณ พ.ศ.2570"),
], ids=["report-title", "results-title"])
def test_report_title_run_into_heading_docx(tmp_path, title, year):
    name = "ร้อยละของผู้ป่วยเบาหวานที่ควบคุมระดับน้ำตาลได้ดี"
    path = write_docx(tmp_path / "report.docx", [f"{title} {name} {year}", "น้ำหนัก : ร้อยละ 20", MATRIX, STEPS])
    kpi = kpi_of(run(path))
    assert (kpi.item_no, kpi.name, kpi.weight) == ("4", name, 20)


def test_budget_indicator_keeps_its_year(tmp_path):
    # the year belongs to a budget indicator's name (`… การเบิกจ่ายงบประมาณ ปีงบประมาณ 2572`)
    name = "ร้อยละของการเบิกจ่ายงบประมาณ ปีงบประมาณ 2572"
    path = write_csv(tmp_path / "budget.csv", [f"รายงานตัวชี้วัดที่ 2 {name}", "น้ำหนัก 10", MATRIX, [[""]], STEPS])
    kpi = kpi_of(run(path))
    assert (kpi.item_no, kpi.name) == ("2", name)
