"""KPI reports (and a quarterly ladder workbook) in layouts the samples do not show, each written to a real
file in tmp_path and read back through the readers: matrix rows headed `คะแนน N` (the word before
the number), an English matrix and steps table (`Score | Milestone 1 …`, `Milestone | Description
| Due date | Status`, `Done` / `In progress`), steps written `(๑) … ภายใน …` under the matrix with
results `(๑) | …`, quarterly results under one banner (the latest quarter reported is the
result), and a transposed matrix whose step rows describe the steps (`1. … | ● | ● … | date`)."""
from __future__ import annotations

import csv
from datetime import date

from extract_helpers import ctx, write_docx

from extractors import extract, kpi_report
from pipeline.readers import read_document
from pipeline.validate import validate

AS_OF = date(2026, 11, 22)
STAIRS = [[i <= lv for i in range(1, 6)] for lv in range(1, 6)]


def split(ex):
    return ([r for r in ex.records if r.record_type == "kpi"],
            [r for r in ex.records if r.record_type == "milestone"])


def codes(findings):
    return sorted((f.code, f.item_no) for f in findings)


def write_text(path, blocks, delimiter=","):
    """A CSV/TSV export: a paragraph is a one-cell row, a table its rows, a blank row between."""
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, delimiter=delimiter)
        for b in blocks:
            if isinstance(b, str):
                w.writerow([b])
            else:
                w.writerows(b)
            w.writerow([])
    return path


def run(path, fy):
    ex = extract(read_document(path), ctx(name=f"agency/{path.name}", fiscal_year=fy))
    return ex, validate(ex, AS_OF)


# ---------------------------------------------------------------- `คะแนน N` level cells

STEPS_3 = ["ปรับปรุงข้อมูลแผนที่ภาษีและทะเบียนทรัพย์สิน", "แจ้งประเมินภาษีแก่ผู้เสียภาษีทุกราย",
           "ออกหน่วยรับชำระภาษีเคลื่อนที่ทุกหมู่บ้าน", "ติดตามเร่งรัดผู้ค้างชำระภาษี",
           "จัดเก็บภาษีได้ไม่น้อยกว่าร้อยละ 95 ของประมาณการรายรับ"]


def test_level_cells_written_score_word_first(tmp_path):
    """`คะแนน 1 | / | …`: the word before the number still names the level (it gave no levels,
    no score and a false MILESTONE_MISSING)."""
    matrix = [["เกณฑ์การให้คะแนน"] + [f"ขั้นที่ {i}" for i in range(1, 6)]] + [
        [f"คะแนน {lv}"] + ["/" if t else "" for t in STAIRS[lv - 1]] for lv in range(1, 6)]
    steps = [["ขั้นที่", "กิจกรรม", "กำหนดแล้วเสร็จ", "ผล"]] + [
        [str(i), s, f"ไตรมาส {min(i, 4)}", "✓" if i <= 3 else "✗"] for i, s in enumerate(STEPS_3, 1)]
    p = write_text(tmp_path / "tax_kpi_report_2569.csv", [
        "รายงานผลการดำเนินงานตามตัวชี้วัด ปีงบประมาณ พ.ศ. 2569",
        "ตัวชี้วัดที่ 3 ระดับความสำเร็จของการจัดเก็บภาษีที่ดินและสิ่งปลูกสร้าง", "น้ำหนัก 20", matrix, steps])
    ex, findings = run(p, 2569)
    kpis, ms = split(ex)
    assert [(k.item_no, k.weight) for k in kpis] == [("3", 20)]
    assert kpis[0].required_steps == [list(range(1, lv + 1)) for lv in range(1, 6)]
    assert [(m.item_no, m.level, m.status) for m in ms] == [
        (str(i), i, "done" if i <= 3 else "not_done") for i in range(1, 6)]
    assert kpis[0].score == 3
    assert "MILESTONE_MISSING" not in {f.code for f in findings}


def test_level_cell_reading():
    for text, lvl in (("คะแนน 2", "2"), ("คะแนนที่ ๓", "๓"), ("Score 4", "4"), ("Level 1", "1"),
                      ("ระดับ 5", "5"), ("3 คะแนน", "3")):
        assert kpi_report._LEVEL_CELL.match(text).group(1) == lvl
    for text in ("คะแนนเฉลี่ย 3", "คะแนน 3.5", "ระดับ 12"):
        assert kpi_report._LEVEL_CELL.match(text) is None


# ---------------------------------------------------------------- English matrix and steps table

