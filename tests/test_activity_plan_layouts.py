"""Activity plans from agencies and years the samples do not cover, built as real
files in tmp_path and read through the readers:

- a results column about earlier years (`ผลการดำเนินงานที่ผ่านมา`, `ผลการดำเนินงานปีที่ผ่านมา`) is
  not the plan's results: no status, no DEADLINE_MISSED from it; a real `ผลการดำเนินงาน` column
  beside it still gives the status;
- a budget header over sub-columns by source (`งบจังหวัด | งบกรม`) gives each activity the sum
  of its sources, or the `รวม` sub-column when there is one;
- a period written in the duration cell that also reads as a count of months
  (`ตลอดปีงบประมาณ`, `ไตรมาส 2-3`) gives the start and end;
- a header row under the months that writes only their years (`63 63 63 64 …`) is header, not
  an activity;
- amounts with satang round half a baht up.
"""
from __future__ import annotations

from datetime import date

import pytest

from extractors import extract
from extract_helpers import ctx
from pipeline.validate import validate
from plan_files import run_plan

ABBR = ["ต.ค.", "พ.ย.", "ธ.ค.", "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย."]
AS_OF = date(2030, 1, 1)


def _xlsx(path, title, rows, merges=()):
    from openpyxl import Workbook
    wb = Workbook()
    ws = wb.active
    ws.cell(row=1, column=1, value=title)
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            if v != "":
                ws.cell(row=3 + r, column=1 + c, value=v)
    for r0, c0, r1, c1 in merges:          # 0-based rows of `rows`, 0-based columns
        ws.merge_cells(start_row=3 + r0, start_column=1 + c0, end_row=3 + r1, end_column=1 + c1)
    wb.save(path)
    return path


def _docx(path, title, rows):
    import docx
    d = docx.Document()
    d.add_paragraph(title)
    t = d.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            t.cell(r, c).text = v
    d.save(path)
    return path


def _run(path):
    return run_plan(path, AS_OF)


def _quarter_plan(past_head, with_current):
    head1 = ["ที่", "โครงการ/กิจกรรม", "ระยะเวลาดำเนินการ ปีงบประมาณ พ.ศ. 2570", "", "", "",
             "งบประมาณ (บาท)", "หน่วยงานรับผิดชอบ", past_head] + (["ผลการดำเนินงาน"] if with_current else [])
    head2 = ["", "", "ไตรมาส 1", "ไตรมาส 2", "ไตรมาส 3", "ไตรมาส 4", "", "", ""] + ([""] if with_current else [])
    q = lambda a, b: ["✓" if a <= i <= b else "" for i in range(1, 5)]
    items = [["1", "ก่อสร้างถนนลาดยางสายบ้านหนองเต่า"] + q(1, 2) + ["3,500,000", "กองช่าง",
                                                                 "ดำเนินการแล้วเสร็จ ร้อยละ 100"],
             ["2", "ซ่อมแซมสะพานคอนกรีตเสริมเหล็ก"] + q(3, 3) + ["850,000", '"', "อยู่ระหว่างดำเนินการ"]]
    if with_current:
        items[0].append("อยู่ระหว่างดำเนินการ")
        items[1].append("แล้วเสร็จ")
    n = len(head1)
    merges = [(0, 2, 0, 5)] + [(0, c, 1, c) for c in (0, 1, 6, 7, 8)] + ([(0, 9, 1, 9)] if with_current else [])
    return [head1, head2] + items, merges, n


@pytest.mark.parametrize("past_head", ["ผลการดำเนินงานปีที่ผ่านมา", "ผลการดำเนินงานที่ผ่านมา"])
def test_past_results_column_gives_no_status(tmp_path, past_head):
    rows, merges, _ = _quarter_plan(past_head, with_current=False)
    acts, codes = _run(_xlsx(tmp_path / "pao.xlsx", "แผนการดำเนินงาน อบจ. ปีงบประมาณ พ.ศ. 2570", rows, merges))
    assert [(a.item_no, a.start, a.end, a.budget_thb, a.responsible) for a in acts] == [
        ("1", "2026-10", "2027-03", 3500000, "กองช่าง"), ("2", "2027-04", "2027-06", 850000, "กองช่าง")]
    assert [(a.status, a.completed_raw) for a in acts] == [("", ""), ("", "")]
    assert "DEADLINE_MISSED" not in {c for _, c in codes}


def test_current_results_column_beside_past_results_gives_the_status(tmp_path):
    rows, merges, _ = _quarter_plan("ผลการดำเนินงานที่ผ่านมา", with_current=True)
    acts, codes = _run(_xlsx(tmp_path / "pao.xlsx", "แผนการดำเนินงาน อบจ. ปีงบประมาณ พ.ศ. 2570", rows, merges))
    assert [a.status for a in acts] == ["not_done", "done"]
    assert ("1", "DEADLINE_MISSED") in codes and ("2", "DEADLINE_MISSED") not in codes


