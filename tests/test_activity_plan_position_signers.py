"""Signature blocks whose name is left dotted and whose position is typed in
(`ลงชื่อ ........ ผู้อำนวยการกองแผนงาน` / `วันที่ 20 ตุลาคม 2569`, the position also on the next
line, under a bracketed dotted name, or in brackets itself): the position is no signatory, so the
block is unsigned (extractors.activity_plan.parse_approval); a written name before the position
still signs. Built as real DOCX files in tmp_path and read and validated as a run would."""
from __future__ import annotations

from datetime import date

import pytest

from extract_helpers import ctx, write_docx
from extractors import extract
from extractors.activity_plan import closing_approval
from pipeline.readers import read_document
from pipeline.validate import validate
from plan_files import closing_unsigned

FORM72 = [["ที่", "ตัวชี้วัด", "หน่วยนับ", "น้ำหนัก", "เป้าหมาย", "1", "2", "3", "4", "5"],
          ["1", "ร้อยละความพึงพอใจของผู้รับบริการ", "ร้อยละ", "100", "90", "70", "75", "80", "85", "90"]]
TITLE = "แบบฟอร์มที่ 7.2 ตัวชี้วัดตามแผนพัฒนาองค์การ มหาวิทยาลัยนเรศวร ประจำปีงบประมาณ พ.ศ. 2570"
DOTS = "................................................"
DATE = "วันที่ 20 ตุลาคม 2569"

UNSIGNED_BLOCKS = {
    "position_on_the_line": [f"ลงชื่อ {DOTS} ผู้อำนวยการกองแผนงาน", DATE],
    "position_on_the_next_line": [f"ลงชื่อ {DOTS}", "ผู้อำนวยการกองแผนงาน", DATE],
    "bracketed_dotted_name": [f"ลงชื่อ {DOTS} ผู้อำนวยการกองแผนงาน", f"( {DOTS} )", DATE],
    "bracketed_dotted_name_then_position": [f"ลงชื่อ {DOTS}", f"( {DOTS} )", "ผู้อำนวยการกองแผนงาน", DATE],
    "deputy_position": [f"ลงชื่อ {DOTS} รองผู้อำนวยการฝ่ายแผนงาน", DATE],
    "dean": [f"ลงชื่อ {DOTS} คณบดีคณะวิทยาศาสตร์", DATE],
    "position_in_brackets": [f"ลงชื่อ {DOTS}", "(ผู้อำนวยการกองแผนงาน)", DATE],
}
SIGNED_BLOCKS = {
    "name_then_position_on_the_line": (["ลงชื่อ นายสมชาย ใจดี ผู้อำนวยการกองแผนงาน", DATE], "นายสมชาย ใจดี"),
    "dots_then_name": ([f"ลงชื่อ {DOTS} นายสมชาย ใจดี", "ผู้อำนวยการกองแผนงาน", DATE], "นายสมชาย ใจดี"),
    "bracketed_name": ([f"ลงชื่อ {DOTS}", "(ผู้ช่วยศาสตราจารย์ ดร.สมชาย ใจดี)", "ผู้อำนวยการกองแผนงาน", DATE],
                       "ผู้ช่วยศาสตราจารย์ ดร.สมชาย ใจดี"),
}


def _unsigned(path) -> list[str]:
    ex = extract(read_document(path), ctx(name=path.name, agency=""))
    assert ex.forms == ["form72"]
    return [f.code for f in validate(ex, date(2026, 11, 22)) if f.code == "UNSIGNED"]


@pytest.mark.parametrize("case", sorted(UNSIGNED_BLOCKS))
def test_a_dotted_name_with_a_position_is_unsigned(tmp_path, case):
    path = write_docx(tmp_path / f"{case}.docx", [TITLE, FORM72, *UNSIGNED_BLOCKS[case]])
    ap = closing_approval(read_document(path))
    assert ap is not None and ap.signatory == "" and ap.date == "2026-10-20"
    assert _unsigned(path) == ["UNSIGNED"]


def test_the_position_after_the_dotted_name_is_kept_as_the_position(tmp_path):
    path = write_docx(tmp_path / "f72.docx", [TITLE, FORM72, *UNSIGNED_BLOCKS["position_on_the_line"]])
    ap = closing_approval(read_document(path))
    assert (ap.signatory, ap.position) == ("", "ผู้อำนวยการกองแผนงาน")


@pytest.mark.parametrize("case", sorted(SIGNED_BLOCKS))
def test_a_written_name_before_or_around_the_position_signs(tmp_path, case):
    lines, name = SIGNED_BLOCKS[case]
    path = write_docx(tmp_path / f"{case}.docx", [TITLE, FORM72, *lines])
    ap = closing_approval(read_document(path))
    assert ap is not None and ap.signatory == name
    assert _unsigned(path) == []


def test_an_activity_plan_approved_by_a_dotted_position_is_unsigned(tmp_path):
    assert closing_unsigned(tmp_path, "dotted", [f"ลงชื่อ {DOTS} ผู้อำนวยการกองแผนงาน", "วันที่ 1 ตุลาคม 2567"])
    assert not closing_unsigned(tmp_path, "signed", ["ลงชื่อ นายสมชาย ใจดี ผู้อำนวยการกองแผนงาน",
                                                     "วันที่ 1 ตุลาคม 2567"])
