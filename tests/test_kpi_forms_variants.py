"""KPI reports and แบบฟอร์ม 7.2 tables as other departments write them, each built as
a real file in tmp_path, read by the readers and extracted: matrices headed `Step 1 … Step 5`,
bilingual step-table heads (`ขั้นตอนที่ (Step)`), a `สถานะ` column of ●/○ or ☑/☐, results written
as a `ผลการดำเนินงาน :` paragraph under each step paragraph (`(กำหนดแล้วเสร็จ ธันวาคม 2568)`),
one table listing a step per level with its deadline and result, levels scored as `ดำเนินการได้
N ขั้นตอน` text cells, steps planned by ticks under quarter columns; ladders written
`1=60 2=65 …` in one cell, and a past year's results column (`ผลการดำเนินงานปี ๒๕๖๙`)."""
from __future__ import annotations

import csv
from datetime import date

import pytest

from extract_helpers import ctx, write_docx

from extractors import extract
from pipeline.readers import read_document
from pipeline.validate import validate

AS_OF = date(2026, 11, 22)
STAIRS = [["✓" if s <= lv else "" for s in range(1, 6)] for lv in range(1, 6)]


def write_text(path, blocks, delim):
    """A sheet saved as CSV/TSV: paragraphs in column A, tables row by row."""
    width = max(len(r) for b in blocks if not isinstance(b, str) for r in b)
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, delimiter=delim)
        for b in blocks:
            for row in ([[b]] if isinstance(b, str) else b):
                w.writerow(row + [""] * (width - len(row)))
    return path


def write_xlsx(path, blocks):
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.active
    r = 1
    for b in blocks:
        for row in ([[b]] if isinstance(b, str) else b):
            for c, x in enumerate(row, 1):
                if x != "":
                    ws.cell(r, c, x)
            r += 1
        r += 0 if isinstance(b, str) else 1
    wb.save(path)
    return path


def run(path, fy=None):
    ex = extract(read_document(path), ctx(name=f"dept/{path.name}", fiscal_year=fy))
    return ex, validate(ex, AS_OF)


def split(ex):
    return ([r for r in ex.records if r.record_type == "kpi"],
            [r for r in ex.records if r.record_type == "milestone"])


def codes(findings):
    return sorted((f.code, f.item_no) for f in findings)


def head(fy, kpi="ตัวชี้วัดที่ 5 ระดับความสำเร็จของการพัฒนาระบบฐานข้อมูลตำบล"):
    return [f"รายงานผลการดำเนินงานตามตัวชี้วัด ประจำปีงบประมาณ พ.ศ. {fy}", "สำนักงานปลัดกระทรวงมหาดไทย",
            "มิติที่ 3 ด้านประสิทธิภาพ", kpi, "น้ำหนัก : ร้อยละ 5"]


# ---------------------------------------------------------------- KPI reports

def test_english_step_heads_and_status_marks(tmp_path):
    """`Level | Step 1 … Step 5` matrix, a `สถานะ` column of ● (done) / ○ (not done), and only
    four steps described although the matrix ticks a fifth."""
    steps = [["ขั้นตอน", "การดำเนินงาน", "กำหนดเสร็จ", "สถานะ"],
             ["1", "แต่งตั้งคณะกรรมการพัฒนาระบบฐานข้อมูลตำบล", "ต.ค.๖๙", "●"],
             ["2", "ประชุมชี้แจงแนวทางการจัดเก็บข้อมูลแก่อำเภอ", "พ.ย.๖๙", "○"],
             ["3", "จัดเก็บข้อมูลตำบลครบทุกอำเภอ", "ม.ค.๗๐", "○"],
             ["4", "ตรวจสอบความถูกต้องและเผยแพร่ข้อมูล", "เม.ย.๗๐", "○"]]
    mx = [["Level / ระดับ", "Step 1", "Step 2", "Step 3", "Step 4", "Step 5"]] + \
         [[str(lv)] + STAIRS[lv - 1] for lv in range(1, 6)]
    ex, findings = run(write_text(tmp_path / "opsmoi.tsv", [*head(2570), mx, steps], "\t"))
    kpis, ms = split(ex)
    assert ex.forms == ["kpi_report"]
    assert [(m.item_no, m.level, m.status, m.deadline) for m in ms] == [
        ("1", 1, "done", "2026-10-31"), ("2", 2, "not_done", "2026-11-30"),
        ("3", 3, "not_done", "2027-01-31"), ("4", 4, "not_done", "2027-04-30")]
    assert kpis[0].score == 1
    assert codes(findings) == [("MILESTONE_MISSING", "5")]


