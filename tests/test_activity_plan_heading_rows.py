"""Project heading rows inside an activity table, built as real files in tmp_path and read
through the readers: a `โครงการที่ N …` row with only its name (merged across the table, or in
the first columns), no amount, no month, no date and no unit, names the plan of the items
under it until the next such row, as a heading above the table does; it is no record. A
numbered group row that carries a budget (in a cell, in its text or in a `รวมโครงการที่ N`
row after its items) stays a group record.
"""
from __future__ import annotations

import pytest

from plan_files import M, run_plan
from plan_files import plan_docx, plan_tsv, plan_xlsx

FORMATS = ["docx", "xlsx", "txt"]
TITLE = ["แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2569 เทศบาลตำบลตัวอย่าง"]
HEAD = ["ที่", "กิจกรรม", "งบประมาณ", "ผู้รับผิดชอบ"] + [f"{m} {68 if i < 3 else 69}" for i, m in enumerate(M)]
P1, P2 = "โครงการที่ 1 ส่งเสริมสุขภาพผู้สูงอายุ", "โครงการที่ 2 บริหารจัดการขยะมูลฝอยชุมชน"


def _save(tmp_path, fmt, rows, hm=()):
    path = tmp_path / f"plan.{fmt}"
    if fmt == "txt":
        return plan_tsv(path, TITLE, rows)
    return (plan_docx if fmt == "docx" else plan_xlsx)(path, TITLE, rows, hm)


def _ticks(months):
    return ["✓" if i in months else "" for i in range(12)]


def _item(no, name, amount, unit, months):
    return [no, name, amount, unit] + _ticks(months)


def _heading(text, merged):
    """A heading row: its text merged across the table, or its number and name in the first
    two columns."""
    if merged:
        return [text] + [""] * 15
    number, name = text.split(" ", 2)[:2], text.split(" ", 2)[2]
    return [" ".join(number), name] + [""] * 14


@pytest.mark.parametrize("merged", [True, False], ids=["across_the_table", "in_the_first_columns"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_heading_rows_name_the_plan_of_the_items_under_them(tmp_path, fmt, merged):
    rows = [HEAD, _heading(P1, merged),
            _item("1.1", "สำรวจข้อมูลผู้สูงอายุ", "50,000", "กองสวัสดิการสังคม", {0, 1}),
            _item("1.2", "อบรมผู้ดูแลผู้สูงอายุ", "120,000", "กองสวัสดิการสังคม", {2, 3}),
            _heading(P2, merged),
            _item("2.1", "รณรงค์คัดแยกขยะ", "25,000", "กองสาธารณสุข", {2})]
    hm = [(1, 0, 1, 15), (4, 0, 4, 15)] if merged else []
    acts, codes = run_plan(_save(tmp_path, fmt, rows, hm))
    assert [(a.item_no, a.plan, a.row_kind, a.budget_thb) for a in acts] == [
        ("1.1", P1, "", 50000), ("1.2", P1, "", 120000), ("2.1", P2, "", 25000)]
    assert [(a.start, a.end) for a in acts] == [("2025-10", "2025-11"), ("2025-12", "2026-01"),
                                                ("2025-12", "2025-12")]
    assert not [c for c in codes if c[1] == "DATE_MISSING"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_items_numbered_anew_under_each_heading_row_keep_the_grand_total_check(tmp_path, fmt):
    rows = [HEAD, [P1] + [""] * 15,
            _item("1", "สำรวจข้อมูลผู้สูงอายุ", "50,000", "กองสวัสดิการสังคม", {0}),
            _item("2", "อบรมผู้ดูแลผู้สูงอายุ", "20,000", "กองสวัสดิการสังคม", {1}),
            [P2] + [""] * 15,
            _item("1", "รณรงค์คัดแยกขยะ", "25,000", "กองสาธารณสุข", {2}),
            _item("2", "จัดตั้งธนาคารขยะ", "5,000", "กองสาธารณสุข", {3}),
            ["", "รวมทั้งสิ้น", "110,000", ""] + [""] * 12]
    acts, codes = run_plan(_save(tmp_path, fmt, rows, [(1, 0, 1, 15), (4, 0, 4, 15)]))
    assert [(a.item_no, a.plan) for a in acts] == [("1", P1), ("2", P1), ("1", P2), ("2", P2)]
    assert [c for c in codes if c[1] == "BUDGET_SUM_MISMATCH"] == [("", "BUDGET_SUM_MISMATCH")]


@pytest.mark.parametrize("fmt", FORMATS)
def test_group_rows_with_a_budget_stay_records(tmp_path, fmt):
    """A budget in the group's cell, in its text, or in its subtotal row after its items."""
    rows = [HEAD,
            ["โครงการที่ 1", "ส่งเสริมสุขภาพผู้สูงอายุ", "70,000", ""] + _ticks(()),
            _item("1.1", "สำรวจข้อมูลผู้สูงอายุ", "50,000", "กองสวัสดิการสังคม", {0}),
            _item("1.2", "อบรมผู้ดูแลผู้สูงอายุ", "20,000", "กองสวัสดิการสังคม", {1}),
            ["โครงการที่ 2 บริหารจัดการขยะ (30,000 บาท)"] + [""] * 15,
            _item("2.1", "รณรงค์คัดแยกขยะ", "25,000", "กองสาธารณสุข", {2}),
            ["โครงการที่ 3", "พัฒนาแหล่งน้ำ", "", ""] + _ticks(()),
            _item("3.1", "ขุดลอกคลอง", "40,000", "กองช่าง", {4}),
            ["", "รวมโครงการที่ 3", "40,000", ""] + _ticks(())]
    acts, codes = run_plan(_save(tmp_path, fmt, rows, [(4, 0, 4, 15)]))
    assert [(a.item_no, a.row_kind, a.parent_item, a.budget_thb) for a in acts] == [
        ("1", "group", "", 70000), ("1.1", "", "1", 50000), ("1.2", "", "1", 20000),
        ("2", "group", "", 30000), ("2.1", "", "2", 25000),
        ("3", "group", "", 40000), ("3.1", "", "3", 40000)]
    assert {a.plan for a in acts} == {""}
    assert [c for c in codes if c[1] == "BUDGET_SUM_MISMATCH"] == [("2", "BUDGET_SUM_MISMATCH")]
