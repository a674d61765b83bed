"""KPI reports written loosely: a matrix headed `ขั้นตอนที N` (tone mark left out), a weight
written in the indicator's heading (`(น้ำหนัก 10)`, `น้ำหนัก ร้อยละ 20`), the agency/year line
under the heading, a heading after the report's title on one line, a bare `เสร็จ` status and a
completion column headed just `วันที่`. Every document is built in tmp_path and read by the
real readers."""
from __future__ import annotations

from datetime import date

from openpyxl import Workbook

from extract_helpers import write_docx
from schemas import ExtractContext
from extractors import extract
from pipeline.readers import read_document
from pipeline.validate import validate

AS_OF = date(2026, 11, 22)
STEP_TEXTS = ["แต่งตั้งคณะทำงานพัฒนาระบบ", "วิเคราะห์กระบวนงานและออกแบบระบบ", "พัฒนาระบบและทดสอบการใช้งาน",
              "อบรมผู้ใช้งานและประชาสัมพันธ์", "เปิดให้บริการและประเมินผล"]


def matrix(step_word="ขั้นตอนที่"):
    return [["ระดับคะแนน"] + [f"{step_word} {i}" for i in range(1, 6)]] + \
        [[str(lv)] + ["✓" if s <= lv else "" for s in range(1, 6)] for lv in range(1, 6)]


def steps_table(status=("ดำเนินการแล้ว",) * 5, done=("15 ธ.ค. 68", "20 ม.ค. 69", "28 มี.ค. 69", "", ""),
                heads=("ขั้นตอน", "รายละเอียด", "กำหนดเสร็จ", "ผลการดำเนินงาน", "วันที่แล้วเสร็จ")):
    deadlines = ["31 ธ.ค. 68", "31 ม.ค. 69", "31 มี.ค. 69", "30 มิ.ย. 69", "30 ก.ย. 69"]
    return [list(heads)] + [[str(i + 1), STEP_TEXTS[i], deadlines[i], status[i], done[i]] for i in range(5)]


def run(path, fy=None):
    ex = extract(read_document(str(path)), ExtractContext(source_file=path.name, fiscal_year=fy))
    return ex, validate(ex, AS_OF)


def kpis(ex):
    return [r for r in ex.records if r.record_type == "kpi"]


def milestones(ex):
    return sorted((r for r in ex.records if r.record_type == "milestone"), key=lambda r: int(r.item_no))


def write_tsv(path, blocks):
    lines = []
    for b in blocks:
        if isinstance(b, str):
            lines.append(b + "\t" * 4)
        else:
            lines.extend("\t".join(r) for r in b)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_xlsx(path, blocks):
    wb = Workbook()
    ws = wb.active
    for b in blocks:
        for row in ([[b]] if isinstance(b, str) else b):
            ws.append(row)
    wb.save(path)
    return path


# ---------------------------------------------------------------- item 4: `ขั้นตอนที N`

def test_matrix_headed_step_without_tone_mark_is_read(tmp_path):
    path = write_docx(tmp_path / "fda.docx", [
        "รายงานผลการดำเนินงานตามตัวชี้วัด ปีงบประมาณ พ.ศ. 2569", "สำนักงานคณะกรรมการอาหารและยา",
        "ตัวชี้วัดที่ 2.1 ระดับความสำเร็จของการพัฒนาระบบอนุญาตออนไลน์", "น้ำหนัก : 15",
        matrix("ขั้นตอนที"), steps_table(status=["ดำเนินการแล้ว"] * 3 + ["อยู่ระหว่างดำเนินการ", ""])])
    ex, findings = run(path)
    k = kpis(ex)
    assert [(r.item_no, r.name) for r in k] == [("2.1", "ระดับความสำเร็จของการพัฒนาระบบอนุญาตออนไลน์")]
    ms = milestones(ex)
    assert [m.item_no for m in ms] == ["1", "2", "3", "4", "5"]
    assert [m.status for m in ms[:4]] == ["done", "done", "done", "not_done"]
    assert k[0].score == 3
    assert "NO_FORM_FOUND" not in {f.code for f in findings}


def test_step_word_without_tone_mark_needs_a_number(tmp_path):
    # `ขั้นตอนที` with no number is no step heading: the paragraph stays prose
    from extractors.kpi_report import _STEP, _STEP_HEAD
    from extractors.recognize import _STEP_LINE
    assert _STEP.match("ขั้นตอนที 3 ทดสอบระบบ").group(1) == "3"
    assert _STEP_HEAD.match("ขั้นตอนที ๔").group(1) == "๔"
    assert _STEP_LINE.match("ขั้นตอนที 2")
    assert _STEP.match("ขั้นตอนทีมงาน") is None and _STEP_LINE.match("ขั้นตอนทีมงาน 2") is None


# ---------------------------------------------------------------- item 7: the heading line

def test_weight_in_brackets_in_heading_is_the_weight_not_the_name(tmp_path):
    path = write_xlsx(tmp_path / "banbueng.xlsx", [
        "เทศบาลเมืองบ้านบึง", "รายงานผลตัวชี้วัดประจำปีงบประมาณ 2569",
        "ตัวชี้วัดที่ 4 ระดับความสำเร็จของการแก้ไขปัญหาน้ำท่วมขัง (น้ำหนัก 10)", [[""]],
        matrix(), [[""]], steps_table()])
    ex, _ = run(path)
    k = kpis(ex)
    assert [(r.item_no, r.name, r.weight) for r in k] == [("4", "ระดับความสำเร็จของการแก้ไขปัญหาน้ำท่วมขัง", 10)]


