"""A budget banner over quarter sub-columns and a total (`งบประมาณ (บาท)` over `ไตรมาส 1 … ไตรมาส 4 |
รวม`): the total is the budget, the quarters are amounts and no timeline, and a unit column
(`หน่วยนับ`) beside the target gives the unit. Written as XLSX, DOCX and CSV."""
from __future__ import annotations

import pytest

from extract_helpers import write_csv
from plan_files import U, plan_docx, plan_xlsx, run_plan

TITLE = ["แผนปฏิบัติงานและงบประมาณ ศูนย์วิจัยและพัฒนาประมงน้ำจืด ประจำปีงบประมาณ พ.ศ. 2569",
         "โครงการส่งเสริมการเลี้ยงสัตว์น้ำจืดในชุมชน"]
BUDGET = "งบประมาณ (บาท)"


def head(subs, unit_col=True):
    lead = ["ที่", "กิจกรรม/ขั้นตอน", "เป้าหมาย"] + (["หน่วยนับ"] if unit_col else []) + \
        ["วันเริ่มต้น", "กำหนดแล้วเสร็จ"]
    top = lead + [BUDGET] + [""] * (len(subs) - 1) + ["ผู้รับผิดชอบ"]
    under = [U] * len(lead) + list(subs) + [U]
    return [top, under], len(lead)


def body(amounts, unit_col=True):
    """Rows of the plan: `amounts` maps an item to its budget sub-cells."""
    def row(no, name, target, unit, start, end, who):
        lead = [no, name, target] + ([unit] if unit_col else []) + [start, end]
        return lead + list(amounts[no]) + [who]
    return [
        row("กิจกรรมที่ 1", "ผลิตพันธุ์สัตว์น้ำเพื่อแจกจ่าย", "", "", "", "", ""),
        row("1.1", "เพาะพันธุ์ลูกปลานิลแปลงเพศ", "500,000", "ตัว", "2025-10-01", "2026-02-28",
            "กลุ่มวิชาการประมง"),
        row("1.2", "ปล่อยพันธุ์สัตว์น้ำลงแหล่งน้ำสาธารณะ", "12", "แหล่งน้ำ", "2026-01-05",
            "2026-06-30", "〃"),
        row("กิจกรรมที่ 2", "ถ่ายทอดความรู้การเลี้ยงสัตว์น้ำ", "", "", "", "", ""),
        row("2.1", "ฝึกอบรมเกษตรกรผู้เลี้ยงกุ้งก้ามกราม", "150", "ราย", "2026-03-01", "2026-05-31",
            "ฝ่ายส่งเสริมการประมง"),
        row("2.2", "สำรวจผลผลิตของเกษตรกรที่ผ่านการอบรม", "1", "ครั้ง", "2026-07-01", "2026-09-30",
            "ฝ่ายแผนงาน"),
        row("รวมงบประมาณทั้งสิ้น", "", "", "", "", "", ""),
    ]


QUARTERS = ["ไตรมาส 1", "ไตรมาส 2", "ไตรมาส 3", "ไตรมาส 4", "รวม"]
# group 1 states 120,000 while its items add to 115,000; item 1.2 has no first-quarter amount
WITH_TOTAL = {
    "กิจกรรมที่ 1": ["", "", "", "", "120,000"],
    "1.1": ["40,000", "30,000", "", "", "70,000"],
    "1.2": ["", "20,000", "25,000", "", "45,000"],
    "กิจกรรมที่ 2": ["", "", "", "", "80,000"],
    "2.1": ["", "30,000", "50,000", "", "80,000"],
    "2.2": ["", "", "", "", "-"],
    "รวมงบประมาณทั้งสิ้น": ["", "", "", "", "200,000"],
}


def write(fmt, tmp_path, subs, amounts, unit_col=True):
    rows_head, lead = head(subs, unit_col)
    rows = rows_head + body(amounts, unit_col)
    merge = [(0, lead, 0, lead + len(subs) - 1)]
    path = tmp_path / f"plan.{fmt}"
    if fmt == "xlsx":
        return plan_xlsx(path, TITLE, rows, merge)
    if fmt == "docx":
        return plan_docx(path, TITLE, rows, merge)
    return write_csv(path, TITLE, [["" if v == U else v for v in r] for r in rows])


def by_item(acts):
    return {a.item_no: a for a in acts}


@pytest.mark.parametrize("fmt", ["xlsx", "docx", "csv"])
def test_total_sub_column_is_the_budget(tmp_path, fmt):
    acts, findings = run_plan(write(fmt, tmp_path, QUARTERS, WITH_TOTAL))
    got = by_item(acts)
    assert {k: got[k].budget_thb for k in ("1", "1.1", "1.2", "2", "2.1", "2.2")} == {
        "1": 120000, "1.1": 70000, "1.2": 45000, "2": 80000, "2.1": 80000, "2.2": None}
    # the groups' amounts are no one's responsible unit
    assert got["1"].responsible == "" and got["2"].responsible == ""
    assert got["1.2"].responsible == "กลุ่มวิชาการประมง"
    assert ("1", "BUDGET_SUM_MISMATCH") in findings
    assert ("2", "BUDGET_SUM_MISMATCH") not in findings


@pytest.mark.parametrize("fmt", ["xlsx", "docx", "csv"])
def test_quarter_amounts_are_no_timeline(tmp_path, fmt):
    acts, _ = run_plan(write(fmt, tmp_path, QUARTERS, WITH_TOTAL))
    got = by_item(acts)
    # the items' dates come from their date columns, not from the quarters they spend in
    assert [(got[k].start, got[k].end) for k in ("1.1", "1.2", "2.1", "2.2")] == [
        ("2025-10", "2026-02"), ("2026-01", "2026-06"), ("2026-03", "2026-05"), ("2026-07", "2026-09")]
    assert all(not a.planned_months for a in acts)
    # a group's amount spends in no quarter of its own: no dates of its own
    assert [(got[k].start, got[k].end) for k in ("1", "2")] == [("", ""), ("", "")]


