"""Activity plans and progress reports that write each activity as a PAIR of rows: a
`แผน` row (months planned) over a `ผล` row (months worked), labelled in a column headed `แผน/ผล`,
`แผน / ผล`, `แผน-ผล` or `เป้าหมาย/ผลงาน`, name/number/budget/responsible merged down over both rows
or written on the first only. Built as real files in tmp_path and read through the readers.

One record per pair: dates from the plan row; `status` `done` (with `completed` the last day of
the last month worked) when the result row reaches the plan's last month, `not_done` when it stops
short, `unknown` when it marks nothing; a table with `แผน` rows only leaves status empty.
"""
from __future__ import annotations

import pytest

from plan_files import M, U, marks, run_plan as _run
from plan_files import plan_docx as _docx, plan_tsv as _tsv, plan_xlsx as _xlsx


def _rows(acts):
    return [(a.item_no, a.start, a.end, a.deadline, a.status, a.completed, a.budget_thb, a.responsible)
            for a in acts]


def _obt_plan(label_head="แผน/ผล", plan="แผน", result="ผล"):
    """A sub-district plan, FY 2571: number, name, budget, responsible merged over both rows."""
    head1 = ["ที่", "โครงการ/กิจกรรม", "งบประมาณ (บาท)", "หน่วยงานรับผิดชอบ", label_head,
             "ปีงบประมาณ พ.ศ. 2571"] + [""] * 11
    head2 = [U] * 5 + M
    rows = [head1, head2]
    for no, name, bud, resp, p, r in [
            ("1", "ซ่อมแซมถนนลูกรังภายในหมู่บ้าน", "250,000", "กองช่าง", {0, 1, 2}, {0, 1, 2}),
            ("2", "จัดงานประเพณีสงกรานต์", "80,000", "สำนักปลัด", {6}, set()),
            ("3", "อบรมอาสาสมัครดูแลผู้สูงอายุ", "30,000", "กองสวัสดิการสังคม", {3, 4, 5}, {3, 4}),
            ("4", "จัดซื้อวัสดุการแพทย์ศูนย์พัฒนาเด็กเล็ก", "45,000", "กองการศึกษา", {4, 5}, {4, 5, 6, 7})]:
        rows.append([no, name, bud, resp, plan] + marks(p))
        rows.append([U, U, U, U, result] + marks(r))
    return rows, [(0, 5, 0, 16)]


OBT_EXPECTED = [
    ("1", "2027-10", "2027-12", "2027-12-31", "done", "2027-12-31", 250000, "กองช่าง"),
    ("2", "2028-04", "2028-04", "2028-04-30", "unknown", "", 80000, "สำนักปลัด"),
    ("3", "2028-01", "2028-03", "2028-03-31", "not_done", "", 30000, "กองสวัสดิการสังคม"),
    ("4", "2028-02", "2028-03", "2028-03-31", "done", "2028-05-31", 45000, "กองการศึกษา")]


@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
@pytest.mark.parametrize("head", ["แผน/ผล", "แผน / ผล", "แผน-ผล"])
def test_merged_pairs_give_one_activity_each(tmp_path, fmt, head):
    rows, hm = _obt_plan(head)
    paras = ["แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2571", "องค์การบริหารส่วนตำบลบ้านเป็ด"]
    path = (_docx if fmt == "docx" else _xlsx)(tmp_path / f"obt.{fmt}", paras, rows, hm)
    acts, codes = _run(path)
    assert _rows(acts) == OBT_EXPECTED
    # the plan row's months only: the result row does not widen the planned period
    assert acts[3].planned_months == "2028-02;2028-03"
    assert acts[3].completed_raw == "2028-02;2028-03;2028-04;2028-05"
    # completed after the deadline
    assert codes == [("4", "DEADLINE_MISSED")]


