"""`กิจกรรมที่ N` rows in an activity plan, built as real files in tmp_path and read through the
readers: a row that heads items (numbered under it, or unnumbered rows of its own) is a group
whose budget is their total; a row that heads nothing, with its own dates and budget, is an item
(no BUDGET_SUM_MISMATCH "the items add up to 0 baht")."""
from __future__ import annotations

import pytest

from extractors import extract
from extract_helpers import ctx
from pipeline.readers import read_document
from plan_files import plan_docx, plan_tsv, run_plan

TITLE = ["แผนปฏิบัติการ สำนักงานจังหวัดบุรีรัมย์ ประจำปีงบประมาณ พ.ศ. 2566"]
HEAD = ["ที่", "กิจกรรม", "ระยะเวลา", "งบประมาณ (บาท)", "ผู้รับผิดชอบ"]


def _write(tmp_path, fmt, rows):
    if fmt == "docx":
        return plan_docx(tmp_path / "plan.docx", TITLE, rows)
    return plan_tsv(tmp_path / "plan.txt", TITLE, rows)


@pytest.mark.parametrize("fmt", ["docx", "tsv"])
def test_numbered_activities_with_their_own_budget_are_items(tmp_path, fmt):
    rows = [HEAD] + [[str(n), f"กิจกรรมที่ {n} ส่งเสริมการท่องเที่ยวเชิงวัฒนธรรม", "ม.ค. 66 - มี.ค. 66",
                      "50,000", "สนง.ท่องเที่ยวฯ"] for n in (1, 2, 3)]
    path = _write(tmp_path, fmt, rows)
    acts, codes = run_plan(path)
    assert [(a.item_no, a.row_kind, a.parent_item, a.budget_thb) for a in acts] == [
        ("1", "", "", 50000), ("2", "", "", 50000), ("3", "", "", 50000)]
    assert [a.name for a in acts] == ["ส่งเสริมการท่องเที่ยวเชิงวัฒนธรรม"] * 3
    assert [a.deadline for a in acts] == ["2023-03-31"] * 3
    assert not [c for c in codes if c[1] == "BUDGET_SUM_MISMATCH"]
    ex = extract(read_document(path), ctx(name=path.name, agency=""))
    assert ex.budget_groups == []


def test_groups_with_items_stay_groups_beside_a_lone_numbered_activity(tmp_path):
    rows = [HEAD,
            ["", "กิจกรรมที่ 1 พัฒนาศักยภาพบุคลากร 150,000 บาท", "", "", ""],
            ["1.1", "อบรมเชิงปฏิบัติการ", "ม.ค. 66 - ก.พ. 66", "100,000", "กลุ่มงานบริหาร"],
            ["1.2", "ศึกษาดูงาน", "มี.ค. 66 - มี.ค. 66", "50,000", "กลุ่มงานบริหาร"],
            ["2", "กิจกรรมที่ 2 ประชาสัมพันธ์โครงการ", "เม.ย. 66 - พ.ค. 66", "30,000", "กลุ่มงานบริหาร"],
            ["", "กิจกรรมที่ 3 ติดตามประเมินผล 90,000 บาท", "", "", ""],
            ["3.1", "ลงพื้นที่ติดตาม", "มิ.ย. 66 - ก.ค. 66", "60,000", "กลุ่มงานยุทธศาสตร์"],
            ["3.2", "สรุปผล", "ส.ค. 66 - ก.ย. 66", "20,000", "กลุ่มงานยุทธศาสตร์"]]
    path = _write(tmp_path, "docx", rows)
    acts, codes = run_plan(path)
    assert [(a.item_no, a.row_kind, a.parent_item, a.budget_thb) for a in acts] == [
        ("1", "group", "", 150000), ("1.1", "", "1", 100000), ("1.2", "", "1", 50000),
        ("2", "", "", 30000),
        ("3", "group", "", 90000), ("3.1", "", "3", 60000), ("3.2", "", "3", 20000)]
    # group 3's items add up to 80,000: still checked; the lone activity 2 is no group
    assert [c for c in codes if c[1] == "BUDGET_SUM_MISMATCH"] == [("3", "BUDGET_SUM_MISMATCH")]
    ex = extract(read_document(path), ctx(name=path.name, agency=""))
    assert [(g.item_no, g.member_items) for g in ex.budget_groups] == [("1", ["1.1", "1.2"]),
                                                                      ("3", ["3.1", "3.2"])]