def test_weight_run_onto_heading_line_by_pdf(tmp_path):
    # a PDF whose heading and weight lines came out as one line
    path = write_docx(tmp_path / "npu.docx", [
        "มหาวิทยาลัยนครพนม", "รายงานผลการดำเนินงานตามตัวชี้วัด ประจำปีงบประมาณ พ.ศ. 2569",
        "ตัวชี้วัดที่ 5 ระดับความสำเร็จของการขับเคลื่อนมหาวิทยาลัยสีเขียวน้ำหนัก ร้อยละ 20",
        matrix(), steps_table()])
    ex, _ = run(path)
    assert [(r.item_no, r.name, r.weight) for r in kpis(ex)] == [
        ("5", "ระดับความสำเร็จของการขับเคลื่อนมหาวิทยาลัยสีเขียว", 20)]


def test_weight_word_inside_a_name_stays(tmp_path):
    # `น้ำหนัก` not followed by a number at the end is part of the indicator's name
    name = "ร้อยละของทารกแรกเกิดน้ำหนักน้อยกว่า 2,500 กรัม"
    path = write_docx(tmp_path / "hosp.docx", [
        "รายงานผลการดำเนินงานตามตัวชี้วัด ประจำปีงบประมาณ พ.ศ. 2569", f"ตัวชี้วัดที่ 3 {name}",
        "น้ำหนัก : ร้อยละ 5", matrix(), steps_table()])
    ex, _ = run(path)
    assert [(r.name, r.weight) for r in kpis(ex)] == [(name, 5)]


def test_agency_and_year_line_under_heading_is_not_the_name(tmp_path):
    path = write_tsv(tmp_path / "uthai.tsv", [
        "ตัวชี้วัดที่ 1 ระดับความสำเร็จของการพัฒนาเมืองสมุนไพร",
        "สำนักงานจังหวัดอุทัยธานี ปีงบประมาณ พ.ศ. 2569", "น้ำหนัก : ร้อยละ 25", matrix(), steps_table()])
    ex, _ = run(path)
    assert [(r.item_no, r.name, r.weight) for r in kpis(ex)] == [
        ("1", "ระดับความสำเร็จของการพัฒนาเมืองสมุนไพร", 25)]


def test_wrapped_name_with_a_year_still_continues(tmp_path):
    # a name wrapped onto a second paragraph that is no agency line keeps its second half
    path = write_docx(tmp_path / "wrap.docx", [
        "กรมบัญชีกลาง", "ตัวชี้วัดที่ 2 ร้อยละการเบิกจ่ายงบประมาณ", "รายจ่ายประจำปีงบประมาณ พ.ศ. 2569",
        "น้ำหนัก : 10", matrix(), steps_table()])
    ex, _ = run(path)
    names = [r.name for r in kpis(ex)]
    assert len(names) == 1 and names[0].startswith("ร้อยละการเบิกจ่ายงบประมาณ")
    assert names[0].endswith("รายจ่ายประจำปีงบประมาณ พ.ศ. 2569")


def test_heading_after_report_title_on_one_line(tmp_path):
    path = write_tsv(tmp_path / "uthai.tsv", [
        "รายงานผลการดำเนินงาน ตัวชี้วัดที่ 1 ระดับความสำเร็จของการพัฒนาเมืองสมุนไพร",
        "สำนักงานจังหวัดอุทัยธานี ปีงบประมาณ พ.ศ. 2569", "น้ำหนัก : ร้อยละ 25", matrix(), steps_table()])
    ex, _ = run(path)
    assert [(r.item_no, r.name) for r in kpis(ex)] == [("1", "ระดับความสำเร็จของการพัฒนาเมืองสมุนไพร")]


# ---------------------------------------------------------------- item 8: status and completion

def test_bare_done_status_and_date_column(tmp_path):
    path = write_xlsx(tmp_path / "banbueng.xlsx", [
        "เทศบาลเมืองบ้านบึง", "รายงานผลตัวชี้วัดประจำปีงบประมาณ 2569",
        "ตัวชี้วัดที่ 4 ระดับความสำเร็จของการแก้ไขปัญหาน้ำท่วมขัง", [[""]], matrix(), [[""]],
        steps_table(status=["เสร็จ", "เสร็จ", "เสร็จ", "ไม่เสร็จ", "ไม่เสร็จ"],
                    done=["25 พ.ย. 68", "30 ม.ค. 69", "20 มี.ค. 69", "", ""],
                    heads=("ขั้นตอนที่", "การดำเนินงาน", "กำหนดแล้วเสร็จ", "สถานะ", "วันที่"))])
    ex, findings = run(path)
    ms = milestones(ex)
    assert [m.status for m in ms] == ["done", "done", "done", "not_done", "not_done"]
    assert [m.completed for m in ms[:3]] == ["2025-11-25", "2026-01-30", "2026-03-20"]
    assert [m.deadline for m in ms[:1]] == ["2025-12-31"]
    assert kpis(ex)[0].score == 3
    assert sorted((f.code, f.item_no) for f in findings if f.code == "DEADLINE_MISSED") == [
        ("DEADLINE_MISSED", "4"), ("DEADLINE_MISSED", "5")]


def test_expected_completion_is_not_done():
    from extractors import common as C
    for t in ("ไม่เสร็จ", "จะเสร็จภายในเดือนหน้า", "คาดว่าจะเสร็จ"):
        assert C.RESULT_NOT_DONE.search(t), t
    assert C.RESULT_DONE.search("เสร็จ 25 พ.ย. 68")
    assert not C.RESULT_DONE.search("กำหนดเสร็จ")