def test_bilingual_step_table_heads(tmp_path):
    """`ขั้นตอนที่ (Step) | รายละเอียดการดำเนินงาน (Activity) | กำหนดแล้วเสร็จ (Deadline) |
    ผลการดำเนินงาน (Result)`; step 3 done after its month."""
    mx = [["ระดับคะแนน", "ขั้นตอนที่", "", "", "", ""], ["", "1", "2", "3", "4", "5"]] + \
         [[str(lv)] + STAIRS[lv - 1] for lv in range(1, 6)]
    names = ["แต่งตั้งคณะทำงานขับเคลื่อนการตลาดออนไลน์", "คัดเลือกผู้ประกอบการกลุ่มเป้าหมาย",
             "อบรมเชิงปฏิบัติการการขายผ่านแพลตฟอร์มออนไลน์", "จัดกิจกรรมส่งเสริมการขายออนไลน์",
             "สรุปผลยอดจำหน่ายและรายงานกรม"]
    months = ["ธ.ค. 68", "ก.พ. 69", "เม.ย. 69", "มิ.ย. 69", "ส.ค. 69"]
    done = ["10 ธ.ค. 68", "20 ก.พ. 69", "15 พ.ค. 69", "30 มิ.ย. 69", "25 ส.ค. 69"]
    st = [["ขั้นตอนที่\n(Step)", "รายละเอียดการดำเนินงาน\n(Activity)", "กำหนดแล้วเสร็จ\n(Deadline)",
           "ผลการดำเนินงาน\n(Result)"]] + \
         [[str(i), n, m, f"ดำเนินการแล้ว เมื่อ {d}"] for i, (n, m, d) in enumerate(zip(names, months, done), 1)]
    path = write_docx(tmp_path / "cdd.docx", [*head(2569, "ตัวชี้วัดที่ 1.3 ระดับความสำเร็จของการส่งเสริม OTOP"), mx, st])
    ex, findings = run(path)
    kpis, ms = split(ex)
    assert [m.name for m in ms] == names
    assert [m.deadline for m in ms] == ["2025-12-31", "2026-02-28", "2026-04-30", "2026-06-30", "2026-08-31"]
    assert [m.completed for m in ms][2] == "2026-05-15"
    assert kpis[0].score == 5
    assert codes(findings) == [("DEADLINE_MISSED", "3")]


def test_result_paragraph_under_each_step_paragraph(tmp_path):
    """`ขั้นตอนที่ N … (กำหนดแล้วเสร็จ ธันวาคม 2568)` then `ผลการดำเนินงาน : ดำเนินการแล้วเสร็จ
    เมื่อวันที่ …`, under a `Score level | Step 1 …` matrix; the last result is not reported."""
    mx = [["Score level", "Step 1", "Step 2", "Step 3", "Step 4", "Step 5"]] + \
         [[str(lv)] + STAIRS[lv - 1] for lv in range(1, 6)]
    due = ["ธันวาคม 2568", "กุมภาพันธ์ 2569", "เมษายน 2569", "กรกฎาคม 2569", "กันยายน 2569"]
    done = ["5 ธันวาคม 2568", "27 กุมภาพันธ์ 2569", "1 เมษายน 2569", "3 สิงหาคม 2569"]
    blocks = [*head(2569, "ตัวชี้วัดที่ 6 ระดับความสำเร็จของการพัฒนาบริการการแพทย์ทางไกล"), mx,
              "ผลการดำเนินงาน (Performance)"]
    for i, d in enumerate(due, 1):
        blocks.append(f"ขั้นตอนที่ {i} ดำเนินกิจกรรมพัฒนาบริการลำดับที่ {i} (กำหนดแล้วเสร็จ {d})")
        if i <= len(done):
            blocks.append(f"ผลการดำเนินงาน : ดำเนินการแล้วเสร็จ เมื่อวันที่ {done[i - 1]}")
    ex, findings = run(write_docx(tmp_path / "dms.docx", blocks))
    kpis, ms = split(ex)
    assert [m.deadline for m in ms] == ["2025-12-31", "2026-02-28", "2026-04-30", "2026-07-31", "2026-09-30"]
    assert [m.completed for m in ms] == ["2025-12-05", "2026-02-27", "2026-04-01", "2026-08-03", ""]
    assert [m.status for m in ms] == ["done"] * 4 + ["unknown"]
    assert kpis[0].score == 4
    # step 4 done late; step 5 unreported, due after the last day the report shows: no finding
    assert codes(findings) == [("DEADLINE_MISSED", "4")]


