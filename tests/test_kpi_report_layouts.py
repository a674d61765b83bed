"""KPI reports in layouts the samples do not show: milestone steps with no matrix (the ก.พ.ร.
convention: level N needs steps 1..N), a transposed matrix (steps as rows), levels citing step
ranges (`ขั้นตอนที่ 1-3`) in a table or in paragraphs, headings `ตัวชี้วัด ๕` / `KPI 2 :`, two
indicators whose matrices start with a `ระดับ` column, a steps-table row a PDF split in two, a
weight label run into the name line, and the last step followed by the report's next heading."""
from __future__ import annotations

from datetime import date

import pytest

from extract_helpers import ctx, doc, table

from extractors import extract, kpi_report
from pipeline.readers import read_document
from pipeline.validate import validate

AS_OF = date(2026, 11, 22)
STEPS = [
    "จัดตั้งคณะทำงานขับเคลื่อนเศรษฐกิจฐานรากระดับจังหวัด ภายในเดือนธันวาคม 2567",
    "คัดเลือกกลุ่มวิสาหกิจชุมชนเป้าหมายไม่น้อยกว่า 30 กลุ่ม ภายใน 31 ม.ค. 68",
    "พัฒนาผลิตภัณฑ์และยกระดับมาตรฐานผลิตภัณฑ์ชุมชน ภายในไตรมาสที่ 2",
    "จัดงานแสดงและจำหน่ายสินค้าชุมชน ภายในวันที่ 15 มิ.ย. 2568",
    "สรุปผลการดำเนินงานและรายงานผู้ว่าราชการจังหวัด ภายในเดือนกันยายน 2568",
]
DEADLINES = ["2024-12-31", "2025-01-31", "2025-03-31", "2025-06-15", "2025-09-30"]
RESULTS = ["✓ 12 ธ.ค. 2567", "ดำเนินการแล้วเสร็จ เมื่อวันที่ 30 มกราคม 2568",
           "ดำเนินการแล้วเสร็จ เมื่อวันที่ 25 มี.ค. 2568", "อยู่ระหว่างดำเนินการ", ""]
STAIRS = {lv: list(range(1, lv + 1)) for lv in range(1, 6)}


def head(kpi_line="ตัวชี้วัดที่ 4 ระดับความสำเร็จของการขับเคลื่อนเศรษฐกิจฐานราก"):
    return ["รายงานผลการปฏิบัติราชการตามคำรับรองการปฏิบัติราชการ",
            "จังหวัดลำพูน ประจำปีงบประมาณ พ.ศ. 2568", "มิติที่ 1 ด้านประสิทธิผลตามยุทธศาสตร์", kpi_line,
            "ผู้กำกับดูแลตัวชี้วัด : นายอำนาจ ศรีวงศ์ รองผู้ว่าราชการจังหวัดลำพูน"]


def results_table(results=RESULTS):
    return table([["ขั้นตอนที่", "ผลการดำเนินงาน"]] + [[str(i), r] for i, r in enumerate(results, 1)])


def split(ex):
    return ([r for r in ex.records if r.record_type == "kpi"],
            [r for r in ex.records if r.record_type == "milestone"])


def codes(findings):
    return sorted((f.code, f.item_no, f.value) for f in findings)


# ---------------------------------------------------------------- steps with no matrix

def steps_only(n=5, wording="เกณฑ์การให้คะแนน : ระดับขั้นของความสำเร็จ (Milestone) แบ่งเป็น 5 ระดับ ดังนี้"):
    return [*head(), wording] + [f"ขั้นตอนที่ {i} {s}" for i, s in enumerate(STEPS[:n], 1)] + [
        "ผลการดำเนินงาน", results_table(RESULTS[:n])]


def test_five_steps_without_matrix_are_levels_one_to_five():
    d = doc(*steps_only())
    assert kpi_report.has_prose_milestones(d) is True
    ex = extract(d, ctx(fiscal_year=2568))
    findings = validate(ex, AS_OF)
    kpis, steps = split(ex)
    assert ex.forms == ["kpi_report"]
    assert [(k.item_no, k.dimension) for k in kpis] == [("4", "1")]
    assert [(s.item_no, s.level, s.name, s.deadline, s.status) for s in steps] == [
        (str(i), i, STEPS[i - 1], DEADLINES[i - 1], st) for i, st in
        enumerate(["done", "done", "done", "not_done", "unknown"], 1)]
    assert [s.completed for s in steps] == ["2024-12-12", "2025-01-30", "2025-03-25", "", ""]
    assert (steps[1].target, steps[1].unit) == (30, "กลุ่ม")
    assert kpis[0].required_steps == [STAIRS[lv] for lv in range(1, 6)]
    assert ex.matrices == []               # no matrix in the document: nothing to check
    assert kpis[0].score == 3
    assert codes(findings) == [("DEADLINE_MISSED", "4", "2025-06-15")]


