"""Approval blocks under an activity plan written one signer to a paragraph (`ผู้จัดทำแผน ลงชื่อ
นาย… ตำแหน่ง… วันที่ …`), built as real DOCX files in tmp_path and read through the readers:
the approver's part (the last signer's) is the approval; a dotted name or date there is unsigned,
a name and a date there are signed, also after notes under the table."""
from __future__ import annotations

import docx

from plan_files import M, run_plan

HEAD = ["ที่", "กิจกรรม", "ผู้รับผิดชอบ"] + [f"{m} 62" if i < 3 else f"{m} 63" for i, m in enumerate(M)]
ROWS = [["1", "ฉีดวัคซีนป้องกันโรคปากและเท้าเปื่อย", "กลุ่มพัฒนาสุขภาพสัตว์"] + ["✓"] * 2 + [""] * 10,
        ["2", "เฝ้าระวังโรคไข้หวัดนก", "กลุ่มพัฒนาสุขภาพสัตว์"] + [""] * 2 + ["✓"] + [""] * 9]
PREPARER = "ผู้จัดทำแผน ลงชื่อ นายวิชัย สุขเจริญ ปศุสัตว์จังหวัดตัวอย่าง วันที่ 1 ตุลาคม 2562"
NOTE = "หมายเหตุ : 1) กิจกรรมอาจปรับเปลี่ยนตามสถานการณ์ 2) งบประมาณตามที่ได้รับจัดสรร"


def _plan(tmp_path, after):
    d = docx.Document()
    d.add_paragraph("แผนปฏิบัติงานประจำปีงบประมาณ พ.ศ. 2563")
    t = d.add_table(rows=1 + len(ROWS), cols=len(HEAD))
    for r, row in enumerate([HEAD] + ROWS):
        for c, v in enumerate(row):
            t.cell(r, c).text = v
    for p in after:
        d.add_paragraph(p)
    path = tmp_path / "plan.docx"
    d.save(path)
    return path


def test_an_approver_with_a_dotted_name_and_date_is_unsigned(tmp_path):
    acts, codes = run_plan(_plan(tmp_path, [
        NOTE, PREPARER,
        "ผู้อนุมัติแผน ลงชื่อ ................................ ผู้ว่าราชการจังหวัดตัวอย่าง วันที่ ........................"]))
    assert len(acts) == 2
    assert ("", "UNSIGNED") in codes


def test_an_approver_with_a_name_and_a_date_signs(tmp_path):
    acts, codes = run_plan(_plan(tmp_path, [
        NOTE, PREPARER,
        "ผู้อนุมัติแผน ลงชื่อ นายสมชาย ใจดี ผู้ว่าราชการจังหวัดตัวอย่าง วันที่ 5 ตุลาคม 2562"]))
    assert len(acts) == 2
    assert "UNSIGNED" not in {c for _, c in codes}


def test_an_approver_with_a_name_but_a_dotted_date_is_unsigned(tmp_path):
    _, codes = run_plan(_plan(tmp_path, [
        PREPARER, "ผู้อนุมัติแผน ลงชื่อ นายสมชาย ใจดี ผู้ว่าราชการจังหวัดตัวอย่าง วันที่ ............"]))
    assert ("", "UNSIGNED") in codes