def test_one_step_per_level_table_with_deadlines_and_results(tmp_path):
    """`ระดับคะแนน | เกณฑ์การให้คะแนน (ขั้นตอนการดำเนินงาน) | กำหนดแล้วเสร็จ | ผลการดำเนินงาน |
    วันที่แล้วเสร็จ`, results ✔ / ✘, no tick matrix at all."""
    rows = [["ระดับคะแนน", "เกณฑ์การให้คะแนน (ขั้นตอนการดำเนินงาน)", "กำหนดแล้วเสร็จ", "ผลการดำเนินงาน", "วันที่แล้วเสร็จ"],
            ["1", "สำรวจและคัดเลือกแหล่งท่องเที่ยวชุมชนเป้าหมาย", "30 พ.ย. 2568", "✔", "25/11/2568"],
            ["2", "ประเมินแหล่งท่องเที่ยวชุมชนตามเกณฑ์มาตรฐาน", "31 ม.ค. 2569", "✔", "30/01/2569"],
            ["3", "จัดทำแผนพัฒนาแหล่งท่องเที่ยวชุมชนรายแห่ง", "31 มี.ค. 2569", "✔", "31/03/2569"],
            ["4", "พัฒนาศักยภาพบุคลากรแหล่งท่องเที่ยวชุมชน", "30 มิ.ย. 2569", "✘", ""],
            ["5", "แหล่งท่องเที่ยวชุมชนผ่านการรับรองมาตรฐาน", "31 ส.ค. 2569", "✘", ""]]
    ex, findings = run(write_text(tmp_path / "dot.csv", [*head(2569, "ตัวชี้วัดที่ 4 ระดับความสำเร็จของการยกระดับแหล่งท่องเที่ยวชุมชน"), rows], ","))
    kpis, ms = split(ex)
    assert ex.forms == ["kpi_report"]
    assert [(m.item_no, m.level, m.status) for m in ms] == [
        ("1", 1, "done"), ("2", 2, "done"), ("3", 3, "done"), ("4", 4, "not_done"), ("5", 5, "not_done")]
    assert [m.completed for m in ms][:3] == ["2025-11-25", "2026-01-30", "2026-03-31"]
    assert kpis[0].score == 3
    assert codes(findings) == [("DEADLINE_MISSED", "4"), ("DEADLINE_MISSED", "5")]


def test_levels_written_as_step_counts_and_box_status(tmp_path):
    """`ระดับ 1 … ระดับ 5` over `ดำเนินการได้ N ขั้นตอน`, then the steps with ☑ / ☐; a fourth
    level counting 3 steps lacks step 4."""
    sc = [["ระดับ 1", "ระดับ 2", "ระดับ 3", "ระดับ 4", "ระดับ 5"],
          ["ดำเนินการได้ 1 ขั้นตอน", "ดำเนินการได้ 2 ขั้นตอน", "ดำเนินการได้ 3 ขั้นตอน",
           "ดำเนินการได้ 3 ขั้นตอน", "ดำเนินการได้ 5 ขั้นตอน"]]
    st = [["ขั้นตอนที่", "รายละเอียด", "กำหนดแล้วเสร็จ", "สถานะ (Status)", "วันที่แล้วเสร็จ"],
          ["1", "แต่งตั้งคณะทำงานจัดทำแผนที่ดินเค็ม", "15 พ.ย. 69", "☑", "20 พ.ย. 69"],
          ["2", "สำรวจและเก็บตัวอย่างดินในพื้นที่เป้าหมาย", "31 ม.ค. 70", "☐", ""],
          ["3", "วิเคราะห์ตัวอย่างดินในห้องปฏิบัติการ", "31 มี.ค. 70", "☐", ""],
          ["4", "จัดทำแผนที่ดินเค็มมาตราส่วน 1:25,000", "30 มิ.ย. 70", "☐", ""],
          ["5", "เผยแพร่แผนที่ผ่านระบบสารสนเทศทรัพยากรดิน", "31 ส.ค. 70", "☐", ""]]
    ex, findings = run(write_xlsx(tmp_path / "ldd.xlsx", [*head(2570, "ตัวชี้วัดที่ 2.4 ระดับความสำเร็จของการจัดทำแผนที่ดินเค็ม"), sc, st]))
    kpis, ms = split(ex)
    assert ex.forms == ["kpi_report"]
    assert [m.status for m in ms] == ["done"] + ["not_done"] * 4
    assert [m.level for m in ms] == [1, 2, 3, 5, 5]
    assert ms[0].completed == "2026-11-20"
    assert sorted(codes(findings)) == [("DEADLINE_MISSED", "1"), ("MILESTONE_MISSING", "2.4")]