@pytest.mark.parametrize("fmt", ["xlsx", "docx", "csv"])
def test_unit_column_gives_the_unit(tmp_path, fmt):
    acts, _ = run_plan(write(fmt, tmp_path, QUARTERS, WITH_TOTAL))
    got = by_item(acts)
    assert [(got[k].target, got[k].unit) for k in ("1.1", "1.2", "2.1", "2.2")] == [
        (500000, "ตัว"), (12, "แหล่งน้ำ"), (150, "ราย"), (1, "ครั้ง")]


MONTHS_TOTAL = ["ต.ค.-ธ.ค. 68", "ม.ค.-มี.ค. 69", "เม.ย.-มิ.ย. 69", "ก.ค.-ก.ย. 69", "รวมทั้งสิ้น"]


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_period_sub_columns_with_a_total(tmp_path, fmt):
    acts, _ = run_plan(write(fmt, tmp_path, MONTHS_TOTAL, WITH_TOTAL))
    got = by_item(acts)
    assert (got["1.1"].budget_thb, got["1.2"].budget_thb, got["1"].budget_thb) == (70000, 45000, 120000)
    assert (got["1.2"].start, got["1.2"].end) == ("2026-01", "2026-06")


NO_TOTAL = {k: v[:4] for k, v in WITH_TOTAL.items()}
NO_TOTAL["กิจกรรมที่ 1"] = ["60,000", "60,000", "", ""]
NO_TOTAL["กิจกรรมที่ 2"] = ["", "30,000", "50,000", ""]
NO_TOTAL["รวมงบประมาณทั้งสิ้น"] = ["", "", "", ""]


@pytest.mark.parametrize("fmt", ["xlsx", "docx", "csv"])
def test_quarters_without_a_total_are_added_up(tmp_path, fmt):
    acts, findings = run_plan(write(fmt, tmp_path, QUARTERS[:4], NO_TOTAL, unit_col=False))
    got = by_item(acts)
    assert {k: got[k].budget_thb for k in ("1", "1.1", "1.2", "2", "2.1")} == {
        "1": 120000, "1.1": 70000, "1.2": 45000, "2": 80000, "2.1": 80000}
    assert (got["2.1"].start, got["2.1"].end) == ("2026-03", "2026-05")
    assert ("1", "BUDGET_SUM_MISMATCH") in findings


MONTHS = ["ต.ค.", "พ.ย.", "ธ.ค.", "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย."]


def spread(total, months):
    """Twelve month cells with ``months`` {index: amount} filled, then the total."""
    return [months.get(i, "") for i in range(12)] + [total]


BY_MONTH = {
    "กิจกรรมที่ 1": spread("120,000", {}),
    "1.1": spread("70,000", {0: "40,000", 4: "30,000"}),
    "1.2": spread("45,000", {3: "20,000", 8: "25,000"}),
    "กิจกรรมที่ 2": spread("80,000", {}),
    "2.1": spread("80,000", {5: "30,000", 7: "50,000"}),
    "2.2": spread("-", {}),
    "รวมงบประมาณทั้งสิ้น": spread("200,000", {}),
}


@pytest.mark.parametrize("fmt", ["xlsx", "docx", "csv"])
def test_month_amounts_under_the_budget_banner(tmp_path, fmt):
    """Months under the budget banner, in a plan with date columns: amounts, not its timeline."""
    acts, findings = run_plan(write(fmt, tmp_path, MONTHS + ["รวม"], BY_MONTH))
    got = by_item(acts)
    assert [(got[k].budget_thb, got[k].start, got[k].end) for k in ("1", "1.1", "1.2", "2.1")] == [
        (120000, "", ""), (70000, "2025-10", "2026-02"), (45000, "2026-01", "2026-06"),
        (80000, "2026-03", "2026-05")]
    assert all(not a.planned_months for a in acts)
    assert ("1", "BUDGET_SUM_MISMATCH") in findings


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_unit_column_before_the_target_and_its_ditto(tmp_path, fmt):
    """`หน่วยนับ | เป้าหมาย`: the unit column left of the target; a ditto takes the unit above and
    `ร้อยละ` is written `%`."""
    top = ["ลำดับ", "กิจกรรม", "หน่วยนับ", "เป้าหมาย", "เริ่มต้น", "สิ้นสุด", "งบประมาณ", "ผู้รับผิดชอบ"]
    rows = [top,
            ["1", "ตรวจคุณภาพน้ำในบ่อเลี้ยง", "บ่อ", "40", "2025-11-01", "2025-12-31", "10,000", "กลุ่มวิชาการ"],
            ["2", "ตรวจคุณภาพน้ำในแหล่งน้ำ", "〃", "15", "2026-01-01", "2026-02-28", "8,000", "กลุ่มวิชาการ"],
            ["3", "เกษตรกรพึงพอใจต่อการให้บริการ", "ร้อยละ", "85", "2026-08-01", "2026-09-30", "2,000", "ฝ่ายแผนงาน"]]
    path = plan_xlsx(tmp_path / "u.xlsx", TITLE, rows) if fmt == "xlsx" else \
        write_csv(tmp_path / "u.csv", TITLE, rows)
    acts, _ = run_plan(path)
    assert [(a.item_no, a.target, a.unit) for a in acts] == [
        ("1", 40, "บ่อ"), ("2", 15, "บ่อ"), ("3", 85, "%")]
