"""Activity-plan timelines marked in other ways than a tick, and the approver's own date,
built as real files in tmp_path and read through the readers:

- a word in a month cell (`ดำเนินการ`) marks the month; a row with several such cells is an
  activity, not a repeated header (the word reads fuzzily as the heading `งบดำเนินการ`), even
  when its number stands alone in the first column (`2`);
- the days of the month written in a month cell (`1-31`, `1-28`) mark the month;
- quarter heads carrying their fiscal year (`Q1/2571`, `ไตรมาส 2/71`) give the quarters' months
  and the plan's fiscal year when the title states none;
- an approval block with two signers: the last signer's (the approver's) date line is the
  approval's date; a dotted one is UNSIGNED, even when the first signer dated theirs.
"""
from __future__ import annotations

import docx

from plan_files import M, plan_docx, plan_tsv, run_plan

PARAS = ["แผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. 2566", "สำนักงานสาธารณสุขจังหวัดพะเยา", "โครงการทดสอบ"]
HEAD = ["ลำดับ", "กิจกรรม", "งบประมาณ"] + M + ["ผู้รับผิดชอบ"]


def _months(cells: dict[int, str]) -> list[str]:
    return [cells.get(i, "") for i in range(12)]


def _dates(acts):
    return [(r.item_no, r.start, r.end) for r in acts]


def test_word_in_month_cells_marks_the_months_docx(tmp_path):
    w = "ดำเนินการ"
    rows = [HEAD,
            ["1", "กิจกรรมหนึ่ง", "10,000"] + _months({1: w}) + ["กลุ่มงาน ก"],
            ["2", "กิจกรรมสอง", "20,000"] + _months({3: w, 4: w, 5: w}) + ["กลุ่มงาน ข"],
            ["3", "กิจกรรมสาม", "5,000"] + _months({9: w, 10: w, 11: w}) + ["กลุ่มงาน ค"]]
    acts, findings = run_plan(plan_docx(tmp_path / "plan.docx", PARAS, rows))
    assert _dates(acts) == [("1", "2022-11", "2022-11"), ("2", "2023-01", "2023-03"),
                            ("3", "2023-07", "2023-09")]
    assert [r.output for r in acts] == ["", "", ""]      # the word is a mark, no output text
    assert not [f for f in findings if f[1] == "DATE_MISSING"]


def test_word_in_a_status_column_is_no_mark(tmp_path):
    # the same word in a column outside the timeline stays that column's text
    head = HEAD[:-1] + ["ผลการดำเนินงาน", "ผู้รับผิดชอบ"]
    rows = [head, ["1", "กิจกรรมหนึ่ง", "10,000"] + _months({0: "✓"}) + ["ดำเนินการ", "กลุ่มงาน ก"]]
    acts, _ = run_plan(plan_docx(tmp_path / "plan.docx", PARAS, rows))
    assert _dates(acts) == [("1", "2022-10", "2022-10")]
    assert acts[0].responsible == "กลุ่มงาน ก"


def test_day_ranges_in_month_cells_mark_the_months(tmp_path):
    rows = [HEAD,
            ["1", "กิจกรรมหนึ่ง", "10,000"] + _months({1: "15"}) + ["ก"],
            ["2", "กิจกรรมสอง", "20,000"] + _months({3: "1-31", 4: "1-28", 5: "1 - 15"}) + ["ข"]]
    acts, findings = run_plan(plan_tsv(tmp_path / "plan.tsv", PARAS, rows))
    assert _dates(acts) == [("1", "2022-11", "2022-11"), ("2", "2023-01", "2023-03")]
    assert not [f for f in findings if f[1] == "DATE_MISSING"]


def test_quarter_heads_with_their_fiscal_year(tmp_path):
    for heads, fy, exp in (
            (["Q1/2571", "Q2/2571", "Q3/2571", "Q4/2571"], 2571,
             [("1", "2027-10", "2027-12"), ("2", "2028-01", "2028-06")]),
            (["ไตรมาส 1/68", "ไตรมาส 2/68", "ไตรมาส 3/68", "ไตรมาส 4/68"], 2568,
             [("1", "2024-10", "2024-12"), ("2", "2025-01", "2025-06")])):
        rows = [["ลำดับ", "กิจกรรม", "งบประมาณ (บาท)"] + heads + ["ผู้รับผิดชอบ"],
                ["1", "สำรวจพื้นที่", "1,000", "X", "", "", "", "ก"],
                ["2", "ก่อสร้างระบบ", "2,000", "", "X", "X", "", "ข"]]
        path = plan_tsv(tmp_path / f"q{fy}.tsv", ["แผนปฏิบัติการ", "การไฟฟ้าส่วนภูมิภาค"], rows)
        acts, findings = run_plan(path)
        assert _dates(acts) == exp, heads
        assert {r.fiscal_year for r in acts} == {fy}
        assert not [f for f in findings if f[1] == "DATE_MISSING"]


def _approval_plan(path, signers):
    d = docx.Document()
    d.add_paragraph("แผนปฏิบัติการประจำปีงบประมาณ พ.ศ. 2570")
    d.add_paragraph("สำนักงานศาลยุติธรรม")
    rows = [["ลำดับ", "กิจกรรม", "เริ่มต้น", "สิ้นสุด", "งบประมาณ", "ผู้รับผิดชอบ"],
            ["1", "กิจกรรมหนึ่ง", "ต.ค. 69", "ธ.ค. 69", "1,000", "ก"]]
    t = d.add_table(rows=2, cols=6)
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            t.cell(r, c).text = v
    for role, name, position, date in signers:
        for line in (role, f"ลงชื่อ {name}", position, f"วันที่ {date}"):
            d.add_paragraph(line)
    d.save(path)
    return path


PROPOSER = ("ผู้จัดทำแผน", "นายวิทยา ศรีสุข", "ผู้อำนวยการสำนักแผนงานและงบประมาณ", "15 กันยายน 2569")
APPROVER = ("ผู้อนุมัติ", "นางสาวปราณี รักษ์ธรรม", "รองเลขาธิการสำนักงานศาลยุติธรรม")


def test_approver_undated_is_unsigned(tmp_path):
    undated = _approval_plan(tmp_path / "a.docx", [PROPOSER, APPROVER + ("......../......../........",)])
    _, findings = run_plan(undated)
    assert ("", "UNSIGNED") in findings


def test_approver_dated_is_signed(tmp_path):
    dated = _approval_plan(tmp_path / "b.docx", [PROPOSER, APPROVER + ("20 กันยายน 2569",)])
    _, findings = run_plan(dated)
    assert ("", "UNSIGNED") not in findings
    # one signer, dated: signed
    one = _approval_plan(tmp_path / "c.docx", [APPROVER + ("20 กันยายน 2569",)])
    _, findings = run_plan(one)
    assert ("", "UNSIGNED") not in findings
