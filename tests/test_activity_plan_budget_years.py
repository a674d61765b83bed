"""Activity plans with budget columns for several years: the plan's fiscal year is its budget
(last year's column beside it is not), else the latest year; a column about past years gives
way to the other budget column."""
from __future__ import annotations

import pytest

from plan_files import marks, plan_docx, plan_tsv, plan_xlsx, run_plan

WRITERS = {"docx": plan_docx, "xlsx": plan_xlsx, "tsv": plan_tsv}
MONTHS = ["ต.ค.67", "พ.ย.67", "ธ.ค.67", "ม.ค.68", "ก.พ.68", "มี.ค.68", "เม.ย.68", "พ.ค.68",
          "มิ.ย.68", "ก.ค.68", "ส.ค.68", "ก.ย.68"]


def _plan(tmp_path, fmt, title, budget_heads, amounts):
    head = ["ลำดับ", "กิจกรรม", *budget_heads, *MONTHS, "ผู้รับผิดชอบ"]
    rows = [head] + [[str(k + 1), f"กิจกรรมที่ {k + 1} ของแผน", *row, *marks({k: "*", k + 1: "*"}),
                      "กลุ่มงานบริหารทั่วไป"] for k, row in enumerate(amounts)]
    path = WRITERS[fmt](tmp_path / f"plan.{fmt}", [title], rows)
    acts, findings = run_plan(path)
    return [a.budget_thb for a in acts], findings


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_this_years_column_is_the_budget_not_last_years(tmp_path, fmt):
    budgets, findings = _plan(
        tmp_path, fmt, "แผนปฏิบัติการประจำปีงบประมาณ พ.ศ. 2568 สำนักงานประกันสังคมจังหวัดสระบุรี",
        ["งบประมาณ ปี 2567 (บาท)", "งบประมาณ ปี 2568 (บาท)"],
        [["80,000", "95,000"], ["120,000", "150,000"], ["-", "60,000"]])
    assert budgets == [95000, 150000, 60000]
    assert not [f for f in findings if f[1] == "BUDGET_SUM_MISMATCH"]


def test_the_stated_fiscal_year_wins_over_a_later_column(tmp_path):
    # a three-year plan read for its first year: 2568's column, not the latest (2570)
    budgets, _ = _plan(
        tmp_path, "docx", "แผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. 2568 องค์การบริหารส่วนจังหวัดน่าน",
        ["งบประมาณ 2568", "งบประมาณ 2569", "งบประมาณ 2570"],
        [["10,000", "20,000", "30,000"], ["1,000", "2,000", "3,000"]])
    assert budgets == [10000, 1000]


def test_short_and_thai_digit_years_in_the_headers(tmp_path):
    budgets, _ = _plan(
        tmp_path, "xlsx", "แผนปฏิบัติการ ปีงบประมาณ ๒๕๖๘ เทศบาลตำบลบ้านบึง",
        ["งบประมาณปี ๖๗", "งบประมาณปี ๖๘"], [["5,000", "7,500"], ["6,000", "8,000"]])
    assert budgets == [7500, 8000]


def test_a_past_years_budget_column_gives_way(tmp_path):
    budgets, _ = _plan(
        tmp_path, "docx", "แผนปฏิบัติการประจำปีงบประมาณ พ.ศ. 2568 สำนักงานพัฒนาชุมชนจังหวัดลำพูน",
        ["งบประมาณปีที่ผ่านมา", "งบประมาณ (บาท)"], [["40,000", "45,000"], ["12,000", "15,000"]])
    assert budgets == [45000, 15000]


def test_one_budget_column_with_a_year_is_read_as_before(tmp_path):
    budgets, _ = _plan(
        tmp_path, "tsv", "แผนปฏิบัติการประจำปีงบประมาณ พ.ศ. 2568 สำนักงานจังหวัดสระบุรี",
        ["งบประมาณ ปี 2567"], [["80,000"], ["120,000"]])
    assert budgets == [80000, 120000]