def test_groups_totals_and_first_row_only_cells(tmp_path):
    """Group rows and the grand total are not pairs: read as before, each budget counted once;
    number/name/budget written on the plan row only; a not_done pair past its deadline."""
    head1 = ["ลำดับ", "กิจกรรม", "แผน / ผล"] + M + ["งบประมาณ (บาท)", "ผู้รับผิดชอบ"]
    g = "กลุ่มงานส่งเสริมและพัฒนาอาชีพ"
    rows = [head1,
            ["กิจกรรมที่ 1 ส่งเสริมอาชีพครัวเรือนยากจน (งบประมาณ 150,000 บาท)"] + [""] * 16,
            ["1.1", "ฝึกอบรมอาชีพทอผ้าไหม", "แผน"] + marks({1, 2}, "■") + ["100,000", g],
            ["", "", "ผล"] + marks({1, 2}, "■") + ["", ""],
            ["1.2", "ติดตามผลการประกอบอาชีพ", "แผน"] + marks({5, 6, 7}, "■") + ["50,000", '"'],
            ["", "", "ผล"] + marks({5, 6}, "■") + ["", ""],
            ["รวมงบประมาณทั้งสิ้น", "", ""] + [""] * 12 + ["150,000", ""]]
    acts, codes = _run(_xlsx(tmp_path / "cdd.xlsx", ["แผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. 2564",
                                                      "สำนักงานพัฒนาชุมชนจังหวัดยโสธร"], rows,
                             [(1, 0, 1, 16), (6, 0, 6, 2)]))
    assert [(a.item_no, a.row_kind, a.status) for a in acts] == [
        ("1", "group", ""), ("1.1", "", "done"), ("1.2", "", "not_done")]
    assert _rows(acts)[1:] == [
        ("1.1", "2020-11", "2020-12", "2020-12-31", "done", "2020-12-31", 100000, g),
        ("1.2", "2021-03", "2021-05", "2021-05-31", "not_done", "", 50000, g)]
    assert codes == [("1.2", "DEADLINE_MISSED")]       # no BUDGET_SUM_MISMATCH, no DATE_MISSING


def test_target_and_output_rows_with_numbers_in_months(tmp_path):
    """`เป้าหมาย/ผลงาน` with the number of sessions in the month cells."""
    head1 = ["ลำดับ", "กิจกรรม", "เป้าหมาย/ผลงาน", "ปีงบประมาณ 2570"] + [""] * 11 + ["งบประมาณ", "ผู้รับผิดชอบ"]
    head2 = [U, U, U] + M + [U, U]
    rows = [head1, head2,
            ["1", "คัดกรองเบาหวานและความดันโลหิตสูง", "เป้าหมาย"] + marks({1: "2", 2: "2"}) + ["35,000", "กลุ่มงานปฐมภูมิ"],
            ["", "", "ผลงาน"] + marks({1: "1", 2: "3"}) + ["", ""],
            ["2", "อบรม อสม. เชี่ยวชาญ", "เป้าหมาย"] + marks({0: "1"}) + ["18,500", '"'],
            ["", "", "ผลงาน"] + marks({}) + ["", ""],
            ["3", "ประชุมคณะกรรมการพัฒนาคุณภาพชีวิตอำเภอ", "เป้าหมาย"] + marks({0: "1", 1: "1"}) + ["12,000", "กลุ่มงานยุทธศาสตร์"],
            ["", "", "ผลงาน"] + marks({0: "1"}) + ["", ""]]
    acts, codes = _run(_xlsx(tmp_path / "hosp.xlsx", ["แผนปฏิบัติราชการ ประจำปีงบประมาณ พ.ศ. 2570",
                                                      "โรงพยาบาลบางปลาม้า"], rows, [(0, 3, 0, 14)]))
    assert _rows(acts) == [
        ("1", "2026-11", "2026-12", "2026-12-31", "done", "2026-12-31", 35000, "กลุ่มงานปฐมภูมิ"),
        ("2", "2026-10", "2026-10", "2026-10-31", "unknown", "", 18500, "กลุ่มงานปฐมภูมิ"),
        ("3", "2026-10", "2026-11", "2026-11-30", "not_done", "", 12000, "กลุ่มงานยุทธศาสตร์")]
    assert codes == []
    assert all(a.output == "" for a in acts)            # the numbers are marks, not outputs


