"""Activity plans with a project column beside the activity column (`ที่ | โครงการ | กิจกรรม | …`,
both headers of the name vocabulary): the activity column gives each record's name, the project
column its plan, carried down the cells left empty under a project (a project written on its
first row only), as written. Built as real TSV, XLSX and DOCX files in tmp_path and read,
extracted and validated as a run would."""
from __future__ import annotations

import pytest

from plan_files import U, plan_docx, plan_tsv, plan_xlsx, run_plan

WRITERS = {"docx": plan_docx, "xlsx": plan_xlsx, "tsv": plan_tsv}
TITLE = ["แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2569", "องค์การบริหารส่วนตำบลหนองหาน"]
HEAD = ["ที่", "โครงการ", "กิจกรรม", "งบประมาณ (บาท)", "ระยะเวลาดำเนินการ", "ผู้รับผิดชอบ"]
P1, P2 = "โครงการส่งเสริมอาชีพผู้สูงอายุ", "โครงการป้องกันและลดอุบัติเหตุทางถนนช่วงเทศกาล"
ACTS = [("1", P1, "อบรมการทำผลิตภัณฑ์จักสาน", "10,000", "ต.ค. 68 - ธ.ค. 68", "กองสวัสดิการสังคม"),
        ("2", P1, "จัดหาตลาดจำหน่ายผลิตภัณฑ์", "5,000", "ม.ค. 69 - มี.ค. 69", "กองสวัสดิการสังคม"),
        ("3", P2, "ตั้งจุดบริการประชาชนช่วงปีใหม่", "45,000", "ธ.ค. 68 - ม.ค. 69", "งานป้องกันฯ"),
        ("4", P2, "ตั้งจุดบริการประชาชนช่วงสงกรานต์", "45,000", "เม.ย. 69 - เม.ย. 69", "งานป้องกันฯ")]
WANT = [("1", "อบรมการทำผลิตภัณฑ์จักสาน", P1, 10000, "2025-10", "2025-12"),
        ("2", "จัดหาตลาดจำหน่ายผลิตภัณฑ์", P1, 5000, "2026-01", "2026-03"),
        ("3", "ตั้งจุดบริการประชาชนช่วงปีใหม่", P2, 45000, "2025-12", "2026-01"),
        ("4", "ตั้งจุดบริการประชาชนช่วงสงกรานต์", P2, 45000, "2026-04", "2026-04")]


def _got(acts):
    return [(r.item_no, r.name, r.plan, r.budget_thb, r.start, r.end) for r in acts]


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_project_on_its_first_row_only_is_the_plan_of_the_rows_under_it(tmp_path, fmt):
    rows = [HEAD]
    for k, (no, proj, act, budget, period, unit) in enumerate(ACTS):
        first = k == 0 or ACTS[k - 1][1] != proj
        rows.append([no, proj if first else "", act, budget, period, unit])
    acts, findings = run_plan(WRITERS[fmt](tmp_path / f"plan.{fmt}", TITLE, rows))
    assert _got(acts) == WANT
    assert all(r.responsible for r in acts)
    assert not [c for _, c in findings if c == "DATE_MISSING"]


@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
def test_project_merged_down_over_its_activities(tmp_path, fmt):
    rows = [HEAD]
    for k, (no, proj, act, budget, period, unit) in enumerate(ACTS):
        first = k == 0 or ACTS[k - 1][1] != proj
        rows.append([no, proj if first else U, act, budget, period, unit])
    acts, _ = run_plan(WRITERS[fmt](tmp_path / f"plan.{fmt}", TITLE, rows))
    assert _got(acts) == WANT


def test_project_on_every_row(tmp_path):
    rows = [HEAD] + [list(a) for a in ACTS]
    acts, _ = run_plan(plan_tsv(tmp_path / "plan.tsv", TITLE, rows))
    assert _got(acts) == WANT


def test_a_total_written_in_the_project_column_is_no_activity(tmp_path):
    rows = [HEAD] + [list(a) for a in ACTS] + [["", "รวมทั้งสิ้น", "", "100,000", "", ""]]
    acts, findings = run_plan(plan_tsv(tmp_path / "plan.tsv", TITLE, rows))
    assert _got(acts) == WANT
    # the plan's total, checked against its items: 105,000, not 100,000
    assert ("", "BUDGET_SUM_MISMATCH") in findings


def test_a_project_row_with_no_activity_heads_the_rows_under_it(tmp_path):
    rows = [HEAD,
            ["", P1, "", "", "", ""],
            ["1", "", "อบรมการทำผลิตภัณฑ์จักสาน", "10,000", "ต.ค. 68 - ธ.ค. 68", "กองสวัสดิการสังคม"],
            ["2", "", "จัดหาตลาดจำหน่ายผลิตภัณฑ์", "5,000", "ม.ค. 69 - มี.ค. 69", "กองสวัสดิการสังคม"]]
    acts, _ = run_plan(plan_xlsx(tmp_path / "plan.xlsx", TITLE, rows))
    assert _got(acts) == WANT[:2]


def test_one_joint_project_activity_column_is_the_name_as_before(tmp_path):
    # `โครงการ/กิจกรรม` beside an output column: one name column, no project column
    head = ["ที่", "โครงการ/กิจกรรม", "ผลผลิต", "งบประมาณ (บาท)", "ระยะเวลาดำเนินการ", "ผู้รับผิดชอบ"]
    rows = [head] + [[no, act, "ผู้เข้าร่วม 50 คน", budget, period, unit]
                     for no, _, act, budget, period, unit in ACTS[:2]]
    acts, _ = run_plan(plan_tsv(tmp_path / "plan.tsv", TITLE, rows))
    assert [(r.name, r.plan) for r in acts] == [(a[2], "") for a in ACTS[:2]]