EN_STEPS = [("แต่งตั้งคณะกรรมการพัฒนาระบบธนาคารหน่วยกิต", "31 ธ.ค. 68", "Done", "12 ธ.ค. 68"),
            ("จัดทำประกาศมหาวิทยาลัยว่าด้วยการเทียบโอนและสะสมหน่วยกิต", "31 มี.ค. 69", "Done", "25 มี.ค. 69"),
            ("พัฒนาระบบลงทะเบียนสะสมหน่วยกิตออนไลน์", "30 มิ.ย. 69", "Done", "18 ก.ค. 69"),
            ("เปิดรับผู้เรียนกลุ่มนำร่องไม่น้อยกว่า 100 คน", "31 ส.ค. 69", "Done", "29 ส.ค. 69"),
            ("ประเมินผลและรายงานต่อสภามหาวิทยาลัย", "30 ก.ย. 69", "In progress", "")]


def test_english_milestone_matrix_and_steps_table(tmp_path):
    """`Score | Milestone 1 … Milestone 5` heads the matrix; `Milestone | Description | Due date
    | Status | Completed on` describes the steps (the document was NO_FORM_FOUND)."""
    matrix = [["Score"] + [f"Milestone {i}" for i in range(1, 6)]] + [
        [str(lv)] + ["✓" if t else "" for t in STAIRS[lv - 1]] for lv in range(1, 6)]
    steps = [["Milestone", "Description", "Due date", "Status", "Completed on"]] + [
        [str(i), *row] for i, row in enumerate(EN_STEPS, 1)]
    p = write_docx(tmp_path / "credit_bank_2569.docx", [
        "รายงานผลการดำเนินงานตามตัวชี้วัด รอบ 12 เดือน ปีงบประมาณ พ.ศ. 2569",
        "ตัวชี้วัดที่ 2.4 ระดับความสำเร็จของการพัฒนาระบบธนาคารหน่วยกิต (Credit Bank)",
        "น้ำหนัก : ร้อยละ 10", matrix, "Milestone progress", steps])
    ex, findings = run(p, 2569)
    kpis, ms = split(ex)
    assert ex.forms == ["kpi_report"]
    assert [(k.item_no, k.weight) for k in kpis] == [("2.4", 10)]
    assert [(m.item_no, m.level, m.name) for m in ms] == [(str(i), i, s[0]) for i, s in enumerate(EN_STEPS, 1)]
    assert [m.deadline for m in ms] == ["2025-12-31", "2026-03-31", "2026-06-30", "2026-08-31", "2026-09-30"]
    assert [m.status for m in ms] == ["done"] * 4 + ["not_done"]
    assert [m.completed for m in ms] == ["2025-12-12", "2026-03-25", "2026-07-18", "2026-08-29", ""]
    assert codes(findings) == [("DEADLINE_MISSED", "3"), ("DEADLINE_MISSED", "5")]


# ---------------------------------------------------------------- `(๑) …` step paragraphs

PAREN = [("แต่งตั้งคณะกรรมการพัฒนาโรงเรียนสาธิต", "๓๑ ธ.ค. ๒๕๖๘", "2025-12-31"),
         ("จัดทำแผนพัฒนาโรงเรียนสาธิตสู่โรงเรียนต้นแบบ", "๓๑ มี.ค. ๒๕๖๙", "2026-03-31"),
         ("พัฒนาครูด้านการจัดการเรียนรู้เชิงรุก", "๓๐ มิ.ย. ๒๕๖๙", "2026-06-30"),
         ("เผยแพร่นวัตกรรมการเรียนรู้สู่โรงเรียนเครือข่าย", "๓๑ ส.ค. ๒๕๖๙", "2026-08-31"),
         ("ประเมินผลการเป็นโรงเรียนต้นแบบโดยผู้ทรงคุณวุฒิภายนอก", "๓๐ ก.ย. ๒๕๖๙", "2026-09-30")]
THAI = "๑๒๓๔๕"