def test_steps_planned_by_ticks_under_quarter_columns(tmp_path):
    mx = [["ระดับ", "ขั้นตอนที่ 1", "ขั้นตอนที่ 2", "ขั้นตอนที่ 3", "ขั้นตอนที่ 4", "ขั้นตอนที่ 5"]] + \
         [[str(lv)] + STAIRS[lv - 1] for lv in range(1, 6)]
    st = [["ขั้นตอน", "รายละเอียดการดำเนินงาน", "ไตรมาส 1\n(ต.ค.-ธ.ค. 69)", "ไตรมาส 2\n(ม.ค.-มี.ค. 70)",
           "ไตรมาส 3\n(เม.ย.-มิ.ย. 70)", "ไตรมาส 4\n(ก.ค.-ก.ย. 70)", "ผลการดำเนินงาน"],
          ["1", "จัดทำแนวทางการเฝ้าระวังโรค", "✓", "", "", "", "✓ แล้วเสร็จ (15 พ.ย. 69)"],
          ["2", "พัฒนาระบบรายงานเหตุการณ์ผิดปกติ", "✓", "✓", "", "", "อยู่ระหว่างดำเนินการ"],
          ["3", "อบรมทีมปฏิบัติการสอบสวนควบคุมโรค", "", "✓", "", "", ""],
          ["4", "ซ้อมแผนตอบโต้ภาวะฉุกเฉิน", "", "", "✓", "", ""],
          ["5", "ประเมินผลระบบเฝ้าระวัง", "", "", "", "✓", ""]]
    ex, findings = run(write_xlsx(tmp_path / "ddc.xlsx", [*head(2570, "ตัวชี้วัดที่ 2 ระดับความสำเร็จของการพัฒนาระบบเฝ้าระวังโรค"), mx, st]))
    kpis, ms = split(ex)
    assert [m.deadline for m in ms] == ["2026-12-31", "2027-03-31", "2027-03-31", "2027-06-30", "2027-09-30"]
    # the raw deadline is the heading of the last quarter ticked
    assert ms[1].deadline_raw.startswith("ไตรมาส 2") and "ม.ค.-มี.ค. 70" in ms[1].deadline_raw
    assert [m.status for m in ms][:2] == ["done", "not_done"]
    assert kpis[0].score == 1 and codes(findings) == []


# ---------------------------------------------------------------- form 7.2

FORM72_HEAD = ["แบบฟอร์มที่ 7.2 ตัวชี้วัดความสำเร็จตามแผนพัฒนาองค์การ", "กรมพัฒนาฝีมือแรงงาน ประจำปีงบประมาณ พ.ศ. 2569"]


def test_form72_ladder_written_tight_in_one_cell(tmp_path):
    rows = [["ที่", "ตัวชี้วัด", "มิติ", "หน่วยนับ", "ค่าเป้าหมาย", "น้ำหนัก", "เกณฑ์การให้คะแนน"],
            ["1", "ร้อยละของผู้ผ่านการทดสอบมาตรฐานฝีมือแรงงานแห่งชาติ", "7.1", "ร้อยละ", "80", "25", "1=60 2=65 3=70 4=75 5=80"],
            ["2", "ร้อยละของสถานประกอบกิจการที่ร้องเรียนการให้บริการ", "7.2", "ร้อยละ", "1", "20", "1=5 2=4 3=3 4=2 5=1"],
            ["3", "ร้อยละของผู้สำเร็จการฝึกที่มีงานทำ", "7.3", "ร้อยละ", "90", "20", "1=70 2=75 3=80 3=85 5=90"]]
    ex, findings = run(write_xlsx(tmp_path / "dsd.xlsx", [*FORM72_HEAD, rows]))
    r1, r2, r3 = ex.records
    assert r1.ladder == [60, 65, 70, 75, 80]
    assert (r2.ladder, r2.direction) == ([5, 4, 3, 2, 1], "lower")
    assert r3.ladder == [70, 75, 80, None, 90]
    assert codes(findings) == [("LADDER_DUPLICATE", "3"), ("LADDER_INCOMPLETE", "3")]


