"""Monthly spending plans (แผนการใช้จ่ายงบประมาณรายเดือน), built as real files in tmp_path and read
through the readers: amounts in baht in the month cells instead of ticks, a budget column, and
a `รวม` total row under the items.

- the months an item spends in are its months (start, end, planned_months);
- each item's budget is its budget column, not one of its month amounts;
- the total row's amount is the one in the budget column: a total that matches its items
  raises no BUDGET_SUM_MISMATCH, one that differs is reported with the written total;
- with the responsible unit before or after the months, and in XLSX, DOCX and text exports.
"""
from __future__ import annotations

import pytest

from extractors import extract
from extract_helpers import ctx
from pipeline.readers import read_document
from pipeline.validate import validate
from plan_files import AS_OF, M, U, plan_docx, plan_tsv, plan_xlsx

FORMATS = ["xlsx", "docx", "txt"]
PARAS = ["แผนการใช้จ่ายงบประมาณ ปีงบประมาณ พ.ศ. 2571 โรงพยาบาลตัวอย่าง",
         "โครงการพัฒนาระบบบริการเภสัชกรรม"]
BANNER = "แผนการใช้จ่ายงบประมาณรายเดือน (บาท)"
MONTHS = [f"{m} {70 if i < 3 else 71}" for i, m in enumerate(M)]
# (no, name, budget, responsible, {month index: amount})
ITEMS = [("1", "ทบทวนบัญชียาโรงพยาบาล", "20,000", "งานเวชภัณฑ์", {0: "10,000", 1: "10,000"}),
         ("2", "พัฒนาระบบยาความเสี่ยงสูง", "60,000", "งานบริบาล",
          {2: "20,000", 3: "20,000", 4: "20,000"}),
         ("3", "รณรงค์การใช้ยาอย่างสมเหตุผล", "45,000", "งานบริบาล",
          {5: "15,000", 6: "15,000", 7: "15,000"}),
         ("4", "อบรมฟื้นฟูวิชาการ", "30,000", "งานเวชภัณฑ์", {9: "30,000"})]
EXPECTED = [("1", "2027-10", "2027-11", 20000, "งานเวชภัณฑ์"),
            ("2", "2027-12", "2028-02", 60000, "งานบริบาล"),
            ("3", "2028-03", "2028-05", 45000, "งานบริบาล"),
            ("4", "2028-07", "2028-07", 30000, "งานเวชภัณฑ์")]


def _amounts(spec):
    return [spec.get(i, "") for i in range(12)]


def _column_sums():
    sums = [0] * 12
    for *_, spec in ITEMS:
        for i, v in spec.items():
            sums[i] += int(v.replace(",", ""))
    return {i: f"{v:,}" for i, v in enumerate(sums) if v}


def _rows(total, unit_first=True):
    """(rows, horizontal merges) of the plan: the responsible unit before the months (as
    hospitals write it) or after them (as departments do)."""
    if unit_first:
        h1 = ["ลำดับ", "กิจกรรม", "งบประมาณ (บาท)", "ผู้รับผิดชอบ", BANNER] + [""] * 11
        h2 = [U, U, U, U] + MONTHS
        body = [[n, a, b, r] + _amounts(s) for n, a, b, r, s in ITEMS]
        body.append(["", "รวม", total, ""] + _amounts(_column_sums()))
        return [h1, h2] + body, [(0, 4, 0, 15)]
    h1 = ["ที่", "โครงการ/กิจกรรม", "งบประมาณ (บาท)", BANNER] + [""] * 11 + ["ผู้รับผิดชอบ"]
    h2 = [U, U, U] + MONTHS + [U]
    body = [[n, a, b] + _amounts(s) + [r] for n, a, b, r, s in ITEMS]
    body.append(["", "รวมทั้งสิ้น", total] + _amounts(_column_sums()) + [""])
    return [h1, h2] + body, [(0, 3, 0, 14)]


def _run(tmp_path, fmt, rows, hm):
    path = tmp_path / f"plan.{fmt}"
    if fmt == "txt":
        plan_tsv(path, PARAS, rows)
    else:
        (plan_docx if fmt == "docx" else plan_xlsx)(path, PARAS, rows, hm)
    ex = extract(read_document(path), ctx(name=path.name, agency=""))
    acts = [r for r in ex.records if r.record_type == "activity"]
    return acts, validate(ex, AS_OF)


def _read(acts):
    return [(a.item_no, a.start, a.end, a.budget_thb, a.responsible) for a in acts]


@pytest.mark.parametrize("unit_first", [True, False], ids=["unit_before_months", "unit_after_months"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_total_row_that_matches_raises_nothing(tmp_path, fmt, unit_first):
    acts, findings = _run(tmp_path, fmt, *_rows("155,000", unit_first))
    assert _read(acts) == EXPECTED
    assert [a.planned_months for a in acts] == [
        "2027-10;2027-11", "2027-12;2028-01;2028-02", "2028-03;2028-04;2028-05", "2028-07"]
    assert not [f for f in findings if f.code == "BUDGET_SUM_MISMATCH"]


@pytest.mark.parametrize("unit_first", [True, False], ids=["unit_before_months", "unit_after_months"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_total_row_that_differs_is_reported_with_its_budget_cell(tmp_path, fmt, unit_first):
    acts, findings = _run(tmp_path, fmt, *_rows("165,000", unit_first))
    assert _read(acts) == EXPECTED
    assert [f.value for f in findings if f.code == "BUDGET_SUM_MISMATCH"] == ["165,000 ≠ 155,000"]
