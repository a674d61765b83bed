"""A milestone KPI report with no tick matrix whose steps table gives each step's score level in
a column headed `คะแนน` (or `ระดับคะแนน`) beside the step, its deadline and its result: the file is
a KPI report (no activity plan), each step's level is its score cell, and the indicator's score
comes from the steps done. Built as DOCX, TSV and (where LibreOffice is installed) a PDF with
Thai digits, read by the real readers."""
from __future__ import annotations

from datetime import date

import pytest

from extract_helpers import extract_file, write_docx
from office import needs_soffice, to_pdf

AS_OF = date(2026, 11, 22)
THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
NAME = "ระดับความสำเร็จของการส่งเสริมการอ่านเพื่อสร้างสังคมแห่งการเรียนรู้"
STEPS = [("แต่งตั้งคณะทำงานขับเคลื่อนการส่งเสริมการอ่าน", "31 ต.ค. 68", "ดำเนินการเรียบร้อยแล้ว เมื่อ 20 ต.ค. 68"),
         ("จัดทำฐานข้อมูลแหล่งเรียนรู้ชุมชน", "31 ธ.ค. 68", "ดำเนินการเรียบร้อยแล้ว เมื่อ 25 ธ.ค. 68"),
         ("จัดกิจกรรมห้องสมุดเคลื่อนที่ในตำบลเป้าหมาย", "31 มี.ค. 69", "ดำเนินการเรียบร้อยแล้ว เมื่อ 28 มี.ค. 69"),
         ("ประเมินผลการอ่านของประชาชนกลุ่มเป้าหมาย", "30 มิ.ย. 69", "ดำเนินการเรียบร้อยแล้ว เมื่อ 15 ก.ค. 69"),
         ("สรุปผลและเผยแพร่ต้นแบบชุมชนรักการอ่าน", "30 ก.ย. 69", "อยู่ระหว่างดำเนินการ")]


def blocks(level_head="คะแนน", thai_digits=False):
    rows = [[level_head, "ขั้นตอนการดำเนินงาน", "กำหนดแล้วเสร็จ", "ผลการดำเนินงาน"]] + \
        [[str(i), text, due, result] for i, (text, due, result) in enumerate(STEPS, 1)]
    paras = ["แบบรายงานผลการดำเนินงานตามตัวชี้วัด ปีงบประมาณ พ.ศ. 2569",
             "สำนักงานส่งเสริมการเรียนรู้จังหวัดพิษณุโลก", f"ตัวชี้วัดที่ 2 {NAME}", "น้ำหนัก ร้อยละ 25",
             "เกณฑ์การให้คะแนนและผลการดำเนินงาน"]
    if thai_digits:
        paras = [p.translate(THAI) for p in paras]
        rows = [[x.translate(THAI) for x in r] for r in rows]
    return paras + [rows]


def write_tsv(path, parts):
    lines = []
    for b in parts:
        lines.extend([b] if isinstance(b, str) else ["\t".join(r) for r in b])
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run(path):
    return extract_file(path, AS_OF)


def check(ex, findings):
    assert {r.form for r in ex.records} == {"kpi_report"}
    kpis = [r for r in ex.records if r.record_type == "kpi"]
    assert [(k.item_no, k.name, k.weight) for k in kpis] == [("2", NAME, 25)]
    steps = sorted((r for r in ex.records if r.record_type == "milestone"), key=lambda r: int(r.item_no))
    assert [(r.item_no, r.level) for r in steps] == [(str(i), i) for i in range(1, 6)]
    assert [r.status for r in steps] == ["done"] * 4 + ["not_done"]
    assert [r.completed for r in steps][:4] == ["2025-10-20", "2025-12-25", "2026-03-28", "2026-07-15"]
    assert [r.deadline for r in steps] == ["2025-10-31", "2025-12-31", "2026-03-31", "2026-06-30", "2026-09-30"]
    assert kpis[0].score == 4
    codes = sorted((code, no) for no, code in findings)
    assert not any(c == "DATE_MISSING" for c, _ in codes)
    assert [no for c, no in codes if c == "DEADLINE_MISSED"] == ["4", "5"]


@pytest.mark.parametrize("level_head", ["คะแนน", "ระดับคะแนน"], ids=["score", "score-level"])
def test_score_column_docx(tmp_path, level_head):
    check(*run(write_docx(tmp_path / "report.docx", blocks(level_head))))


def test_score_column_text_export(tmp_path):
    check(*run(write_tsv(tmp_path / "report.tsv", blocks())))


@needs_soffice
def test_score_column_pdf_thai_digits(tmp_path):
    src = write_docx(tmp_path / "report.docx", blocks(thai_digits=True))
    check(*run(to_pdf([src], tmp_path)[0]))
