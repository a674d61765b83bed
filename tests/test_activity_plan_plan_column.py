"""The `plan` of activity records: the project, programme or section an activity table belongs
to, from the nearest heading above the table (the plan's title `แผนปฏิบัติการ โครงการ…`, a
`โครงการที่ 1 …` / `ชื่อโครงการ : …` / `แผนงาน …` line over each table, a caption row over a
sheet's table), empty when the document names none. Built as real DOCX, XLSX and TSV files in
tmp_path and read, extracted and validated as a run would (headers.json's
activity_plan.plan_heading).
"""
from __future__ import annotations

import pytest

from extract_helpers import write_docx
from plan_files import M, marks, plan_docx, plan_tsv, plan_xlsx, run_plan

MONTHS_69 = [f"{m} {68 if i < 3 else 69}" for i, m in enumerate(M)]
HEAD = ["ที่", "กิจกรรม", "งบประมาณ (บาท)", "ผู้รับผิดชอบ"] + MONTHS_69
WRITERS = {"docx": plan_docx, "xlsx": plan_xlsx, "tsv": plan_tsv}


def _rows(*items):
    """A plan table: the header and one row per (number, name, budget, months)."""
    return [HEAD] + [[no, name, budget, "กองแผนงาน"] + marks(months) for no, name, budget, months in items]


TABLE_1 = _rows(("1", "อบรมเจ้าหน้าที่", "50,000", {0, 1}),
                ("2", "จัดทำคู่มือการปฏิบัติงาน", "30,000", {2}))
TABLE_2 = _rows(("1", "ซ่อมแซมอาคารเรียน", "1,200,000", {3, 4}),
                ("2", "จัดซื้อสื่อการเรียนการสอน", "300,000", {5}))


def _plans(acts):
    return {(r.table, r.name): r.plan for r in acts}


# ---------------------------------------------------------------- the title names the project

@pytest.mark.parametrize("fmt", ["docx", "xlsx", "tsv"])
def test_the_project_the_title_names_is_every_records_plan(tmp_path, fmt):
    title = ["แผนปฏิบัติการ โครงการพัฒนาเกษตรกรรุ่นใหม่ (Young Smart Farmer)",
             "กรมส่งเสริมการเกษตร ประจำปีงบประมาณ พ.ศ. 2569"]
    acts, _ = run_plan(WRITERS[fmt](tmp_path / f"p.{fmt}", title, TABLE_1))
    assert [r.name for r in acts] == ["อบรมเจ้าหน้าที่", "จัดทำคู่มือการปฏิบัติงาน"]
    # the title's plan word left out, the project as written
    assert {r.plan for r in acts} == {"โครงการพัฒนาเกษตรกรรุ่นใหม่ (Young Smart Farmer)"}


def test_a_title_on_one_line_leaves_out_its_year_and_agency(tmp_path):
    title = ["แผนปฏิบัติงานโครงการส่งเสริมการท่องเที่ยวเชิงวัฒนธรรม ประจำปีงบประมาณ พ.ศ. 2569 จังหวัดน่าน"]
    acts, _ = run_plan(plan_docx(tmp_path / "p.docx", title, TABLE_1))
    assert {r.plan for r in acts} == {"โครงการส่งเสริมการท่องเที่ยวเชิงวัฒนธรรม"}


# ---------------------------------------------------------------- no project named

@pytest.mark.parametrize("fmt", ["docx", "xlsx", "tsv"])
def test_a_title_naming_no_project_gives_no_plan(tmp_path, fmt):
    title = ["แผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. 2569", "สำนักงานจังหวัดน่าน",
             "กองแผนงาน กรมส่งเสริมการเกษตร"]          # an agency named …แผนงาน is no programme
    acts, _ = run_plan(WRITERS[fmt](tmp_path / f"p.{fmt}", title, TABLE_1))
    assert len(acts) == 2
    assert {r.plan for r in acts} == {""}


def test_prose_about_a_project_is_no_heading(tmp_path):
    title = ["แผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. 2569 สำนักงานจังหวัดน่าน",
             "โครงการนี้มีวัตถุประสงค์เพื่อพัฒนาศักยภาพบุคลากร"]
    acts, _ = run_plan(plan_docx(tmp_path / "p.docx", title, TABLE_1))
    assert {r.plan for r in acts} == {""}


# ---------------------------------------------------------------- one heading per table

def _two_projects_docx(path, head_1, head_2):
    return write_docx(path, ["แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2569", "องค์การบริหารส่วนจังหวัดสุรินทร์",
                             head_1, TABLE_1, head_2, TABLE_2])


def _two_projects_xlsx(path, head_1, head_2):
    """One sheet: the title, then each project's caption line typed over its table."""
    from openpyxl import Workbook
    wb = Workbook()
    ws = wb.active
    lines = [["แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2569"], ["องค์การบริหารส่วนจังหวัดสุรินทร์"], [],
             [head_1]] + TABLE_1 + [[], [head_2]] + TABLE_2
    for r, row in enumerate(lines):
        for c, v in enumerate(row):
            if v:
                ws.cell(row=r + 1, column=c + 1, value=v)
    wb.save(path)
    return path


def _two_projects_tsv(path, head_1, head_2):
    lines = (["แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2569", "องค์การบริหารส่วนจังหวัดสุรินทร์", "", head_1]
             + ["\t".join(r) for r in TABLE_1] + ["", head_2] + ["\t".join(r) for r in TABLE_2])
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


TWO = {"docx": _two_projects_docx, "xlsx": _two_projects_xlsx, "tsv": _two_projects_tsv}