def test_four_steps_without_matrix_get_no_levels():
    """Only five steps map one to one onto the five levels; other counts are not guessed."""
    d = doc(*steps_only(n=4))
    assert kpi_report.has_prose_milestones(d) is False
    # recognised by a matrix or not, four steps alone give no level and no score
    ex = kpi_report.extract(d, type("M", (), {"source_file": "x", "fiscal_year": 2568})())
    kpis, steps = split(ex)
    assert [s.level for s in steps] == [None] * 4 and kpis[0].required_steps == []
    validate(ex, AS_OF)
    assert kpis[0].score is None


def test_steps_without_milestone_wording_are_not_a_kpi_report():
    d = doc(*steps_only(wording="เกณฑ์การให้คะแนน :"))
    assert kpi_report.has_prose_milestones(d) is False


# ---------------------------------------------------------------- matrix shapes

def test_transposed_matrix_steps_as_rows():
    th = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
    mx = table([["ขั้นตอน"] + [f"ระดับ {str(lv).translate(th)}" for lv in range(1, 6)]] +
               [[f"ขั้นตอนที่ {str(s).translate(th)}"] + ["√" if s <= lv else "" for lv in range(1, 6)]
                for s in range(1, 6)])
    blocks = [*head("ตัวชี้วัด ๕ ระดับความสำเร็จของการพัฒนาการท่องเที่ยวโดยชุมชน"), "เกณฑ์การให้คะแนน :", mx]
    blocks += [f"ขั้นตอนที่ {i} {s}" for i, s in enumerate(STEPS, 1)] + ["ผลการดำเนินงาน", results_table()]
    ex = extract(doc(*blocks), ctx(fiscal_year=2568))
    kpis, steps = split(ex)
    assert [(k.item_no, k.name) for k in kpis] == [("5", "ระดับความสำเร็จของการพัฒนาการท่องเที่ยวโดยชุมชน")]
    assert ex.matrices[0].levels == STAIRS
    assert [(s.level, s.name) for s in steps] == [(i, STEPS[i - 1]) for i in range(1, 6)]
    validate(ex, AS_OF)
    assert kpis[0].score == 3


@pytest.mark.parametrize("cite", ["ขั้นตอนที่ 1-{lv}", "ขั้นตอนที่ 1 – {lv}", "ขั้นตอนที่ 1 ถึง {lv}"])
def test_levels_citing_step_ranges_in_a_table(cite):
    rows = [["ระดับคะแนน", "เกณฑ์การให้คะแนน"], ["1", "ขั้นตอนที่ 1"]]
    rows += [[str(lv), cite.format(lv=lv)] for lv in range(2, 6)]
    blocks = [*head("KPI 2 : ระดับความสำเร็จของการพัฒนาระบบสารสนเทศ"), "เกณฑ์การให้คะแนน :", table(rows)]
    blocks += [f"ขั้นตอนที่ {i} {s}" for i, s in enumerate(STEPS, 1)] + ["ผลการดำเนินงาน", results_table()]
    ex = extract(doc(*blocks), ctx(fiscal_year=2568))
    kpis, steps = split(ex)
    assert [k.item_no for k in kpis] == ["2"]
    assert ex.matrices[0].levels == STAIRS
    assert [s.level for s in steps] == [1, 2, 3, 4, 5]
    assert not [f for f in validate(ex, AS_OF) if f.code == "MILESTONE_MISSING"]
    assert kpis[0].score == 3


