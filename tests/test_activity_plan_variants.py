"""Activity plans as other agencies write them, built as real files in tmp_path and
read, extracted and validated as a run would:

- amounts stated in thousands or millions of baht, in the budget header (`งบประมาณ (ล้านบาท)`)
  or in a line over the table (`(หน่วย : พันบาท)`); an amount writing its own unit keeps it;
- Gantt bars drawn once in a cell merged over the months with box-drawing lines and pointers
  (`◄────►`, `←――→`);
- month headers written as month/year numbers (`10/68`: Excel's m/yy in a Thai locale);
- quarter columns (`ไตรมาส 1`…) in a sub-header row under a banner, beside a budget banner over
  `งบดำเนินงาน | งบลงทุน`: the budget is the sources' sum;
- items lettered `ก.`, `ข.` under `กิจกรรมที่ N`; bulleted rows (`- …`) with months of their own
  as unnumbered sub-items; a group's total written after its items (`รวมโครงการที่ 1`);
- a phone on its own line under the responsible unit.
"""
from __future__ import annotations

from plan_files import M, U, marks, run_plan
from plan_files import plan_docx, plan_tsv, plan_xlsx

TITLE = ["แผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. 2570", "กรมพัฒนาฝีมือแรงงาน"]
MONTHS_70 = [f"{m} {69 if i < 3 else 70}" for i, m in enumerate(M)]


def _by_name(acts):
    return {r.name: r for r in acts}


# ---------------------------------------------------------------- budget units

def _scaled_rows(budget_head):
    head = ["ที่", "กิจกรรม", budget_head, "ผู้รับผิดชอบ"] + MONTHS_70
    return [head,
            ["1", "อบรมช่างเชื่อมโลหะ", "4.25", "สถาบันพัฒนาฝีมือแรงงาน 1"] + marks({1, 2}, "x"),
            ["2", "ทดสอบมาตรฐานฝีมือแรงงาน", "0.8", "กองมาตรฐานฝีมือแรงงาน"] + marks({5}, "x"),
            ["3", "ประชาสัมพันธ์สิทธิประโยชน์", "1.5 ล้านบาท", "กองส่งเสริม"] + marks({0}, "x"),
            ["4", "ติดตามผล", "-", "กองแผนงาน"] + marks({11}, "x")]


def test_budget_in_millions_from_the_header(tmp_path):
    acts, _ = run_plan(plan_xlsx(tmp_path / "p.xlsx", TITLE, _scaled_rows("งบประมาณ (ล้านบาท)")))
    got = {r.item_no: r.budget_thb for r in acts}
    assert got == {"1": 4250000, "2": 800000, "3": 1500000, "4": None}
    assert [r.budget_raw for r in acts][:2] == ["4.25", "0.8"]


def test_budget_in_thousands_from_a_line_over_the_table(tmp_path):
    rows = _scaled_rows("งบประมาณ")
    rows[1][2], rows[2][2] = "350", "80.5"
    acts, _ = run_plan(plan_docx(tmp_path / "p.docx", TITLE + ["(หน่วย : พันบาท)"], rows))
    got = {r.item_no: r.budget_thb for r in acts}
    assert got == {"1": 350000, "2": 80500, "3": 1500000, "4": None}


def test_budget_in_baht_is_left_alone(tmp_path):
    rows = _scaled_rows("งบประมาณ (บาท)")
    rows[1][2] = "4,250"
    acts, _ = run_plan(plan_tsv(tmp_path / "p.tsv", TITLE, rows))
    assert {r.item_no: r.budget_thb for r in acts}["1"] == 4250


# ---------------------------------------------------------------- bars and month headers

