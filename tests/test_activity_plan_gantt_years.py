"""Gantt month heads that write a year: Excel shows a date-typed head as `Oct-24` (mmm-yy,
Common Era, not BE 2524); a fiscal year the plan's title states outranks the one its month heads
give; and a row counting the activities of each month is no activity."""
from __future__ import annotations

from datetime import datetime

import pytest

from plan_files import marks, plan_tsv, plan_xlsx, run_plan

EN = ["Oct-24", "Nov-24", "Dec-24", "Jan-25", "Feb-25", "Mar-25", "Apr-25", "May-25", "Jun-25",
      "Jul-25", "Aug-25", "Sep-25"]
TITLE = ["แผนปฏิบัติราชการ ประจำปีงบประมาณ พ.ศ. 2568", "ศาลเยาวชนและครอบครัวจังหวัดอุดรธานี"]
ITEMS = [("จัดทำแผนการไกล่เกลี่ยข้อพิพาทในคดีครอบครัว", (0, 1)),
         ("อบรมผู้ประนีประนอมประจำศาล", (2, 3)),
         ("ประเมินผลความพึงพอใจผู้มาติดต่อราชการ", (10, 11))]


def _rows(months, mark="1", count_row=False):
    rows = [["ที่", "กิจกรรม", *months, "งบประมาณ (บาท)", "ผู้รับผิดชอบ"]]
    rows += [[str(k + 1), name, *marks(spec, mark), "15,000", "ส่วนช่วยอำนวยการ"]
             for k, (name, spec) in enumerate(ITEMS)]
    if count_row:
        rows.append(["", "จำนวนกิจกรรมต่อเดือน", *["1", "1", "1", "1", "0", "0", "0", "0", "0", "0", "1", "1"],
                     "", ""])
    return rows


def _spans(acts):
    return [(a.start, a.end, a.fiscal_year) for a in acts]


EXPECTED = [("2024-10", "2024-11", 2568), ("2024-12", "2025-01", 2568), ("2025-08", "2025-09", 2568)]


@pytest.mark.parametrize("writer", [plan_tsv, plan_xlsx])
def test_english_mmm_yy_heads_are_common_era(tmp_path, writer):
    path = writer(tmp_path / ("plan.tsv" if writer is plan_tsv else "plan.xlsx"), TITLE, _rows(EN, "✓"))
    acts, findings = run_plan(path)
    assert _spans(acts) == EXPECTED
    assert not [f for f in findings if f[1] == "OUTSIDE_FISCAL_YEAR"]


def test_date_typed_month_heads_in_a_sheet(tmp_path):
    # the heads are real dates shown as mmm-yy, as a sheet built in Excel keeps them
    from openpyxl import Workbook
    wb = Workbook()
    ws = wb.active
    for i, p in enumerate(TITLE):
        ws.cell(row=1 + i, column=1, value=p)
    rows = _rows([""] * 12, "✓")
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            if v:
                ws.cell(row=4 + r, column=1 + c, value=v)
    for k in range(12):
        y, m = (2024, 10 + k) if k < 3 else (2025, k - 2)
        cell = ws.cell(row=4, column=3 + k, value=datetime(y, m, 1))
        cell.number_format = "mmm-yy"
    path = tmp_path / "plan.xlsx"
    wb.save(path)
    acts, _ = run_plan(path)
    assert _spans(acts) == EXPECTED


def test_the_titles_fiscal_year_outranks_the_month_heads(tmp_path):
    # the heads write last year's months (a template not updated): the title's year stands
    heads = ["ต.ค. 66", "พ.ย. 66", "ธ.ค. 66", "ม.ค. 67", "ก.พ. 67", "มี.ค. 67", "เม.ย. 67", "พ.ค. 67",
             "มิ.ย. 67", "ก.ค. 67", "ส.ค. 67", "ก.ย. 67"]
    path = plan_tsv(tmp_path / "plan.tsv", TITLE, _rows(heads, "✓"))
    acts, _ = run_plan(path)
    assert {a.fiscal_year for a in acts} == {2568}


def test_month_heads_give_the_year_when_the_title_states_none(tmp_path):
    path = plan_tsv(tmp_path / "plan.tsv", ["แผนปฏิบัติราชการ ศาลเยาวชนและครอบครัวจังหวัดอุดรธานี"],
                    _rows(EN, "✓"))
    acts, _ = run_plan(path)
    assert _spans(acts) == EXPECTED


@pytest.mark.parametrize("writer", [plan_tsv, plan_xlsx])
def test_a_count_row_under_the_months_is_no_activity(tmp_path, writer):
    path = writer(tmp_path / ("plan.tsv" if writer is plan_tsv else "plan.xlsx"), TITLE,
                  _rows(EN, "1", count_row=True))
    acts, findings = run_plan(path)
    assert [a.name for a in acts] == [n for n, _ in ITEMS]
    assert [a.responsible for a in acts] == ["ส่วนช่วยอำนวยการ"] * 3
    assert _spans(acts) == EXPECTED
    assert not [f for f in findings if f[1] == "BUDGET_SUM_MISMATCH"]