def test_levels_citing_step_ranges_in_paragraphs_are_checked():
    cites = ["ระดับ 1 : ขั้นตอนที่ 1", "ระดับ 2 : ขั้นตอนที่ 1-2", "ระดับ 3 : ขั้นตอนที่ 1-3",
             "ระดับ 4 : ขั้นตอนที่ 1-3", "ระดับ 5 : ขั้นตอนที่ 1-5"]
    blocks = [*head(), "เกณฑ์การให้คะแนน :", *cites]
    blocks += [f"ขั้นตอนที่ {i} {s}" for i, s in enumerate(STEPS, 1)] + ["ผลการดำเนินงาน", results_table()]
    ex = extract(doc(*blocks), ctx(fiscal_year=2568))
    _, steps = split(ex)
    assert ex.matrices[0].levels == {1: [1], 2: [1, 2], 3: [1, 2, 3], 4: [1, 2, 3], 5: [1, 2, 3, 4, 5]}
    assert [s.level for s in steps] == [1, 2, 3, 5, 5]
    assert ("MILESTONE_MISSING", "4", "ระดับ 4: ขาดขั้นตอนที่ 4") in codes(validate(ex, AS_OF))


def test_two_indicators_whose_matrices_start_with_a_level_column():
    def matrix(n):
        return table([["ระดับ"] + [f"ขั้นตอนที่ {i}" for i in range(1, n + 1)]] +
                     [[str(lv)] + ["●" if s <= lv else "" for s in range(1, n + 1)] for lv in range(1, 6)])

    def step_table(n):
        return table([["ขั้นตอน", "รายละเอียด", "กำหนดแล้วเสร็จ", "ผลการดำเนินงาน"]] +
                     [[str(i), STEPS[i - 1].split(" ภายใน")[0], "ก.ย. 2568", "✓ 1 ก.ย. 2568"]
                      for i in range(1, n + 1)])
    ex = extract(doc(*head("ตัวชี้วัดที่ 1.1 ระดับความสำเร็จของการพัฒนาหลักสูตร"), matrix(5), step_table(5),
                     "มิติที่ 4 ด้านการพัฒนาองค์การ", "ตัวชี้วัดที่ 1.2 ระดับความสำเร็จของการจัดการความรู้",
                     matrix(5), step_table(5)), ctx(fiscal_year=2568))
    kpis, steps = split(ex)
    assert [(k.item_no, k.dimension) for k in kpis] == [("1.1", "1"), ("1.2", "4")]
    assert [(s.kpi_no, s.item_no) for s in steps] == [(k, str(i)) for k in ("1.1", "1.2") for i in range(1, 6)]
    validate(ex, AS_OF)
    assert [k.score for k in kpis] == [5, 5]


# ---------------------------------------------------------------- headings and PDF damage