def test_bars_written_once_in_cells_merged_over_the_months(tmp_path):
    head = ["ที่", "โครงการ/กิจกรรม", "งบประมาณ (บาท)", "ผู้รับผิดชอบ"] + MONTHS_70
    rows = [head,
            ["1", "จัดงานประเพณีลอยกระทง", "350,000", "กองการศึกษา", "◄────────►"] + [""] * 11,
            ["2", "ปรับปรุงผิวจราจร", "2,500,000", "กองช่าง", "", "", "", "←――――→"] + [""] * 8,
            ["3", "ประชุมประชาคมเมือง", "-", "สำนักปลัด"] + [""] * 8 + ["◄►"] + [""] * 3,
            ["4", "จัดทำแผนพัฒนาท้องถิ่น", "-", "กองยุทธศาสตร์"] + [""] * 12]
    # (row, first col, row, last col) of each bar's merged cell
    path = plan_docx(tmp_path / "p.docx", TITLE, rows, hmerges=[(1, 4, 1, 5), (2, 7, 2, 11)])
    acts, findings = run_plan(path)
    got = {r.item_no: (r.start, r.end) for r in acts}
    assert got == {"1": ("2026-10", "2026-11"), "2": ("2027-01", "2027-05"),
                   "3": ("2027-06", "2027-06"), "4": ("", "")}
    assert findings == [("4", "DATE_MISSING")]


def test_month_headers_written_as_month_and_year_numbers(tmp_path):
    head = ["ลำดับ", "กิจกรรม", "งบประมาณ (บาท)"] + \
        [f"{(9 + i) % 12 + 1}/{68 if i < 3 else 69}" for i in range(12)] + ["หน่วยงานรับผิดชอบ"]
    rows = [head,
            ["1", "อบรมทีมสอบสวนโรค", "800,000"] + marks({1, 2}, "x") + ["กองระบาดวิทยา"],
            ["2", "รณรงค์ป้องกันไข้เลือดออก", "500,000"] + marks({7, 8, 9}, "x") + ["กองโรคติดต่อ"]]
    acts, findings = run_plan(plan_tsv(tmp_path / "p.tsv", ["แผนปฏิบัติการ กรมควบคุมโรค"], rows))
    assert [(r.start, r.end, r.deadline) for r in acts] == [
        ("2025-11", "2025-12", "2025-12-31"), ("2026-05", "2026-07", "2026-07-31")]
    assert acts[0].fiscal_year == 2569
    assert findings == []


def test_a_lone_number_over_a_column_is_no_month(tmp_path):
    # `1 … 12` without a year: not read as months (the year makes `10/68` a month)
    head = ["ลำดับ", "กิจกรรม", "ระยะเวลา", "งบประมาณ (บาท)", "ผู้รับผิดชอบ"]
    rows = [head, ["1", "อบรม", "ต.ค. 68 - ธ.ค. 68", "10/68", "กองแผนงาน"]]
    acts, _ = run_plan(plan_tsv(tmp_path / "p.tsv", ["แผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. 2569"], rows))
    assert (acts[0].start, acts[0].end) == ("2025-10", "2025-12")


# ---------------------------------------------------------------- quarters under a banner, budget sources

def test_quarter_sub_header_under_a_banner_beside_budget_sources(tmp_path):
    h0 = ["ลำดับ", "โครงการ/กิจกรรม", "งบประมาณ (บาท)", "", "ระยะเวลาดำเนินการ ปีงบประมาณ พ.ศ. 2570",
          "", "", "", "หน่วยงานรับผิดชอบ"]
    h1 = [U, U, "งบดำเนินงาน", "งบลงทุน", "ไตรมาส 1", "ไตรมาส 2", "ไตรมาส 3", "ไตรมาส 4", U]
    rows = [h0, h1,
            ["1", "ลาดตระเวนเฝ้าระวังป่า", "800,000", "-", "✓", "✓", "✓", "✓", "สำนักป้องกันรักษาป่า"],
            ["2", "ติดตั้งกล้องเฝ้าระวัง", "-", "400,000", "", "✓", "✓", "", "ศูนย์สารสนเทศ"],
            ["3", "อบรมเกษตรกร", "100,000", "50,000", "✓", "", "", "", "สำนักส่งเสริมการปลูกป่า"]]
    path = plan_docx(tmp_path / "p.docx", ["แผนปฏิบัติราชการ กรมป่าไม้"], rows,
                     hmerges=[(0, 2, 0, 3), (0, 4, 0, 7)])
    acts, findings = run_plan(path)
    got = {r.item_no: (r.budget_thb, r.start, r.end, r.responsible) for r in acts}
    assert got == {"1": (800000, "2026-10", "2027-09", "สำนักป้องกันรักษาป่า"),
                   "2": (400000, "2027-01", "2027-06", "ศูนย์สารสนเทศ"),
                   "3": (150000, "2026-10", "2026-12", "สำนักส่งเสริมการปลูกป่า")}
    assert findings == []