@pytest.mark.parametrize("year, baseline, actual", [(2569, 88, None), (2570, None, 88)])
def test_form72_results_column_of_a_past_year_is_the_baseline(tmp_path, year, baseline, actual):
    rows = [["มิติ", "ตัวชี้วัด", "หน่วยนับ", f"ผลการดำเนินงานปี {year}", "ค่าเป้าหมาย", "ค่าน้ำหนัก", "เกณฑ์การให้คะแนน", "", "", "", ""],
            ["", "", "", "", "", "", "1", "2", "3", "4", "5"],
            ["7.2", "1. ร้อยละของผู้เสียภาษีที่ยื่นแบบผ่านระบบอิเล็กทรอนิกส์", "ร้อยละ", "88", "92", "15", "80", "83", "86", "89", "92"]]
    ex, _ = run(write_text(tmp_path / "rd.csv", ["แบบฟอร์มที่ 7.2", "กรมสรรพากร ประจำปีงบประมาณ พ.ศ. 2570", rows], ","))
    [r] = ex.records
    assert (r.baseline, r.actual, r.target) == (baseline, actual, 92)


# ---------------------------------------------------------------- ticks, totals, directions

def test_ballot_box_ticks_in_the_matrix(tmp_path):
    mx = [["ระดับคะแนน", "ขั้นตอนที่", "", "", "", ""], ["", "1", "2", "3", "4", "5"]] + \
         [[str(lv)] + ["☑" if s <= lv else "" for s in range(1, 6)] for lv in range(1, 6)]
    st = [["ขั้นตอนที่", "รายละเอียด", "กำหนดแล้วเสร็จ", "ผลการดำเนินงาน"]] + \
         [[str(i), f"ดำเนินกิจกรรมส่งเสริมลำดับที่ {i}", "ธ.ค. 68", "ดำเนินการแล้ว เมื่อ 10 ธ.ค. 68"] for i in range(1, 6)]
    ex, findings = run(write_docx(tmp_path / "cdd.docx", [*head(2569), mx, st]))
    kpis, ms = split(ex)
    assert [m.level for m in ms] == [1, 2, 3, 4, 5]
    assert kpis[0].score == 5 and codes(findings) == []


@pytest.mark.parametrize("total, expected", [("100", [("WEIGHT_SUM_MISMATCH", "")]), ("95", [])])
def test_form72_total_row_of_the_weights(tmp_path, total, expected):
    rows = [["ที่", "ตัวชี้วัด", "หน่วยนับ", "ค่าเป้าหมาย", "น้ำหนัก", "เกณฑ์การให้คะแนน"],
            ["1", "ร้อยละของผู้ผ่านการทดสอบมาตรฐานฝีมือแรงงาน", "ร้อยละ", "80", "30", "1=60 2=65 3=70 4=75 5=80"],
            ["2", "ร้อยละของผู้สำเร็จการฝึกที่มีงานทำ", "ร้อยละ", "90", "40", "1=70 2=75 3=80 4=85 5=90"],
            ["3", "พื้นที่ป่าที่ถูกบุกรุกทำลาย", "ไร่", "3000", "25", "1=1000 2=1500 3=2000 4=2500 5=3000"],
            ["", "รวม", "", "", total, ""]]
    ex, findings = run(write_xlsx(tmp_path / "dsd.xlsx", [*FORM72_HEAD, rows]))
    assert ex.records[2].direction == "lower"       # encroached area: lower is better
    assert codes(findings) == sorted(expected + [("DIRECTION_MISMATCH", "3")])


def test_form72_total_rows_of_two_forms_numbered_alike(tmp_path):
    """Two forms in one file, each numbered from 1 and closed by a `รวม` row: each total is
    checked against its own form's weights (60 + 40 = 100; 50 + 30 ≠ 100)."""
    def form(weights, total):
        rows = [["ที่", "ตัวชี้วัด", "หน่วยนับ", "ค่าเป้าหมาย", "น้ำหนัก", "เกณฑ์การให้คะแนน"]]
        for i, w in enumerate(weights, 1):
            rows.append([str(i), f"ร้อยละของผู้ผ่านการอบรมหลักสูตรที่ {i}", "ร้อยละ", "80", str(w),
                         "1=60 2=65 3=70 4=75 5=80"])
        return rows + [["", "รวม", "", "", total, ""]]
    ex, findings = run(write_docx(tmp_path / "two.docx", [
        *FORM72_HEAD, form([60, 40], "100"),
        "แบบฟอร์มที่ 7.2 ตัวชี้วัดความสำเร็จตามแผนพัฒนาองค์การ", "สถาบันพัฒนาฝีมือแรงงาน 1 สมุทรปราการ",
        form([50, 30], "100")]))
    assert len([r for r in ex.records if r.record_type == "kpi"]) == 4
    mismatch = [f for f in findings if f.code == "WEIGHT_SUM_MISMATCH"]
    assert [f.value for f in mismatch] == ["50 + 30 = 80 ≠ 100"]
