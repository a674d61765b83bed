"""Activity plans whose month (or quarter) cells hold a number instead of a tick:
sessions, people, a share or the month's money (`2`, `1 ครั้ง`, `30 คน`, `50%`, `50,000`) mark the
month like a tick in every plan, not only in แผน/ผล pair tables. Built as real files in tmp_path
and read through the readers.

Where a number does NOT mark a month: `0`/`0.00` (nothing that month); a number the row's layout
puts in a trailing role (a row exported one cell to the left: its output sits in the last month's
column); a number in a column under the timeline's banner whose header is no month (`รวม`); the
sums of a `รวมทั้งสิ้น` total row (not an activity, and its sums do not join the row above); a
footnote marker alone (`1/`). A tick with a footnote (`✓1`) is a tick.
"""
from __future__ import annotations

import pytest

from plan_files import M, U, marks as months, run_plan as _run
from plan_files import plan_docx as _docx, plan_tsv as _tsv, plan_xlsx as _xlsx


def _rows(acts):
    return [(a.item_no, a.start, a.end, a.planned_months, a.output, a.budget_thb) for a in acts]


@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
def test_counts_in_month_cells_mark_the_months(tmp_path, fmt):
    h1 = ["ที่", "โครงการ/กิจกรรม", "ปีงบประมาณ พ.ศ. 2569"] + [""] * 11 + ["งบประมาณ (บาท)", "ผู้รับผิดชอบ"]
    h2 = [U, U] + M + [U, U]
    g = "กลุ่มยุทธศาสตร์และสารสนเทศ"
    rows = [h1, h2,
            ["1", "อบรมเกษตรกรรุ่นใหม่", *months({1: "2", 2: "1"}), "60,000", g],
            ["2", "ประชุมคณะกรรมการศูนย์เรียนรู้", *months({0: "1 ครั้ง", 3: "1 ครั้ง", 6: "1 ครั้ง"}), "24,000", g],
            ["3", "ถ่ายทอดความรู้การจัดการศัตรูพืช", *months({4: "30 คน", 5: "๓๐ คน", 6: "0"}), "45,000", g],
            ["4", "ติดตามประเมินผล", *months({10: "50%", 11: "100%"}), "8,000", g]]
    paras = ["แผนปฏิบัติงานโครงการ ประจำปีงบประมาณ พ.ศ. 2569", "สำนักงานเกษตรจังหวัดอุทัยธานี"]
    path = (_docx if fmt == "docx" else _xlsx)(tmp_path / f"doae.{fmt}", paras, rows, [(0, 2, 0, 13)])
    acts, codes = _run(path)
    assert _rows(acts) == [
        ("1", "2025-11", "2025-12", "2025-11;2025-12", "", 60000),
        ("2", "2025-10", "2026-04", "2025-10;2026-01;2026-04", "", 24000),
        ("3", "2026-02", "2026-03", "2026-02;2026-03", "", 45000),       # `0` in เม.ย.: nothing
        ("4", "2026-08", "2026-09", "2026-08;2026-09", "", 8000)]
    assert codes == []                                                     # no DATE_MISSING


def test_budget_by_month_total_row_and_a_total_column(tmp_path):
    """The month's money marks the month; `0.00` marks nothing; a `รวม` column under the
    timeline's banner is no month; the grand total row with its sums is no activity."""
    h1 = ["ลำดับ", "กิจกรรม", "ระยะเวลาดำเนินการ ปีงบประมาณ พ.ศ. 2573"] + [""] * 12 + ["ผู้รับผิดชอบ"]
    h2 = [U, U] + M + ["รวม", U]
    rows = [h1, h2,
            ["1", "ขุดลอกคลองสาธารณะหมู่ที่ 3", *months({0: "150,000"}), "150,000", "กองช่าง"],
            ["2", "ซ่อมแซมฝายน้ำล้นห้วยทราย", *months({1: "60,000", 2: "40,000"}), "100,000", "กองช่าง"],
            ["3", "ตรวจคัดกรองสุขภาพผู้สูงอายุ", *months({3: "12,500.50", 4: "12,500.50", 5: "0.00"}), "25,001", "กองสาธารณสุข"],
            ["รวมทั้งสิ้น", ""] + months({0: "150,000", 1: "60,000", 2: "40,000", 3: "12,500.50", 4: "12,500.50"})
            + ["275,001", ""]]
    acts, _ = _run(_xlsx(tmp_path / "obt.xlsx", ["แผนการใช้จ่ายงบประมาณ ประจำปีงบประมาณ พ.ศ. 2573",
                                                 "องค์การบริหารส่วนตำบลหนองบัว"], rows,
                         [(0, 2, 0, 14), (len(rows) - 1, 0, len(rows) - 1, 1)]))
    assert [(a.item_no, a.start, a.end, a.planned_months) for a in acts] == [
        ("1", "2029-10", "2029-10", "2029-10"),
        ("2", "2029-11", "2029-12", "2029-11;2029-12"),
        ("3", "2030-01", "2030-02", "2030-01;2030-02")]


