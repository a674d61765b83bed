"""Money spent, disbursed or left beside an activity's budget (`งบประมาณ (บาท)` over `ได้รับจัดสรร |
เบิกจ่ายแล้ว`, a `งบประมาณที่ใช้ไป` column): no part of the budget, which is the allocated amount;
the money spent is the activity's spent_thb."""
import pytest

from plan_files import U, plan_docx, plan_tsv, plan_xlsx, run_plan

TITLE = ["รายงานผลการดำเนินงานตามแผนปฏิบัติการ รอบ 12 เดือน ประจำปีงบประมาณ พ.ศ. 2569",
         "สำนักงานประมงจังหวัดตัวอย่าง"]


def _banner_rows(subs, amounts):
    head = ["ที่", "กิจกรรม/ขั้นตอน", "ระยะเวลา", "งบประมาณ (บาท)"] + [""] * (len(subs) - 1) \
        + ["ผลการดำเนินงาน", "ผู้รับผิดชอบ"]
    sub = [U, U, U] + list(subs) + [U, U]
    return [head, sub,
            ["1", "ประชุมชี้แจงเกษตรกร", "ต.ค. - ธ.ค. 68"] + amounts[0] + ["แล้วเสร็จ 20 ธ.ค. 68", "กลุ่มส่งเสริม"],
            ["2", "อบรมเทคนิคการเลี้ยง", "ม.ค. - ก.พ. 69"] + amounts[1] + ["แล้วเสร็จ 15 ก.พ. 69", "กลุ่มส่งเสริม"]]


@pytest.mark.parametrize("writer,ext", [(plan_docx, "docx"), (plan_xlsx, "xlsx"), (plan_tsv, "tsv")])
def test_an_allocated_and_a_disbursed_sub_column_give_the_allocation_as_budget(tmp_path, writer, ext):
    rows = _banner_rows(["ได้รับจัดสรร", "เบิกจ่ายแล้ว"], [["15,000", "14,200"], ["60,000", "58,750"]])
    kw = {} if writer is plan_tsv else {"hmerges": [(0, 3, 0, 4)]}
    acts, _ = run_plan(writer(tmp_path / f"plan.{ext}", TITLE, rows, **kw))
    assert {r.item_no: r.budget_thb for r in acts} == {"1": 15000, "2": 60000}
    assert {r.item_no: r.spent_thb for r in acts} == {"1": 14200, "2": 58750}


def test_a_left_over_sub_column_is_no_part_of_the_budget(tmp_path):
    rows = _banner_rows(["ได้รับ", "เบิกจ่าย", "คงเหลือ"],
                        [["15,000", "14,200", "800"], ["60,000", "58,750", "1,250"]])
    acts, _ = run_plan(plan_docx(tmp_path / "plan.docx", TITLE, rows, hmerges=[(0, 3, 0, 5)]))
    assert {r.item_no: r.budget_thb for r in acts} == {"1": 15000, "2": 60000}
    assert {r.item_no: r.spent_thb for r in acts} == {"1": 14200, "2": 58750}


def test_sources_under_a_budget_banner_are_still_added(tmp_path):
    rows = _banner_rows(["งบจังหวัด", "งบกลุ่มจังหวัด"], [["15,000", "5,000"], ["60,000", "10,000"]])
    acts, _ = run_plan(plan_docx(tmp_path / "plan.docx", TITLE, rows, hmerges=[(0, 3, 0, 4)]))
    assert {r.item_no: (r.budget_thb, r.spent_thb) for r in acts} == {"1": (20000, None),
                                                                       "2": (70000, None)}


def test_a_spent_column_beside_the_budget_gives_the_money_spent(tmp_path):
    rows = [
        ["ลำดับ", "กิจกรรม", "วันเริ่มต้น", "วันสิ้นสุด", "งบประมาณ (บาท)", "งบประมาณที่ใช้ไป", "ผู้รับผิดชอบ"],
        ["1", "สำรวจจุดเสี่ยงในพื้นที่", "1 ต.ค. 2568", "30 พ.ย. 2568", "20,000", "19,500", "ฝ่ายโยธา"],
        ["2", "ลอกท่อระบายน้ำสายหลัก", "1 ธ.ค. 2568", "31 มี.ค. 2569", "350,000", "0", "ฝ่ายโยธา"],
    ]
    acts, _ = run_plan(plan_xlsx(tmp_path / "plan.xlsx", TITLE, rows))
    assert {r.item_no: (r.budget_thb, r.spent_thb, r.spent_raw) for r in acts} == {
        "1": (20000, 19500, "19,500"), "2": (350000, 0, "0")}
