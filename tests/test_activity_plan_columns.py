"""Activity-plan columns beside the timeline, built as real files in tmp_path and read
through the readers:

- budget columns by source (`งบจังหวัด | งบกลุ่มจังหวัด | อื่นๆ`) and their total (`รวม`), under a
  `งบประมาณ` banner or not, the total before or after the responsible unit, a lone `รวม` of
  amounts with no budget header: the budget is the total (or the sources' sum), and the cells
  after them keep their roles; a total of counts beside the months is no budget;
- a target column (`เป้าหมาย`, `ค่าเป้าหมาย`, `กลุ่มเป้าหมาย`, `เป้าหมาย (คน)`): target_raw as
  written, target the number when the cell states one quantity, unit the unit written with it
  (or in the header); not a `ตัวชี้วัด/เป้าหมาย` column, a `เป้าหมาย/ผลงาน` label column or an
  output (ผลผลิต) column.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from plan_files import M, U, marks, run_plan as _run
from plan_files import plan_docx as _docx, plan_tsv as _tsv, plan_xlsx as _xlsx

ROOT = Path(__file__).resolve().parent.parent
PARAS = ["แผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. 2568", "สำนักงานจังหวัดชัยภูมิ"]
ACTS = [("1", "ประชุมชี้แจงแนวทาง", {0}, ("50,000", "20,000", "-"), "70,000", "สำนักงานจังหวัด"),
        ("2", "อบรมเกษตรกร", {2, 3}, ("100,000", "", "10,000"), "110,000", "สำนักงานเกษตรจังหวัด"),
        ("3", "ติดตามประเมินผล", {10, 11}, ("-", "30,000", ""), "30,000", "สำนักงานพาณิชย์จังหวัด")]
EXPECTED = [("1", 70000, "70,000", "สำนักงานจังหวัด", "2024-10", "2024-10"),
            ("2", 110000, "110,000", "สำนักงานเกษตรจังหวัด", "2024-12", "2025-01"),
            ("3", 30000, "30,000", "สำนักงานพาณิชย์จังหวัด", "2025-08", "2025-09")]
BANNER = "ปีงบประมาณ พ.ศ. 2568"


def _layout(name):
    """(rows, horizontal merges) of one layout of the same three activities."""
    if name == "banner_total_own_column_before_responsible":
        h1 = ["ที่", "กิจกรรม", BANNER] + [""] * 11 + ["งบประมาณ (บาท)", "", "", "รวม", "ผู้รับผิดชอบ"]
        h2 = [U, U] + M + ["งบจังหวัด", "งบกลุ่มจังหวัด", "อื่นๆ", U, U]
        return [h1, h2] + [[n, a] + marks(m) + list(b) + [t, r] for n, a, m, b, t, r in ACTS], \
            [(0, 2, 0, 13), (0, 14, 0, 16)]
    if name == "responsible_then_banner_total_last":
        h1 = ["ที่", "กิจกรรม", BANNER] + [""] * 11 + ["ผู้รับผิดชอบ", "งบประมาณ (บาท)", "", "", "รวม"]
        h2 = [U, U] + M + [U, "งบจังหวัด", "งบกลุ่มจังหวัด", "อื่นๆ", U]
        return [h1, h2] + [[n, a] + marks(m) + [r] + list(b) + [t] for n, a, m, b, t, r in ACTS], \
            [(0, 2, 0, 13), (0, 15, 0, 17)]
    if name == "sources_without_banner":
        h1 = ["ที่", "กิจกรรม"] + M + ["งบจังหวัด", "งบกลุ่มจังหวัด", "อื่นๆ", "รวม", "ผู้รับผิดชอบ"]
        return [h1] + [[n, a] + marks(m) + list(b) + [t, r] for n, a, m, b, t, r in ACTS], []
    if name == "sub_header_row_under_banner":
        # `งบปกติ | รวมทั้งสิ้น` in a row of their own under `งบประมาณ`: not an activity
        h1 = ["ที่", "กิจกรรม"] + M + ["งบประมาณ", "", "หน่วยงานรับผิดชอบ"]
        h2 = [U, U] + [U] * 12 + ["งบปกติ", "รวมทั้งสิ้น", U]
        return [h1, h2] + [[n, a] + marks(m) + [b[0], t, r] for n, a, m, b, t, r in ACTS], \
            [(0, 14, 0, 15)]
    if name == "budget_off_budget_total":
        h1 = ["ที่", "กิจกรรม"] + M + ["งบประมาณ", "เงินนอกงบประมาณ", "รวม", "ผู้รับผิดชอบ"]
        return [h1] + [[n, a] + marks(m) + [b[0], b[1], t, r] for n, a, m, b, t, r in ACTS], []
    if name == "lone_total_after_responsible":
        h1 = ["ที่", "กิจกรรม"] + M + ["ผู้รับผิดชอบ", "รวม"]
        return [h1] + [[n, a] + marks(m) + [r, t] for n, a, m, b, t, r in ACTS], []
    raise KeyError(name)


LAYOUTS = ["banner_total_own_column_before_responsible", "responsible_then_banner_total_last",
           "sources_without_banner", "sub_header_row_under_banner", "budget_off_budget_total",
           "lone_total_after_responsible"]


@pytest.mark.parametrize("fmt", ["docx", "xlsx", "txt"])
@pytest.mark.parametrize("layout", LAYOUTS)
def test_total_column_gives_the_budget_and_keeps_the_cells_after_it(tmp_path, fmt, layout):
    """(In the text export merged cells are blank: a banner is its first column's text.)"""
    rows, hm = _layout(layout)
    path = tmp_path / f"plan.{fmt}"
    if fmt == "txt":
        _tsv(path, PARAS, rows)
    else:
        (_docx if fmt == "docx" else _xlsx)(path, PARAS, rows, hm)
    acts, codes = _run(path)
    assert [(a.item_no, a.budget_thb, a.budget_raw, a.responsible, a.start, a.end) for a in acts] \
        == EXPECTED
    assert codes == []


@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
def test_money_by_month_with_a_total_and_no_budget_header(tmp_path, fmt):
    """A sub-district's spending plan: the month's money in each month cell, `รวม` after the
    months: the total is the budget, the month cells its months."""
    h1 = ["ที่", "กิจกรรม", "แผนการใช้จ่ายงบประมาณ ปีงบประมาณ พ.ศ. 2568"] + [""] * 11 + ["รวม", "ผู้รับผิดชอบ"]
    rows = [h1, [U, U] + M + [U, U],
            ["1", "ซ่อมแซมถนนลูกรัง"] + marks({3: "100,000", 4: "100,000"}) + ["200,000", "กองช่าง"],
            ["2", "จัดซื้อวัสดุสำนักงาน"] + marks({0: "5,000", 6: "5,000"}) + ["10,000", "สำนักปลัด"]]
    acts, _ = _run((_docx if fmt == "docx" else _xlsx)(tmp_path / f"obt.{fmt}", ["องค์การบริหารส่วนตำบลนาข่า"],
                                                        rows, [(0, 2, 0, 13)]))
    assert [(a.item_no, a.budget_thb, a.responsible, a.planned_months) for a in acts] == [
        ("1", 200000, "กองช่าง", "2025-01;2025-02"),
        ("2", 10000, "สำนักปลัด", "2024-10;2025-04")]


def test_a_total_of_counts_is_no_budget(tmp_path):
    """`รวม` beside the months sums sessions (`2 ครั้ง` a month): the budget column keeps the
    budget; with no budget column the counts are no budget either."""
    h = ["ที่", "กิจกรรม"] + M + ["รวม", "งบประมาณ (บาท)", "ผู้รับผิดชอบ"]
    rows = [h, ["1", "ออกหน่วยบริการเคลื่อนที่"] + marks({1: "2 ครั้ง", 2: "1 ครั้ง"}) + ["3 ครั้ง", "45,000", "อำเภอ"]]
    acts, _ = _run(_xlsx(tmp_path / "a.xlsx", PARAS, rows))
    assert [(a.budget_thb, a.budget_raw, a.responsible) for a in acts] == [(45000, "45,000", "อำเภอ")]
    h = ["ที่", "กิจกรรม"] + M + ["รวม", "ผู้รับผิดชอบ"]
    rows = [h, ["1", "ออกหน่วยบริการเคลื่อนที่"] + marks({1: "2 ครั้ง", 2: "1 ครั้ง"}) + ["3 ครั้ง", "อำเภอ"]]
    acts, _ = _run(_xlsx(tmp_path / "b.xlsx", PARAS, rows))
    assert [(a.budget_thb, a.budget_raw, a.responsible) for a in acts] == [(None, "", "อำเภอ")]


TARGETS = ["500 คน", "ร้อยละ 80", "3 ครั้ง", "ประชาชนในพื้นที่ 200 ราย", "ชาย 100 คน หญิง 120 คน",
           "-", "1,500 ครัวเรือน", '"', "เกษตรกรในพื้นที่", "ผู้สูงอายุ อายุ 60 ปีขึ้นไป 80 คน",
           "อสม. ๑๒๐ คน"]
TARGETS_READ = [(500, "คน"), (80, "%"), (3, "ครั้ง"), (200, "ราย"), (None, ""), (None, ""),
                (1500, "ครัวเรือน"), (1500, "ครัวเรือน"), (None, ""), (80, "คน"), (120, "คน")]


def _target_rows(head="เป้าหมาย", at_right=False):
    if at_right:
        h = ["ที่", "กิจกรรม"] + M + ["งบประมาณ (บาท)", "ผู้รับผิดชอบ", head]
    else:
        h = ["ที่", "กิจกรรม", head, "งบประมาณ (บาท)"] + M + ["ผู้รับผิดชอบ"]
    rows = [h]
    for i, t in enumerate(TARGETS):
        name = f"กิจกรรมส่งเสริมสุขภาพลำดับ {i + 1}"
        if at_right:
            rows.append([str(i + 1), name] + marks({i}) + ["10,000", "งานส่งเสริมสุขภาพ", t])
        else:
            rows.append([str(i + 1), name, t, "10,000"] + marks({i}) + ["งานส่งเสริมสุขภาพ"])
    return rows


@pytest.mark.parametrize("fmt,head,at_right", [
    ("docx", "เป้าหมาย", False), ("xlsx", "เป้าหมาย", False), ("txt", "เป้าหมาย", False),
    ("xlsx", "ค่าเป้าหมาย", True), ("docx", "กลุ่มเป้าหมาย", True)])
def test_target_column(tmp_path, fmt, head, at_right):
    rows = _target_rows(head, at_right)
    paras = ["แผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. 2567", "โรงพยาบาลบ้านไผ่"]
    path = tmp_path / f"plan.{fmt}"
    if fmt == "txt":
        _tsv(path, paras, rows)
    else:
        (_docx if fmt == "docx" else _xlsx)(path, paras, rows)
    acts, _ = _run(path)
    assert [a.target_raw for a in acts] == TARGETS
    assert [(a.target, a.unit) for a in acts] == TARGETS_READ
    # the cells after it keep their roles
    assert {(a.budget_thb, a.responsible) for a in acts} == {(10000, "งานส่งเสริมสุขภาพ")}
    assert all(a.output == "" for a in acts)


def test_target_header_unit_and_split_columns(tmp_path):
    """`เป้าหมาย (คน)` over bare figures gives their unit; `เป้าหมาย` over `จำนวน | หน่วยนับ` reads
    the two cells as one target."""
    h = ["ที่", "กิจกรรม", "เป้าหมาย (คน)", "งบประมาณ (บาท)"] + M + ["ผู้รับผิดชอบ"]
    rows = [h, ["1", "อบรมแกนนำสุขภาพ", "500", "30,000"] + marks({1}) + ["งานส่งเสริม"],
            ["2", "คัดกรองมะเร็งเต้านม", "1,200", "15,000"] + marks({4}) + ["งานเวชปฏิบัติ"]]
    acts, _ = _run(_docx(tmp_path / "a.docx", PARAS, rows))
    assert [(a.target, a.unit, a.target_raw) for a in acts] == [(500, "คน", "500"), (1200, "คน", "1,200")]
    h1 = ["ที่", "กิจกรรม", "เป้าหมาย", "", "งบประมาณ (บาท)"] + M + ["ผู้รับผิดชอบ"]
    h2 = [U, U, "จำนวน", "หน่วยนับ", U] + [U] * 12 + [U]
    rows = [h1, h2, ["1", "อบรมแกนนำสุขภาพ", "500", "คน", "30,000"] + marks({1}) + ["งานส่งเสริม"],
            ["2", "ประกวดหมู่บ้านสะอาด", "12", "หมู่บ้าน", "15,000"] + marks({4}) + ["งานอนามัย"]]
    for fmt, build in (("docx", _docx), ("xlsx", _xlsx)):
        acts, _ = _run(build(tmp_path / f"b.{fmt}", PARAS, rows, [(0, 2, 0, 3)]))
        assert [(a.item_no, a.target, a.unit, a.target_raw, a.budget_thb, a.responsible) for a in acts] == [
            ("1", 500, "คน", "500 คน", 30000, "งานส่งเสริม"),
            ("2", 12, "หมู่บ้าน", "12 หมู่บ้าน", 15000, "งานอนามัย")]


def test_not_a_target_column(tmp_path):
    """`ตัวชี้วัด/เป้าหมาย` is an indicator column, `ผลผลิต` the output, `เป้าหมาย/ผลงาน` labels
    plan and result rows: none of them is the target."""
    h = ["ที่", "กิจกรรม", "ตัวชี้วัด/เป้าหมาย", "ผลผลิต", "เป้าหมาย/ผลงาน"] + M + ["งบประมาณ (บาท)", "ผู้รับผิดชอบ"]
    rows = [h,
            ["1", "อบรมอาสาสมัคร", "ร้อยละ 80", "อาสาสมัคร 100 คน", "เป้าหมาย"] + marks({1, 2}) + ["20,000", "งานส่งเสริม"],
            [U, U, U, U, "ผลงาน"] + marks({1, 2}) + ["18,500", U],
            ["2", "ประชุมติดตามผล", "2 ครั้ง", "รายงาน 1 ฉบับ", "เป้าหมาย"] + marks({5}) + ["5,000", "งานยุทธศาสตร์"],
            [U, U, U, U, "ผลงาน"] + marks(set()) + ["", U]]
    acts, _ = _run(_xlsx(tmp_path / "p.xlsx", PARAS, rows))
    assert [(a.item_no, a.target_raw, a.target, a.unit, a.output, a.status, a.budget_thb) for a in acts] == [
        ("1", "", None, "", "อาสาสมัคร 100 คน", "done", 20000),
        ("2", "", None, "", "รายงาน 1 ฉบับ", "unknown", 5000)]


def test_sample_action_plan_targets():
    """The held-out อุบลราชธานี action plan: its `ค่าเป้าหมาย` column."""
    path = ROOT / "samples" / "ubon" / "ubon_action_plan_2568.xlsx"
    if not path.exists():
        pytest.skip("sample not built")
    acts, _ = _run(path)
    assert [(a.target, a.unit) for a in acts] == [
        (50000, "คน"), (40, "ผลิตภัณฑ์"), (120, "คน"), (20000000, "บาท"), (1, "ฉบับ")]


def test_money_spent_on_the_result_row(tmp_path):
    h = ["ที่", "โครงการ/กิจกรรม", "แผน/ผล", "ไตรมาส 1", "ไตรมาส 2", "ไตรมาส 3", "ไตรมาส 4",
         "งบประมาณ (บาท)", "หน่วยงานรับผิดชอบ"]
    rows = [h, ["1", "จัดซื้อครุภัณฑ์การแพทย์", "แผน", "✓", "", "", "", "500,000", "ฝ่ายพัสดุ"],
            [U, U, "ผล", "✓", "", "", "", "480,000", U],
            ["2", "ปรับปรุงอาคารผู้ป่วยใน", "แผน", "", "✓", "✓", "", "1,200,000", "ฝ่ายบริหาร"],
            [U, U, "ผล", "", "✓", "", "", "", U]]
    acts, _ = _run(_xlsx(tmp_path / "p.xlsx", ["แผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. 2567"], rows))
    assert [(a.budget_thb, a.spent_thb, a.spent_raw) for a in acts] == [
        (500000, 480000, "480,000"), (1200000, None, "")]


@pytest.mark.parametrize("total,findings", [
    ("350,000", []),
    ("360,000", [("1", "BUDGET_SUM_MISMATCH")])])
def test_numbered_heading_with_its_items_total_is_a_group(tmp_path, total, findings):
    """`1 โครงการ… 350,000` over 1.1 and 1.2 with no dates of its own: a group whose total is
    checked against its items (no DATE_MISSING for the heading)."""
    h = ["ที่", "โครงการ/กิจกรรม"] + M + ["งบประมาณ (บาท)", "ผู้รับผิดชอบ"]
    rows = [h, ["1", "โครงการส่งเสริมอาชีพ"] + marks(set()) + [total, "สำนักงานพัฒนาชุมชนจังหวัด"],
            ["1.1", "อบรมอาชีพ"] + marks({1, 2}) + ["200,000", "สำนักงานพัฒนาชุมชนจังหวัด"],
            ["1.2", "จัดตลาดนัดชุมชน"] + marks({5}) + ["150,000", "สำนักงานพัฒนาชุมชนจังหวัด"]]
    acts, found = _run(_xlsx(tmp_path / "p.xlsx", PARAS, rows))
    assert [(a.item_no, a.row_kind, a.parent_item, a.budget_thb) for a in acts] == [
        ("1", "group", "", int(total.replace(",", ""))), ("1.1", "", "1", 200000),
        ("1.2", "", "1", 150000)]
    assert found == findings
