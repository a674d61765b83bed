"""Approval blocks a spreadsheet writes in cells under an activity plan (`ผู้อนุมัติแผน |
ลงชื่อ ...... | | วันที่ ..../..../....`), built as real XLSX, CSV and TSV files in tmp_path and
read, extracted and validated as a run would: the row is the approval, read as one line the way
a Word document writes it (a dotted name or date is unsigned, a name and a date sign), whether it
sits right under the items or under a blank row, and it is never an activity."""
from __future__ import annotations

import pytest

from extract_helpers import write_csv
from plan_files import plan_xlsx, run_plan

TITLE = "แผนปฏิบัติการประจำปีงบประมาณ พ.ศ. 2569 สำนักงานวัฒนธรรมจังหวัดตัวอย่าง"
HEAD = ["ที่", "กิจกรรม", "งบประมาณ (บาท)", "เริ่มต้น", "สิ้นสุด"]
ITEMS = [["1", "จัดงานประเพณีลอยกระทง", "80,000", "ต.ค. 68", "พ.ย. 68"],
         ["2", "สืบสานประเพณีสงกรานต์", "120,000", "เม.ย. 69", "เม.ย. 69"]]
DOTTED = [["ผู้อนุมัติแผน", "ลงชื่อ ....................................", "", "วันที่ ......../......../........", ""]]
SIGNED = [["ผู้อนุมัติแผน", "ลงชื่อ นายสมชาย ใจดี", "", "วันที่ 5 ตุลาคม 2568", ""]]
TWO_SIGNERS = [["ผู้เสนอแผน", "ลงชื่อ นางสาวมาลี ศรีสุข", "", "(นางสาวมาลี ศรีสุข)", ""],
               ["ผู้อนุมัติแผน", "ลงชื่อ ....................................", "", "วันที่ ......../......../........", ""]]


def _save(tmp_path, fmt, items, block, gap):
    """The plan with ``block`` under its items; ``gap``: an empty row between them."""
    rows = [HEAD] + items + ([[]] if gap else []) + block
    path = tmp_path / f"plan.{fmt}"
    if fmt == "xlsx":
        plan_xlsx(path, [TITLE], rows)
    elif fmt == "csv":
        write_csv(path, [TITLE], rows)
    else:
        lines = [TITLE, ""] + ["\t".join(row) for row in rows]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("gap", [False, True], ids=["under_items", "after_blank_row"])
@pytest.mark.parametrize("fmt", ["xlsx", "csv", "tsv"])
def test_a_dotted_approval_in_cells_is_unsigned(tmp_path, fmt, gap):
    acts, codes = run_plan(_save(tmp_path, fmt, ITEMS, DOTTED, gap))
    assert [a.item_no for a in acts] == ["1", "2"]
    assert ("", "UNSIGNED") in codes


@pytest.mark.parametrize("gap", [False, True], ids=["under_items", "after_blank_row"])
@pytest.mark.parametrize("fmt", ["xlsx", "csv", "tsv"])
def test_an_approval_in_cells_with_a_name_and_a_date_signs(tmp_path, fmt, gap):
    acts, codes = run_plan(_save(tmp_path, fmt, ITEMS, SIGNED, gap))
    assert [a.item_no for a in acts] == ["1", "2"]
    assert "UNSIGNED" not in {c for _, c in codes}


@pytest.mark.parametrize("fmt", ["xlsx", "tsv"])
def test_the_last_signer_in_cells_is_the_approver(tmp_path, fmt):
    # the proposer signed, the approver's line is still dotted
    acts, codes = run_plan(_save(tmp_path, fmt, ITEMS, TWO_SIGNERS, True))
    assert len(acts) == 2
    assert ("", "UNSIGNED") in codes


@pytest.mark.parametrize("fmt", ["xlsx", "tsv"])
def test_an_activity_that_signs_an_agreement_stays_an_item(tmp_path, fmt):
    items = ITEMS + [["3", "ลงนามบันทึกข้อตกลงความร่วมมือกับเครือข่ายวัฒนธรรม", "5,000", "ม.ค. 69", "ม.ค. 69"],
                     ["", "ลงนามบันทึกข้อตกลงกับสถานศึกษา", "", "ก.พ. 69", "ก.พ. 69"]]
    acts, codes = run_plan(_save(tmp_path, fmt, items, SIGNED, False))
    assert [a.name for a in acts][2:] == ["ลงนามบันทึกข้อตกลงความร่วมมือกับเครือข่ายวัฒนธรรม",
                                          "ลงนามบันทึกข้อตกลงกับสถานศึกษา"]
    assert "UNSIGNED" not in {c for _, c in codes}