def test_parenthesised_step_paragraphs_under_the_matrix(tmp_path):
    """`(๑) … ภายใน ๓๑ ธ.ค. ๒๕๖๘` paragraphs after the matrix are its steps, and a results table
    numbered `(๑)` reports them (they were dropped: no milestones, a false MILESTONE_MISSING)."""
    matrix = [["ระดับ"] + [f"ขั้นตอนที่ {d}" for d in THAI]] + [
        [f"ระดับ {THAI[lv - 1]}"] + ["✔" if t else "" for t in STAIRS[lv - 1]] for lv in range(1, 6)]
    results = [["ขั้นตอน", "ผลการดำเนินงาน"]] + [
        [f"({THAI[i]})", r] for i, r in enumerate(["ดำเนินการแล้วเสร็จ วันที่ ๑๕ ธ.ค. ๒๕๖๘",
                                                   "ดำเนินการแล้วเสร็จ วันที่ ๒๐ มี.ค. ๒๕๖๙",
                                                   "ดำเนินการแล้วเสร็จ วันที่ ๓๐ มิ.ย. ๒๕๖๙",
                                                   "ยังไม่ดำเนินการ", "ยังไม่ดำเนินการ"])]
    p = write_docx(tmp_path / "demo_school_2569.docx", [
        "รายงานผลการปฏิบัติราชการตามคำรับรอง รอบ ๑๒ เดือน ปีงบประมาณ พ.ศ. ๒๕๖๙",
        "ตัวชี้วัดที่ ๒ ระดับความสำเร็จของการพัฒนาโรงเรียนสาธิตเป็นโรงเรียนต้นแบบ", "น้ำหนัก : ๕",
        "เกณฑ์การให้คะแนน", matrix, "ขั้นตอนการดำเนินงาน"] +
        [f"({THAI[i]}) {s} ภายใน {d}" for i, (s, d, _) in enumerate(PAREN)] + ["ผลการดำเนินงาน", results])
    ex, findings = run(p, 2569)
    kpis, ms = split(ex)
    assert [m.item_no for m in ms] == ["1", "2", "3", "4", "5"]
    assert [m.name.startswith(s) for m, (s, _, _) in zip(ms, PAREN)] == [True] * 5
    assert [(m.level, m.deadline) for m in ms] == [(i, d) for i, (_, _, d) in enumerate(PAREN, 1)]
    assert [m.status for m in ms] == ["done"] * 3 + ["not_done"] * 2
    assert [m.completed for m in ms][:3] == ["2025-12-15", "2026-03-20", "2026-06-30"]
    assert kpis[0].score == 3
    assert codes(findings) == [("DEADLINE_MISSED", "4"), ("DEADLINE_MISSED", "5")]


# ---------------------------------------------------------------- quarterly results (ladder)

QROWS = [["1", "ร้อยละของผู้ป่วยเบาหวานที่ควบคุมระดับน้ำตาลในเลือดได้ดี", "ร้อยละ", "30",
          "40", "45", "50", "55", "60", "38.5", "42", "47.25", "51.5"],
         ["2", "ร้อยละความพึงพอใจของผู้รับบริการผู้ป่วยใน", "ร้อยละ", "70",
          "80", "82", "84", "86", "88", "83", "85.5", "-", ""]]


def quarterly_xlsx(path, sub=("ไตรมาส 1", "ไตรมาส 2", "ไตรมาส 3", "ไตรมาส 4")):
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["รายงานผลการดำเนินงานตามตัวชี้วัดคำรับรองการปฏิบัติราชการ ปีงบประมาณ พ.ศ. 2569"])
    ws.append(["ลำดับ", "ตัวชี้วัด", "หน่วยนับ", "น้ำหนัก", "เกณฑ์การให้คะแนน", None, None, None, None,
               "ผลการดำเนินงานรายไตรมาส", None, None, None])
    ws.append([None] * 4 + ["1", "2", "3", "4", "5", *sub])
    for row in QROWS:
        ws.append([float(x) if x.replace(".", "").isdigit() and i > 2 else x for i, x in enumerate(row)])
    for a in ("A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:I2", "J2:M2"):
        ws.merge_cells(a)
    wb.save(path)
    return path


def test_quarterly_results_take_the_latest_quarter_reported(tmp_path):
    """`ผลการดำเนินงานรายไตรมาส` over `ไตรมาส 1 … 4`: the result is the last quarter filled (a
    dash or a blank is no report), not the first."""
    ex, _ = run(quarterly_xlsx(tmp_path / "hospital_kpi_2569.xlsx"), 2569)
    kpis = [r for r in ex.records if r.record_type == "kpi"]
    assert [(k.item_no, k.actual, k.actual_raw) for k in kpis] == [("1", 51.5, "51.5"), ("2", 85.5, "85.5")]
    assert [k.score for k in kpis] == [3.3, 3.75]