@pytest.mark.parametrize("fmt", ["docx", "xlsx", "tsv"])
def test_each_table_takes_the_heading_over_it_without_its_budget(tmp_path, fmt):
    acts, _ = run_plan(TWO[fmt](tmp_path / f"p.{fmt}",
                                "โครงการที่ 1 ส่งเสริมการท่องเที่ยวเชิงวัฒนธรรม งบประมาณ 800,000 บาท",
                                "โครงการที่ 2 พัฒนาคุณภาพการศึกษา (งบประมาณ 1,500,000 บาท)"))
    got = {r.name: r.plan for r in acts}
    p1, p2 = "โครงการที่ 1 ส่งเสริมการท่องเที่ยวเชิงวัฒนธรรม", "โครงการที่ 2 พัฒนาคุณภาพการศึกษา"
    assert got == {"อบรมเจ้าหน้าที่": p1, "จัดทำคู่มือการปฏิบัติงาน": p1,
                   "ซ่อมแซมอาคารเรียน": p2, "จัดซื้อสื่อการเรียนการสอน": p2}
    # the budgets are still the items' own
    assert {r.name: r.budget_thb for r in acts}["ซ่อมแซมอาคารเรียน"] == 1200000


def test_a_label_is_left_out_and_the_nearest_heading_wins(tmp_path):
    # (a programme heading over a project heading: the project is the nearer)
    path = write_docx(tmp_path / "q.docx", ["แผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. 2569", "แผนงานบริหารทั่วไป",
                                            "โครงการพัฒนาระบบสารสนเทศ", TABLE_1])
    acts, _ = run_plan(path)
    assert {r.plan for r in acts} == {"โครงการพัฒนาระบบสารสนเทศ"}
    acts, _ = run_plan(_two_projects_docx(tmp_path / "r.docx",
                                          "ชื่อโครงการ : พัฒนาระบบสารสนเทศ งบประมาณ 1.2 ล้านบาท",
                                          "แผนงานการศึกษา"))
    assert {(r.table, r.plan) for r in acts} == {(1, "พัฒนาระบบสารสนเทศ"), (2, "แผนงานการศึกษา")}


def test_a_table_with_no_heading_of_its_own_keeps_the_plan_above(tmp_path):
    # a second table after a line that names nothing (a page's `(ต่อ)`) continues the project
    path = write_docx(tmp_path / "p.docx", ["แผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. 2569", "กิจกรรมหลัก 1 พัฒนาบุคลากร",
                                            TABLE_1, "แผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. 2569 (ต่อ)", TABLE_2])
    acts, _ = run_plan(path)
    assert len(acts) == 4
    assert {r.plan for r in acts} == {"กิจกรรมหลัก 1 พัฒนาบุคลากร"}


# ---------------------------------------------------------------- a group row is no plan

@pytest.mark.parametrize("fmt", ["docx", "xlsx", "tsv"])
def test_a_project_row_inside_the_table_is_a_group_not_the_plan(tmp_path, fmt):
    rows = [HEAD,
            ["โครงการที่ 1", "ยกระดับมาตรฐานสินค้าเกษตรปลอดภัย", "80,000", ""] + marks(()),
            ["1.1", "ตรวจรับรองแปลงเกษตรกร", "50,000", "กองแผนงาน"] + marks({0, 1}),
            ["1.2", "จัดหาชุดทดสอบสารพิษตกค้าง", "30,000", "กองแผนงาน"] + marks({3}),
            ["โครงการที่ 2", "ส่งเสริมเกษตรกรรุ่นใหม่", "40,000", ""] + marks(()),
            ["2.1", "อบรมเกษตรกรรุ่นใหม่", "40,000", "กองแผนงาน"] + marks({6})]
    title = ["แผนปฏิบัติการประจำปีงบประมาณ พ.ศ. 2569", "สำนักงานปลัดกระทรวงเกษตรและสหกรณ์"]
    acts, _ = run_plan(WRITERS[fmt](tmp_path / f"p.{fmt}", title, rows))
    assert [(r.item_no, r.row_kind) for r in acts] == [("1", "group"), ("1.1", ""), ("1.2", ""),
                                                      ("2", "group"), ("2.1", "")]
    assert {r.plan for r in acts} == {""}
    # under a title naming the project, groups and items alike take the title's
    acts, _ = run_plan(WRITERS[fmt](tmp_path / f"q.{fmt}", ["แผนปฏิบัติการ โครงการเกษตรปลอดภัย"] + title[1:], rows))
    assert len(acts) == 5
    assert {r.plan for r in acts} == {"โครงการเกษตรปลอดภัย"}


def test_a_heading_ends_at_its_budget_or_another_fields_label(tmp_path):
    path = write_docx(tmp_path / "p.docx", [
        "แผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. ๒๕๖๙",
        "๑. โครงการส่งเสริมอาชีพผู้สูงอายุ (งบประมาณ ๑๒๐,๐๐๐ บาท) ผู้รับผิดชอบ : กองสวัสดิการสังคม", TABLE_1])
    acts, _ = run_plan(path)
    assert {r.plan for r in acts} == {"๑. โครงการส่งเสริมอาชีพผู้สูงอายุ"}     # its numbering kept


@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
def test_a_label_alone_takes_the_next_line(tmp_path, fmt):
    title = ["แผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. 2569", "ชื่อโครงการ", "ส่งเสริมอาชีพผู้สูงอายุ"]
    acts, _ = run_plan(WRITERS[fmt](tmp_path / f"p.{fmt}", title, TABLE_1))
    assert len(acts) == 2
    assert {r.plan for r in acts} == {"ส่งเสริมอาชีพผู้สูงอายุ"}