def _sources_plan(subs):
    head1 = ["ที่", "โครงการ/กิจกรรม", "พ.ศ. ๒๕๖๘", "", ""] + ["พ.ศ. ๒๕๖๙"] + [""] * 8 \
        + ["งบประมาณ (บาท)"] + [""] * (len(subs) - 1) + ["หน่วยงานรับผิดชอบ"]
    head2 = ["", ""] + ABBR + subs + [""]
    tick = lambda a, b: ["■" if a <= i <= b else "" for i in range(1, 13)]
    amounts = [["๕๐,๐๐๐", "๑๒๐,๐๐๐"], ["-", "๓๐๐,๐๐๐"], ["๒๐,๐๐๐", "ไม่ใช้งบประมาณ"]]
    if len(subs) == 3:
        amounts = [a + [t] for a, t in zip(amounts, ["๑๗๐,๐๐๐", "๓๐๐,๐๐๐", "๒๐,๐๐๐"])]
    rows = [head1, head2,
            ["๑.๑", "ประชุมเชิงปฏิบัติการจัดทำแนวทางเฝ้าระวัง"] + tick(1, 2) + amounts[0] + ["กองโรคติดต่อทั่วไป"],
            ["๑.๒", "อบรมทีมปฏิบัติการสอบสวนโรค"] + tick(3, 6) + amounts[1] + ["〃"],
            ["๑.๓", "ติดตามประเมินผลในพื้นที่"] + tick(10, 12) + amounts[2] + ["กองระบาดวิทยา"]]
    b0 = 14
    merges = [(0, 2, 0, 4), (0, 5, 0, 13), (0, b0, 0, b0 + len(subs) - 1), (0, 0, 1, 0), (0, 1, 1, 1),
              (0, b0 + len(subs), 1, b0 + len(subs))]
    return rows, merges


@pytest.mark.parametrize("subs", [["งบจังหวัด", "งบกรม"], ["งบจังหวัด", "งบกรม", "รวม"]],
                         ids=["sum_of_sources", "total_column"])
def test_budget_by_source_sub_columns(tmp_path, subs):
    rows, merges = _sources_plan(subs)
    acts, codes = _run(_xlsx(tmp_path / "ddc.xlsx", "แผนปฏิบัติการ กรมควบคุมโรค ประจำปีงบประมาณ พ.ศ. ๒๕๖๙",
                             rows, merges))
    assert [(a.item_no, a.start, a.end, a.budget_thb, a.responsible) for a in acts] == [
        ("1.1", "2025-10", "2025-11", 170000, "กองโรคติดต่อทั่วไป"),
        ("1.2", "2025-12", "2026-03", 300000, "กองโรคติดต่อทั่วไป"),
        ("1.3", "2026-07", "2026-09", 20000, "กองระบาดวิทยา")]
    assert codes == []


def test_period_in_duration_cell_that_also_counts_months(tmp_path):
    rows = [["ลำดับ", "กิจกรรม", "ระยะเวลาดำเนินการ", "งบประมาณ (บาท)", "ผู้รับผิดชอบ"],
            ["1", "คัดกรองความเสี่ยงโรคเบาหวาน", "ต.ค. 66 - มี.ค. 67", "250,000", "กลุ่มงานควบคุมโรค"],
            ["2", "รณรงค์ป้องกันโรคไข้เลือดออก", "ตลอดปีงบประมาณ", "ไม่ใช้งบประมาณ", '"'],
            ["3", "ประเมินผลและถอดบทเรียน", "ไตรมาส 2-3", "45,500", '"'],
            ["4", "อบรมเจ้าหน้าที่", "3 เดือน", "10,000", '"']]
    acts, codes = _run(_docx(tmp_path / "ssj.docx", "แผนปฏิบัติการ สำนักงานสาธารณสุขจังหวัด ปีงบประมาณ 2567", rows))
    assert [(a.item_no, a.start, a.end, a.duration_months) for a in acts] == [
        ("1", "2023-10", "2024-03", None), ("2", "2023-10", "2024-09", 12), ("3", "2024-01", "2024-06", 6),
        ("4", "", "", 3)]
    assert codes == [("4", "DATE_MISSING")]      # a count of months is not a period


def test_year_row_under_the_months_is_header(tmp_path):
    head1 = ["ที่", "กิจกรรม", "ระยะเวลา"] + sum((["ไตรมาส %d" % q, "", ""] for q in range(1, 5)), []) \
        + ["งบประมาณ (บาท)", "หน่วยงานที่รับผิดชอบ"]
    head2 = ["", "", ""] + ABBR + ["", ""]
    head3 = ["", "", ""] + ["63"] * 3 + ["64"] * 9 + ["", ""]
    tick = lambda a, b: ["/" if a <= i <= b else "" for i in range(1, 13)]
    rows = [head1, head2, head3,
            ["1", "ตรวจสอบคุณภาพดิน", "6 เดือน"] + tick(1, 6) + ["500,000", "สำนักงานพัฒนาที่ดินเขต 5"],
            ["2", "ผลิตปุ๋ยอินทรีย์น้ำ", "6 เดือน"] + tick(4, 9) + ["1,250,000.50", '"']]
    merges = [(0, 3 + 3 * q, 0, 5 + 3 * q) for q in range(4)] + [(0, c, 2, c) for c in (0, 1, 2, 15, 16)]
    # no fiscal year in the title: the year row gives it
    acts, codes = _run(_xlsx(tmp_path / "ldd.xlsx", "แผนปฏิบัติการ กรมพัฒนาที่ดิน", rows, merges))
    assert [(a.item_no, a.start, a.end, a.budget_thb, a.fiscal_year) for a in acts] == [
        ("1", "2020-10", "2021-03", 500000, 2564), ("2", "2021-01", "2021-06", 1250001, 2564)]
    assert codes == []