# ---------------------------------------------------------------- numbering

def test_thai_lettered_items_under_numbered_groups(tmp_path):
    head = ["ที่", "กิจกรรม", "งบประมาณ (บาท)", "ผู้รับผิดชอบ"] + MONTHS_70
    rows = [head,
            ["กิจกรรมที่ 1", "ฝึกอบรมยกระดับฝีมือแรงงาน", "900,000", ""] + marks(set()),
            ["ก.", "หลักสูตรช่างเชื่อม", "500,000", "สถาบัน 1"] + marks({1, 2}, "x"),
            ["ข.", "หลักสูตรช่างไฟฟ้า", "300,000", "สถาบัน 1"] + marks({4}, "x"),
            ["กิจกรรมที่ 2", "ทดสอบมาตรฐานฝีมือแรงงาน", "200,000", ""] + marks(set()),
            ["ก.", "สาขาช่างไฟฟ้าภายในอาคาร", "200,000", "กองมาตรฐาน"] + marks({6}, "x")]
    acts, findings = run_plan(plan_xlsx(tmp_path / "p.xlsx", TITLE, rows))
    assert [(r.item_no, r.parent_item, r.row_kind) for r in acts] == [
        ("1", "", "group"), ("ก", "1", ""), ("ข", "1", ""), ("2", "", "group"), ("ก", "2", "")]
    assert acts[1].name == "หลักสูตรช่างเชื่อม"
    assert findings == [("1", "BUDGET_SUM_MISMATCH")]        # 900,000 over 500,000 + 300,000


def test_a_month_abbreviation_is_no_letter_item(tmp_path):
    head = ["ที่", "กิจกรรม", "ระยะเวลา", "งบประมาณ (บาท)", "ผู้รับผิดชอบ"]
    rows = [head, ["1", "ประชุมคณะทำงาน", "ต.ค. 69", "10,000", "กองแผนงาน"],
            ["", "ก.พ.ร. ประเมินผล", "ก.พ. 70", "-", "กองแผนงาน"]]
    acts, _ = run_plan(plan_tsv(tmp_path / "p.tsv", TITLE, rows))
    assert [(r.item_no, r.name) for r in acts] == [("1", "ประชุมคณะทำงาน"), ("", "ก.พ.ร. ประเมินผล")]


def test_bulleted_rows_with_months_of_their_own_are_sub_items(tmp_path):
    h0 = ["ลำดับ", "โครงการ/กิจกรรม", "งบประมาณ (พันบาท)", "ระยะเวลาดำเนินการ", "", "", "",
          "หน่วยงานรับผิดชอบ", "ผลการดำเนินงาน"]
    h1 = [U, U, U, "Q1", "Q2", "Q3", "Q4", U, U]
    rows = [h0, h1,
            ["1", "โครงการประเมินราคาทรัพย์สิน", "3,200", "", "", "", "", "สำนักประเมินราคา", ""],
            ["", "- สำรวจข้อมูลการซื้อขายที่ดิน", "", "✓", "✓", "", "", "〃", "ดำเนินการแล้วเสร็จ"],
            ["", "- จัดทำบัญชีราคาประเมินที่ดิน", "", "", "", "✓", "✓", "〃", "อยู่ระหว่างดำเนินการ"],
            ["2", "โครงการบริหารที่ราชพัสดุ", "1,450.5", "✓", "✓", "✓", "✓", "กองบริหารที่ราชพัสดุ", "ดำเนินการแล้วเสร็จ"]]
    acts, findings = run_plan(plan_tsv(tmp_path / "p.tsv", ["แผนปฏิบัติราชการ ประจำปีงบประมาณ พ.ศ. 2569"], rows))
    assert [(r.item_no, r.name, r.parent_item, r.row_kind, r.budget_thb) for r in acts] == [
        ("1", "โครงการประเมินราคาทรัพย์สิน", "", "group", 3200000),
        ("", "สำรวจข้อมูลการซื้อขายที่ดิน", "1", "", None),
        ("", "จัดทำบัญชีราคาประเมินที่ดิน", "1", "", None),
        ("2", "โครงการบริหารที่ราชพัสดุ", "", "", 1450500)]
    assert [(r.start, r.end, r.status) for r in acts[1:3]] == [
        ("2025-10", "2026-03", "done"), ("2026-04", "2026-09", "not_done")]
    assert acts[1].responsible == "สำนักประเมินราคา"
    # the group's amount has no item amounts to check against; the second bullet is overdue
    assert findings == [("", "DEADLINE_MISSED")]


