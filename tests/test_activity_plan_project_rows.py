"""Project and strategy rows inside an activity table, built as real files in tmp_path and read
through the readers:

- a `โครงการที่ N …` row carrying the project's budget, with the items under it numbered afresh
  (1 / 1.1 / 1.1.1 under every project), is the plan of those items, not a record; its budget is
  checked against its own top-level items, and every item's total against its own items, never
  against the items numbered alike in another project;
- a row written across the table that a plan heading word opens (`ยุทธศาสตร์ที่ 1 / Strategy 1 :
  …`, `1. โครงการ…`) over numbered items names their plan;
- an amount a PDF cut in two over two lines (`1,850,0` / `00`) is one amount of the row above;
- a budget cell in words (`ไม่ใช้งบประมาณ`) beside a responsible unit merged down the table is
  the budget, never the unit.
"""
from __future__ import annotations

import pytest

from plan_files import M, U, run_plan
from plan_files import plan_docx, plan_tsv, plan_xlsx

TITLE = ["แผนปฏิบัติราชการ ประจำปีงบประมาณ พ.ศ. 2570 สำนักงานจังหวัดตัวอย่าง"]
HEAD = ["ที่", "โครงการ/กิจกรรม", "งบประมาณ (บาท)", "ผู้รับผิดชอบ"] + [
    f"{m}{69 if i < 3 else 70}" for i, m in enumerate(M)]
P1 = "โครงการที่ 1 ส่งเสริมการท่องเที่ยวชุมชน"
P2 = "โครงการที่ 2 พัฒนาการผลิตสินค้าเกษตรปลอดภัย"
FORMATS = ["docx", "xlsx", "txt"]


def _save(tmp_path, fmt, rows, hm=()):
    path = tmp_path / f"plan.{fmt}"
    if fmt == "txt":
        return plan_tsv(path, TITLE, rows)
    return (plan_docx if fmt == "docx" else plan_xlsx)(path, TITLE, rows, hm)


def _row(no, name, amount, unit, months=()):
    return [no, name, amount, unit] + ["✓" if i in months else "" for i in range(12)]


def _project(text, amount):
    return ["", text, amount, ""] + [""] * 12


def _plan(p2_total="1,000,000", item_1_1="200,000", item_1_2="500,000"):
    return [HEAD,
            _project(P1, "800,000"),
            _row("1", "พัฒนาแหล่งท่องเที่ยว", "300,000", "สนง.ท่องเที่ยว"),
            _row("1.1", "สำรวจแหล่งท่องเที่ยว", "100,000", '"'),
            _row("1.1.1", "ลงพื้นที่สำรวจ", "60,000", '"', {0}),
            _row("1.1.2", "จัดทำฐานข้อมูล", "40,000", '"', {1}),
            _row("1.2", "ปรับปรุงภูมิทัศน์", "200,000", '"', {2}),
            _row("2", "ประชาสัมพันธ์การท่องเที่ยว", "500,000", "สนง.ท่องเที่ยว", {3}),
            _project(P2, p2_total),
            _row("1", "ส่งเสริมการผลิตพืชปลอดภัย", "700,000", "สนง.เกษตร"),
            _row("1.1", "อบรมเกษตรกร", item_1_1, '"'),
            _row("1.1.1", "อบรมหลักสูตร GAP", "150,000", '"', {1}),
            _row("1.1.2", "ศึกษาดูงาน", "50,000", '"', {2}),
            _row("1.2", "ตรวจรับรองมาตรฐาน", item_1_2, '"', {4}),
            _row("2", "พัฒนาช่องทางการตลาด", "300,000", "สนง.เกษตร", {5})]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_project_row_with_its_budget_is_the_plan_of_the_items_numbered_afresh_under_it(tmp_path, fmt):
    acts, codes = run_plan(_save(tmp_path, fmt, _plan()))
    assert [(a.item_no, a.plan) for a in acts] == [
        ("1", P1), ("1.1", P1), ("1.1.1", P1), ("1.1.2", P1), ("1.2", P1), ("2", P1),
        ("1", P2), ("1.1", P2), ("1.1.1", P2), ("1.1.2", P2), ("1.2", P2), ("2", P2)]
    assert [a.budget_thb for a in acts][:2] == [300000, 100000]
    # every total adds up within its own project: nothing to report
    assert [c for c in codes if c[1] == "BUDGET_SUM_MISMATCH"] == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_totals_are_checked_within_their_project(tmp_path, fmt):
    # project 2 states 1,100,000 over 700,000 + 300,000; its 1.1 states 100,000 over 150,000 +
    # 50,000 (project 1's 1.1 adds up, and so does each project's item 1)
    acts, codes = run_plan(_save(tmp_path, fmt, _plan("1,100,000", "100,000", "600,000")))
    assert len(acts) == 12
    assert [c for c in codes if c[1] == "BUDGET_SUM_MISMATCH"] == [
        ("", "BUDGET_SUM_MISMATCH"), ("1.1", "BUDGET_SUM_MISMATCH")]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_project_row_numbered_with_its_items_stays_a_group_record(tmp_path, fmt):
    rows = [HEAD, _project(P1, "300,000"),
            _row("1.1", "สำรวจแหล่งท่องเที่ยว", "100,000", "สนง.ท่องเที่ยว", {0}),
            _row("1.2", "ปรับปรุงภูมิทัศน์", "200,000", '"', {2})]
    acts, codes = run_plan(_save(tmp_path, fmt, rows))
    assert [(a.item_no, a.row_kind, a.budget_thb) for a in acts] == [
        ("1", "group", 300000), ("1.1", "", 100000), ("1.2", "", 200000)]


