"""Signature blocks: the block a form 7.2 or a KPI report closes with after its last table
(`ผู้รับรองข้อมูล ลงชื่อ ……  <ตำแหน่ง>` / `(……)` / `วันที่ …… เดือน …… พ.ศ. ……`) read as an activity
plan's approval is (extractors.activity_plan.closing_approval): no signatory and no date when
left dotted; a name written after `ลงชื่อ` and before the signer's role (`ลงชื่อ นาย… ผู้รับรองข้อมูล
ตำแหน่ง … วันที่ 15 ต.ค. 2568`) is the signatory. Built as real DOCX files (and a PDF exported
from one) in tmp_path and read as a run would."""
from __future__ import annotations

from extract_helpers import write_docx
from extractors.activity_plan import closing_approval
from office import needs_soffice, to_pdf
from pipeline.readers import read_document
from plan_files import closing_unsigned

FORM72 = [["ที่", "ตัวชี้วัด", "หน่วยนับ", "น้ำหนัก", "เป้าหมาย", "1", "2", "3", "4", "5"],
          ["1", "ร้อยละของครัวเรือนที่ได้รับน้ำประปาที่มีคุณภาพ", "ร้อยละ", "100", "90", "70", "75", "80",
           "85", "90"]]
TITLE = "แบบฟอร์มที่ 7.2 องค์การบริหารส่วนตำบลแม่ทา ประจำปีงบประมาณ พ.ศ. 2567"
DOTTED = ["ผู้รับรองข้อมูล ลงชื่อ ........................................ นายกองค์การบริหารส่วนตำบลแม่ทา",
          "(........................................)",
          "วันที่ ........ เดือน .................... พ.ศ. ........"]
SIGNED = ["ลงชื่อ นายสมชาย ใจดี ผู้รับรองข้อมูล ตำแหน่ง หัวหน้าสำนักงานจังหวัดอ่างทอง วันที่ 15 ต.ค. 2568"]


def _closing(tmp_path, lines, name="f72.docx"):
    return closing_approval(read_document(write_docx(tmp_path / name, [TITLE, FORM72, *lines])))


def test_a_dotted_block_under_a_form72_has_no_signatory_and_no_date(tmp_path):
    ap = _closing(tmp_path, DOTTED)
    assert ap is not None and (ap.signatory, ap.date) == ("", "")
    assert ap.raw.startswith("ผู้รับรองข้อมูล ลงชื่อ")


def test_a_name_before_the_signers_role_is_the_signatory(tmp_path):
    ap = _closing(tmp_path, SIGNED)
    assert ap is not None and (ap.signatory, ap.date) == ("นายสมชาย ใจดี", "2025-10-15")


def test_a_signed_block_without_a_date_field_is_nothing_to_report(tmp_path):
    assert _closing(tmp_path, ["ลงชื่อ ............................", "(นายวิชัย ศรีชัยภูมิ)",
                               "ผู้ว่าราชการจังหวัดชัยภูมิ"]) is None


def test_prose_mentioning_approval_is_no_block(tmp_path):
    assert _closing(tmp_path, ["หมายเหตุ : ตัวชี้วัดได้รับความเห็นชอบจากคณะกรรมการแล้ว"]) is None


@needs_soffice
def test_a_dotted_block_in_a_pdf(tmp_path):
    src = write_docx(tmp_path / "f72.docx", [TITLE, FORM72, *DOTTED])
    (pdf,) = to_pdf([src], tmp_path)
    ap = closing_approval(read_document(pdf))
    assert ap is not None and (ap.signatory, ap.date) == ("", "")
    assert ap.loc.page == 1


def test_an_activity_plan_signed_inline_with_the_role_is_signed(tmp_path):
    assert not closing_unsigned(tmp_path, "signed", SIGNED)
    assert closing_unsigned(tmp_path, "dotted", DOTTED)


def test_a_form72_closing_with_a_dotted_block_is_unsigned_a_signed_one_is_not(tmp_path):
    from datetime import date

    from extract_helpers import ctx
    from extractors import extract
    from pipeline.validate import validate
    got = {}
    for name, lines in (("dotted", DOTTED), ("signed", SIGNED)):
        path = write_docx(tmp_path / f"{name}.docx", [TITLE, FORM72, *lines])
        ex = extract(read_document(path), ctx(name=path.name, agency=""))
        assert ex.forms == ["form72"]
        got[name] = [f.code for f in validate(ex, date(2026, 11, 22)) if f.code == "UNSIGNED"]
    assert got == {"dotted": ["UNSIGNED"], "signed": []}