def test_a_dash_line_without_anything_of_its_own_is_still_a_wrapped_line(tmp_path):
    head = ["ที่", "กิจกรรม", "ระยะเวลา", "งบประมาณ (บาท)", "ผู้รับผิดชอบ"]
    rows = [head, ["1", "อบรมผู้นำชุมชน", "ต.ค. 69", "10,000", "กองแผนงาน"],
            ["", "- ด้านการป้องกันยาเสพติด", "", "", ""]]
    acts, _ = run_plan(plan_tsv(tmp_path / "p.tsv", TITLE, rows))
    assert [r.name for r in acts] == ["อบรมผู้นำชุมชน - ด้านการป้องกันยาเสพติด"]


def test_group_total_written_after_its_items(tmp_path):
    h0 = ["ที่", "โครงการ/กิจกรรม", "งบประมาณ (บาท)", "", "ระยะเวลา", "หน่วยงานรับผิดชอบ"]
    h1 = [U, U, "งบดำเนินงาน", "งบลงทุน", U, U]
    rows = [h0, h1,
            ["โครงการที่ 1", "ยกระดับมาตรฐานสินค้าเกษตร", "", "", "", ""],
            ["1.1", "ตรวจรับรองแปลง GAP", "650,000", "-", "ต.ค. 68 - มี.ค. 69", "สำนักงานเกษตร"],
            ["1.2", "จัดหาชุดทดสอบสารพิษ", "-", "420,000", "ม.ค. 69 - ก.พ. 69", "กองนโยบายและแผน"],
            ["", "รวมโครงการที่ 1", "650,000", "420,000", "", ""],
            ["โครงการที่ 2", "ส่งเสริมเกษตรกรรุ่นใหม่", "", "", "", ""],
            ["2.1", "อบรมการตลาดออนไลน์", "380,000", "-", "เม.ย. 69 - มิ.ย. 69", "สำนักงานเกษตร"],
            ["2.2", "ศึกษาดูงานฟาร์มต้นแบบ", "270,000", "-", "ก.ค. 69 - ส.ค. 69", "〃"],
            ["", "รวมโครงการที่ 2", "700,000", "-", "", ""],
            ["", "รวมทั้งสิ้น", "1,350,000", "420,000", "", ""]]
    path = plan_docx(tmp_path / "p.docx", ["แผนปฏิบัติการประจำปีงบประมาณ พ.ศ. 2569"], rows,
                     hmerges=[(0, 2, 0, 3)])
    acts, findings = run_plan(path)
    assert [(r.item_no, r.row_kind, r.budget_thb) for r in acts] == [
        ("1", "group", 1070000), ("1.1", "", 650000), ("1.2", "", 420000),
        ("2", "group", 700000), ("2.1", "", 380000), ("2.2", "", 270000)]
    assert findings == [("2", "BUDGET_SUM_MISMATCH")]


# ---------------------------------------------------------------- responsible unit

def test_phone_on_its_own_line_under_the_unit(tmp_path):
    head = ["ที่", "กิจกรรม", "ระยะเวลา", "งบประมาณ (บาท)", "ผู้รับผิดชอบ"]
    rows = [head, ["1", "ประชุมประชาคม", "ม.ค. 69", "-", "สำนักปลัดเทศบาล\nโทร. 056-219-501"],
            ["2", "ตรวจคัดกรองผู้สูงอายุ", "ก.พ. 69", "-", "กองสาธารณสุข\nและสิ่งแวดล้อม"]]
    acts, _ = run_plan(plan_docx(tmp_path / "p.docx", ["แผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. 2569"], rows))
    assert [r.responsible for r in acts] == ["สำนักปลัดเทศบาล โทร. 056-219-501",
                                             "กองสาธารณสุขและสิ่งแวดล้อม"]