def test_tick_plan_with_a_stray_number_and_footnotes(tmp_path):
    head = ["ที่", "โครงการ/กิจกรรม"] + [m + (" 62" if i < 3 else " 63") for i, m in enumerate(M)] \
        + ["งบประมาณ", "ผู้รับผิดชอบ"]
    rows = [head,
            ["1", "สวดมนต์ข้ามปีวิถีไทย", *months({2: "✓", 3: "✓1"}), "15,000", "กลุ่มส่งเสริม"],
            ["2", "บูรณปฏิสังขรณ์ศาสนสถาน", *months({4: "✓", 5: "✓", 6: "2"}), "120,000", "กลุ่มศาสนสมบัติ"],
            ["3", "ตรวจเยี่ยมวัดพัฒนาตัวอย่าง", *months({8: "✓", 9: "✓", 11: "1/"}), "10,000", "กลุ่มศาสนสมบัติ"]]
    acts, codes = _run(_tsv(tmp_path / "onab.txt", ["แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2563",
                                                    "สำนักงานพระพุทธศาสนาจังหวัดศรีสะเกษ"], rows))
    assert [(a.item_no, a.start, a.end, a.planned_months) for a in acts] == [
        ("1", "2019-12", "2020-01", "2019-12;2020-01"),               # `✓1`: a tick and its note
        ("2", "2020-02", "2020-04", "2020-02;2020-03;2020-04"),       # `2` in เม.ย.: a month
        ("3", "2020-06", "2020-07", "2020-06;2020-07")]               # `1/` alone: no month
    assert codes == []


def test_a_row_exported_one_cell_left_keeps_its_output(tmp_path):
    """Numbers the row's layout gives a role (output shifted into ก.ย.) are not marks."""
    h1 = ["ที่", "กิจกรรม"] + M + ["ผลผลิต", "งบประมาณ", "ผู้รับผิดชอบ"]
    rows = [h1,
            ["1", "จัดทำแผนพัฒนาหมู่บ้าน", *months({0, 1}), "12 หมู่บ้าน", "36,000", "ฝ่ายปกครอง"],
            ["2", "อบรมคณะกรรมการหมู่บ้าน", *months({2, 3}), "120", "50,000", "ฝ่ายปกครอง"],
            ["3", "ประกวดหมู่บ้านเข้มแข็ง", *months({6})[:-1], "5", "20,000", "ฝ่ายปกครอง", ""],
            ["4", "ติดตามผลการพัฒนาหมู่บ้าน", *months({10, 11}), "12", "9,000", "ฝ่ายปกครอง"]]
    acts, _ = _run(_docx(tmp_path / "dopa.docx", ["แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2566",
                                                  "ที่ทำการปกครองอำเภอคลองหลวง"], rows))
    assert _rows(acts) == [
        ("1", "2022-10", "2022-11", "2022-10;2022-11", "12 หมู่บ้าน", 36000),
        ("2", "2022-12", "2023-01", "2022-12;2023-01", "120", 50000),
        ("3", "2023-04", "2023-04", "2023-04", "5", 20000),
        ("4", "2023-08", "2023-09", "2023-08;2023-09", "12", 9000)]


def test_counts_in_quarter_cells_and_a_heading_with_sums(tmp_path):
    """A quarter's number marks its three months; a numbered heading whose month cells only
    hold its sub-items' sums still heads them (a group)."""
    h1 = ["ที่", "โครงการ/กิจกรรม", "ไตรมาส 1", "ไตรมาส 2", "ไตรมาส 3", "ไตรมาส 4", "งบประมาณ", "ผู้รับผิดชอบ"]
    rows = [h1,
            ["1", "คุ้มครองแรงงาน", "20", "25", "", "", "", ""],
            ["1.1", "สำรวจสถานประกอบการ", "20 แห่ง", "20 แห่ง", "", "", "12,000", "กลุ่มงานคุ้มครองแรงงาน"],
            ["1.2", "อบรมความปลอดภัยในการทำงาน", "", "5 รุ่น", "", "", "80,000", "กลุ่มงานความปลอดภัย"]]
    acts, codes = _run(_xlsx(tmp_path / "lab.xlsx", ["แผนปฏิบัติราชการ ประจำปีงบประมาณ พ.ศ. 2572",
                                                     "สำนักงานสวัสดิการและคุ้มครองแรงงานจังหวัดพิจิตร"], rows))
    assert [(a.item_no, a.row_kind, a.start, a.end) for a in acts] == [
        ("1", "group", "2028-10", "2029-03"),
        ("1.1", "", "2028-10", "2029-03"),
        ("1.2", "", "2029-01", "2029-03")]
    assert acts[2].planned_months == "2029-01;2029-02;2029-03"
    assert not [c for c in codes if c[1] == "DATE_MISSING"]