# ---------------------------------------------------------------- a row broken over a PDF page

def _split_pdf_table(rest):
    """A plan whose item 2 breaks over a page as LibreOffice's PDF of a Word table shows it
    (read from such a PDF): the rest of the row opens page 3 under the same shaded months."""
    from extract_helpers import doc, table
    head = ["ที่", "กิจกรรม", "ระยะเวลา", "เริ่มต้น", "สิ้นสุด"] + [f"{m} 2562" if i >= 3 else f"{m} 2561"
                                                             for i, m in enumerate(ABBR)] \
        + ["ผู้รับผิดชอบ", "งบประมาณ"]
    rows = [head,
            ["1", "ก่อสร้างรางระบายน้ำ", "4 เดือน", "มี.ค. 2562", "มิ.ย. 2562"] + [""] * 12 + ["กองช่าง", "135,000"],
            ["2", "ปรับปรุงภูมิทัศน์สวน", "4", "เม.ย.", "ก.ค."] + [""] * 12 + ['"', "150,0"],
            rest,
            ["3", "รายงานผลการติดตาม", "2 เดือน", "ส.ค. 2562", "ก.ย. 2562"] + [""] * 12 + ["กองแผน", "165,000"]]
    shaded = {(1, 5 + k) for k in range(5, 9)} | {(2, 5 + k) for k in range(6, 10)} \
        | {(3, 5 + k) for k in range(6, 10)} | {(4, 5 + k) for k in range(10, 12)}
    t = table(rows, shaded=shaded, page=2)
    for c in t.cells:
        if c.row >= 3:
            c.page = 3
    return extract(doc("แผนปฏิบัติการ อบจ. ประจำปีงบประมาณ พ.ศ. 2562", t, fmt="pdf"), ctx(name="p.pdf"))


def test_row_broken_over_a_pdf_page_is_joined_back():
    ex = _split_pdf_table(["", "สาธารณะ", "เดือน", "2562", "2562"] + [""] * 12 + ["", "00"])
    acts = [(r.item_no, r.name, r.duration_months, r.start, r.end, r.budget_thb, r.responsible)
            for r in ex.records]
    assert acts == [("1", "ก่อสร้างรางระบายน้ำ", 4, "2019-03", "2019-06", 135000, "กองช่าง"),
                    ("2", "ปรับปรุงภูมิทัศน์สวนสาธารณะ", 4, "2019-04", "2019-07", 150000, "กองช่าง"),
                    ("3", "รายงานผลการติดตาม", 2, "2019-08", "2019-09", 165000, "กองแผน")]
    assert sorted((f.item_no, f.code) for f in validate(ex, AS_OF)) == []


def test_unnumbered_activity_opening_a_page_stays_an_activity():
    ex = _split_pdf_table(["", "จัดนิทรรศการ", "4 เดือน", "เม.ย. 2562", "ก.ค. 2562"] + [""] * 12
                          + ["กองช่าง", "20,000"])
    assert [(r.name, r.budget_thb) for r in ex.records][1:3] == [("ปรับปรุงภูมิทัศน์สวน", None),
                                                                  ("จัดนิทรรศการ", 20000)]


def test_numbered_heading_over_its_sub_items_is_a_group(tmp_path):
    head = ["ที่", "โครงการ/กิจกรรม"] + ABBR + ["งบประมาณ (บาท)", "หน่วยงานรับผิดชอบ"]
    tick = lambda a, b: ["■" if a <= i <= b else "" for i in range(1, 13)]
    rows = [head,
            ["๑", "พัฒนาระบบเฝ้าระวังโรคติดต่อในพื้นที่ชายแดน"] + [""] * 12 + ["", "กองโรคติดต่อทั่วไป"],
            ["๑.๑", "ประชุมเชิงปฏิบัติการ"] + tick(1, 2) + ["50,000", "กองโรคติดต่อทั่วไป"],
            ["๒", "สื่อสารความเสี่ยง"] + [""] * 12 + ["", "กองระบาดวิทยา"],       # no sub-items
            ["๓", "ติดตามผล"] + tick(12, 12) + ["-", "กองระบาดวิทยา"]]
    acts, codes = _run(_xlsx(tmp_path / "h.xlsx", "แผนปฏิบัติการ กรมควบคุมโรค ประจำปีงบประมาณ พ.ศ. ๒๕๖๙", rows))
    assert [(a.item_no, a.row_kind, a.parent_item) for a in acts] == [
        ("1", "group", ""), ("1.1", "", "1"), ("2", "", ""), ("3", "", "")]
    assert codes == [("2", "DATE_MISSING")]      # an item without dates or sub-items still lacks them
