"""Periods written in one cell with the year once and a misspelt month that reads two ways
(`เม.ย. - มิ.ค. 69`: มิ.ค. is มี.ค. or มิ.ย.), in plans built as real TSV, XLSX and DOCX files in
tmp_path and read, extracted and validated as a run would: the reading that keeps the period in
order inside the plan's fiscal year wins (no start moved back a year, no OUTSIDE_FISCAL_YEAR), and
the correction is noted once, against the misspelt side only."""
from __future__ import annotations

import pytest

from plan_files import plan_docx, plan_tsv, plan_xlsx, run_plan

TITLE = "แผนปฏิบัติงาน ปีงบประมาณ 2569"
HEAD = ["ที่", "กิจกรรม", "ช่วงเวลา", "งบประมาณ"]
ROWS = [["1", "ประชุมชี้แจงแนวทาง", "ต.ค. - ธ.ค. 68", "20,000"],
        ["2", "ตรวจสอบคุณภาพข้อมูล", "เม.ย. - มิ.ค. 69", "30,000"],
        ["3", "คืนข้อมูลให้ชุมชน", "ก.ค. - ก.ย. 69", "30,000"]]
WRITERS = {"tsv": plan_tsv, "xlsx": plan_xlsx, "docx": plan_docx}


def _run(tmp_path, fmt, rows):
    return run_plan(WRITERS[fmt](tmp_path / f"plan_2569.{fmt}", [TITLE], rows))


def _corrected(acts):
    return [(r.item_no, n[0]) for r in acts for n in r.date_notes]


@pytest.mark.parametrize("fmt", ["tsv", "xlsx", "docx"])
def test_a_misspelt_end_keeps_the_period_in_the_fiscal_year(tmp_path, fmt):
    acts, codes = _run(tmp_path, fmt, [HEAD] + ROWS)
    got = {r.item_no: (r.start, r.end) for r in acts}
    assert got == {"1": ("2025-10", "2025-12"), "2": ("2026-04", "2026-06"),
                   "3": ("2026-07", "2026-09")}
    assert "OUTSIDE_FISCAL_YEAR" not in {c for _, c in codes}
    assert _corrected(acts) == [("2", "end")]
    assert [i for i, c in codes if c == "DATE_CORRECTED"] == ["2"]


def test_quarter_ticks_and_the_misspelt_end_note_one_correction(tmp_path):
    # ticks by quarter (an empty column after each), the period beside them
    head = ["ที่", "กิจกรรม", "ช่วงเวลา", "ไตรมาส 1", "", "ไตรมาส 2", "", "ไตรมาส 3", "", "ไตรมาส 4",
            "งบประมาณ"]
    quarter = {"1": 3, "2": 7, "3": 9}
    rows = [head] + [[i, name, per] + ["X" if c == quarter[i] else "" for c in range(3, 10)] + [amt]
                     for i, name, per, amt in ROWS]
    acts, codes = run_plan(plan_tsv(tmp_path / "plan_2569.tsv", [TITLE], rows))
    assert {r.item_no: (r.start, r.end) for r in acts}["2"] == ("2026-04", "2026-06")
    assert _corrected(acts) == [("2", "end")]
    assert [i for i, c in codes if c == "DATE_CORRECTED"] == ["2"]


def test_a_period_in_order_reads_as_before(tmp_path):
    # `ม.ค. - มิ.ค. 69` is in order and inside the year either way: the usual first reading
    rows = [HEAD, ["1", "จัดเก็บข้อมูล", "ม.ค. - มิ.ค. 69", "60,000"]]
    acts, codes = _run(tmp_path, "tsv", rows)
    assert (acts[0].start, acts[0].end) == ("2026-01", "2026-03")
    assert _corrected(acts) == [("1", "end")]
    assert "OUTSIDE_FISCAL_YEAR" not in {c for _, c in codes}


def test_a_misspelt_start_is_noted_against_the_start(tmp_path):
    rows = [HEAD, ["1", "จัดเก็บข้อมูล", "มิ.ค. - ส.ค. 69", "60,000"]]
    acts, codes = _run(tmp_path, "tsv", rows)
    assert (acts[0].start, acts[0].end) in {("2026-03", "2026-08"), ("2026-06", "2026-08")}
    assert [n[0] for n in acts[0].date_notes] == ["start"]