def test_quarterly_results_without_merges(tmp_path):
    """The same as a CSV export: the banner reaches over the empty cells after it."""
    p = write_text(tmp_path / "hospital_kpi_2569.csv", [
        "รายงานผลการดำเนินงานตามตัวชี้วัดคำรับรองการปฏิบัติราชการ ปีงบประมาณ พ.ศ. 2569",
        [["ลำดับ", "ตัวชี้วัด", "หน่วยนับ", "น้ำหนัก", "เกณฑ์การให้คะแนน", "", "", "", "",
          "ผลการดำเนินงาน", "", "", ""],
         ["", "", "", "", "1", "2", "3", "4", "5", "Q1", "Q2", "Q3", "Q4"]] + QROWS])
    ex, _ = run(p, 2569)
    kpis = [r for r in ex.records if r.record_type == "kpi"]
    assert [(k.item_no, k.actual) for k in kpis] == [("1", 51.5), ("2", 85.5)]


def test_result_columns_not_headed_by_periods_keep_the_first(tmp_path):
    """A banner over `ผลงาน | คะแนน` is no series of periods: the result is its first column."""
    ex, _ = run(quarterly_xlsx(tmp_path / "hospital_kpi_2569.xlsx", sub=("ผลงาน", "คะแนน", "หมายเหตุ", "")),
                2569)
    kpis = [r for r in ex.records if r.record_type == "kpi"]
    assert [(k.item_no, k.actual) for k in kpis] == [("1", 38.5), ("2", 83)]


# ---------------------------------------------------------------- transposed matrix, described steps

TCL = [("ศึกษาความต้องการของผู้ใช้บริการ", "31 ธ.ค. 2570", "2027-12-31"),
       ("ออกแบบและพัฒนาระบบจองตั๋วโดยสาร", "31 มี.ค. 2571", "2028-03-31"),
       ("ทดสอบระบบกับสถานีขนส่งผู้โดยสารนำร่อง", "30 มิ.ย. 2571", "2028-06-30"),
       ("เปิดใช้งานระบบทุกสถานีขนส่งผู้โดยสาร", "31 ส.ค. 2571", "2028-08-31"),
       ("ผู้ใช้ระบบมีความพึงพอใจไม่น้อยกว่าร้อยละ 80", "30 ก.ย. 2571", "2028-09-30")]


def transposed(banner="ระดับคะแนน"):
    return [["ขั้นตอนการดำเนินงาน", banner, "", "", "", "", "กำหนดแล้วเสร็จ"],
            ["", "1", "2", "3", "4", "5", ""]] + [
        [f"{i}. {s}"] + ["●" if lv >= i else "" for lv in range(1, 6)] + [d] for i, (s, d, _) in enumerate(TCL, 1)]


def test_transposed_matrix_whose_rows_describe_the_steps(tmp_path):
    """Steps as rows `1. … | ● | ● … | 31 ธ.ค. 2570` under `ระดับคะแนน` over `1 … 5`: the matrix
    and the steps at once (the document was NO_FORM_FOUND)."""
    p = write_text(tmp_path / "booking_kpi_2571.tsv", [
        "รายละเอียดตัวชี้วัดตามบันทึกข้อตกลงประเมินผลการดำเนินงาน ปีงบประมาณ พ.ศ. 2571",
        "ตัวชี้วัดที่ 1.2 ระดับความสำเร็จของการพัฒนาระบบจองตั๋วโดยสารออนไลน์", "น้ำหนัก : ร้อยละ 15",
        "เกณฑ์การให้คะแนน", transposed()], delimiter="\t")
    ex, findings = run(p, 2571)
    kpis, ms = split(ex)
    assert ex.forms == ["kpi_report"]
    assert [(k.item_no, k.weight) for k in kpis] == [("1.2", 15)]
    assert kpis[0].required_steps == [list(range(1, lv + 1)) for lv in range(1, 6)]
    assert [(m.item_no, m.name, m.level, m.deadline) for m in ms] == [
        (str(i), s, i, d) for i, (s, _, d) in enumerate(TCL, 1)]
    assert (ms[4].target, ms[4].unit) == (80, "%")
    assert "MILESTONE_MISSING" not in {f.code for f in findings}


def test_numbered_rows_under_bare_numbers_are_no_matrix(tmp_path):
    """Bare `1 … 5` columns not headed as levels (`สัปดาห์ที่` over weeks) and numbered rows
    with marks are a schedule, not a transposed matrix."""
    p = write_text(tmp_path / "weeks.tsv", [transposed(banner="สัปดาห์ที่")], delimiter="\t")
    t = read_document(p).tables()[0]
    assert kpi_report._transposed_matrix(t, t.rows()) is None
