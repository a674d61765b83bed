"""Budgets of activity plans: a numbered project row with its own amount (and months of its own)
over items numbered under it (`1` over `1.1`, `1.2`) is their total, checked like a group row's
(BUDGET_SUM_MISMATCH); and a multi-year plan's budget columns (`งบประมาณ (บาท)` over `2566 | … |
2570`, beside a `แหล่งงบประมาณ` source column) give the plan's fiscal year's amount, the
responsible unit read as well. Built as real XLSX, DOCX and TSV files in tmp_path and read,
extracted and validated as a run would."""
from __future__ import annotations

import pytest

from plan_files import marks, plan_docx, plan_tsv, plan_xlsx, run_plan

WRITERS = {"docx": plan_docx, "xlsx": plan_xlsx, "tsv": plan_tsv}
TITLE = ["แผนปฏิบัติการประจำปีงบประมาณ พ.ศ. 2569", "สำนักงานเกษตรจังหวัดสิงห์บุรี"]
MONTHS = ["ต.ค.68", "พ.ย.68", "ธ.ค.68", "ม.ค.69", "ก.พ.69", "มี.ค.69", "เม.ย.69", "พ.ค.69", "มิ.ย.69",
          "ก.ค.69", "ส.ค.69", "ก.ย.69"]
HEAD = ["ที่", "โครงการ/กิจกรรม", "งบประมาณ (บาท)", "ผู้รับผิดชอบ", *MONTHS]


def _project(total, one, two, unit2="กลุ่มส่งเสริม", budget2_mark=None):
    return [HEAD,
            ["1", "โครงการส่งเสริมการผลิตข้าวคุณภาพ", total, "กลุ่มส่งเสริม", *marks(range(6), "/")],
            ["1.1", "อบรมเกษตรกรการผลิตเมล็ดพันธุ์ข้าว", one, "กลุ่มส่งเสริม", *marks({0, 1, 2}, "/")],
            ["1.2", "จัดทำแปลงสาธิตการลดต้นทุนการผลิต", two, unit2, *marks({3, 4, 5}, "/")],
            ["2", "โครงการพัฒนาศูนย์ข้าวชุมชน", "50,000", "ฝ่ายบริหาร", *marks({6, 7}, "/")]]


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_a_project_row_with_months_is_its_items_total(tmp_path, fmt):
    acts, findings = run_plan(WRITERS[fmt](tmp_path / f"p.{fmt}", TITLE,
                                           _project("200,000", "80,000", "100,000", unit2='"')))
    # the project row keeps its own months: an activity, not a heading
    one = next(r for r in acts if r.item_no == "1")
    assert (one.budget_thb, one.start, one.end) == (200000, "2025-10", "2026-03")
    assert [(r.item_no, r.parent_item, r.budget_thb) for r in acts[1:3]] == \
        [("1.1", "1", 80000), ("1.2", "1", 100000)]
    assert ("1", "BUDGET_SUM_MISMATCH") in findings


def test_a_project_row_that_adds_up_is_not_reported(tmp_path):
    _, findings = run_plan(plan_xlsx(tmp_path / "p.xlsx", TITLE, _project("180,000", "80,000", "100,000")))
    assert not [c for _, c in findings if c == "BUDGET_SUM_MISMATCH"]


def test_steps_repeating_the_activitys_amount_by_ditto_share_it(tmp_path):
    # `"` under an activity's amount: the same budget, not a share of it
    _, findings = run_plan(plan_xlsx(tmp_path / "p.xlsx", TITLE, _project("80,000", "80,000", '"')))
    assert not [c for _, c in findings if c == "BUDGET_SUM_MISMATCH"]


# ---------------------------------------------------------------- budgets by plan year

YEAR_TITLE = ["แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2569 เทศบาลตำบลบางเสร่"]


def _year_rows(source: bool):
    src_head, src_sub = (["แหล่งงบประมาณ"], [""]) if source else ([], [])
    src = (lambda s: [s]) if source else (lambda s: [])
    return [["ที่", "โครงการ", "งบประมาณ (บาท)", "", "", "", "", *src_head, "ปีงบประมาณ 2569", "", "", "",
             "หน่วยงานรับผิดชอบ"],
            ["", "", "2566", "2567", "2568", "2569", "2570", *src_sub, "ไตรมาส 1", "ไตรมาส 2", "ไตรมาส 3",
             "ไตรมาส 4", ""],
            ["1", "ก่อสร้างถนนคอนกรีตเสริมเหล็ก ซอย 5", "-", "-", "-", "480,000", "-", *src("เทศบัญญัติ"),
             "", "✓", "✓", "", "กองช่าง"],
            ["2", "ขุดลอกคลองสาธารณะ หมู่ที่ 1", "150,000", "140,000", "130,000", "120,000", "110,000",
             *src("เทศบัญญัติ"), "", "", "✓", "", "กองช่าง"],
            ["3", "จัดงานประเพณีลอยกระทง", "80,000", "80,000", "-", "85,000", "90,000",
             *src("เงินอุดหนุนทั่วไป"), "✓", "", "", "", "กองการศึกษา"]]


@pytest.mark.parametrize("source", [True, False])
@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_the_fiscal_years_column_is_the_budget_and_the_unit_is_kept(tmp_path, fmt, source):
    rows = _year_rows(source)
    n = len(rows[0])
    # the banners merged over their sub-columns (a text export leaves them blank)
    hm = [(0, 2, 0, 6), (0, 8 if source else 7, 0, 11 if source else 10)] if fmt != "tsv" else []
    path = plan_tsv(tmp_path / "p.tsv", YEAR_TITLE, rows) if fmt == "tsv" else \
        WRITERS[fmt](tmp_path / f"p.{fmt}", YEAR_TITLE, rows, hmerges=hm)
    acts, _ = run_plan(path)
    assert [(r.item_no, r.budget_thb, r.responsible) for r in acts] == [
        ("1", 480000, "กองช่าง"), ("2", 120000, "กองช่าง"), ("3", 85000, "กองการศึกษา")]
    assert [(r.start, r.end) for r in acts] == [("2026-01", "2026-06"), ("2026-04", "2026-06"),
                                                ("2025-10", "2025-12")]
    assert n == len(rows[2])