def test_text_export_with_name_wrapped_onto_the_result_row(tmp_path):
    """A Word text export: merged cells come out blank; a name wrapped onto the result row joins
    the name; a ditto in responsible still takes the value above."""
    head = ["ที่", "โครงการ/กิจกรรม", "งบประมาณ", "แผน-ผล"] + [m + (" 59" if i < 3 else " 60") for i, m in enumerate(M)] \
        + ["ผู้รับผิดชอบ"]
    rows = [head,
            ["1.1", "อบรมครูปฐมวัยด้านการจัด", "70,000", "แผน"] + marks({1, 2}, "/") + ["กลุ่มนิเทศ"],
            ["", "ประสบการณ์การเรียนรู้", "", "ผล"] + marks({2, 3}, "/") + [""],
            ["1.2", "นิเทศติดตามในสถานศึกษา", "20,000", "แผน"] + marks({4, 5, 6}, "/") + ['"'],
            ["", "", "", "ผล"] + marks({4, 5, 6}, "/") + [""]]
    acts, codes = _run(_tsv(tmp_path / "esa.txt", ["แผนการดำเนินงาน ปีงบประมาณ 2560",
                                                   "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาสุรินทร์ เขต 1"], rows))
    assert [a.name for a in acts] == ["อบรมครูปฐมวัยด้านการจัดประสบการณ์การเรียนรู้", "นิเทศติดตามในสถานศึกษา"]
    assert _rows(acts) == [
        ("1.1", "2016-11", "2016-12", "2016-12-31", "done", "2017-01-31", 70000, "กลุ่มนิเทศ"),
        ("1.2", "2017-02", "2017-04", "2017-04-30", "done", "2017-04-30", 20000, "กลุ่มนิเทศ")]
    assert codes == [("1.1", "DEADLINE_MISSED")]       # finished a month late


def test_plan_rows_only_leave_status_empty(tmp_path):
    head1 = ["ที่", "กิจกรรม", "แผน/ผล", "ปีงบประมาณ พ.ศ. 2572"] + [""] * 11 + ["งบประมาณ (บาท)", "ผู้รับผิดชอบ"]
    head2 = [U, U, U] + M + [U, U]
    rows = [head1, head2,
            ["1", "สำรวจพื้นที่ปลูกข้าวโพดเลี้ยงสัตว์", "แผน"] + marks({0, 1}, "→") + ["10,000", "กลุ่มยุทธศาสตร์"],
            ["2", "จัดเวทีเรียนรู้เกษตรกร", "แผน"] + marks({3, 4, 5}, "→") + ["25,000", "กลุ่มส่งเสริม"]]
    acts, codes = _run(_docx(tmp_path / "doae.docx", ["แผนปฏิบัติงาน ประจำปีงบประมาณ พ.ศ. 2572",
                                                      "สำนักงานเกษตรจังหวัดแพร่"], rows, [(0, 3, 0, 14)]))
    assert _rows(acts) == [
        ("1", "2028-10", "2028-11", "2028-11-30", "", "", 10000, "กลุ่มยุทธศาสตร์"),
        ("2", "2029-01", "2029-03", "2029-03-31", "", "", 25000, "กลุ่มส่งเสริม")]
    assert codes == []


def test_unnumbered_pairs_with_spending_on_the_result_row(tmp_path):
    """Unnumbered activities, the label column at the far right and no header over it, the
    amount spent written on the result row: one activity each, the planned budget only."""
    head1 = ["กิจกรรม", "ปีงบประมาณ พ.ศ. 2565"] + [""] * 11 + ["งบประมาณ (บาท)", "ผู้รับผิดชอบ", ""]
    head2 = [U] + M + [U, U, U]
    rows = [head1, head2,
            ["จัดทำฐานข้อมูลแรงงานนอกระบบ"] + marks({0, 1, 2}, "*") + ["60,000", "กลุ่มงานข้อมูลแรงงาน", "แผน"],
            [U] + marks({0, 1, 2}, "*") + ["58,500", U, "ผล"],
            ["ประชุมคณะอนุกรรมการแรงงานนอกระบบ"] + marks({3, 6, 9}, "*") + ["24,000", "กลุ่มงานยุทธศาสตร์แรงงาน", "แผน"],
            [U] + marks({3, 6}, "*") + ["", U, "ผล"]]
    acts, codes = _run(_xlsx(tmp_path / "labour.xlsx", ["แผนปฏิบัติราชการ ประจำปีงบประมาณ พ.ศ. 2565",
                                                        "สำนักงานแรงงานจังหวัดหนองคาย"], rows, [(0, 1, 0, 12)]))
    assert [(a.name, a.start, a.end, a.status, a.completed, a.budget_thb) for a in acts] == [
        ("จัดทำฐานข้อมูลแรงงานนอกระบบ", "2021-10", "2021-12", "done", "2021-12-31", 60000),
        ("ประชุมคณะอนุกรรมการแรงงานนอกระบบ", "2022-01", "2022-07", "not_done", "", 24000)]
    assert codes == [("", "DEADLINE_MISSED")]
