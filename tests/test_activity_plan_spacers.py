"""Activity plans whose month columns leave an empty spacer column after each quarter's three
months (a gap some offices draw between quarters), built as real files in tmp_path and read
through the readers:

- the spacers are no months: the twelve named month columns keep their own months, and the
  ticks under them give each item's start and end (with the years the headers write or the
  plan's fiscal year);
- a Gantt of exactly twelve months and one spacer, and a Gantt of thirteen named month
  columns (a plan that runs from October to October), keep their months too.
"""
from __future__ import annotations

import pytest

from plan_files import M, U, run_plan
from plan_files import plan_docx, plan_tsv, plan_xlsx

FORMATS = ["xlsx", "txt", "docx"]
PARAS = ["แผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. 2570", "เทศบาลตำบลตัวอย่าง"]
HEAD = ["ที่", "กิจกรรม", "งบประมาณ (บาท)", "ผู้รับผิดชอบ"]


def _save(tmp_path, fmt, paras, rows, hm=()):
    path = tmp_path / f"plan.{fmt}"
    if fmt == "txt":
        return plan_tsv(path, paras, rows)
    return (plan_docx if fmt == "docx" else plan_xlsx)(path, paras, rows, hm)


def _spaced(cells, after=(2, 5, 8)):
    """Twelve month cells with an empty cell after the months at ``after`` (0 = ต.ค.)."""
    out = []
    for i, v in enumerate(cells):
        out.append(v)
        if i in after:
            out.append("")
    return out


def _ticks(months, mark="●"):
    return [mark if i in months else "" for i in range(12)]


def _dates(acts):
    return [(a.item_no, a.start, a.end) for a in acts]


ITEMS = [("1", "สำรวจข้อมูลที่ดิน", "80,000", "กองคลัง", range(3, 6)),
         ("2", "ติดตามลูกหนี้ภาษี", "10,000", "กองคลัง", range(9, 12)),
         ("3", "ประชุมชี้แจงแผน", "5,000", "สำนักปลัด", range(0, 2)),
         ("4", "อบรมอาสาสมัคร", "40,000", "กองสาธารณสุข", range(5, 7))]
EXPECTED = [("1", "2027-01", "2027-03"), ("2", "2027-07", "2027-09"),
            ("3", "2026-10", "2026-11"), ("4", "2027-03", "2027-04")]


@pytest.mark.parametrize("fmt", FORMATS)
def test_spacer_after_each_quarter_with_years_in_the_headers(tmp_path, fmt):
    """`ต.ค. 69 … ก.ย. 70` with an empty column after ธ.ค., มี.ค. and มิ.ย.: items spanning a
    spacer (มี.ค.–เม.ย.) and the last quarter keep their months."""
    head = HEAD + _spaced([f"{m} {69 if i < 3 else 70}" for i, m in enumerate(M)])
    rows = [head] + [[n, a, b, r] + _spaced(_ticks(ms)) for n, a, b, r, ms in ITEMS]
    acts, codes = run_plan(_save(tmp_path, fmt, PARAS, rows))
    assert _dates(acts) == EXPECTED
    assert [a.budget_thb for a in acts] == [80000, 10000, 5000, 40000]
    assert [a.responsible for a in acts] == [r for _, _, _, r, _ in ITEMS]
    assert not [c for c in codes if c[1] in ("DATE_MISSING", "DATE_ORDER")]


@pytest.mark.parametrize("fmt", FORMATS)
def test_spacer_after_each_quarter_under_a_month_banner(tmp_path, fmt):
    """Month names without years under a `ระยะเวลาดำเนินการ` banner merged over the months and
    spacers: the fiscal year places them."""
    h1 = HEAD[:3] + ["ระยะเวลาดำเนินการ"] + [""] * 14 + [HEAD[3]]
    h2 = [U, U, U] + _spaced(list(M)) + [U]
    rows = [h1, h2] + [[n, a, b] + _spaced(_ticks(ms, "✓")) + [r] for n, a, b, r, ms in ITEMS]
    acts, codes = run_plan(_save(tmp_path, fmt, PARAS, rows, [(0, 3, 0, 17)]))
    assert _dates(acts) == EXPECTED
    assert [a.responsible for a in acts] == [r for _, _, _, r, _ in ITEMS]


@pytest.mark.parametrize("fmt", FORMATS)
def test_twelve_months_and_one_spacer(tmp_path, fmt):
    """Thirteen columns between the first and the last month, one of them an empty gap
    between the two halves of the year."""
    head = HEAD + _spaced([f"{m} {69 if i < 3 else 70}" for i, m in enumerate(M)], after=(5,))
    rows = [head] + [[n, a, b, r] + _spaced(_ticks(ms), after=(5,)) for n, a, b, r, ms in ITEMS]
    acts, _ = run_plan(_save(tmp_path, fmt, PARAS, rows))
    assert _dates(acts) == EXPECTED


@pytest.mark.parametrize("fmt", FORMATS)
def test_thirteen_named_month_columns(tmp_path, fmt):
    """A plan running from ต.ค. 69 to ต.ค. 70 (thirteen named months, no spacer): the last
    column is the next October."""
    head = HEAD + [f"{m} {69 if i < 3 else 70}" for i, m in enumerate(M)] + ["ต.ค. 70"]
    rows = [head,
            ["1", "สำรวจข้อมูลที่ดิน", "80,000", "กองคลัง"] + _ticks(range(3, 6)) + [""],
            ["2", "สรุปผลและรายงาน", "10,000", "กองคลัง"] + _ticks({11}) + ["●"]]
    acts, _ = run_plan(_save(tmp_path, fmt, PARAS, rows))
    assert _dates(acts) == [("1", "2027-01", "2027-03"), ("2", "2027-09", "2027-10")]