@pytest.mark.parametrize("line, item, name", [
    ("ตัวชี้วัด ๕ ระดับความสำเร็จของการพัฒนา", "5", "ระดับความสำเร็จของการพัฒนา"),
    ("KPI 2 : ระดับความสำเร็จของการพัฒนา", "2", "ระดับความสำเร็จของการพัฒนา"),
    ("ตัวชี้วัดที่ 3.2 ระดับความสำเร็จของการพัฒนา", "3.2", "ระดับความสำเร็จของการพัฒนา"),
])
def test_indicator_headings(line, item, name):
    m = kpi_report._kpi_line(line)
    assert (m.group(1).translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")), m.group(2)) == (item, name)


@pytest.mark.parametrize("line", ["ตัวชี้วัด 5 ตัว ได้แก่", "ตัวชี้วัด 12 ข้อ", "KPI 2566"])
def test_counts_are_not_indicator_headings(line):
    assert kpi_report._kpi_line(line) is None


def test_weight_label_run_into_the_name_line():
    """A PDF joins `ตัวชี้วัดที่ 3.2 …` and `น้ำหนัก : ร้อยละ 10` into one line."""
    blocks = ["ตัวชี้วัดที่ 3.2 ระดับความสำเร็จของการพัฒนาระบบออนไลน์น้ำหนัก : ร้อยละ 10",
              "เกณฑ์การให้คะแนน : ระดับขั้นของความสำเร็จ (Milestone)"]
    blocks += [f"ขั้นตอนที่ {i} {s}" for i, s in enumerate(STEPS, 1)]
    kpis, _ = split(extract(doc(*blocks, fmt="pdf"), ctx(fiscal_year=2568)))
    assert (kpis[0].name, kpis[0].weight) == ("ระดับความสำเร็จของการพัฒนาระบบออนไลน์", 10)


def test_steps_table_row_split_by_a_pdf_page_line():
    rows = [["ขั้นตอน", "รายละเอียด", "กำหนดแล้วเสร็จ", "ผลการดำเนินงาน"]]
    rows += [[str(i), STEPS[i - 1].split(" ภายใน")[0], "ภายในวันที่ 31 มีนาคม 2568",
              "ดำเนินการแล้วเสร็จ เมื่อวันที่ 18 เม.ย." if i == 3 else "✓ 1 มี.ค. 2568"] for i in range(1, 6)]
    rows.insert(4, ["", "", "", "2568"])      # the rest of row 3's result cell
    mx = table([["ระดับ"] + [f"ขั้นตอนที่ {i}" for i in range(1, 6)]] +
               [[str(lv)] + ["✔" if s <= lv else "" for s in range(1, 6)] for lv in range(1, 6)])
    ex = extract(doc(*head(), mx, table(rows, index=2), fmt="pdf"), ctx(fiscal_year=2568))
    findings = validate(ex, AS_OF)
    _, steps = split(ex)
    assert len(steps) == 5
    assert (steps[2].status, steps[2].completed) == ("done", "2025-04-18")
    assert ("DEADLINE_MISSED", "3", "2025-03-31 -> 2025-04-18") in codes(findings)


@pytest.mark.parametrize("after", ["แหล่งข้อมูล สำนักงานจังหวัดลำพูน", "วิธีการจัดเก็บข้อมูล รวบรวมจากรายงาน",
                                   "เอกสาร/หลักฐานอ้างอิง รายงานการประชุม", "ปัญหาอุปสรรค ไม่มี"])
def test_last_step_does_not_run_into_the_next_heading(after):
    blocks = [*head(), "เกณฑ์การให้คะแนน : ระดับขั้นของความสำเร็จ (Milestone)"]
    blocks += [f"ขั้นตอนที่ {i} {s}" for i, s in enumerate(STEPS, 1)] + [after]
    _, steps = split(extract(doc(*blocks), ctx(fiscal_year=2568)))
    assert steps[4].name == STEPS[4]


def test_wrapped_step_still_joins_its_next_line():
    blocks = [*head(), "เกณฑ์การให้คะแนน : ระดับขั้นของความสำเร็จ (Milestone)"]
    blocks += [f"ขั้นตอนที่ {i} {s}" for i, s in enumerate(STEPS[:4], 1)]
    blocks += ["ขั้นตอนที่ 5 สรุปผลการดำเนินงานและรายงาน", "ผู้ว่าราชการจังหวัด ภายในเดือนกันยายน 2568"]
    _, steps = split(extract(doc(*blocks), ctx(fiscal_year=2568)))
    assert steps[4].name == "สรุปผลการดำเนินงานและรายงานผู้ว่าราชการจังหวัด ภายในเดือนกันยายน 2568"
    assert steps[4].deadline == "2025-09-30"


@pytest.mark.parametrize("text, value, unit", [
    ("ยกร่างหลักสูตรอย่างน้อย 3 หลักสูตร", 3, "หลักสูตร"),
    ("คัดเลือกไม่น้อยกว่า 30 กลุ่ม", 30, "กลุ่ม"),
    ("พัฒนาไม่น้อยกว่า 12 หมู่บ้าน", 12, "หมู่บ้าน"),
])
def test_count_thresholds(text, value, unit):
    assert kpi_report.threshold_of(text)[:2] == (value, unit)


# ---------------------------------------------------------------- a real DOCX, read and recognised

def test_docx_steps_only_report_is_recognised(tmp_path):
    docx = pytest.importorskip("docx")
    d = docx.Document()
    for line in steps_only()[:-1]:
        d.add_paragraph(line)
    t = d.add_table(rows=6, cols=2)
    for r, row in enumerate([["ขั้นตอนที่", "ผลการดำเนินงาน"]] + [[str(i), x] for i, x in enumerate(RESULTS, 1)]):
        for c, x in enumerate(row):
            t.cell(r, c).text = x
    path = tmp_path / "lamphun.docx"
    d.save(path)
    ex = extract(read_document(path), ctx(name="จังหวัดลำพูน/lamphun.docx"))
    findings = validate(ex, AS_OF)
    kpis, steps = split(ex)
    assert ex.forms == ["kpi_report"]
    assert (ex.agency, ex.fiscal_year) == ("จังหวัดลำพูน", 2568)
    assert [s.level for s in steps] == [1, 2, 3, 4, 5]
    assert kpis[0].score == 3
    assert codes(findings) == [("DEADLINE_MISSED", "4", "2025-06-15")]
