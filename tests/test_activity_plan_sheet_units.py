"""Budget units and grand totals a spreadsheet writes inside its table block: a `หน่วย : พันบาท`
row above the header scales the amounts, and a grand total written first under the header is
checked against the items under it, as one written after them is."""
from __future__ import annotations

import pytest

from plan_files import plan_tsv, plan_xlsx, run_plan

WRITERS = {"xlsx": plan_xlsx, "tsv": plan_tsv}
TITLE = ["แผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. 2569", "สำนักงานสาธารณสุขจังหวัดมุกดาหาร"]
HEAD = ["ที่", "กิจกรรม", "วันเริ่มต้น", "วันสิ้นสุด", "งบประมาณ", "ผู้รับผิดชอบ"]
ITEMS = [["1", "ประชุมชี้แจงแนวทางการดำเนินงานแก่เครือข่าย", "ต.ค. 68", "ต.ค. 68", "50", "กลุ่มงานควบคุมโรค"],
         ["2", "คัดกรองความเสี่ยงโรคเรื้อรังในชุมชน", "พ.ย. 68", "มี.ค. 69", "450", "กลุ่มงานควบคุมโรค"],
         ["3", "สรุปและประเมินผลโครงการ", "ส.ค. 69", "ก.ย. 69", "250", "กลุ่มงานยุทธศาสตร์"]]


def _unit_row(text):
    return ["", "", "", "", "", text]


@pytest.mark.parametrize("fmt", sorted(WRITERS))
@pytest.mark.parametrize("unit, scale", [("หน่วย : พันบาท", 1_000), ("(หน่วย: ล้านบาท)", 1_000_000)])
def test_a_unit_row_above_the_header_scales_the_budgets(tmp_path, fmt, unit, scale):
    path = WRITERS[fmt](tmp_path / f"plan.{fmt}", TITLE, [_unit_row(unit), HEAD] + ITEMS)
    acts, _ = run_plan(path)
    assert [a.budget_thb for a in acts] == [50 * scale, 450 * scale, 250 * scale]
    assert [a.budget_raw for a in acts] == ["50", "450", "250"]


def test_a_sheet_without_a_unit_row_stays_in_baht(tmp_path):
    path = plan_xlsx(tmp_path / "plan.xlsx", TITLE, [HEAD] + ITEMS)
    acts, _ = run_plan(path)
    assert [a.budget_thb for a in acts] == [50, 450, 250]


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_a_grand_total_first_under_the_header_is_checked(tmp_path, fmt):
    total = ["", "รวมทั้งสิ้น", "", "", "800", ""]
    path = WRITERS[fmt](tmp_path / f"plan.{fmt}", TITLE, [_unit_row("หน่วย : พันบาท"), HEAD, total] + ITEMS)
    acts, findings = run_plan(path)
    assert [a.item_no for a in acts] == ["1", "2", "3"]         # the total is no activity
    assert ("", "BUDGET_SUM_MISMATCH") in findings              # 800 ≠ 50 + 450 + 250


def test_a_grand_total_first_that_adds_up_raises_nothing(tmp_path):
    total = ["", "รวมทั้งสิ้น", "", "", "750", ""]
    path = plan_xlsx(tmp_path / "plan.xlsx", TITLE, [HEAD, total] + ITEMS)
    _, findings = run_plan(path)
    assert not [f for f in findings if f[1] == "BUDGET_SUM_MISMATCH"]


def test_a_grand_total_first_counts_only_its_own_table(tmp_path):
    # a second plan table after it (items numbered on, no total of its own): its items are not
    # the first table's
    import docx
    d = docx.Document()
    d.add_paragraph(TITLE[0])
    d.add_paragraph("โครงการที่ 1 พัฒนาระบบการดูแลผู้ป่วยโรคเรื้อรัง")
    rows = [HEAD, ["", "รวมทั้งสิ้น", "", "", "750", ""]] + ITEMS
    t = d.add_table(rows=len(rows), cols=len(HEAD))
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            t.cell(r, c).text = v
    d.add_paragraph("โครงการที่ 2 ส่งเสริมสุขภาพผู้สูงอายุ")
    rows2 = [HEAD, ["4", "อบรมผู้ดูแลผู้สูงอายุในชุมชน", "ม.ค. 69", "ก.พ. 69", "90", "กลุ่มงานส่งเสริมสุขภาพ"]]
    t2 = d.add_table(rows=len(rows2), cols=len(HEAD))
    for r, row in enumerate(rows2):
        for c, v in enumerate(row):
            t2.cell(r, c).text = v
    path = tmp_path / "plan.docx"
    d.save(path)
    acts, findings = run_plan(path)
    assert len(acts) == 4
    assert not [f for f in findings if f[1] == "BUDGET_SUM_MISMATCH"]