STRATEGY_HEAD = ["ลำดับ (No.)", "โครงการ/กิจกรรม (Project/Activity)", "เริ่ม (Start)", "สิ้นสุด (End)",
                 "งบประมาณ (Budget, THB)", "ผู้รับผิดชอบ (Responsible)"]
S1 = "ยุทธศาสตร์ที่ 1 / Strategy 1 : การผลิตบัณฑิตครูคุณภาพสูง"
S2 = "ยุทธศาสตร์ที่ 2 / Strategy 2 : การวิจัยเพื่อพัฒนาท้องถิ่น"


@pytest.mark.parametrize("fmt", FORMATS)
def test_strategy_rows_across_the_table_name_the_plan(tmp_path, fmt):
    rows = [STRATEGY_HEAD, [S1, "", "", "", "", ""],
            ["1", "พัฒนาหลักสูตรครุศาสตร์", "ต.ค. 71", "มี.ค. 72", "250,000", "คณะครุศาสตร์"],
            ["1.1", "ประชุมปรับปรุงรายวิชา", "ต.ค. 71", "พ.ย. 71", "250,000", '"'],
            [S2, "", "", "", "", ""],
            ["1", "สนับสนุนทุนวิจัยเชิงพื้นที่", "ม.ค. 72", "ก.ย. 72", "600,000", "สถาบันวิจัย"]]
    hm = [] if fmt == "txt" else [(1, 0, 1, 5), (4, 0, 4, 5)]
    acts, _ = run_plan(_save(tmp_path, fmt, rows, hm))
    assert [(a.item_no, a.name, a.plan) for a in acts] == [
        ("1", "พัฒนาหลักสูตรครุศาสตร์", S1), ("1.1", "ประชุมปรับปรุงรายวิชา", S1),
        ("1", "สนับสนุนทุนวิจัยเชิงพื้นที่", S2)]


@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
def test_numbered_project_rows_across_the_table_name_the_plan(tmp_path, fmt):
    rows = [HEAD, ["1. โครงการป้องกันโรคระบาดสัตว์"] + [""] * 15,
            _row("1.1", "ฉีดวัคซีนปากและเท้าเปื่อย", "", "กลุ่มสุขภาพสัตว์", {0, 1}),
            _row("1.2", "เฝ้าระวังไข้หวัดนก", "", "กลุ่มสุขภาพสัตว์", {2}),
            ["2. โครงการส่งเสริมการเลี้ยงโคเนื้อ"] + [""] * 15,
            _row("2.1", "คัดเลือกเกษตรกร", "", "กลุ่มส่งเสริม", {0})]
    acts, _ = run_plan(_save(tmp_path, fmt, rows, [(1, 0, 1, 15), (4, 0, 4, 15)]))
    assert [(a.item_no, a.plan) for a in acts] == [
        ("1.1", "1. โครงการป้องกันโรคระบาดสัตว์"), ("1.2", "1. โครงการป้องกันโรคระบาดสัตว์"),
        ("2.1", "2. โครงการส่งเสริมการเลี้ยงโคเนื้อ")]
    assert all(a.name for a in acts)


def test_an_amount_wrapped_over_two_lines_is_one_amount(tmp_path):
    # what a PDF's narrow budget column gives: the amount's last digits on the next line
    rows = [HEAD, _project(P1, "300,000"),
            _row("1", "พัฒนาแหล่งท่องเที่ยว", "300,00", "สนง.ท่องเที่ยว", {0}),
            ["", "", "0", ""] + [""] * 12,
            ["", "โครงการที่ 2 พัฒนาการผลิต", "1,000,0", ""] + [""] * 12,
            ["", "สินค้าเกษตรปลอดภัย", "00", ""] + [""] * 12,
            _row("1", "ส่งเสริมการผลิตพืชปลอดภัย", "1,000,000", "สนง.เกษตร", {1})]
    acts, codes = run_plan(plan_tsv(tmp_path / "plan.txt", TITLE, rows))
    assert [(a.item_no, a.budget_thb, a.plan) for a in acts] == [
        ("1", 300000, P1), ("1", 1000000, "โครงการที่ 2 พัฒนาการผลิตสินค้าเกษตรปลอดภัย")]
    assert codes == []


DISTRICT_HEAD = ["ที่", "กิจกรรม", "งบประมาณ (บาท)", "เริ่มต้น", "สิ้นสุด", "ผู้รับผิดชอบ"]


@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
def test_a_budget_in_words_beside_a_unit_merged_down_is_the_budget(tmp_path, fmt):
    rows = [DISTRICT_HEAD,
            ["1", "ประชุมประจำเดือนกำนันผู้ใหญ่บ้าน", "36,000", "ต.ค.69", "ก.ย.70", "ฝ่ายปกครอง"],
            ["2", "จัดทำแผนพัฒนาอำเภอ", "20,000", "พ.ย.69", "ก.พ.70", U],
            ["3", "ติดตามผลการดำเนินงานศูนย์ดำรงธรรม", "ไม่ใช้งบประมาณ", "มิ.ย.70", "ส.ค.70", U]]
    acts, _ = run_plan(_save(tmp_path, fmt, rows))
    assert [(a.item_no, a.budget_raw, a.budget_thb, a.responsible) for a in acts] == [
        ("1", "36,000", 36000, "ฝ่ายปกครอง"), ("2", "20,000", 20000, "ฝ่ายปกครอง"),
        ("3", "ไม่ใช้งบประมาณ", None, "ฝ่ายปกครอง")]