def test_group_over_unnumbered_rows_stays_a_group(tmp_path):
    rows = [HEAD,
            ["", "กิจกรรมที่ 1 พัฒนาศักยภาพบุคลากร 80,000 บาท", "", "", ""],
            ["", "อบรมเชิงปฏิบัติการ", "ม.ค. 66 - ก.พ. 66", "50,000", "กลุ่มงานบริหาร"],
            ["", "ศึกษาดูงาน", "มี.ค. 66 - มี.ค. 66", "30,000", "กลุ่มงานบริหาร"],
            ["", "กิจกรรมที่ 2 ประชาสัมพันธ์โครงการ", "เม.ย. 66 - พ.ค. 66", "30,000", "กลุ่มงานบริหาร"]]
    acts, codes = run_plan(_write(tmp_path, "tsv", rows))
    assert [(a.item_no, a.row_kind, a.parent_item) for a in acts] == [
        ("1", "group", ""), ("", "", "1"), ("", "", "1"), ("2", "", "")]
    # 50,000 + 30,000: every unnumbered item counts toward its group's total
    assert not [c for c in codes if c[1] == "BUDGET_SUM_MISMATCH"]
    rows[3][3] = "20,000"
    _, codes = run_plan(_write(tmp_path, "docx", rows))
    assert [c for c in codes if c[1] == "BUDGET_SUM_MISMATCH"] == [("1", "BUDGET_SUM_MISMATCH")]


def test_bare_group_heading_with_nothing_of_its_own_is_left_a_group(tmp_path):
    # a heading with no dates, budget or items of its own is no activity to check dates of
    rows = [HEAD,
            ["1", "กิจกรรมที่ 1 ประชาสัมพันธ์โครงการ", "เม.ย. 66 - พ.ค. 66", "30,000", "กลุ่มงานบริหาร"],
            ["", "กิจกรรมที่ 2 กิจกรรมอื่น ๆ ตามนโยบาย", "", "", ""]]
    acts, codes = run_plan(_write(tmp_path, "docx", rows))
    assert [(a.item_no, a.row_kind) for a in acts] == [("1", ""), ("2", "group")]
    assert not [c for c in codes if c[1] in ("BUDGET_SUM_MISMATCH", "DATE_MISSING")]


def test_ditto_budget_under_a_numbered_activity_repeats_its_amount(tmp_path):
    rows = [HEAD,
            ["1", "กิจกรรมที่ 1 ประชุมคณะทำงาน", "ม.ค. 66 - มี.ค. 66", "50,000", "สนง.จังหวัด"],
            ["2", "กิจกรรมที่ 2 อบรมเครือข่าย", "〃", "〃", "〃"],
            ["3", "กิจกรรมที่ 3 ถอดบทเรียน", "เม.ย. 66 - มิ.ย. 66", "-", "〃"]]
    acts, codes = run_plan(_write(tmp_path, "tsv", rows))
    assert [(a.item_no, a.row_kind, a.budget_thb, a.end, a.responsible) for a in acts] == [
        ("1", "", 50000, "2023-03", "สนง.จังหวัด"), ("2", "", 50000, "2023-03", "สนง.จังหวัด"),
        ("3", "", None, "2023-06", "สนง.จังหวัด")]
    assert codes == []


@pytest.mark.parametrize("fmt", ["docx", "tsv"])
@pytest.mark.parametrize("stated, mismatch", [("1,000,000", []), ("1,200,000", [("1", "BUDGET_SUM_MISMATCH")])])
def test_three_levels_a_sub_heading_counts_with_its_total(tmp_path, fmt, stated, mismatch):
    """1 over 1.1 and 1.2, 1.1 over 1.1.1 and 1.1.2: item 1's total is 1.1's total plus 1.2's,
    not 1.2's alone (1.1 is a group row itself)."""
    rows = [HEAD,
            ["1", "โครงการพัฒนาศักยภาพบุคลากร", "", stated, ""],
            ["1.1", "กิจกรรมอบรมหลักสูตรผู้บริหาร", "", "600,000", ""],
            ["1.1.1", "อบรมรุ่นที่ 1", "ม.ค. 66", "400,000", "กลุ่มงานบริหารทรัพยากรบุคคล"],
            ["1.1.2", "อบรมรุ่นที่ 2", "ก.พ. 66", "200,000", "กลุ่มงานบริหารทรัพยากรบุคคล"],
            ["1.2", "ศึกษาดูงานนอกสถานที่", "มี.ค. 66", "400,000", "กลุ่มงานบริหารทรัพยากรบุคคล"]]
    acts, codes = run_plan(_write(tmp_path, fmt, rows))
    assert [(a.item_no, a.row_kind) for a in acts] == [
        ("1", "group"), ("1.1", "group"), ("1.1.1", ""), ("1.1.2", ""), ("1.2", "")]
    assert [c for c in codes if c[1] == "BUDGET_SUM_MISMATCH"] == mismatch
